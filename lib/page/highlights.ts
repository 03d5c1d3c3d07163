import * as textPosition from 'dom-anchor-text-position';
import { ATTR } from '../contract/attrs';
import { describeText, matchSelectors } from '../notes/anchoring';
import type { AnchorState, NoteSelector } from '../notes/model';

/*
 * Notes on passages, on the page: a selection becomes W3C selectors, and on every visit each note's passage is found
 * again (lib/notes/anchoring.ts) and wrapped in Kamerlens' own `<mark data-kamerlens-note="<id>">` elements. Marks
 * only wrap existing text nodes (split where the passage starts and ends), so the page's text stays exactly what it
 * was: the offsets of every other passage, and of the page's own scripts, are unchanged. Loaded only when the page
 * has notes with a passage, or when the user asks for one.
 */

export const NOTE_ATTR = ATTR.note;
const NOTE_CLASS = 'kamerlens-note';

/** The selectors for what is selected under `root`, or null when nothing (or only white space) is. */
export function describeSelection(root: Element, selection: Selection | null): NoteSelector[] | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) || !range.toString().trim()) return null;
  const { start, end } = textPosition.fromRange(root, range);
  return describeText(root.textContent ?? '', start, end);
}

/**
 * The range of text offsets `start`–`end` under `root`. dom-anchor-text-position's own toRange seeks with a
 * NodeIterator's `referenceNode`, which happy-dom (the unit tests' DOM) lacks; a TreeWalker over the same text nodes
 * gives the same range and runs in both.
 */
function rangeAt(root: Element, start: number, end: number): Range | null {
  const range = root.ownerDocument.createRange();
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  let at = 0;
  let started = false;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    const len = n.data.length;
    if (!started && start < at + len) {
      range.setStart(n, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(n, end - at);
      return range;
    }
    at += len;
  }
  return null;
}

/** The text nodes a range covers, each split so that exactly the covered part is a node of its own. */
function coveredTextNodes(range: Range): Text[] {
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const nodes: Text[] = [];
  if (root.nodeType === 3) nodes.push(root as Text);
  else {
    const walker = doc.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (range.intersectsNode(n)) nodes.push(n as Text);
  }
  return nodes.flatMap((node) => {
    let text = node;
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.data.length;
    if (to <= from) return [];
    if (to < text.data.length) text.splitText(to);
    if (from > 0) text = text.splitText(from);
    return text.data.trim() ? [text] : [];
  });
}

function wrap(range: Range, id: string): void {
  for (const node of coveredTextNodes(range)) {
    // Never inside form fields or scripts: a mark there would be markup in the page's data.
    if (node.parentElement?.closest('script, style, textarea, select, option, noscript')) continue;
    const mark = node.ownerDocument.createElement('mark');
    mark.className = NOTE_CLASS;
    mark.setAttribute(NOTE_ATTR, id);
    node.replaceWith(mark);
    mark.append(node);
  }
}

/** Removes Kamerlens' marks (all, or one note's), leaving their text nodes where they were. */
export function clearHighlights(root: ParentNode, id?: string): void {
  const selector = id === undefined ? `mark[${NOTE_ATTR}]` : `mark[${NOTE_ATTR}="${CSS.escape(id)}"]`;
  for (const mark of root.querySelectorAll(selector)) mark.replaceWith(...mark.childNodes);
}

/**
 * Draws the passages of `notes` again (the old marks go first), and says for each note whether its passage was
 * found as it was, found changed, or is gone. All are matched on the text before any mark is drawn, so the order of
 * the notes changes nothing.
 */
export function highlightNotes(
  root: Element,
  notes: readonly { id: string; selectors: readonly NoteSelector[] }[],
): Record<string, AnchorState> {
  clearHighlights(root);
  const text = root.textContent ?? '';
  const states: Record<string, AnchorState> = {};
  const found: { id: string; start: number; end: number }[] = [];
  for (const note of notes) {
    const m = matchSelectors(text, note.selectors);
    states[note.id] = m ? m.state : 'missing';
    if (m) found.push({ id: note.id, start: m.start, end: m.end });
  }
  // Marks split text nodes but never change the text, so offsets stay valid; from the end, each split leaves the
  // nodes of the passages still to draw untouched.
  for (const f of found.sort((a, b) => b.start - a.start)) {
    const range = rangeAt(root, f.start, f.end);
    if (range) wrap(range, f.id);
  }
  return states;
}

/** Brings a note's passage into view (the popup's "toon in pagina"). */
export function scrollToNote(root: ParentNode, id: string): boolean {
  const mark = root.querySelector(`mark[${NOTE_ATTR}="${CSS.escape(id)}"]`);
  mark?.scrollIntoView({ block: 'center' });
  return mark !== null;
}
