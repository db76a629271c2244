/**
 * The small checks every backup row is made of: plain objects with only the
 * fields their schema names (never `__proto__` or `constructor`), ids of
 * bounded length, whole numbers that are safe integers, ISO 8601 dates. Each
 * gives the problem as `field reason`, or null.
 */

import { MAX_ID_LENGTH } from '../model.ts';

export type Rec = Record<string, unknown>;

/** A plain object (not an array, not null). */
export const isRec = (v: unknown): v is Rec =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isNullableString = (v: unknown): v is string | null =>
  v === null || typeof v === 'string';
/** A whole number from 0 that a JavaScript number holds exactly. */
export const isNat = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** Longest id accepted (lib/model.ts). */
export { MAX_ID_LENGTH };

/**
 * Keys refused in every row: they would reach or shadow an object's
 * prototype wherever a row is copied by assignment or looked up by key.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** `at.key`, or `key` at the top of a row. */
export const fieldAt = (at: string, key: string) => (at ? `${at}.${key}` : key);

/**
 * The first key of `v` that its schema does not name, as a problem: a
 * prototype key ({@link FORBIDDEN_KEYS}) or any other unknown one. Null when
 * every key is in `allowed`.
 */
export function keysProblem(v: Rec, allowed: ReadonlySet<string>, at: string): string | null {
  for (const key of Object.keys(v)) {
    if (FORBIDDEN_KEYS.has(key)) return `${fieldAt(at, key)} is a forbidden key`;
    if (!allowed.has(key)) return `${fieldAt(at, key)} is not a known field`;
  }
  return null;
}

/** The problem of an id field: a non-empty string of at most {@link MAX_ID_LENGTH} units. */
export function idProblem(v: unknown, at: string): string | null {
  if (!isString(v) || v.length === 0) return `${at} must be a non-empty string`;
  if (v.length > MAX_ID_LENGTH) return `${at} must be at most ${MAX_ID_LENGTH} characters long`;
  return null;
}

/**
 * An ISO 8601 date and time with its zone, as `Date.prototype.toISOString`
 * writes it (`2025-06-01T08:00:00.000Z`; a six-digit signed year too), or
 * with an offset (`+08:00`), seconds and fraction optional.
 */
const ISO_DATE_TIME =
  /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True for an ISO 8601 date and time with a zone (`Z` or an offset) that
 * names a real moment: a day the month has, hours to 23, minutes and seconds
 * to 59, within the range of a JavaScript date. A date without a zone is
 * refused: it would be read in the local time of whoever restores it.
 */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string') return false;
  const m = ISO_DATE_TIME.exec(v);
  if (!m) return false;
  const [, y, mo, d, h, mi, s, oh, om] = m.map((x) => (x === undefined ? 0 : Number(x)));
  if (mo! < 1 || mo! > 12 || h! > 23 || mi! > 59 || s! > 59 || oh! > 23 || om! > 59) return false;
  const leap = y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  if (d! < 1 || d! > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo! - 1]!)) return false;
  return !Number.isNaN(Date.parse(v));
}
