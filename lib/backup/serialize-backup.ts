/** Writes the library as a backup file. */
import { bySavedAt } from '../model.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup, type LibraryData } from './format.ts';

/** Options of {@link serializeBackup}. */
export interface SerializeOptions {
  /**
   * The top level indented two spaces and each row of a list on a line of its
   * own (readable, diffable row by row), or the whole backup on one line.
   * Default true. (Rows were indented too before: with the articles' saved
   * texts that made the bench's backup 333 MB where its rows on a line each
   * take about 225 MB, and the restore reads and decodes every byte.)
   */
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

/** Characters gathered into one part before it is handed on (a Blob takes the parts as they are). */
const PART_CHARS = 1 << 20;

/**
 * The library as backup JSON: format tag, version and export time first, then
 * articles (oldest saved first, ties by id), highlights and site preferences
 * in the order given, every nested
 * object with its keys sorted. The same library always gives the same text
 * (key insertion order does not matter), so two backups diff cleanly.
 * {@link parseBackup} reads it back deep-equal.
 */
export function serializeBackup(data: LibraryData, options: SerializeOptions = {}): string {
  return serializeBackupParts(data, options).join('');
}

/**
 * {@link serializeBackup}'s text in parts of about a million characters, written a
 * row at a time: a library with its saved texts makes a backup of hundreds of
 * megabytes, which as one string costs a copy of every row at once (and past about
 * 500 million characters is more than a JavaScript string may hold). The parts go
 * into a Blob as they are.
 */
export function serializeBackupParts(data: LibraryData, options: SerializeOptions = {}): string[] {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: options.exportedAt ?? new Date().toISOString(),
    // Oldest saved first, ties by id: a restore numbers them as they arrive.
    articles: [...data.articles].sort(bySavedAt),
    highlights: data.highlights,
    ...(data.sitePrefs ? { sitePrefs: data.sitePrefs } : {}),
  };
  const pretty = options.pretty !== false;
  const parts: string[] = [];
  let part: string[] = [];
  let length = 0;
  const write = (s: string) => {
    part.push(s);
    length += s.length;
    if (length < PART_CHARS) return;
    parts.push(part.join(''));
    part = [];
    length = 0;
  };
  // The top object's members one level in, as JSON.stringify(ordered, null, 2) writes
  // them; a list's rows two levels in, each on one line.
  const keys = TOP_KEYS.filter((k) => backup[k] !== undefined);
  write(pretty ? '{\n' : '{');
  keys.forEach((k, i) => {
    write(pretty ? `  ${JSON.stringify(k)}: ` : `${JSON.stringify(k)}:`);
    const value = backup[k];
    if (Array.isArray(value) && value.length > 0) {
      write(pretty ? '[\n' : '[');
      value.forEach((row: unknown, j) => {
        const text = JSON.stringify(sortKeys(row));
        if (pretty) write(`    ${text}${j < value.length - 1 ? ',\n' : '\n'}`);
        else write(j < value.length - 1 ? `${text},` : text);
      });
      write(pretty ? '  ]' : ']');
    } else write(JSON.stringify(sortKeys(value), null, pretty ? 2 : undefined));
    write(i < keys.length - 1 ? (pretty ? ',\n' : ',') : pretty ? '\n' : '');
  });
  write('}\n');
  if (part.length) parts.push(part.join(''));
  return parts;
}
