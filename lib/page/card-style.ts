/**
 * The card's and the panel's styles, inside their shadow roots. `:host { all: initial }` stops the page's inherited
 * properties (font, colour, line height) at the host; every colour pair has a contrast of 4.5:1 or more (WCAG AA),
 * in light and in dark mode (`prefers-color-scheme`).
 */
const BASE = `
:host { all: initial; }
* { box-sizing: border-box; }
.surface, .card, .panel, .label {
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1b1b1b;
  background: #fff;
  --muted: #4a4a4a;
  --line: #c8c8c8;
  --link: #0b4f9c;
  --adopted: #1b5e20;
  --rejected: #b71c1c;
  --held: #7a4100;
  --open: #0d47a1;
  --closed: #424242;
  --focus: #ff8f00;
}
a { color: var(--link); }
a:focus-visible, button:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
button {
  font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 4px;
  padding: 2px 10px; cursor: pointer;
}
.badge {
  display: inline-block; padding: 0 0.45em; border-radius: 0.6em; font-size: 0.85em; font-weight: 600; color: #fff;
  background: var(--closed);
}
.badge.adopted { background: var(--adopted); } .badge.rejected { background: var(--rejected); }
.badge.held { background: var(--held); } .badge.open { background: var(--open); }
.badge.unknown { background: #eee; color: #1b1b1b; border: 1px dashed #616161; }
@media (prefers-color-scheme: dark) {
  .surface, .card, .panel, .label {
    color: #ececec; background: #1e1f22; --muted: #c4c4c4; --line: #5a5a5a; --link: #9ecbff;
    --adopted: #81c784; --rejected: #ef9a9a; --held: #ffcc80; --open: #90caf9; --closed: #bdbdbd;
  }
  .badge { color: #000; }
  .badge.unknown { background: #263238; color: #fff; border-color: #cfd8dc; }
}
`;

export const CARD_CSS = `${BASE}
.card {
  position: absolute; z-index: 2147483646; max-width: calc(100vw - 16px); max-height: 70vh; overflow: auto;
  padding: 12px 14px; border: 1px solid var(--line); border-radius: 8px; box-shadow: 0 4px 18px rgba(0,0,0,.25);
  text-align: left;
}
.card[hidden] { display: none; }
p { margin: 0 0 6px; }
.kind { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .03em; }
.id { text-transform: none; }
.title { font-size: 16px; line-height: 1.3; margin: 0 0 6px; font-weight: 650; }
.label { font-weight: 600; background: transparent; }
.state { color: var(--muted); font-size: 12px; }
.votes { margin: 6px 0; }
.bar { display: flex; height: 8px; border-radius: 4px; overflow: hidden; background: var(--line); margin: 4px 0; }
.bar-voor { background: var(--adopted); } .bar-tegen { background: var(--rejected); }
.side { display: flex; gap: 6px; align-items: baseline; flex-wrap: wrap; margin: 2px 0; }
.side-label { font-weight: 600; min-width: 5.5em; }
.voor .side-label { color: var(--adopted); } .tegen .side-label { color: var(--rejected); }
.parties { display: flex; flex-wrap: wrap; gap: 2px 10px; list-style: none; margin: 0; padding: 0; }
.seats { color: var(--muted); }
.links { display: flex; flex-wrap: wrap; gap: 4px 14px; }
.actions { display: flex; justify-content: space-between; gap: 8px; margin: 6px 0 0; }
.close { margin-left: auto; }
.pillar-name { font-weight: 650; }
`;

export const PANEL_CSS = `${BASE}
.backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.25); z-index: 2147483645; }
.panel {
  position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483646; width: min(420px, 100vw); overflow: auto;
  padding: 14px 16px; border-left: 1px solid var(--line); box-shadow: -4px 0 18px rgba(0,0,0,.2);
}
h2 { font-size: 17px; margin: 0 0 8px; }
h3 { font-size: 14px; margin: 14px 0 4px; }
h4 { font-size: 13px; margin: 8px 0 2px; color: var(--muted); font-weight: 600; }
ul { list-style: none; margin: 0; padding: 0; }
li { margin: 2px 0; }
.ref { display: flex; gap: 6px; align-items: baseline; width: 100%; text-align: left; border: 0; padding: 2px 4px; }
.ref:hover { text-decoration: underline; }
.count { color: var(--muted); font-weight: 400; }
.filters { display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; border: 0; padding: 0; }
.filters legend { font-weight: 600; margin-right: 6px; float: left; }
.filters label { display: inline-flex; gap: 3px; align-items: center; border: 1px solid var(--line); border-radius: 12px; padding: 0 8px; }
.head { display: flex; justify-content: space-between; align-items: start; gap: 8px; }
.pillar-row { display: flex; gap: 8px; align-items: center; }
.pillar-bar { height: 8px; background: var(--open); border-radius: 4px; min-width: 2px; }
.sections { color: var(--muted); font-size: 12px; }
`;

export const LABEL_CSS = `${BASE}
.label {
  display: inline-block; margin: 0 0 0 .5em; padding: 0 .5em; border: 1px solid var(--open); border-radius: 10px;
  font-size: 12px; font-weight: 600; line-height: 1.5; vertical-align: middle; color: var(--open); cursor: help;
  white-space: nowrap;
}
`;
