import { render } from 'preact';
import './style.css';
import { t, uiLanguage } from '@/lib/i18n';
import { App } from './App';

document.documentElement.lang = uiLanguage().slice(0, 2);
document.title = t('options_title');
render(<App />, document.getElementById('app')!);
