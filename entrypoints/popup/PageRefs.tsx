import type { PageRef } from '@/lib/messaging/protocol';
import { t } from '@/lib/notes/i18n';

/** The page's references: counts per kind, then each (once) with its status; a click brings it into view. */
export function PageRefs({ refs, onShow }: { refs: PageRef[]; onShow(id: string): void }) {
  if (!refs.length) return <p>{t('popup_refs_none')}</p>;
  const byKind = new Map<string, number>();
  for (const ref of refs) byKind.set(ref.kind, (byKind.get(ref.kind) ?? 0) + 1);
  const unique = [...new Map(refs.map((r) => [r.id, r] as const)).values()];
  return (
    <>
      <ul class="ref-counts">
        {[...byKind].map(([kind, n]) => (
          <li key={kind} data-kind={kind}>
            {kind}: <strong>{n}</strong>
          </li>
        ))}
      </ul>
      <ul class="refs">
        {unique.map((ref) => (
          <li key={ref.id}>
            <button type="button" class="ref" data-ref={ref.id} onClick={() => onShow(ref.id)}>
              {ref.text || ref.id}
            </button>{' '}
            <span class="ref-state" data-state={ref.state ?? 'onbekend'}>
              {ref.status ?? ref.state ?? ''}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
