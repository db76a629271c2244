/**
 * The strict check of a highlight read from a backup: {@link highlightProblem}
 * names the first field that is wrong. Stricter than `isHighlight`
 * (lib/model.ts), which guards messages: no unknown or prototype key, ids of
 * bounded length, ISO 8601 dates, offsets and paths of non-negative safe
 * integers, one selector of each kind at most.
 */
import { HIGHLIGHT_COLORS } from '../model.ts';
import { idProblem, isIsoDate, isNat, isRec, isString, keysProblem, type Rec } from './checks.ts';
import { MAX_DEPTH } from './is-article.ts';

const HIGHLIGHT_KEYS: ReadonlySet<string> = new Set([
  'id',
  'articleId',
  'color',
  'note',
  'selectors',
  'createdAt',
  'updatedAt',
]);

/** The fields of each kind of selector (lib/model.ts Selector). */
const SELECTOR_KEYS: ReadonlyMap<unknown, ReadonlySet<string>> = new Map([
  ['position', new Set(['kind', 'start', 'end'])],
  ['quote', new Set(['kind', 'exact', 'prefix', 'suffix'])],
  ['outline-node', new Set(['kind', 'path', 'key', 'text'])],
]);

/** The first problem of one selector, or null. */
function selectorProblem(s: unknown, at: string): string | null {
  if (!isRec(s)) return `${at} must be an object`;
  const allowed = SELECTOR_KEYS.get(s.kind);
  if (!allowed) return `${at}.kind must be position, quote or outline-node`;
  const keys = keysProblem(s, allowed, at);
  if (keys) return keys;
  switch (s.kind) {
    case 'position':
      if (!isNat(s.start)) return `${at}.start must be a non-negative integer`;
      if (!isNat(s.end)) return `${at}.end must be a non-negative integer`;
      if (s.end < s.start) return `${at}.end must not be before start`;
      return null;
    case 'quote':
      if (!isString(s.exact) || s.exact.length === 0)
        return `${at}.exact must be a non-empty string`;
      if (!isString(s.prefix)) return `${at}.prefix must be a string`;
      if (!isString(s.suffix)) return `${at}.suffix must be a string`;
      return null;
    default:
      return outlineNodeProblem(s, at);
  }
}

function outlineNodeProblem(s: Rec, at: string): string | null {
  const path = s.path;
  if (!Array.isArray(path) || path.length === 0 || path.length > MAX_DEPTH)
    return `${at}.path must be a list of 1 to ${MAX_DEPTH} indices`;
  if (!path.every(isNat)) return `${at}.path must hold non-negative integers`;
  if (!isString(s.key)) return `${at}.key must be a string`;
  if (!isString(s.text)) return `${at}.text must be a string`;
  return null;
}

/**
 * The first problem of a value that should be a highlight, as `field
 * reason` (e.g. `selectors[0].start must be a non-negative integer`), or
 * null: every field of lib/model.ts Highlight with its type, `color` one of
 * {@link HIGHLIGHT_COLORS}, dates ISO 8601 with their zone, the selectors
 * valid, one quote selector among them and no kind twice, and no other field.
 */
export function highlightProblem(v: unknown): string | null {
  if (!isRec(v)) return 'the row must be an object';
  const keys = keysProblem(v, HIGHLIGHT_KEYS, '');
  if (keys) return keys;
  const id = idProblem(v.id, 'id') ?? idProblem(v.articleId, 'articleId');
  if (id) return id;
  if (!(HIGHLIGHT_COLORS as readonly unknown[]).includes(v.color))
    return `color must be one of ${HIGHLIGHT_COLORS.join(', ')}`;
  if (!isString(v.note)) return 'note must be a string';
  if (!Array.isArray(v.selectors)) return 'selectors must be an array';
  const kinds = new Set<unknown>();
  for (let i = 0; i < v.selectors.length; i++) {
    const s: unknown = v.selectors[i];
    const p = selectorProblem(s, `selectors[${i}]`);
    if (p) return p;
    const kind = (s as Rec).kind;
    if (kinds.has(kind)) return `selectors[${i}] repeats the kind ${String(kind)}`;
    kinds.add(kind);
  }
  if (!kinds.has('quote')) return 'selectors must hold a quote selector';
  if (!isIsoDate(v.createdAt)) return 'createdAt must be an ISO 8601 date';
  if (!isIsoDate(v.updatedAt)) return 'updatedAt must be an ISO 8601 date';
  return null;
}
