import { describe, expect, it } from 'vitest';
import { keyBelongsTo, normalizeUrl } from '@/lib/url/normalize-url';
import { MAX_ID_LENGTH } from '@/lib/model';
import { KEY_BELONGS_CASES } from './normalize-url-cases';
import { NORMALIZE_CASES } from './normalize-url-cases';

describe('normalizeUrl', () => {
  it.each(NORMALIZE_CASES)('%s', (_why, url, canonical, expected) => {
    expect(normalizeUrl(url, canonical)).toBe(expected);
  });

  it('is idempotent', () => {
    for (const [, url, canonical] of NORMALIZE_CASES) {
      const once = normalizeUrl(url, canonical);
      expect(normalizeUrl(once)).toBe(once);
    }
  });
});

describe('keyBelongsTo', () => {
  it.each(KEY_BELONGS_CASES)('%s', (_why, key, pageUrl, expected) => {
    expect(keyBelongsTo(key, pageUrl)).toBe(expected);
  });

  it('holds for every key a page computes for itself, whatever its canonical link', () => {
    for (const [, url, canonical] of NORMALIZE_CASES) {
      if (!/^https?:/.test(url)) continue;
      expect(keyBelongsTo(normalizeUrl(url, canonical), url)).toBe(true);
    }
  });
});

describe('normalizeUrl of an address past the id bound', () => {
  const head = `https://example.cn/a?q=${'字'.repeat(10_000)}`;
  it('gives an id within MAX_ID_LENGTH, the same each time, different for another address', () => {
    const a = normalizeUrl(`${head}1`);
    const b = normalizeUrl(`${head}2`);
    expect(a.length).toBeLessThanOrEqual(MAX_ID_LENGTH);
    expect(a).toBe(normalizeUrl(`${head}1#frag`));
    expect(a).not.toBe(b);
    expect(a.startsWith('https://example.cn/a?q=%E5%AD%97')).toBe(true);
    expect(keyBelongsTo(a, `${head}1`)).toBe(true);
  });
  it('leaves an address within the bound as it was', () => {
    const url = `https://example.cn/a?q=${'x'.repeat(8000)}`;
    expect(normalizeUrl(url)).toBe(url);
  });
});
