/**
 * Background: one router over every request (tab status, badge, library
 * storage), the keyboard shortcut and the context menu item that toggle the
 * sidebar. Wiring only; the logic is in background/router.ts, background/tab-status.ts
 * and background/storage/.
 */
import { browser, defineBackground } from '#imports';
import { libraryDb } from '@/background/db/library-db';
import { errorMessage, isRequest, sendContentRequest } from '@/protocol/messages';
import { createRouter } from '@/background/router';
import type { SessionArea } from '@/background/tab-status';

/** The id of both the command (wxt.config.ts) and the context menu item. */
const TOGGLE_SIDEBAR = 'toggle-sidebar';

export default defineBackground(() => {
  // MV3 has `action`; Firefox MV2 only `browserAction`.
  const badge = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;
  // `storage.session` is missing in older browsers: the in-memory record still works there.
  const session = browser.storage.session as SessionArea | undefined;
  const library = libraryDb();
  const router = createRouter({
    library,
    badge,
    session,
    // runtime.getURL('') is `chrome-extension://ID/` (Firefox: `moz-extension://UUID/`).
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    notifyTab: async (tabId, frameId, request) => {
      await browser.tabs.sendMessage(tabId, request, { frameId });
    },
    openLibrary: async () => {
      await browser.tabs.create({ url: browser.runtime.getURL('/library.html') });
    },
  });

  // The database opens as the worker starts, not at its first request: a library page
  // opened then gets its first rows without waiting for the open. The worker is started
  // with the browser (onStartup) for the same reason. A failed open fails the requests
  // the same way a lazy one would.
  void library.use((db) => db.open()).catch(() => undefined);
  browser.runtime.onStartup.addListener(() => undefined);

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return false; // not ours: let other listeners answer
    void router.handle(message, sender).then(sendResponse);
    return true; // the reply is sent asynchronously
  });

  browser.tabs.onRemoved.addListener((tabId) => void router.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A new page is loading in the tab: its content script will report again.
    if (changeInfo.status === 'loading') void router.forget(tabId);
  });

  async function toggleSidebar(tabId: number | undefined): Promise<void> {
    if (tabId === undefined || tabId < 0) return;
    const reply = await sendContentRequest(browser, tabId, { type: 'toggle-sidebar' });
    // Nothing to show from here: on a restricted page there is no sidebar to open.
    if (!reply.ok) console.debug('[Gangmu] could not toggle the sidebar:', reply.error);
  }

  browser.commands?.onCommand.addListener((command) => {
    if (command !== TOGGLE_SIDEBAR) return;
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => toggleSidebar(tab?.id))
      .catch((err: unknown) => console.debug('[Gangmu] command failed:', errorMessage(err)));
  });

  // Menu items persist across service-worker restarts: create them once per install/update.
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: TOGGLE_SIDEBAR,
      title: browser.i18n.getMessage('contextMenuToggleSidebar'),
      contexts: ['page', 'selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === TOGGLE_SIDEBAR) void toggleSidebar(tab?.id);
  });
});
