/**
 * Paste page (paste.html): the reader pastes text or drops a .txt file from a
 * PDF or an e-paper; it is split into articles, repaired, outlined, and can
 * be highlighted, annotated and saved. Wiring only: the page is
 * components/paste/PasteApp.tsx, the reading logic pages/paste/. Requests go
 * straight to the background with runtime.sendMessage.
 */
import { render } from 'preact';
import { browser } from '#imports';
import { PasteApp } from '@/components/paste/PasteApp';
import type { PasteTranslate } from '@/components/paste/paste-messages';
import { highlightIdFromHash } from '@/protocol/highlight-link';
import { sendRequest, type ReplyTo, type Request } from '@/protocol/messages';

const t: PasteTranslate = (name, substitutions) => browser.i18n.getMessage(name, substitutions);
const send = <R extends Request>(request: R): Promise<ReplyTo<R>> => sendRequest(browser, request);
/** A macrotask: lets the browser paint and take input between pieces of work. */
const yieldNow = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('pasteTitle');
/** `paste.html?article=<id>#gangmu-hl=<highlight>`: the library opens a saved pasted article. */
const openArticleId = new URLSearchParams(location.search).get('article');
const openHighlightId = highlightIdFromHash(location.hash);
// Read once: a reload should not jump again.
if (openHighlightId) history.replaceState(history.state, '', location.pathname + location.search);
const root = document.getElementById('app');
if (root)
  render(
    <PasteApp
      t={t}
      send={send}
      yieldNow={yieldNow}
      openArticleId={openArticleId}
      openHighlightId={openHighlightId}
    />,
    root,
  );
