import { detectPapers } from '../refs/papers';
import { annotate } from './annotate';
import { runSliced, runStepsSliced } from './scheduler';
import { type TextMap, textMapSteps } from './text-map';

/** Detection runs on pieces of about this many characters, cut at block boundaries, so no slice is long. */
const CHUNK_CHARS = 16_000;

interface Chunk {
  map: TextMap;
  from: number;
  to: number;
}

/** Cuts a text map into chunks ending at block separators ('\n' between nodes), never inside a text node. */
function* chunksOf(map: TextMap): Generator<Chunk> {
  const { text } = map;
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + CHUNK_CHARS);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      // A single block longer than a chunk is taken whole: cutting it could cut a reference in two.
      to = cut > from ? cut : text.indexOf('\n', to) === -1 ? text.length : text.indexOf('\n', to);
    }
    yield { map, from, to };
    from = to + 1;
  }
}

function annotateChunk({ map, from, to }: Chunk): number {
  const refs = detectPapers(map.text.slice(from, to)).map((ref) => ({
    ...ref,
    start: ref.start + from,
    end: ref.end + from,
  }));
  return annotate(map, refs);
}

/**
 * Finds and links the references under each root, a slice at a time. Safe to run again on the same roots: text
 * already inside a Kamerlens link (or any link) is skipped. Resolves with the number of references linked.
 */
export async function scanRoots(
  roots: readonly Element[],
  options: { exclude?: (el: Element) => boolean; signal?: AbortSignal } = {},
): Promise<number> {
  let linked = 0;
  for (const root of roots) {
    if (options.signal?.aborted) break;
    const map = await runStepsSliced(textMapSteps(root, { exclude: options.exclude }), { signal: options.signal });
    if (!map) break;
    await runSliced(
      chunksOf(map),
      (chunk) => {
        linked += annotateChunk(chunk);
      },
      { signal: options.signal },
    );
  }
  return linked;
}
