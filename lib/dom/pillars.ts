import { ATTR } from '../contract/attrs';
import type { PillarRef } from '../refs/types';
import { nodeIndexAt, type TextMap } from './text-map';

/** The attribute that lists a block's pillars, like a class list: `[data-kamerlens-pillars~="ima-4"]`. */
export const PILLAR_ATTR = ATTR.pillars;

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, td, th, dd, dt, blockquote, div';

/**
 * Marks the blocks (paragraphs, headings, list items) that a pillar label covers with the pillar's key, and the
 * surest confidence for it. Labels never change the text; a section's label reaches every block in it.
 */
export function markPillars(map: TextMap, pillars: readonly PillarRef[]): number {
  let marked = 0;
  for (const pillar of pillars) {
    const key = `${pillar.agenda}-${pillar.pillar}`;
    const blocks = new Set<Element>();
    for (let i = nodeIndexAt(map, pillar.start); i < map.nodes.length && map.starts[i]! < pillar.end; i++) {
      const block = map.nodes[i]!.parentElement?.closest(BLOCKS);
      if (block) blocks.add(block);
    }
    for (const block of blocks) {
      const keys = new Set((block.getAttribute(PILLAR_ATTR) ?? '').split(' ').filter(Boolean));
      keys.add(key);
      block.setAttribute(PILLAR_ATTR, [...keys].join(' '));
      const attr = `${ATTR.pillarPrefix}${key}`;
      const previous = Number(block.getAttribute(attr) ?? 0);
      block.setAttribute(attr, String(Math.max(previous, Math.round(pillar.confidence * 100) / 100)));
      marked++;
    }
  }
  return marked;
}
