/**
 * The backup file: a versioned JSON document holding the whole library.
 *
 * ```json
 * { "format": "gangmu-backup", "version": 2, "exportedAt": "2025-…Z",
 *   "articles": [Article…], "highlights": [Highlight…], "sitePrefs": [{ "site": "…", … }] }
 * ```
 *
 * A reader checks every row field by field and refuses a field it does not
 * know (parse-backup.ts), so any change to a row's fields, a new optional one
 * included, raises the version; a reader refuses a version newer than
 * {@link BACKUP_VERSION} with a message that says so. New top-level members
 * are ignored by older readers and keep it.
 *
 * Versions: 1, the first; 2, articles may carry their saved text (`text`,
 * lib/model.ts ArticleText). A version-1 file reads as it always did.
 */
import type { Article, Highlight } from '../model.ts';

/** The `format` tag that tells a Gangmu backup from any other JSON file. */
export const BACKUP_FORMAT = 'gangmu-backup';
/** The newest backup version this code reads and the one it writes. */
export const BACKUP_VERSION = 2;

/** JSON values. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * One site's sidebar preferences, as the extension stores them
 * (protocol/messages.ts SitePrefs, keyed by host name). The fields are optional:
 * rows written before a field existed lack it. site-prefs.ts checks them.
 */
export interface SitePrefsRow {
  site: string;
  alwaysOpen?: boolean;
  collapsed?: boolean;
  /** CSS pixels, within site-prefs.ts SITE_PREFS_WIDTH. */
  width?: number;
  side?: 'left' | 'right';
}

/** The library as a backup holds it. */
export interface LibraryData {
  articles: Article[];
  highlights: Highlight[];
  sitePrefs?: SitePrefsRow[];
}

/** A parsed backup file. */
export interface Backup extends LibraryData {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** ISO 8601: when the file was written. */
  exportedAt: string;
}

/** What is wrong with a file offered as a backup. */
export type BackupErrorKind =
  | 'not-json'
  | 'foreign'
  | 'newer-version'
  | 'malformed'
  | 'invalid-article'
  | 'invalid-highlight'
  | 'invalid-site-prefs'
  | 'duplicate-id'
  | 'missing-article';

/** An expected failure of reading a backup: `kind` for the UI, a specific English message. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly kind: BackupErrorKind,
    message: string,
    /** The row's index in its list, where one row is at fault. */
    readonly index?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A result that carries its failure instead of throwing it. */
export type BackupResult<T> = { ok: true; value: T } | { ok: false; error: BackupError };
