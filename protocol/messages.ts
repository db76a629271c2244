/**
 * Every message exchanged between the extension's contexts, declared once.
 *
 * Two unions, one per receiver:
 * - {@link Request}: handled by the background (sent with `runtime.sendMessage`
 *   from the content script, the popup and the library page);
 * - {@link ContentRequest}: handled by a tab's content script (sent with
 *   `tabs.sendMessage` from the popup and the background).
 *
 * Each is a discriminated union on `type`; each handler is an exhaustive
 * `switch`, so adding a message type without handling it fails to compile.
 * Replies never throw across the boundary: they carry `{ ok: true, value }`
 * or `{ ok: false, error }`. Everything received is checked by a guard here.
 *
 * This module is independent of any browser API: senders take the `browser`
 * object as a parameter.
 */
import type { BackupErrorKind, MergePlan } from '../lib/backup/index.ts';
import { articleTextProblem, isArticle } from '../lib/backup/is-article.ts';
import {
  HIGHLIGHT_COLORS,
  isHighlight,
  type Article,
  type Highlight,
  type HighlightColor,
} from '../lib/model.ts';

// ---------------------------------------------------------------------------
// Shared value types

/** An article as the content script describes it: everything but the storage timestamps. */
export type ArticleDraft = Omit<Article, 'savedAt' | 'updatedAt'>;

/** Per-site sidebar preferences (site = host name). */
export interface SitePrefs {
  /** Open the sidebar by itself on this site's essays. */
  alwaysOpen: boolean;
  /** Sidebar width in CSS pixels. */
  width: number;
  /** The sidebar starts collapsed to its tab. */
  collapsed: boolean;
  /** The side of the window the sidebar sits on (the page reflows beside it). */
  side: 'left' | 'right';
}

export const DEFAULT_SITE_PREFS: Readonly<SitePrefs> = Object.freeze({
  alwaysOpen: false,
  width: 360,
  collapsed: false,
  side: 'right',
});

/** Bounds of {@link SitePrefs.width}, enforced by the guard. */
export const SIDEBAR_WIDTH = { min: 200, max: 1200 } as const;

/** One row of the library list. */
export interface ArticleSummary {
  id: string;
  url: string;
  site: string;
  title: string;
  author: string | null;
  savedAt: string;
  /** Last change (save, highlight, note, tags). */
  updatedAt: string;
  tags: string[];
  /** Outline points (every node at every level). */
  points: number;
  /** Highlights stored for the article. */
  highlights: number;
  /** Highlights with a non-empty note. */
  notes: number;
  /** The highlight colours present, in toolbar order ({@link HIGHLIGHT_COLORS}). */
  colors: HighlightColor[];
}

/** Sort keys of the library list. */
export const LIST_SORTS = ['savedAt', 'updatedAt', 'title', 'site'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/** Filters and order of the library list; every field optional. */
export interface ListQuery {
  /** Default `savedAt`. */
  sort?: ListSort;
  /** Default `desc` for dates, `asc` for title and site. */
  order?: 'asc' | 'desc';
  /** Host name, exact. */
  site?: string;
  /** One tag, exact. */
  tag?: string;
  /** Articles with at least one highlight of this colour. */
  color?: HighlightColor;
  /**
   * `savedAt` range, inclusive, as ISO 8601 prefixes: `from: '2025-01'`,
   * `to: '2025-03-31'` keeps everything saved from January to 31 March.
   */
  from?: string;
  to?: string;
  /** Only the first `limit` rows of the list (the first screen); all of them without it. */
  limit?: number;
}

/** The filter choices: every site and tag in the library, sorted. */
export interface LibraryFacets {
  sites: string[];
  tags: string[];
}

/** Where a search result matched. */
export type SearchField =
  'title' | 'author' | 'outline' | 'formulation' | 'body' | 'highlight' | 'note';

/** One place a search matched: a snippet of the field with the matched spans. */
export interface SearchHit {
  field: SearchField;
  /** The snippet (lib/search snippet): the field's text around the first match. */
  text: string;
  /** `[start, end)` of each match, relative to `text`. */
  spans: Array<[number, number]>;
  /** The snippet starts / ends inside the field (show an ellipsis). */
  cutBefore: boolean;
  cutAfter: boolean;
  /** For `highlight` and `note` hits: the highlight's id. */
  highlightId?: string;
}

/** One article found by a search, with every place it matched (title first). */
export interface SearchResult {
  articleId: string;
  title: string;
  site: string;
  author: string | null;
  savedAt: string;
  hits: SearchHit[];
}

/** An article with its highlights: what delete-article returns and restore-rows puts back. */
export interface ArticleRows {
  article: Article;
  highlights: Highlight[];
}

/** Counts reported after a backup import. */
export type ImportStats = MergePlan['stats'];

/** What the background knows about one tab. */
export interface TabStatus {
  /** Outline points found on the page. */
  count: number;
  title: string | null;
  /** The page the content script reported from. */
  url: string | null;
  /** False when the content script's quick check found no essay. */
  essay: boolean;
  /**
   * True once `count` is the engine's (the outline the sidebar shows); false while it is
   * the quick check's estimate, which no surface states as a count.
   */
  exact: boolean;
  /** Highlights on the page, as last reported by the content script. */
  highlights: number;
  /** The page's article is in the library. */
  saved: boolean;
}

// ---------------------------------------------------------------------------
// Requests handled by the background

/** The content script reports what it found on a page. */
export interface OutlineFound {
  type: 'outline-found';
  /** Number of outline points (all nodes, at every level). */
  count: number;
  /** The essay's title, or the document title when none was recognised. */
  title: string | null;
  /** False when the quick check says the page holds no essay. */
  essay: boolean;
  /** True when `count` is the engine's; false (or absent) for the quick check's estimate. */
  exact?: boolean;
  /**
   * The key the page's article is saved under (normalizeUrl(location.href,
   * canonical)), so the popup can say whether it is saved. Optional: without
   * it the background normalises the sender's URL.
   */
  articleId?: string;
}

/** The popup asks what was found in a tab. */
export interface GetTabStatus {
  type: 'get-tab-status';
  tabId: number;
}

/** A saved article and its highlights. */
export interface GetArticle {
  type: 'get-article';
  articleId: string;
}

/** Saves (upserts) an article; `savedAt` is kept on update. */
export interface SaveArticle {
  type: 'save-article';
  article: ArticleDraft;
}

/** Stores a highlight, creating its article first when it is not saved yet. */
export interface PutHighlight {
  type: 'put-highlight';
  highlight: Highlight;
  article: ArticleDraft;
}

/** Deletes a highlight of an article (its article's id finds it: schema v5 groups highlights by article). */
export interface DeleteHighlight {
  type: 'delete-highlight';
  articleId: string;
  id: string;
}

/** The content script tells the badge and the popup how many highlights the page has. */
export interface ReportHighlights {
  type: 'report-highlights';
  count: number;
}

export interface GetSitePrefs {
  type: 'get-site-prefs';
  site: string;
}

/** Merges `prefs` into the site's preferences and returns the result. */
export interface SetSitePrefs {
  type: 'set-site-prefs';
  site: string;
  prefs: Partial<SitePrefs>;
}

/** The library list, filtered and sorted (all of it, newest saved first, without options). */
export interface ListArticles extends ListQuery {
  type: 'list-articles';
}

/** The sites and tags of the whole library, for the filter choices. */
export interface ListFacets {
  type: 'list-facets';
}

/**
 * Full-text search over titles, authors, outlines, formulations, highlights
 * and notes. Chinese is matched by words (two characters or more): 默想 does
 * not find 默认. Every word of the query must be in the article, each in one
 * field: the words may be in different fields (a title and a note). A query of one character is answered by a scan of at most
 * SEARCH_SCAN_CAP rows per table.
 */
export interface Search {
  type: 'search';
  query: string;
  /** Most results; default 50, at most 500. */
  limit?: number;
}

/** Replaces an article's tags (trimmed, empty ones and duplicates dropped). */
export interface SetTags {
  type: 'set-tags';
  articleId: string;
  tags: string[];
}

/** Changes a highlight's note (and its colour, when given); fails when the highlight is gone. */
export interface UpdateNote {
  type: 'update-note';
  articleId: string;
  id: string;
  note: string;
  color?: HighlightColor;
}

/** Deletes an article and its highlights; replies with the deleted rows (for undo), or null. */
export interface DeleteArticle {
  type: 'delete-article';
  articleId: string;
}

/** Puts back rows that delete-article returned (undo). */
export interface RestoreRows {
  type: 'restore-rows';
  article: Article;
  highlights: Highlight[];
}

/** The whole library as backup JSON text (lib/backup format). */
export interface ExportBackup {
  type: 'export-backup';
}

/** The tables of a backup, in the order a backup file holds them. */
export const BACKUP_TABLES = ['articles', 'highlights', 'sitePrefs'] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/**
 * One page of a table's rows as a backup holds them (search terms and other
 * derived data left out), in primary-key order: the rows after the key
 * `after`, at most `limit`. The library page builds a large backup from these
 * pages, since one runtime message holds at most 64 MiB.
 */
export interface ExportBackupRows {
  type: 'export-backup-rows';
  table: BackupTable;
  after?: string;
  limit: number;
}

/** The rows of one {@link ExportBackupRows} page (empty after the last). */
export type BackupRows = Article[] | Highlight[] | Array<{ site: string } & Partial<SitePrefs>>;

/**
 * One part of a large backup file's text, sent before `import-backup` names
 * the upload: the background keeps the parts of one upload (a newer upload
 * drops an older unfinished one) until the import joins them.
 */
export interface ImportBackupPart {
  type: 'import-backup-part';
  upload: string;
  index: number;
  text: string;
}

/**
 * Imports a backup file's text, given in one of three ways: as `text`; as
 * the `parts` parts of an `upload` sent before with import-backup-part; or
 * as `blobUrl`, an extension page's `blob:` URL of the file, which the
 * background fetches (no copy through messaging; the page revokes it after
 * the reply). A blob URL the background cannot read (another origin, revoked,
 * unsupported) is refused with code `not-found` before anything is parsed,
 * and the page then sends the text instead. `merge` keeps what is stored and
 * adds what is newer; `replace` makes the library the backup. A bad, foreign
 * or newer file is refused with `{ ok: false, error, code }` and changes nothing.
 */
export interface ImportBackup {
  type: 'import-backup';
  text?: string;
  upload?: string;
  parts?: number;
  blobUrl?: string;
  mode: 'merge' | 'replace';
}

/**
 * How far the import under way has come, for the page to show while its
 * `import-backup` request waits (null when none is under way): the file read
 * (`done` of `total` bytes; total 0 when not known), then its rows and search
 * index written (no count: the writes queued while reading end then).
 */
export interface ImportProgress {
  type: 'import-progress';
}
export interface ImportProgressState extends Progress {
  phase: 'reading' | 'writing';
}

/** How far a long piece of work has come: `done` of `total` (total 0: not known). */
export interface Progress {
  done: number;
  total: number;
}

/** Articles with their highlights, for building Markdown files (all articles without `ids`). */
export interface ExportArticles {
  type: 'export-articles';
  ids?: string[];
  /**
   * false: without their saved and pasted texts (an export of the outlines
   * alone), which the background then does not read; absent: with them.
   */
  texts?: boolean;
}

/** Opens the library page in a new tab. */
export interface OpenLibrary {
  type: 'open-library';
}

/**
 * A page's content script asks for the note editor of one of its highlights:
 * a frame of the extension's own origin (note-editor.html#TOKEN), so what the
 * reader types there never passes through the page's document. The reply's
 * token names the editing session; the highlight must be stored already.
 */
export interface OpenNoteEditor {
  type: 'open-note-editor';
  articleId: string;
  highlightId: string;
}

/** The note editor frame asks for the note it edits (the extension's pages only). */
export interface GetNoteEditor {
  type: 'get-note-editor';
  token: string;
}

/**
 * The note editor frame is done: `note` is stored (null: cancelled, nothing
 * changes), and the tab's content script is told with `note-editor-closed`.
 */
export interface CloseNoteEditor {
  type: 'close-note-editor';
  token: string;
  note: string | null;
}

export type Request =
  | OutlineFound
  | GetTabStatus
  | GetArticle
  | SaveArticle
  | PutHighlight
  | DeleteHighlight
  | ReportHighlights
  | GetSitePrefs
  | SetSitePrefs
  | ListArticles
  | ListFacets
  | OpenLibrary
  | Search
  | SetTags
  | UpdateNote
  | DeleteArticle
  | RestoreRows
  | ExportBackup
  | ExportBackupRows
  | ImportBackupPart
  | ImportBackup
  | ImportProgress
  | ExportArticles
  | OpenNoteEditor
  | GetNoteEditor
  | CloseNoteEditor;

/** The reply type of each background request. */
export interface ReplyValue {
  'outline-found': null;
  /** `null` when the content script has not reported (no page, restricted page, still loading). */
  'get-tab-status': TabStatus | null;
  'get-article': { article: Article | null; highlights: Highlight[] };
  'save-article': Article;
  'put-highlight': Highlight;
  'delete-highlight': null;
  'report-highlights': null;
  'get-site-prefs': SitePrefs;
  'set-site-prefs': SitePrefs;
  'list-articles': ArticleSummary[];
  'list-facets': LibraryFacets;
  'open-library': null;
  search: SearchResult[];
  /** The article as stored; fails when it is not in the library. */
  'set-tags': Article;
  'update-note': Highlight;
  /** null when the article was not in the library. */
  'delete-article': ArticleRows | null;
  'restore-rows': null;
  'export-backup': string;
  'export-backup-rows': BackupRows;
  'import-backup-part': null;
  'import-backup': ImportStats;
  'import-progress': ImportProgressState | null;
  /** In the order of `ids` (missing ones left out), else newest saved first; highlights in creation order. */
  'export-articles': ArticleRows[];
  'open-note-editor': { token: string };
  /** The note as stored, and its highlight's colour (the frame shows it). */
  'get-note-editor': { note: string; color: HighlightColor };
  'close-note-editor': null;
}

// ---------------------------------------------------------------------------
// Requests handled by a tab's content script

/** Opens or closes the sidebar. */
export interface ToggleSidebar {
  type: 'toggle-sidebar';
}

/** Opens the sidebar (no-op when open). */
export interface OpenSidebar {
  type: 'open-sidebar';
}

/** The page's article as it would be saved, its Markdown, its highlight count. */
export interface GetPageArticle {
  type: 'get-page-article';
}

/** The page's outline (with highlights and notes) as Markdown. */
export interface GetMarkdown {
  type: 'get-markdown';
  /** Obsidian flavour (front matter, callouts) instead of plain Markdown. */
  obsidian?: boolean;
}

/** The note editor of a highlight has closed: `note` was stored (null: cancelled). */
export interface NoteEditorClosed {
  type: 'note-editor-closed';
  highlightId: string;
  note: string | null;
}

export type ContentRequest =
  ToggleSidebar | OpenSidebar | GetPageArticle | GetMarkdown | NoteEditorClosed;

/** The reply type of each content-script request. */
export interface ContentReplyValue {
  'toggle-sidebar': { open: boolean };
  'open-sidebar': null;
  /** The page's article and Markdown, on every page: outline or not. */
  'get-page-article': { draft: ArticleDraft; markdown: string; highlights: number };
  'get-markdown': string;
  'note-editor-closed': null;
}

// ---------------------------------------------------------------------------
// Replies and transport

/**
 * Why a request failed, for a UI that words the message itself; `error`
 * always holds a readable message too.
 * - `quota-exceeded`: storage is full; nothing was written, nothing saved before was lost.
 * - `not-found`: the article or highlight is not in the library.
 * - `refused`: the sender may not make the request (a page asking for another
 *   origin's article, or for the library: background/sender-policy.ts).
 * - a {@link BackupErrorKind}: the backup file was refused and nothing changed.
 */
export type ErrorCode = 'quota-exceeded' | 'not-found' | 'refused' | BackupErrorKind;

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; code?: ErrorCode };

export type ReplyTo<R extends Request> = Reply<ReplyValue[R['type']]>;
export type ContentReplyTo<R extends ContentRequest> = Reply<ContentReplyValue[R['type']]>;

/** A minimal view of the runtime API, so senders work with any `browser` object (and fakes). */
export interface RuntimeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}

/** A minimal view of the tabs API, for {@link sendContentRequest}. */
export interface TabsLike {
  tabs: { sendMessage(tabId: number, message: unknown): Promise<unknown> };
}

// ---------------------------------------------------------------------------
// Guards

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isString = (v: unknown): v is string => typeof v === 'string';
const isNonEmpty = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPositive = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v > 0;
const isColor = (v: unknown): v is HighlightColor =>
  (HIGHLIGHT_COLORS as readonly unknown[]).includes(v);
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';

/**
 * Checks an article draft that crossed a trust boundary. The outline is
 * checked for its shape (title, author, a node list), not node by node: it is
 * stored and shown, never executed.
 */
export function isArticleDraft(v: unknown): v is ArticleDraft {
  if (!isObject(v)) return false;
  const o = v.outline;
  return (
    isNonEmpty(v.id) &&
    isNonEmpty(v.url) &&
    isString(v.site) &&
    isString(v.title) &&
    Array.isArray(v.tags) &&
    v.tags.every(isString) &&
    (v.sourceText === undefined || isString(v.sourceText)) &&
    (v.text === undefined || articleTextProblem(v.text) === null) &&
    isObject(o) &&
    isStringOrNull(o.title) &&
    isStringOrNull(o.author) &&
    Array.isArray(o.nodes)
  );
}

/** Checks a partial {@link SitePrefs}: known keys only, each well-typed and in range. */
export function isPartialSitePrefs(v: unknown): v is Partial<SitePrefs> {
  if (!isObject(v)) return false;
  for (const [key, value] of Object.entries(v)) {
    switch (key) {
      case 'alwaysOpen':
      case 'collapsed':
        if (typeof value !== 'boolean') return false;
        break;
      case 'side':
        if (value !== 'left' && value !== 'right') return false;
        break;
      case 'width':
        if (
          typeof value !== 'number' ||
          !Number.isFinite(value) ||
          value < SIDEBAR_WIDTH.min ||
          value > SIDEBAR_WIDTH.max
        )
          return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** Checks that a value received from another context is a well-formed background {@link Request}. */
export function isRequest(value: unknown): value is Request {
  if (!isObject(value)) return false;
  const m = value;
  const type = m.type as Request['type'];
  switch (type) {
    case 'outline-found':
      return (
        isCount(m.count) &&
        isStringOrNull(m.title) &&
        typeof m.essay === 'boolean' &&
        (m.exact === undefined || typeof m.exact === 'boolean') &&
        (m.articleId === undefined || isNonEmpty(m.articleId))
      );
    case 'get-tab-status':
      return typeof m.tabId === 'number' && Number.isInteger(m.tabId);
    case 'get-article':
      return isNonEmpty(m.articleId);
    case 'save-article':
      return isArticleDraft(m.article);
    case 'put-highlight':
      return (
        isHighlight(m.highlight) &&
        isArticleDraft(m.article) &&
        m.highlight.articleId === m.article.id
      );
    case 'delete-highlight':
      return isNonEmpty(m.articleId) && isNonEmpty(m.id);
    case 'report-highlights':
      return isCount(m.count);
    case 'get-site-prefs':
      return isNonEmpty(m.site);
    case 'set-site-prefs':
      return isNonEmpty(m.site) && isPartialSitePrefs(m.prefs);
    case 'list-articles':
      return isListQuery(m);
    case 'open-library':
    case 'export-backup':
    case 'import-progress':
    case 'list-facets':
      return true;
    case 'search':
      return isString(m.query) && (m.limit === undefined || isPositive(m.limit));
    case 'set-tags':
      return isNonEmpty(m.articleId) && Array.isArray(m.tags) && m.tags.every(isString);
    case 'update-note':
      return (
        isNonEmpty(m.articleId) &&
        isNonEmpty(m.id) &&
        isString(m.note) &&
        (m.color === undefined || isColor(m.color))
      );
    case 'delete-article':
      return isNonEmpty(m.articleId);
    case 'restore-rows':
      return (
        isArticle(m.article) &&
        Array.isArray(m.highlights) &&
        m.highlights.every((h) => isHighlight(h) && h.articleId === (m.article as Article).id)
      );
    case 'import-backup': {
      const given = [m.text, m.upload ?? m.parts, m.blobUrl].filter((v) => v !== undefined);
      return (
        given.length === 1 &&
        (isString(m.text) ||
          (isNonEmpty(m.upload) && isPositive(m.parts)) ||
          (isString(m.blobUrl) && m.blobUrl.startsWith('blob:'))) &&
        (m.mode === 'merge' || m.mode === 'replace')
      );
    }
    case 'import-backup-part':
      return isNonEmpty(m.upload) && isCount(m.index) && isString(m.text);
    case 'export-backup-rows':
      return (
        (BACKUP_TABLES as readonly unknown[]).includes(m.table) &&
        (m.after === undefined || isString(m.after)) &&
        isPositive(m.limit)
      );
    case 'export-articles':
      return (
        (m.ids === undefined || (Array.isArray(m.ids) && m.ids.every(isNonEmpty))) &&
        (m.texts === undefined || typeof m.texts === 'boolean')
      );
    case 'open-note-editor':
      return isNonEmpty(m.articleId) && isNonEmpty(m.highlightId);
    case 'get-note-editor':
      return isNonEmpty(m.token);
    case 'close-note-editor':
      return isNonEmpty(m.token) && (m.note === null || isString(m.note));
    default:
      return false;
  }
}

/** Checks the options of a list-articles request. */
function isListQuery(m: Record<string, unknown>): boolean {
  return (
    (m.sort === undefined || (LIST_SORTS as readonly unknown[]).includes(m.sort)) &&
    (m.order === undefined || m.order === 'asc' || m.order === 'desc') &&
    (m.site === undefined || isString(m.site)) &&
    (m.tag === undefined || isString(m.tag)) &&
    (m.color === undefined || isColor(m.color)) &&
    (m.from === undefined || isString(m.from)) &&
    (m.to === undefined || isString(m.to)) &&
    (m.limit === undefined || isPositive(m.limit))
  );
}

/** Checks that a value received from another context is a well-formed {@link ContentRequest}. */
export function isContentRequest(value: unknown): value is ContentRequest {
  if (!isObject(value)) return false;
  const type = value.type as ContentRequest['type'];
  switch (type) {
    case 'toggle-sidebar':
    case 'open-sidebar':
    case 'get-page-article':
      return true;
    case 'get-markdown':
      return value.obsidian === undefined || typeof value.obsidian === 'boolean';
    case 'note-editor-closed':
      return isNonEmpty(value.highlightId) && (value.note === null || isString(value.note));
    default:
      return false;
  }
}

function isReply(value: unknown): value is Reply<unknown> {
  if (!isObject(value)) return false;
  const r = value;
  return (
    (r.ok === true && 'value' in r) ||
    (r.ok === false &&
      typeof r.error === 'string' &&
      (r.code === undefined || typeof r.code === 'string'))
  );
}

// ---------------------------------------------------------------------------
// Senders

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

/** The error text of a reply when the tab has no content script to answer. */
export const NO_CONTENT_SCRIPT = 'no-content-script';

/**
 * Sends a request to a tab's content script. A tab without one (restricted
 * page, page loaded before the extension) comes back as
 * `{ ok: false, error: NO_CONTENT_SCRIPT }`, not as a throw.
 */
export async function sendContentRequest<R extends ContentRequest>(
  api: TabsLike,
  tabId: number,
  request: R,
): Promise<ContentReplyTo<R>> {
  try {
    const reply = await api.tabs.sendMessage(tabId, request);
    if (isReply(reply)) return reply as ContentReplyTo<R>;
    return { ok: false, error: NO_CONTENT_SCRIPT };
  } catch (err) {
    const message = errorMessage(err);
    // Chromium: "Could not establish connection. Receiving end does not exist."
    // Firefox: "Could not establish connection. Receiving end does not exist." too.
    if (/receiving end does not exist|could not establish connection/i.test(message)) {
      return { ok: false, error: NO_CONTENT_SCRIPT };
    }
    return { ok: false, error: message };
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
