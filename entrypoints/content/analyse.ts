import { annotate } from '@/lib/dom/annotate';
import { pageFootnotes } from '@/lib/dom/footnotes';
import { adoptSelfMotions, claimMotionLinks, pageIdentity } from '@/lib/dom/identity';
import { markPillars } from '@/lib/dom/pillars';
import { runSliced, runStepsSliced } from '@/lib/dom/scheduler';
import { isCurrent, textMapSteps } from '@/lib/dom/text-map';
import { send } from '@/lib/messaging/runtime';
import { own } from './status';

/**
 * The second pass: motions and pillar topics. The page's text (as the first pass left it, links included) goes to
 * the background, which runs compromise; the answer is applied only if the text is still the same, so a page that
 * changed in the meantime is never annotated at wrong offsets.
 */
export async function analyseRoots(
  roots: readonly Element[],
  exclude: (el: Element) => boolean,
  signal: AbortSignal,
  kinds: (kind: string) => boolean = () => true,
): Promise<{ motions: number; pillars: number }> {
  let motions = 0;
  let pillars = 0;
  for (const root of roots) {
    const map = await runStepsSliced(textMapSteps(root, { exclude, readOwnLinks: true }), { signal });
    if (!map) break;
    if (!map.text.trim()) continue;
    const analysis = await send('analyse-text', { text: map.text, footnotes: pageFootnotes(root, map) });
    if (signal.aborted) break;
    if (!isCurrent(map)) continue;
    // Applied a few at a time, like the first pass; motions last to first, so earlier offsets stay valid.
    // Kinds switched off in the options are found but not marked.
    await runSliced(
      kinds('pillar') ? analysis.pillars : [],
      (pillar) => {
        pillars += markPillars(map, [pillar]);
      },
      { signal },
    );
    await runSliced(
      kinds('motion') ? [...analysis.motions].reverse() : [],
      (motion) => {
        motions += annotate(map, [motion]);
      },
      { signal },
    );
    // The motion links just made are Kamerlens' own: found where the analysis put them, in the text read again.
    const linked = await runStepsSliced(textMapSteps(root, { exclude, readOwnLinks: true }), { signal });
    if (linked) claimMotionLinks(linked, analysis.motions, own);
  }
  const self = pageIdentity(document);
  if (self) adoptSelfMotions(document, self, own);
  return { motions, pillars };
}
