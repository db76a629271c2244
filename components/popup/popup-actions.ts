/**
 * What the popup's buttons do, with every browser API passed in (unit-tested
 * with fakes). Each action returns the {@link Notice} to show; failures are
 * notices too, never throws.
 */
import type { PopupT } from '@/components/TabStatusView';
import type { Article } from '@/lib/model';
import {
  NO_CONTENT_SCRIPT,
  errorMessage,
  sendContentRequest,
  sendRequest,
  type RuntimeLike,
  type TabsLike,
} from '@/protocol/messages';

/** A line shown under the buttons: `role="status"` for info, `role="alert"` for errors. */
export interface Notice {
  tone: 'info' | 'error';
  text: string;
}

export interface PopupDeps {
  api: RuntimeLike & TabsLike;
  t: PopupT;
  /** Offers `text` as a file download named `filename`. */
  download: (filename: string, text: string) => void;
  /** Copies `text` to the clipboard; rejects when the browser refuses. */
  copy: (text: string) => Promise<void>;
}

/** The tab the popup acts on. `url` is unknown for pages the extension may not read. */
export interface TargetTab {
  id: number;
  url: string | undefined;
}

/**
 * Pages where browsers never run extension content scripts: browser-internal
 * schemes, other extensions, and the extension stores.
 */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (url === undefined || url === '') return true; // the browser hid it: not a page we may read
  if (
    /^(chrome|edge|brave|opera|vivaldi|about|view-source|devtools|chrome-extension|moz-extension|resource|data|javascript):/i.test(
      url,
    )
  )
    return true;
  return /^https:\/\/(chrome\.google\.com\/webstore|chromewebstore\.google\.com|addons\.mozilla\.org|microsoftedge\.microsoft\.com\/addons)/i.test(
    url,
  );
}

/** A safe download file name for an article title: `title.md`. */
export function markdownFileName(title: string | null | undefined): string {
  const base = (title ?? '')
    // Characters no file system accepts in a name, and control characters.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80)
    .trim();
  return `${base || 'gangmu'}.md`;
}

/** The notice for a failed content-script request. */
function reachFailure(deps: PopupDeps, tab: TargetTab, error: string): Notice {
  if (isRestrictedUrl(tab.url)) return { tone: 'error', text: deps.t('popupRestricted') };
  if (error === NO_CONTENT_SCRIPT) return { tone: 'error', text: deps.t('popupNoContentScript') };
  return { tone: 'error', text: deps.t('popupError', [error]) };
}

/** Opens (or closes) the sidebar in the tab. Null when it worked (the popup may close). */
export async function openSidebar(deps: PopupDeps, tab: TargetTab): Promise<Notice | null> {
  const reply = await sendContentRequest(deps.api, tab.id, { type: 'toggle-sidebar' });
  return reply.ok ? null : reachFailure(deps, tab, reply.error);
}

/** Saves the tab's article to the library. */
export async function saveToLibrary(
  deps: PopupDeps,
  tab: TargetTab,
): Promise<{ notice: Notice; article: Article | null }> {
  const page = await sendContentRequest(deps.api, tab.id, { type: 'get-page-article' });
  if (!page.ok) return { notice: reachFailure(deps, tab, page.error), article: null };
  const saved = await sendRequest(deps.api, { type: 'save-article', article: page.value.draft });
  if (!saved.ok) {
    return { notice: { tone: 'error', text: deps.t('popupError', [saved.error]) }, article: null };
  }
  return {
    notice: { tone: 'info', text: deps.t('popupSavedDone', [saved.value.title]) },
    article: saved.value,
  };
}

/** Downloads the tab's article as `title.md` and copies the Markdown to the clipboard. */
export async function exportMarkdown(deps: PopupDeps, tab: TargetTab): Promise<Notice> {
  const page = await sendContentRequest(deps.api, tab.id, { type: 'get-page-article' });
  if (!page.ok) return reachFailure(deps, tab, page.error);
  const { draft, markdown } = page.value;
  const filename = markdownFileName(draft.title);
  try {
    deps.download(filename, markdown);
  } catch (err) {
    return { tone: 'error', text: deps.t('popupError', [errorMessage(err)]) };
  }
  try {
    await deps.copy(markdown);
  } catch {
    // Deliberately not an error: the file is there; the clipboard is a bonus the browser may refuse.
    return { tone: 'info', text: deps.t('popupExportedNoClipboard', [filename]) };
  }
  return { tone: 'info', text: deps.t('popupExported', [filename]) };
}
