/**
 * Guards for an article that crossed a trust boundary (an imported backup, an
 * old row): {@link isArticle}, and {@link articleProblem}, which names the
 * first field that is wrong so an import can say what is broken.
 *
 * They belong next to `isHighlight` in lib/model.ts; they live here until
 * that module is free to change.
 */
import type { Article } from '../model.ts';
import { MAX_TEXT_BLOCKS, MAX_TEXT_CHARS } from '../text/article-text.ts';
import {
  idProblem,
  isIsoDate,
  isNat,
  isNullableString,
  isRec,
  isString,
  keysProblem,
} from './checks.ts';

const NODE_KINDS: readonly unknown[] = ['heading', 'lead', 'inline'];

/**
 * Deepest outline nesting accepted, and highest node level. Real outlines go
 * four or five levels deep; a limit keeps a crafted file from overflowing the
 * stack (or indenting a node a billion pixels).
 */
export const MAX_DEPTH = 32;

/** The fields of each object of an article, all required but `sourceText` and `text`. */
const ARTICLE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'url',
  'site',
  'title',
  'outline',
  'tags',
  'sourceText',
  'text',
  'savedAt',
  'updatedAt',
]);
const OUTLINE_KEYS: ReadonlySet<string> = new Set([
  'title',
  'subtitle',
  'author',
  'affiliation',
  'conclusion',
  'formulations',
  'digest',
  'nodes',
  'more',
]);
const NODE_KEYS: ReadonlySet<string> = new Set([
  'level',
  'kind',
  'marker',
  'text',
  'key',
  'children',
  'source',
  'more',
]);
const SOURCE_KEYS: ReadonlySet<string> = new Set(['block', 'start', 'end']);
const TEXT_KEYS: ReadonlySet<string> = new Set(['blocks', 'cut']);
const TEXT_BLOCK_KEYS: ReadonlySet<string> = new Set(['kind', 'text', 'level', 'bold']);
const BLOCK_KINDS: readonly unknown[] = ['paragraph', 'heading', 'list-item'];
const FORMULATION_KEYS: ReadonlySet<string> = new Set(['text', 'occurrences']);

/**
 * True for an ISO 8601 date and time with its zone, as
 * `Date.prototype.toISOString` writes it (lib/backup/checks.ts isIsoDate).
 */
export function isDateString(v: unknown): v is string {
  return isIsoDate(v);
}

/** The first problem of a node source `{block, start, end}`, as `field: reason`, or null. */
function sourceProblem(v: unknown, at: string): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  const keys = keysProblem(v, SOURCE_KEYS, at);
  if (keys) return keys;
  for (const k of ['block', 'start', 'end'] as const)
    if (!isNat(v[k])) return `${at}.${k} must be a non-negative integer`;
  if ((v.end as number) < (v.start as number)) return `${at}.end must not be before start`;
  return null;
}

function nodeProblem(v: unknown, at: string, depth: number): string | null {
  if (depth > MAX_DEPTH) return `${at} is nested deeper than ${MAX_DEPTH} levels`;
  if (!isRec(v)) return `${at} must be an object`;
  const keys = keysProblem(v, NODE_KEYS, at);
  if (keys) return keys;
  if (typeof v.level !== 'number' || !Number.isInteger(v.level) || v.level < 1)
    return `${at}.level must be an integer ≥ 1`;
  if (v.level > MAX_DEPTH) return `${at}.level must be at most ${MAX_DEPTH}`;
  if (!NODE_KINDS.includes(v.kind)) return `${at}.kind must be heading, lead or inline`;
  if (!isNullableString(v.marker)) return `${at}.marker must be a string or null`;
  if (!isString(v.text)) return `${at}.text must be a string`;
  if (!isString(v.key)) return `${at}.key must be a string`;
  const src = sourceProblem(v.source, `${at}.source`);
  if (src) return src;
  if (v.more !== undefined && !isNat(v.more)) return `${at}.more must be a non-negative integer`;
  if (!Array.isArray(v.children)) return `${at}.children must be an array`;
  for (let i = 0; i < v.children.length; i++) {
    const p = nodeProblem(v.children[i], `${at}.children[${i}]`, depth + 1);
    if (p) return p;
  }
  return null;
}

/** The first problem of one block of a saved text, or null. */
function textBlockProblem(v: unknown, at: string): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  const keys = keysProblem(v, TEXT_BLOCK_KEYS, at);
  if (keys) return keys;
  if (!BLOCK_KINDS.includes(v.kind)) return `${at}.kind must be paragraph, heading or list-item`;
  if (!isString(v.text) || v.text.length === 0) return `${at}.text must be a non-empty string`;
  if (v.level !== undefined && !(isNat(v.level) && v.level >= 1 && v.level <= 6))
    return `${at}.level must be an integer from 1 to 6`;
  if (v.bold === undefined) return null;
  if (!Array.isArray(v.bold)) return `${at}.bold must be an array`;
  let last = 0;
  for (let i = 0; i < v.bold.length; i++) {
    const run: unknown = v.bold[i];
    const ok =
      Array.isArray(run) &&
      run.length === 2 &&
      isNat(run[0]) &&
      isNat(run[1]) &&
      run[0] >= last &&
      run[1] > run[0] &&
      run[1] <= v.text.length;
    if (!ok) return `${at}.bold[${i}] must be a run [start, end) of the text, after the one before`;
    last = run[1] as number;
  }
  return null;
}

/**
 * The first problem of an article's saved text (lib/model.ts ArticleText), as
 * `field: reason`, or null: blocks of a known kind with non-empty text, bold
 * runs inside it, within the bounds of lib/text/article-text.ts.
 */
export function articleTextProblem(v: unknown, at = 'text'): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  const keys = keysProblem(v, TEXT_KEYS, at);
  if (keys) return keys;
  if (v.cut !== undefined && !isNat(v.cut)) return `${at}.cut must be a non-negative integer`;
  if (!Array.isArray(v.blocks)) return `${at}.blocks must be an array`;
  if (v.blocks.length > MAX_TEXT_BLOCKS)
    return `${at}.blocks must hold at most ${MAX_TEXT_BLOCKS} blocks`;
  let chars = 0;
  for (let i = 0; i < v.blocks.length; i++) {
    const p = textBlockProblem(v.blocks[i], `${at}.blocks[${i}]`);
    if (p) return p;
    chars += (v.blocks[i] as { text: string }).text.length;
  }
  if (chars > MAX_TEXT_CHARS) return `${at} must hold at most ${MAX_TEXT_CHARS} characters`;
  return null;
}

/** The first problem of a stored outline, or null when it is one. */
export function outlineProblem(v: unknown, at = 'outline'): string | null {
  if (!isRec(v)) return `${at} must be an object`;
  const keys = keysProblem(v, OUTLINE_KEYS, at);
  if (keys) return keys;
  for (const k of ['title', 'subtitle', 'author', 'affiliation', 'conclusion'] as const)
    if (!isNullableString(v[k])) return `${at}.${k} must be a string or null`;
  if (!Array.isArray(v.formulations)) return `${at}.formulations must be an array`;
  for (let i = 0; i < v.formulations.length; i++) {
    const f: unknown = v.formulations[i];
    const fa = `${at}.formulations[${i}]`;
    if (!isRec(f)) return `${fa} must be an object`;
    const fkeys = keysProblem(f, FORMULATION_KEYS, fa);
    if (fkeys) return fkeys;
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
  if (v.more !== undefined && !isNat(v.more)) return `${at}.more must be a non-negative integer`;
  for (let i = 0; i < v.nodes.length; i++) {
    const p = nodeProblem(v.nodes[i], `${at}.nodes[${i}]`, 1);
    if (p) return p;
  }
  return null;
}

/**
 * The first problem of a value that should be an {@link Article}, as
 * `field: reason` (e.g. `outline.nodes[2].level must be an integer ≥ 1`), or
 * null when it is a valid article: every field of the schema with its type
 * (`sourceText` and `text` may be absent), the id a non-empty string of bounded length
 * (checks.ts MAX_ID_LENGTH), dates ISO 8601 with their zone, outline numbers
 * non-negative safe integers, and no other field at any level (an unknown
 * one, or `__proto__`/`constructor`, is named). A field a newer writer adds
 * comes with a new backup version (format.ts).
 */
export function articleProblem(v: unknown): string | null {
  if (!isRec(v)) return 'the row must be an object';
  const keys = keysProblem(v, ARTICLE_KEYS, '');
  if (keys) return keys;
  const id = idProblem(v.id, 'id');
  if (id) return id;
  if (!isString(v.url)) return 'url must be a string';
  if (!isString(v.site)) return 'site must be a string';
  if (!isString(v.title)) return 'title must be a string';
  if (!Array.isArray(v.tags) || !v.tags.every(isString)) return 'tags must be an array of strings';
  if (!isDateString(v.savedAt)) return 'savedAt must be an ISO 8601 date';
  if (!isDateString(v.updatedAt)) return 'updatedAt must be an ISO 8601 date';
  if (v.sourceText !== undefined && !isString(v.sourceText))
    return 'sourceText must be a string when present';
  if (v.text !== undefined) {
    const text = articleTextProblem(v.text);
    if (text) return text;
  }
  return outlineProblem(v.outline);
}

/** Checks an article that crossed a trust boundary (imported JSON, an old row). */
export function isArticle(v: unknown): v is Article {
  return articleProblem(v) === null;
}
