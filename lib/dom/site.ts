/**
 * Where the parliamentary text sits on each site (see shared/reference/page-structure.md), and which page chrome
 * inside it to leave alone. Only the text of these roots is scanned, never menus, search boxes or footers.
 */
export interface SiteProfile {
  name: 'officielebekendmakingen' | 'tweedekamer' | 'generic';
  /** Candidate text containers, most specific first; the first selector that matches wins. */
  roots: readonly string[];
  /** Chrome inside a root: share dialogs, "naar boven" links, disclaimers, breadcrumbs, vote widgets. */
  exclude: string;
}

const OB: SiteProfile = {
  name: 'officielebekendmakingen',
  // parlhist and openkamer scrape `article div#broodtekst`; older layouts fall back to div.stuk / main.
  roots: ['article div#broodtekst', '#broodtekst', 'div.stuk', 'main', 'body'],
  exclude: '.pageactions, #delenModal, .disclaimer, nav, header, footer, form',
};

const TK: SiteProfile = {
  name: 'tweedekamer',
  // Drupal detail pages: everything of interest (title, embedded document, aside, activities) is inside <main>.
  roots: ['main#main', 'main.o-main', 'main', 'body'],
  exclude: 'nav, header, footer, form, .m-breadcrumb, .m-vote-result, [role="search"]',
};

const GENERIC: SiteProfile = { name: 'generic', roots: ['main', 'body'], exclude: 'nav, header, footer, form' };

export function profileFor(hostname: string): SiteProfile {
  if (hostname === 'zoek.officielebekendmakingen.nl') return OB;
  if (hostname === 'tweedekamer.nl' || hostname.endsWith('.tweedekamer.nl')) return TK;
  return GENERIC;
}

/** The text roots of a page: every element matching the first selector that matches anything. */
export function textRoots(doc: Document, profile: SiteProfile): Element[] {
  for (const selector of profile.roots) {
    const found = [...doc.querySelectorAll(selector)];
    // Nested matches (a #broodtekst inside another) would be scanned twice: keep the outermost.
    const outermost = found.filter((el) => !found.some((other) => other !== el && other.contains(el)));
    if (outermost.length) return outermost;
  }
  return [];
}

/** The exclusion test for buildTextMap, bound to a profile. */
export function excluder(profile: SiteProfile): (el: Element) => boolean {
  return (el) => el.matches(profile.exclude);
}
