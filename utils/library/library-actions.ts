/**
 * The library page's requests to the background, kept out of the view
 * (components/library/LibraryApp.tsx): the list (first screen, then the
 * rest), facets, search, article reads and edits, delete and undo, the zip
 * export, backup and restore. Each takes the runtime API, so it runs against
 * a fake in tests.
 *
 * Large libraries: one runtime message holds at most 64 MiB, so the export
 * reads articles in batches, a backup is built here from pages of rows
 * (export-backup-rows, serialised with lib/backup exactly as the background
 * would), and a restore hands the background a blob: URL of the file, which
 * the service worker reads itself (falling back to sending the text in parts,
 * import-backup-part), in the one import request that lands in one transaction.
 */
import { serializeBackup, type LibraryData } from '../../lib/backup/index.ts';
import type { Article, Highlight } from '../../lib/model.ts';
import {
  BACKUP_TABLES,
  sendRequest,
  type ArticleRows,
  type ListQuery,
  type Reply,
  type RuntimeLike,
} from '../messages.ts';
import { exportFiles } from './export-files.ts';
import { zipFiles, type ZipProgress } from './zip-files.ts';

/** Rows of the list's first request: enough for the first screen, read through an index. */
export const FIRST_PAGE = 60;
/** Articles per export-articles request (with their highlights, far below a message's limit). */
export const EXPORT_BATCH = 250;
/** export-articles requests in flight at once. */
export const EXPORT_IN_FLIGHT = 3;
/** Files zipped per turn between yields to the page. */
export const ZIP_BATCH = 32;
/** Rows per export-backup-rows request, per table (for highlights: the highlights of this many articles). */
export const BACKUP_PAGE = { articles: 1000, highlights: 1000, sitePrefs: 1000 } as const;
/** Characters per import-backup-part (at most 3 bytes each in UTF-8, plus JSON escapes). */
export const UPLOAD_PART_CHARS = 4_000_000;

/** A failed request, thrown by the long actions (the page shows its message). */
export class RequestFailed extends Error {
  override readonly name = 'RequestFailed';
}

/** The value of a reply, or a {@link RequestFailed} with its error. */
function valueOf<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new RequestFailed(reply.error);
  return reply.value;
}

/** What an export reports: which step, and how far. */
export interface ExportProgress extends ZipProgress {
  step: 'read' | 'zip';
}

/** Batch and part sizes (smaller ones in tests). */
export interface ActionSizes {
  exportBatch: number;
  uploadPartChars: number;
}

export function libraryActions(
  api: RuntimeLike,
  { exportBatch, uploadPartChars }: ActionSizes = {
    exportBatch: EXPORT_BATCH,
    uploadPartChars: UPLOAD_PART_CHARS,
  },
) {
  const head = (query: ListQuery) =>
    sendRequest(api, { type: 'list-articles', ...query, limit: FIRST_PAGE });
  /** The first screen's request when it was sent before the page rendered (prefetchHead). */
  let early: { key: string; reply: ReturnType<typeof head> } | null = null;
  return {
    /**
     * Sends the first screen's request now, before the page renders: the
     * first {@link listHead} of the same query takes its reply.
     */
    prefetchHead(query: ListQuery) {
      early = { key: JSON.stringify(query), reply: head(query) };
    },
    /** The first screen of the list (FIRST_PAGE rows, same order and filters). */
    listHead(query: ListQuery) {
      const taken = early;
      early = null;
      return taken && taken.key === JSON.stringify(query) ? taken.reply : head(query);
    },
    /** The whole list. */
    list: (query: ListQuery) => sendRequest(api, { type: 'list-articles', ...query }),
    facets: () => sendRequest(api, { type: 'list-facets' }),
    search: (query: string) => sendRequest(api, { type: 'search', query }),
    getArticle: (articleId: string) => sendRequest(api, { type: 'get-article', articleId }),
    deleteArticle: (articleId: string) => sendRequest(api, { type: 'delete-article', articleId }),
    undoDelete: (rows: ArticleRows) => sendRequest(api, { type: 'restore-rows', ...rows }),
    updateNote: (articleId: string, id: string, note: string) =>
      sendRequest(api, { type: 'update-note', articleId, id, note }),
    setTags: (articleId: string, tags: string[]) =>
      sendRequest(api, { type: 'set-tags', articleId, tags }),

    /**
     * Articles with their highlights, in the order of `ids` (all articles,
     * newest saved first, without them), read EXPORT_BATCH at a time.
     */
    async exportRows(
      ids: readonly string[] | undefined,
      onProgress?: (p: ExportProgress) => void,
    ): Promise<ArticleRows[]> {
      const order =
        ids ?? valueOf(await sendRequest(api, { type: 'list-articles' })).map((a) => a.id);
      const out: ArticleRows[] = [];
      onProgress?.({ step: 'read', done: 0, total: order.length });
      // EXPORT_IN_FLIGHT batches requested at once (the background reads one while the
      // page takes in another), taken in order.
      const batches: string[][] = [];
      for (let i = 0; i < order.length; i += exportBatch)
        batches.push(order.slice(i, i + exportBatch));
      const pending = batches.map(() => null as Promise<ArticleRows[]> | null);
      const request = (k: number) => {
        if (k >= batches.length || pending[k]) return;
        const p = sendRequest(api, { type: 'export-articles', ids: batches[k]! }).then(valueOf);
        // Awaited in order below; marked handled so a later batch's failure is not reported early.
        p.catch(() => undefined);
        pending[k] = p;
      };
      for (let k = 0; k < EXPORT_IN_FLIGHT; k++) request(k);
      let done = 0;
      for (let k = 0; k < batches.length; k++) {
        request(k + EXPORT_IN_FLIGHT - 1);
        out.push(...(await pending[k]!));
        pending[k] = null;
        done += batches[k]!.length;
        onProgress?.({ step: 'read', done, total: order.length });
      }
      return out;
    },

    /** The zip of `ids` (or everything): index.md and one Markdown file per article, with progress. */
    async exportZip(
      ids: readonly string[] | undefined,
      onProgress?: (p: ExportProgress) => void,
    ): Promise<{ zip: Uint8Array; articles: number }> {
      const rows = await this.exportRows(ids, onProgress);
      const zip = await zipFiles(exportFiles(rows), {
        // About a frame of work per turn for typical articles.
        batch: ZIP_BATCH,
        onProgress: (p) => onProgress?.({ step: 'zip', ...p }),
      });
      return { zip, articles: rows.length };
    },

    /** The whole library as backup text, built from pages of rows (the same text export-backup gives). */
    async backupText(exportedAt?: string): Promise<string> {
      const data: Required<LibraryData> = { articles: [], highlights: [], sitePrefs: [] };
      for (const table of BACKUP_TABLES) {
        const rows = data[table] as Array<{ id?: string; site?: string; articleId?: string }>;
        let after: string | undefined;
        for (;;) {
          const page = valueOf(
            await sendRequest(api, {
              type: 'export-backup-rows',
              table,
              limit: BACKUP_PAGE[table],
              ...(after === undefined ? {} : { after }),
            }),
          ) as Array<{ id?: string; site?: string; articleId?: string }>;
          rows.push(...page);
          // Highlights come by article (a page holds the highlights of BACKUP_PAGE.highlights
          // articles, any number of rows): they end at the first empty page.
          if (table === 'highlights' ? page.length === 0 : page.length < BACKUP_PAGE[table]) break;
          const last = page[page.length - 1]!;
          after =
            table === 'sitePrefs' ? last.site : table === 'highlights' ? last.articleId : last.id;
        }
      }
      return serializeBackup(
        data as {
          articles: Article[];
          highlights: Highlight[];
          sitePrefs: LibraryData['sitePrefs'];
        },
        exportedAt ? { exportedAt } : {},
      );
    },

    /**
     * Imports a backup file (or its text). A file goes to the background as a
     * blob: URL that it reads itself (revoked after the reply); where that is
     * not possible (no createObjectURL here, or the background cannot read
     * it: `not-found`, nothing parsed) its text is sent: in one request when
     * small, else in parts first.
     */
    async restore(source: Blob | string, mode: 'merge' | 'replace') {
      if (typeof source !== 'string' && typeof URL.createObjectURL === 'function') {
        const blobUrl = URL.createObjectURL(source);
        try {
          const r = await sendRequest(api, { type: 'import-backup', blobUrl, mode });
          if (r.ok || r.code !== 'not-found') return r;
        } finally {
          URL.revokeObjectURL(blobUrl);
        }
      }
      const text = typeof source === 'string' ? source : await source.text();
      if (text.length <= uploadPartChars)
        return sendRequest(api, { type: 'import-backup', text, mode });
      const upload = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
      let index = 0;
      for (let at = 0; at < text.length; index++) {
        let end = Math.min(text.length, at + uploadPartChars);
        // Never split a surrogate pair between two parts.
        if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1]!)) end--;
        const part = text.slice(at, end);
        at = end;
        const r = await sendRequest(api, { type: 'import-backup-part', upload, index, text: part });
        if (!r.ok) return r;
      }
      return sendRequest(api, { type: 'import-backup', upload, parts: index, mode });
    },
  };
}

export type LibraryActions = ReturnType<typeof libraryActions>;
