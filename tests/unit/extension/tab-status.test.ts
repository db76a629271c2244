import { describe, expect, it } from 'vitest';
import {
  badgeText,
  createTabStatusService,
  tabKey,
  type BadgeApi,
  type SessionArea,
} from '@/background/tab-status';

function fakeBadge() {
  const text = new Map<number, string>();
  const api: BadgeApi = {
    setBadgeText: ({ tabId, text: t }) => void text.set(tabId, t),
    setBadgeBackgroundColor: () => undefined,
  };
  return { api, text };
}

function fakeSession() {
  const items = new Map<string, unknown>();
  const api: SessionArea = {
    get: async (key) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (obj) => void Object.entries(obj).forEach(([k, v]) => items.set(k, v)),
    remove: async (key) => void items.delete(key),
  };
  return { api, items };
}

const fromTab = (id: number, url = 'http://127.0.0.1/essay.html') => ({ tab: { id }, url });

describe('badgeText', () => {
  it.each([
    [0, ''],
    [1, '1'],
    [42, '42'],
    [999, '999'],
    [1000, '999+'],
  ])('%i → %j', (count, text) => expect(badgeText(count)).toBe(text));

  it("shows no number for the quick check's estimate: an ellipsis on an essay page, else nothing", () => {
    expect(badgeText(149, false, true)).toBe('…');
    expect(badgeText(0, false, true)).toBe('');
    expect(badgeText(5, false, false)).toBe('');
  });
});

describe('tab status service', () => {
  it('records what a tab found, sets its badge, and answers the popup', async () => {
    const badge = fakeBadge();
    const session = fakeSession();
    const service = createTabStatusService({ badge: badge.api, session: session.api });

    const found = await service.handle(
      { type: 'outline-found', count: 149, title: '论基层治理', essay: true },
      fromTab(5),
    );
    expect(found).toEqual({ ok: true, value: null });
    // The quick check's estimate: an essay, no number.
    expect(badge.text.get(5)).toBe('…');
    await service.handle(
      { type: 'outline-found', count: 12, title: '论基层治理', essay: true, exact: true },
      fromTab(5),
    );
    expect(badge.text.get(5)).toBe('12');
    expect(session.items.get(tabKey(5))).toEqual({
      count: 12,
      title: '论基层治理',
      url: 'http://127.0.0.1/essay.html',
      essay: true,
      exact: true,
      highlights: 0,
      articleId: 'http://127.0.0.1/essay.html',
    });

    const status = await service.handle({ type: 'get-tab-status', tabId: 5 }, {});
    expect(status).toEqual({
      ok: true,
      value: {
        count: 12,
        title: '论基层治理',
        url: 'http://127.0.0.1/essay.html',
        essay: true,
        exact: true,
        highlights: 0,
        saved: false,
      },
    });
  });

  it('answers null for a tab that never reported', async () => {
    const service = createTabStatusService({ badge: undefined, session: undefined });
    expect(await service.handle({ type: 'get-tab-status', tabId: 9 }, {})).toEqual({
      ok: true,
      value: null,
    });
  });

  it('survives a service-worker restart through storage.session', async () => {
    const session = fakeSession();
    const before = createTabStatusService({ badge: undefined, session: session.api });
    await before.handle({ type: 'outline-found', count: 3, title: null, essay: true }, fromTab(2));
    const after = createTabStatusService({ badge: undefined, session: session.api });
    const reply = await after.handle({ type: 'get-tab-status', tabId: 2 }, {});
    expect(reply).toMatchObject({ ok: true, value: { count: 3 } });
  });

  it('forgets a tab and clears its badge', async () => {
    const badge = fakeBadge();
    const session = fakeSession();
    const service = createTabStatusService({ badge: badge.api, session: session.api });
    await service.handle({ type: 'outline-found', count: 4, title: null, essay: true }, fromTab(3));
    await service.forget(3);
    expect(badge.text.get(3)).toBe('');
    expect(session.items.has(tabKey(3))).toBe(false);
    expect(await service.handle({ type: 'get-tab-status', tabId: 3 }, {})).toEqual({
      ok: true,
      value: null,
    });
  });

  it('refuses outline-found from outside a tab, without throwing', async () => {
    const service = createTabStatusService({ badge: undefined, session: undefined });
    const reply = await service.handle(
      { type: 'outline-found', count: 1, title: null, essay: true },
      {},
    );
    expect(reply).toEqual({ ok: false, error: 'outline-found must come from a tab' });
  });

  it('reports a failing badge API as an error reply', async () => {
    const service = createTabStatusService({
      badge: {
        setBadgeText: () => {
          throw new Error('No tab with id: 8.');
        },
      },
      session: undefined,
    });
    const reply = await service.handle(
      { type: 'outline-found', count: 1, title: null, essay: true },
      fromTab(8),
    );
    expect(reply).toEqual({ ok: false, error: 'No tab with id: 8.' });
  });

  it('counts reported highlights and keeps them across a re-report of the same page', async () => {
    const service = createTabStatusService({ badge: undefined, session: undefined });
    await service.handle({ type: 'outline-found', count: 5, title: 't', essay: true }, fromTab(4));
    await service.handle({ type: 'report-highlights', count: 3 }, fromTab(4));
    await service.handle({ type: 'outline-found', count: 6, title: 't', essay: true }, fromTab(4));
    const reply = await service.handle({ type: 'get-tab-status', tabId: 4 }, {});
    expect(reply).toMatchObject({ ok: true, value: { count: 6, highlights: 3 } });
  });

  it('asks storage whether the article is saved, by the reported key or the normalised URL', async () => {
    const asked: string[] = [];
    const service = createTabStatusService({
      badge: undefined,
      session: undefined,
      isSaved: async (id) => (asked.push(id), id === 'https://e.com/canonical'),
    });
    await service.handle(
      {
        type: 'outline-found',
        count: 2,
        title: null,
        essay: true,
        articleId: 'https://e.com/canonical',
      },
      fromTab(6, 'https://e.com/a?utm_source=x'),
    );
    await service.handle(
      { type: 'outline-found', count: 2, title: null, essay: true },
      fromTab(7, 'https://e.com/b?utm_source=x#top'),
    );
    expect(await service.handle({ type: 'get-tab-status', tabId: 6 }, {})).toMatchObject({
      value: { saved: true },
    });
    expect(await service.handle({ type: 'get-tab-status', tabId: 7 }, {})).toMatchObject({
      value: { saved: false },
    });
    expect(asked).toEqual(['https://e.com/canonical', 'https://e.com/b']);
  });

  it('records essay: false from the quick check', async () => {
    const service = createTabStatusService({ badge: undefined, session: undefined });
    await service.handle({ type: 'outline-found', count: 0, title: 'x', essay: false }, fromTab(9));
    expect(await service.handle({ type: 'get-tab-status', tabId: 9 }, {})).toMatchObject({
      value: { essay: false, count: 0 },
    });
  });

  it('ignores a storage.session record of an older shape', async () => {
    const session = fakeSession();
    session.items.set(tabKey(1), { count: 3, title: null, url: null });
    const service = createTabStatusService({ badge: undefined, session: session.api });
    expect(await service.handle({ type: 'get-tab-status', tabId: 1 }, {})).toEqual({
      ok: true,
      value: null,
    });
  });
});
