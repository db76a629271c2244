/**
 * The library page's requests to the background, kept out of the view
 * (components/library/LibraryApp.tsx): the list (first screen, then the
 * rest), facets, search, article reads and edits, delete and undo, the zip
 * export, backup and restore. Each takes the runtime API, so it runs against
 * a fake in tests.
 *
 * Large libraries: the zip export and the backup read their rows straight
 * from the live database in this page (same origin; a runtime message would
 * serialise every row twice and holds at most 64 MiB), the export in batches.
 * Where the database cannot be opened here they ask the background: the
 * export in batches, the backup in pages of rows (export-backup-rows,
 * serialised with lib/backup exactly as the background would). A restore
 * hands the background a blob: URL of the file, which the service worker
 * reads itself (falling back to sending the text in parts,
 * import-backup-part), in the one import request that lands in one transaction.
 */
import { serializeBackupParts, type LibraryData } from '../../lib/backup/index.ts';
import type { Article, Highlight } from '../../lib/model.ts';
import {
  BACKUP_TABLES,
  errorMessage,
  sendRequest,
  type ArticleRows,
  type ImportBackup,
  type ImportProgressState,
  type ListQuery,
  type Progress,
  type Reply,
  type RuntimeLike,
} from '../../protocol/messages.ts';
import type { ExportFile } from './export-files.ts';
import { DEFAULT_EXPORT_OPTIONS, type MarkdownExportOptions } from './export-options.ts';

/** The exporter (Markdown writer, text marks): loaded with the first export, not with the page. */
const exporter = () => import('./export-files.ts');
import { macrotask, ZipWriter, type ZipProgress } from './zip-files.ts';

/**
 * Rows of the list's first request: the first screen, read through an index.
 * A row is 80–92 px: a 2560×1440 window shows 13, so 24 fill almost two
 * screens, and the whole list follows within the second. Painting 60 took
 * ~60 ms longer (warm reloads of a 10,000-article library, medians 289 → 229 ms).
 */
export const FIRST_PAGE = 24;
/** Articles per export-articles request (with their highlights, far below a message's limit). */
export const EXPORT_BATCH = 250;
/** export-articles requests in flight at once. */
export const EXPORT_IN_FLIGHT = 3;
/** Articles turned into Markdown and zipped per turn between yields to the page. */
export const ZIP_BATCH = 32;
/** Rows per export-backup-rows request, per table (for highlights: the highlights of this many articles). */
export const BACKUP_PAGE = { articles: 1000, highlights: 1000, sitePrefs: 1000 } as const;
/** Characters per import-backup-part (at most 3 bytes each in UTF-8, plus JSON escapes). */
export const UPLOAD_PART_CHARS = 4_000_000;

/** Logged when the bulk reads cannot open the database here and ask the background instead. */
export const READ_FALLBACK = '[Gangmu] bulk read through the background';

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

/** Bulk reads straight from the live database (bulk-reader.ts); closed when done. */
export interface BulkReader {
  /** Every article's id, in the list's default order (newest saved first). */
  ids(): Promise<string[]>;
  /**
   * Articles with their highlights, in the order of `ids` (ids not stored left
   * out); `texts` false: without their saved and pasted texts (not read).
   */
  articles(ids: string[], texts: boolean): Promise<ArticleRows[]>;
  /**
   * The whole library as backup text, each part handed to `emit` as it is
   * written, read in one transaction; `progress` hears the rows written.
   */
  backup(
    emit: (part: string) => void,
    exportedAt?: string,
    progress?: (p: Progress) => void,
  ): Promise<void>;
  close(): void;
}

/** What the actions read from besides the background. */
export interface ActionSources {
  /**
   * Opens the live database for bulk reads (bulk-reader.ts openBulkReader):
   * the zip export and the backup then read their rows in this page instead
   * of through runtime messages, which serialise every row twice. Where it is
   * missing or cannot open, they ask the background.
   */
  openReader?: () => Promise<BulkReader>;
}

export function libraryActions(
  api: RuntimeLike,
  { exportBatch, uploadPartChars }: ActionSizes = {
    exportBatch: EXPORT_BATCH,
    uploadPartChars: UPLOAD_PART_CHARS,
  },
  { openReader }: ActionSources = {},
) {
  /** A reader of the live database, or null (then the background is asked). */
  const reader = async (): Promise<BulkReader | null> =>
    openReader
      ? openReader().catch((err: unknown) => {
          console.warn(`${READ_FALLBACK}:`, errorMessage(err));
          return null;
        })
      : null;
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
     * newest saved first, without them), a batch at a time as they arrive:
     * EXPORT_BATCH per export-articles request, EXPORT_IN_FLIGHT requested at
     * once, so the background reads the next batches while the caller works
     * on this one. Ids no longer stored are skipped. `texts` false: the
     * articles without their saved and pasted texts (an export of the outlines
     * alone need not read them).
     */
    async *exportBatches(
      ids: readonly string[] | undefined,
      onProgress?: (p: ExportProgress) => void,
      { texts = true }: { texts?: boolean } = {},
    ): AsyncGenerator<ArticleRows[], void, undefined> {
      const db = await reader();
      try {
        const order =
          ids ??
          (db
            ? await db.ids()
            : valueOf(await sendRequest(api, { type: 'list-articles' })).map((a) => a.id));
        onProgress?.({ step: 'read', done: 0, total: order.length });
        const batches: string[][] = [];
        for (let i = 0; i < order.length; i += exportBatch)
          batches.push(order.slice(i, i + exportBatch));
        const pending = batches.map(() => null as Promise<ArticleRows[]> | null);
        const request = (k: number) => {
          if (k >= batches.length || pending[k]) return;
          const p = db
            ? db.articles(batches[k]!, texts)
            : sendRequest(api, { type: 'export-articles', ids: batches[k]!, texts }).then(valueOf);
          // Awaited in order below; marked handled so a later batch's failure is not reported early.
          p.catch(() => undefined);
          pending[k] = p;
        };
        for (let k = 0; k < EXPORT_IN_FLIGHT; k++) request(k);
        let done = 0;
        for (let k = 0; k < batches.length; k++) {
          request(k + EXPORT_IN_FLIGHT - 1);
          const rows = await pending[k]!;
          pending[k] = null;
          done += batches[k]!.length;
          onProgress?.({ step: 'read', done, total: order.length });
          yield rows;
        }
      } finally {
        db?.close();
      }
    },

    /** All of {@link exportBatches} at once. */
    async exportRows(
      ids: readonly string[] | undefined,
      onProgress?: (p: ExportProgress) => void,
    ): Promise<ArticleRows[]> {
      const out: ArticleRows[] = [];
      for await (const rows of this.exportBatches(ids, onProgress)) out.push(...rows);
      return out;
    },

    /**
     * The zip of `ids` (or everything): index.md and one Markdown file per
     * article. Each batch is turned into Markdown and deflated as it arrives,
     * while the background reads the next ones; only the index's few fields
     * of each article are kept, and index.md, written last, takes the first
     * place in the archive. Progress: articles written out of all asked
     * (step 'zip'), after a first 'read' 0/total. `markdown`: the reader's
     * export options (full text, Obsidian marks), for every article.
     */
    async exportZip(
      ids: readonly string[] | undefined,
      onProgress?: (p: ExportProgress) => void,
      {
        yieldControl = macrotask,
        markdown = DEFAULT_EXPORT_OPTIONS,
      }: {
        yieldControl?: () => Promise<void>;
        markdown?: Readonly<MarkdownExportOptions>;
      } = {},
    ): Promise<{ zip: Uint8Array; articles: number }> {
      const { ExportFileStream, INDEX_FILE } = await exporter();
      const files = new ExportFileStream(undefined, markdown);
      const zip = new ZipWriter();
      const fillIndex = zip.reserve(INDEX_FILE);
      let total = 0;
      let asked = 0;
      let sinceYield = 0;
      // The saved texts only for an export with them (the outline alone reads none).
      const texts = markdown.fullText;
      for await (const rows of this.exportBatches(
        ids,
        (p) => {
          total = p.total;
          if (p.done === 0) onProgress?.(p);
        },
        { texts },
      )) {
        for (let i = 0; i < rows.length; i++) {
          const file = files.next(rows[i]!);
          zip.add(file.name, file.text);
          if (++sinceYield === ZIP_BATCH) {
            sinceYield = 0;
            await zip.settled();
            onProgress?.({ step: 'zip', done: asked + i + 1, total });
            await yieldControl();
          }
        }
        await zip.settled();
        asked = Math.min(total, asked + exportBatch);
        onProgress?.({ step: 'zip', done: asked, total });
      }
      fillIndex(files.index().text);
      return { zip: await zip.finish(), articles: files.count };
    },

    /**
     * One article's Markdown file (`<title>.md`), for the article view's
     * export: the article and its highlights read afresh (those made in the
     * view's text reader since it opened included), written with the
     * reader's export options. A {@link RequestFailed} when the request
     * fails or the article is gone.
     */
    async exportArticle(
      articleId: string,
      markdown: Readonly<MarkdownExportOptions> = DEFAULT_EXPORT_OPTIONS,
    ): Promise<ExportFile> {
      const { article, highlights } = valueOf(
        await sendRequest(api, { type: 'get-article', articleId }),
      );
      if (!article) throw new RequestFailed('not found');
      return (await exporter()).articleFile({ article, highlights }, markdown);
    },

    /**
     * The whole library as backup text, each part (never one string of hundreds of
     * megabytes) handed to `emit` as it is written: read in one transaction from the
     * live database a step at a time, or else built from pages of rows asked of the
     * background (the same text export-backup gives).
     */
    async backupParts(
      emit: (part: string) => void,
      exportedAt?: string,
      progress: (p: Progress) => void = () => undefined,
    ): Promise<void> {
      const db = await reader();
      if (db)
        try {
          return await db.backup(emit, exportedAt, progress);
        } finally {
          db.close();
        }
      // Pages of rows: how many there are is not known (total 0).
      let done = 0;
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
          progress({ done: (done += page.length), total: 0 });
          // Highlights come by article (a page holds the highlights of BACKUP_PAGE.highlights
          // articles, any number of rows): they end at the first empty page.
          if (table === 'highlights' ? page.length === 0 : page.length < BACKUP_PAGE[table]) break;
          const last = page[page.length - 1]!;
          after =
            table === 'sitePrefs' ? last.site : table === 'highlights' ? last.articleId : last.id;
        }
      }
      const parts = serializeBackupParts(
        data as {
          articles: Article[];
          highlights: Highlight[];
          sitePrefs: LibraryData['sitePrefs'];
        },
        exportedAt ? { exportedAt } : {},
      );
      for (const part of parts) emit(part);
    },

    /**
     * Imports a backup file (or its text). A file goes to the background as a
     * blob: URL that it reads itself (revoked after the reply); where that is
     * not possible (no createObjectURL here, or the background cannot read
     * it: `not-found`, nothing parsed) its text is sent: in one request when
     * small, else in parts first.
     */
    async restore(
      source: Blob | string,
      mode: 'merge' | 'replace',
      progress: (p: ImportProgressState) => void = () => undefined,
    ) {
      /** The import request, the background asked how far it has come while it runs. */
      const importing = (request: Omit<ImportBackup, 'type' | 'mode'>) =>
        watched(sendRequest(api, { type: 'import-backup', mode, ...request }), progress);
      if (typeof source !== 'string' && typeof URL.createObjectURL === 'function') {
        const blobUrl = URL.createObjectURL(source);
        try {
          const r = await importing({ blobUrl });
          if (r.ok || r.code !== 'not-found') return r;
        } finally {
          URL.revokeObjectURL(blobUrl);
        }
      }
      const text = typeof source === 'string' ? source : await source.text();
      if (text.length <= uploadPartChars) return importing({ text });
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
        progress({ phase: 'reading', done: at, total: text.length });
      }
      return importing({ upload, parts: index });
    },
  };

  /**
   * `pending`, the background asked every {@link IMPORT_POLL_MS} until it
   * settles how far its import has come (each answer given to `progress`).
   */
  async function watched<T>(
    pending: Promise<T>,
    progress: (p: ImportProgressState) => void,
  ): Promise<T> {
    let over = false;
    const poll = async () => {
      while (!over) {
        await new Promise((tick) => setTimeout(tick, IMPORT_POLL_MS));
        if (over) return;
        const r = await sendRequest(api, { type: 'import-progress' });
        if (!over && r.ok && r.value) progress(r.value);
      }
    };
    void poll();
    try {
      return await pending;
    } finally {
      over = true;
    }
  }
}

/** How often a page asks how far an import has come while it runs, in ms. */
export const IMPORT_POLL_MS = 250;

export type LibraryActions = ReturnType<typeof libraryActions>;
