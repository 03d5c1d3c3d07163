/**
 * Turns a corpus text (plain text with light markdown, as in ../shared/corpus) into a page shaped like the real
 * site's (see ../shared/reference/page-structure.md): an OB publication page or a tweedekamer.nl document page.
 * Generated at test time so the corpus is read in place.
 */

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUP_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;

function fromSuperscript(s: string): string {
  return [...s].map((c) => String(SUPERSCRIPT.indexOf(c))).join('');
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `**vet**` and `*cursief*` as OB renders nadruk; footnote markers as SuperNote links. */
function inline(block: string): string {
  return escapeHtml(block)
    .replace(/\*\*([^*]+)\*\*/g, '<strong class="vet">$1</strong>')
    .replace(/\*([^*\n]+)\*/g, '<em class="cur">$1</em>')
    .replace(SUP_RUN, (m) => {
      const n = fromSuperscript(m);
      return `<sup><a class="nootnum supernote-click-ID-n${n}" href="#ID-n${n}">${n}</a></sup>`;
    });
}

function isHeading(block: string): boolean {
  return !block.includes('\n') && block.length < 90 && /^[\p{Lu}\d]/u.test(block) && !/[.,;:]$/.test(block);
}

interface Rendered {
  body: string;
  notes: string;
}

function render(text: string): Rendered {
  const blocks = text
    .split(/\n[ \t\u00a0]*\n/)
    .map((b) => b.replace(/[ \t\u00a0]+$/gm, '').trim())
    .filter(Boolean);
  const body: string[] = [];
  const notes: string[] = [];
  for (const block of blocks) {
    const note = block.match(/^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+([\s\S]*)$/);
    if (note) {
      const n = fromSuperscript(note[1]!);
      notes.push(
        `<div class="voet noot snp-mouseoffset snb-pinned notedefault" id="supernote-note-ID-n${n}">` +
          `<h5 class="note-close"><a class="note-close" href="#close-ID-n${n}">X</a> Noot</h5>` +
          `<sup><span class="nootnum"><a id="ID-n${n}" name="ID-n${n}"></a>${n}</span></sup>` +
          `<p>${inline(note[2]!)}</p></div>`,
      );
    } else if (isHeading(block)) {
      body.push(`<h2 class="divisiekop1">${inline(block)}</h2>`);
    } else {
      body.push(`<p>${inline(block)}</p>`);
    }
  }
  return { body: body.join('\n'), notes: notes.join('\n') };
}

/** Enough of OB's look that the demo reads like the real page. */
const OB_STYLE = `body{font:16px/1.5 Verdana,sans-serif;color:#222;margin:0}
header,footer{background:#154273;color:#fff;padding:8px 24px}header a{color:#fff;margin-right:12px}
main{max-width:820px;margin:0 auto;padding:16px 24px}h2.divisiekop1{font-size:1.15em;margin-top:1.6em}
#noten{font-size:.85em;color:#444}.voet.noot{display:flex;gap:6px;align-items:baseline}
.voet.noot h5,.pageactions,.disclaimer{display:none}.voet.noot p{margin:.2em 0}`;

/** An OB publication page: `article div#broodtekst.stuk.broodtekst-container`, SuperNote footnotes in #noten. */
export function obPage(id: string, text: string): string {
  const { body, notes } = render(text);
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8">
<title>${escapeHtml(id)} | Officiële bekendmakingen</title>
<meta name="DC.identifier" content="${escapeHtml(id)}">
<style>${OB_STYLE}</style>
</head><body>
<header class="header"><nav aria-label="Hoofdnavigatie"><a href="/">Zoeken</a> <a href="/uitgebreidzoeken">Uitgebreid zoeken</a></nav>
<form role="search" action="/resultaten"><input name="q" value="" aria-label="Zoeken"><button>Zoeken</button></form></header>
<main class="global-main" id="content"><article>
<div id="broodtekst" class="stuk broodtekst-container">
<div class="stuk">
${body}
</div>
${notes ? `<div id="noten"><hr>\n${notes}\n</div>` : ''}
<div class="pageactions"><a class="to-top" href="#">Naar boven</a></div>
</div></article>
<div class="disclaimer"><div class="disclaimer__content">Aan deze publicatie kunnen geen rechten worden ontleend.</div></div>
</main>
<footer><p>Officiële bekendmakingen is een dienst van KOOP.</p></footer>
</body></html>`;
}

/** A tweedekamer.nl document page: the text sits in the (hidden) document modal inside <main>. */
export function tkPage(did: string, text: string): string {
  const { body, notes } = render(text);
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="Generator" content="Drupal 10">
<title>Vreemdelingenbeleid | Tweede Kamer der Staten-Generaal</title>
<link rel="canonical" href="https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail">
</head><body>
<header class="o-header"><nav aria-label="Hoofdmenu"><a href="/kamerleden_en_commissies">Kamerleden</a></nav></header>
<main class="o-main" id="main"><article class="contextual-region">
<nav class="m-breadcrumb"><ol class="m-breadcrumb__list"><li><a class="m-breadcrumb__link" href="/">Home</a></li><li><a class="m-breadcrumb__link" href="/kamerstukken">Kamerstukken</a></li></ol></nav>
<h1><span class="u-text-primary u-font-normal">Brief regering</span><span class="h-visually-hidden">:</span> Voortgang Integrale Migratieagenda</h1>
<div class="u-mt-8">
<button data-modal-toggle="#document-html-modal" class="m-button"><span class="m-button__label">Open document</span></button>
<div class="m-modal js-modal" id="document-html-modal" role="dialog"><div class="m-modal__dialog">
<div class="m-modal__header"><h2 class="m-modal__title" id="document-html-modal-title">19 637 Vreemdelingenbeleid</h2></div>
<div class="m-modal__content">
${body}
${notes}
</div></div></div>
<a class="m-button" aria-label="Download kamerstuk" href="/downloads/document?id=${escapeHtml(did)}">Download</a>
</div>
</article></main>
<footer class="o-footer"><p>Tweede Kamer der Staten-Generaal</p></footer>
</body></html>`;
}
