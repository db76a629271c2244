import { describe, expect, it } from 'vitest';
import { isRequest, sendRequest } from '@/utils/messages';

describe('isRequest', () => {
  it.each([
    [{ type: 'outline-found', count: 3, title: '论基层治理' }, true],
    [{ type: 'outline-found', count: 0, title: null }, true],
    [{ type: 'get-tab-status', tabId: 7 }, true],
    [{ type: 'outline-found', count: -1, title: null }, false],
    [{ type: 'outline-found', count: 1.5, title: null }, false],
    [{ type: 'outline-found', count: 1 }, false],
    [{ type: 'get-tab-status', tabId: '7' }, false],
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
      sendRequest(api, { type: 'outline-found', count: 1, title: null }),
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
