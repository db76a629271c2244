import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  articleProblem,
  isArticle,
  mergeBackup,
  parseBackup,
  serializeBackup,
  serializeBackupParts,
  type BackupErrorKind,
  type LibraryData,
} from '../../../lib/backup/index.ts';
import { sortKeys } from '../../../lib/backup/serialize-backup.ts';
import { makeArticle, makeHighlight, makeLibrary } from './library-fixture.ts';

const AT = '2025-06-01T08:00:00.000Z';

/** A copy of `v` with every object's keys sorted (what the backup promises of its text). */
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
  );
}

describe('serializeBackupParts: the backup a row at a time, in parts for a Blob', () => {
  it('joins to the sorted backup, the top level indented and a row a line, or all on one line', () => {
    const lib = {
      ...makeLibrary(300, 2000),
      sitePrefs: [{ site: 'news.cn', alwaysOpen: true, width: 400 }],
    };
    // A title with every line break JSON and YAML know, and an empty list.
    lib.articles[0]!.title = '标题\n第二行\r\u2028\u2029"引号"';
    for (const data of [lib, { ...lib, highlights: [] }, { articles: [], highlights: [] }])
      for (const pretty of [true, false]) {
        const parts = serializeBackupParts(data, { exportedAt: AT, pretty });
        const whole = {
          format: 'gangmu-backup',
          version: BACKUP_VERSION,
          exportedAt: AT,
          articles: [...data.articles].sort(
            (a, b) => a.savedAt.localeCompare(b.savedAt) || a.id.localeCompare(b.id),
          ),
          highlights: data.highlights,
          ...('sitePrefs' in data ? { sitePrefs: data.sitePrefs } : {}),
        };
        const ordered = Object.fromEntries(Object.entries(whole).map(([k, v]) => [k, sorted(v)]));
        // Pretty: as JSON.stringify(ordered, null, 2) but each row of a list on one line.
        const rows = (v: unknown) =>
          Array.isArray(v) && v.length > 0
            ? `[\n${v.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`
            : JSON.stringify(v, null, 2);
        const expected = pretty
          ? `{\n${Object.entries(ordered)
              .map(([k, v]) => `  ${JSON.stringify(k)}: ${rows(v)}`)
              .join(',\n')}\n}\n`
          : JSON.stringify(ordered) + '\n';
        expect(JSON.parse(expected)).toEqual(ordered);
        expect(parts.join('')).toBe(expected);
        expect(serializeBackup(data, { exportedAt: AT, pretty })).toBe(expected);
      }
  });

  it('cuts a large library into parts of about a million characters, never one string', () => {
    const parts = serializeBackupParts(makeLibrary(2000, 20_000), { exportedAt: AT });
    expect(parts.length).toBeGreaterThan(3);
    // Each part closes once it passes a million characters: at most one row more.
    for (const part of parts.slice(0, -1)) expect(part.length).toBeLessThan((1 << 20) + 100_000);
  });
});

describe('serializeBackup / parseBackup round trip', () => {
  it('reads back a library of 1,000 articles and 10,000 highlights deep-equal', () => {
    const lib = {
      ...makeLibrary(1000, 10_000),
      sitePrefs: [{ site: 'news.cn', alwaysOpen: true, width: 400 }],
    };
    for (const pretty of [true, false]) {
      const text = serializeBackup(lib, { exportedAt: AT, pretty });
      const r = parseBackup(text);
      if (!r.ok) throw r.error;
      expect(r.value).toEqual({
        format: 'gangmu-backup',
        version: BACKUP_VERSION,
        exportedAt: AT,
        ...lib,
      });
      // And writing what was read gives the same text.
      expect(serializeBackup(r.value, { exportedAt: AT, pretty })).toBe(text);
    }
  });

  it('writes the tag first and keys in a stable order, whatever the insertion order', () => {
    const a = makeArticle(1);
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    const one = serializeBackup({ articles: [a], highlights: [] }, { exportedAt: AT });
    const two = serializeBackup({ articles: [shuffled], highlights: [] }, { exportedAt: AT });
    expect(two).toBe(one);
    expect(one.startsWith('{\n  "format": "gangmu-backup",\n  "version": 2,\n  "exportedAt"')).toBe(
      true,
    );
    expect(
      serializeBackup({ articles: [], highlights: [] }, { exportedAt: AT, pretty: false }),
    ).toBe(
      `{"format":"gangmu-backup","version":2,"exportedAt":"${AT}","articles":[],"highlights":[]}\n`,
    );
  });

  it('sorts nested keys without copying what is sorted already, and leaves the rows as they were', () => {
    const a = makeArticle(1);
    const inner = { b: [{ y: 1, x: { d: 2, c: 1 } }], a: 'z' };
    const row = { ...a, extra: inner };
    const before = JSON.stringify(row);
    const out = sortKeys(row) as Record<string, unknown>;
    expect(JSON.stringify(out)).toBe(JSON.stringify(sorted(row)));
    expect(JSON.stringify(row)).toBe(before);
    // Sorted input comes back as it is, at every depth.
    const canonical = sorted(row);
    expect(sortKeys(canonical)).toBe(canonical);
    // Only the unsorted objects (and those holding them) are copies.
    const half = { ...(sorted(a) as object), extra: inner, keep: { m: [1, 2], n: 'x' } };
    const copy = sortKeys(half) as typeof half;
    expect(copy).not.toBe(half);
    expect(copy.keep).toBe(half.keep);
    expect(copy.extra).not.toBe(inner);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(sorted(half)));
  });

  it('accepts a byte order mark', () => {
    const text = '\uFEFF' + serializeBackup({ articles: [], highlights: [] }, { exportedAt: AT });
    expect(parseBackup(text).ok).toBe(true);
  });
});

/** A valid backup object to break in one place. */
const valid = () =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the cases poke at raw JSON
  JSON.parse(serializeBackup(makeLibrary(3, 6), { exportedAt: AT })) as Record<string, any>;

const rejections: { name: string; text: () => string; kind: BackupErrorKind; message: RegExp }[] = [
  {
    name: 'not JSON',
    text: () => '{"format": "gangmu-backup",',
    kind: 'not-json',
    message: /not JSON/,
  },
  {
    name: 'an HTML page',
    text: () => '<!doctype html><html>',
    kind: 'not-json',
    message: /looks like HTML/,
  },
  { name: 'an empty file', text: () => '', kind: 'not-json', message: /empty/ },
  {
    name: 'a JSON array',
    text: () => '[1,2]',
    kind: 'foreign',
    message: /JSON array, not a Gangmu backup/,
  },
  {
    name: 'another tool’s export',
    text: () => JSON.stringify({ format: 'hypothesis-export', annotations: [] }),
    kind: 'foreign',
    message: /"hypothesis-export" file/,
  },
  {
    name: 'an object with no format',
    text: () => '{"articles":[]}',
    kind: 'foreign',
    message: /without a "format"/,
  },
  {
    name: 'a newer version',
    text: () => JSON.stringify({ ...valid(), version: 3 }),
    kind: 'newer-version',
    message: /version 3, written by a newer Gangmu; this one reads up to version 2/,
  },
  {
    name: 'no version',
    text: () => JSON.stringify({ ...valid(), version: '1' }),
    kind: 'malformed',
    message: /"version"/,
  },
  {
    name: 'no articles list',
    text: () => JSON.stringify({ ...valid(), articles: {} }),
    kind: 'malformed',
    message: /"articles"/,
  },
  {
    name: 'an article without a title',
    text: () => {
      const b = valid();
      delete b.articles[1].title;
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message:
      /^Article at index 1 \(id "https:\/\/news\.example\.cn\/a\/1"\) is invalid: title must be a string\.$/,
  },
  {
    name: 'an article with a broken outline node deep down',
    text: () => {
      const b = valid();
      b.articles[2].outline.nodes[0].level = 0;
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message: /index 2 \(id "[^"]+"\) is invalid: outline\.nodes\[0\]\.level must be an integer ≥ 1/,
  },
  {
    name: 'an article whose saved text has a bold run past its end',
    text: () => {
      const b = valid();
      b.articles[1].text.blocks[1].bold = [[0, 99]];
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message: /index 1 \(id "[^"]+"\) is invalid: text\.blocks\[1\]\.bold\[0\] must be a run/,
  },
  {
    name: 'an article whose saved text has a block of an unknown kind',
    text: () => {
      const b = valid();
      b.articles[1].text.blocks[0].kind = 'html';
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message: /index 1 \(id "[^"]+"\) is invalid: text\.blocks\[0\]\.kind must be/,
  },
  {
    name: 'an article whose saved text has an unknown field',
    text: () => {
      const b = valid();
      b.articles[1].text.html = '<p>x</p>';
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message: /index 1 \(id "[^"]+"\) is invalid: text\.html is not a known field/,
  },
  {
    name: 'an article with a bad date',
    text: () => {
      const b = valid();
      b.articles[0].updatedAt = 'yesterday';
      return JSON.stringify(b);
    },
    kind: 'invalid-article',
    message: /index 0 \(id "[^"]+"\) is invalid: updatedAt must be an ISO 8601 date/,
  },
  {
    name: 'a highlight with an unknown colour',
    text: () => {
      const b = valid();
      b.highlights[4].color = 'orange';
      return JSON.stringify(b);
    },
    kind: 'invalid-highlight',
    message:
      /^Highlight at index 4 \(id "h-4"\) is invalid: color must be one of yellow, green, blue, pink, purple\.$/,
  },
  {
    name: 'a highlight without a quote selector',
    text: () => {
      const b = valid();
      b.highlights[0].selectors = [{ kind: 'position', start: 0, end: 3 }];
      return JSON.stringify(b);
    },
    kind: 'invalid-highlight',
    message: /index 0 \(id "h-0"\) is invalid: selectors must hold a quote selector/,
  },
  {
    name: 'a highlight pointing to a missing article',
    text: () => {
      const b = valid();
      b.highlights[3].articleId = 'https://gone.example/';
      return JSON.stringify(b);
    },
    kind: 'missing-article',
    message:
      /Highlight at index 3 belongs to article "https:\/\/gone.example\/", which is not in the backup/,
  },
  {
    name: 'a duplicate article id',
    text: () => {
      const b = valid();
      b.articles[2].id = b.articles[0].id;
      return JSON.stringify(b);
    },
    kind: 'duplicate-id',
    message: /Article at index 2 repeats the id "https:\/\/news.example.cn\/a\/0"/,
  },
  {
    name: 'a duplicate highlight id',
    text: () => {
      const b = valid();
      b.highlights[5].id = 'h-1';
      return JSON.stringify(b);
    },
    kind: 'duplicate-id',
    message: /Highlight at index 5 repeats the id "h-1"/,
  },
  {
    name: 'site preferences without a site',
    text: () => JSON.stringify({ ...valid(), sitePrefs: [{ width: 400 }] }),
    kind: 'invalid-site-prefs',
    message: /index 0 are invalid/,
  },
  {
    name: 'a duplicate site',
    text: () => JSON.stringify({ ...valid(), sitePrefs: [{ site: 'a.cn' }, { site: 'a.cn' }] }),
    kind: 'duplicate-id',
    message: /Site preferences at index 1 repeat the site "a.cn"/,
  },
];

describe('parseBackup rejects', () => {
  it.each(rejections)('$name', ({ text, kind, message }) => {
    const r = parseBackup(text());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe(kind);
    expect(r.error.message).toMatch(message);
    expect(r.error).toBeInstanceOf(Error);
  });

  it('keeps the JSON error as the cause', () => {
    const r = parseBackup('nope');
    expect(!r.ok && r.error.cause).toBeInstanceOf(SyntaxError);
  });

  it('refuses an outline nested absurdly deep without overflowing', () => {
    const a = makeArticle(0);
    let n = a.outline.nodes[0]!;
    for (let i = 0; i < 40; i++) {
      const child = { ...n, level: n.level + 1, children: [] };
      n.children = [child];
      n = child;
    }
    expect(articleProblem(a)).toMatch(/nested deeper than 32 levels/);
    expect(isArticle(makeArticle(1))).toBe(true);
    expect(isArticle(null)).toBe(false);
  });
});

describe('mergeBackup', () => {
  const a0 = makeArticle(0);
  const a1 = makeArticle(1);
  const later = (iso: string, min: number) =>
    new Date(Date.parse(iso) + min * 60_000).toISOString();
  const h0 = makeHighlight(0, a0.id);
  const h1 = makeHighlight(1, a1.id);
  const existing: LibraryData = {
    articles: [a0, a1],
    highlights: [h0, h1],
    sitePrefs: [{ site: 'a.cn', width: 300 }],
  };

  it('merge: newer updatedAt wins per id, new ids are added, ties keep the stored row', () => {
    const a0new = { ...a0, title: '改过的标题', updatedAt: later(a0.updatedAt, 5) };
    const a1old = { ...a1, title: '旧标题', updatedAt: later(a1.updatedAt, -5) };
    const a2 = makeArticle(2);
    const h0same = { ...h0, note: '同时改的' };
    const h1new = { ...h1, note: '新笔记', updatedAt: later(h1.updatedAt, 1) };
    const h2 = makeHighlight(2, a2.id);
    const plan = mergeBackup(
      existing,
      {
        articles: [a0new, a1old, a2],
        highlights: [h0same, h1new, h2],
        sitePrefs: [
          { site: 'a.cn', width: 500 },
          { site: 'b.cn', width: 420 },
        ],
      },
      'merge',
    );
    expect(plan.clear).toBe(false);
    expect(plan.articles).toEqual([a0new, a2]);
    expect(plan.highlights).toEqual([h1new, h2]);
    expect(plan.sitePrefs).toEqual([{ site: 'b.cn', width: 420 }]);
    expect(plan.stats).toEqual({
      articlesAdded: 1,
      articlesUpdated: 1,
      articlesKept: 1,
      highlightsAdded: 1,
      highlightsUpdated: 1,
      highlightsKept: 1,
    });
  });

  it('merge: a newer row without the saved or pasted text keeps the stored ones', () => {
    const a5 = makeArticle(5);
    expect(a1.text).toBeDefined();
    expect(a5.sourceText).toBeDefined();
    const { text: _t, ...a1bare } = a1;
    const { sourceText: _s, ...a5bare } = a5;
    const plan = mergeBackup(
      { articles: [a1, a5], highlights: [] },
      {
        articles: [
          { ...a1bare, tags: ['新标签'], updatedAt: later(a1.updatedAt, 5) },
          { ...a5bare, updatedAt: later(a5.updatedAt, 5) },
        ],
        highlights: [],
      },
      'merge',
    );
    expect(plan.articles.map((a) => [a.tags, a.text, a.sourceText])).toEqual([
      [['新标签'], a1.text, undefined],
      [a5.tags, a5.text, a5.sourceText],
    ]);
  });

  it('merge: highlights merge by id even when their article keeps the stored version', () => {
    const a1old = { ...a1, updatedAt: later(a1.updatedAt, -60) };
    const extra = makeHighlight(9, a1.id);
    const plan = mergeBackup(existing, { articles: [a1old], highlights: [extra] }, 'merge');
    expect(plan.articles).toEqual([]);
    expect(plan.highlights).toEqual([extra]);
  });

  it('merge: a stored row with a broken date loses', () => {
    const broken = { ...a0, updatedAt: 'garbage' };
    const plan = mergeBackup(
      { articles: [broken], highlights: [] },
      { articles: [a0], highlights: [] },
      'merge',
    );
    expect(plan.articles).toEqual([a0]);
  });

  it('replace: clears and writes the whole file', () => {
    const a2 = makeArticle(2);
    const plan = mergeBackup(
      existing,
      { articles: [a2], highlights: [], sitePrefs: [] },
      'replace',
    );
    expect(plan.clear).toBe(true);
    expect(plan.articles).toEqual([a2]);
    expect(plan.highlights).toEqual([]);
    expect(plan.sitePrefs).toEqual([]);
    expect(plan.stats.articlesAdded).toBe(1);
  });
});
