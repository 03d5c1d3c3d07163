import { ATTR, HOST_TAG, HTML_ATTR } from '../contract/attrs';
import { dossierOf } from '../contract/ids';
import { isRefKind, KIND_LABEL, type RefKind } from '../contract/kinds';
import { MOTION_STATUS } from '../contract/status';
import { badgeFor } from '../dom/badges';
import type { OwnLinks } from '../dom/identity';
import { t } from '../i18n';
import { PANEL_CSS } from './card-style';
import { focusables, h, shadowHost } from './kit';
import type { PillarLabels } from './pillar-labels';
import type { InfoStore } from './store';

/*
 * The document panel: the page's references grouped by kind and dossier, with counts and statuses, filters, and the
 * pillar distribution with its sections. Opened by the `commands` shortcut (the background tells the tab) or the
 * same keys on the page; a dialog: focus goes in, Tab stays in, Escape closes and focus goes back.
 */

export type PanelFilter = 'all' | 'motions' | 'adopted' | 'rejected' | 'held';
const FILTERS: PanelFilter[] = ['all', 'motions', 'adopted', 'rejected', 'held'];

/** How long the reference the panel jumped to stays highlighted. */
const HIGHLIGHT_MS = 2_500;

export interface PanelEntry {
  el: HTMLElement;
  id?: string;
  kind: RefKind;
  /** A motion: by its kind, or a paper the background knows to be one. */
  motion: boolean;
  filter?: 'adopted' | 'rejected' | 'held';
  dossier?: string;
  text: string;
  badge?: string;
}

/**
 * The page's references as the panel lists them: Kamerlens' own elements only, in document order, each document once
 * (at its first mention: on a stemmingen page "de motie-Fritsma (19637, nr. 2380)" is the motion's name and its
 * citation, two elements with one id).
 */
export function panelEntries(doc: Document, own: OwnLinks, infos: InfoStore): PanelEntry[] {
  const out: PanelEntry[] = [];
  const listed = new Set<string>();
  for (const el of doc.querySelectorAll<HTMLElement>(`[${ATTR.kind}]`)) {
    if (!own.has(el)) continue;
    const kind = el.getAttribute(ATTR.kind);
    if (!isRefKind(kind)) continue;
    const id = own.idOf(el);
    if (id === undefined && kind !== 'motion') continue;
    if (id !== undefined) {
      if (listed.has(id)) continue;
      listed.add(id);
    }
    const info = id ? infos.get(id) : undefined;
    const status = info?.motion?.status;
    const badge = info ? badgeFor(info) : undefined;
    out.push({
      el,
      ...(id ? { id } : {}),
      kind,
      motion: kind === 'motion' || status !== undefined,
      ...(status && MOTION_STATUS[status].filter ? { filter: MOTION_STATUS[status].filter } : {}),
      ...(id && dossierOf(id) ? { dossier: dossierOf(id) } : {}),
      text: (info?.document?.titel ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 140),
      ...(badge ? { badge: badge.text } : {}),
    });
  }
  return out;
}

export function matches(entry: PanelEntry, filter: PanelFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'motions') return entry.motion;
  return entry.filter === filter;
}

export interface PanelDeps {
  doc: Document;
  own: OwnLinks;
  infos: InfoStore;
  labels?: PillarLabels;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

export interface Panel {
  readonly isOpen: boolean;
  open(): void;
  close(): void;
  toggle(): void;
  destroy(): void;
}

export function installPanel(deps: PanelDeps): Panel {
  const { doc, own, infos } = deps;
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const { host, root } = shadowHost(doc, HOST_TAG.panel, PANEL_CSS);
  let filter: PanelFilter = 'all';
  let opener: Element | null = null;
  let highlighted: Element | undefined;
  let dialog: HTMLElement | undefined;

  const jump = (el: Element) => {
    api.close({ returnFocus: false });
    if (highlighted) highlighted.removeAttribute(ATTR.highlight);
    highlighted = el;
    el.setAttribute(ATTR.highlight, '');
    el.scrollIntoView({ block: 'center' });
    (el as HTMLElement).focus?.({ preventScroll: true });
    later(() => {
      if (highlighted === el) {
        el.removeAttribute(ATTR.highlight);
        highlighted = undefined;
      }
    }, HIGHLIGHT_MS);
  };

  const entryButton = (entry: PanelEntry) => {
    const button = h(
      doc,
      'button',
      { type: 'button', class: 'ref' },
      h(doc, 'span', { class: 'text' }, entry.text || entry.id || ''),
      entry.badge ? h(doc, 'span', { class: 'count' }, `(${entry.badge})`) : '',
    );
    button.addEventListener('click', () => jump(entry.el));
    return h(doc, 'li', {}, button);
  };

  const referencesSection = (entries: PanelEntry[]) => {
    const shown = entries.filter((e) => matches(e, filter));
    const section = h(doc, 'section', { class: 'refs', 'aria-label': t('panel_title') });
    if (!shown.length) {
      section.append(h(doc, 'p', { class: 'empty' }, t('panel_empty')));
      return section;
    }
    const byKind = new Map<string, PanelEntry[]>();
    for (const e of shown) {
      const key = e.motion ? 'motion' : e.kind;
      byKind.set(key, [...(byKind.get(key) ?? []), e]);
    }
    for (const [kind, list] of byKind) {
      section.append(
        h(doc, 'h3', {}, t(KIND_LABEL[kind as RefKind]), ' ', h(doc, 'span', { class: 'count' }, `(${list.length})`)),
      );
      const byDossier = new Map<string, PanelEntry[]>();
      for (const e of list) byDossier.set(e.dossier ?? '', [...(byDossier.get(e.dossier ?? '') ?? []), e]);
      for (const [dossier, items] of byDossier) {
        if (byDossier.size > 1 || dossier)
          section.append(
            h(
              doc,
              'h4',
              {},
              dossier ? t('panel_dossier', [dossier]) : t('panel_other'),
              ' ',
              h(doc, 'span', { class: 'count' }, `(${items.length})`),
            ),
          );
        section.append(h(doc, 'ul', {}, ...items.map(entryButton)));
      }
    }
    return section;
  };

  const pillarsSection = () => {
    const section = h(doc, 'section', { class: 'pillars' }, h(doc, 'h3', {}, t('panel_pillars')));
    const labels = deps.labels?.labels.filter((l) => l.block.isConnected) ?? [];
    if (!labels.length) {
      section.append(h(doc, 'p', {}, t('panel_no_pillars')));
      return section;
    }
    const byPillar = new Map<string, typeof labels>();
    for (const l of labels)
      byPillar.set(`${l.agenda}-${l.pillar}`, [...(byPillar.get(`${l.agenda}-${l.pillar}`) ?? []), l]);
    const most = Math.max(...[...byPillar.values()].map((l) => l.length));
    const list = h(doc, 'ul', {});
    for (const [, group] of [...byPillar].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
      const first = group[0]!;
      list.append(
        h(
          doc,
          'li',
          {},
          h(
            doc,
            'div',
            { class: 'pillar-row' },
            h(doc, 'span', {}, t('card_pillar', [first.agendaName, String(first.pillar), first.name])),
            h(doc, 'span', {
              class: 'pillar-bar',
              style: `width:${(60 * group.length) / most}px`,
              'aria-hidden': 'true',
            }),
            h(doc, 'span', { class: 'sections' }, t('panel_sections', [String(group.length)])),
          ),
          h(
            doc,
            'ul',
            {},
            ...group.map((l) => {
              const button = h(
                doc,
                'button',
                { type: 'button', class: 'ref pillar-section' },
                (l.block.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 100),
              );
              button.addEventListener('click', () => jump(l.block));
              return h(doc, 'li', {}, button);
            }),
          ),
        ),
      );
    }
    section.append(list);
    return section;
  };

  const render = () => {
    const entries = panelEntries(doc, own, infos);
    const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('panel_close') }, '×');
    close.addEventListener('click', () => api.close());
    const filters = h(doc, 'fieldset', { class: 'filters' }, h(doc, 'legend', {}, t('panel_filter')));
    for (const f of FILTERS) {
      const input = h(doc, 'input', { type: 'radio', name: 'filter', value: f });
      input.checked = f === filter;
      input.addEventListener('change', () => {
        filter = f;
        render();
        root.querySelector<HTMLInputElement>(`input[value="${f}"]`)?.focus();
      });
      filters.append(h(doc, 'label', {}, input, t(`panel_filter_${f}`)));
    }
    const panel = h(
      doc,
      'div',
      { class: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'kamerlens-panel-title' },
      h(
        doc,
        'div',
        { class: 'head' },
        h(
          doc,
          'h2',
          { id: 'kamerlens-panel-title' },
          t('panel_title'),
          ' ',
          h(doc, 'span', { class: 'count' }, t('panel_count', [String(entries.length)])),
        ),
        close,
      ),
      filters,
      referencesSection(entries),
      pillarsSection(),
    );
    const backdrop = h(doc, 'div', { class: 'backdrop' });
    backdrop.addEventListener('click', () => api.close());
    root.replaceChildren(root.querySelector('style')!, backdrop, panel);
    dialog = panel;
  };

  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      api.close();
      return;
    }
    if (e.key !== 'Tab' || !dialog) return;
    // Focus stays in the dialog: Tab from the last element goes to the first, Shift+Tab the other way.
    const items = focusables(dialog);
    if (!items.length) return;
    const active = root.activeElement;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (e.shiftKey && (active === first || !active)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !active)) {
      e.preventDefault();
      first.focus();
    }
  };
  root.addEventListener('keydown', onKey);

  // A record pushed while the panel is open: shown at once, with focus kept on the element at the same place.
  const stopListening = infos.listen(() => {
    if (!api.isOpen || !dialog) return;
    const at = focusables(dialog).indexOf(root.activeElement as HTMLElement);
    render();
    if (at >= 0) focusables(dialog)[at]?.focus();
  });

  const api = {
    get isOpen() {
      return host.isConnected;
    },
    open() {
      if (api.isOpen) return;
      opener = doc.activeElement;
      render();
      (doc.body ?? doc.documentElement).append(host);
      doc.documentElement.setAttribute(HTML_ATTR.panel, 'open');
      root.querySelector<HTMLElement>('button.close')?.focus();
    },
    close(options: { returnFocus?: boolean } = {}) {
      if (!api.isOpen) return;
      host.remove();
      doc.documentElement.removeAttribute(HTML_ATTR.panel);
      if (options.returnFocus !== false) (opener as HTMLElement | null)?.focus?.();
      opener = null;
    },
    toggle() {
      if (api.isOpen) api.close();
      else api.open();
    },
    destroy() {
      stopListening();
      api.close({ returnFocus: false });
    },
  };
  return api;
}

/** The shortcut the manifest suggests (`commands`), also heard on the page when the browser leaves it to the page. */
export function isPanelShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyK';
}
