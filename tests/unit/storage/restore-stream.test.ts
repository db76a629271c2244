/**
 * The restore that writes as the file is read (background/storage/restore-stream.ts)
 * must leave exactly the library the whole-text restore leaves, refuse exactly
 * what it refuses with the same message, and change nothing when it fails.
 */
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '@/lib/backup';
import type { Article } from '@/lib/model';
import { GangmuDB } from '@/background/db/schema';
import { importBackup } from '@/background/storage/backup';
import { StorageError } from '@/background/storage/errors';
import {
  restoreStreaming,
  type OpenText,
  type ReadText,
} from '@/background/storage/restore-stream';
import { search } from '@/background/storage/search';
import { makeLibrary, rng } from '../backup/library-fixture';
import {
  databasesOf,
  diskFillingUp,
  dumpLibrary,
  useFreshLibraries,
  type TestLibrary,
} from './fixtures';
import { expectIndexed } from './index-check';

const open = useFreshLibraries();

/** `text` in pieces of random length (1 to `max` characters), as a file arrives. */
function pieces(text: string, seed = 1, max = 4000): ReadText {
  const r = rng(seed);
  let at = 0;
  return () => {
    if (at >= text.length) return Promise.resolve(undefined);
    const n = 1 + Math.floor(r() * max);
    const piece = text.slice(at, at + n);
    at += n;
    return Promise.resolve(piece);
  };
}

/** A library of 2,500 articles (some saved at the same moment) and 4,000 highlights, with site preferences. */
function library() {
  const { articles, highlights } = makeLibrary(2500, 4000);
  // Ties in saved time: their docs follow their ids.
  for (let i = 0; i < articles.length; i += 7)
    articles[i] = { ...articles[i]!, savedAt: articles[0]!.savedAt };
  const sitePrefs = [{ site: 'news.example.cn', alwaysOpen: true, width: 400 }];
  return { articles, highlights, sitePrefs };
}

/** What the whole-text restore leaves for `text` (or the error it gives). */
async function byText(text: string) {
  const lib = open();
  try {
    const stats = await importBackup(lib.library, text, 'replace');
    return { stats, rows: await dumpLibrary(await lib.live()) };
  } catch (error) {
    return { error };
  }
}

/** Runs the streamed restore of `text` over a library holding one article, and what it leaves. */
async function byStream(text: string, source: OpenText = () => pieces(text)) {
  const lib = open();
  const before = await seedOne(lib);
  try {
    const stats = await restoreStreaming(lib.library, source);
    return { stats, rows: await dumpLibrary(await lib.live()), lib, before };
  } catch (error) {
    return { error, lib, before };
  }
}

/** Fills `lib` with one article and its highlight; what it then holds. */
async function seedOne(lib: TestLibrary) {
  await importBackup(lib.library, serializeBackup(makeLibrary(1, 1)), 'replace');
  const live = await lib.live();
  return { name: live.name, rows: await dumpLibrary(live) };
}

/** The library is exactly as before and no other database of it is left. */
async function unchanged(out: { lib: TestLibrary; before: Awaited<ReturnType<typeof seedOne>> }) {
  const live = await out.lib.live();
  expect(live.name).toBe(out.before.name);
  expect(await dumpLibrary(live)).toEqual(out.before.rows);
  expect(await databasesOf(out.lib.base)).toEqual([out.before.name, `${out.lib.base}-live`].sort());
}

/**
 * The rows of `table` in the library's databases (a replace under way: in
 * its new one), once some are there: the read that asks waits (up to 2 s),
 * giving the parts put so far their turns to commit.
 */
async function heldSoFar(lib: TestLibrary, table: 'articles' | 'highlightGroups') {
  for (const started = Date.now(); ;) {
    let n = 0;
    for (const name of await databasesOf(lib.base)) {
      if (name.endsWith('-live')) continue;
      const db = new GangmuDB(name);
      n = Math.max(n, await db[table].count());
      db.close();
    }
    if (n > 0 || Date.now() - started > 2000) return n;
    await new Promise((done) => setTimeout(done, 25));
  }
}

/**
 * Restores `text` (replace) into `lib`, read in pieces; once the read has
 * passed `share` of the text, but not its end, looks how many rows `table`
 * holds already ({@link heldSoFar}) and gives that.
 */
async function restoreLooking(
  lib: TestLibrary,
  text: string,
  seed: number,
  share: number,
  table: 'articles' | 'highlightGroups',
): Promise<number> {
  const read = pieces(text, seed, 20_000);
  let seen = 0;
  let held = 0;
  await restoreStreaming(lib.library, () => async () => {
    const piece = await read();
    seen += piece?.length ?? 0;
    if (held === 0 && seen > text.length * share && piece !== undefined)
      held = await heldSoFar(lib, table);
    return piece;
  });
  return held;
}

/**
 * Two restores of 2,500 articles and a full comparison take 3–4.5 s alone in
 * fake-indexeddb, more beside the other test files: more than Vitest's 5 s default.
 */
const LIBRARY_SIZED = { timeout: 30_000 };

describe('restore as the file is read', () => {
  it(
    'leaves exactly the library the whole-text restore leaves: rows, docs, summaries, posting lists',
    LIBRARY_SIZED,
    async () => {
      const text = serializeBackup(library());
      const stream = await byStream(text);
      const whole = await byText(text);
      expect(stream.error).toBeUndefined();
      expect(stream.stats).toEqual(whole.stats);
      expect(stream.rows).toEqual(whole.rows);
      const db = await stream.lib.live();
      await expectIndexed(db);
      expect((await search(db, '文章2499')).map((r) => r.articleId)).toContain(
        'https://news.example.cn/a/2499',
      );
    },
  );

  it('writes articles before the file has been read whole', async () => {
    const text = serializeBackup(library(), { pretty: false });
    const lib = open();
    // Past the articles, before the end: the new database already holds some.
    expect(await restoreLooking(lib, text, 2, 0.8, 'articles')).toBeGreaterThan(0);
    expect((await dumpLibrary(await lib.live())).articles).toHaveLength(2500);
  });

  it(
    'puts highlight groups as the file moves on, when it holds them group by group (as the extension writes them)',
    LIBRARY_SIZED,
    async () => {
      const lib0 = library();
      // The extension's layout: each article's highlights together; a few stragglers after.
      const byArticle = [...lib0.highlights].sort((a, b) =>
        a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0,
      );
      const stray = byArticle.splice(100, 3);
      const text = serializeBackup(
        { ...lib0, highlights: [...byArticle, ...stray] },
        { pretty: false },
      );
      const lib = open();
      expect(await restoreLooking(lib, text, 3, 0.95, 'highlightGroups')).toBeGreaterThan(0);
      const whole = await byText(text);
      expect(await dumpLibrary(await lib.live())).toEqual(whole.rows);
      await expectIndexed(await lib.live());
      // The stragglers joined their groups.
      const db = await lib.live();
      for (const h of stray)
        expect((await db.highlightGroups.get(h.articleId))?.highlights.map((x) => x.id)).toContain(
          h.id,
        );
    },
  );

  it.each([
    [
      'written on one line',
      (l: ReturnType<typeof library>) => serializeBackup(l, { pretty: false }),
    ],
    [
      'articles not in saved order (an older backup)',
      (l: ReturnType<typeof library>) =>
        JSON.stringify({ ...JSON.parse(serializeBackup(l)), articles: l.articles }),
    ],
    [
      'the lists before the format',
      (l: ReturnType<typeof library>) => {
        const { format, version, exportedAt, ...rest } = JSON.parse(serializeBackup(l)) as Record<
          string,
          unknown
        >;
        return JSON.stringify({ ...rest, format, version, exportedAt });
      },
    ],
    [
      'highlights before articles, and fields it does not know',
      (l: ReturnType<typeof library>) => {
        const b = JSON.parse(serializeBackup(l)) as Record<string, unknown>;
        return JSON.stringify({
          format: b.format,
          version: b.version,
          exportedAt: b.exportedAt,
          note: '手工编辑',
          highlights: b.highlights,
          articles: b.articles,
        });
      },
    ],
    ['with a BOM', (l: ReturnType<typeof library>) => '\uFEFF' + serializeBackup(l)],
  ])(
    'a file %s gives the same library as the whole-text restore',
    async (_, make) => {
      const text = make(library());
      const stream = await byStream(text);
      expect(stream.error).toBeUndefined();
      expect(stream.rows).toEqual((await byText(text)).rows);
    },
    LIBRARY_SIZED.timeout,
  );

  const bad: [string, (l: ReturnType<typeof library>) => string][] = [
    [
      'an invalid article late in the file',
      (l) =>
        serializeBackup({
          ...l,
          articles: l.articles.map((a, i) => (i === 2000 ? { ...a, savedAt: '昨天' } : a)),
        }),
    ],
    [
      'a repeated article',
      (l) =>
        serializeBackup({
          ...l,
          articles: [...l.articles, { ...l.articles[3]!, savedAt: '2099-01-01T00:00:00.000Z' }],
        }),
    ],
    [
      'a highlight of no article',
      (l) =>
        serializeBackup({
          ...l,
          highlights: [
            ...l.highlights,
            { ...l.highlights[0]!, id: 'x', articleId: 'https://gone/' },
          ],
        }),
    ],
    ['a cut-off file', (l) => serializeBackup(l).slice(0, -2000)],
    ['a newer version', (l) => serializeBackup(l).replace(/"version": \d+/, '"version": 999')],
    ['a foreign file', () => JSON.stringify({ format: 'other', articles: [] })],
    ['HTML', () => '<!doctype html><title>x</title>'],
    ['bad site preferences', (l) => serializeBackup({ ...l, sitePrefs: [{ site: '' }] as never })],
    [
      'site preferences with a width of 1e9',
      (l) => serializeBackup({ ...l, sitePrefs: [{ site: 'a.cn', width: 1e9 }] }),
    ],
    [
      'a highlight coloured "red" late in the file',
      (l) =>
        serializeBackup({
          ...l,
          highlights: l.highlights.map((h, i) =>
            i === 3500 ? { ...h, color: 'red' as never } : h,
          ),
        }),
    ],
    [
      'an article with a field the schema does not have',
      (l) =>
        serializeBackup({
          ...l,
          articles: l.articles.map((a, i) => (i === 1500 ? { ...a, starred: true } : a)),
        }),
    ],
  ];
  it.each(bad)('refuses %s as the whole-text restore does, changing nothing', async (_, make) => {
    const text = make(library());
    const whole = await byText(text);
    expect(whole.error).toBeInstanceOf(StorageError);
    const stream = await byStream(text);
    expect(stream.error).toBeInstanceOf(StorageError);
    expect((stream.error as StorageError).code).toBe((whole.error as StorageError).code);
    expect((stream.error as StorageError).message).toBe((whole.error as StorageError).message);
    await unchanged(stream);
  });

  it('a read that fails half-way rejects with its error and changes nothing', async () => {
    const text = serializeBackup(library());
    const read = pieces(text, 3);
    let given = 0;
    const failure = new StorageError(
      'not-found',
      'The backup file could not be read; nothing changed.',
    );
    const out = await byStream(text, () => async () => {
      given += 1;
      if (given === 200) throw failure;
      return read();
    });
    expect(out.error).toBe(failure);
    await unchanged(out);
  });

  it('a write that fails (a full disk) rejects and changes nothing', async () => {
    const text = serializeBackup(library());
    const disk = diskFillingUp('articles');
    const lib = open({ create: disk.create });
    const before = await seedOne(lib);
    disk.full = true;
    await expect(restoreStreaming(lib.library, () => pieces(text))).rejects.toThrow();
    await unchanged({ lib, before });
  });

  it('numbers articles saved at the same moment by id, as a whole restore does', async () => {
    const l = library();
    const text = serializeBackup(l);
    const stream = await byStream(text);
    const docs = new Map((stream.rows?.articles ?? []).map((a) => [a.id, a.doc]));
    const sorted = [...l.articles].sort((a: Article, b: Article) =>
      a.savedAt !== b.savedAt ? (a.savedAt < b.savedAt ? -1 : 1) : a.id < b.id ? -1 : 1,
    );
    expect(sorted.map((a) => docs.get(a.id))).toEqual(sorted.map((_, i) => i + 1));
  });
});
