import { render } from 'preact';
import '@/components/notes.css';
import { KamerlensDB } from '@/lib/db/schema';
import { t, uiLanguage } from '@/lib/notes/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage().slice(0, 2);
document.title = t('notes_page_title');
render(<App db={new KamerlensDB()} />, document.getElementById('app')!);
