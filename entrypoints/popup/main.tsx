import { render } from 'preact';
import '@/components/notes.css';
import { KamerlensDB } from '@/lib/db/schema';
import { uiLanguage } from '@/lib/notes/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage().slice(0, 2);
render(<App db={new KamerlensDB()} search={location.search} />, document.getElementById('app')!);
