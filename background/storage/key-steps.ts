/** Rows of a step (a Dexie collection's `limit(n).toArray()`). */
interface Steps<R> {
  limit(n: number): { toArray(): PromiseLike<R[]> };
}

/** As much of a Dexie table as {@link inKeySteps} reads. */
export interface KeyOrdered<R> {
  orderBy(index: ':id'): Steps<R>;
  where(index: ':id'): { above(key: string): Steps<R> };
}

/**
 * Reads a table in primary-key order, `size` rows at a time, handing each
 * step to `visit` (and waiting for it) before the next is read: an upgrade
 * over every row of a large library never holds them all at once. `keyOf`
 * gives a row's primary key.
 */
export async function inKeySteps<R>(
  table: KeyOrdered<R>,
  size: number,
  keyOf: (row: R) => string,
  visit: (rows: R[]) => unknown,
): Promise<void> {
  for (let after: string | undefined; ;) {
    const from = after === undefined ? table.orderBy(':id') : table.where(':id').above(after);
    const rows = await from.limit(size).toArray();
    if (rows.length === 0) return;
    after = keyOf(rows[rows.length - 1]!);
    await visit(rows);
  }
}
