/**
 * The extension's one IndexedDB database, in the extension's origin.
 *
 * The background reaches it through library-db.ts, which knows which database
 * (by name) is live. Open it ONLY in extension contexts: from
 * a content script IndexedDB belongs to the web page's origin, where the page
 * can read it and the popup cannot (see ../shared/TOOLCHAIN.md).
 * scripts/check-build.mjs fails the build when the content script contains
 * Dexie or indexedDB.
 *
 * Versions are APPEND-ONLY. Never edit a `version(n)` block once released:
 * add `version(n + 1).stores({...}).upgrade(tx => ...)` below it, and a case
 * to tests/unit/storage/upgrade.test.ts that seeds rows of the old shape.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type { Article, Highlight } from '../../lib/model.ts';
import type { SitePrefs } from '../../protocol/messages.ts';
import {
  foldLegacyPostings,
  putAllFresh,
  rebuildPostings,
  renumberGroups,
  shardRowsAsBytes,
  type LegacyIndexTables,
  type PagedLegacyTables,
  type PostingPageRow,
  type PostingRow,
  type PostingShardRow,
} from '../storage/postings.ts';
import { fillSearchDocs, type SearchMarksRow, type SearchOwnRow } from '../storage/search-docs.ts';
import {
  freshSummaryPages,
  summariesOf,
  type SummaryPageRow,
  type SummaryRow,
} from '../storage/summaries.ts';
import {
  articleRow,
  highlightRow,
  stripTerms,
  type ArticleRow,
  type HighlightGroupRow,
  type HighlightRow,
} from '../storage/terms.ts';
import { moveTextsOut, type ArticleTextsRow } from '../storage/texts.ts';

export type {
  ArticleTextsRow,
  ArticleRow,
  HighlightGroupRow,
  HighlightRow,
  PostingPageRow,
  PostingRow,
  PostingShardRow,
  SummaryPageRow,
  SummaryRow,
};

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
  /** Search: a multi-entry index of each row's terms (background/storage/terms.ts). */
  2: {
    articles: 'id, site, savedAt, updatedAt, *tags, *terms',
    highlights: 'id, articleId, updatedAt, color, *terms',
    sitePrefs: 'site',
  },
  /**
   * The library list: one compact summary per article (background/storage/summaries.ts),
   * kept up to date in the transactions that change its article or highlights.
   */
  3: {
    articles: 'id, site, savedAt, updatedAt, *tags, *terms',
    highlights: 'id, articleId, updatedAt, color, *terms',
    sitePrefs: 'site',
    summaries: 'id, site, savedAt, updatedAt, *tags, *colors',
  },
  /**
   * Search by posting lists (background/storage/postings.ts): each article and
   * highlight gets a unique `doc` number, `postings` holds one row per term
   * with its documents' numbers, and the `*terms` indexes are dropped.
   */
  4: {
    articles: 'id, &doc, site, savedAt, updatedAt, *tags',
    highlights: 'id, &doc, articleId, updatedAt, color',
    sitePrefs: 'site',
    summaries: 'id, site, savedAt, updatedAt, *tags, *colors',
    postings: 'term',
  },
  /**
   * An article's highlights in one row (background/storage/terms.ts
   * HighlightGroupRow, keyed by the article's id): a restore of 100,000
   * highlights wrote 100,000 rows, its slowest step. The group is one search
   * document (its `&doc`); `highlights` is dropped once its rows are moved.
   */
  5: {
    articles: 'id, &doc, site, savedAt, updatedAt, *tags',
    highlights: null,
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaries: 'id, site, savedAt, updatedAt, *tags, *colors',
    postings: 'term',
  },
  /**
   * Fewer index entries for a restore to write (each costs IndexedDB about as
   * much as 0.1 KB of row): articles lose the site, date and tag indexes that
   * only the summaries' copies are read by, summaries lose `*colors` (the
   * list filters colours in memory).
   */
  6: {
    articles: 'id, &doc',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaries: 'id, site, savedAt, updatedAt, *tags',
    postings: 'term',
  },
  /**
   * Summaries in pages (background/storage/summaries.ts SummaryPageRow): a few
   * hundred per row instead of one row per article, since IndexedDB charges
   * each put about the same whatever its size (a restore of 10,000 articles
   * spent 2.3–3 s on their summary rows). `*ids` finds an article's page,
   * `newest` (the page's greatest savedAt) serves the list's first screen.
   * `summaries` is dropped once its rows are moved.
   *
   * And a fresh fill's posting lists in pages of a run of terms each
   * (background/storage/postings.ts PostingPageRow): a real library has hundreds
   * of thousands of distinct terms, and IndexedDB costs about as much per row
   * as per 10 KB. `postings` rows stay, as each changed term's own list.
   */
  7: {
    articles: 'id, &doc',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaries: null,
    summaryPages: 'page, newest, *ids',
    postings: 'term',
    postingPages: 'first',
  },
  /**
   * A highlight group's `doc` is its article's (terms.ts HighlightGroupRow):
   * a search that found fifty articles reads only those of their groups that
   * are candidates, where it read all fifty (up to half of them held no hit).
   * Stores unchanged; the upgrade renumbers the groups and their docs in the
   * posting lists.
   */
  8: {
    articles: 'id, &doc',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaryPages: 'page, newest, *ids',
    postings: 'term',
    postingPages: 'first',
  },
  /**
   * Articles may carry their saved text (lib/model.ts ArticleText), and an
   * article's search document holds its body: the saved text, or a pasted
   * article's pasted text (which rows from before already have). Stores
   * unchanged; the upgrade builds every posting list again (docs kept).
   */
  9: {
    articles: 'id, &doc',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaryPages: 'page, newest, *ids',
    postings: 'term',
    postingPages: 'first',
  },
  /**
   * Articles' texts in a store of their own (background/storage/texts.ts
   * ArticleTextsRow, keyed by the article's id): the saved text, compact
   * (lib/text/stored-text.ts), and a pasted article's pasted text. In the
   * article rows they were read with every row (the list's writes, search's
   * candidates, an export without them) and cloned as about a hundred objects
   * each. The upgrade moves them out of every row; docs and posting lists
   * are unchanged.
   */
  10: {
    articles: 'id, &doc',
    articleTexts: 'id',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaryPages: 'page, newest, *ids',
    postings: 'term',
    postingPages: 'first',
  },
  /**
   * Changes to the posting lists since the last fresh fill as rows per term
   * and shard of docs (background/storage/postings.ts PostingShardRow, keyed
   * by `[term+shard]`): a write reads and puts a few hundred docs per term at
   * most. `postings` held a changed term's whole list: in a library of 10,000
   * the first highlight on a new article rewrote ~400 lists of up to 10,000
   * docs (4–7 s). The upgrade folds its rows into fresh pages, then Dexie
   * deletes it. Pages hold their lists as bytes since (lib/search doc-bytes,
   * a byte a doc for most of a common term's): the upgrade writes every page
   * again so.
   */
  11: {
    articles: 'id, &doc',
    articleTexts: 'id',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaryPages: 'page, newest, *ids',
    postings: null,
    postingShards: '[term+shard]',
    postingPages: 'first',
  },
  /**
   * What search reads of a candidate, keyed by its doc
   * (background/storage/search-docs.ts): an article's own searchable fields
   * and what its result shows (`searchOwn`), its highlights' fields
   * (`searchMarks`). Search read the article rows and groups through their
   * doc index, ~8 KB a candidate; these hold ~1 KB. The upgrade makes them
   * from every article and group. Shard rows hold their lists as bytes since
   * (postings.ts ShardList): the upgrade writes every one again so.
   */
  12: {
    articles: 'id, &doc',
    articleTexts: 'id',
    highlightGroups: 'articleId, &doc',
    sitePrefs: 'site',
    summaryPages: 'page, newest, *ids',
    postingShards: '[term+shard]',
    postingPages: 'first',
    searchOwn: 'doc',
    searchMarks: 'doc',
  },
} as const;

/** The newest schema version. */
export const DB_VERSION = 12;

/** The index tables of an upgrade before v11, posting pages included (schema v7 on). */
const pagedIndexTables = (tx: Transaction) =>
  ({
    articles: tx.table('articles'),
    highlightGroups: tx.table('highlightGroups'),
    postings: tx.table('postings'),
    postingPages: tx.table('postingPages'),
  }) as unknown as PagedLegacyTables;

export class GangmuDB extends Dexie {
  articles!: EntityTable<ArticleRow, 'id'>;
  articleTexts!: EntityTable<ArticleTextsRow, 'id'>;
  highlightGroups!: EntityTable<HighlightGroupRow, 'articleId'>;
  sitePrefs!: EntityTable<SitePrefsRow, 'site'>;
  summaryPages!: EntityTable<SummaryPageRow, 'page'>;
  postingShards!: Table<PostingShardRow, [string, number]>;
  postingPages!: EntityTable<PostingPageRow, 'first'>;
  searchOwn!: EntityTable<SearchOwnRow, 'doc'>;
  searchMarks!: EntityTable<SearchMarksRow, 'doc'>;

  /** `indexedDB`/`IDBKeyRange` may be passed in (tests); by default the global ones. */
  constructor(name: string = DB_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA[1]);
    // v2: search terms, computed for every row already stored.
    this.version(2)
      .stores(SCHEMA[2])
      .upgrade(async (tx) => {
        await tx
          .table<Article>('articles')
          .toCollection()
          .modify((a) => {
            (a as ArticleRow).terms = articleRow(a).terms;
          });
        await tx
          .table<Highlight>('highlights')
          .toCollection()
          .modify((h) => {
            (h as HighlightRow).terms = highlightRow(h).terms;
          });
      });
    // v3: the list's per-article summaries, computed for every article already stored.
    this.version(3)
      .stores(SCHEMA[3])
      .upgrade(async (tx) => {
        const articles = await tx.table<ArticleRow>('articles').toArray();
        const highlights = await tx.table<HighlightRow>('highlights').toArray();
        await tx.table<SummaryRow>('summaries').bulkPut(summariesOf(articles, highlights));
      });
    // v4: docs and posting lists. Its upgrade computed them from every row; since v5
    // rebuilds both from every row (below), a database passing through v4 on its way
    // there is left to v5's upgrade.
    this.version(4).stores(SCHEMA[4]);
    // v5: highlights grouped per article; docs and posting lists rebuilt from every row.
    this.version(5)
      .stores(SCHEMA[5])
      .upgrade(async (tx) => {
        const tables = {
          articles: tx.table('articles'),
          highlightGroups: tx.table('highlightGroups'),
          // No posting pages yet (v7): the lists go in as a row per term.
          postings: tx.table('postings'),
        } as unknown as LegacyIndexTables;
        const articles = (await tables.articles.toArray()).map((a) => stripTerms(a) as Article);
        const highlights = (await tx.table<HighlightRow>('highlights').toArray()).map(
          (h) => stripTerms(h) as Highlight,
        );
        await tables.postings.clear();
        await putAllFresh(tables, articles, highlights);
      });
    // v6: indexes dropped, rows unchanged (Dexie deletes the indexes).
    this.version(6).stores(SCHEMA[6]);
    // v7: summaries in pages (Dexie deletes the `summaries` store after this upgrade), and
    // a new, empty store of posting pages: every stored posting row stays a term's list.
    this.version(7)
      .stores(SCHEMA[7])
      .upgrade(async (tx) => {
        const rows = await tx.table<SummaryRow>('summaries').toArray();
        await tx.table<SummaryPageRow>('summaryPages').bulkPut(freshSummaryPages(rows));
      });
    // v8: each group takes its article's doc (none without an article); the posting lists'
    // group docs are renumbered to match and written again as fresh pages.
    this.version(8)
      .stores(SCHEMA[8])
      .upgrade(async (tx) => {
        await renumberGroups(pagedIndexTables(tx));
      });
    // v9: bodies indexed (a pasted article's pasted text already is one): every posting
    // list made again from the rows, their docs kept.
    this.version(9)
      .stores(SCHEMA[9])
      .upgrade(async (tx) => {
        await rebuildPostings(pagedIndexTables(tx));
      });
    // v10: each article's texts moved out of its row into `articleTexts`; docs and posting
    // lists unchanged.
    this.version(10)
      .stores(SCHEMA[10])
      .upgrade(async (tx) => {
        await moveTextsOut(tx.table('articles'), tx.table('articleTexts'));
      });
    // v11: changes to the posting lists kept per term and shard; the whole lists that
    // `postings` held folded into fresh pages of bytes (Dexie then deletes the store).
    this.version(11)
      .stores(SCHEMA[11])
      .upgrade(async (tx) => {
        await foldLegacyPostings(pagedIndexTables(tx));
      });
    // v12: what search reads of a candidate, keyed by doc, made from every article and group;
    // the shard rows' lists as bytes.
    this.version(12)
      .stores(SCHEMA[12])
      .upgrade(async (tx) => {
        await fillSearchDocs({
          articles: tx.table('articles'),
          highlightGroups: tx.table('highlightGroups'),
          searchOwn: tx.table('searchOwn'),
          searchMarks: tx.table('searchMarks'),
        } as Pick<GangmuDB, 'articles' | 'highlightGroups' | 'searchOwn' | 'searchMarks'>);
        await shardRowsAsBytes(tx.table('postingShards'));
      });
    // version(13) goes here, with .upgrade(), when the shape changes.
  }
}
