/**
 * The policy agendas Kamerlens labels and the official titles of their pillars: what the page shows (pillar labels,
 * their card, the panel). The labeller's vocabulary (lib/refs/pillars/taxonomy.ts) takes its names from here, so the
 * content script carries the names without the vocabulary (6 KB of the 40 KB budget, measured on the built script).
 */
export const AGENDAS = {
  ima: {
    name: 'Integrale Migratieagenda',
    /** Kamerstuk 19 637, nr. 2375: pillars 1 to 6 in the agenda's own order. */
    pillars: [
      'Voorkomen van irreguliere migratie',
      'Versterken opvang en bescherming voor vluchtelingen en ontheemden in de regio',
      'Solidair en solide asielstelsel binnen de Europese Unie en Nederland',
      'Minder illegaliteit, meer terugkeer',
      'Bevorderen legale migratieroutes',
      'Stimuleren integratie en participatie',
    ],
  },
} as const;

export type AgendaKey = keyof typeof AGENDAS;

/** The official title of pillar `number` (1-based) of an agenda, or undefined for one Kamerlens does not know. */
export function pillarTitle(agenda: string, number: number): string | undefined {
  const known = (AGENDAS as Record<string, { pillars: readonly string[] }>)[agenda];
  return known?.pillars[number - 1];
}
