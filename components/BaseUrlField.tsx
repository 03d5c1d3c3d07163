import { useState } from 'preact/hooks';
import { t } from '../lib/i18n';
import { checkBaseUrl, type DataHost } from '../lib/settings-validation';

export interface BaseUrlFieldProps {
  id: string;
  label: string;
  value: string;
  fallback: string;
  /** The data host this setting may point at. */
  host: DataHost;
  /** Saves a checked URL; a rejection is shown to the user, the field keeps what they typed. */
  onSave: (url: string) => Promise<void>;
}

/** One base-URL setting: typed, checked, saved, or put back to the real service's address. */
export function BaseUrlField({ id, label, value, fallback, host, onSave }: BaseUrlFieldProps) {
  const [draft, setDraft] = useState(value);
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | undefined>();

  const save = async (next: string) => {
    const checked = checkBaseUrl(next, host);
    if (!checked.ok) {
      setMessage({ kind: 'error', text: checked.reason });
      return;
    }
    try {
      await onSave(checked.url);
      setDraft(checked.url);
      setMessage({ kind: 'saved', text: t('options_url_saved') });
    } catch (error) {
      setMessage({ kind: 'error', text: t('options_url_not_saved', [(error as Error).message]) });
    }
  };

  return (
    <form
      class="base-url"
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <label for={id}>{label}</label>
      <input
        id={id}
        type="url"
        value={draft}
        aria-invalid={message?.kind === 'error'}
        aria-describedby={`${id}-message`}
        onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
      />
      <button type="submit">{t('options_url_save')}</button>
      <button type="button" disabled={draft === fallback} onClick={() => void save(fallback)}>
        {t('options_url_default')}
      </button>
      <p id={`${id}-message`} class={message?.kind ?? ''} role="status">
        {message?.text ?? ''}
      </p>
    </form>
  );
}
