/**
 * Popup: asks the background what the current tab's content script found.
 * `popup.html?tab=ID` shows another tab (used by the end-to-end test, where
 * the popup is opened as a page of its own).
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { TabStatusView, type PopupMessage, type TabStatusState } from '@/components/TabStatusView';
import { errorMessage, sendRequest } from '@/utils/messages';

const t = (name: PopupMessage, substitutions?: string[]): string =>
  browser.i18n.getMessage(name, substitutions);

async function currentTabId(): Promise<number> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) return Number(fromQuery);
  // No "tabs" permission is needed for the id of the active tab.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return tab.id;
}

async function loadState(): Promise<TabStatusState> {
  try {
    const tabId = await currentTabId();
    const reply = await sendRequest(browser, { type: 'get-tab-status', tabId });
    return reply.ok
      ? { kind: 'ready', status: reply.value }
      : { kind: 'error', error: reply.error };
  } catch (err) {
    return { kind: 'error', error: errorMessage(err) };
  }
}

function Popup() {
  const [state, setState] = useState<TabStatusState>({ kind: 'loading' });
  useEffect(() => {
    void loadState().then(setState);
  }, []);
  return <TabStatusView state={state} t={t} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<Popup />, root);
