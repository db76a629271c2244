/**
 * Guards for an article that crossed a trust boundary (an imported backup, an
 * old row): {@link isArticle}, and {@link articleProblem}, which names the
 * first field that is wrong so an import can say what is broken.
 *
 * They belong next to `isHighlight` in lib/model.ts; they live here until
 * that module is free to change.
 */
import type { Article } from '../model.ts';

const NODE_KINDS: readonly unknown[] = ['heading', 'lead', 'inline'];

/**
 * Deepest outline nesting accepted. Real outlines go four or five levels
 * deep; a limit keeps a crafted file from overflowing the stack.
 */
const MAX_DEPTH = 32;

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isNullableString = (v: unknown): v is string | null => v === null || typeof v === 'string';
const isNat = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** True for an ISO 8601 date string (what `Date.prototype.toISOString` writes, or any string `Date.parse` reads). */
export function isDateString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && !Number.isNaN(Date.parse(v));
}

/** The first problem of a node source `{block, start, end}`, as `field: reason`, or null. */
function sourceProblem(v: unknown, at: string): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  for (const k of ['block', 'start', 'end'] as const)
    if (!isNat(v[k])) return `${at}.${k} must be a non-negative integer`;
  if ((v.end as number) < (v.start as number)) return `${at}.end must not be before start`;
  return null;
}

function nodeProblem(v: unknown, at: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${at} is nested deeper than ${MAX_DEPTH} levels`;
  if (!isRec(v)) return `${at} must be an object`;
  if (typeof v.level !== 'number' || !Number.isInteger(v.level) || v.level < 1)
    return `${at}.level must be an integer ≥ 1`;
  if (!NODE_KINDS.includes(v.kind)) return `${at}.kind must be heading, lead or inline`;
  if (!isNullableString(v.marker)) return `${at}.marker must be a string or null`;
  if (!isString(v.text)) return `${at}.text must be a string`;
  if (!isString(v.key)) return `${at}.key must be a string`;
  const src = sourceProblem(v.source, `${at}.source`);
  if (src) return src;
  if (!Array.isArray(v.children)) return `${at}.children must be an array`;
  for (let i = 0; i < v.children.length; i++) {
    const p = nodeProblem(v.children[i], `${at}.children[${i}]`, depth + 1);
    if (p) return p;
  }
  return null;
}

/** The first problem of a stored outline, or null when it is one. */
export function outlineProblem(v: unknown, at = 'outline'): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  for (const k of ['title', 'subtitle', 'author', 'affiliation', 'conclusion'] as const)
    if (!isNullableString(v[k])) return `${at}.${k} must be a string or null`;
  if (!Array.isArray(v.formulations)) return `${at}.formulations must be an array`;
  for (let i = 0; i < v.formulations.length; i++) {
    const f: unknown = v.formulations[i];
    const fa = `${at}.formulations[${i}]`;
    if (!isRec(f)) return `${fa} must be an object`;
    if (!isString(f.text)) return `${fa}.text must be a string`;
    if (!Array.isArray(f.occurrences)) return `${fa}.occurrences must be an array`;
    for (let j = 0; j < f.occurrences.length; j++) {
      const p = sourceProblem(f.occurrences[j], `${fa}.occurrences[${j}]`);
      if (p) return p;
    }
  }
  if (!Array.isArray(v.digest) || !v.digest.every(isString))
    return `${at}.digest must be an array of strings`;
  if (!Array.isArray(v.nodes)) return `${at}.nodes must be an array`;
  for (let i = 0; i < v.nodes.length; i++) {
    const p = nodeProblem(v.nodes[i], `${at}.nodes[${i}]`, 1);
    if (p) return p;
  }
  return null;
}

/**
 * The first problem of a value that should be an {@link Article}, as
 * `field: reason` (e.g. `outline.nodes[2].level must be an integer ≥ 1`), or
 * null when it is a valid article. Extra fields are allowed (a newer minor
 * writer may add some); they are kept as they are.
 */
export function articleProblem(v: unknown): string | null {
  if (!isRec(v)) return 'must be an object';
  if (!isString(v.id) || v.id.length === 0) return 'id must be a non-empty string';
  if (!isString(v.url)) return 'url must be a string';
  if (!isString(v.site)) return 'site must be a string';
  if (!isString(v.title)) return 'title must be a string';
  if (!Array.isArray(v.tags) || !v.tags.every(isString)) return 'tags must be an array of strings';
  if (!isDateString(v.savedAt)) return 'savedAt must be an ISO 8601 date';
  if (!isDateString(v.updatedAt)) return 'updatedAt must be an ISO 8601 date';
  if (v.sourceText !== undefined && !isString(v.sourceText))
    return 'sourceText must be a string when present';
  return outlineProblem(v.outline);
}

/** Checks an article that crossed a trust boundary (imported JSON, an old row). */
export function isArticle(v: unknown): v is Article {
  return articleProblem(v) === null;
}
