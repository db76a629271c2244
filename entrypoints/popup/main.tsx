/**
 * Popup: the current tab's status and four actions (open the sidebar, save to
 * the library, export Markdown, open the library). Wiring only; the actions
 * are in components/popup/popup-actions.ts. `popup.html?tab=ID` acts on
 * another tab (used by the end-to-end test, where the popup is a page of its own).
 */
import { render } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import type { PopupT, TabStatusState } from '@/components/TabStatusView';
import { PopupView } from '@/components/popup/PopupView';
import {
  exportMarkdown,
  isRestrictedUrl,
  openSidebar,
  saveToLibrary,
  type Notice,
  type PopupDeps,
  type TargetTab,
} from '@/components/popup/popup-actions';
import { errorMessage, sendRequest } from '@/protocol/messages';
import { downloadBlob } from '@/pages/download';

const t: PopupT = (name, substitutions) => browser.i18n.getMessage(name, substitutions);

async function currentTab(): Promise<TargetTab> {
  const fromQuery = new URLSearchParams(location.search).get('tab');
  if (fromQuery !== null && /^\d+$/.test(fromQuery)) {
    const id = Number(fromQuery);
    const tab = await browser.tabs.get(id).catch(() => undefined);
    return { id, url: tab?.url };
  }
  // No "tabs" permission is needed for the id of the active tab; its url is
  // there for pages the content script may run on.
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) throw new Error('no active tab');
  return { id: tab.id, url: tab.url };
}

const deps: PopupDeps = {
  api: browser,
  t,
  download: (filename, text) =>
    downloadBlob(filename, new Blob([text], { type: 'text/markdown;charset=utf-8' })),
  copy: (text) => navigator.clipboard.writeText(text),
};

function Popup() {
  const [tab, setTab] = useState<TargetTab | null>(null);
  const [state, setState] = useState<TabStatusState>({ kind: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async (target: TargetTab) => {
    const reply = await sendRequest(browser, { type: 'get-tab-status', tabId: target.id });
    setState(
      reply.ok ? { kind: 'ready', status: reply.value } : { kind: 'error', error: reply.error },
    );
  }, []);

  useEffect(() => {
    currentTab()
      .then(async (target) => {
        setTab(target);
        await refresh(target);
      })
      .catch((err: unknown) => setState({ kind: 'error', error: errorMessage(err) }));
  }, [refresh]);

  /** Runs one action at a time and shows its outcome. */
  const run = (action: (target: TargetTab) => Promise<Notice | null>) => () => {
    if (!tab || busy) return;
    setBusy(true);
    setNotice(null);
    action(tab)
      .then(setNotice)
      .catch((err: unknown) =>
        setNotice({ tone: 'error', text: t('popupError', [errorMessage(err)]) }),
      )
      .finally(() => setBusy(false));
  };

  return (
    <PopupView
      state={state}
      t={t}
      notice={notice}
      busy={busy}
      restricted={tab !== null && isRestrictedUrl(tab.url)}
      actions={{
        onOpenSidebar: run(async (target) => {
          const failed = await openSidebar(deps, target);
          // Opened: the popup has done its job (a page of its own, in tests, stays).
          if (!failed && !location.search.includes('tab=')) window.close();
          return failed;
        }),
        onSave: run(async (target) => {
          const { notice: result } = await saveToLibrary(deps, target);
          await refresh(target);
          return result;
        }),
        onExport: run((target) => exportMarkdown(deps, target)),
        onOpenLibrary: run(async () => {
          const reply = await sendRequest(browser, { type: 'open-library' });
          if (reply.ok) {
            if (!location.search.includes('tab=')) window.close();
            return null;
          }
          return { tone: 'error', text: t('popupError', [reply.error]) };
        }),
        onPaste: run(async () => {
          // tabs.create needs no permission for the extension's own pages.
          await browser.tabs.create({ url: browser.runtime.getURL('/paste.html') });
          if (!location.search.includes('tab=')) window.close();
          return null;
        }),
      }}
    />
  );
}

document.documentElement.lang = browser.i18n.getUILanguage();
const root = document.getElementById('app');
if (root) render(<Popup />, root);
