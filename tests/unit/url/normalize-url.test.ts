import { describe, expect, it } from 'vitest';
import { keyBelongsTo, normalizeUrl } from '@/lib/url/normalize-url';
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
