/**
 * The background's one router over the request union: tab bookkeeping goes to
 * the tab status service, the rest to the storage handlers. Browser APIs and
 * the database are passed in, so this runs against fakes in unit tests.
 */
import type { LibraryDb } from './db/library-db.ts';
import {
  assertNever,
  errorMessage,
  type ContentRequest,
  type ImportProgressState,
  type ReplyTo,
  type ReplyValue,
  type Request,
} from '../protocol/messages.ts';
import {
  deleteArticle,
  exportArticles,
  getArticle,
  isSaved,
  listArticles,
  listFacets,
  restoreRows,
  saveArticle,
  setTags,
  type Clock,
} from './storage/articles.ts';
import { exportBackup, exportBackupRows, importBackup } from './storage/backup.ts';
import { restoreStreaming, type ReadText } from './storage/restore-stream.ts';
import { asStorageError, StorageError } from './storage/errors.ts';
import { deleteHighlight, putHighlight, updateNote } from './storage/highlights.ts';
import { search } from './storage/search.ts';
import { classifySender, refusal } from './sender-policy.ts';
import { createNoteEditorSessions } from './note-editor-sessions.ts';
import { getSitePrefs, setSitePrefs } from './storage/site-prefs.ts';
import {
  createTabStatusService,
  type BadgeApi,
  type SenderLike,
  type SessionArea,
} from './tab-status.ts';

export interface RouterDeps {
  /** The library's database, opened on first use (so a message that needs none never opens it). */
  library: LibraryDb;
  badge: BadgeApi | undefined;
  session: SessionArea | undefined;
  /** Opens the library page in a tab. */
  openLibrary: () => Promise<void>;
  clock?: Clock;
  /**
   * The extension's own origin (`chrome-extension://ID`): requests from its
   * pages may ask anything; from any other sender (a page's content script)
   * only what background/sender-policy.ts allows a page.
   */
  extensionOrigin: string;
  /** Sends a content request to one frame of a tab (the note editor's closing word). */
  notifyTab?: (tabId: number, frameId: number, request: ContentRequest) => Promise<void>;
}

/** Creates the background's message handler. */
export function createRouter({
  library,
  badge,
  session,
  openLibrary,
  clock,
  extensionOrigin,
  notifyTab,
}: RouterDeps) {
  const tabs = createTabStatusService({
    badge,
    session,
    isSaved: (articleId) => library.use((db) => isSaved(db, articleId)),
  });

  const use = library.use;
  const noteEditors = createNoteEditorSessions(session);

  /**
   * The note editor session of `token`, asked for from a frame of the tab that
   * opened it (ended when `take`); a frame in another tab neither reads nor ends it.
   */
  async function noteEditor(token: string, sender: SenderLike, take: boolean) {
    const found = await noteEditors.get(token);
    if (!found || (sender.tab?.id !== undefined && sender.tab.id !== found.tabId))
      throw new StorageError('not-found', 'This note editor has closed; open the note again.');
    if (take) await noteEditors.take(token);
    return found;
  }

  /** The stored note and colour of a highlight (not-found when it is gone). */
  async function storedNote(articleId: string, highlightId: string) {
    const { highlights } = await use((db) => getArticle(db, articleId, { texts: false }));
    const h = highlights.find((x) => x.id === highlightId);
    if (!h) throw new StorageError('not-found', `Highlight ${highlightId} is not in the library.`);
    return { note: h.note, color: h.color };
  }

  /** The import under way (import-progress asks how far it has come), or null. */
  let importing: ImportProgressState | null = null;

  /** The parts of the backup being uploaded (import-backup-part), until import-backup joins them. */
  let upload: { id: string; parts: string[] } | null = null;

  /**
   * The text of an import: given, read from the page's blob URL, or the parts
   * of a finished upload (dropped once taken).
   */
  async function importText(request: Extract<Request, { type: 'import-backup' }>): Promise<string> {
    if (request.text !== undefined) return request.text;
    if (request.blobUrl !== undefined) return readBlobUrl(request.blobUrl);
    const taken: { id: string; parts: string[] } | null = upload;
    upload = null;
    const parts = taken && taken.id === request.upload ? taken.parts : [];
    // A sparse array (a part missing) has holes that `every` skips: count them.
    const arrived = parts.filter((p) => typeof p === 'string').length;
    if (parts.length !== request.parts || arrived !== request.parts)
      throw new StorageError('not-found', 'The backup file did not arrive whole; nothing changed.');
    return parts.join('');
  }

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
        return use(async (db) => {
          // A page's content script asks for its highlights: the saved and pasted texts (up
          // to a few MB) stay in the extension, which alone shows them; they are not even read.
          const texts = classifySender(sender, extensionOrigin)?.kind === 'extension';
          const found = await getArticle(db, request.articleId, { texts });
          if (!found.article || texts) return found;
          const { text: _text, sourceText: _source, ...article } = found.article;
          return { ...found, article };
        });
      case 'save-article':
        return use((db) => saveArticle(db, request.article, clock));
      case 'put-highlight':
        return use((db) => putHighlight(db, request.highlight, request.article, clock));
      case 'delete-highlight':
        return use((db) => deleteHighlight(db, request.articleId, request.id));
      case 'get-site-prefs':
        return use((db) => getSitePrefs(db, request.site));
      case 'set-site-prefs':
        return use((db) => setSitePrefs(db, request.site, request.prefs));
      case 'list-articles': {
        const { type: _type, ...query } = request;
        return use((db) => listArticles(db, query));
      }
      case 'list-facets':
        return use((db) => listFacets(db));
      case 'open-library':
        await openLibrary();
        return null;
      case 'search':
        return use((db) => search(db, request.query, request.limit));
      case 'set-tags':
        return use((db) => setTags(db, request.articleId, request.tags, clock));
      case 'update-note':
        return use((db) =>
          updateNote(db, request.articleId, request.id, request.note, request.color, clock),
        );
      case 'delete-article':
        return use((db) => deleteArticle(db, request.articleId));
      case 'restore-rows':
        return use((db) =>
          restoreRows(db, { article: request.article, highlights: request.highlights }),
        );
      case 'export-backup':
        return use((db) => exportBackup(db));
      case 'export-backup-rows':
        return use((db) => exportBackupRows(db, request.table, request.after, request.limit));
      case 'import-backup-part':
        if (!upload || upload.id !== request.upload) upload = { id: request.upload, parts: [] };
        upload.parts[request.index] = request.text;
        return null;
      case 'import-backup': {
        const progress: ImportProgressState = { phase: 'reading', done: 0, total: 0 };
        importing = progress;
        try {
          // A replace from a file is written as the file is read.
          if (request.mode === 'replace' && request.blobUrl !== undefined)
            return await restoreStreaming(library, () => blobReader(request.blobUrl!, progress));
          const text = await importText(request);
          progress.phase = 'writing';
          return await importBackup(library, text, request.mode);
        } finally {
          if (importing === progress) importing = null;
        }
      }
      case 'import-progress':
        return importing && { ...importing };
      case 'export-articles':
        return use((db) => exportArticles(db, request.ids, { texts: request.texts !== false }));
      case 'open-note-editor': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || tabId < 0) throw new Error('A note editor opens in a tab');
        // The highlight is stored before its note is edited: fail now, not in the frame.
        await storedNote(request.articleId, request.highlightId);
        const token = await noteEditors.open({
          tabId,
          frameId: sender.frameId ?? 0,
          articleId: request.articleId,
          highlightId: request.highlightId,
        });
        return { token };
      }
      case 'get-note-editor': {
        const found = await noteEditor(request.token, sender, false);
        return storedNote(found.articleId, found.highlightId);
      }
      case 'close-note-editor': {
        const found = await noteEditor(request.token, sender, true);
        const note = request.note === null ? null : request.note.trim();
        if (note !== null)
          await use((db) =>
            updateNote(db, found.articleId, found.highlightId, note, undefined, clock),
          );
        await notifyTab?.(found.tabId, found.frameId, {
          type: 'note-editor-closed',
          highlightId: found.highlightId,
          note,
        }).catch((err: unknown) => {
          // The tab went away or navigated: the note is stored all the same.
          console.debug('[Gangmu] the note editor could not tell its tab:', errorMessage(err));
        });
        return null;
      }
      default:
        return assertNever(request);
    }
  }

  /**
   * Handles one request; failures come back as `{ ok: false, error }`, never
   * as a throw, with a `code` for the expected ones (a full disk, a refused
   * backup, a row that is gone, a request its sender may not make).
   */
  async function handle<R extends Request>(request: R, sender: SenderLike): Promise<ReplyTo<R>> {
    const refused = refusal(request, sender, extensionOrigin);
    if (refused) return { ok: false, error: refused, code: 'refused' };
    try {
      // dispatch answers each request type with its ReplyValue (checked per case above).
      return { ok: true, value: (await dispatch(request, sender)) as ReplyValue[R['type']] };
    } catch (caught) {
      const err = asStorageError(caught);
      if (err instanceof StorageError) return { ok: false, error: err.message, code: err.code };
      return { ok: false, error: errorMessage(err) };
    }
  }

  return { handle, forget: tabs.forget };
}

export type Router = ReturnType<typeof createRouter>;

const refused = (cause?: unknown) =>
  new StorageError('not-found', 'The backup file could not be read; nothing changed.', { cause });

/**
 * A `blob:` URL made by one of the extension's own pages (same origin: the
 * background fetches it without a copy through messaging). Anything else, or
 * a read that fails (revoked, another storage partition, no blob fetch), is a
 * `not-found` StorageError, and nothing has changed: the page then sends the
 * text instead.
 */
async function readBlob<T>(url: string, read: (response: Response) => Promise<T>): Promise<T> {
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  if (!origin || origin === 'null' || !url.startsWith(`blob:${origin}/`)) throw refused();
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return await read(response);
  } catch (caught) {
    throw refused(caught);
  }
}

/** The whole text behind a blob URL ({@link readBlob}). */
async function readBlobUrl(url: string): Promise<string> {
  // Bytes then one decode: about a third faster than text() on a 140 MB file.
  return readBlob(url, async (r) => new TextDecoder().decode(await r.arrayBuffer()));
}

/**
 * The text behind a blob URL ({@link readBlob}) piece by piece, as it is
 * read; `progress` counts its bytes (of the response's length), and turns to
 * writing once the last has been read.
 */
function blobReader(url: string, progress: ImportProgressState): ReadText {
  let opened: Promise<ReadableStreamDefaultReader<string>> | undefined;
  return async () => {
    opened ??= readBlob(url, async (r) => {
      Object.assign(progress, {
        phase: 'reading',
        done: 0,
        total: Number(r.headers.get('content-length')) || 0,
      });
      const counted = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
        transform(chunk, out) {
          progress.done += chunk.byteLength;
          out.enqueue(chunk);
        },
      });
      return r.body!.pipeThrough(counted).pipeThrough(new TextDecoderStream()).getReader();
    });
    const reader = await opened;
    try {
      const { done, value } = await reader.read();
      if (done) progress.phase = 'writing';
      return done ? undefined : value;
    } catch (caught) {
      throw refused(caught);
    }
  };
}
