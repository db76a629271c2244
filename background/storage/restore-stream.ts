/**
 * A restore that replaces the library, written as the file is read. The
 * whole-text path (backup.ts importBackup) reads 180 MB, parses it and only
 * then starts writing: 3–4 s in which IndexedDB, the slowest part, waits.
 * Here the articles, then the highlights' groups, go to the new database in
 * parts while the rest of the file is still arriving.
 *
 * It takes only files in the layout {@link serializeBackup} writes: format,
 * version and date first, then the articles oldest saved first (the order
 * their docs follow), then the highlights, then the site preferences. Any
 * other file, and any file with a problem, is handed whole to the text path,
 * which accepts what it always did and gives its own message for a bad file:
 * this path changes what is fast, never what is accepted or said. Its writes
 * go to the replace's new database, which is deleted when it gives up.
 */
import { BackupChecker } from '../../lib/backup/index.ts';
import { JsonStreamError, TopLevelSplitter } from '../../lib/backup/json-stream.ts';
import { bySavedAt, type Article, type Highlight } from '../../lib/model.ts';
import type { LibraryDb } from '../db/library-db.ts';
import type { GangmuDB, SitePrefsRow } from '../db/schema.ts';
import type { ImportStats } from '../../protocol/messages.ts';
import { importBackup } from './backup.ts';
import { FreshFill, issued } from './postings.ts';
import { freshSummaryPages, summariesOf } from './summaries.ts';

/** The next piece of the file's text; undefined once it has all been given. */
export type ReadText = () => Promise<string | undefined>;

/** Articles put per transaction while the file is read (about 4 MB). */
const ARTICLE_PART = 1000;
/** Highlights put per transaction (their groups) while the file is read (about 1 MB). */
const HIGHLIGHT_PART = 2000;

/** The longest the file is read without the task ending (other requests wait for it to end). */
const TASK_MS = 100;

/** The file is not one this path takes: the text path reads it. */
class NotStreamable extends Error {}

const HEAD_KEYS = new Set(['format', 'version', 'exportedAt']);
const KNOWN_KEYS = new Set([...HEAD_KEYS, 'articles', 'highlights', 'sitePrefs']);

/** Reads the file from its start: each call gives a new reader. */
export type OpenText = () => ReadText;

/**
 * Replaces the library with the backup that `open` reads. Rejects like
 * {@link importBackup} in replace mode, with the same messages, and like it
 * changes nothing when it fails. The text is not kept as it streams (180 MB
 * of strings the worker would carry): when this path gives up, the file is
 * read again, whole, for the text path.
 */
export async function restoreStreaming(library: LibraryDb, open: OpenText): Promise<ImportStats> {
  try {
    return await library.replace((db) => fill(db, open()));
  } catch (caught) {
    if (!(caught instanceof NotStreamable)) throw caught;
  }
  const read = open();
  const parts: string[] = [];
  for (let part = await read(); part !== undefined; part = await read()) parts.push(part);
  return importBackup(library, parts.join(''), 'replace');
}

/** Lets the current task end (the articles' transactions then commit while the file is read). */
const nextTask = () => new Promise((done) => setTimeout(done, 0));

/** Writes the file into the replace's new (empty) database as it arrives. */
async function fill(db: GangmuDB, read: ReadText): Promise<ImportStats> {
  const refuse = (): never => {
    throw new NotStreamable();
  };
  const check = new BackupChecker();
  const fresh = new FreshFill();
  const head: Record<string, unknown> = {};
  // Where the file is; the splitter's calls move it on.
  let stage = 'head' as 'head' | 'articles' | 'between' | 'highlights' | 'tail';
  let part: Article[] = [];
  let last: Article | undefined;
  const highlights: Highlight[] = [];
  // Highlights are put as their articles' groups once the file has moved on to another
  // article's (the extension writes them group by group). A highlight of an article
  // whose group was closed (a file in another order) is kept to the end and added then.
  let group: string | undefined;
  const closed = new Set<string>();
  let grouped: Highlight[] = [];
  const late: Highlight[] = [];
  let sitePrefs: unknown;
  // Rows put since the task last ended.
  let waiting = false;
  const put = () => {
    fresh.articles(db, part);
    part = [];
    waiting = true;
  };
  const putGroups = () => {
    fresh.highlights(db, grouped);
    grouped = [];
    waiting = true;
  };
  const take = (h: Highlight) => {
    highlights.push(h);
    if (closed.has(h.articleId)) {
      late.push(h);
      return;
    }
    if (h.articleId !== group) {
      if (group !== undefined) closed.add(group);
      // Only closed groups are waiting: put them.
      if (grouped.length >= HIGHLIGHT_PART) putGroups();
      group = h.articleId;
    }
    grouped.push(h);
  };
  const enter = (list: 'articles' | 'highlights') => {
    if (list === 'articles' && stage === 'head') stage = check.head(head) ? refuse() : 'articles';
    if (list === 'highlights' && stage === 'between') stage = 'highlights';
    if (stage !== list) refuse();
  };
  const splitter = new TopLevelSplitter(['articles', 'highlights'], {
    member(key, value) {
      if (stage === 'head' && HEAD_KEYS.has(key)) head[key] = value;
      else if (stage === 'tail' && key === 'sitePrefs') sitePrefs = value;
      else if (KNOWN_KEYS.has(key)) refuse();
      // Other keys are ignored, as by parseBackup.
    },
    item(list, value, i) {
      enter(list as 'articles' | 'highlights');
      if (list === 'articles') {
        if (check.article(value, i)) refuse();
        const a = value as Article;
        if (last && bySavedAt(last, a) >= 0) refuse();
        last = a;
        part.push(a);
        if (part.length >= ARTICLE_PART) put();
      } else {
        if (check.highlight(value, i)) refuse();
        take(value as Highlight);
      }
    },
    listEnd(list) {
      enter(list as 'articles' | 'highlights');
      if (list === 'articles') put();
      stage = list === 'articles' ? 'between' : 'tail';
    },
  });
  let ended = performance.now();
  try {
    for (let text = await read(); text !== undefined; text = await read()) {
      splitter.push(text);
      // A transaction commits only once the task that made it ends; a read
      // from a buffered stream never ends it. Nor is any other request (the
      // page asking how far the restore has come) answered until one ends.
      if (waiting || performance.now() - ended > TASK_MS) {
        await nextTask();
        ended = performance.now();
      }
      waiting = false;
    }
    splitter.end();
  } catch (caught) {
    if (caught instanceof JsonStreamError) refuse();
    throw caught;
  }
  if (stage !== 'tail' || check.sitePrefs(sitePrefs)) refuse();
  // The articles' puts are their own transactions, before this one.
  await db.transaction(
    'rw',
    [db.highlightGroups, db.searchMarks, db.summaryPages, db.postingPages, db.sitePrefs],
    async () => {
      const prefs = issued(db.sitePrefs.bulkPut((sitePrefs ?? []) as SitePrefsRow[]));
      const summaries = issued(
        db.summaryPages.bulkPut(freshSummaryPages(summariesOf(fresh.rows, highlights))),
      );
      await fresh.finish(db, [...grouped, ...late]);
      await summaries;
      await prefs;
    },
  );
  await fresh.written();
  return {
    articlesAdded: fresh.rows.length,
    articlesUpdated: 0,
    articlesKept: 0,
    highlightsAdded: highlights.length,
    highlightsUpdated: 0,
    highlightsKept: 0,
  };
}
