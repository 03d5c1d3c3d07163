/**
 * Every name Kamerlens writes into a page: the `data-kamerlens-*` attributes of the DOM contract (README), the class
 * of its links and the tag names of its own host elements. Nothing else in the code spells one
 * (tests/unit/contract/conventions.test.ts checks that).
 */
export const ATTR = {
  /** The reference's id, on its first (or only) element. */
  ref: 'data-kamerlens-ref',
  kind: 'data-kamerlens-kind',
  /** On the page's own `<a>` that Kamerlens decorated (its href names a reference). */
  existing: 'data-kamerlens-existing',
  /** The further pieces (or the second anchor) of one reference: the id, counted once. */
  continues: 'data-kamerlens-continues',
  members: 'data-kamerlens-members',
  state: 'data-kamerlens-state',
  status: 'data-kamerlens-status',
  type: 'data-kamerlens-type',
  /** The badge's text (the CSS shows it) and its style, both set from lib/contract/status.ts. */
  badge: 'data-kamerlens-badge',
  badgeStyle: 'data-kamerlens-badge-style',
  /** Briefly on the reference the panel jumped to. */
  highlight: 'data-kamerlens-highlight',
  pillars: 'data-kamerlens-pillars',
  /** `data-kamerlens-pillar-<agenda>-<n>="0.97"`: the confidence, per pillar key. */
  pillarPrefix: 'data-kamerlens-pillar-',
  /** On Kamerlens' own `<mark>` around a note's passage: the note's id (lib/page/highlights.ts). */
  note: 'data-kamerlens-note',
} as const;

/** Attributes on `<html>`: the progress of the passes. */
export const HTML_ATTR = {
  ready: 'data-kamerlens',
  count: 'data-kamerlens-count',
  cache: 'data-kamerlens-cache',
  analysis: 'data-kamerlens-analysis',
  motions: 'data-kamerlens-motions',
  /** `open` while the document panel is shown. */
  panel: 'data-kamerlens-panel',
  /** How many notes' passages were found and marked on this page. */
  notes: 'data-kamerlens-notes',
} as const;

/** The class every link Kamerlens makes carries; page CSS is unlikely to target it. */
export const REF_CLASS = 'kamerlens-ref';

/** Kamerlens' own host elements, each with a shadow root: the hover card, the document panel, a pillar label. */
export const HOST_TAG = {
  card: 'kamerlens-card',
  panel: 'kamerlens-panel',
  pillar: 'kamerlens-pillar',
} as const;

/** `[data-kamerlens-ref]`-style selectors, built from the names. */
export const has = (attr: string, value?: string) => (value === undefined ? `[${attr}]` : `[${attr}="${value}"]`);

/** Every reference element (the first piece of each), Kamerlens' links and decorated page links. */
export const REF_SELECTOR = has(ATTR.ref);
