import { describe, expect, it } from 'vitest';
import { parseSearchRetrieveResponse } from '../../../lib/koop/sru-parse';
import { ServiceError } from '../../../lib/net/http';

/** One gzd record in KOOP's layout; `tpmeta` and `mantel` are spliced in so each fixture shows what it is about. */
function gzdRecord(id: string, position: number, tpmeta: string, mantel = ''): string {
  return `
    <sru:record>
      <sru:recordSchema>http://standaarden.overheid.nl/sru/</sru:recordSchema>
      <sru:recordXMLEscaping>xml</sru:recordXMLEscaping>
      <sru:recordData>
        <gzd:gzd xmlns:gzd="http://standaarden.overheid.nl/sru" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://standaarden.overheid.nl/sru gzd.xsd">
          <gzd:originalData>
            <overheidwetgeving:meta xmlns:overheidwetgeving="http://standaarden.overheid.nl/wetgeving/"
                                    xmlns:dcterms="http://purl.org/dc/terms/"
                                    xmlns:overheid="http://standaarden.overheid.nl/owms/terms/">
              <overheidwetgeving:owmskern>
                <dcterms:identifier>${id}</dcterms:identifier>
                <dcterms:title>Title of ${id}</dcterms:title>
                <dcterms:type scheme="OVERHEIDop.Parlementair">Kamerstuk</dcterms:type>
                <dcterms:language scheme="XSD.language">nl</dcterms:language>
                <overheid:authority scheme="overheid:StatenGeneraal">Tweede Kamer der Staten-Generaal</overheid:authority>
                <dcterms:creator scheme="overheid:StatenGeneraal">Tweede Kamer der Staten-Generaal</dcterms:creator>
                <dcterms:modified>2018-11-23</dcterms:modified>
              </overheidwetgeving:owmskern>
              <overheidwetgeving:owmsmantel>${mantel}</overheidwetgeving:owmsmantel>
              <overheidwetgeving:tpmeta>${tpmeta}</overheidwetgeving:tpmeta>
            </overheidwetgeving:meta>
          </gzd:originalData>
          <gzd:enrichedData>
            <gzd:url>https://repository.overheid.nl/frbr/officielepublicaties/kst/x/${id}/1/metadata/metadata.xml</gzd:url>
            <gzd:preferredUrl>https://zoek.officielebekendmakingen.nl/${id}.html</gzd:preferredUrl>
            <gzd:itemUrl manifestation="pdf">https://repository.overheid.nl/frbr/officielepublicaties/kst/x/${id}/1/pdf/${id}.pdf</gzd:itemUrl>
          </gzd:enrichedData>
        </gzd:gzd>
      </sru:recordData>
      <sru:recordPosition>${position}</sru:recordPosition>
    </sru:record>`;
}

function response(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sru:searchRetrieveResponse xmlns:sru="http://docs.oasis-open.org/ns/search-ws/sruResponse">
  <sru:version>2.0</sru:version>
  ${body}
</sru:searchRetrieveResponse>`;
}

const NORMAL = response(`
  <sru:numberOfRecords>1</sru:numberOfRecords>
  <sru:records>${gzdRecord(
    'kst-35000-VI-59',
    1,
    `
    <overheidwetgeving:vergaderjaar>2018-2019</overheidwetgeving:vergaderjaar>
    <overheidwetgeving:dossiernummer>35000-VI</overheidwetgeving:dossiernummer>
    <overheidwetgeving:ondernummer>59</overheidwetgeving:ondernummer>
    <overheidwetgeving:publicatienaam>Kamerstuk</overheidwetgeving:publicatienaam>
    <overheidwetgeving:documenttitel>Motie van het lid Groothuizen c.s. over een
      jaarlijkse rapportage</overheidwetgeving:documenttitel>
    <overheidwetgeving:dossiertitel>Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2019</overheidwetgeving:dossiertitel>
    <overheidwetgeving:indiener>M. Groothuizen</overheidwetgeving:indiener>
    <overheidwetgeving:subrubriek>Motie</overheidwetgeving:subrubriek>
    <overheidwetgeving:organisatietype>Staten-Generaal</overheidwetgeving:organisatietype>`,
    `<dcterms:date>2018-11-22</dcterms:date><dcterms:available>2018-11-23</dcterms:available>
     <dcterms:issued>2018-11-23</dcterms:issued>`,
  )}
  </sru:records>
  <sru:echoedSearchRetrieveRequest><sru:query>dt.identifier=="kst-35000-VI-59"</sru:query></sru:echoedSearchRetrieveRequest>`);

describe('parseSearchRetrieveResponse', () => {
  it('reads a normal record', () => {
    expect(parseSearchRetrieveResponse(NORMAL)).toEqual({
      total: 1,
      records: [
        {
          identifier: 'kst-35000-VI-59',
          title: 'Title of kst-35000-VI-59',
          type: 'Kamerstuk',
          publicatienaam: 'Kamerstuk',
          date: '2018-11-22',
          modified: '2018-11-23',
          dossiernummer: '35000-VI',
          ondernummer: '59',
          vergaderjaar: '2018-2019',
          documenttitel: 'Motie van het lid Groothuizen c.s. over een jaarlijkse rapportage',
          dossiertitel:
            'Vaststelling van de begrotingsstaten van het Ministerie van Justitie en Veiligheid (VI) voor het jaar 2019',
          indieners: ['M. Groothuizen'],
          subrubriek: 'Motie',
          preferredUrl: 'https://zoek.officielebekendmakingen.nl/kst-35000-VI-59.html',
          creator: 'Tweede Kamer der Staten-Generaal',
        },
      ],
    });
  });

  it('keeps every indiener in order and decodes character references', () => {
    const xml = response(`
      <sru:numberOfRecords>1</sru:numberOfRecords>
      <sru:records>${gzdRecord(
        'kst-35300-XVII-34',
        1,
        `<overheidwetgeving:indiener>A.H. Kuik</overheidwetgeving:indiener>
         <overheidwetgeving:indiener>J.S. Voordewind</overheidwetgeving:indiener>
         <overheidwetgeving:indiener>S.W. Becker&#8211;de Groot</overheidwetgeving:indiener>
         <overheidwetgeving:indiener>  </overheidwetgeving:indiener>
         <overheidwetgeving:dossiertitel>Buitenlandse Handel &amp; Ontwikkelingssamenwerking</overheidwetgeving:dossiertitel>`,
        '<dcterms:issued>2019-11-14T10:00:00</dcterms:issued>',
      )}</sru:records>`);
    const [record] = parseSearchRetrieveResponse(xml).records;
    expect(record?.indieners).toEqual(['A.H. Kuik', 'J.S. Voordewind', 'S.W. Becker–de Groot']);
    expect(record?.dossiertitel).toBe('Buitenlandse Handel & Ontwikkelingssamenwerking');
    // No dcterms:date: falls back to issued, as a date only.
    expect(record?.date).toBe('2019-11-14');
    expect(record).not.toHaveProperty('subrubriek');
  });

  it('matches on local names whatever the prefixes (SRU 1.2, default namespaces)', () => {
    const xml = `<srw:searchRetrieveResponse xmlns:srw="http://www.loc.gov/zing/srw/">
      <srw:version>1.2</srw:version><srw:numberOfRecords>1</srw:numberOfRecords>
      <srw:records><srw:record><srw:recordData>
        <gzd xmlns="http://standaarden.overheid.nl/sru"><originalData>
          <ow:meta xmlns:ow="http://standaarden.overheid.nl/wetgeving/" xmlns:dc="http://purl.org/dc/terms/">
            <ow:owmskern><dc:identifier>stb-2019-143</dc:identifier><dc:title>Besluit</dc:title>
              <dc:type>Staatsblad</dc:type></ow:owmskern>
            <ow:owmsmantel><dc:available>2019-04-13</dc:available></ow:owmsmantel>
            <ow:tpmeta><ow:publicatienaam>Staatsblad</ow:publicatienaam></ow:tpmeta>
          </ow:meta></originalData>
          <enrichedData><preferredUrl>https://zoek.officielebekendmakingen.nl/stb-2019-143.html</preferredUrl></enrichedData>
        </gzd>
      </srw:recordData></srw:record></srw:records>
    </srw:searchRetrieveResponse>`;
    expect(parseSearchRetrieveResponse(xml).records).toEqual([
      {
        identifier: 'stb-2019-143',
        title: 'Besluit',
        type: 'Staatsblad',
        publicatienaam: 'Staatsblad',
        date: '2019-04-13',
        indieners: [],
        preferredUrl: 'https://zoek.officielebekendmakingen.nl/stb-2019-143.html',
      },
    ]);
  });

  it('reads paging: total for the query, nextRecordPosition for the next page', () => {
    const xml = response(`
      <sru:numberOfRecords>3</sru:numberOfRecords>
      <sru:records>${gzdRecord('kst-19637-2375', 1, '')}${gzdRecord('kst-19637-2380', 2, '')}</sru:records>
      <sru:nextRecordPosition>3</sru:nextRecordPosition>`);
    const page = parseSearchRetrieveResponse(xml);
    expect(page.total).toBe(3);
    expect(page.nextRecordPosition).toBe(3);
    expect(page.records.map((r) => r.identifier)).toEqual(['kst-19637-2375', 'kst-19637-2380']);
  });

  it('reads an empty result', () => {
    const xml = response('<sru:numberOfRecords>0</sru:numberOfRecords>');
    expect(parseSearchRetrieveResponse(xml)).toEqual({ total: 0, records: [] });
  });

  it('skips records it cannot key: surrogate diagnostics, no identifier', () => {
    const xml = response(`
      <sru:numberOfRecords>2</sru:numberOfRecords>
      <sru:records>
        <sru:record><sru:recordData><diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">
          <diag:uri>info:srw/diagnostic/1/64</diag:uri><diag:message>Record temporarily unavailable</diag:message>
        </diag:diagnostic></sru:recordData></sru:record>
        ${gzdRecord('kst-19637-2375', 2, '')}
      </sru:records>`);
    expect(parseSearchRetrieveResponse(xml).records.map((r) => r.identifier)).toEqual(['kst-19637-2375']);
  });

  it('throws a diagnostic ServiceError for <diagnostics> (HTTP 200)', () => {
    const xml = response(`
      <sru:numberOfRecords>0</sru:numberOfRecords>
      <sru:diagnostics>
        <diag:diagnostic xmlns:diag="http://docs.oasis-open.org/ns/search-ws/diagnostic">
          <diag:uri>info:srw/diagnostic/1/10</diag:uri>
          <diag:details>unexpected ")" at position 12</diag:details>
          <diag:message>Query syntax error</diag:message>
        </diag:diagnostic>
      </sru:diagnostics>`);
    const error = catchError(() => parseSearchRetrieveResponse(xml));
    expect(error).toMatchObject({
      kind: 'diagnostic',
      uri: 'info:srw/diagnostic/1/10',
      details: 'unexpected ")" at position 12',
      retryable: false,
    });
    expect(error.message).toContain('Query syntax error');
  });

  it('throws a diagnostic ServiceError for a bare <diagnostics> document (SRU 1.2 servers)', () => {
    const xml = `<diagnostics xmlns="http://www.loc.gov/zing/srw/diagnostic/"><diagnostic>
      <uri>info:srw/diagnostic/1/1</uri><message>General system error</message></diagnostic></diagnostics>`;
    expect(catchError(() => parseSearchRetrieveResponse(xml))).toMatchObject({
      kind: 'diagnostic',
      uri: 'info:srw/diagnostic/1/1',
      message: 'KOOP SRU: refused the request: General system error [info:srw/diagnostic/1/1]',
      // A general system error is the server's state, not the request's: worth another try later.
      retryable: true,
    });
  });

  const malformed: [string, string, RegExp][] = [
    [
      'cut off',
      NORMAL.slice(0, NORMAL.indexOf('</overheidwetgeving:tpmeta>')),
      /response is cut off: .*<overheidwetgeving:tpmeta> is not closed/,
    ],
    ['an HTML error page', '<html><body><h1>Service Unavailable</h1></body></html>', /<html> as its root element/],
    ['not XML at all', 'Internal Server Error', /not readable XML: the document does not start with an element/],
    ['empty', '', /not readable XML: the document is empty/],
    ['no numberOfRecords', response('<sru:records/>'), /no numeric <numberOfRecords>/],
  ];
  it.each(malformed)('throws a malformed ServiceError for %s, saying what was wrong', (_name, xml, reason) => {
    const error = catchError(() => parseSearchRetrieveResponse(xml));
    expect(error.kind).toBe('malformed');
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(reason);
    expect(error.message).not.toMatch(/\n\s+at /);
  });
});

function catchError(run: () => unknown): ServiceError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ service: 'KOOP SRU' });
    return error as ServiceError;
  }
  throw new Error('expected a ServiceError');
}
