/**
 * Articles' texts in a store of their own (schema v10, `articleTexts`, keyed
 * by the article's id): the saved text, in its compact stored shape
 * (lib/text/stored-text.ts), and a pasted article's pasted text. In the
 * article rows (v9) they were read with every row — by the list's writes,
 * search's candidates, an export without them — and each text was about a
 * hundred objects for IndexedDB to clone.
 *
 * An `Article` leaves and enters the storage layer whole: a write splits it
 * here (its row without the texts, its texts row), a read that needs the texts
 * joins them back. Both stores are written in the caller's transaction
 * (postings.ts putArticles, FreshFill and deleteIndexed, the v10 upgrade).
 */
import type { EntityTable, Table } from 'dexie';
import type { Article } from '../../lib/model.ts';
import { decodeText, encodeText, type StoredText } from '../../lib/text/stored-text.ts';
import { inKeySteps } from './key-steps.ts';

/** A stored article's texts (schema v10). Absent when the article has neither. */
export interface ArticleTextsRow {
  /** The article's id (the key). */
  id: string;
  /** Its saved text ({@link Article.text}), as stored. */
  text?: StoredText;
  /** A pasted article's pasted text ({@link Article.sourceText}). */
  sourceText?: string;
}

/** The fields of an article its row no longer holds. */
export type ArticleTexts = Pick<Article, 'text' | 'sourceText'>;

/** The texts' table: a database's, or an upgrade transaction's. */
export type TextsTable = EntityTable<ArticleTextsRow, 'id'>;

/** An article (or row) without its texts: what its row holds. */
export function withoutTexts<A extends ArticleTexts>(a: A): Omit<A, 'text' | 'sourceText'> {
  // Most rows have neither (every read of a row of schema v10): no copy.
  if (!('text' in a) && !('sourceText' in a)) return a;
  const { text: _text, sourceText: _source, ...rest } = a;
  return rest;
}

/** Whether an article has a text to store (its saved text, its pasted text or both). */
export const hasTexts = (a: ArticleTexts): boolean =>
  a.text !== undefined || a.sourceText !== undefined;

/** The texts row of an article; null when it has neither text. */
export function textsRow(a: Pick<Article, 'id' | 'text' | 'sourceText'>): ArticleTextsRow | null {
  if (!hasTexts(a)) return null;
  return {
    id: a.id,
    ...(a.text !== undefined ? { text: encodeText(a.text) } : {}),
    ...(a.sourceText !== undefined ? { sourceText: a.sourceText } : {}),
  };
}

/** A row with its texts joined back: the article as it was given to be stored. */
export function withTexts<R extends object>(
  row: R,
  texts: ArticleTextsRow | undefined,
): R & ArticleTexts {
  if (!texts) return row;
  return {
    ...row,
    ...(texts.sourceText !== undefined ? { sourceText: texts.sourceText } : {}),
    ...(texts.text !== undefined ? { text: decodeText(texts.text) } : {}),
  };
}

/** Rows with their texts joined back, read by the rows' ids in one `bulkGet`. */
export async function joinTexts<R extends { id: string }>(
  table: TextsTable,
  rows: readonly R[],
): Promise<(R & ArticleTexts)[]> {
  if (rows.length === 0) return [];
  const texts = await table.bulkGet(rows.map((r) => r.id));
  return rows.map((r, i) => withTexts(r, texts[i]));
}

/** Rows per step of {@link moveTextsOut}: bounds what an upgrade holds at once. */
const MOVE_STEP = 256;

/**
 * Moves the texts of every article row (schema v9 kept them inline) into
 * their own store, the rows otherwise unchanged (docs kept, so the posting
 * lists stay exact). Reads the rows in steps by key, never the whole library
 * at once. The v10 upgrade.
 */
export async function moveTextsOut(
  articles: Table<ArticleTexts & { id: string }, string>,
  texts: TextsTable,
): Promise<void> {
  await inKeySteps<ArticleTexts & { id: string }>(
    articles,
    MOVE_STEP,
    (r) => r.id,
    (rows) => {
      const moved = rows.filter((r) => 'text' in r || 'sourceText' in r);
      const kept = moved.map(textsRow).filter((t) => t !== null);
      return Promise.all([
        moved.length > 0 ? articles.bulkPut(moved.map(withoutTexts) as typeof moved) : null,
        kept.length > 0 ? texts.bulkPut(kept) : null,
      ]);
    },
  );
}
