/**
 * The background's one router over the request union: tab bookkeeping goes to
 * the tab status service, the rest to the storage handlers. Browser APIs and
 * the database are passed in, so this runs against fakes in unit tests.
 */
import type { GangmuDB } from './db/schema.ts';
import {
  assertNever,
  errorMessage,
  type Reply,
  type ReplyValue,
  type Request,
} from './messages.ts';
import { getArticle, isSaved, listArticles, saveArticle, type Clock } from './storage/articles.ts';
import { deleteHighlight, putHighlight } from './storage/highlights.ts';
import { getSitePrefs, setSitePrefs } from './storage/site-prefs.ts';
import {
  createTabStatusService,
  type BadgeApi,
  type SenderLike,
  type SessionArea,
} from './tab-status.ts';

export interface RouterDeps {
  /** The database, opened on first use (so a message that needs none never opens it). */
  db: () => GangmuDB;
  badge: BadgeApi | undefined;
  session: SessionArea | undefined;
  /** Opens the library page in a tab. */
  openLibrary: () => Promise<void>;
  clock?: Clock;
}

/** Creates the background's message handler. */
export function createRouter({ db, badge, session, openLibrary, clock }: RouterDeps) {
  const tabs = createTabStatusService({
    badge,
    session,
    isSaved: (articleId) => isSaved(db(), articleId),
  });

  async function dispatch(
    request: Request,
    sender: SenderLike,
  ): Promise<ReplyValue[Request['type']]> {
    switch (request.type) {
      case 'outline-found':
      case 'get-tab-status':
      case 'report-highlights':
        return tabs.dispatch(request, sender);
      case 'get-article':
        return getArticle(db(), request.articleId);
      case 'save-article':
        return saveArticle(db(), request.article, clock);
      case 'put-highlight':
        return putHighlight(db(), request.highlight, request.article, clock);
      case 'delete-highlight':
        return deleteHighlight(db(), request.id);
      case 'get-site-prefs':
        return getSitePrefs(db(), request.site);
      case 'set-site-prefs':
        return setSitePrefs(db(), request.site, request.prefs);
      case 'list-articles':
        return listArticles(db());
      case 'open-library':
        await openLibrary();
        return null;
      default:
        return assertNever(request);
    }
  }

  /** Handles one request; failures come back as `{ ok: false }`, never as a throw. */
  async function handle(
    request: Request,
    sender: SenderLike,
  ): Promise<Reply<ReplyValue[Request['type']]>> {
    try {
      return { ok: true, value: await dispatch(request, sender) };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  return { handle, forget: tabs.forget };
}

export type Router = ReturnType<typeof createRouter>;
