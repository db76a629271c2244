/**
 * A backup's rows are checked against the schema field by field: types,
 * ranges, no unknown or prototype key, ISO dates, bounded ids. One bad row
 * refuses the file, named by its index, id and field.
 */
import { describe, expect, it } from 'vitest';
import {
  BackupChecker,
  FORBIDDEN_KEYS,
  MAX_ID_LENGTH,
  highlightProblem,
  isIsoDate,
  parseBackup,
  serializeBackup,
  sitePrefsProblem,
} from '../../../lib/backup/index.ts';
import { BAD_ARTICLES, BAD_HIGHLIGHTS, BAD_SITE_PREFS, breakBackup } from './bad-rows.ts';
import { makeArticle, makeHighlight, makeLibrary } from './library-fixture.ts';

const AT = '2025-06-01T08:00:00.000Z';
const text = () =>
  serializeBackup(
    { ...makeLibrary(3, 6), sitePrefs: [{ site: 'a.cn', width: 400 }] },
    { exportedAt: AT },
  );

describe('parseBackup refuses a row whose fields are not the schema’s', () => {
  for (const [group, cases] of [
    ['site preferences', BAD_SITE_PREFS],
    ['articles', BAD_ARTICLES],
    ['highlights', BAD_HIGHLIGHTS],
  ] as const) {
    describe(group, () => {
      it.each(cases)('$name', (bad) => {
        const r = parseBackup(breakBackup(text(), bad));
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.error.kind).toBe(bad.kind);
        expect(r.error.message).toMatch(bad.message);
        expect(r.error.index).toBe(0);
      });
    });
  }

  it('takes the file itself as it was written, and every optional field absent', () => {
    const r = parseBackup(text());
    expect(r.ok).toBe(true);
    const { sourceText: _none, ...bare } = makeArticle(5);
    const h = makeHighlight(1, bare.id);
    const minimal = { ...h, selectors: h.selectors.filter((s) => s.kind === 'quote') };
    const file = serializeBackup(
      {
        articles: [bare],
        highlights: [minimal],
        sitePrefs: [
          { site: 'a.cn' },
          { site: 'b.cn', alwaysOpen: true, collapsed: false, width: 200 },
          { site: 'c.cn', width: 1200 },
          { site: 'file:', width: 360.5 },
        ],
      },
      { exportedAt: AT },
    );
    expect(parseBackup(file).ok).toBe(true);
  });

  it('takes dates with an offset, without seconds, with a six-digit year, on 29 February', () => {
    for (const d of [
      '2025-06-01T16:00:00+08:00',
      '2025-06-01T08:00Z',
      '2025-06-01T08:00:00.123456Z',
      '+010000-01-01T00:00:00.000Z',
      '2024-02-29T00:00:00.000Z',
      '2000-02-29T00:00:00Z',
    ])
      expect(isIsoDate(d), d).toBe(true);
    for (const d of [
      '2023-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-13-01T00:00:00Z',
      '2025-06-01T24:00:00Z',
      '2025-06-01T08:60:00Z',
      '2025-06-01T08:00:60Z',
      '2025-06-01T08:00:00+24:00',
      '2025-06-01 08:00:00Z',
      '2025-06-01T08:00:00z',
      '-000000-01-01T00:00:00Z',
      'Sun, 01 Jun 2025 08:00:00 GMT',
      ' 2025-06-01T08:00:00Z',
      '',
      null,
      0,
    ])
      expect(isIsoDate(d), String(d)).toBe(false);
  });

  it('refuses a bad export date like a bad row', () => {
    const b = JSON.parse(text()) as Record<string, unknown>;
    b.exportedAt = '2025-06-01';
    const r = parseBackup(JSON.stringify(b));
    expect(!r.ok && r.error.kind).toBe('malformed');
  });

  it('names the field, not only the row, when the row has no usable id', () => {
    expect(highlightProblem({})).toBe('id must be a non-empty string');
    expect(highlightProblem(null)).toBe('the row must be an object');
    expect(sitePrefsProblem({ site: 'a.cn', width: Number.NaN })).toMatch(/^width must be/);
    expect(sitePrefsProblem({ site: 'a.cn', width: Infinity })).toMatch(/^width must be/);
  });

  it('bounds ids at MAX_ID_LENGTH characters, the bound itself allowed', () => {
    expect(sitePrefsProblem({ site: 'x'.repeat(MAX_ID_LENGTH) })).toBeNull();
    expect(sitePrefsProblem({ site: 'x'.repeat(MAX_ID_LENGTH + 1) })).toMatch(/at most 8192/);
  });

  it('refuses every prototype key, at any depth', () => {
    for (const key of FORBIDDEN_KEYS) {
      const raw = `{"site":"a.cn","${key}":{"width":300}}`;
      expect(sitePrefsProblem(JSON.parse(raw))).toBe(`${key} is a forbidden key`);
    }
    // JSON.parse makes "__proto__" an own key: the row's prototype is untouched, and refused.
    const file = text().replace(
      '"articles": [\n    {',
      '"articles": [\n    {"__proto__": {"x": 1},',
    );
    const r = parseBackup(file);
    expect(!r.ok && r.error.message).toMatch(/index 0 .*: __proto__ is a forbidden key\.$/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('the streaming checker refuses what parseBackup refuses, with the same message', () => {
    for (const bad of [...BAD_ARTICLES, ...BAD_HIGHLIGHTS, ...BAD_SITE_PREFS]) {
      const b = JSON.parse(breakBackup(text(), bad)) as {
        articles: unknown[];
        highlights: unknown[];
        sitePrefs?: unknown;
      };
      const check = new BackupChecker();
      expect(check.head(b)).toBeNull();
      const p =
        b.articles.reduce<ReturnType<BackupChecker['article']>>(
          (p, a, i) => p ?? check.article(a, i),
          null,
        ) ??
        b.highlights.reduce<ReturnType<BackupChecker['highlight']>>(
          (p, h, i) => p ?? check.highlight(h, i),
          null,
        ) ??
        check.sitePrefs(b.sitePrefs);
      const r = parseBackup(JSON.stringify(b));
      expect(p?.message, bad.name).toBe(!r.ok ? r.error.message : undefined);
    }
  });

  it('leaves top-level members it does not know out of what it returns', () => {
    const b = JSON.parse(text()) as Record<string, unknown>;
    b.note = '手工编辑';
    const withProto = JSON.stringify(b).replace('{', '{"__proto__":{"polluted":true},');
    const r = parseBackup(withProto);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Object.keys(r.value).sort()).toEqual(
      ['articles', 'exportedAt', 'format', 'highlights', 'sitePrefs', 'version'].sort(),
    );
    expect((r.value as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});
