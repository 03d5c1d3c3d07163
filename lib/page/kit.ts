/**
 * A few lines of DOM building for Kamerlens' own UI in shadow roots: text goes in as `textContent` only, never as
 * markup, so a title or a name from the data services can never become HTML (no `innerHTML` of outside data).
 */
export type Child = Node | string | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) if (value !== undefined) el.setAttribute(name, value);
  for (const child of children) {
    if (child === false || child === null || child === undefined || child === '') continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

/** The Tab stops of a container, in order (a radio group is one stop: its checked radio). */
export function focusables(root: ParentNode): HTMLElement[] {
  return [
    ...root.querySelectorAll<HTMLElement>(
      'a[href], button:not([disabled]), [tabindex="0"], input:not([type="radio"]), input[type="radio"]:checked, select',
    ),
  ];
}

/**
 * Our own host element with a shadow root: page CSS cannot reach in (only inherited properties cross, and `all:
 * initial` on the host stops those), ours cannot leak out. Open, so assistive technology, axe-core and the e2e tests
 * read it like any other content; it shows nothing the page's badges do not already carry.
 */
export function shadowHost(doc: Document, tag: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
  return { host, root };
}
