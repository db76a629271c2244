/**
 * Background: keeps what each tab's content script found, shows it as the
 * toolbar badge, and answers the popup. Wiring only; the logic is in
 * utils/tab-status.ts.
 */
import { browser, defineBackground } from '#imports';
import { isRequest } from '@/utils/messages';
import { createTabStatusService, type SessionArea } from '@/utils/tab-status';

export default defineBackground(() => {
  // MV3 has `action`; Firefox MV2 only `browserAction`.
  const badge = (browser.action as typeof browser.action | undefined) ?? browser.browserAction;
  // `storage.session` is missing in older browsers: the in-memory record still works there.
  const session = browser.storage.session as SessionArea | undefined;
  const service = createTabStatusService({ badge, session });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isRequest(message)) return false; // not ours: let other listeners answer
    void service.handle(message, sender).then(sendResponse);
    return true; // the reply is sent asynchronously
  });

  browser.tabs.onRemoved.addListener((tabId) => void service.forget(tabId));
  browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
    // A new page is loading in the tab: its content script will report again.
    if (changeInfo.status === 'loading') void service.forget(tabId);
  });
});
