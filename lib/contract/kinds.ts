/**
 * Every kind of reference Kamerlens recognises; the string is part of the DOM contract (`data-kamerlens-kind`).
 * A new kind is added here and the compiler names every table that must learn it (`Record<RefKind, …>`).
 */
export const REF_KINDS = [
  'kamerstuk',
  'dossier',
  'handelingen',
  'aanhangsel',
  'staatsblad',
  'staatscourant',
  'tractatenblad',
  'tk-document',
  'tk-zaak',
  'motion',
  'pillar',
] as const;

export type RefKind = (typeof REF_KINDS)[number];

/** Kinds that name one publication (or a dossier) by an officielebekendmakingen or Tweede Kamer id. */
export type PaperKind = Exclude<RefKind, 'motion' | 'pillar'>;

export function isRefKind(value: string | null | undefined): value is RefKind {
  return (REF_KINDS as readonly string[]).includes(value ?? '');
}

/** The i18n key of a kind's name as the card and the panel show it (`card_kind_kamerstuk`: "Kamerstuk"). */
export const KIND_LABEL: Record<RefKind, string> = {
  kamerstuk: 'card_kind_kamerstuk',
  dossier: 'card_kind_dossier',
  handelingen: 'card_kind_handelingen',
  aanhangsel: 'card_kind_aanhangsel',
  staatsblad: 'card_kind_staatsblad',
  staatscourant: 'card_kind_staatscourant',
  tractatenblad: 'card_kind_tractatenblad',
  'tk-document': 'card_kind_tk_document',
  'tk-zaak': 'card_kind_tk_zaak',
  motion: 'card_kind_motion',
  pillar: 'card_kind_pillar',
};
