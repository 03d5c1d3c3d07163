/**
 * Metadata of one officielebekendmakingen publication as KOOP's SRU service describes it. KOOP is the only source
 * for Eerste Kamer papers, pre-2008 Tweede Kamer papers and the Staatsblad/Staatscourant/Tractatenblad, so this is
 * what the extension shows for them; for the rest it complements the Tweede Kamer API.
 */
export interface KoopRecord {
  /** The officielebekendmakingen id (`kst-35000-VI-59`), exactly as KOOP spells it. */
  identifier: string;
  title: string;
  /** `dcterms:type`, e.g. `Kamerstuk`, `Handelingen`, `Staatsblad`; empty when the record has none. */
  type: string;
  /** `Kamerstuk`, `Handelingen`, `Staatsblad`, `Aanhangsel van de Handelingen`, … */
  publicatienaam?: string;
  /** ISO `yyyy-mm-dd`: `dcterms:date`, else `issued`, else `available`. */
  date?: string;
  /** `dcterms:modified` as KOOP gives it; lets a cache tell whether a record changed. */
  modified?: string;
  /** `35000-VI`, `19637`; several dossiers are `;`-separated with the main one first. */
  dossiernummer?: string;
  /** A number (`59`) or an Eerste Kamer letter (`B`); `EK;TK` when a paper has both. */
  ondernummer?: string;
  /** `2018-2019`. */
  vergaderjaar?: string;
  documenttitel?: string;
  dossiertitel?: string;
  /** Members or ministers who submitted the paper, in KOOP's order; empty when none are listed. */
  indieners: string[];
  /** The kind of paper within its publication: `Motie`, `Brief`, `Amendement`, … */
  subrubriek?: string;
  /** The human-readable page on zoek.officielebekendmakingen.nl. */
  preferredUrl?: string;
  creator?: string;
}

/** One page of a `searchRetrieve` answer. */
export interface SruPage {
  /** Hits for the whole query, not just this page. */
  total: number;
  /** Where the next page starts; absent on the last page. */
  nextRecordPosition?: number;
  records: KoopRecord[];
}
