/**
 * The backup file: a versioned JSON document holding the whole library.
 *
 * ```json
 * { "format": "gangmu-backup", "version": 1, "exportedAt": "2025-…Z",
 *   "articles": [Article…], "highlights": [Highlight…], "sitePrefs": [{ "site": "…", … }] }
 * ```
 *
 * A change that old readers can ignore (a new optional field) keeps the
 * version; one they would misread raises it, and a reader refuses a version
 * newer than {@link BACKUP_VERSION}.
 */
import type { Article, Highlight } from '../model.ts';

/** The `format` tag that tells a Gangmu backup from any other JSON file. */
export const BACKUP_FORMAT = 'gangmu-backup';
/** The newest backup version this code reads and the one it writes. */
export const BACKUP_VERSION = 1;

/** JSON values (what a site-preferences row may hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [k: string]: JsonValue };

/**
 * One site's sidebar preferences, as the extension stores them. The engine
 * does not know their fields (they live in the extension); it checks only the
 * `site` key and that the rest is plain JSON. The extension validates the rest.
 */
export type SitePrefsRow = { site: string } & { [k: string]: JsonValue };

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
