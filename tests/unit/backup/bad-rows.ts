/**
 * Rows whose fields are not of the schema's types, each a change to a valid
 * backup's JSON (articles[0], highlights[0] and a site-preferences row at
 * index 0), with the kind and message a restore must refuse it with. Shared
 * by the parser's tests (lib) and the storage tests ("nothing changed").
 */
import type { BackupErrorKind } from '../../../lib/backup/index.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the cases poke at raw JSON */
export type RawBackup = Record<string, any>;
type Row = Record<string, any>;

export interface BadRow {
  name: string;
  /** Breaks the backup in one place (it holds at least one article and one highlight). */
  mutate: (b: RawBackup) => void;
  kind: BackupErrorKind;
  message: RegExp;
}

/** Sets an own, enumerable property, as JSON.parse makes one (`__proto__` included). */
function setOwn(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Makes the file's site preferences one row: `{ site: 'a.cn', ...fields }`. */
const prefs =
  (fields: Row) =>
  (b: RawBackup): void => {
    b.sitePrefs = [{ site: 'a.cn', ...fields }];
  };

const article = (change: (a: Row) => void) => (b: RawBackup) => change(b.articles[0] as Row);
const highlight = (change: (h: Row) => void) => (b: RawBackup) => change(b.highlights[0] as Row);
const quoteOf = (h: Row): Row => (h.selectors as Row[]).find((s) => s.kind === 'quote')!;

/** `Site preferences at index 0 (site "a.cn") are invalid: <field>.` */
const prefsMessage = (field: string) =>
  new RegExp(`^Site preferences at index 0 \\(site "a\\.cn"\\) are invalid: ${field}\\.$`);
/** `Article at index 0 (id "…") is invalid: <field>.` */
const articleMessage = (field: string) =>
  new RegExp(`^Article at index 0 \\(id "[^"]+"\\) is invalid: ${field}\\.$`);
/** `Highlight at index 0 (id "…") is invalid: <field>.` */
const highlightMessage = (field: string) =>
  new RegExp(`^Highlight at index 0 \\(id "[^"]+"\\) is invalid: ${field}\\.$`);

/** The cases of one row type, all refused with `k`. */
const kind = (k: BackupErrorKind, cases: Omit<BadRow, 'kind'>[]): BadRow[] =>
  cases.map((c) => ({ ...c, kind: k }));

const WIDTH = 'width must be a number from 200 to 1200';
const LONG_ID = 'x'.repeat(8193);

export const BAD_SITE_PREFS: BadRow[] = kind('invalid-site-prefs', [
  { name: 'a width "abc"', mutate: prefs({ width: 'abc' }), message: prefsMessage(WIDTH) },
  { name: 'a width 1e9', mutate: prefs({ width: 1e9 }), message: prefsMessage(WIDTH) },
  {
    name: 'a width below the minimum',
    mutate: prefs({ width: 199.5 }),
    message: prefsMessage(WIDTH),
  },
  { name: 'a negative width', mutate: prefs({ width: -400 }), message: prefsMessage(WIDTH) },
  { name: 'a width of null', mutate: prefs({ width: null }), message: prefsMessage(WIDTH) },
  {
    name: 'alwaysOpen "yes"',
    mutate: prefs({ alwaysOpen: 'yes' }),
    message: prefsMessage('alwaysOpen must be true or false'),
  },
  {
    name: 'collapsed 1',
    mutate: prefs({ collapsed: 1 }),
    message: prefsMessage('collapsed must be true or false'),
  },
  {
    name: 'an unknown key',
    mutate: prefs({ fontSize: 14 }),
    message: prefsMessage('fontSize is not a known field'),
  },
  {
    name: 'a __proto__ key',
    mutate: (b) => {
      const row = { site: 'a.cn' };
      setOwn(row, '__proto__', { width: 300 });
      b.sitePrefs = [row];
    },
    message: prefsMessage('__proto__ is a forbidden key'),
  },
  {
    name: 'a constructor key',
    mutate: prefs({ constructor: {} }),
    message: prefsMessage('constructor is a forbidden key'),
  },
  {
    name: 'a site that is a number',
    mutate: (b) => {
      b.sitePrefs = [{ site: 42, width: 400 }];
    },
    message: /^Site preferences at index 0 are invalid: site must be a non-empty string\.$/,
  },
  {
    name: 'a site 8,193 characters long',
    mutate: (b) => {
      b.sitePrefs = [{ site: LONG_ID }];
    },
    message:
      /^Site preferences at index 0 \(site "x{80}…"\) are invalid: site must be at most 8192 characters long\.$/,
  },
  {
    name: 'a row that is a string',
    mutate: (b) => {
      b.sitePrefs = ['a.cn'];
    },
    message: /^Site preferences at index 0 are invalid: the row must be an object\.$/,
  },
]);

export const BAD_ARTICLES: BadRow[] = kind('invalid-article', [
  {
    name: 'an unknown key',
    mutate: article((a) => (a.starred = true)),
    message: articleMessage('starred is not a known field'),
  },
  {
    name: 'a constructor key',
    mutate: article((a) => setOwn(a, 'constructor', { name: 'x' })),
    message: articleMessage('constructor is a forbidden key'),
  },
  {
    name: 'a __proto__ key in an outline node',
    mutate: article((a) => setOwn(a.outline.nodes[0], '__proto__', { level: 1 })),
    message: articleMessage('outline\\.nodes\\[0\\]\\.__proto__ is a forbidden key'),
  },
  {
    name: 'an unknown key in the outline',
    mutate: article((a) => (a.outline.thesis = '论点')),
    message: articleMessage('outline\\.thesis is not a known field'),
  },
  {
    name: 'an unknown key in a node source',
    mutate: article((a) => (a.outline.nodes[0].source.line = 3)),
    message: articleMessage('outline\\.nodes\\[0\\]\\.source\\.line is not a known field'),
  },
  {
    name: 'a negative source offset',
    mutate: article((a) => (a.outline.nodes[0].source.start = -1)),
    message: articleMessage(
      'outline\\.nodes\\[0\\]\\.source\\.start must be a non-negative integer',
    ),
  },
  {
    name: 'a source offset beyond the safe integers',
    mutate: article((a) => (a.outline.nodes[0].source.end = 1e300)),
    message: articleMessage('outline\\.nodes\\[0\\]\\.source\\.end must be a non-negative integer'),
  },
  {
    name: 'a node level 1e9',
    mutate: article((a) => (a.outline.nodes[0].level = 1e9)),
    message: articleMessage('outline\\.nodes\\[0\\]\\.level must be at most 32'),
  },
  {
    name: 'a node level "1"',
    mutate: article((a) => (a.outline.nodes[0].level = '1')),
    message: articleMessage('outline\\.nodes\\[0\\]\\.level must be an integer ≥ 1'),
  },
  {
    name: 'an id 8,193 characters long',
    mutate: article((a) => (a.id = LONG_ID)),
    message:
      /^Article at index 0 \(id "x{80}…"\) is invalid: id must be at most 8192 characters long\.$/,
  },
  {
    name: 'an id that is a number',
    mutate: article((a) => (a.id = 42)),
    message: /^Article at index 0 is invalid: id must be a non-empty string\.$/,
  },
  {
    name: 'a tag that is a number',
    mutate: article((a) => (a.tags = ['治理', 1])),
    message: articleMessage('tags must be an array of strings'),
  },
  {
    name: 'a day the month does not have',
    mutate: article((a) => (a.savedAt = '2025-02-30T08:00:00.000Z')),
    message: articleMessage('savedAt must be an ISO 8601 date'),
  },
  {
    name: 'a date without a time',
    mutate: article((a) => (a.savedAt = '2025-06-01')),
    message: articleMessage('savedAt must be an ISO 8601 date'),
  },
  {
    name: 'a date without a zone',
    mutate: article((a) => (a.updatedAt = '2025-06-01T08:00:00')),
    message: articleMessage('updatedAt must be an ISO 8601 date'),
  },
  {
    name: 'a date that is a number',
    mutate: article((a) => (a.updatedAt = 1717228800000)),
    message: articleMessage('updatedAt must be an ISO 8601 date'),
  },
  {
    name: 'a sourceText that is a number',
    mutate: article((a) => (a.sourceText = 5)),
    message: articleMessage('sourceText must be a string when present'),
  },
]);

export const BAD_HIGHLIGHTS: BadRow[] = kind('invalid-highlight', [
  {
    name: 'the colour "red"',
    mutate: highlight((h) => (h.color = 'red')),
    message: highlightMessage('color must be one of yellow, green, blue, pink, purple'),
  },
  {
    name: 'a note that is a number',
    mutate: highlight((h) => (h.note = 42)),
    message: highlightMessage('note must be a string'),
  },
  {
    name: 'a selector with a negative offset',
    mutate: highlight((h) => h.selectors.unshift({ kind: 'position', start: -5, end: 3 })),
    message: highlightMessage('selectors\\[0\\]\\.start must be a non-negative integer'),
  },
  {
    name: 'a selector ending before it starts',
    mutate: highlight((h) => h.selectors.unshift({ kind: 'position', start: 9, end: 3 })),
    message: highlightMessage('selectors\\[0\\]\\.end must not be before start'),
  },
  {
    name: 'a selector with a fractional offset',
    mutate: highlight((h) => h.selectors.unshift({ kind: 'position', start: 2.5, end: 3 })),
    message: highlightMessage('selectors\\[0\\]\\.start must be a non-negative integer'),
  },
  {
    name: 'an outline-node path with a negative index',
    mutate: highlight((h) =>
      h.selectors.unshift({ kind: 'outline-node', path: [0, -1], key: 'k', text: 't' }),
    ),
    message: highlightMessage('selectors\\[0\\]\\.path must hold non-negative integers'),
  },
  {
    name: 'an empty outline-node path',
    mutate: highlight((h) =>
      h.selectors.unshift({ kind: 'outline-node', path: [], key: 'k', text: 't' }),
    ),
    message: highlightMessage('selectors\\[0\\]\\.path must be a list of 1 to 32 indices'),
  },
  {
    name: 'an empty quote',
    mutate: highlight((h) => (quoteOf(h).exact = '')),
    message: highlightMessage('selectors\\[\\d\\]\\.exact must be a non-empty string'),
  },
  {
    name: 'a selector of an unknown kind',
    mutate: highlight((h) => h.selectors.unshift({ kind: 'range', start: 0, end: 1 })),
    message: highlightMessage('selectors\\[0\\]\\.kind must be position, quote or outline-node'),
  },
  {
    name: 'a selector of the kind "constructor"',
    mutate: highlight((h) => h.selectors.unshift({ kind: 'constructor' })),
    message: highlightMessage('selectors\\[0\\]\\.kind must be position, quote or outline-node'),
  },
  {
    name: 'an unknown key in a selector',
    mutate: highlight((h) => (quoteOf(h).color = 'red')),
    message: highlightMessage('selectors\\[\\d\\]\\.color is not a known field'),
  },
  {
    name: 'two quote selectors',
    mutate: highlight((h) => h.selectors.push({ ...quoteOf(h) })),
    message: highlightMessage('selectors\\[\\d\\] repeats the kind quote'),
  },
  {
    name: 'selectors that are no list',
    mutate: highlight((h) => (h.selectors = 'quote')),
    message: highlightMessage('selectors must be an array'),
  },
  {
    name: 'a creation date "yesterday"',
    mutate: highlight((h) => (h.createdAt = 'yesterday')),
    message: highlightMessage('createdAt must be an ISO 8601 date'),
  },
  {
    name: 'an unknown key',
    mutate: highlight((h) => (h.starred = true)),
    message: highlightMessage('starred is not a known field'),
  },
  {
    name: 'a __proto__ key',
    mutate: highlight((h) => setOwn(h, '__proto__', { color: 'red' })),
    message: highlightMessage('__proto__ is a forbidden key'),
  },
  {
    name: 'an empty article id',
    mutate: highlight((h) => (h.articleId = '')),
    message: highlightMessage('articleId must be a non-empty string'),
  },
  {
    name: 'an id that is a number',
    mutate: highlight((h) => (h.id = 7)),
    message: /^Highlight at index 0 is invalid: id must be a non-empty string\.$/,
  },
]);

/** Every bad row above. */
export const BAD_ROWS: BadRow[] = [...BAD_SITE_PREFS, ...BAD_ARTICLES, ...BAD_HIGHLIGHTS];

/** The backup text of `text` with `bad` applied. */
export function breakBackup(text: string, bad: BadRow): string {
  const b = JSON.parse(text) as RawBackup;
  bad.mutate(b);
  return JSON.stringify(b);
}
