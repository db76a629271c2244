import { describe, expect, it } from 'vitest';
import { normalizeUrl, siteOf } from '@/lib/url/normalize-url';
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

describe('siteOf', () => {
  it.each([
    ['www.news.cn', 'news.cn'],
    ['theory.people.com.cn', 'people.com.cn'],
    ['www.beijing.gov.cn', 'beijing.gov.cn'],
    ['mp.weixin.qq.com', 'qq.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
  ])('%s → %s', (host, site) => expect(siteOf(host)).toBe(site));
});
