import { ServiceError } from '../net/http';
import { childOf, childrenOf, descendantsOf, parseXml, textOf, type XmlElement, XmlSyntaxError } from '../xml/parse';
import type { KoopRecord, SruPage } from './types';

/** How KOOP's SRU service is named in errors and health messages. */
export const KOOP_SERVICE = 'KOOP SRU';

/**
 * Reads a KOOP `searchRetrieveResponse` (SRU 2.0 or 1.2, recordSchema gzd). Elements are matched by local name only,
 * since the prefixes (`sru:`, `srw:`, `dcterms:`, `overheidwetgeving:`) differ between KOOP's responses.
 *
 * Throws a ServiceError of kind `diagnostic` when the service refused the request (KOOP says so with HTTP 200 and a
 * `<diagnostics>` element; `uri` and `details` say which and why), and `malformed` when the text is not a readable
 * SRU response.
 */
export function parseSearchRetrieveResponse(xml: string): SruPage {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      const what = error.truncated ? 'is cut off' : 'is not readable XML';
      throw new ServiceError(
        KOOP_SERVICE,
        'malformed',
        `the response ${what}: ${error.message}`,
        undefined,
        undefined,
        {
          cause: error,
        },
      );
    }
    throw error;
  }

  // Some SRU servers answer a fatal error with a bare <diagnostics> or <diagnostic> document instead.
  const diagnostics = root.name === 'diagnostics' ? root : childOf(root, 'diagnostics');
  const diagnostic = root.name === 'diagnostic' ? root : descendantsOf(diagnostics, 'diagnostic')[0];
  if (diagnostic) throw diagnosticError(diagnostic);

  if (root.name !== 'searchRetrieveResponse') {
    throw new ServiceError(
      KOOP_SERVICE,
      'malformed',
      `the response has <${root.name}> as its root element instead of <searchRetrieveResponse>`,
    );
  }

  const total = integer(root, 'numberOfRecords');
  if (total === undefined) {
    throw new ServiceError(KOOP_SERVICE, 'malformed', 'the response has no numeric <numberOfRecords>');
  }
  const nextRecordPosition = integer(root, 'nextRecordPosition');

  const records: KoopRecord[] = [];
  for (const record of childrenOf(childOf(root, 'records'), 'record')) {
    const parsed = readRecord(record);
    if (parsed) records.push(parsed);
  }

  return nextRecordPosition === undefined ? { total, records } : { total, nextRecordPosition, records };
}

function diagnosticError(diagnostic: XmlElement): ServiceError {
  const uri = textOf(childOf(diagnostic, 'uri'));
  const message = textOf(childOf(diagnostic, 'message'));
  const details = textOf(childOf(diagnostic, 'details'));
  const what = [message ?? 'unspecified error', details && `(${details})`, uri && `[${uri}]`].filter(Boolean).join(' ');
  return new ServiceError(KOOP_SERVICE, 'diagnostic', `refused the request: ${what}`, undefined, undefined, {
    ...(uri ? { uri } : {}),
    ...(details ? { details } : {}),
  });
}

function integer(parent: XmlElement, name: string): number | undefined {
  const text = textOf(childOf(parent, name));
  return text && /^\d+$/.test(text) ? Number(text) : undefined;
}

/** `2018-11-22`, `2018-11-22T10:00:00Z` → `2018-11-22`; anything else is not a date we can show. */
function isoDate(text: string | undefined): string | undefined {
  return text ? /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text)?.[1] : undefined;
}

/**
 * One gzd record. Fields are looked up anywhere under `originalData/meta` (owmskern, owmsmantel, tpmeta), first
 * occurrence in document order, which tolerates KOOP moving a field between sections (older `sgd` records do).
 * Records without an identifier, or surrogate diagnostics in place of data, are skipped: nothing could key them.
 */
function readRecord(record: XmlElement): KoopRecord | undefined {
  const data = childOf(record, 'recordData');
  const meta = descendantsOf(descendantsOf(data, 'originalData')[0] ?? data, 'meta')[0];
  const first = (name: string): string | undefined => textOf(descendantsOf(meta, name)[0]);
  const identifier = first('identifier');
  if (!meta || !identifier) return undefined;

  const enriched = descendantsOf(data, 'enrichedData')[0];
  const fields: Omit<KoopRecord, 'identifier' | 'title' | 'type' | 'indieners'> = {
    publicatienaam: first('publicatienaam'),
    date: isoDate(first('date')) ?? isoDate(first('issued')) ?? isoDate(first('available')),
    modified: first('modified'),
    dossiernummer: first('dossiernummer'),
    ondernummer: first('ondernummer'),
    vergaderjaar: first('vergaderjaar'),
    documenttitel: first('documenttitel'),
    dossiertitel: first('dossiertitel'),
    subrubriek: first('subrubriek'),
    preferredUrl: textOf(descendantsOf(enriched, 'preferredUrl')[0]),
    creator: first('creator'),
  };
  const result: KoopRecord = {
    identifier,
    title: first('title') ?? '',
    type: first('type') ?? '',
    indieners: descendantsOf(meta, 'indiener')
      .map(textOf)
      .filter((name): name is string => name !== undefined),
  };
  // Absent fields stay absent rather than `undefined`, so records compare and serialise cleanly.
  for (const [key, value] of Object.entries(fields) as [keyof typeof fields, string | undefined][]) {
    if (value !== undefined) result[key] = value;
  }
  return result;
}
