import { describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../lib/backup/index.ts';
import {
  JsonStreamError,
  TopLevelSplitter,
  type SplitterSink,
} from '../../../lib/backup/json-stream.ts';
import { makeLibrary, rng } from './library-fixture.ts';

type Call =
  ['member', string, unknown] | ['item', string, unknown, number] | ['end', string, number];

const recorder = (calls: Call[]): SplitterSink => ({
  member: (key, value) => calls.push(['member', key, value]),
  item: (list, value, index) => calls.push(['item', list, value, index]),
  listEnd: (list, count) => calls.push(['end', list, count]),
});

/** The sink calls the splitter makes for `chunks`, fed in order. */
function split(chunks: readonly string[], lists: readonly string[]): Call[] {
  const calls: Call[] = [];
  const splitter = new TopLevelSplitter(lists, recorder(calls));
  for (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  return calls;
}

/** The sink calls `JSON.parse` of the whole text implies, its top-level keys being `keys` in file order. */
function expected(text: string, keys: readonly string[], lists: readonly string[]): Call[] {
  const whole = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  expect(Object.keys(whole).sort()).toEqual([...keys].sort());
  const calls: Call[] = [];
  for (const key of keys) {
    const value = Object.getOwnPropertyDescriptor(whole, key)!.value as unknown;
    if (lists.includes(key) && Array.isArray(value)) {
      value.forEach((item, i) => calls.push(['item', key, item, i]));
      calls.push(['end', key, value.length]);
    } else calls.push(['member', key, value]);
  }
  return calls;
}

/** Pieces of `text` of random lengths from 1 to `max`. */
function pieces(text: string, r: () => number, max: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    const n = 1 + Math.floor(r() * max);
    out.push(text.slice(i, i + n));
    i += n;
  }
  return out;
}

/** The ways a text is cut for the tests: whole, every character, random, right after each backslash. */
function chunkings(text: string, r: () => number): string[][] {
  return [
    [text],
    [...text.split('')],
    pieces(text, r, 8),
    pieces(text, r, 200),
    pieces(text, r, 5000),
    text.split(/(?<=\\)/),
  ];
}

// A random JSON text generator that writes what JSON.stringify never does:
// escapes of any character, `\/`, upper-case hex, exponents, -0, whitespace
// anywhere it may go.

const CHARS = [
  ...'aZ09 中文字符串高质量发展é',
  '𠮷',
  '😀',
  ...'"\\/\b\f\n\r\t',
  '\u0000',
  '\u001f',
  '\u007f',
  '\u2028',
  '\uFEFF',
  ...'{}[],:',
];
const SHORT: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '/': '\\/',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};
const NUMBERS = ['0', '-0', '1', '-1', '12.5', '1e-7', '1E+300', '-2.5E-3', '0.1', '3e2', '-0.0'];
const NUMBERS_MORE = ['123456789012345678901234567890', '1e400', '5e-324', '0e0', '-1.0E-0'];
const LITERALS = ['true', 'false', 'null'];

const hex = (r: () => number, unit: number) => {
  const h = unit.toString(16).padStart(4, '0');
  return '\\u' + (r() < 0.5 ? h : h.toUpperCase());
};

/** JSON text of the string `s`, each character raw or escaped at random (as JSON allows). */
function stringText(s: string, r: () => number): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    const mustEscape = ch === '"' || ch === '\\' || code < 0x20;
    const roll = r();
    if (!mustEscape && roll < 0.7) out += ch;
    else if (SHORT[ch] !== undefined && roll < 0.85) out += SHORT[ch];
    else for (let k = 0; k < ch.length; k++) out += hex(r, ch.charCodeAt(k));
  }
  return out + '"';
}

function randomString(r: () => number, max = 12): string {
  let s = '';
  const n = Math.floor(r() * max);
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)];
  return s;
}

interface Gen {
  r: () => number;
  /** Whitespace between tokens. */
  ws: () => string;
}

function messyWs(r: () => number): string {
  const roll = r();
  if (roll < 0.6) return '';
  if (roll < 0.8) return ' ';
  return ['\n', '\t', '\r\n', '  \n    ', ' \t\r\n'][Math.floor(r() * 5)]!;
}

function valueText(g: Gen, depth: number): string {
  const { r, ws } = g;
  const roll = r();
  if (depth > 3 || roll < 0.45) {
    const kind = Math.floor(r() * 4);
    if (kind === 0) return stringText(randomString(r), r);
    if (kind === 1) return NUMBERS[Math.floor(r() * NUMBERS.length)]!;
    if (kind === 2) return NUMBERS_MORE[Math.floor(r() * NUMBERS_MORE.length)]!;
    return LITERALS[Math.floor(r() * LITERALS.length)]!;
  }
  const n = Math.floor(r() * 5);
  const parts: string[] = [];
  if (roll < 0.7) {
    for (let i = 0; i < n; i++) parts.push(ws() + valueText(g, depth + 1) + ws());
    return '[' + (parts.join(',') || ws()) + ']';
  }
  for (let i = 0; i < n; i++) {
    // Keys may repeat inside a value (JSON.parse keeps the last) and may be __proto__.
    const key = r() < 0.1 ? '__proto__' : r() < 0.2 ? 'id' : randomString(r, 4);
    parts.push(ws() + stringText(key, r) + ws() + ':' + ws() + valueText(g, depth + 1) + ws());
  }
  return '{' + (parts.join(',') || ws()) + '}';
}

/** A record as backups hold them: always the same first key, nested records with it too. */
function recordText(g: Gen, depth: number): string {
  const { r, ws } = g;
  const children: string[] = [];
  if (depth < 2)
    for (let n = Math.floor(r() * 3); n > 0; n--) children.push(recordText(g, depth + 1));
  const f = (k: string, v: string) => stringText(k, r) + ws() + ':' + ws() + v;
  return (
    '{' +
    [
      f('id', String(Math.floor(r() * 1e6))),
      f('text', stringText(randomString(r, 30), r)),
      f('children', '[' + children.join(',' + ws()) + ']'),
      f('extra', valueText(g, 2)),
    ].join(',' + ws()) +
    '}'
  );
}

const LISTS = ['articles', 'highlights', 'sitePrefs', '中文'];
const TOP_KEYS = [...LISTS, 'format', 'version', '__proto__', '1', 'a"b', '', 'x\\y'];

/** A random top-level object: its text and its keys in file order. */
function documentText(g: Gen): { text: string; keys: string[] } {
  const { r, ws } = g;
  const keys = TOP_KEYS.filter(() => r() < 0.6).sort(() => r() - 0.5);
  const members = keys.map((key) => {
    let value: string;
    if (LISTS.includes(key) && r() < 0.85) {
      const n = Math.floor(r() * 8);
      const items: string[] = [];
      const records = r() < 0.5;
      for (let i = 0; i < n; i++)
        items.push(ws() + (records ? recordText(g, 0) : valueText(g, 1)) + ws());
      value = '[' + (items.join(',') || ws()) + ']';
    } else value = valueText(g, 1);
    return ws() + stringText(key, r) + ws() + ':' + ws() + value + ws();
  });
  return { text: ws() + '{' + (members.join(',') || ws()) + '}' + ws(), keys };
}

describe('TopLevelSplitter: what JSON.parse gives', () => {
  it('gives the sink calls JSON.parse implies for random objects, however the text is cut', () => {
    const r = rng(7);
    for (let n = 0; n < 150; n++) {
      const { text, keys } = documentText({ r, ws: () => messyWs(r) });
      const want = expected(text, keys, LISTS);
      for (const chunks of chunkings(text, r)) expect(split(chunks, LISTS)).toEqual(want);
    }
  });

  it('does the same for JSON.stringify output, pretty, compact and tab-indented', () => {
    const r = rng(11);
    for (let n = 0; n < 150; n++) {
      const { text } = documentText({ r, ws: () => '' });
      const value = JSON.parse(text) as Record<string, unknown>;
      for (const indent of [2, undefined, '\t']) {
        const out = JSON.stringify(value, null, indent);
        const want = expected(out, Object.keys(value), LISTS);
        for (const chunks of chunkings(out, r)) expect(split(chunks, LISTS)).toEqual(want);
      }
    }
  });

  it('is right when the text is cut in two at every point', () => {
    const r = rng(3);
    for (const ws of [() => '', () => messyWs(r)]) {
      let doc = documentText({ r, ws });
      while (doc.text.length > 1500) doc = documentText({ r, ws });
      const { text, keys } = doc;
      const want = expected(text, keys, LISTS);
      for (let i = 0; i <= text.length; i++)
        expect(split([text.slice(0, i), text.slice(i)], LISTS)).toEqual(want);
    }
    const pretty = JSON.stringify(
      { format: 'x', articles: [{ id: 1, a: [{ id: 2 }] }, 2, [3, '\\"'], { id: 4 }], b: {} },
      null,
      2,
    );
    const want = expected(pretty, ['format', 'articles', 'b'], LISTS);
    for (let i = 0; i <= pretty.length; i++)
      expect(split([pretty.slice(0, i), pretty.slice(i)], LISTS)).toEqual(want);
  });

  it('streams a backup of the library fixture, pretty and compact', () => {
    const r = rng(5);
    const lib = {
      ...makeLibrary(60, 300),
      sitePrefs: [{ site: 'news.cn', alwaysOpen: true, width: 400 }],
    };
    const lists = ['articles', 'highlights', 'sitePrefs'];
    for (const pretty of [true, false]) {
      const text = serializeBackup(lib, { pretty, exportedAt: '2025-06-01T08:00:00.000Z' });
      const want = expected(text, ['format', 'version', 'exportedAt', ...lists], lists);
      for (const max of [1000, 20_000, 70_000])
        expect(split(pieces(text, r, max), lists)).toEqual(want);
    }
  });

  it('hands on each element as soon as it is complete, before the array ends', () => {
    const calls: Call[] = [];
    const splitter = new TopLevelSplitter(['l'], recorder(calls));
    splitter.push('{"l": [{"a": 1}, 2');
    expect(calls).toEqual([['item', 'l', { a: 1 }, 0]]);
    splitter.push(', "x"');
    expect(calls).toEqual([
      ['item', 'l', { a: 1 }, 0],
      ['item', 'l', 2, 1],
      ['item', 'l', 'x', 2],
    ]);
    splitter.push(']');
    expect(calls.at(-1)).toEqual(['end', 'l', 3]);
    splitter.push('}\n');
    splitter.end();
  });

  it('reports a list key whose value is not an array as a member', () => {
    const text = '{"articles": {"a": [1]}, "highlights": "none", "sitePrefs": null, "x": [1, 2]}';
    expect(split([text], LISTS)).toEqual([
      ['member', 'articles', { a: [1] }],
      ['member', 'highlights', 'none'],
      ['member', 'sitePrefs', null],
      ['member', 'x', [1, 2]],
    ]);
  });

  it('ends an empty list with a count of 0', () => {
    expect(split(['{"articles":[ \n ],"highlights":[]}'], LISTS)).toEqual([
      ['end', 'articles', 0],
      ['end', 'highlights', 0],
    ]);
    expect(split(['{}'], LISTS)).toEqual([]);
  });

  it('compares keys after unescaping them', () => {
    expect(split(['{"articl\\u0065s": [1], "\\u4e2d\\u6587": [2]}'], LISTS)).toEqual([
      ['item', 'articles', 1, 0],
      ['end', 'articles', 1],
      ['item', '中文', 2, 0],
      ['end', '中文', 1],
    ]);
  });

  it('accepts a byte order mark at the very start, and only there', () => {
    expect(split(['\uFEFF{"a": 1}'], LISTS)).toEqual([['member', 'a', 1]]);
    expect(split(['\uFEFF', '{"a": "\uFEFF"}'], LISTS)).toEqual([['member', 'a', '\uFEFF']]);
    for (const text of [
      ' \uFEFF{"a": 1}',
      '\uFEFF\uFEFF{"a": 1}',
      '{\uFEFF"a": 1}',
      '{"a":\uFEFF 1}',
      '{"l": [1,\uFEFF2]}',
      '{"a": 1}\uFEFF',
    ])
      expect(() => split([text], ['l'])).toThrow(JsonStreamError);
  });

  it('is not misled by elements laid out almost like JSON.stringify', () => {
    const r = rng(9);
    const texts = [
      // One line: nested objects with the element's first key, elements with other first keys.
      '{"l":[{"id":1,"c":[{"id":2},{"id":3}]},{"id":4},{"x":5},{"id":6,"y":{"id":7}},{"id":8}]}',
      '{"l":[{"id":1,"c":{"id":2}},{"id":3}],"m":[{"id":4},{"id":5}]}',
      '{"l":[{"id":1},{"id":2,"c":"},{\\"id\\":"},{"id":3}]}',
      // Line breaks and indents that look pretty-printed but are not.
      '{"l": [\n  {\n  "a": {\n  },\n  "b": 1\n  },\n  {\n  "c": [\n  ]\n  }\n]}',
      '{"l": [\n  {\n"a": 1}, {"b": 2\n  }, [\n  1\n  ],\n  [\n1]\n]}',
      '{"l": [\n  {\n    "a": "\\n  }"\n  },\n  {\n    "b": 2\n  }\n]}',
      '{"l": [\n  {\n    "a": 1\n  }\n  ,\n  {\n    "b": 2\n  }]}',
      // Elements on lines of their own, but not one to a line.
      '{"l": [\n  {"a": 1}, {"b": 2},\n  {"c": "x\\ny"}\n]}',
      '{"l": [\n  {"a": 1}]}',
      '{"l": [\n  [1,\n2],\n  {"a": {"b": 1}} ,\n  3\n]}',
      '{"l": [\n  {"a": 1}\r\n  ,{"b": 2}\r\n],\n"m": [\n  {"c": [\n]}\n]}',
      '{"l": [\n    {"a": "},\\n"}, {"b": [\n  ]}\n  ]}',
    ];
    for (const text of texts) {
      const want = expected(text, Object.keys(JSON.parse(text) as object), ['l', 'm']);
      for (const chunks of chunkings(text, r)) expect(split(chunks, ['l', 'm'])).toEqual(want);
    }
    // Enough misleading elements in a row that the shortcut gives up, then plain ones.
    const items = Array.from({ length: 3000 }, (_, i) =>
      i < 2000 ? { id: i, s: '长'.repeat(1000), c: [{ id: -i }, { id: 'x' }] } : { id: i },
    );
    for (const indent of [undefined, 2]) {
      const text = JSON.stringify({ l: items, tail: 1 }, null, indent);
      const want = expected(text, ['l', 'tail'], ['l']);
      expect(split(pieces(text, r, 65_536), ['l'])).toEqual(want);
    }
  });

  it('finds the end of a value with millions of escapes or strings in it', () => {
    const text = `{"l": [{"a": "${'\\n'.repeat(5_000_000)}"}, ["${'", "'.repeat(4_000_000)}"]]}`;
    const calls = split([text], ['l']);
    expect(calls.length).toBe(3);
    expect((calls[0]![2] as { a: string }).a.length).toBe(5_000_000);
    expect((calls[1]![2] as string[]).length).toBe(4_000_001);
  });
});

/** Feeds `chunks` and ends; the JsonStreamError thrown, or undefined. */
function failure(chunks: readonly string[], lists: readonly string[]): unknown {
  try {
    split(chunks, lists);
  } catch (e) {
    return e;
  }
  return undefined;
}

const INVALID: [name: string, text: string][] = [
  ['an empty text', ''],
  ['only whitespace', ' \n'],
  ['a top-level array', '[{"a": 1}]'],
  ['a top-level string', '"articles"'],
  ['a top-level number', '12'],
  ['a top-level null', 'null'],
  ['garbage after the object', '{"a": 1} x'],
  ['a second object', '{"a": 1}{}'],
  ['an extra closing brace', '{"a": 1}}'],
  ['a comma after the object', '{"a": 1},'],
  ['a missing comma between members', '{"a": 1 "b": 2}'],
  ['a missing comma between items', '{"l": [1 2]}'],
  ['a missing comma between object items', '{"l": [{"a": 1} {"b": 2}]}'],
  [
    'a missing comma between pretty items',
    '{"l": [\n  {\n    "a": 1\n  }\n  {\n    "b": 2\n  }\n]}',
  ],
  ['a missing comma between one-line items', '{"l":[{"a":1}{"a":2}]}'],
  ['a trailing comma in a list', '{"l": [1, 2,]}'],
  ['a trailing comma in the object', '{"a": 1,}'],
  ['a leading comma in a list', '{"l": [,1]}'],
  ['a doubled comma in a list', '{"l": [1,,2]}'],
  ['a leading comma in the object', '{,"a": 1}'],
  ['a missing colon', '{"a" 1}'],
  ['a doubled colon', '{"a":: 1}'],
  ['a missing value', '{"a": }'],
  ['a missing list item value', '{"l": [1, ]}'],
  ['an unquoted key', '{a: 1}'],
  ['a single-quoted key', "{'a': 1}"],
  ['a number key', '{1: 1}'],
  ['a list closed by a brace', '{"l": [1}'],
  ['an object closed by a bracket', '{"a": 1]'],
  ['an invalid item', '{"l": [{"a": 1,}]}'],
  ['an invalid pretty item', '{"l": [\n  {\n    "a": 1,\n  }\n]}'],
  ['an invalid one-line item', '{"l":[{"a":1,},{"a":2}]}'],
  ['an invalid member', '{"a": [1,]}'],
  ['an invalid escape in an item', '{"l": ["\\x"]}'],
  ['an invalid escape in a key', '{"\\x": 1}'],
  ['a short \\u escape', '{"l": ["\\u12"]}'],
  ['a raw tab in a string', '{"l": ["a\tb"]}'],
  ['a raw line break in a key', '{"a\nb": 1}'],
  ['a raw NUL in a member', '{"a": "\u0000"}'],
  ['a leading zero', '{"l": [01]}'],
  ['a bare decimal point', '{"l": [1.]}'],
  ['a leading plus', '{"l": [+1]}'],
  ['a leading point', '{"a": .5}'],
  ['an empty exponent', '{"l": [1e]}'],
  ['a hex number', '{"l": [0x10]}'],
  ['NaN', '{"a": NaN}'],
  ['Infinity', '{"l": [-Infinity]}'],
  ['a truncated literal', '{"l": [tru]}'],
  ['a capitalised literal', '{"a": True}'],
  ['a literal run on', '{"l": [nullx]}'],
  ['a string run into a number', '{"l": ["a"1]}'],
  ['an unclosed string', '{"l": ["abc]}'],
  ['an unclosed item', '{"l": [{"a": [1]}'],
  ['a vertical tab as whitespace', '{\u000b"a": 1}'],
  ['a form feed as whitespace between items', '{"l": [1,\f2]}'],
  ['a no-break space as whitespace', '{"a":\u00a01}'],
  ['a comment', '{"a": 1 /* x */}'],
  ['a duplicate key', '{"a": 1, "a": 1}'],
  ['a duplicate key spelt differently', '{"articles": [], "articl\\u0065s": []}'],
  ['a duplicate list', '{"l": [1], "b": 2, "l": [2]}'],
];

describe('TopLevelSplitter: rejections', () => {
  it.each(INVALID)('rejects %s', (name, text) => {
    // All but these are not JSON at all.
    if (!/top-level|duplicate/.test(name)) expect(() => JSON.parse(text)).toThrow(SyntaxError);
    const r = rng(text.length);
    for (const chunks of chunkings(text, r)) {
      const e = failure(chunks, ['l', 'articles']);
      expect(e).toBeInstanceOf(JsonStreamError);
      expect((e as Error).name).toBe('JsonStreamError');
    }
  });

  it('rejects every strict prefix of a valid text, by end() at the latest', () => {
    const value = {
      format: 'x',
      version: 1.5e-7,
      articles: [{ id: 'a\\"}', n: [1, -0, true] }, 'x', 12, null, [], {}],
      highlights: [],
      s: { t: false, 中: '\uD842\uDFB7' },
    };
    for (const indent of [undefined, 2]) {
      const text = JSON.stringify(value, null, indent);
      expect(split([text], LISTS).length).toBeGreaterThan(0);
      for (let i = 0; i < text.length; i++) {
        expect(failure([text.slice(0, i)], LISTS)).toBeInstanceOf(JsonStreamError);
        expect(failure([...text.slice(0, i)], LISTS)).toBeInstanceOf(JsonStreamError);
      }
    }
  });

  it('throws as soon as the problem shows, not only at the end', () => {
    const splitter = new TopLevelSplitter(['l'], recorder([]));
    splitter.push('{"l": [1, ');
    expect(() => splitter.push(']')).toThrow(JsonStreamError);
    const top = new TopLevelSplitter([], recorder([]));
    expect(() => top.push(' [')).toThrow(/Expected a JSON object at offset 1/);
  });

  it('wraps JSON.parse’s SyntaxError, with where the element starts', () => {
    const e = failure(['{"l": [1, {"a": 1,}]}'], ['l']) as JsonStreamError;
    expect(e).toBeInstanceOf(JsonStreamError);
    expect(e.message).toMatch(/^Element 1 of "l" at offset 10 is not valid JSON/);
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });
});

describe('TopLevelSplitter: a sink that throws', () => {
  it('lets the error out unchanged, and refuses to go on', () => {
    const boom = new Error('sink failed');
    for (const method of ['member', 'item', 'listEnd'] as const) {
      const sink: SplitterSink = { member() {}, item() {}, listEnd() {} };
      sink[method] = () => {
        throw boom;
      };
      const splitter = new TopLevelSplitter(['l'], sink);
      let thrown: unknown;
      try {
        splitter.push('{"l": [1], "a": 2');
        splitter.push('}');
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBe(boom);
      expect(() => splitter.push(' ')).toThrow(JsonStreamError);
      expect(() => splitter.end()).toThrow(JsonStreamError);
    }
  });

  it('refuses pieces after end()', () => {
    const splitter = new TopLevelSplitter([], recorder([]));
    splitter.push('{}');
    splitter.end();
    expect(() => splitter.push(' ')).toThrow(JsonStreamError);
  });
});
