import { describe, expect, it } from 'vitest';
import type { DocumentRecord, MotionRecord, Source } from '../../../lib/db/models';
import { FRESH_FOR } from '../../../lib/sync/freshness';
import { type Failure, mergeRound, type RoundResults } from '../../../lib/sync/round';
import type { MappedDocument } from '../../../lib/tk/mapping';

const NOW = 1_000;
const ID = 'kst-19637-2375';

const koopDoc: DocumentRecord = {
  id: ID,
  kind: 'kamerstuk',
  soort: 'Motie',
  titel: 'Motie van het lid Groothuizen',
  datum: '2018-11-22',
  indieners: ['M. Groothuizen'],
  source: 'koop',
  fetchedAt: NOW,
};

const motion: MotionRecord = {
  zaakNummer: '2018Z1',
  tkId: 'z',
  documentId: ID,
  indieners: [],
  status: 'aangenomen',
  fetchedAt: NOW,
};

const tkDoc: MappedDocument = {
  document: {
    id: ID,
    kind: 'kamerstuk',
    soort: 'Motie',
    titel: 'Motie nr. 2375',
    datum: '2018-11-21',
    zaakNummer: '2018Z1',
    indieners: [],
    source: 'tk',
    fetchedAt: NOW,
  },
  dossier: { id: '19637', titel: 'Vreemdelingenbeleid' },
  motion,
  decisions: [{ id: 'b', zaakNummer: '2018Z1', soort: 'Stemmen - aangenomen', fetchedAt: NOW }],
  votes: [{ id: 's', decisionId: 'b', fractie: 'D66', soort: 'Voor', zetels: 19, vergissing: false }],
};

const down: Failure = { message: 'Tweede Kamer API: no answer', retryable: true };
const gone: Failure = { message: 'KOOP: gone', retryable: false };

interface Case {
  name: string;
  koop?: DocumentRecord | 'failed';
  tk?: MappedDocument | 'failed';
  askedTk?: boolean;
  motion?: boolean;
  cached?: Source;
  unknown?: string;
  expect: {
    verdict: 'done' | 'partial' | 'missing' | 'failed';
    source?: Source;
    titel?: string;
    fresh?: number;
    motionUnknown?: string;
    failure?: Failure;
    motions?: number;
  };
}

const CASES: Case[] = [
  {
    name: 'TK and KOOP: the TK record with KOOP’s title and date',
    koop: koopDoc,
    tk: tkDoc,
    askedTk: true,
    motion: true,
    expect: { verdict: 'done', source: 'tk', titel: koopDoc.titel, fresh: FRESH_FOR.decidedMotion, motions: 1 },
  },
  {
    name: 'TK alone (a TK document number)',
    tk: tkDoc,
    askedTk: true,
    expect: { verdict: 'done', source: 'tk', titel: 'Motie nr. 2375', motions: 1 },
  },
  {
    name: 'KOOP alone, a letter: fresh for half a year',
    koop: { ...koopDoc, soort: 'Brief regering' },
    expect: { verdict: 'done', source: 'koop', fresh: FRESH_FOR.document, motions: 0 },
  },
  {
    name: 'KOOP knows the motion, the TK API does not have it: asked again within hours',
    koop: koopDoc,
    askedTk: true,
    motion: true,
    expect: { verdict: 'done', source: 'koop', fresh: FRESH_FOR.undecidedMotion },
  },
  {
    name: 'the TK API lacks what an outcome needs: KOOP’s record, outcome unknown with the reason',
    koop: koopDoc,
    askedTk: true,
    motion: true,
    unknown: 'de Tweede Kamer API levert de besluitsoort niet meer',
    expect: {
      verdict: 'done',
      source: 'koop',
      motionUnknown: 'de Tweede Kamer API levert de besluitsoort niet meer',
    },
  },
  {
    name: 'the TK API fails for a motion: KOOP’s record now, the votes still owed',
    koop: koopDoc,
    tk: 'failed',
    askedTk: true,
    motion: true,
    unknown: 'de Tweede Kamer API is nu niet bereikbaar',
    expect: {
      verdict: 'partial',
      source: 'koop',
      motionUnknown: 'de Tweede Kamer API is nu niet bereikbaar',
      failure: down,
    },
  },
  {
    name: 'the TK API fails and its record is cached: the cached record stays, nothing written over it',
    koop: koopDoc,
    tk: 'failed',
    askedTk: true,
    motion: true,
    cached: 'tk',
    expect: { verdict: 'partial', failure: down },
  },
  {
    name: 'the TK API fails for a letter KOOP has: done (the TK had nothing to add)',
    koop: { ...koopDoc, soort: 'Brief regering' },
    tk: 'failed',
    askedTk: false,
    expect: { verdict: 'done', source: 'koop' },
  },
  {
    name: 'KOOP fails, the TK API has the paper',
    koop: 'failed',
    tk: tkDoc,
    askedTk: true,
    expect: { verdict: 'done', source: 'tk' },
  },
  {
    name: 'KOOP fails, the TK API does not know it: failed with KOOP’s reason',
    koop: 'failed',
    askedTk: true,
    expect: { verdict: 'failed', failure: gone },
  },
  {
    name: 'both fail: failed (KOOP’s reason, the publication service)',
    koop: 'failed',
    tk: 'failed',
    askedTk: true,
    expect: { verdict: 'failed', failure: gone },
  },
  {
    name: 'KOOP does not know it, the TK API fails: failed with the TK’s reason',
    tk: 'failed',
    askedTk: true,
    expect: { verdict: 'failed', failure: down },
  },
  { name: 'nobody knows it: missing', askedTk: true, expect: { verdict: 'missing' } },
];

function results(c: Case): RoundResults {
  return {
    ids: [ID],
    now: NOW,
    koop: {
      asked: new Set([ID]),
      records: new Map(c.koop && c.koop !== 'failed' ? [[ID, c.koop]] : []),
      ...(c.koop === 'failed' ? { failure: gone } : {}),
    },
    tk: {
      asked: new Set(c.askedTk ? [ID] : []),
      found: new Map(c.tk && c.tk !== 'failed' ? [[ID, c.tk]] : []),
      ...(c.tk === 'failed' ? { failure: down } : {}),
      ...(c.unknown ? { motionsUnknown: c.unknown } : {}),
    },
    motions: new Set(c.motion ? [ID] : []),
    cached: new Map(c.cached ? [[ID, c.cached]] : []),
  };
}

describe('mergeRound', () => {
  it.each(CASES)('$name', (c) => {
    const h = mergeRound(results(c));
    const verdict = h.done.has(ID)
      ? 'done'
      : h.partial.has(ID)
        ? 'partial'
        : h.missing.includes(ID)
          ? 'missing'
          : 'failed';
    expect(verdict).toBe(c.expect.verdict);
    if (verdict === 'failed') expect(h.failed.get(ID)).toEqual(c.expect.failure);
    if (verdict === 'partial') expect(h.partial.get(ID)).toEqual(c.expect.failure);
    const doc = h.documents.find((d) => d.id === ID);
    if (c.expect.source) expect(doc?.source).toBe(c.expect.source);
    else expect(doc).toBeUndefined();
    if (c.expect.titel) expect(doc?.titel).toBe(c.expect.titel);
    if (c.expect.fresh) expect(h.done.get(ID)).toBe(c.expect.fresh);
    expect(doc?.motionUnknown).toBe(c.expect.motionUnknown);
    if (c.expect.motions !== undefined) expect(h.motions).toHaveLength(c.expect.motions);
  });

  it('follows the dossier of a motion, not of a letter', () => {
    const h = mergeRound(results(CASES[0]!));
    expect(h.dossiers).toEqual([{ id: '19637', titel: 'Vreemdelingenbeleid', followed: true, fetchedAt: NOW }]);
    expect(h.votes).toHaveLength(1);
    expect(h.decisions).toHaveLength(1);
  });
});
