/**
 * Content script: a cheap essay check on every page (reported for the
 * badge), and the reading sidebar with the full outline when the reader asks
 * for it. Wiring only; the logic is utils/page/content-controller.ts, the
 * engine lib/.
 */
import { browser, defineContentScript } from '#imports';
import type { SidebarMessage } from '@/components/sidebar/sidebar-messages';
import { createContentController } from '@/utils/page/content-controller';
import { errorMessage, isContentRequest, sendRequest, type Request } from '@/utils/messages';

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  async main(ctx) {
    const controller = createContentController({
      win: window,
      doc: document,
      send: <R extends Request>(request: R) => sendRequest(browser, request),
      t: (name: SidebarMessage, substitutions?: string[]) =>
        browser.i18n.getMessage(name, substitutions),
    });

    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if (!isContentRequest(message)) return false; // not ours
      void controller.handle(message).then(sendResponse);
      return true; // the reply is sent asynchronously
    });
    ctx.onInvalidated(() => controller.stop());

    try {
      await controller.start();
    } catch (err) {
      // A page we cannot read is not the page's problem: log quietly, never rethrow.
      console.debug('[Gangmu] could not check this page:', errorMessage(err));
    }
  },
});
