// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Markdown, safeHref } from '../../../components/Markdown';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const show = (source: string) => {
  render(<Markdown source={source} />, root);
  return root.querySelector('.markdown')!;
};

describe('a note’s Markdown', () => {
  it('renders emphasis, lists and http(s) links as elements', () => {
    const md = show(
      'Zie **vet**, *schuin* en [de brief](https://zoek.officielebekendmakingen.nl/kst-19637-2535.html)\n\n- een\n- twee',
    );
    expect(md.querySelector('strong')!.textContent).toBe('vet');
    expect(md.querySelector('em')!.textContent).toBe('schuin');
    const a = md.querySelector('a')!;
    expect([a.getAttribute('href'), a.getAttribute('rel'), a.getAttribute('target')]).toEqual([
      'https://zoek.officielebekendmakingen.nl/kst-19637-2535.html',
      'noopener noreferrer',
      '_blank',
    ]);
    expect([...md.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['een', 'twee']);
  });

  it('shows raw HTML as the characters typed, never as markup', () => {
    const md = show(
      'Hallo <img src=x onerror="alert(1)"> en <script>alert(2)</script>\n\n<div onclick="x()">blok</div>',
    );
    expect(md.querySelector('img, script, div[onclick]')).toBeNull();
    expect(md.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(md.textContent).toContain('<div onclick="x()">blok</div>');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome-extension://abc/options.html',
    '/relatief',
    'vbscript:x',
  ])('makes no link of %s, only its text', (href) => {
    const md = show(`[klik](${href})`);
    expect(md.querySelector('a')).toBeNull();
    expect(md.textContent).toBe('klik');
    expect(safeHref(href)).toBeUndefined();
  });

  it('keeps an image as its text and escapes as characters', () => {
    const md = show('![plaatje](https://example.org/x.png) \\*geen nadruk\\* & < >');
    expect(md.querySelector('img')).toBeNull();
    expect(md.textContent).toBe('![plaatje](https://example.org/x.png) *geen nadruk* & < >');
  });
});
