/** Shared test data for storage, router and protocol tests. */
import { afterEach } from 'vitest';
import type { Highlight } from '@/lib/model';
import type { OutlineNode, Outline } from '@/lib/types';
import { libraryDb, type LibraryDb, type LibraryDbOptions } from '@/background/db/library-db';
import { GangmuDB, type SummaryRow } from '@/background/db/schema';
import { allPostings } from '@/background/storage/postings';
import type { ArticleDraft } from '@/protocol/messages';
import { allSummaries } from '@/background/storage/summaries';
import { createRouter, type Router, type RouterDeps } from '@/background/router';

export const ARTICLE_ID = 'https://www.news.cn/essay.html';

const node = (text: string, children: OutlineNode[] = []): OutlineNode => ({
  level: 1,
  kind: 'lead',
  marker: null,
  text,
  key: text,
  children,
  source: { block: 0, start: 0, end: text.length },
});

export function outline(points = 3): Outline {
  return {
    title: '论基层治理',
    subtitle: null,
    author: '张三',
    affiliation: null,
    conclusion: null,
    formulations: [],
    digest: [],
    nodes: [
      node(
        '一',
        Array.from({ length: points - 1 }, (_, i) => node(String(i))),
      ),
    ],
  };
}

export function draft(overrides: Partial<ArticleDraft> = {}): ArticleDraft {
  return {
    id: ARTICLE_ID,
    url: `${ARTICLE_ID}?utm_source=wx`,
    site: 'www.news.cn',
    title: '论基层治理',
    outline: outline(),
    tags: [],
    ...overrides,
  };
}

export function highlight(
  id: string,
  articleId = ARTICLE_ID,
  createdAt = '2025-01-01T00:00:00.000Z',
): Highlight {
  return {
    id,
    articleId,
    color: 'yellow',
    note: '',
    selectors: [{ kind: 'quote', exact: '绣花功夫', prefix: '', suffix: '' }],
    createdAt,
    updatedAt: createdAt,
  };
}

let n = 0;
/** A fresh database (fake-indexeddb, set up in vitest.config.ts) per test. */
export function freshDb(): GangmuDB {
  return new GangmuDB(`gangmu-test-${++n}-${Math.random().toString(36).slice(2)}`);
}

/** A clock that ticks one second per call from a fixed start. */
export function tickingClock(start = Date.UTC(2025, 0, 1)) {
  let t = start;
  return () => new Date((t += 1000)).toISOString();
}

/**
 * A fresh database per call, each deleted after the test that opened it
 * (registers the afterEach hook of the calling test file).
 */
export function useFreshDbs(): () => GangmuDB {
  let dbs: GangmuDB[] = [];
  afterEach(async () => {
    await Promise.all(dbs.map((d) => d.delete()));
    dbs = [];
  });
  return () => {
    const d = freshDb();
    dbs.push(d);
    return d;
  };
}

/** A library (db/library-db.ts) under a fresh base name, and its live database. */
export interface TestLibrary {
  library: LibraryDb;
  base: string;
  /** The live database now (a replace switches to a new one). */
  live(): Promise<GangmuDB>;
}

/** The live database of a library. */
export const liveDb = (library: LibraryDb): Promise<GangmuDB> =>
  library.use((db) => Promise.resolve(db));

/** The names of the databases of this base that exist. */
export async function databasesOf(base: string): Promise<string[]> {
  return (await indexedDB.databases())
    .map((d) => d.name ?? '')
    .filter((n) => n === base || n.startsWith(`${base}-`))
    .sort();
}

/** The libraries made by {@link libraryOver}, by base name (closed before they are dropped). */
const over = new Map<string, LibraryDb>();

/**
 * Deletes every database of a library: its generations and its pointer
 * (a library made by {@link libraryOver} is closed first).
 */
export async function dropLibrary(base: string): Promise<void> {
  await over.get(base)?.close();
  over.delete(base);
  for (const name of await databasesOf(base))
    await new Promise((resolve) => {
      const r = indexedDB.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = resolve;
    });
}

/**
 * A library whose first database is `db`, the object itself (a test may
 * patch its tables); a replace switches to new ones. Drop it with
 * {@link dropLibrary}(db.name).
 */
export function libraryOver(db: GangmuDB): LibraryDb {
  const library = libraryDb({
    base: db.name,
    create: (name) => (name === db.name ? db : new GangmuDB(name)),
  });
  over.set(db.name, library);
  return library;
}

/** The extension origin the test routers are made with. */
export const EXTENSION_ORIGIN = 'chrome-extension://gangmutest';
/** A request's sender: one of the extension's own pages (the library). */
export const FROM_EXTENSION = { url: `${EXTENSION_ORIGIN}/library.html` } as const;

/**
 * The background's router over a fresh database (its library's databases
 * dropped after each test of the calling file), with a ticking clock and no
 * badge or session; `deps` replaces any of those.
 */
export function useFreshRouters(): (deps?: Partial<RouterDeps>) => {
  router: Router;
  db: GangmuDB;
} {
  let made: GangmuDB[] = [];
  afterEach(async () => {
    for (const d of made) await dropLibrary(d.name);
    made = [];
  });
  return (deps = {}) => {
    const db = freshDb();
    made.push(db);
    const router = createRouter({
      library: libraryOver(db),
      badge: undefined,
      session: undefined,
      openLibrary: async () => {},
      clock: tickingClock(),
      extensionOrigin: EXTENSION_ORIGIN,
      ...deps,
    });
    return { router, db };
  };
}

/**
 * A fresh library per call, all its databases (generations and pointer)
 * deleted after the test that opened it.
 */
export function useFreshLibraries(): (options?: Omit<LibraryDbOptions, 'base'>) => TestLibrary {
  let opened: { base: string; library: LibraryDb }[] = [];
  afterEach(async () => {
    for (const { base, library } of opened) {
      await library.close();
      await dropLibrary(base);
    }
    opened = [];
  });
  return (options = {}) => {
    const base = `gangmu-test-${++n}-${Math.random().toString(36).slice(2)}`;
    const library = libraryDb({ ...options, base });
    opened.push({ base, library });
    return { library, base, live: () => liveDb(library) };
  };
}

/**
 * A library's databases whose `table` refuses every bulk put (a full disk)
 * once `disk.full` is set: pass `disk.create` as the library's `create`.
 */
export function diskFillingUp(table: 'articles' | 'highlightGroups') {
  const disk = {
    full: false,
    create: (name: string) => {
      const d = new GangmuDB(name);
      const t = d[table] as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> };
      const put = t.bulkPut.bind(t);
      t.bulkPut = (...args) =>
        disk.full ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : put(...args);
      return d;
    },
  };
  return disk;
}

/** Every stored summary (schema v7 keeps them in pages), by article id. */
export async function summariesById(db: GangmuDB): Promise<SummaryRow[]> {
  return (await allSummaries(db)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every table's raw rows (docs, posting lists and summary pages included), in
 * primary-key order, and every summary by article id.
 */
export async function dumpLibrary(db: GangmuDB) {
  return {
    articles: await db.articles.toArray(),
    articleTexts: await db.articleTexts.toArray(),
    highlightGroups: await db.highlightGroups.toArray(),
    sitePrefs: await db.sitePrefs.toArray(),
    summaries: await summariesById(db),
    summaryPages: await db.summaryPages.toArray(),
    // The lists as search reads them, whether in rows or pages.
    postings: await allPostings(db),
  };
}

/** Every stored highlight (schema v5 keeps them in one group row per article), by article id. */
export async function allHighlights(db: GangmuDB): Promise<Highlight[]> {
  return (await db.highlightGroups.toArray()).flatMap((g) => g.highlights);
}

/** A stored highlight by its id, wherever its group is. */
export async function highlightById(db: GangmuDB, id: string): Promise<Highlight | undefined> {
  return (await allHighlights(db)).find((h) => h.id === id);
}
