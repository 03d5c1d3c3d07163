import { HOST_TAG } from '../contract/attrs';
import { markOwn } from '../dom/own';
import { nodeIndexAt, type TextMap } from '../dom/text-map';
import { AGENDAS } from '../refs/pillars/taxonomy';
import type { PillarRef } from '../refs/types';
import type { CardSource } from './card';
import { LABEL_CSS } from './card-style';
import { t } from './i18n';
import { h, shadowHost } from './kit';

/*
 * Pillar labels: a small label at the heading of each section a pillar covers, and at a paragraph only when the
 * labeller is sure of it. The label is Kamerlens' own element with a shadow root, put at the end of the heading or
 * paragraph: the page's `textContent` is unchanged (a host has no text of its own), and its card names the pillar
 * and the confidence.
 */

/** A paragraph (not a heading) gets a label only at this confidence or more: a heading names its section's topic. */
export const PARAGRAPH_CONFIDENCE = 0.8;

const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, div';

export interface PillarLabel {
  host: HTMLElement;
  /** The heading or paragraph the label stands at. */
  block: Element;
  agenda: string;
  agendaName: string;
  pillar: number;
  name: string;
  confidence: number;
  section: boolean;
}

/** The pillar labels on this page, for their cards and the panel's distribution. */
export class PillarLabels implements CardSource {
  readonly labels: PillarLabel[] = [];
  private readonly byHost = new WeakMap<Element, PillarLabel>();
  private shown = true;

  constructor(private readonly doc: Document) {}

  /**
   * Puts a label at the first block of each pillar's span (a heading, or a paragraph the labeller is sure of).
   * Returns how many labels went in.
   */
  place(map: TextMap, pillars: readonly PillarRef[]): number {
    let placed = 0;
    for (const pillar of pillars) {
      const i = nodeIndexAt(map, pillar.start);
      const block = map.nodes[i]?.parentElement?.closest(BLOCKS);
      if (!block?.isConnected) continue;
      const section = HEADINGS.has(block.tagName);
      if (!section && pillar.confidence < PARAGRAPH_CONFIDENCE) continue;
      if (this.labels.some((l) => l.block === block && l.agenda === pillar.agenda && l.pillar === pillar.pillar))
        continue;
      const agenda = AGENDAS.find((a) => a.key === pillar.agenda);
      const name = agenda?.pillars.find((p) => p.number === pillar.pillar)?.label ?? pillar.id;
      const { host, root } = shadowHost(this.doc, HOST_TAG.pillar, LABEL_CSS);
      const text = `${agenda?.key.toUpperCase() ?? pillar.agenda} · ${t('page_pillar_label', [String(pillar.pillar)])}`;
      root.append(
        h(this.doc, 'span', { class: 'label', tabindex: '0', role: 'button', 'aria-label': `${text}: ${name}` }, text),
      );
      if (!this.shown) host.hidden = true;
      const label: PillarLabel = {
        host,
        block,
        agenda: pillar.agenda,
        agendaName: agenda?.name ?? pillar.agenda,
        pillar: pillar.pillar,
        name,
        confidence: pillar.confidence,
        section,
      };
      // Ours, so the watcher does not take it for the page's new text.
      markOwn(host);
      block.append(host);
      this.labels.push(label);
      this.byHost.set(host, label);
      placed++;
    }
    return placed;
  }

  /** The `pillarLabels` setting: hidden labels stay in place, so turning them on again costs nothing. */
  setShown(shown: boolean): void {
    this.shown = shown;
    for (const label of this.labels) label.host.hidden = !shown;
  }

  get isShown(): boolean {
    return this.shown;
  }

  contentFor(el: Element): HTMLElement | undefined {
    const label = this.byHost.get(el);
    if (!label) return undefined;
    const doc = this.doc;
    return h(
      doc,
      'div',
      { class: 'content' },
      h(doc, 'p', { class: 'kind' }, t('card_kind_pillar')),
      h(
        doc,
        'h2',
        { class: 'title pillar-name', id: 'kamerlens-card-title' },
        t('card_pillar', [label.agendaName, String(label.pillar), label.name]),
      ),
      h(doc, 'p', {}, t(label.section ? 'card_pillar_section' : 'card_pillar_paragraph')),
      h(doc, 'p', { class: 'state' }, t('card_confidence', [String(Math.round(label.confidence * 100))])),
    );
  }
}
