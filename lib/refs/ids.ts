/** Id building and targets live in the one vocabulary (lib/contract/ids.ts); the detector imports them from here. */
export {
  aanhangselId,
  dossierId,
  handelingenId,
  kamerstukId,
  normaliseDossier,
  normaliseNumber,
  normaliseToevoeging,
  obDossierUrl,
  obUrl,
  type PaperIdentity,
  parseKamerstukId,
  publicationId,
  tkPlenaryUrl,
  tkUrl,
  urlFor,
  vergaderjaarId,
} from '../contract/ids';
