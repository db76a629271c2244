/**
 * Puts rows into a table: one row by `put` (every edit writes one), more by
 * `bulkPut`, none not at all. Returns the write, or null when there was none.
 */
export const putAll = <R>(
  table: { put(row: R): unknown; bulkPut(rows: R[]): unknown },
  rows: R[],
): unknown =>
  rows.length === 1 ? table.put(rows[0]!) : rows.length > 1 ? table.bulkPut(rows) : null;
