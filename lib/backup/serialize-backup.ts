/** Writes the library as a backup file. */
import { bySavedAt } from '../model.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type LibraryData } from './format.ts';

/** Options of {@link serializeBackup}. */
export interface SerializeOptions {
  /** Indent two spaces (readable, diffable) or write one line (smaller). Default true. */
  pretty?: boolean;
  /** The export time; defaults to now. */
  exportedAt?: string;
}

/** Top-level keys in the order they are written: the tag first, so `head -c 60` tells what the file is. */
const TOP_KEYS: readonly (keyof Backup)[] = [
  'format',
  'version',
  'exportedAt',
  'articles',
  'highlights',
  'sitePrefs',
];

/** A copy of `v` with every object's keys sorted, so the same data always gives the same text. */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
  return out;
}

/**
 * The library as backup JSON: format tag, version and export time first, then
 * articles (oldest saved first, ties by id), highlights and site preferences
 * in the order given, every nested
 * object with its keys sorted. The same library always gives the same text
 * (key insertion order does not matter), so two backups diff cleanly.
 * {@link parseBackup} reads it back deep-equal.
 */
export function serializeBackup(data: LibraryData, options: SerializeOptions = {}): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    // Oldest saved first, ties by id: a restore numbers them as they arrive.
    articles: [...data.articles].sort(bySavedAt),
    highlights: data.highlights,
    ...(data.sitePrefs ? { sitePrefs: data.sitePrefs } : {}),
  };
  const ordered: Record<string, unknown> = {};
  for (const k of TOP_KEYS) if (backup[k] !== undefined) ordered[k] = sortKeys(backup[k]);
  return JSON.stringify(ordered, null, options.pretty === false ? undefined : 2) + '\n';
}
