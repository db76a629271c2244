import { describe, expect, it } from 'vitest';
import { classifySender, pageRefusal, refusal, siteOfPage } from '@/background/sender-policy';
import {
  ARTICLE_ID,
  draft,
  EXTENSION_ORIGIN,
  FROM_EXTENSION,
  highlight,
  useFreshRouters,
} from './fixtures';
import { PAGE_POLICY_CASES } from './sender-policy-cases';

describe('pageRefusal', () => {
  it.each(PAGE_POLICY_CASES)('%s', (_why, request, pageUrl, allowed) => {
    expect(pageRefusal(request, pageUrl) === null).toBe(allowed);
  });
});

describe('classifySender', () => {
  it.each([
    ['the library page', FROM_EXTENSION, 'extension'],
    ['the popup', { url: `${EXTENSION_ORIGIN}/popup.html?tab=3`, tab: { id: 3 } }, 'extension'],
    ['a page', { url: 'https://e.com/a', tab: { id: 3 } }, 'page'],
    ['a page whose path names our origin', { url: `https://e.com/${EXTENSION_ORIGIN}/` }, 'page'],
    ['a look-alike origin', { url: `${EXTENSION_ORIGIN}x/library.html` }, 'page'],
    ['no address', { tab: { id: 3 } }, null],
  ] as const)('%s', (_why, sender, kind) => {
    expect(classifySender(sender, EXTENSION_ORIGIN)?.kind ?? null).toBe(kind);
  });

  it('refuses everything from a sender without an address', () => {
    expect(refusal({ type: 'report-highlights', count: 1 }, {}, EXTENSION_ORIGIN)).not.toBeNull();
  });
});

describe('siteOfPage', () => {
  it.each([
    ['https://www.news.cn/a.htm', 'www.news.cn'],
    ['file:///tmp/a.html', 'file:'],
    ['not a url', ''],
  ])('%s → %s', (url, site) => expect(siteOfPage(url)).toBe(site));
});

describe('the router asks the policy first', () => {
  const fresh = useFreshRouters();
  const evil = { tab: { id: 7 }, url: 'https://evil.news.cn/copy.html' };
  const own = { tab: { id: 8 }, url: `${ARTICLE_ID}#p2` };

  it("gives a page nothing of another origin's article and changes nothing for it", async () => {
    const { router: r } = fresh();
    await r.handle({ type: 'put-highlight', highlight: highlight('h1'), article: draft() }, own);
    const read = await r.handle({ type: 'get-article', articleId: ARTICLE_ID }, evil);
    expect(read).toMatchObject({ ok: false, code: 'refused' });
    expect(JSON.stringify(read)).not.toContain('h1');
    expect(
      await r.handle({ type: 'delete-highlight', articleId: ARTICLE_ID, id: 'h1' }, evil),
    ).toMatchObject({ ok: false, code: 'refused' });
    expect(await r.handle({ type: 'list-articles' }, own)).toMatchObject({
      ok: false,
      code: 'refused',
    });
    const kept = await r.handle({ type: 'get-article', articleId: ARTICLE_ID }, own);
    expect(kept.ok && kept.value.highlights.map((x) => x.id)).toEqual(['h1']);
  });
});
