import { OB_BASE } from '../sites';

/** Dossier numbers are written `19 637`, `19637`, `36.496`: the id keeps the digits only. */
export function normaliseDossier(raw: string): string {
  return raw.replace(/\D/g, '');
}

/**
 * A toevoeging is part of the dossier: roman numerals and Eerste Kamer letters upper-case (`VI`, `A`),
 * EU-Raad subdossiers keep their leading zero (`21501-08`).
 */
export function normaliseToevoeging(raw: string): string {
  return raw.trim().toUpperCase();
}

/**
 * Ondernummers are digits with an optional lower-case letter (`42e`, kept lower-case as OB does) or Eerste
 * Kamer letters (`E`, `AA`), kept upper-case.
 */
export function normaliseNumber(raw: string): string {
  const trimmed = raw.trim();
  return /^\d/.test(trimmed) ? trimmed.toLowerCase() : trimmed.toUpperCase();
}

/** `kst-<dossier>[-<toevoeging>]-<nr>`, the officielebekendmakingen id of a Kamerstuk. */
export function kamerstukId(dossier: string, toevoeging: string | undefined, nr: string): string {
  const parts = ['kst', normaliseDossier(dossier)];
  if (toevoeging) parts.push(normaliseToevoeging(toevoeging));
  parts.push(normaliseNumber(nr));
  return parts.join('-');
}

/** The publication page on zoek.officielebekendmakingen.nl for an OB id (`kst-…`, `h-tk-…`, `stb-…`). */
export function obUrl(id: string): string {
  return `${OB_BASE}${id}.html`;
}
