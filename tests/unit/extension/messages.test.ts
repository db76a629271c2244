import { describe, expect, it } from 'vitest';
import {
  NO_CONTENT_SCRIPT,
  isContentRequest,
  isRequest,
  sendContentRequest,
  sendRequest,
} from '@/protocol/messages';
import { draft, highlight } from '../storage/fixtures';

const ARTICLE = {
  ...draft(),
  savedAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('isRequest', () => {
  it.each([
    [{ type: 'outline-found', count: 3, title: '论基层治理', essay: true }, true],
    [{ type: 'outline-found', count: 0, title: null, essay: true }, true],
    [{ type: 'get-tab-status', tabId: 7 }, true],
    [{ type: 'outline-found', count: -1, title: null, essay: true }, false],
    [{ type: 'outline-found', count: 1.5, title: null, essay: true }, false],
    [{ type: 'outline-found', count: 1 }, false],
    [{ type: 'get-tab-status', tabId: '7' }, false],
    [{ type: 'outline-found', count: 1, title: null }, false],
    [{ type: 'outline-found', count: 1, title: null, essay: true, articleId: '' }, false],
    [
      { type: 'outline-found', count: 1, title: null, essay: false, articleId: 'https://e.com/' },
      true,
    ],
    [{ type: 'get-article', articleId: 'https://e.com/' }, true],
    [{ type: 'get-article', articleId: '' }, false],
    [{ type: 'save-article', article: draft() }, true],
    [{ type: 'save-article', article: { ...draft(), tags: [1] } }, false],
    [{ type: 'save-article', article: { ...draft(), outline: null } }, false],
    [
      {
        type: 'save-article',
        article: { ...draft(), text: { blocks: [{ kind: 'paragraph', text: '正文' }] } },
      },
      true,
    ],
    [{ type: 'save-article', article: { ...draft(), text: '<p>正文</p>' } }, false],
    [
      {
        type: 'save-article',
        article: {
          ...draft(),
          text: { blocks: [{ kind: 'paragraph', text: '正文', html: '<b>' }] },
        },
      },
      false,
    ],
    [{ type: 'put-highlight', highlight: highlight('h1'), article: draft() }, true],
    [
      { type: 'put-highlight', highlight: highlight('h1', 'https://other/'), article: draft() },
      false,
    ],
    [
      { type: 'put-highlight', highlight: { ...highlight('h1'), color: 'red' }, article: draft() },
      false,
    ],
    [{ type: 'delete-highlight', articleId: 'a', id: 'h1' }, true],
    [{ type: 'delete-highlight', id: 'h1' }, false],
    [{ type: 'delete-highlight' }, false],
    [{ type: 'report-highlights', count: 2 }, true],
    [{ type: 'report-highlights', count: -2 }, false],
    [{ type: 'get-site-prefs', site: 'news.cn' }, true],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: { width: 420, alwaysOpen: true } }, true],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: {} }, true],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: { width: 50 } }, false],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: { width: Number.NaN } }, false],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: { collapsed: 'yes' } }, false],
    [{ type: 'set-site-prefs', site: 'news.cn', prefs: { evil: true } }, false],
    [{ type: 'list-articles' }, true],
    [
      {
        type: 'list-articles',
        sort: 'title',
        order: 'asc',
        site: 'e.com',
        tag: 't',
        color: 'blue',
        from: '2025',
        to: '2025-03',
      },
      true,
    ],
    [{ type: 'list-articles', sort: 'random' }, false],
    [{ type: 'list-articles', order: 'up' }, false],
    [{ type: 'list-articles', color: 'red' }, false],
    [{ type: 'list-articles', from: 2025 }, false],
    [{ type: 'open-library' }, true],
    [{ type: 'search', query: '时间序列' }, true],
    [{ type: 'search', query: '', limit: 10 }, true],
    [{ type: 'search', query: 'x', limit: 0 }, false],
    [{ type: 'search', query: 'x', limit: 1.5 }, false],
    [{ type: 'search' }, false],
    [{ type: 'set-tags', articleId: 'https://e.com/', tags: ['治理'] }, true],
    [{ type: 'set-tags', articleId: 'https://e.com/', tags: [1] }, false],
    [{ type: 'set-tags', articleId: '', tags: [] }, false],
    [{ type: 'update-note', articleId: 'a', id: 'h1', note: '' }, true],
    [{ type: 'update-note', articleId: 'a', id: 'h1', note: 'n', color: 'pink' }, true],
    [{ type: 'update-note', articleId: 'a', id: 'h1', note: 'n', color: 'red' }, false],
    [{ type: 'update-note', articleId: 'a', id: 'h1' }, false],
    [{ type: 'update-note', id: 'h1', note: '' }, false],
    [{ type: 'delete-article', articleId: 'https://e.com/' }, true],
    [{ type: 'delete-article' }, false],
    [{ type: 'restore-rows', article: ARTICLE, highlights: [highlight('h1')] }, true],
    [
      { type: 'restore-rows', article: ARTICLE, highlights: [highlight('h1', 'https://other/')] },
      false,
    ],
    [{ type: 'restore-rows', article: { ...ARTICLE, savedAt: 'now' }, highlights: [] }, false],
    [{ type: 'restore-rows', article: ARTICLE }, false],
    [{ type: 'export-backup' }, true],
    [{ type: 'import-backup', text: '{}', mode: 'merge' }, true],
    [{ type: 'import-backup', text: '{}', mode: 'replace' }, true],
    [{ type: 'import-backup', text: '{}', mode: 'overwrite' }, false],
    [{ type: 'import-backup', mode: 'merge' }, false],
    [{ type: 'import-backup', upload: 'u', parts: 2, mode: 'merge' }, true],
    [{ type: 'import-progress' }, true],
    [{ type: 'import-backup', upload: 'u', parts: 0, mode: 'merge' }, false],
    [{ type: 'import-backup', text: '{}', upload: 'u', parts: 2, mode: 'merge' }, false],
    [{ type: 'import-backup', blobUrl: 'blob:chrome-extension://x/u', mode: 'merge' }, true],
    [{ type: 'import-backup', blobUrl: 'https://e.com/backup.json', mode: 'merge' }, false],
    [{ type: 'import-backup', blobUrl: 'blob:x', text: '{}', mode: 'merge' }, false],
    [{ type: 'import-backup', blobUrl: 'blob:x', upload: 'u', parts: 1, mode: 'merge' }, false],
    [{ type: 'import-backup', upload: 'u', mode: 'merge' }, false],
    [{ type: 'import-backup-part', upload: 'u', index: 0, text: '{' }, true],
    [{ type: 'import-backup-part', upload: '', index: 0, text: '{' }, false],
    [{ type: 'import-backup-part', upload: 'u', index: -1, text: '{' }, false],
    [{ type: 'export-backup-rows', table: 'highlights', limit: 100 }, true],
    [{ type: 'export-backup-rows', table: 'articles', after: 'https://e.com/', limit: 1 }, true],
    [{ type: 'export-backup-rows', table: 'summaries', limit: 100 }, false],
    [{ type: 'export-backup-rows', table: 'articles', limit: 0 }, false],
    [{ type: 'list-facets' }, true],
    [{ type: 'list-articles', limit: 60 }, true],
    [{ type: 'list-articles', limit: 0 }, false],
    [{ type: 'export-articles' }, true],
    [{ type: 'export-articles', ids: ['https://e.com/'] }, true],
    [{ type: 'export-articles', ids: [''] }, false],
    [{ type: 'export-articles', ids: 'https://e.com/' }, false],
    [{ type: 'export-articles', texts: false }, true],
    [{ type: 'export-articles', ids: ['https://e.com/'], texts: true }, true],
    [{ type: 'export-articles', texts: 'no' }, false],
    [{ type: 'toggle-sidebar' }, false],
    [{ type: 'something-else' }, false],
    [null, false],
    ['outline-found', false],
  ])('%j → %s', (value, expected) => {
    expect(isRequest(value)).toBe(expected);
  });
});

describe('sendRequest', () => {
  it('passes a well-formed reply through', async () => {
    const api = { runtime: { sendMessage: async () => ({ ok: true, value: null }) } };
    await expect(
      sendRequest(api, { type: 'outline-found', count: 1, title: null, essay: true }),
    ).resolves.toEqual({ ok: true, value: null });
  });

  it('turns a transport failure into { ok: false }', async () => {
    const api = {
      runtime: {
        sendMessage: async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    };
    const reply = await sendRequest(api, { type: 'get-tab-status', tabId: 1 });
    expect(reply).toEqual({
      ok: false,
      error: 'Could not establish connection. Receiving end does not exist.',
    });
  });

  it('rejects a malformed reply', async () => {
    const api = { runtime: { sendMessage: async () => undefined } };
    const reply = await sendRequest(api, { type: 'get-tab-status', tabId: 1 });
    expect(reply.ok).toBe(false);
  });
});

describe('isContentRequest', () => {
  it.each([
    [{ type: 'toggle-sidebar' }, true],
    [{ type: 'open-sidebar' }, true],
    [{ type: 'get-page-article' }, true],
    [{ type: 'get-markdown' }, true],
    [{ type: 'get-markdown', obsidian: true }, true],
    [{ type: 'get-markdown', obsidian: 'yes' }, false],
    [{ type: 'get-tab-status', tabId: 1 }, false],
    [undefined, false],
  ])('%j → %s', (value, expected) => {
    expect(isContentRequest(value)).toBe(expected);
  });
});

describe('sendContentRequest', () => {
  it('passes a well-formed reply through, to the right tab', async () => {
    const sent: Array<[number, unknown]> = [];
    const api = {
      tabs: {
        sendMessage: async (tabId: number, message: unknown) => {
          sent.push([tabId, message]);
          return { ok: true, value: { open: true } };
        },
      },
    };
    const reply = await sendContentRequest(api, 4, { type: 'toggle-sidebar' });
    expect(reply).toEqual({ ok: true, value: { open: true } });
    expect(sent).toEqual([[4, { type: 'toggle-sidebar' }]]);
  });

  it('names a missing content script', async () => {
    const api = {
      tabs: {
        sendMessage: async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      },
    };
    expect(await sendContentRequest(api, 1, { type: 'get-page-article' })).toEqual({
      ok: false,
      error: NO_CONTENT_SCRIPT,
    });
    const silent = { tabs: { sendMessage: async () => undefined } };
    expect(await sendContentRequest(silent, 1, { type: 'get-markdown' })).toEqual({
      ok: false,
      error: NO_CONTENT_SCRIPT,
    });
  });

  it('passes other errors through', async () => {
    const api = {
      tabs: {
        sendMessage: async () => {
          throw new Error('No tab with id: 1.');
        },
      },
    };
    expect(await sendContentRequest(api, 1, { type: 'open-sidebar' })).toEqual({
      ok: false,
      error: 'No tab with id: 1.',
    });
  });
});
