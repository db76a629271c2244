/**
 * The library's date filter: the `<input type="date">` values (local days,
 * `YYYY-MM-DD`) as the ISO instants `list-articles` compares `savedAt` with.
 */

/** Start of the local day `day` (`YYYY-MM-DD`) as ISO 8601, or undefined for '' or a bad value. */
export function dayStart(day: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** End of the local day `day` (the last millisecond) as ISO 8601, so "to" includes that day. */
export function dayEnd(day: string): string | undefined {
  const start = dayStart(day);
  if (!start) return undefined;
  return new Date(new Date(start).getTime() + 86_400_000 - 1).toISOString();
}
