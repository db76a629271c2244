/**
 * Which IndexedDB database holds the library, and the switch to a new one.
 *
 * A restore that replaces the library does not clear the stored tables:
 * IndexedDB took 3–8 s to clear a library of 10,000 articles right after a
 * large write. It writes the backup into a new, empty database (a
 * generation, `gangmu-g…`), and once that is written whole records its name
 * as the live one in a small pointer database (`gangmu-live`): that one
 * write is the switch. The old database is then closed and deleted (which
 * IndexedDB does at once). A replace that fails (a refused row, a full disk)
 * deletes its new database and leaves the old one live; one interrupted by a
 * crash leaves a database that is not live, deleted at the next start.
 *
 * Every use of the database goes through {@link LibraryDb.use}: a replace
 * waits for the uses under way, and uses that come during a replace wait
 * for it and then see the new library (a highlight saved meanwhile lands in
 * the restored library, not in the one being dropped).
 */
import { Dexie, type EntityTable } from 'dexie';
import { DB_NAME, GangmuDB } from './schema.ts';

/** Where the name of the live database is kept. */
interface LiveRow {
  key: 'library';
  name: string;
}

class PointerDB extends Dexie {
  live!: EntityTable<LiveRow, 'key'>;
  constructor(name: string, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ live: 'key' });
  }
}

/** The name of the live database, from the pointer (`base` while none is recorded). */
async function liveName(pointer: PointerDB, base: string): Promise<string> {
  return (await pointer.live.get('library'))?.name ?? base;
}

/**
 * The live database, opened, for a page of the extension that reads in bulk (the
 * library page's backup and zip export: a runtime message would serialise
 * every row twice). The caller only reads, and closes it when done: every
 * write goes through the background's {@link LibraryDb}. A replace that
 * switches meanwhile closes it (Dexie closes on the deletion's versionchange),
 * and the read fails rather than reading a dropped library.
 */
export async function openLiveForReading({
  base = DB_NAME,
  dexie,
}: Pick<LibraryDbOptions, 'base' | 'dexie'> = {}): Promise<GangmuDB> {
  const pointer = new PointerDB(`${base}-live`, dexie);
  let name: string;
  try {
    name = await liveName(pointer, base);
  } finally {
    pointer.close();
  }
  const db = new GangmuDB(name, dexie);
  await db.open();
  return db;
}

export interface LibraryDb {
  /** Runs `fn` with the live database (after any replace under way). */
  use<T>(fn: (db: GangmuDB) => Promise<T>): Promise<T>;
  /**
   * Fills a new, empty database with `fill` and, once it has resolved, makes
   * it the live one. If `fill` throws, the new database is deleted and the
   * live one is left as it was.
   */
  replace<T>(fill: (fresh: GangmuDB) => Promise<T>): Promise<T>;
  /** Closes the live database and the pointer (after the uses under way). */
  close(): Promise<void>;
}

export interface LibraryDbOptions {
  /** The first database's name, and the prefix of the generations (default `gangmu`). */
  base?: string;
  /** `indexedDB`/`IDBKeyRange` (tests); by default the global ones. */
  dexie?: ConstructorParameters<typeof Dexie>[1];
  /** Makes the database object of a name (tests: one whose writes fail). */
  create?: (name: string) => GangmuDB;
}

export function libraryDb({
  base = DB_NAME,
  dexie,
  create = (name) => new GangmuDB(name, dexie),
}: LibraryDbOptions = {}): LibraryDb {
  const pointer = new PointerDB(`${base}-live`, dexie);
  const generation = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(-g[0-9a-z]+)?$`);
  const factory = (dexie?.indexedDB ?? globalThis.indexedDB) as IDBFactory | undefined;
  let current: Promise<GangmuDB> | null = null;
  /** Settles when the last open's collection has listed the databases. */
  let collected: Promise<void> = Promise.resolve();
  /** Settles when the replaces asked for so far are done (never rejects). */
  let replacing: Promise<unknown> = Promise.resolve();
  let active = 0;
  let drained: (() => void) | null = null;

  /**
   * Deletes a database: resolves when it is gone, could not be, or waits for
   * a connection elsewhere to close (it is deleted then).
   */
  const drop = (name: string) =>
    new Promise<void>((resolve) => {
      if (!factory) return resolve();
      const r = factory.deleteDatabase(name);
      r.onsuccess = r.onerror = r.onblocked = () => resolve();
    });

  /**
   * Deletes the databases of this library that are not live: left by a crash
   * during a replace. Settles once the databases are listed: a replace waits
   * for that (its new database must not be listed), the first use does not.
   */
  async function collect(live: string): Promise<void> {
    const list = await factory?.databases?.().catch(() => []);
    for (const { name } of list ?? [])
      if (name && name !== live && generation.test(name)) void drop(name);
  }

  async function open(): Promise<GangmuDB> {
    const name = await liveName(pointer, base);
    // Not awaited: listing every database would delay a woken worker's first reply.
    collected = collect(name).catch(() => undefined);
    return create(name);
  }

  /** The live database, opened on first use; a failed open is tried again by the next use. */
  function live(): Promise<GangmuDB> {
    if (!current) {
      const opening = open();
      current = opening;
      opening.catch(() => {
        if (current === opening) current = null;
      });
    }
    return current;
  }

  async function use<T>(fn: (db: GangmuDB) => Promise<T>): Promise<T> {
    await replacing;
    active++;
    try {
      return await fn(await live());
    } finally {
      if (--active === 0) drained?.();
    }
  }

  async function switchTo<T>(fill: (fresh: GangmuDB) => Promise<T>): Promise<T> {
    if (active > 0) await new Promise<void>((resolve) => (drained = resolve));
    drained = null;
    const old = await live();
    await collected;
    const name = `${base}-g${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const fresh = create(name);
    let result: T;
    try {
      result = await fill(fresh);
      await pointer.live.put({ key: 'library', name });
    } catch (err) {
      fresh.close();
      await drop(name);
      throw err;
    }
    // Switched: uses from now on get the new database (none is under way).
    current = Promise.resolve(fresh);
    old.close();
    await drop(old.name);
    return result;
  }

  return {
    use,
    replace<T>(fill: (fresh: GangmuDB) => Promise<T>): Promise<T> {
      const done = replacing.then(() => switchTo(fill));
      replacing = done.catch(() => undefined);
      return done;
    },
    async close() {
      await use(async (db) => db.close());
      pointer.close();
    },
  };
}
