import { describe, expect, it } from 'vitest';
import {
  childOf,
  childrenOf,
  descendantsOf,
  MAX_DEPTH,
  parseXml,
  textOf,
  XmlSyntaxError,
} from '../../../lib/xml/parse';
import { parseXml as parseXmlBaseline } from '../../bench/xml-baseline';
import { createSruHandler } from '../../support/mock-api/sru';

function syntaxError(xml: string): XmlSyntaxError {
  try {
    parseXml(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(XmlSyntaxError);
    return error as XmlSyntaxError;
  }
  throw new Error(`expected ${JSON.stringify(xml)} to be refused`);
}

describe('parseXml', () => {
  it('names elements and attributes by local name and decodes text', () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment --><a:root xmlns:a="urn:a" xmlns="urn:d" a:lang='nl'>
        <b x="1 &amp; 2">Financi&#235;n &amp; Klimaat &#x2013; <![CDATA[<raw> & such]]></b>
        <?pi ignored?><c/><d><b>nested</b></d>
      </a:root>
      <!-- trailing -->`,
    );
    expect(root.name).toBe('root');
    expect(root.attrs).toEqual({ lang: 'nl' });
    const b = childOf(root, 'b');
    expect(b?.attrs).toEqual({ x: '1 & 2' });
    expect(textOf(b)).toBe('Financiën & Klimaat – <raw> & such');
    expect(descendantsOf(root, 'b').map(textOf)).toEqual(['Financiën & Klimaat – <raw> & such', 'nested']);
    expect(textOf(childOf(root, 'c'))).toBeUndefined();
    expect(childOf(root, 'c')).toEqual({ name: 'c', attrs: {}, children: [], text: '' });
  });

  it('keeps text untrimmed, joined around child elements, and leaves out namespace declarations', () => {
    const root = parseXml('<p xmlns:x="urn:x" x:id="1" xml:lang="nl"> one <x:b>two</x:b> three </p>');
    expect(root).toEqual({
      name: 'p',
      attrs: { id: '1', lang: 'nl' },
      children: [{ name: 'b', attrs: {}, children: [], text: 'two' }],
      text: ' one  three ',
    });
  });

  it.each([
    ['with entity declarations', '<!DOCTYPE a [<!ENTITY x "boom">]><a>&x;</a>', 'a'],
    [
      'of a billion laughs',
      `<!DOCTYPE lolz [<!ENTITY l "lol"><!ENTITY l2 "&l;&l;&l;&l;&l;">]><lolz>&l2;</lolz>`,
      'lolz',
    ],
    ['without a subset (an HTML page)', '<!DOCTYPE html><html><body>Onderhoud</body></html>', 'html'],
    ['with an external DTD', '<!DOCTYPE a SYSTEM "http://example.org/a.dtd"><a/>', 'a'],
    ['cut off', '<!DOCTYPE a [<!ENTITY x "boom">', 'a'],
  ])('refuses a DOCTYPE %s', (_name, xml, declared) => {
    const error = syntaxError(xml);
    expect(error.message).toBe(
      `the document declares a DOCTYPE (${declared}), which is not accepted (line 1, column 1)`,
    );
    expect(error.truncated).toBe(false);
  });

  it('says where a DOCTYPE after the XML declaration starts', () => {
    expect(syntaxError('<?xml version="1.0"?>\n<!DOCTYPE a><a/>')).toMatchObject({ line: 2, column: 1 });
  });

  const broken: [string, string, RegExp][] = [
    ['cut off', '<a><b>text', /^unexpected end of document: <b> is not closed/],
    ['cut off in a tag', '<a><b x="1"', /^unexpected end of document inside the tag <b>: <a> is not closed/],
    ['cut off in a closing tag', '<a><b></b', /inside the closing tag <\/b>/],
    ['cut off in a reference', '<a>caf&eacu', /inside a character reference/],
    ['cut off in CDATA', '<a><![CDATA[x', /inside a CDATA section/],
    ['mismatched close', '<a><b></a>', /^<\/a> does not close the open element <b>/],
    ['empty', '   ', /^the document is empty: no root element/],
    ['not XML', 'Service Unavailable', /^the document does not start with an element/],
    ['two roots', '<a/><b/>', /^unexpected content after the root element <\/a>/],
    ['text after the root', '<a></a>junk', /^unexpected content after the root element <\/a>/],
    ['bare ampersand', '<a>this & that</a>', /^'&' must start a character reference like &amp;/],
    ['bare ampersand before a semicolon', '<a>this & that; x</a>', /^'&' must start a character reference/],
    ['unknown entity', '<a>&nbsp;</a>', /^unknown entity &nbsp;/],
    ['bad char ref', '<a>&#xZZ;</a>', /^invalid character reference &#xZZ;/],
    ['char ref to a surrogate', '<a>&#55296;</a>', /^invalid character reference &#55296;/],
    ['unquoted attribute', '<a x=1/>', /must be quoted/],
    ['unclosed comment', '<a><!-- x </a>', /inside a comment/],
    ['a control character', '<a>\u0001</a>', /^U\+0001 is not allowed here/],
    ['"<" in an attribute', '<a b="<"/>', /^"<" \(U\+003C\) is not allowed here/],
    ['an undeclared prefix', '<p:a/>', /^the namespace prefix "p" is not declared/],
    ['a duplicate attribute', '<a x="1" x="2"/>', /duplicate attribute/],
  ];
  it.each(broken)('rejects %s with a plain reason and position', (_name, xml, reason) => {
    const error = syntaxError(xml);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/\(line \d+, column \d+\)$/);
    expect(error.message).toBe(`${error.reason} (line ${error.line}, column ${error.column})`);
  });

  it.each([
    ['<a><b>text', true],
    ['<a><b x="1', true],
    ['<a>caf&eacu', true],
    ['<a><!-- x', true],
    ['<a><![CDATA[x', true],
    ['<?xml version="1.0"?><sru:a xmlns:sru="urn:s"><sru:b>1</sru:b>', true],
    ['<a><b></a>', false],
    ['<a>&nbsp;</a>', false],
    ['<a>this & that</a>', false],
    ['<a><![CDATA[a & b]]></a', true],
    ['', false],
    ['   ', false],
  ])('tells a cut-off document (%j) from a broken one', (xml, truncated) => {
    expect(syntaxError(xml).truncated).toBe(truncated);
  });

  it('says where a cut-off document ends', () => {
    const error = syntaxError('<a>\n  <b>te');
    expect(error).toMatchObject({ line: 2, column: 7, truncated: true });
  });

  it('reports the line and column of the problem', () => {
    expect(syntaxError('<a>\n<b>\n</c>')).toMatchObject({ line: 3, column: 4 });
    expect(syntaxError('<a>\n  x &nbsp; y</a>')).toMatchObject({ line: 2, column: 5, reason: 'unknown entity &nbsp;' });
    expect(syntaxError('<a>\n  this & that</a>')).toMatchObject({ line: 2, column: 8 });
  });

  it('bounds nesting depth', () => {
    expect(() => parseXml(`${'<a>'.repeat(MAX_DEPTH)}${'</a>'.repeat(MAX_DEPTH)}`)).not.toThrow();
    expect(() => parseXml(`${'<a>'.repeat(500)}${'</a>'.repeat(500)}`)).toThrow(
      /^elements are nested deeper than 200 levels/,
    );
  });
});

describe('the EDMX $metadata of an OData service', () => {
  const EDMX = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="TK.DA.GGM.OData" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="Document">
        <Key><PropertyRef Name="Id" /></Key>
        <Property Name="Id" Type="Edm.Guid" Nullable="false" />
        <Property Name="Soort" Type="Edm.String" />
        <Property Name="DocumentNummer" Type="Edm.String" />
        <Property Name="Datum" Type="Edm.DateTimeOffset" />
        <NavigationProperty Name="Kamerstukdossier" Type="Collection(TK.DA.GGM.OData.Kamerstukdossier)" />
        <NavigationProperty Name="HuidigeDocumentVersie" Type="TK.DA.GGM.OData.DocumentVersie" />
      </EntityType>
      <EntityType Name="Kamerstukdossier">
        <Key><PropertyRef Name="Id" /></Key>
        <Property Name="Id" Type="Edm.Guid" Nullable="false" />
        <Property Name="Nummer" Type="Edm.Int32" />
      </EntityType>
      <EntityContainer Name="Container">
        <EntitySet Name="Document" EntityType="TK.DA.GGM.OData.Document">
          <NavigationPropertyBinding Path="Kamerstukdossier" Target="Kamerstukdossier" />
        </EntitySet>
        <EntitySet Name="Kamerstukdossier" EntityType="TK.DA.GGM.OData.Kamerstukdossier" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

  it('reads edmx:Edmx/edmx:DataServices/Schema with its entity types, properties, navigations and sets', () => {
    const root = parseXml(EDMX);
    expect(root).toMatchObject({ name: 'Edmx', attrs: { Version: '4.0' } });
    const schema = childOf(childOf(root, 'DataServices'), 'Schema');
    expect(schema?.attrs).toEqual({ Namespace: 'TK.DA.GGM.OData' });
    const types = childrenOf(schema, 'EntityType');
    expect(types.map((type) => type.attrs.Name)).toEqual(['Document', 'Kamerstukdossier']);
    const document = types[0];
    expect(childrenOf(document, 'Property').map((p) => [p.attrs.Name, p.attrs.Type])).toEqual([
      ['Id', 'Edm.Guid'],
      ['Soort', 'Edm.String'],
      ['DocumentNummer', 'Edm.String'],
      ['Datum', 'Edm.DateTimeOffset'],
    ]);
    expect(childrenOf(document, 'NavigationProperty').map((p) => [p.attrs.Name, p.attrs.Type])).toEqual([
      ['Kamerstukdossier', 'Collection(TK.DA.GGM.OData.Kamerstukdossier)'],
      ['HuidigeDocumentVersie', 'TK.DA.GGM.OData.DocumentVersie'],
    ]);
    expect(childrenOf(childOf(document, 'Key'), 'PropertyRef').map((p) => p.attrs.Name)).toEqual(['Id']);
    const sets = childrenOf(childOf(schema, 'EntityContainer'), 'EntitySet');
    expect(sets.map((set) => [set.attrs.Name, set.attrs.EntityType])).toEqual([
      ['Document', 'TK.DA.GGM.OData.Document'],
      ['Kamerstukdossier', 'TK.DA.GGM.OData.Kamerstukdossier'],
    ]);
  });

  it('fails on a $metadata answer cut off in transit', () => {
    const error = syntaxError(EDMX.slice(0, EDMX.indexOf('<EntityContainer')));
    expect(error).toMatchObject({ truncated: true });
    expect(error.reason).toBe('unexpected end of document: <Schema> is not closed');
  });
});

describe('against the hand-written reader it replaces (tests/bench/xml-baseline.ts)', () => {
  it.each([
    ['a page of every record', 'c.product-area==officielepublicaties', '1000', '2.0'],
    ['an SRU 1.2 page', 'w.dossiernummer==35000-VI', '10', '1.2'],
    ['a diagnostic', 'foo.bar==1', '10', '2.0'],
  ])('reads %s from the SRU mock into the same tree', async (_name, query, maximumRecords, version) => {
    const url = new URL('http://localhost/sru');
    url.search = new URLSearchParams({ operation: 'searchRetrieve', version, query, maximumRecords }).toString();
    const answer = await createSruHandler()(url, undefined as never);
    const xml = String(answer.body);
    expect(parseXml(xml)).toEqual(parseXmlBaseline(xml));
  });
});
