/**
 * Content script: outlines the page once it has loaded and tells the
 * background how many points it found. Wiring only; the engine is lib/.
 */
import { browser, defineContentScript } from '#imports';
import { analyzeDocument } from '@/lib/index';
import { countPoints } from '@/utils/count-points';
import { errorMessage, sendRequest } from '@/utils/messages';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main() {
    try {
      const { outline } = analyzeDocument(document, { window, url: location.href });
      const title = outline.title ?? (document.title.trim() || null);
      const reply = await sendRequest(browser, {
        type: 'outline-found',
        count: countPoints(outline.nodes),
        title,
      });
      if (!reply.ok) console.debug('[Gangmu] background did not take the outline:', reply.error);
    } catch (err) {
      // A page the engine cannot read is not the page's problem: log quietly, never rethrow.
      console.debug('[Gangmu] could not outline this page:', errorMessage(err));
    }
  },
});
