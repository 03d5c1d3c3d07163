import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { REF_KINDS } from '../lib/contract/kinds';
import { clearCache } from '../lib/db/cache-reset';
import type { DossierRecord } from '../lib/db/models';
import { notesRepository, requestPersistence } from '../lib/db/notes-repo';
import { cacheRepository } from '../lib/db/repositories';
import type { KamerlensDB } from '../lib/db/schema';
import { errorText, t } from '../lib/i18n';
import { disabledKinds, enabledSites, type SiteKey } from '../lib/settings';
import { NotesExchange } from './NotesExchange';

const SITES: [SiteKey, string][] = [
  ['ob', 'zoek.officielebekendmakingen.nl'],
  ['tk', 'tweedekamer.nl'],
];

/** The options page's part for notes and data: sites, notes (storage, export, import), followed dossiers, cache. */
export function NotesSettings({ db }: { db: KamerlensDB }) {
  const repo = notesRepository(db);
  const [persisted, setPersisted] = useState<boolean | undefined | 'asking'>('asking');
  const [sites, setSites] = useState<Record<SiteKey, boolean> | undefined>();
  const [followed, setFollowed] = useState<DossierRecord[] | undefined>();
  const [off, setOff] = useState<string[] | undefined>();
  const [cache, setCache] = useState<{ text: string; error?: boolean } | undefined>();

  useEffect(() => {
    void requestPersistence().then(setPersisted);
    void enabledSites.getValue().then(setSites);
    void disabledKinds.getValue().then(setOff);
    cacheRepository(db)
      .followedDossiers()
      .then(setFollowed, () => setFollowed([]));
  }, [db]);

  async function toggle(key: SiteKey, on: boolean) {
    const next = { ...(sites ?? { ob: true, tk: true }), [key]: on };
    setSites(next);
    await enabledSites.setValue(next);
  }

  async function toggleKind(kind: string, on: boolean) {
    const next = on ? (off ?? []).filter((k) => k !== kind) : [...new Set([...(off ?? []), kind])];
    setOff(next);
    await disabledKinds.setValue(next);
  }

  async function wipe() {
    try {
      await clearCache(db);
      setFollowed([]);
      setCache({ text: t('notes_cache_cleared', [String(await repo.all().then((n) => n.length))]) });
    } catch (error) {
      setCache({ text: errorText(error), error: true });
    }
  }

  const vergaderjaren = async () =>
    new Map((await db.documents.toArray()).flatMap((d) => (d.vergaderjaar ? [[d.id, d.vergaderjaar] as const] : [])));

  return (
    <>
      <section class="notes-part" aria-labelledby="sites-h">
        <h2 id="sites-h">{t('notes_sites_heading')}</h2>
        {sites
          ? SITES.map(([key, host]) => (
              <p key={key}>
                <label class="check">
                  <input
                    type="checkbox"
                    name={`site-${key}`}
                    checked={sites[key]}
                    onChange={(e) => void toggle(key, e.currentTarget.checked)}
                  />{' '}
                  {host}
                </label>
              </p>
            ))
          : null}
        <p class="hint">{t('notes_sites_hint')}</p>
        <fieldset class="kinds">
          <legend>{t('notes_kinds_heading')}</legend>
          {off
            ? REF_KINDS.map((kind) => (
                <label key={kind} class="check">
                  <input
                    type="checkbox"
                    name={`kind-${kind}`}
                    checked={!off.includes(kind)}
                    onChange={(e) => void toggleKind(kind, e.currentTarget.checked)}
                  />{' '}
                  {t(`notes_kind_${kind.replace('-', '_')}`)}
                </label>
              ))
            : null}
        </fieldset>
      </section>
      <section class="notes-part" aria-labelledby="notes-h">
        <h2 id="notes-h">{t('notes_options_heading')}</h2>
        <p class="storage" data-persisted={String(persisted)}>
          {persisted === 'asking'
            ? t('popup_loading')
            : persisted === true
              ? t('notes_storage_persistent')
              : persisted === false
                ? t('notes_storage_best_effort')
                : t('notes_storage_unknown')}
        </p>
        <NotesExchange repo={repo} vergaderjaren={vergaderjaren} />
        <p>
          <a href={browser.runtime.getURL('/notes.html')} target="_blank" rel="noopener">
            {t('popup_all_notes')}
          </a>
        </p>
      </section>
      <section class="notes-part" aria-labelledby="followed-h">
        <h2 id="followed-h">{t('notes_followed_heading')}</h2>
        {followed === undefined ? (
          <p>{t('popup_loading')}</p>
        ) : followed.length ? (
          <ul class="followed">
            {followed.map((d) => (
              <li key={d.id}>
                {d.id}
                {d.titel ? ` — ${d.titel}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('notes_followed_none')}</p>
        )}
      </section>
      <section class="notes-part" aria-labelledby="cache-h">
        <h2 id="cache-h">{t('notes_cache_heading')}</h2>
        <p>{t('notes_cache_hint')}</p>
        <button type="button" class="cache-clear" onClick={() => void wipe()}>
          {t('notes_cache_clear')}
        </button>
        {cache ? (
          <p class={cache.error ? 'error' : 'status'} role={cache.error ? 'alert' : 'status'}>
            {cache.text}
          </p>
        ) : null}
      </section>
    </>
  );
}
