import { handleMessages } from '@/lib/messaging/runtime';
import { analyseText } from '@/lib/refs/analyse';

/** Background: registers the message handlers; the work itself lives in lib/. */
export default defineBackground(() => {
  handleMessages({
    'analyse-text': ({ text, footnotes }) => analyseText(text, footnotes),
  });
});
