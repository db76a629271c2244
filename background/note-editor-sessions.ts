/**
 * The note editor's sessions, kept by the background: a token names which
 * highlight of which article a note editor frame (note-editor.html#TOKEN)
 * edits, and the tab and frame whose content script asked for it. Held in
 * `storage.session` when there is one, so a session outlives the MV3 service
 * worker's sleep while the reader types; in memory otherwise (Firefox's
 * background page does not sleep). Tokens are 128 random bits: a page that
 * frames note-editor.html itself cannot name a session.
 */
import type { SessionArea } from './tab-status.ts';

export interface NoteEditorSession {
  tabId: number;
  frameId: number;
  articleId: string;
  highlightId: string;
}

const key = (token: string) => `note-editor:${token}`;

function isSession(v: unknown): v is NoteEditorSession {
  const s = v as Partial<NoteEditorSession> | null;
  return (
    !!s &&
    typeof s.tabId === 'number' &&
    typeof s.frameId === 'number' &&
    typeof s.articleId === 'string' &&
    typeof s.highlightId === 'string'
  );
}

/** A random token: 32 hex digits. */
export function newToken(crypto: Crypto = globalThis.crypto): string {
  return [...crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}

export function createNoteEditorSessions(session: SessionArea | undefined, token = newToken) {
  const memory = new Map<string, NoteEditorSession>();

  async function read(t: string): Promise<NoteEditorSession | null> {
    const found = memory.get(t);
    if (found || !session) return found ?? null;
    try {
      const v = (await session.get(key(t)))[key(t)];
      return isSession(v) ? v : null;
    } catch {
      return null; // an unreadable session area: the session is gone, the frame says so
    }
  }

  return {
    /** Starts a session; returns its token. */
    async open(entry: NoteEditorSession): Promise<string> {
      const t = token();
      memory.set(t, entry);
      await session?.set({ [key(t)]: entry }).catch(() => undefined);
      return t;
    },
    /** The session of `t`, or null. */
    get: read,
    /** The session of `t`, ended (null when there is none). */
    async take(t: string): Promise<NoteEditorSession | null> {
      const found = await read(t);
      memory.delete(t);
      await session?.remove(key(t)).catch(() => undefined);
      return found;
    },
  };
}

export type NoteEditorSessions = ReturnType<typeof createNoteEditorSessions>;
