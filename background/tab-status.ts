/**
 * The background's record of what each tab's content script found, and the
 * toolbar badge that shows it.
 *
 * MV3 service workers are stopped when idle, so the record is mirrored into
 * `storage.session` (kept for the browser session, never written to disk,
 * unreadable from content scripts) when the browser has it. Browser APIs are
 * passed in, so this runs against fakes in unit tests.
 */
import { normalizeUrl } from '../lib/url/normalize-url.ts';
import {
  assertNever,
  errorMessage,
  type GetTabStatus,
  type OutlineFound,
  type Reply,
  type ReplyValue,
  type ReportHighlights,
  type TabStatus,
} from '../protocol/messages.ts';

/** The requests this service answers; the background router sends it these. */
export type TabRequest = OutlineFound | GetTabStatus | ReportHighlights;

/** What is kept per tab: the status without `saved` (asked of storage each time) and the article key. */
export interface TabRecord extends Omit<TabStatus, 'saved'> {
  /** The key the page's article is saved under. */
  articleId: string | null;
}

/** The part of `browser.action` (MV3) / `browser.browserAction` (MV2) used here. */
export interface BadgeApi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor?(details: { tabId: number; color: string }): Promise<void> | void;
}

/** The part of `browser.storage.session` used here. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** The part of `runtime.MessageSender` used here. */
export interface SenderLike {
  tab?: { id?: number };
  /** The frame within the tab (0: the top document). */
  frameId?: number;
  url?: string;
}

export interface TabStatusDeps {
  badge: BadgeApi | undefined;
  session: SessionArea | undefined;
  /** Whether an article is in the library; without it every page is reported unsaved. */
  isSaved?: (articleId: string) => Promise<boolean>;
}

/** The storage key of a tab's status. Exported for the end-to-end test. */
export const tabKey = (tabId: number): string => `tab:${tabId}`;

/**
 * The badge text for a number of points: empty (no badge) for none, capped at 999+; for
 * the quick check's estimate on an essay page, an ellipsis (an essay, its points not
 * counted yet): the badge never shows a number the sidebar would contradict.
 */
export function badgeText(count: number, exact = true, essay = true): string {
  if (!exact) return essay && count > 0 ? '…' : '';
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

const BADGE_COLOR = '#b22222';

/** Checks a record read back from storage.session (it may predate this version). */
function isTabRecord(value: unknown): value is TabRecord {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.count === 'number' &&
    (s.title === null || typeof s.title === 'string') &&
    (s.url === null || typeof s.url === 'string') &&
    typeof s.essay === 'boolean' &&
    typeof s.exact === 'boolean' &&
    typeof s.highlights === 'number' &&
    (s.articleId === null || typeof s.articleId === 'string')
  );
}

/** Creates the background's message handler and tab bookkeeping. */
export function createTabStatusService({ badge, session, isSaved }: TabStatusDeps) {
  const tabs = new Map<number, TabRecord>();

  async function record(tabId: number, status: TabRecord): Promise<void> {
    tabs.set(tabId, status);
    await session?.set({ [tabKey(tabId)]: status });
    if (badge) {
      await badge.setBadgeText({
        tabId,
        text: badgeText(status.count, status.exact, status.essay),
      });
      await badge.setBadgeBackgroundColor?.({ tabId, color: BADGE_COLOR });
    }
  }

  async function lookup(tabId: number): Promise<TabRecord | null> {
    const known = tabs.get(tabId);
    if (known) return known;
    const stored = (await session?.get(tabKey(tabId)))?.[tabKey(tabId)];
    if (!isTabRecord(stored)) return null;
    tabs.set(tabId, stored);
    return stored;
  }

  async function status(tabId: number): Promise<TabStatus | null> {
    const found = await lookup(tabId);
    if (!found) return null;
    const { articleId, ...rest } = found;
    const saved = articleId !== null && isSaved ? await isSaved(articleId) : false;
    return { ...rest, saved };
  }

  const senderTab = (sender: SenderLike, type: string): number => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || tabId < 0) throw new Error(`${type} must come from a tab`);
    return tabId;
  };

  /** Forgets a tab (closed, or navigating to a new page). Never throws. */
  async function forget(tabId: number): Promise<void> {
    tabs.delete(tabId);
    try {
      await session?.remove(tabKey(tabId));
      await badge?.setBadgeText({ tabId, text: '' });
    } catch {
      // Deliberately silent: the tab may already be gone, and then there is nothing to clear.
    }
  }

  async function dispatch(
    request: TabRequest,
    sender: SenderLike,
  ): Promise<ReplyValue[TabRequest['type']]> {
    switch (request.type) {
      case 'outline-found': {
        const tabId = senderTab(sender, request.type);
        const url = sender.url ?? null;
        const previous = tabs.get(tabId);
        await record(tabId, {
          count: request.count,
          title: request.title,
          url,
          essay: request.essay,
          exact: request.exact ?? false,
          // A re-report from the same page keeps the highlight count it had.
          highlights: previous && previous.url === url ? previous.highlights : 0,
          articleId: request.articleId ?? (url ? normalizeUrl(url) : null),
        });
        return null;
      }
      case 'report-highlights': {
        const tabId = senderTab(sender, request.type);
        const known = await lookup(tabId);
        const url = sender.url ?? null;
        await record(tabId, {
          count: known?.count ?? 0,
          title: known?.title ?? null,
          url: known?.url ?? url,
          essay: known?.essay ?? false,
          exact: known?.exact ?? false,
          highlights: request.count,
          articleId: known?.articleId ?? (url ? normalizeUrl(url) : null),
        });
        return null;
      }
      case 'get-tab-status':
        return status(request.tabId);
      default:
        return assertNever(request);
    }
  }

  /** Handles one request; failures come back as `{ ok: false }`. */
  async function handle(
    request: TabRequest,
    sender: SenderLike,
  ): Promise<Reply<ReplyValue[TabRequest['type']]>> {
    try {
      return { ok: true, value: await dispatch(request, sender) };
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  return { handle, dispatch, forget, lookup };
}

export type TabStatusService = ReturnType<typeof createTabStatusService>;
