/** Writes the library as a backup file. */
import { bySavedAt } from '../model.ts';
import { BACKUP_FORMAT, BACKUP_VERSION, type LibraryData } from './format.ts';

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

/**
 * `v` with every object's keys sorted, so the same data always gives the same
 * text: `v` itself when they all are already (rows read back from a restored
 * file, texts decoded by lib/text/stored-text), else a copy of what is not,
 * sharing what is. A copy of every object of a library took about a second
 * of a backup, and as much again in garbage collection.
 */
export function sortKeys(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      const s = sortKeys(v[i]);
      if (s !== v[i]) (out ??= v.slice())[i] = s;
    }
    return out ?? v;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  let changed = false;
  for (let i = 1; i < keys.length && !changed; i++) if (keys[i - 1]! > keys[i]!) changed = true;
  let values: Map<string, unknown> | undefined;
  for (const k of keys) {
    const s = sortKeys(o[k]);
    if (s !== o[k]) (values ??= new Map()).set(k, s);
  }
  if (!changed && !values) return v;
  const out: Record<string, unknown> = {};
  for (const k of keys.sort()) out[k] = values?.has(k) ? values.get(k) : o[k];
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
  const parts: string[] = [];
  const w = new BackupWriter((part) => parts.push(part), options);
  // Oldest saved first, ties by id: a restore numbers them as they arrive.
  w.list('articles', [...data.articles].sort(bySavedAt));
  w.list('highlights', data.highlights);
  w.end(data.sitePrefs);
  return parts;
}

/** The backup's lists, in the order they are written. */
const LISTS = ['articles', 'highlights', 'sitePrefs'] as const;
type ListKey = (typeof LISTS)[number];

/**
 * {@link serializeBackupParts} written as the rows come: the articles' rows
 * (which the caller gives oldest saved first), then the highlights', in as
 * many calls as the caller reads them in, then {@link end}. The parts go to
 * `emit` as they fill, so a library need never be in memory whole, neither
 * its rows nor its text.
 */
export class BackupWriter {
  private readonly pretty: boolean;
  private part: string[] = [];
  private length = 0;
  /** The list being written and its rows so far; the members written. */
  private open: { key: ListKey; rows: number } | undefined;
  private readonly done = new Set<string>();
  private members = 0;

  constructor(
    private readonly emit: (part: string) => void,
    options: SerializeOptions = {},
  ) {
    this.pretty = options.pretty !== false;
    const head = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: options.exportedAt ?? new Date().toISOString(),
    };
    this.write(this.pretty ? '{\n' : '{');
    for (const [k, v] of Object.entries(head)) this.member(k, JSON.stringify(v));
  }

  /**
   * Rows of a list (the articles', then the highlights', then the site
   * preferences'), after those given before. A list not given is written empty.
   */
  list(key: ListKey, rows: readonly unknown[]): void {
    if (this.open?.key !== key) {
      this.close();
      const at = LISTS.indexOf(key);
      if (LISTS.slice(at).some((k) => this.done.has(k)))
        throw new Error(`backup: the ${key} come after the lists before them`);
      for (const k of LISTS.slice(0, at)) if (!this.done.has(k)) this.member(k, '[]');
      this.open = { key, rows: 0 };
    }
    const pretty = this.pretty;
    for (const row of rows) {
      const text = JSON.stringify(sortKeys(row));
      const first = this.open.rows++ === 0;
      if (first) {
        this.separate();
        this.write(
          pretty ? `  ${JSON.stringify(key)}: [\n    ${text}` : `${JSON.stringify(key)}:[${text}`,
        );
      } else this.write(pretty ? `,\n    ${text}` : `,${text}`);
    }
  }

  /** Ends the text, with the site preferences when given; the last part goes to `emit`. */
  end(sitePrefs?: LibraryData['sitePrefs']): void {
    if (sitePrefs !== undefined) this.list('sitePrefs', sitePrefs);
    this.close();
    for (const key of ['articles', 'highlights'] as const)
      if (!this.done.has(key)) this.member(key, '[]');
    this.write(this.pretty ? '\n}\n' : '}\n');
    if (this.part.length > 0) this.emit(this.part.join(''));
    this.part = [];
  }

  /** A member of the top object: `"key": value`. */
  private member(key: string, value: string): void {
    this.separate();
    this.write(
      this.pretty ? `  ${JSON.stringify(key)}: ${value}` : `${JSON.stringify(key)}:${value}`,
    );
    this.done.add(key);
  }

  /** The comma before a member of the top object but the first. */
  private separate(): void {
    if (this.members++ > 0) this.write(this.pretty ? ',\n' : ',');
  }

  /** Closes the open list (a comma comes before the next member). */
  private close(): void {
    if (!this.open) return;
    if (this.open.rows === 0) this.member(this.open.key, '[]');
    else this.write(this.pretty ? '\n  ]' : ']');
    this.done.add(this.open.key);
    this.open = undefined;
  }

  private write(s: string): void {
    this.part.push(s);
    this.length += s.length;
    if (this.length < PART_CHARS) return;
    this.emit(this.part.join(''));
    this.part = [];
    this.length = 0;
  }
}
