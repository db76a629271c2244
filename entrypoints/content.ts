/**
 * Content script: a cheap essay check on every page (reported for the
 * badge), and the reading sidebar with the full outline when the reader asks
 * for it. Wiring only; the logic is content/content-controller.ts, the
 * engine lib/.
 *
 * It listens to the page for nothing that could drive it: the sidebar opens
 * through the background (shortcut, context menu, popup), never through a
 * DOM event or a `postMessage` a page script can send (README → Privacy).
 */
import { browser, defineContentScript } from '#imports';
import { memoMessages, type SidebarMessage } from '@/components/sidebar/sidebar-messages';
import { createContentController } from '@/content/content-controller';
import { engineLoader } from '@/content/engine';
import { errorMessage, isContentRequest, sendRequest, type Request } from '@/protocol/messages';

/** Whether this copy of the script still belongs to a running extension (not reloaded or removed). */
function extensionAlive(): boolean {
  try {
    return !!browser.runtime?.id;
  } catch {
    return false; // Firefox throws on a dead context's runtime: that is a "no"
  }
}

export default defineContentScript({
  matches: ['<all_urls>'],
  runAt: 'document_idle',
  // WXT's start-up postMessage names the extension's id to every script of the page.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    let stopped = false;
    const stop = () => {
      if (stopped) return;
      stopped = true;
      controller.stop();
    };
    const controller = createContentController({
      win: window,
      doc: document,
      send: <R extends Request>(request: R) => {
        // An orphaned copy (the extension was reloaded under it) takes its UI off the page.
        if (!extensionAlive()) stop();
        return sendRequest(browser, request);
      },
      t: memoMessages((name: SidebarMessage, substitutions?: string[]) =>
        browser.i18n.getMessage(name, substitutions),
      ),
      // Notes are typed in the extension's own frame, never in the page's document.
      noteEditorUrl: (token: string) => browser.runtime.getURL(`/note-editor.html#${token}`),
      // The full engine is a script of its own, loaded when the page first needs it.
      engine: engineLoader(browser.runtime.getURL('/engine.js')),
    });

    browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
      if (!isContentRequest(message)) return false; // not ours
      void controller.handle(message).then(sendResponse);
      return true; // the reply is sent asynchronously
    });
    // WXT invalidates the context when a newer copy of this script starts — and when a page
    // script dispatches the same DOM event, which it can. So its word is checked: only a
    // context whose extension is really gone stops.
    ctx.onInvalidated(() => {
      if (!extensionAlive()) stop();
    });

    try {
      await controller.start();
    } catch (err) {
      // A page we cannot read is not the page's problem: log quietly, never rethrow.
      console.debug('[Gangmu] could not check this page:', errorMessage(err));
    }
  },
});
