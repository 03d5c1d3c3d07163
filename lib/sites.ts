/**
 * The sites Kamerlens annotates and the data services it reads.
 *
 * One list, used by the manifest (wxt.config.ts), the content script and the test harness, so the
 * permissions, the matches and the host mapping in the e2e tests can never drift apart.
 */

/** Hosts whose pages carry parliamentary text. */
export const SITE_HOSTS = ['zoek.officielebekendmakingen.nl', 'tweedekamer.nl', 'www.tweedekamer.nl'] as const;

/**
 * Match patterns for the content script: exactly the three site hosts, over https only. Both sites are https only;
 * `*://*.tweedekamer.nl/*` also ran on plain http pages (which anyone on the network can write) and on every
 * subdomain, the API host's raw JSON included.
 */
export const CONTENT_MATCHES = SITE_HOSTS.map((host) => `https://${host}/*`);

/** Open data services the background worker reads. */
export const DATA_HOSTS = ['gegevensmagazijn.tweedekamer.nl', 'repository.overheid.nl'] as const;

/** Base of the officielebekendmakingen publication pages; ids are appended as `<id>.html`. */
export const OB_BASE = 'https://zoek.officielebekendmakingen.nl/';
