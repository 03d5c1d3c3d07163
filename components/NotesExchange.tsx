import { useState } from 'preact/hooks';
import type { NotesRepository } from '../lib/db/notes-repo';
import { errorText, t } from '../lib/i18n';
import { exportJson, exportMarkdown, type ImportPlan, parseExport, planImport, writesOf } from '../lib/notes/exchange';

/** Hands a text to the browser as a file download (no permission needed: an object URL and a link click). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The click has started the download by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const today = () => new Date().toISOString().slice(0, 10);

interface Props {
  repo: NotesRepository;
  /** The vergaderjaar per document id, from the cache, for the Markdown citations. */
  vergaderjaren(): Promise<Map<string, string>>;
}

/**
 * Export (JSON, Markdown) and import with a preview. An import is read and checked in full before anything is
 * shown; a refused file says why and changes nothing; only "Importeren" writes, in one transaction.
 */
export function NotesExchange({ repo, vergaderjaren }: Props) {
  const [plan, setPlan] = useState<{ name: string; plan: ImportPlan } | undefined>();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | undefined>();

  async function run(what: () => Promise<void>) {
    try {
      await what();
    } catch (error) {
      setMessage({ text: errorText(error), error: true });
    }
  }

  async function read(file: File) {
    setPlan(undefined);
    await run(async () => {
      const incoming = parseExport(await file.text());
      setPlan({ name: file.name, plan: planImport(await repo.everything(), incoming) });
      setMessage(undefined);
    });
  }

  return (
    <div class="notes-exchange">
      <div class="actions">
        <button
          type="button"
          class="export-json"
          onClick={() =>
            void run(async () =>
              download(`kamerlens-notities-${today()}.json`, exportJson(await repo.all()), 'application/json'),
            )
          }
        >
          {t('notes_export_json')}
        </button>
        <button
          type="button"
          class="export-md"
          onClick={() =>
            void run(async () =>
              download(
                `kamerlens-notities-${today()}.md`,
                exportMarkdown(await repo.all(), await vergaderjaren()),
                'text/markdown',
              ),
            )
          }
        >
          {t('notes_export_md')}
        </button>
      </div>
      <label for="notes-import">{t('notes_import')}</label>
      <input
        id="notes-import"
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void read(file);
          e.currentTarget.value = '';
        }}
      />
      {plan ? (
        <div class="import-preview" role="status">
          <p>
            {t('notes_import_preview', [
              plan.name,
              String(plan.plan.added.length),
              String(plan.plan.changed.length),
              String(plan.plan.unchanged.length),
              String(plan.plan.kept.length),
            ])}
          </p>
          <p>{t('notes_import_rule')}</p>
          {plan.plan.changed.length ? (
            <ul class="import-changed">
              {plan.plan.changed.map(({ before, after }) => (
                <li key={after.id}>
                  {t('notes_import_newer', [
                    after.title || after.documentId,
                    after.body.slice(0, 60) || before.body.slice(0, 60),
                  ])}
                </li>
              ))}
            </ul>
          ) : null}
          <div class="actions">
            <button
              type="button"
              class="import-apply"
              disabled={!writesOf(plan.plan).length}
              onClick={() =>
                void run(async () => {
                  const writes = writesOf(plan.plan);
                  await repo.putAll(writes);
                  setPlan(undefined);
                  setMessage({ text: t('notes_import_done', [String(writes.length)]) });
                })
              }
            >
              {t('notes_import_apply')}
            </button>
            <button type="button" class="import-cancel" onClick={() => setPlan(undefined)}>
              {t('notes_cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p class={message.error ? 'error import-error' : 'status'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
