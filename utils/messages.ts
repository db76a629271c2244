/**
 * Every message exchanged between the extension's contexts, declared once.
 *
 * A request is a discriminated union on `type`; each handler is an exhaustive
 * `switch`, so adding a message type without handling it fails to compile.
 * Replies never throw across the boundary: they carry `{ ok: true, value }`
 * or `{ ok: false, error }`.
 *
 * This module is independent of lib/ (the engine) and of any browser API:
 * senders and listeners take the `browser` object as a parameter.
 */

/** What the content script found on a page. */
export interface OutlineFound {
  type: 'outline-found';
  /** Number of outline points (all nodes, at every level). */
  count: number;
  /** The essay's title, or the document title when none was recognised. */
  title: string | null;
}

/** The popup asks what was found in a tab. */
export interface GetTabStatus {
  type: 'get-tab-status';
  tabId: number;
}

export type Request = OutlineFound | GetTabStatus;

/** What the background knows about one tab. */
export interface TabStatus {
  count: number;
  title: string | null;
  /** The page the content script reported from. */
  url: string | null;
}

/** The reply type of each request. */
export interface ReplyValue {
  'outline-found': null;
  /** `null` when the content script has not reported (no page, restricted page, still loading). */
  'get-tab-status': TabStatus | null;
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

export type ReplyTo<R extends Request> = Reply<ReplyValue[R['type']]>;

/** A minimal view of the runtime API, so senders work with any `browser` object (and fakes). */
export interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** Checks that a value received from another context is a well-formed {@link Request}. */
export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'outline-found':
      return (
        typeof m.count === 'number' &&
        Number.isInteger(m.count) &&
        m.count >= 0 &&
        (m.title === null || typeof m.title === 'string')
      );
    case 'get-tab-status':
      return typeof m.tabId === 'number' && Number.isInteger(m.tabId);
    default:
      return false;
  }
}

function isReply(value: unknown): value is Reply<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (r.ok === true && 'value' in r) || (r.ok === false && typeof r.error === 'string');
}

/**
 * Sends a request to the background and returns its reply. Transport failures
 * (no listener, extension reloaded) come back as `{ ok: false }`, not as a throw.
 */
export async function sendRequest<R extends Request>(
  api: RuntimeLike,
  request: R,
): Promise<ReplyTo<R>> {
  try {
    const reply = await api.runtime.sendMessage(request);
    if (isReply(reply)) return reply as ReplyTo<R>;
    return { ok: false, error: 'No valid reply from the background' };
  } catch (err) {
    return { ok: false, error: errorMessage(err) };
  }
}

/** A readable message for anything thrown. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Something that will never happen if the switch above it is exhaustive. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(value)}`);
}
