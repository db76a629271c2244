/**
 * What search reads of a candidate (schema v12), keyed by its doc: the
 * article's own searchable fields with what a result shows of it
 * (`searchOwn`), and its highlights' fields (`searchMarks`). Derived data,
 * like the posting lists: written with every write of an article row or a
 * highlight group (postings.ts), never backed up, rebuilt by a restore.
 *
 * Search read the article rows and highlight groups of its candidates by
 * their doc index: ~8 KB a candidate (outline anchors, selectors with their
 * context) through an index, 17–29 ms for the fifty of a common word, most of
 * a search. These rows hold only the texts a search checks, ~1 KB, keyed by
 * the doc: the fifty newest candidates are one key range (5–11 ms measured).
 */
import type { GangmuDB } from '../db/schema.ts';
import type { SearchField } from '../../protocol/messages.ts';
import { inKeySteps } from './key-steps.ts';
import { putAll } from './put-all.ts';
import { authorOf } from './summaries.ts';
import {
  highlightFields,
  ownFields,
  type ArticleRow,
  type FieldText,
  type HighlightGroupRow,
} from './terms.ts';

/**
 * Texts end to end in one string, with where each ends: a string and a typed
 * array (cloned as its bytes) however many texts. As a list, each text was an
 * object more for IndexedDB to clone on every read of a candidate.
 */
export interface PackedTexts {
  text: string;
  ends: Uint32Array;
}

/** Fields packed: their texts ({@link PackedTexts}), their kinds a letter each ({@link KIND_LETTER}). */
export interface PackedFields extends PackedTexts {
  kinds: string;
}

/** An article's own searchable fields and what its search result shows, by its doc. */
export interface SearchOwnRow extends PackedFields {
  doc: number;
  /** The article's id. */
  id: string;
  title: string;
  site: string;
  author: string | null;
  savedAt: string;
}

/** The searchable fields of an article's highlights (its group's), by its doc. */
export interface SearchMarksRow {
  doc: number;
  /** Every highlight's fields, one after another, in the group's order. */
  fields: PackedFields;
  /** Each highlight's number of fields. */
  counts: Uint8Array;
  /** Each highlight's id. */
  ids: PackedTexts;
}

const KIND_LETTER: Record<SearchField, string> = {
  title: 't',
  author: 'a',
  outline: 'o',
  formulation: 'f',
  body: 'b',
  highlight: 'h',
  note: 'n',
};
const LETTER_KIND = new Map(
  Object.entries(KIND_LETTER).map(([kind, letter]) => [letter, kind as SearchField]),
);

export function packTexts(texts: readonly string[]): PackedTexts {
  const ends = new Uint32Array(texts.length);
  let end = 0;
  texts.forEach((t, i) => (ends[i] = end += t.length));
  return { text: texts.join(''), ends };
}

export function unpackTexts({ text, ends }: PackedTexts): string[] {
  const out: string[] = [];
  let start = 0;
  for (const end of ends) {
    out.push(text.slice(start, end));
    start = end;
  }
  return out;
}

export function packFields(fields: readonly FieldText[]): PackedFields {
  return {
    kinds: fields.map((f) => KIND_LETTER[f.field]).join(''),
    ...packTexts(fields.map((f) => f.text)),
  };
}

export function unpackFields(packed: PackedFields): FieldText[] {
  return unpackTexts(packed).map((text, i) => ({
    field: LETTER_KIND.get(packed.kinds[i]!) ?? 'body',
    text,
  }));
}

/** A search row's highlights: each its id and fields, in the group's order. */
export function unpackMarks(row: SearchMarksRow): { id: string; fields: FieldText[] }[] {
  const fields = unpackFields(row.fields);
  const ids = unpackTexts(row.ids);
  let at = 0;
  return ids.map((id, i) => {
    const n = row.counts[i]!;
    at += n;
    return { id, fields: fields.slice(at - n, at) };
  });
}

/** The search row of an article row (with its doc). */
export function searchOwnRow(a: ArticleRow): SearchOwnRow {
  return {
    doc: a.doc,
    id: a.id,
    title: a.title,
    site: a.site,
    author: authorOf(a as Parameters<typeof authorOf>[0]),
    savedAt: a.savedAt,
    ...packFields(ownFields(a)),
  };
}

/** The search row of a highlight group that has a doc. */
export function searchMarksRow(g: HighlightGroupRow & { doc: number }): SearchMarksRow {
  const each = g.highlights.map(highlightFields);
  return {
    doc: g.doc,
    fields: packFields(each.flat()),
    // A highlight has two fields at most (its words and its note).
    counts: Uint8Array.from(each, (f) => f.length),
    ids: packTexts(g.highlights.map((h) => h.id)),
  };
}

/**
 * The search stores, where the tables have them (schema v12; the upgrades
 * before it write without).
 */
export type SearchDocTables = Partial<Pick<GangmuDB, 'searchOwn' | 'searchMarks'>>;

/** Puts the search rows of written article rows. */
export function putOwn(tables: SearchDocTables, rows: readonly ArticleRow[]): unknown {
  return tables.searchOwn ? putAll(tables.searchOwn, rows.map(searchOwnRow)) : null;
}

/**
 * Puts the search rows of written groups (those with a doc) and deletes
 * those of `goneDocs` (deleted groups, or docs a group no longer has).
 */
export function putMarks(
  tables: SearchDocTables,
  rows: readonly HighlightGroupRow[],
  goneDocs: readonly (number | undefined)[] = [],
): PromiseLike<unknown> {
  const t = tables.searchMarks;
  if (!t) return Promise.resolve();
  const docs = new Set<number>();
  const put: SearchMarksRow[] = [];
  for (const g of rows)
    if (g.doc !== undefined) {
      docs.add(g.doc);
      put.push(searchMarksRow(g as HighlightGroupRow & { doc: number }));
    }
  const gone = goneDocs.filter((d): d is number => d !== undefined && !docs.has(d));
  return Promise.all([putAll(t, put), gone.length > 0 ? t.bulkDelete(gone) : null]);
}

/** Rows read per step of {@link fillSearchDocs}: bounds what the upgrade holds at once. */
const FILL_STEP = 256;

/**
 * Every search row made from the stored rows (schema v12's upgrade; docs as
 * they are), the articles and groups read {@link FILL_STEP} at a time.
 */
export async function fillSearchDocs(
  tables: Pick<GangmuDB, 'articles' | 'highlightGroups' | 'searchOwn' | 'searchMarks'>,
): Promise<void> {
  await Promise.all([tables.searchOwn.clear(), tables.searchMarks.clear()]);
  // Every stored article has a doc (schema v4); a row without one is left out, not
  // allowed to fail the upgrade.
  await inKeySteps<ArticleRow>(
    tables.articles,
    FILL_STEP,
    (r) => r.id,
    (rows) =>
      putOwn(
        tables,
        rows.filter((r) => typeof r.doc === 'number'),
      ),
  );
  await inKeySteps<HighlightGroupRow>(
    tables.highlightGroups,
    FILL_STEP,
    (g) => g.articleId,
    (groups) => putMarks(tables, groups),
  );
}
