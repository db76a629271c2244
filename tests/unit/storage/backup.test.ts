import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, serializeBackup } from '@/lib/backup';
import { makeLibrary } from '../backup/library-fixture';
import { GangmuDB } from '@/background/db/schema';
import { deleteArticle, saveArticle } from '@/background/storage/articles';
import { exportBackup, importBackup, streamBackup } from '@/background/storage/backup';
import { readPostings } from '@/background/storage/postings';
import { StorageError } from '@/background/storage/errors';
import { putHighlight, updateNote } from '@/background/storage/highlights';
import { search } from '@/background/storage/search';
import { setSitePrefs } from '@/background/storage/site-prefs';
import {
  ARTICLE_ID,
  databasesOf,
  diskFillingUp,
  draft,
  dumpLibrary as dump,
  highlight,
  highlightById,
  summariesById,
  tickingClock,
  useFreshLibraries,
} from './fixtures';
import { expectIndexed } from './index-check';
import { BAD_ARTICLES, BAD_HIGHLIGHTS, BAD_SITE_PREFS, breakBackup } from '../backup/bad-rows';

const open = useFreshLibraries();

const OTHER = 'https://e.com/2';

async function seed(db: GangmuDB) {
  const clock = tickingClock();
  await saveArticle(db, draft({ tags: ['治理'] }), clock);
  await saveArticle(
    db,
    draft({ id: OTHER, url: OTHER, title: '时间序列分析', site: 'e.com' }),
    clock,
  );
  await putHighlight(db, { ...highlight('h1'), note: '默认设置' }, draft(), clock);
  await putHighlight(
    db,
    { ...highlight('h2', OTHER), color: 'green' },
    draft({ id: OTHER }),
    clock,
  );
  await setSitePrefs(db, 'www.news.cn', { alwaysOpen: true, width: 420 });
}

/** Expects `promise` to fail as a StorageError of `code` whose message matches `message`. */
async function refused(promise: Promise<unknown>, code: string, message: RegExp) {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  expect((err as StorageError).code).toBe(code);
  expect((err as StorageError).message).toMatch(message);
}

describe('backup', () => {
  it('backup → wipe → restore gives an identical library, docs and postings included', async () => {
    const lib = open();
    let db = await lib.live();
    await seed(db);
    const before = await dump(db);
    const text = await exportBackup(db, '2025-02-01T00:00:00.000Z');
    expect(text).not.toContain('"terms"');
    expect(text).not.toContain('"doc"');
    expect(JSON.parse(text)).toMatchObject({ format: 'gangmu-backup', version: BACKUP_VERSION });
    await Promise.all([
      db.articles.clear(),
      db.highlightGroups.clear(),
      db.sitePrefs.clear(),
      db.postingShards.clear(),
      db.postingPages.clear(),
    ]);
    expect(await db.articles.count()).toBe(0);
    expect(await importBackup(lib.library, text, 'replace')).toMatchObject({
      articlesAdded: 2,
      highlightsAdded: 2,
    });
    db = await lib.live();
    expect(await dump(db)).toEqual(before);
    expect((await search(db, '时间序列')).map((r) => r.articleId)).toEqual([OTHER]);
    // The same library gives the same file.
    expect(await exportBackup(db, '2025-02-01T00:00:00.000Z')).toBe(text);
  });

  it('streams the same text as the whole backup, a step of rows at a time', async () => {
    const lib = open();
    const data = makeLibrary(700, 1400);
    // Texts on some articles, stored apart (schema v10) and joined back in saved order.
    data.articles.forEach((a, i) => {
      if (i % 3 === 0) a.text = { blocks: [{ kind: 'paragraph', text: `正文${i}。` }] };
      if (i % 7 === 0) a.sourceText = `粘贴${i}`;
    });
    await importBackup(lib.library, serializeBackup({ ...data, sitePrefs: [] }), 'merge');
    const db = await lib.live();
    await setSitePrefs(db, 'www.news.cn', { alwaysOpen: true, width: 420 });
    const AT = '2025-02-01T00:00:00.000Z';
    const parts: string[] = [];
    const progress: { done: number; total: number; parts: number }[] = [];
    await streamBackup(
      db,
      (part) => parts.push(part),
      AT,
      (p) => progress.push({ ...p, parts: parts.length }),
    );
    const whole = await exportBackup(db, AT);
    expect(parts.join('')).toBe(whole);
    // Rows written of every article and highlight group, from none to all, step by step.
    const total = 700 + (await db.highlightGroups.count());
    expect(progress[0]).toEqual({ done: 0, total, parts: 0 });
    expect(progress.at(-1)).toMatchObject({ done: total, total });
    expect(progress.length).toBeGreaterThan(4);
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.done).toBeGreaterThan(progress[i - 1]!.done);
    expect(JSON.parse(whole)).toMatchObject({
      articles: { length: 700 },
      highlights: { length: 1400 },
    });
  });

  it('streams an empty library, and exactly a step of groups, as the whole backup', async () => {
    const AT = '2025-02-01T00:00:00.000Z';
    const streamed = async (db: GangmuDB) => {
      const parts: string[] = [];
      await streamBackup(db, (part) => parts.push(part), AT);
      return parts.join('');
    };
    const empty = await open().live();
    expect(await streamed(empty)).toBe(await exportBackup(empty, AT));
    // 256 articles with a highlight each: the groups fill one step exactly.
    const lib = open();
    await importBackup(lib.library, serializeBackup(makeLibrary(256, 256)), 'merge');
    const db = await lib.live();
    expect(await db.highlightGroups.count()).toBe(256);
    expect(await streamed(db)).toBe(await exportBackup(db, AT));
  });

  it('restores into a fresh database identically', async () => {
    const a = await open().live();
    await seed(a);
    const b = open();
    await importBackup(b.library, await exportBackup(a), 'merge');
    expect(await dump(await b.live())).toEqual(await dump(a));
  });

  it('replace drops what the backup does not hold; merge keeps it and takes only newer rows', async () => {
    const lib = open();
    let db = await lib.live();
    await seed(db);
    const text = await exportBackup(db);
    const clock = tickingClock(Date.UTC(2026, 0, 1));
    await updateNote(db, ARTICLE_ID, 'h1', '新的笔记', undefined, clock); // newer than the backup
    await saveArticle(
      db,
      draft({ id: 'https://new/', url: 'https://new/', title: '新文章' }),
      clock,
    );
    await deleteArticle(db, OTHER);

    const mergedLib = open();
    await importBackup(mergedLib.library, await exportBackup(db), 'replace');
    expect(await importBackup(mergedLib.library, text, 'merge')).toMatchObject({
      articlesAdded: 1, // OTHER comes back
      highlightsAdded: 1,
      highlightsKept: 1, // h1: the stored note is newer
    });
    const merged = await mergedLib.live();
    expect((await highlightById(merged, 'h1'))?.note).toBe('新的笔记');
    expect(await merged.articles.get('https://new/')).toBeDefined();
    expect(await merged.articles.get(OTHER)).toBeDefined();
    expect((await search(merged, '新的笔记')).length).toBe(1);
    expect(await search(merged, '默认设置')).toEqual([]);

    await importBackup(lib.library, text, 'replace');
    db = await lib.live();
    expect(await db.articles.get('https://new/')).toBeUndefined();
    expect((await highlightById(db, 'h1'))?.note).toBe('默认设置');
    expect((await search(db, '默认设置')).length).toBe(1);
    expect(await search(db, '新的笔记')).toEqual([]);
    // Nothing of the replaced library is left: no stale row, summary or term.
    await expectIndexed(db);
    expect((await summariesById(db)).map((x) => x.id).sort()).toEqual(
      (await db.articles.toArray()).map((x) => x.id).sort(),
    );
    expect((await readPostings(db, ['新的']))[0]).toBeUndefined();
  });

  it('replace over a library that shares ids renumbers without a clash and keeps the index exact', async () => {
    const lib = open();
    let db = await lib.live();
    await seed(db);
    const text = await exportBackup(db);
    for (let i = 0; i < 3; i++) {
      await importBackup(lib.library, text, 'replace');
      db = await lib.live();
      await expectIndexed(db);
      // One library database at a time: the replaced ones are deleted (and the pointer).
      expect(await databasesOf(lib.base)).toEqual([db.name, `${lib.base}-live`].sort());
    }
    expect((await search(db, '时间序列')).map((r) => r.articleId)).toEqual([OTHER]);
    expect(await search(db, '默认设置')).toMatchObject([{ hits: [{ highlightId: 'h1' }] }]);
  });

  it.each([
    ['not JSON', 'hello', 'not-json', /not JSON/],
    ['HTML', '<html></html>', 'not-json', /looks like HTML/],
    ['a foreign JSON file', '{"name":"x","version":"1.0"}', 'foreign', /not a Gangmu backup/],
    ['a JSON array', '[]', 'foreign', /JSON array/],
    [
      'a newer version',
      JSON.stringify({
        format: 'gangmu-backup',
        version: BACKUP_VERSION + 1,
        exportedAt: '2025-01-01T00:00:00.000Z',
        articles: [],
        highlights: [],
      }),
      'newer-version',
      /newer Gangmu/,
    ],
  ])('refuses %s and changes nothing', async (_name, text, code, message) => {
    const lib = open();
    const db = await lib.live();
    await seed(db);
    const before = await dump(db);
    for (const mode of ['merge', 'replace'] as const) {
      await refused(importBackup(lib.library, text, mode), code, message);
      expect(await lib.live()).toBe(db);
      expect(await dump(db)).toEqual(before);
    }
  });

  it('refuses a backup with one bad row among good ones, writing none of them', async () => {
    const lib = open();
    const db = await lib.live();
    await seed(db);
    const before = await dump(db);
    const good = JSON.parse(await exportBackup(db)) as {
      articles: Array<Record<string, unknown>>;
      highlights: unknown[];
    };
    good.articles.push({ ...good.articles[0], id: 'https://bad/', savedAt: 'yesterday' });
    await refused(
      importBackup(lib.library, JSON.stringify(good), 'replace'),
      'invalid-article',
      /index 2.*savedAt/,
    );
    expect(await lib.live()).toBe(db);
    expect(await dump(db)).toEqual(before);
  });

  /** The examples of rows of the wrong types, and one of each other sort. */
  const badRows = [
    ...BAD_SITE_PREFS.filter((c) =>
      ['a width "abc"', 'a width 1e9', 'an unknown key', 'a __proto__ key'].includes(c.name),
    ),
    ...BAD_ARTICLES.filter((c) =>
      ['an unknown key', 'a negative source offset', 'a date without a zone'].includes(c.name),
    ),
    ...BAD_HIGHLIGHTS.filter((c) =>
      [
        'the colour "red"',
        'a note that is a number',
        'a selector with a negative offset',
        'a __proto__ key',
      ].includes(c.name),
    ),
  ];
  it.each(badRows)(
    'refuses a backup holding $kind: $name, writing nothing (merge and replace)',
    async (bad) => {
      const lib = open();
      const db = await lib.live();
      await seed(db);
      const before = await dump(db);
      const text = breakBackup(await exportBackup(db), bad);
      for (const mode of ['merge', 'replace'] as const) {
        await refused(importBackup(lib.library, text, mode), bad.kind, bad.message);
        expect(await lib.live()).toBe(db);
        expect(await dump(db)).toEqual(before);
        expect(await databasesOf(lib.base)).toEqual([db.name, `${lib.base}-live`].sort());
      }
    },
  );

  it.each(['replace', 'merge'] as const)(
    'a write that fails mid-import (a full disk) leaves the library as it was (%s)',
    async (mode) => {
      // Every database of this library fails to write highlight groups once the disk is full.
      const disk = diskFillingUp('highlightGroups');
      const lib = open({ create: disk.create });
      const db = await lib.live();
      await seed(db);
      const before = await dump(db);
      const text = (await exportBackup(db))
        .replace('默认设置', '改过的笔记')
        .replaceAll('2025-01-01T00:00:', '2030-01-01T00:00:');
      disk.full = true;
      await expect(importBackup(lib.library, text, mode)).rejects.toThrow();
      expect(await lib.live()).toBe(db);
      expect(await dump(db)).toEqual(before);
      // The replace's new database is gone.
      expect(await databasesOf(lib.base)).toEqual([db.name, `${lib.base}-live`].sort());
    },
  );
});
