import { ATTR, HOST_TAG } from '../contract/attrs';
import { isRefKind } from '../contract/kinds';
import type { OwnLinks } from '../dom/identity';
import { firstPiece } from '../dom/own';
import type { RefInfo } from '../sync/info';
import { type CardSubject, cardContent } from './card-content';
import { CARD_CSS } from './card-style';
import { t } from './i18n';
import { focusables, h, shadowHost } from './kit';
import type { InfoStore } from './store';

/*
 * The hover card, modelled on Wikipedia's Page Previews: it opens when the pointer rests on a reference for a moment
 * (not when it passes over), stays while the pointer moves from the reference into the card, and closes a moment
 * after the pointer has left both. From the keyboard, Enter on a focused reference opens it with focus inside,
 * Escape closes it and puts focus back on the reference. On touch, the first tap on a reference opens its card and
 * the second follows the link.
 */

/** Rest time before the card opens, and grace time after the pointer leaves (Page Previews use 500 and 300 ms). */
export const OPEN_DELAY_MS = 400;
export const CLOSE_DELAY_MS = 300;

/** Something other than a reference that shows a card: a pillar label (lib/page/pillar-labels.ts). */
export interface CardSource {
  /** The content for `el` when it is one of this source's elements, else undefined. */
  contentFor(el: Element): HTMLElement | undefined;
}

export interface CardDeps {
  doc: Document;
  own: OwnLinks;
  infos: InfoStore;
  /** Asks the background to fetch the record again ("Vernieuwen"); its answer goes into `infos`. */
  refresh: (id: string) => Promise<RefInfo[]>;
  sources?: CardSource[];
  setTimeout?: (fn: () => void, ms: number) => unknown;
  clearTimeout?: (id: unknown) => void;
}

export interface Cards {
  /** The element the card is open for, if any. */
  readonly openFor: Element | undefined;
  open(el: Element, options?: { focus?: boolean }): boolean;
  close(options?: { returnFocus?: boolean }): void;
  destroy(): void;
}

const REF_OR_PIECE = `[${ATTR.ref}], [${ATTR.continues}], [${ATTR.kind}]`;

/**
 * The reference element (its first piece) an event target belongs to, when it is Kamerlens' own: one it made or
 * decorated, never an element the page marked itself (its card would show the page what the user has read).
 */
export function ownReferenceAt(
  target: EventTarget | null,
  own: OwnLinks,
): { el: Element; subject: CardSubject } | undefined {
  if (!target || (target as Node).nodeType !== 1) return undefined;
  const piece = (target as Element).closest(REF_OR_PIECE);
  if (!piece) return undefined;
  const el = piece.hasAttribute(ATTR.continues) ? firstPiece(piece) : piece;
  if (!el || !own.has(el)) return undefined;
  const id = own.idOf(el);
  const kind = el.getAttribute(ATTR.kind);
  if (!isRefKind(kind)) return undefined;
  const members = el.getAttribute(ATTR.members)?.split('/').filter(Boolean);
  if (id === undefined && !members?.length) return undefined;
  return { el, subject: { ...(id !== undefined ? { id } : {}), kind, ...(members ? { members } : {}) } };
}

export function installCards(deps: CardDeps): Cards {
  const { doc, own, infos } = deps;
  const later = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const cancel = deps.clearTimeout ?? ((id: unknown) => clearTimeout(id as number));
  const { host, root } = shadowHost(doc, HOST_TAG.card, CARD_CSS);
  const panel = h(doc, 'div', { class: 'card', role: 'dialog', 'aria-labelledby': 'kamerlens-card-title', hidden: '' });
  root.append(panel);
  let mounted = false;
  let current: { el: Element; subject?: CardSubject } | undefined;
  let openTimer: unknown;
  let closeTimer: unknown;
  let refreshing = false;

  const mount = () => {
    if (!mounted || !host.isConnected) {
      (doc.body ?? doc.documentElement).append(host);
      mounted = true;
    }
  };

  const render = () => {
    if (!current) return;
    const source = current.subject ? undefined : deps.sources?.find((s) => s.contentFor(current!.el));
    const content = current.subject
      ? cardContent(doc, current.subject, current.subject.id ? infos.get(current.subject.id) : undefined)
      : source?.contentFor(current.el);
    if (!content) return;
    const actions = h(doc, 'p', { class: 'actions' });
    const id = current.subject?.id;
    if (id) {
      const button = h(
        doc,
        'button',
        { type: 'button', class: 'refresh' },
        refreshing ? t('card_refreshing') : t('card_refresh'),
      );
      if (refreshing) button.setAttribute('aria-busy', 'true');
      button.addEventListener('click', () => {
        refreshing = true;
        render();
        deps
          .refresh(id)
          .then((refs) => infos.remember(refs))
          .catch(() => undefined)
          .finally(() => {
            refreshing = false;
            render();
          });
      });
      actions.append(button);
    }
    const close = h(doc, 'button', { type: 'button', class: 'close', 'aria-label': t('card_close') }, '×');
    close.addEventListener('click', () => api.close({ returnFocus: true }));
    actions.append(close);
    // Keep focus where it was across a re-render (a pushed record, "Vernieuwen").
    const focusedClass = (root.activeElement as HTMLElement | null)?.className;
    panel.replaceChildren(content, actions);
    if (focusedClass) panel.querySelector<HTMLElement>(`.${focusedClass.split(' ')[0]}`)?.focus();
  };

  const place = (el: Element) => {
    const rect = el.getBoundingClientRect();
    const view = doc.defaultView;
    const scrollX = view?.scrollX ?? 0;
    const scrollY = view?.scrollY ?? 0;
    const width = Math.min(360, (view?.innerWidth ?? 800) - 16);
    const left = Math.max(8, Math.min(rect.left, (view?.innerWidth ?? 800) - width - 8));
    // Below the reference, or above it when there is no room below.
    const below = rect.bottom + 8;
    const room = (view?.innerHeight ?? 600) - below;
    panel.style.width = `${width}px`;
    panel.style.left = `${left + scrollX}px`;
    if (room > 200) {
      panel.style.top = `${below + scrollY}px`;
      panel.style.bottom = '';
    } else {
      panel.style.top = `${Math.max(8, rect.top - 8 - Math.min(panel.offsetHeight || 300, 400)) + scrollY}px`;
    }
  };

  const stopTimers = () => {
    if (openTimer !== undefined) cancel(openTimer);
    if (closeTimer !== undefined) cancel(closeTimer);
    openTimer = closeTimer = undefined;
  };

  const subjectFor = (el: Element) => ownReferenceAt(el, own);
  const sourceFor = (el: Element) => deps.sources?.some((s) => s.contentFor(el) !== undefined);

  const api: Cards = {
    get openFor() {
      return current?.el;
    },
    open(el, options = {}) {
      stopTimers();
      const ref = subjectFor(el);
      if (!ref && !sourceFor(el)) return false;
      mount();
      current = ref ? { el: ref.el, subject: ref.subject } : { el };
      refreshing = false;
      render();
      panel.hidden = false;
      host.setAttribute('data-open', '');
      place(current.el);
      if (options.focus) focusables(panel)[0]?.focus();
      return true;
    },
    close(options = {}) {
      stopTimers();
      if (!current) return;
      const el = current.el;
      current = undefined;
      panel.hidden = true;
      host.removeAttribute('data-open');
      if (options.returnFocus) (el as HTMLElement).focus?.();
    },
    destroy() {
      stopTimers();
      for (const [type, fn] of listeners) doc.removeEventListener(type, fn, true);
      stopListening();
      host.remove();
    },
  };

  /** The reference or card source an event's target is, if any. */
  const cardTarget = (target: EventTarget | null): Element | undefined => {
    if (!target || (target as Node).nodeType !== 1) return undefined;
    const ref = subjectFor(target as Element);
    if (ref) return ref.el;
    const el = target as Element;
    return sourceFor(el) ? el : undefined;
  };
  const inCard = (target: EventTarget | null) => target === host;

  const scheduleClose = () => {
    if (openTimer !== undefined) cancel(openTimer);
    openTimer = undefined;
    if (!current || closeTimer !== undefined) return;
    closeTimer = later(() => {
      closeTimer = undefined;
      // Focus inside the card keeps it open: the user is reading or about to press a button.
      if (root.activeElement) return;
      api.close();
    }, CLOSE_DELAY_MS);
  };

  const onOver = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerType === 'touch') return;
    if (inCard(e.target)) {
      if (closeTimer !== undefined) cancel(closeTimer);
      closeTimer = undefined;
      return;
    }
    const el = cardTarget(e.target);
    if (!el) {
      // Over the page itself: the pointer left. Also heard when the card re-rendered under the pointer (Chromium
      // then sends the `pointerout` to the removed node, which no longer reaches the document).
      if (current && !current.el.contains(e.target as Node)) scheduleClose();
      return;
    }
    if (closeTimer !== undefined) cancel(closeTimer);
    closeTimer = undefined;
    if (current?.el === el) return;
    if (openTimer !== undefined) cancel(openTimer);
    openTimer = later(() => {
      openTimer = undefined;
      api.open(el);
    }, OPEN_DELAY_MS);
  };

  const onOut = (event: Event) => {
    const e = event as PointerEvent;
    if (e.pointerType === 'touch') return;
    const from = inCard(e.target) ? host : cardTarget(e.target);
    if (!from) return;
    const to = e.relatedTarget as Node | null;
    // Moving within the reference, or from it into the card (and back), is no leaving.
    if (to && (from.contains(to) || to === host || current?.el.contains(to))) return;
    scheduleClose();
  };

  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    if (e.key === 'Escape' && current) {
      const inside = e.target === host || current.el === e.target || current.el.contains(e.target as Node);
      api.close({ returnFocus: inside });
      if (inside) e.preventDefault();
      return;
    }
    if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const el = cardTarget(e.target);
    if (!el || current?.el === el) return;
    // The first Enter opens the card with focus on its first link (the document itself); the next follows it.
    if (api.open(el, { focus: true })) e.preventDefault();
  };

  /** A tap: the first on a reference opens its card instead of following it, a second (card open) follows. */
  let touched = false;
  const onDown = (event: Event) => {
    touched = (event as PointerEvent).pointerType === 'touch';
  };
  const onClick = (event: Event) => {
    if (!touched) return;
    touched = false;
    const el = cardTarget(event.target);
    if (!el) {
      if (current && !inCard(event.target)) api.close();
      return;
    }
    if (current?.el === el) return;
    if (api.open(el)) event.preventDefault();
  };

  const onFocusOut = (event: Event) => {
    // Focus leaving the card for the page closes it (it is not modal).
    if (!current || event.target !== host) return;
    const to = (event as FocusEvent).relatedTarget as Node | null;
    if (to === host || (to && current.el.contains(to))) return;
    scheduleClose();
  };

  const listeners: [string, EventListener][] = [
    ['pointerover', onOver],
    ['pointerout', onOut],
    ['keydown', onKey],
    ['pointerdown', onDown],
    ['click', onClick],
    ['focusout', onFocusOut],
  ];
  for (const [type, fn] of listeners) doc.addEventListener(type, fn, true);
  // A record pushed while the card is open updates it in place.
  const stopListening = infos.listen((ids) => {
    if (current?.subject?.id && ids.has(current.subject.id)) render();
  });
  return api;
}
