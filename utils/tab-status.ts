/**
 * The background's record of what each tab's content script found, and the
 * toolbar badge that shows it.
 *
 * MV3 service workers are stopped when idle, so the record is mirrored into
 * `storage.session` (kept for the browser session, never written to disk,
 * unreadable from content scripts) when the browser has it. Browser APIs are
 * passed in, so this runs against fakes in unit tests.
 */
import {
  assertNever,
  errorMessage,
  type Reply,
  type ReplyValue,
  type Request,
  type TabStatus,
} from './messages.ts';

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
  url?: string;
}

export interface TabStatusDeps {
  badge: BadgeApi | undefined;
  session: SessionArea | undefined;
}

/** The storage key of a tab's status. Exported for the end-to-end test. */
export const tabKey = (tabId: number): string => `tab:${tabId}`;

/** The badge text for a number of points: empty (no badge) for none, capped at 999+. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

const BADGE_COLOR = '#b22222';

function isTabStatus(value: unknown): value is TabStatus {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.count === 'number' &&
    (s.title === null || typeof s.title === 'string') &&
    (s.url === null || typeof s.url === 'string')
  );
}

/** Creates the background's message handler and tab bookkeeping. */
export function createTabStatusService({ badge, session }: TabStatusDeps) {
  const tabs = new Map<number, TabStatus>();

  async function record(tabId: number, status: TabStatus): Promise<void> {
    tabs.set(tabId, status);
    await session?.set({ [tabKey(tabId)]: status });
    if (badge) {
      await badge.setBadgeText({ tabId, text: badgeText(status.count) });
      await badge.setBadgeBackgroundColor?.({ tabId, color: BADGE_COLOR });
    }
  }

  async function lookup(tabId: number): Promise<TabStatus | null> {
    const known = tabs.get(tabId);
    if (known) return known;
    const stored = (await session?.get(tabKey(tabId)))?.[tabKey(tabId)];
    if (!isTabStatus(stored)) return null;
    tabs.set(tabId, stored);
    return stored;
  }

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
    request: Request,
    sender: SenderLike,
  ): Promise<ReplyValue[Request['type']]> {
    switch (request.type) {
      case 'outline-found': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || tabId < 0) throw new Error('outline-found must come from a tab');
        await record(tabId, {
          count: request.count,
          title: request.title,
          url: sender.url ?? null,
        });
        return null;
      }
      case 'get-tab-status':
        return lookup(request.tabId);
      default:
        return assertNever(request);
    }
  }

  /** Handles one request; failures come back as `{ ok: false }`. */
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

  return { handle, forget };
}

export type TabStatusService = ReturnType<typeof createTabStatusService>;
