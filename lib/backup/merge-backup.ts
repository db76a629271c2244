/** What importing a backup writes to the library. */
import type { Article, Highlight } from '../model.ts';
import type { LibraryData, SitePrefsRow } from './format.ts';

/** How an import meets the library already stored. */
export type MergeMode = 'merge' | 'replace';

/** The rows an import writes, and what it leaves as it is. */
export interface MergePlan {
  /** Empty every table before writing (replace mode). */
  clear: boolean;
  articles: Article[];
  highlights: Highlight[];
  sitePrefs: SitePrefsRow[];
  /** Counts for the report shown after an import. */
  stats: {
    articlesAdded: number;
    articlesUpdated: number;
    /** Rows in the file that are not newer than the stored ones. */
    articlesKept: number;
    highlightsAdded: number;
    highlightsUpdated: number;
    highlightsKept: number;
  };
}

/** Milliseconds of an ISO date; a broken stored date counts as oldest, so the file's row wins. */
const time = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? -Infinity : t;
};

/** The incoming rows newer than (or absent from) `existing`, by id and `updatedAt`. */
function newer<T extends { id: string; updatedAt: string }>(
  existing: readonly T[],
  incoming: readonly T[],
): { rows: T[]; added: number; updated: number; kept: number } {
  const stored = new Map(existing.map((r) => [r.id, r]));
  const rows: T[] = [];
  let added = 0;
  let updated = 0;
  let kept = 0;
  for (const r of incoming) {
    const old = stored.get(r.id);
    if (!old) {
      added++;
      rows.push(r);
    } else if (time(r.updatedAt) > time(old.updatedAt)) {
      updated++;
      rows.push(r);
    } else kept++; // same age or older: the stored row stays (ties keep what the reader has)
  }
  return { rows, added, updated, kept };
}

/**
 * The rows to write when importing `incoming` into a library holding `existing`.
 *
 * - `replace`: the library becomes the backup: `clear` is true and every row
 *   of the file is written.
 * - `merge`: nothing is deleted. An article or highlight is written when its
 *   id is new or its `updatedAt` is later than the stored row's (ties keep
 *   the stored row). Highlights merge by their own id, whichever version of
 *   their article wins; a highlight deleted since the backup comes back, as a
 *   merge has no record of deletions. Site preferences are added for sites
 *   with none stored; stored ones are kept (they carry no date to compare).
 *
 * `incoming` is assumed checked by {@link parseBackup}.
 */
export function mergeBackup(
  existing: LibraryData,
  incoming: LibraryData,
  mode: MergeMode,
): MergePlan {
  if (mode === 'replace') {
    return {
      clear: true,
      articles: [...incoming.articles],
      highlights: [...incoming.highlights],
      sitePrefs: [...(incoming.sitePrefs ?? [])],
      stats: {
        articlesAdded: incoming.articles.length,
        articlesUpdated: 0,
        articlesKept: 0,
        highlightsAdded: incoming.highlights.length,
        highlightsUpdated: 0,
        highlightsKept: 0,
      },
    };
  }
  const a = newer(existing.articles, incoming.articles);
  // A newer row without the saved text (or pasted text) does not erase the stored one: an
  // edit made on an older copy (a tag, on a machine that never had the text) carries none.
  const stored = new Map(existing.articles.map((r) => [r.id, r]));
  a.rows = a.rows.map((r) => {
    const old = stored.get(r.id);
    if (!old) return r;
    const text = r.text ?? old.text;
    const sourceText = r.sourceText ?? old.sourceText;
    return {
      ...r,
      ...(text !== undefined ? { text } : {}),
      ...(sourceText !== undefined ? { sourceText } : {}),
    };
  });
  const h = newer(existing.highlights, incoming.highlights);
  const sites = new Set((existing.sitePrefs ?? []).map((p) => p.site));
  return {
    clear: false,
    articles: a.rows,
    highlights: h.rows,
    sitePrefs: (incoming.sitePrefs ?? []).filter((p) => !sites.has(p.site)),
    stats: {
      articlesAdded: a.added,
      articlesUpdated: a.updated,
      articlesKept: a.kept,
      highlightsAdded: h.added,
      highlightsUpdated: h.updated,
      highlightsKept: h.kept,
    },
  };
}
