/** Derived data checked against the rows: the search index (schema v4–v12), the summary pages (v7). */
import { expect } from 'vitest';
import type { GangmuDB } from '@/background/db/schema';
import { allPostings, SHARD_DOCS, shardDocs } from '@/background/storage/postings';
import { searchMarksRow, searchOwnRow } from '@/background/storage/search-docs';
import { SUMMARY_PAGE_ROWS } from '@/background/storage/summaries';
import { articleTerms, groupTerms } from '@/background/storage/terms';
import { withTexts } from '@/background/storage/texts';

/**
 * The index is exactly what the rows say: every article has a unique doc,
 * every highlight group its article's (schema v8; none when its article is
 * not stored), no row has terms (nor do the grouped highlights), no group is
 * empty, and the postings list each row's doc under each of its terms,
 * nothing else. An article's terms are those of its row with its texts
 * (schema v10 keeps them apart: no article row holds any, and every texts row
 * has its article). The search rows (schema v12) are those of the article
 * rows and groups.
 */
export async function expectIndexed(db: GangmuDB): Promise<void> {
  const rows = await db.articles.toArray();
  const texts = new Map((await db.articleTexts.toArray()).map((t) => [t.id, t]));
  for (const r of rows) {
    expect(r).not.toHaveProperty('text');
    expect(r).not.toHaveProperty('sourceText');
  }
  const ids = new Set(rows.map((r) => r.id));
  for (const t of texts.values()) {
    expect(ids.has(t.id)).toBe(true);
    expect(t.text !== undefined || t.sourceText !== undefined).toBe(true);
  }
  const articles = rows.map((r) => withTexts(r, texts.get(r.id)));
  const groups = await db.highlightGroups.toArray();
  const want = new Map<string, { articles: number[]; highlights: number[] }>();
  const add = (side: 'articles' | 'highlights', doc: number, terms: string[]) => {
    for (const t of new Set(terms)) {
      const p = want.get(t) ?? { articles: [], highlights: [] };
      p[side].push(doc);
      want.set(t, p);
    }
  };
  const docs = articles.map((r) => r.doc);
  expect(docs.every((d) => Number.isInteger(d) && d > 0)).toBe(true);
  expect(new Set(docs).size).toBe(articles.length);
  for (const r of [...articles, ...groups]) expect(r).not.toHaveProperty('terms');
  const docOf = new Map(articles.map((a) => [a.id, a.doc]));
  for (const a of articles) add('articles', a.doc, articleTerms(a));
  for (const g of groups) {
    expect(g.highlights.length).toBeGreaterThan(0);
    for (const h of g.highlights) {
      expect(h.articleId).toBe(g.articleId);
      expect(h).not.toHaveProperty('doc');
      expect(h).not.toHaveProperty('terms');
    }
    const doc = docOf.get(g.articleId);
    if (doc === undefined) expect(g).not.toHaveProperty('doc');
    else {
      expect(g.doc).toBe(doc);
      add('highlights', doc, groupTerms(g.highlights));
    }
  }
  const sorted = (xs: number[]) => [...xs].sort((x, y) => x - y);
  const stored = await allPostings(db);
  expect(stored.map((p) => p.term).sort()).toEqual([...want.keys()].sort());
  for (const p of stored)
    expect({ term: p.term, articles: [...p.articles], highlights: [...p.highlights] }).toEqual({
      term: p.term,
      articles: sorted(want.get(p.term)!.articles),
      highlights: sorted(want.get(p.term)!.highlights),
    });
  // Shard rows (schema v11): none empty, each side ascending and in its shard, no doc
  // both added and taken out.
  for (const r of await db.postingShards.toArray()) {
    const sides = [r.articles, r.highlights, r.goneArticles, r.goneHighlights].map((l) => [
      ...shardDocs(l),
    ]);
    expect(sides.some((l) => l.length > 0)).toBe(true);
    for (const l of sides) {
      expect(l).toEqual(sorted([...new Set(l)]));
      expect(l.every((d) => Math.floor(d / SHARD_DOCS) === r.shard)).toBe(true);
    }
    expect(sides[0]!.filter((d) => sides[2]!.includes(d))).toEqual([]);
    expect(sides[1]!.filter((d) => sides[3]!.includes(d))).toEqual([]);
  }
  // Search rows (schema v12): exactly one per article and per group with a doc, made
  // from it as it is now.
  const byDoc = <R extends { doc: number }>(rs: R[]) => [...rs].sort((x, y) => x.doc - y.doc);
  expect(await db.searchOwn.toArray()).toEqual(byDoc(rows.map(searchOwnRow)));
  expect(await db.searchMarks.toArray()).toEqual(
    byDoc(
      groups
        .filter((g): g is typeof g & { doc: number } => g.doc !== undefined)
        .map(searchMarksRow),
    ),
  );
}

/**
 * The summary pages are well formed: none empty or over
 * {@link SUMMARY_PAGE_ROWS} rows, `ids` the ids of `rows` in order, `newest`
 * the greatest savedAt of its rows, and every stored article summarised on
 * exactly one page (nothing else).
 */
export async function expectSummaryPages(db: GangmuDB): Promise<void> {
  const pages = await db.summaryPages.toArray();
  for (const p of pages) {
    expect(Number.isInteger(p.page) && p.page > 0).toBe(true);
    expect(p.rows.length).toBeGreaterThan(0);
    expect(p.rows.length).toBeLessThanOrEqual(SUMMARY_PAGE_ROWS);
    expect(p.ids).toEqual(p.rows.map((r) => r.id));
    expect(p.newest).toBe(p.rows.map((r) => r.savedAt).reduce((a, b) => (b > a ? b : a)));
  }
  const ids = pages.flatMap((p) => p.ids).sort();
  expect(ids).toEqual((await db.articles.toCollection().primaryKeys()).sort());
}
