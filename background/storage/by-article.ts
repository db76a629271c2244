/**
 * The highlights of many articles at once: one `bulkGet` of their groups
 * (schema v5 keeps an article's highlights in one row). Call inside a
 * transaction over the highlight groups.
 */
import type { Highlight } from '../../lib/model.ts';
import type { GangmuDB, HighlightGroupRow } from '../db/schema.ts';

/** The stored groups of `articleIds`, in that order (undefined: an article without highlights). */
export const groupsOf = (
  db: GangmuDB,
  articleIds: readonly string[],
): Promise<(HighlightGroupRow | undefined)[]> => db.highlightGroups.bulkGet([...articleIds]);

/** The stored highlights of `articleIds`, in the order of the ids (each article's in creation order). */
export async function highlightsByArticle(
  db: GangmuDB,
  articleIds: readonly string[],
): Promise<Highlight[]> {
  return (await groupsOf(db, articleIds)).flatMap((g) => g?.highlights ?? []);
}
