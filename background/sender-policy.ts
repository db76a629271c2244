/**
 * Who may ask the background what. The extension's own pages (popup,
 * library, paste page) may ask anything. A web page's content script speaks
 * only for the page it runs in: the badge and highlight counts of its tab,
 * its own origin's articles and highlights ({@link keyBelongsTo}), and its
 * own site's sidebar preferences. Nothing else — no library list, search,
 * export, restore, tag or note edit of another article — is answered for a
 * page, whatever the request says.
 *
 * The content script already keys articles by the page's own origin
 * (normalizeUrl); this check makes that a property of the background rather
 * than a promise of the code in the page, so a content script fooled by the
 * page (or a renderer that is not ours any more) still cannot reach another
 * origin's notes. Pure: the sender's URL and the extension's origin come in.
 */
import { keyBelongsTo, normalizeUrl } from '../lib/url/normalize-url.ts';
import { assertNever, type ArticleDraft, type Request } from '../protocol/messages.ts';
import type { SenderLike } from './tab-status.ts';

/** Where a request came from. */
export type Sender = { kind: 'extension' } | { kind: 'page'; url: string };

/**
 * The sender of a runtime message: one of the extension's own pages when its
 * URL is in `extensionOrigin` (`chrome-extension://ID`, `moz-extension://UUID`),
 * otherwise a content script in the page at its URL. Null when the browser
 * gave no URL (never seen from a page or a frame): such a request is refused.
 */
export function classifySender(sender: SenderLike, extensionOrigin: string): Sender | null {
  const url = sender.url;
  if (!url) return null;
  const origin = extensionOrigin.replace(/\/+$/, '');
  if (origin && url.startsWith(`${origin}/`)) return { kind: 'extension' };
  return { kind: 'page', url };
}

/** A page's site as the content script names it: its host, or its scheme when it has none (file:). */
export function siteOfPage(url: string): string {
  try {
    const u = new URL(url);
    return u.hostname || u.protocol;
  } catch {
    return ''; // not an address: matches no site the content script sends
  }
}

/** The draft is the page's own: its key and its address on the page's origin. */
function ownDraft(article: ArticleDraft, pageUrl: string): boolean {
  return (
    typeof article?.id === 'string' &&
    typeof article.url === 'string' &&
    keyBelongsTo(article.id, pageUrl) &&
    keyBelongsTo(normalizeUrl(article.url), pageUrl)
  );
}

const OTHER_ORIGIN = "a page may only reach its own origin's articles";
const OTHER_SITE = "a page may only read or change its own site's preferences";
const EXTENSION_ONLY = "only the extension's own pages may ask this";

/**
 * Why the content script of the page at `pageUrl` may not make `request`;
 * null when it may.
 */
export function pageRefusal(request: Request, pageUrl: string): string | null {
  const own = (id: unknown) => typeof id === 'string' && keyBelongsTo(id, pageUrl);
  switch (request.type) {
    case 'report-highlights':
    case 'open-library':
      return null;
    case 'outline-found':
      return request.articleId === undefined || own(request.articleId) ? null : OTHER_ORIGIN;
    case 'get-article':
    case 'delete-highlight':
      return own(request.articleId) ? null : OTHER_ORIGIN;
    case 'save-article':
      return ownDraft(request.article, pageUrl) ? null : OTHER_ORIGIN;
    case 'put-highlight':
      return ownDraft(request.article, pageUrl) &&
        request.highlight?.articleId === request.article.id
        ? null
        : OTHER_ORIGIN;
    case 'get-site-prefs':
    case 'set-site-prefs':
      return request.site === siteOfPage(pageUrl) ? null : OTHER_SITE;
    case 'open-note-editor':
      return own(request.articleId) ? null : OTHER_ORIGIN;
    case 'get-tab-status':
    case 'list-articles':
    case 'list-facets':
    case 'search':
    case 'set-tags':
    case 'update-note':
    case 'delete-article':
    case 'restore-rows':
    case 'export-backup':
    case 'export-backup-rows':
    case 'import-backup-part':
    case 'import-backup':
    case 'import-progress':
    case 'export-articles':
    case 'get-note-editor':
    case 'close-note-editor':
      return EXTENSION_ONLY;
    default:
      return assertNever(request);
  }
}

/** Why `request` from `sender` is refused; null when it may be answered. */
export function refusal(
  request: Request,
  sender: SenderLike,
  extensionOrigin: string,
): string | null {
  const from = classifySender(sender, extensionOrigin);
  if (!from) return 'a request without a sender address is not answered';
  return from.kind === 'extension' ? null : pageRefusal(request, from.url);
}
