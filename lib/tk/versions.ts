/*
 * The known versions of the Tweede Kamer OData API. v4/2.0 was Kamerlens' default until the TK moved to v5 on
 * 1 October 2026 (TK issue #175: announced for 1 August, kept open on request until 1 October; v5 URLs in #185 and
 * #194). Both live on the same host with entity sets directly under the root.
 */

export const TK_HOST_ORIGIN = 'https://gegevensmagazijn.tweedekamer.nl';

export const TK_VERSIONS = [
  { version: 'v5', path: '/OData/v5' },
  { version: 'v4/2.0', path: '/OData/v4/2.0' },
] as const;

export type TkVersion = (typeof TK_VERSIONS)[number]['version'];

/** The default base URL: the current version. */
export const TK_DEFAULT_BASE = `${TK_HOST_ORIGIN}/OData/v5`;
/** The default of Kamerlens before v5: a saved value equal to it is migrated to TK_DEFAULT_BASE. */
export const TK_LEGACY_BASE = `${TK_HOST_ORIGIN}/OData/v4/2.0`;

function split(base: string): { root: string; version: TkVersion } | undefined {
  const trimmed = base.replace(/\/+$/, '');
  for (const { version, path } of TK_VERSIONS)
    if (trimmed.toLowerCase().endsWith(path.toLowerCase()))
      return { root: trimmed.slice(0, trimmed.length - path.length), version };
  return undefined;
}

/** `v5` or `v4/2.0` from a base URL (any host: tests point it at a mock), or undefined. */
export function tkVersionOf(base: string): TkVersion | undefined {
  return split(base)?.version;
}

/** The same service's other known version (v5 ↔ v4/2.0), tried once when the configured one is gone. */
export function alternateBase(base: string): string | undefined {
  const parts = split(base);
  if (!parts) return undefined;
  const other = TK_VERSIONS.find((v) => v.version !== parts.version);
  return other ? `${parts.root}${other.path}` : undefined;
}
