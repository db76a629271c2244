import { afterEach, describe, expect, it, vi } from 'vitest';
import { ARTICLE_ID, draft, highlight, useFreshRouters, FROM_EXTENSION } from './fixtures';

const freshRouter = useFreshRouters();
afterEach(() => {
  vi.unstubAllGlobals();
});

function router() {
  let opened = 0;
  const { router: r } = freshRouter({ openLibrary: async () => void opened++ });
  return { r, opened: () => opened };
}

const tab = (id: number, url = `${ARTICLE_ID}?utm_source=wx#x`) => ({ tab: { id }, url });

describe('background router', () => {
  it('routes storage requests and answers { ok, value }', async () => {
    const { r } = router();
    const saved = await r.handle({ type: 'save-article', article: draft() }, FROM_EXTENSION);
    expect(saved).toMatchObject({ ok: true, value: { id: ARTICLE_ID } });
    const put = await r.handle(
      { type: 'put-highlight', highlight: highlight('h1'), article: draft() },
      tab(1),
    );
    expect(put).toMatchObject({ ok: true, value: { id: 'h1' } });
    expect(
      await r.handle({ type: 'get-article', articleId: ARTICLE_ID }, FROM_EXTENSION),
    ).toMatchObject({
      ok: true,
      value: { article: { id: ARTICLE_ID }, highlights: [{ id: 'h1' }] },
    });
    expect(await r.handle({ type: 'list-articles' }, FROM_EXTENSION)).toMatchObject({
      ok: true,
      value: [{ id: ARTICLE_ID, highlights: 1 }],
    });
    expect(
      await r.handle({ type: 'delete-highlight', articleId: ARTICLE_ID, id: 'h1' }, FROM_EXTENSION),
    ).toEqual({
      ok: true,
      value: null,
    });
    expect(
      await r.handle({ type: 'set-site-prefs', site: 's', prefs: { width: 500 } }, FROM_EXTENSION),
    ).toEqual({
      ok: true,
      value: { alwaysOpen: false, width: 500, collapsed: false, side: 'right' },
    });
    expect(await r.handle({ type: 'get-site-prefs', site: 's' }, FROM_EXTENSION)).toMatchObject({
      value: { width: 500 },
    });
  });

  it("answers a page's get-article without the saved text; the extension's pages get it", async () => {
    const { r } = router();
    const text = { blocks: [{ kind: 'paragraph' as const, text: '正文一段。' }] };
    await r.handle(
      { type: 'save-article', article: draft({ text, sourceText: '原文' }) },
      FROM_EXTENSION,
    );
    await r.handle({ type: 'put-highlight', highlight: highlight('h1'), article: draft() }, tab(1));
    const page = await r.handle({ type: 'get-article', articleId: ARTICLE_ID }, tab(1));
    expect(page).toMatchObject({ ok: true, value: { highlights: [{ id: 'h1' }] } });
    const pageArticle = page.ok ? page.value.article : null;
    expect(pageArticle).toMatchObject({ id: ARTICLE_ID });
    expect(pageArticle).not.toHaveProperty('text');
    expect(pageArticle).not.toHaveProperty('sourceText');
    const ext = await r.handle({ type: 'get-article', articleId: ARTICLE_ID }, FROM_EXTENSION);
    expect(ext).toMatchObject({ ok: true, value: { article: { text, sourceText: '原文' } } });
  });

  it('reports a tab as saved once its article is in the library', async () => {
    const { r } = router();
    await r.handle({ type: 'outline-found', count: 3, title: 't', essay: true }, tab(2));
    await r.handle({ type: 'report-highlights', count: 1 }, tab(2));
    expect(await r.handle({ type: 'get-tab-status', tabId: 2 }, FROM_EXTENSION)).toMatchObject({
      value: { saved: false, highlights: 1, count: 3 },
    });
    await r.handle({ type: 'save-article', article: draft() }, FROM_EXTENSION);
    expect(await r.handle({ type: 'get-tab-status', tabId: 2 }, FROM_EXTENSION)).toMatchObject({
      value: { saved: true },
    });
  });

  it('opens the library', async () => {
    const { r, opened } = router();
    expect(await r.handle({ type: 'open-library' }, FROM_EXTENSION)).toEqual({
      ok: true,
      value: null,
    });
    expect(opened()).toBe(1);
  });

  it('routes the library requests', async () => {
    const { r } = router();
    const other = draft({
      id: 'https://e.com/2',
      url: 'https://e.com/2',
      title: '时间序列',
      site: 'e.com',
    });
    await r.handle({ type: 'save-article', article: draft() }, FROM_EXTENSION);
    await r.handle({ type: 'save-article', article: other }, FROM_EXTENSION);
    await r.handle(
      {
        type: 'put-highlight',
        highlight: { ...highlight('h1'), color: 'green' },
        article: draft(),
      },
      FROM_EXTENSION,
    );
    expect(await r.handle({ type: 'search', query: '时间序列' }, FROM_EXTENSION)).toMatchObject({
      ok: true,
      value: [{ articleId: 'https://e.com/2', hits: [{ field: 'title', spans: [[0, 4]] }] }],
    });
    expect(
      await r.handle(
        { type: 'set-tags', articleId: ARTICLE_ID, tags: [' 治理 ', '', '治理', '党建'] },
        FROM_EXTENSION,
      ),
    ).toMatchObject({ ok: true, value: { tags: ['治理', '党建'] } });
    expect(await r.handle({ type: 'list-articles', tag: '党建' }, FROM_EXTENSION)).toMatchObject({
      value: [{ id: ARTICLE_ID, tags: ['治理', '党建'], colors: ['green'], highlights: 1 }],
    });
    expect(await r.handle({ type: 'list-articles', color: 'yellow' }, FROM_EXTENSION)).toEqual({
      ok: true,
      value: [],
    });
    expect(
      (await r.handle({ type: 'list-articles', sort: 'title', order: 'asc' }, FROM_EXTENSION)).ok,
    ).toBe(true);
    expect(
      await r.handle(
        { type: 'update-note', articleId: ARTICLE_ID, id: 'h1', note: '默认' },
        FROM_EXTENSION,
      ),
    ).toMatchObject({
      ok: true,
      value: { id: 'h1', note: '默认', color: 'green' },
    });
    expect(
      await r.handle(
        { type: 'update-note', articleId: ARTICLE_ID, id: 'gone', note: '' },
        FROM_EXTENSION,
      ),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(
      await r.handle({ type: 'export-articles', ids: [ARTICLE_ID, 'nope'] }, FROM_EXTENSION),
    ).toMatchObject({
      value: [{ article: { id: ARTICLE_ID }, highlights: [{ id: 'h1' }] }],
    });
    const backup = await r.handle({ type: 'export-backup' }, FROM_EXTENSION);
    if (!backup.ok) throw new Error(backup.error);
    const deleted = await r.handle(
      { type: 'delete-article', articleId: ARTICLE_ID },
      FROM_EXTENSION,
    );
    if (!deleted.ok || !deleted.value) throw new Error('not deleted');
    expect(deleted.value.highlights.map((h) => h.id)).toEqual(['h1']);
    expect(deleted.value.article).not.toHaveProperty('terms');
    expect(await r.handle({ type: 'search', query: '默认' }, FROM_EXTENSION)).toEqual({
      ok: true,
      value: [],
    });
    expect(await r.handle({ type: 'restore-rows', ...deleted.value }, FROM_EXTENSION)).toEqual({
      ok: true,
      value: null,
    });
    expect(await r.handle({ type: 'search', query: '默认' }, FROM_EXTENSION)).toMatchObject({
      value: [{ articleId: ARTICLE_ID }],
    });
    expect(
      await r.handle({ type: 'import-backup', text: '{}', mode: 'merge' }, FROM_EXTENSION),
    ).toMatchObject({
      ok: false,
      code: 'foreign',
      error: expect.stringMatching(/not a Gangmu backup/),
    });
    expect(
      await r.handle(
        { type: 'import-backup', text: backup.value, mode: 'replace' },
        FROM_EXTENSION,
      ),
    ).toMatchObject({
      ok: true,
      value: { articlesAdded: 2, highlightsAdded: 1 },
    });
  });

  it('imports from a blob: URL of its own origin, and refuses other URLs before parsing', async () => {
    const { r } = router();
    await r.handle(
      { type: 'put-highlight', highlight: highlight('h1'), article: draft() },
      FROM_EXTENSION,
    );
    const backup = await r.handle({ type: 'export-backup' }, FROM_EXTENSION);
    if (!backup.ok) throw new Error(backup.error);
    const own = `blob:${location.origin}/u1`;
    const fetched: string[] = [];
    let answer: () => Promise<Response> = async () => new Response(backup.value);
    vi.stubGlobal('fetch', async (url: string) => {
      fetched.push(url);
      return answer();
    });
    const importFrom = (blobUrl: string) =>
      r.handle({ type: 'import-backup', blobUrl, mode: 'replace' }, FROM_EXTENSION);
    const notRead = {
      ok: false,
      code: 'not-found',
      error: expect.stringMatching(/nothing changed/),
    };
    // Another origin's blob URL is not even fetched.
    expect(await importFrom('blob:https://e.com/u1')).toMatchObject(notRead);
    expect(fetched).toEqual([]);
    answer = async () => Promise.reject(new TypeError('Failed to fetch'));
    expect(await importFrom(own)).toMatchObject(notRead);
    answer = async () => new Response('gone', { status: 404 });
    expect(await importFrom(own)).toMatchObject(notRead);
    // A file that is read but bad is refused by the parser (no fallback code).
    answer = async () => new Response('{}');
    expect(await importFrom(own)).toMatchObject({ ok: false, code: 'foreign' });
    answer = async () => new Response(backup.value);
    expect(await importFrom(own)).toMatchObject({
      ok: true,
      value: { articlesAdded: 1, highlightsAdded: 1 },
    });
    // The bad file twice: a replace reads it as it arrives, then again whole for the message.
    expect(fetched).toEqual([own, own, own, own, own]);
  });

  it('turns a storage failure into { ok: false }', async () => {
    const { r } = router();
    const reply = await r.handle(
      { type: 'put-highlight', highlight: highlight('h1', 'https://other/'), article: draft() },
      FROM_EXTENSION,
    );
    expect(reply.ok).toBe(false);
  });
});
