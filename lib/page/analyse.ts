import { annotate } from '@/lib/dom/annotate';
import { pageFootnotes } from '@/lib/dom/footnotes';
import { adoptSelfMotions, pageIdentity } from '@/lib/dom/identity';
import { markPillars } from '@/lib/dom/pillars';
import { runSliced, runStepsSliced } from '@/lib/dom/scheduler';
import { isCurrent, textMapSteps } from '@/lib/dom/text-map';
import { send } from '@/lib/messaging/runtime';
import { type KeptText, lostParts, textParts } from '@/lib/messaging/text-parts';
import { wasStopped } from '@/lib/messaging/turns';
import type { Footnote } from '@/lib/refs/types';
import type { PillarLabels } from './pillar-labels';
import { own } from './status';

/**
 * Sends a text for analysis, a long one in parts, each a message and a task of its own (lib/messaging/text-parts.ts);
 * the text the background kept from the first pass (`kept`), by its token alone. Should the background have lost it,
 * or lose parts half-way (its worker restarted in between), the text is sent once more; so it is when the background
 * stopped the analysis for a newer one of the same frame and this page still hears of it.
 */
export async function sendForAnalysis(ask: typeof send, text: string, footnotes: Footnote[], kept?: KeptText) {
  try {
    return await sendOnce(ask, text, footnotes, kept);
  } catch (error) {
    // Stopped for another page of the same tab, and back again: asked once more (lib/messaging/turns.ts).
    if (!wasStopped(error)) throw error;
    return sendOnce(ask, text, footnotes);
  }
}

async function sendOnce(ask: typeof send, text: string, footnotes: Footnote[], kept?: KeptText) {
  if (kept?.takes(text)) {
    try {
      return await ask('analyse-text', { text: '', footnotes, token: kept.token });
    } catch (error) {
      if (!lostParts(error)) throw error;
    }
  }
  const parts = textParts(text);
  if (parts.length === 1) return ask('analyse-text', { text, footnotes });
  try {
    return await sendParts(ask, parts, footnotes);
  } catch (error) {
    if (!lostParts(error)) throw error;
    return sendParts(ask, parts, footnotes);
  }
}

/** The parts under a new token, the last with the request that ends them. */
async function sendParts(ask: typeof send, parts: string[], footnotes: Footnote[]) {
  const token = crypto.randomUUID();
  for (let index = 0; index < parts.length - 1; index++)
    await ask('analyse-part', { token, index, text: parts[index]! });
  return ask('analyse-text', { text: parts.at(-1)!, footnotes, token });
}

/**
 * The second pass: motions and pillar topics. The page's text (as the first pass left it, links included) goes to
 * the background, which runs compromise; the answer is applied only if the text is still the same, so a page that
 * changed in the meantime is never annotated at wrong offsets.
 */
export async function analyseRoots(
  roots: readonly Element[],
  exclude: (el: Element) => boolean,
  signal: AbortSignal,
  options: {
    /** Where the pillar labels go (lib/page/pillar-labels.ts); without it the blocks are only marked. */
    labels?: PillarLabels;
    /** Which kinds to mark (the options' "Wat Kamerlens markeert"); all when absent. */
    kinds?: (kind: string) => boolean;
    /** The message to the background (injected by tests; the runtime's by default). */
    send?: typeof send;
    /** The first pass's text, if the background keeps it (detect-in-background.ts). */
    kept?: KeptText;
  } = {},
): Promise<{ motions: number; pillars: number; motionLinks: Element[] }> {
  const ask = options.send ?? send;
  const marks = options.kinds ?? (() => true);
  let motions = 0;
  let pillars = 0;
  const motionLinks: Element[] = [];
  for (const root of roots) {
    const map = await runStepsSliced(textMapSteps(root, { exclude, readOwnLinks: true }), { signal });
    if (!map) break;
    if (!map.text.trim()) continue;
    const analysis = await sendForAnalysis(ask, map.text, pageFootnotes(root, map), options.kept);
    if (signal.aborted) break;
    if (!isCurrent(map)) continue;
    // Applied a few at a time, like the first pass; motions last to first, so earlier offsets stay valid.
    // Kinds switched off in the options are found but not marked.
    await runSliced(
      marks('pillar') ? analysis.pillars : [],
      (pillar) => {
        pillars += markPillars(map, [pillar]);
      },
      { signal },
    );
    if (marks('pillar')) options.labels?.place(map, analysis.pillars);
    // The motion links are Kamerlens' own as they go in, with the motion's document (or none): claimed right then,
    // without reading the text a third time.
    await runSliced(
      marks('motion') ? [...analysis.motions].reverse() : [],
      (motion) => {
        motions += annotate(map, [motion], {
          onLink: (link) => {
            own.claim(link, motion.id);
            motionLinks.push(link);
          },
        });
      },
      { signal },
    );
  }
  const self = pageIdentity(document);
  if (self) adoptSelfMotions(document, self, own, motionLinks);
  return { motions, pillars, motionLinks };
}
