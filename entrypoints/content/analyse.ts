import { annotate } from '@/lib/dom/annotate';
import { pageFootnotes } from '@/lib/dom/footnotes';
import { markPillars } from '@/lib/dom/pillars';
import { buildTextMap } from '@/lib/dom/text-map';
import { send } from '@/lib/messaging/runtime';

/**
 * The second pass: motions and pillar topics. The page's text (as the first pass left it, links included) goes to
 * the background, which runs compromise; the answer is applied only if the text is still the same, so a page that
 * changed in the meantime is never annotated at wrong offsets.
 */
export async function analyseRoots(
  roots: readonly Element[],
  exclude: (el: Element) => boolean,
  signal: AbortSignal,
): Promise<{ motions: number; pillars: number }> {
  let motions = 0;
  let pillars = 0;
  for (const root of roots) {
    const map = buildTextMap(root, { exclude, readOwnLinks: true });
    if (!map.text.trim()) continue;
    const analysis = await send('analyse-text', { text: map.text, footnotes: pageFootnotes(root, map) });
    if (signal.aborted) break;
    if (
      !map.nodes.every((n) => n.isConnected) ||
      buildTextMap(root, { exclude, readOwnLinks: true }).text !== map.text
    ) {
      continue;
    }
    pillars += markPillars(map, analysis.pillars);
    motions += annotate(map, analysis.motions);
  }
  return { motions, pillars };
}
