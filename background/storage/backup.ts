/**
 * The whole library as a backup file (lib/backup), and its import. Doc
 * numbers, posting lists and summaries are derived data: they are left out of
 * the file and recomputed on import, so backup → wipe → restore gives back
 * identical rows.
 */
import {
  BackupWriter,
  mergeBackup,
  parseBackup,
  serializeBackup,
  type Backup,
  type LibraryData,
  type MergeMode,
  type MergePlan,
} from '../../lib/backup/index.ts';
import { bySavedAt, type Article, type Highlight } from '../../lib/model.ts';
import type { LibraryDb } from '../db/library-db.ts';
import type { ArticleRow, GangmuDB, HighlightGroupRow, SitePrefsRow } from '../db/schema.ts';
import type { Table } from 'dexie';
import type { BackupRows, BackupTable, ImportStats, Progress } from '../../protocol/messages.ts';
import { writeTables } from './articles.ts';
import { highlightsByArticle } from './by-article.ts';
import { StorageError } from './errors.ts';
import { issued, putAllFresh, putArticles, putHighlights } from './postings.ts';
import { freshSummaryPages, refreshSummaries, summariesOf } from './summaries.ts';
import { stripTerms } from './terms.ts';
import { joinTexts, withTexts, type ArticleTextsRow } from './texts.ts';

/**
 * Every table's rows without docs, in key order (highlights by article id,
 * then in creation order), so the same library gives the same file. Articles
 * with their texts (schema v10 stores them apart, in the same key order).
 */
async function readLibrary(db: GangmuDB): Promise<Required<LibraryData>> {
  const tables = [db.articles, db.articleTexts, db.highlightGroups, db.sitePrefs];
  return db.transaction('r', tables, async () => {
    const [rows, texts] = await Promise.all([db.articles.toArray(), db.articleTexts.toArray()]);
    return {
      articles: joinSorted(rows.map(stripTerms), texts),
      highlights: (await db.highlightGroups.toArray()).flatMap((g) => g.highlights),
      // Site preferences are flat JSON (booleans and a number): lib/backup's SitePrefsRow.
      sitePrefs: (await db.sitePrefs.toArray()) as unknown as Required<LibraryData>['sitePrefs'],
    };
  });
}

/**
 * Articles joined with their texts, both read whole in key order: one pass,
 * no lookup per article (a texts row without its article, which no write
 * leaves, is skipped).
 */
function joinSorted(rows: Article[], texts: readonly ArticleTextsRow[]): Article[] {
  let t = 0;
  return rows.map((row) => {
    while (t < texts.length && texts[t]!.id < row.id) t++;
    return texts[t]?.id === row.id ? withTexts(row, texts[t++]) : row;
  });
}

/**
 * The stored rows an import of `incoming` must compare with (lib/backup
 * mergeBackup looks only at rows with the same ids, and at the sites of the
 * stored site preferences): read by key, not the whole library.
 */
async function storedCounterparts(
  db: GangmuDB,
  incoming: { articles: Article[]; highlights: Highlight[] },
): Promise<Required<LibraryData>> {
  const present = <T>(rows: (T | undefined)[]) => rows.filter((r): r is T => r !== undefined);
  const ids = new Set(incoming.highlights.map((h) => h.id));
  const stored = await highlightsByArticle(db, [
    ...new Set(incoming.highlights.map((h) => h.articleId)),
  ]);
  const rows = present(await db.articles.bulkGet(incoming.articles.map((a) => a.id)));
  return {
    // With their texts: a newer row without them keeps the stored ones (lib/backup mergeBackup).
    articles: await joinTexts(db.articleTexts, rows.map(stripTerms)),
    highlights: stored.filter((h) => ids.has(h.id)),
    sitePrefs: (await db.sitePrefs.toArray()) as unknown as Required<LibraryData>['sitePrefs'],
  };
}

/** The articles an import wrote or gave highlights to (their summaries change). */
const touchedIds = (plan: MergePlan): string[] => [
  ...new Set([...plan.articles.map((a) => a.id), ...plan.highlights.map((h) => h.articleId)]),
];

/**
 * One page of a table as a backup holds it (docs stripped), in key order: the
 * rows after the key `after`, at most `limit` rows — for highlights, the
 * highlights of at most `limit` articles after the article id `after`. The
 * pages of each table, concatenated until an empty one, are exactly what
 * {@link exportBackup} writes.
 */
export async function exportBackupRows(
  db: GangmuDB,
  table: BackupTable,
  after: string | undefined,
  limit: number,
): Promise<BackupRows> {
  const name = table === 'highlights' ? 'highlightGroups' : table;
  const t = db[name] as unknown as Table<Record<string, unknown>, string>;
  return db.transaction('r', t, db.articleTexts, async () => {
    const from = after === undefined ? t.orderBy(':id') : t.where(':id').above(after);
    const rows = await from.limit(limit).toArray();
    if (table === 'highlights')
      return (rows as unknown as HighlightGroupRow[]).flatMap((g) => g.highlights);
    if (table === 'sitePrefs') return rows as BackupRows;
    return joinTexts(db.articleTexts, (rows as unknown as ArticleRow[]).map(stripTerms));
  });
}

/** The whole library as backup JSON text. */
export async function exportBackup(db: GangmuDB, exportedAt?: string): Promise<string> {
  return serializeBackup(await readLibrary(db), exportedAt ? { exportedAt } : {});
}

/** Rows read per step of {@link streamBackup}: articles (with their texts), or highlight groups. */
const STREAM_ROWS = 256;

/**
 * {@link exportBackup}'s text in parts of about a million characters, each
 * handed to `emit` as it is written (lib/backup BackupWriter), read in one
 * transaction a step at a time: the article rows first (sorted by saved
 * date), then their texts and the highlight groups {@link STREAM_ROWS} at a
 * time, the next step's read under way while this one is written. Reading
 * the whole library first held it all in memory as objects: in the library
 * bench 250 MB of text, and garbage collection was a quarter of the backup.
 * `progress` hears the rows written of those to write, after each step.
 */
export async function streamBackup(
  db: GangmuDB,
  emit: (part: string) => void,
  exportedAt?: string,
  progress: (p: Progress) => void = () => undefined,
): Promise<void> {
  const w = new BackupWriter(emit, exportedAt ? { exportedAt } : {});
  const tables = [db.articles, db.articleTexts, db.highlightGroups, db.sitePrefs];
  await db.transaction('r', tables, async () => {
    const groupCount = db.highlightGroups.count();
    const rows = (await db.articles.toArray()).map(stripTerms).sort(bySavedAt) as Article[];
    const total = rows.length + (await groupCount);
    let done = 0;
    const step = (n: number) => progress({ done: (done += n), total });
    step(0);
    const texts = (from: number) =>
      db.articleTexts.bulkGet(rows.slice(from, from + STREAM_ROWS).map((r) => r.id));
    let next = texts(0);
    for (let from = 0; from < rows.length; from += STREAM_ROWS) {
      const got = await next;
      if (from + STREAM_ROWS < rows.length) next = texts(from + STREAM_ROWS);
      w.list(
        'articles',
        got.map((t, i) => withTexts(rows[from + i]!, t)),
      );
      step(got.length);
    }
    const groups = (after?: string) =>
      (after === undefined
        ? db.highlightGroups.orderBy(':id')
        : db.highlightGroups.where(':id').above(after)
      )
        .limit(STREAM_ROWS)
        .toArray();
    for (let page = groups(); ;) {
      const got = await page;
      if (got.length === STREAM_ROWS) page = groups(got[got.length - 1]!.articleId);
      w.list(
        'highlights',
        got.flatMap((g) => g.highlights),
      );
      step(got.length);
      if (got.length < STREAM_ROWS) break;
    }
    // Site preferences are flat JSON (booleans and a number): lib/backup's SitePrefsRow.
    w.end((await db.sitePrefs.toArray()) as unknown as Required<LibraryData>['sitePrefs']);
  });
}

/**
 * Imports backup text. The file is parsed and every row checked first; a
 * bad, foreign or newer file throws a {@link StorageError} with the parser's
 * kind and message before anything is written. The plan (lib/backup
 * mergeBackup) is then written in ONE read-write transaction: it lands whole
 * or, if it fails (a full disk), not at all. A replace writes it into a new
 * database that becomes the live one only once written (db/library-db.ts):
 * nothing is cleared, and a replace that fails leaves the library as it was.
 */
export async function importBackup(
  library: LibraryDb,
  text: string,
  mode: MergeMode,
): Promise<ImportStats> {
  const parsed = parseBackup(text);
  if (!parsed.ok)
    throw new StorageError(parsed.error.kind, parsed.error.message, { cause: parsed.error });
  const backup = parsed.value;
  const write = (db: GangmuDB) =>
    db.transaction(
      'rw',
      [...writeTables(db), db.sitePrefs],
      // An async scope: Dexie keeps the transaction alive across its native awaits.
      async () => writeBackup(db, backup, mode),
    );
  return mode === 'replace' ? library.replace(write) : library.use(write);
}

/** Writes a checked backup's plan; inside a transaction over every table (a replace's new database is empty). */
async function writeBackup(db: GangmuDB, backup: Backup, mode: MergeMode): Promise<ImportStats> {
  // Docs and terms are recomputed, never taken from a file.
  const articles = backup.articles.map(stripTerms);
  const highlights = backup.highlights.map(stripTerms);
  // Replace keeps nothing of what is stored: no need to read it.
  const existing: Required<LibraryData> =
    mode === 'replace'
      ? { articles: [], highlights: [], sitePrefs: [] }
      : await storedCounterparts(db, { articles, highlights });
  const plan = mergeBackup(
    existing,
    {
      articles,
      highlights,
      ...(backup.sitePrefs ? { sitePrefs: backup.sitePrefs } : {}),
    },
    mode,
  );
  // Put first, awaited last: IndexedDB writes them while the rest is worked out.
  const sitePrefs = issued(db.sitePrefs.bulkPut(plan.sitePrefs as unknown as SitePrefsRow[]));
  if (plan.clear) {
    const summaries = issued(
      db.summaryPages.bulkPut(freshSummaryPages(summariesOf(plan.articles, plan.highlights))),
    );
    // Into empty tables the posting lists are built in memory and written once, nothing read.
    await putAllFresh(db, plan.articles, plan.highlights);
    await summaries;
  } else {
    await putArticles(db, plan.articles);
    await putHighlights(db, plan.highlights);
    await refreshSummaries(db, touchedIds(plan));
  }
  await sitePrefs;
  return plan.stats;
}
