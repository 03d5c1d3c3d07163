/**
 * CQL for KOOP's SRU service. Every value is quoted and escaped, so an identifier can never change the shape of the
 * query (an `"` or `)` in a scraped id would otherwise turn a lookup into a different search or a syntax error).
 */

/** KOOP's collection of official publications; without it, `dt.identifier` also matches other collections. */
export const PRODUCT_AREA = 'officielepublicaties';

/**
 * A CQL quoted string for `value`. Backslash and `"` are escaped so the string cannot end early; `*`, `?` and `^`
 * are escaped because CQL treats them as masks and anchors even inside quotes, which would make `==` match more
 * than the one id asked for.
 */
export function cqlString(value: string): string {
  return `"${value.replace(/[\\"*?^]/g, (char) => `\\${char}`)}"`;
}

/**
 * `(dt.identifier=="a" OR dt.identifier=="b") AND c.product-area==officielepublicaties`: an exact lookup of a batch
 * of publications in one request. Duplicates are asked for once. Throws when there is nothing to ask for, since an
 * empty disjunction is not valid CQL.
 */
export function identifiersQuery(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new RangeError('identifiersQuery needs at least one identifier');
  const clauses = unique.map((id) => `dt.identifier==${cqlString(id)}`);
  return `(${clauses.join(' OR ')}) AND c.product-area==${PRODUCT_AREA}`;
}

export interface DossierQuery {
  /** As KOOP writes it: `35000-VI`, `19637`, `21501-20`. */
  dossiernummer: string;
  /** A number (`59`) or an Eerste Kamer letter (`B`); omit for the whole dossier. */
  ondernummer?: string;
  /** Narrow to one publication, e.g. `Kamerstuk` (a dossier also has Handelingen and Aanhangsels). */
  publicatienaam?: string;
}

/** `w.dossiernummer=="35000-VI" AND w.ondernummer=="59" AND c.product-area==officielepublicaties`. */
export function dossierQuery({ dossiernummer, ondernummer, publicatienaam }: DossierQuery): string {
  return [
    `w.dossiernummer==${cqlString(dossiernummer)}`,
    ...(ondernummer === undefined ? [] : [`w.ondernummer==${cqlString(ondernummer)}`]),
    ...(publicatienaam === undefined ? [] : [`w.publicatienaam==${cqlString(publicatienaam)}`]),
    `c.product-area==${PRODUCT_AREA}`,
  ].join(' AND ');
}
