/**
 * The extension's one IndexedDB database, in the extension's origin.
 *
 * Open it ONLY in extension contexts (background, popup, library page): from
 * a content script IndexedDB belongs to the web page's origin, where the page
 * can read it and the popup cannot (see ../shared/TOOLCHAIN.md).
 * scripts/check-build.mjs fails the build when the content script contains
 * Dexie or indexedDB.
 *
 * Versions are APPEND-ONLY. Never edit a `version(n)` block once released:
 * add `version(n + 1).stores({...}).upgrade(tx => ...)` below it, and a case
 * to tests/unit/storage/upgrade.test.ts that seeds rows of the old shape.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Article, Highlight } from '../../lib/model.ts';
import type { SitePrefs } from '../messages.ts';

/** A stored row of per-site preferences. */
export interface SitePrefsRow extends SitePrefs {
  /** Host name. */
  site: string;
}

export const DB_NAME = 'gangmu';

/** The stores of each version, kept as data so the upgrade tests can seed an old shape. */
export const SCHEMA = {
  1: {
    articles: 'id, site, savedAt, updatedAt, *tags',
    highlights: 'id, articleId, updatedAt, color',
    sitePrefs: 'site',
  },
} as const;

/** The newest schema version. */
export const DB_VERSION = 1;

export class GangmuDB extends Dexie {
  articles!: EntityTable<Article, 'id'>;
  highlights!: EntityTable<Highlight, 'id'>;
  sitePrefs!: EntityTable<SitePrefsRow, 'site'>;

  /** `indexedDB`/`IDBKeyRange` may be passed in (tests); by default the global ones. */
  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA[1]);
    // version(2) goes here, with .upgrade(), when the shape changes.
  }
}

let shared: GangmuDB | null = null;

/** The database of this extension context, opened on first use. */
export function getDb(): GangmuDB {
  shared ??= new GangmuDB();
  return shared;
}
