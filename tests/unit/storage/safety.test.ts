/** A full disk: the reader is told clearly, and nothing already saved is lost. */
import { describe, expect, it } from 'vitest';
import type { GangmuDB } from '@/background/db/schema';
import { QUOTA_MESSAGE, isQuotaError } from '@/background/storage/errors';
import {
  allHighlights,
  ARTICLE_ID,
  draft,
  highlight,
  useFreshRouters,
  FROM_EXTENSION,
} from './fixtures';

const freshRouter = useFreshRouters();
let db: GangmuDB;

const quota = (() =>
  Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as never;

function router() {
  const made = freshRouter();
  db = made.db;
  return made.router;
}

async function dump() {
  return { articles: await db.articles.toArray(), highlights: await allHighlights(db) };
}

describe('storage full', () => {
  it('recognises a quota error however Dexie wraps it', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: dom }))).toBe(true);
    expect(isQuotaError(new Error('quota'))).toBe(false);
  });

  it('put-highlight: a clear message, and the earlier highlights and the article are intact', async () => {
    const r = router();
    await r.handle({ type: 'save-article', article: draft() }, FROM_EXTENSION);
    await r.handle(
      { type: 'put-highlight', highlight: highlight('h1'), article: draft() },
      FROM_EXTENSION,
    );
    const before = await dump();
    db.highlightGroups.put = quota;
    const reply = await r.handle(
      { type: 'put-highlight', highlight: highlight('h2'), article: draft() },
      FROM_EXTENSION,
    );
    expect(reply).toEqual({ ok: false, error: QUOTA_MESSAGE, code: 'quota-exceeded' });
    expect(QUOTA_MESSAGE).toMatch(/^存储空间已满/);
    expect(QUOTA_MESSAGE).toMatch(/Storage is full/);
    // The article's updatedAt bump in the same transaction was rolled back too.
    expect(await dump()).toEqual(before);
  });

  it('put-highlight on an unsaved article writes neither the article nor the highlight', async () => {
    const r = router();
    db.highlightGroups.put = quota;
    const reply = await r.handle(
      { type: 'put-highlight', highlight: highlight('h1'), article: draft() },
      FROM_EXTENSION,
    );
    expect(reply).toMatchObject({ ok: false, code: 'quota-exceeded' });
    expect(await db.articles.get(ARTICLE_ID)).toBeUndefined();
  });

  it('save-article and update-note: a clear message, nothing lost', async () => {
    const r = router();
    await r.handle(
      {
        type: 'put-highlight',
        highlight: { ...highlight('h1'), note: '旧笔记' },
        article: draft(),
      },
      FROM_EXTENSION,
    );
    const before = await dump();
    db.articles.put = quota;
    expect(
      await r.handle({ type: 'save-article', article: draft({ title: '新' }) }, FROM_EXTENSION),
    ).toMatchObject({
      ok: false,
      code: 'quota-exceeded',
    });
    expect(
      await r.handle(
        { type: 'update-note', articleId: ARTICLE_ID, id: 'h1', note: '新笔记' },
        FROM_EXTENSION,
      ),
    ).toMatchObject({
      ok: false,
      code: 'quota-exceeded',
    });
    expect(await dump()).toEqual(before);
  });
});
