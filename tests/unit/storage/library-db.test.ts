/** The live database and the switch to a new one on a replace (db/library-db.ts). */
import { describe, expect, it } from 'vitest';
import { libraryDb } from '@/background/db/library-db';
import { GangmuDB } from '@/background/db/schema';
import { saveArticle } from '@/background/storage/articles';
import { databasesOf, draft, liveDb, tickingClock, useFreshLibraries } from './fixtures';

const open = useFreshLibraries();

const ids = async (db: GangmuDB) => (await db.articles.toArray()).map((a) => a.id);
const save = (db: GangmuDB, id: string) =>
  saveArticle(db, draft({ id, url: id, title: id }), tickingClock());

describe('library database', () => {
  it('a replace fills a new database, makes it live for good and deletes the old one', async () => {
    const { library, base, live } = open();
    const first = await live();
    expect(first.name).toBe(base);
    await save(first, 'https://old/');
    const result = await library.replace(async (fresh) => {
      expect(fresh.name).not.toBe(base);
      expect(await ids(fresh)).toEqual([]);
      await save(fresh, 'https://new/');
      return 'filled';
    });
    expect(result).toBe('filled');
    const now = await live();
    expect(await ids(now)).toEqual(['https://new/']);
    expect(await databasesOf(base)).toEqual([now.name, `${base}-live`].sort());
    // After a restart (a new worker) the replaced library is the one opened.
    const again = libraryDb({ base });
    const reopened = await liveDb(again);
    expect(reopened.name).toBe(now.name);
    expect(await ids(reopened)).toEqual(['https://new/']);
    await again.close();
  });

  it('a replace that fails deletes its new database and leaves the live one as it was', async () => {
    const { library, base, live } = open();
    const first = await live();
    await save(first, 'https://old/');
    let made = '';
    await expect(
      library.replace(async (fresh) => {
        made = fresh.name;
        await save(fresh, 'https://new/');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(made).not.toBe('');
    expect(await live()).toBe(first);
    expect(await ids(first)).toEqual(['https://old/']);
    expect(await databasesOf(base)).toEqual([base, `${base}-live`]);
  });

  it('waits for the uses under way; uses asked for meanwhile see the new library', async () => {
    const { library, live } = open();
    const first = await live();
    let release!: () => void;
    const slow = library.use(async (db) => {
      await new Promise<void>((r) => (release = r));
      return db.name;
    });
    let filled = false;
    const replaced = library.replace(async (fresh) => {
      filled = true;
      await save(fresh, 'https://new/');
    });
    const during = library.use(async (db) => ({ name: db.name, ids: await ids(db) }));
    await new Promise((r) => setTimeout(r, 20));
    // The replace has not started: a use is under way.
    expect(filled).toBe(false);
    release();
    expect(await slow).toBe(first.name);
    await replaced;
    const seen = await during;
    expect(seen.name).not.toBe(first.name);
    expect(seen.ids).toEqual(['https://new/']);
  });

  it('replaces asked for one after another land in order', async () => {
    const { library, live } = open();
    await Promise.all(
      ['https://a/', 'https://b/', 'https://c/'].map((id) =>
        library.replace((fresh) => save(fresh, id)),
      ),
    );
    expect(await ids(await live())).toEqual(['https://c/']);
  });

  it('a failed open fails the uses asked for then, and the next use opens it again', async () => {
    let fail = true;
    const { library, base } = open({
      create: (name) => {
        if (fail) throw new Error('cannot open');
        return new GangmuDB(name);
      },
    });
    await expect(library.use(async (db) => db.name)).rejects.toThrow('cannot open');
    fail = false;
    expect(await library.use(async (db) => db.name)).toBe(base);
  });

  it('deletes, when it opens, a database a crash left in the middle of a replace', async () => {
    const { library, base } = open();
    // A generation that never became live, and databases that are not this library's.
    const stray = new GangmuDB(`${base}-gzz9`);
    await stray.open();
    stray.close();
    const unrelated = new GangmuDB(`${base}x-gzz9`);
    await unrelated.open();
    unrelated.close();
    await (await liveDb(library)).open();
    await expect.poll(() => databasesOf(base)).toEqual([base, `${base}-live`]);
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(`${base}x-gzz9`);
    await unrelated.delete();
  });

  it('a replace as the first use keeps its new database from the collection of strays', async () => {
    // The first use does not wait for the listing of databases; a replace must.
    // Here the listing answers once the fill is done (or after 200 ms): a replace
    // that did not wait would see its new database listed as a stray and delete it.
    let filled = () => {};
    const fillDone = new Promise<void>((resolve) => (filled = resolve));
    const factory = {
      open: indexedDB.open.bind(indexedDB),
      deleteDatabase: indexedDB.deleteDatabase.bind(indexedDB),
      cmp: indexedDB.cmp.bind(indexedDB),
      databases: async () => {
        await Promise.race([fillDone, new Promise((r) => setTimeout(r, 200))]);
        return indexedDB.databases();
      },
    } as IDBFactory;
    const { library, base } = open({ dexie: { indexedDB: factory, IDBKeyRange } });
    const stray = new GangmuDB(`${base}-gzz9`);
    await stray.open();
    stray.close();
    await library.replace(async (fresh) => {
      await save(fresh, 'https://new/');
      filled();
    });
    const now = await liveDb(library);
    expect(now.name).not.toBe(base);
    expect(await ids(now)).toEqual(['https://new/']);
    await expect.poll(() => databasesOf(base)).toEqual([now.name, `${base}-live`].sort());
  });
});
