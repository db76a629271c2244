/**
 * One lifetime per content-script run: after stop() no timer, frame, idle
 * callback, listener or observer of it runs again, and new ones are not started.
 */
import { describe, expect, it, vi } from 'vitest';
import { createLifetime } from '@/content/lifetime';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createLifetime', () => {
  it('runs what it was given while alive', async () => {
    const life = createLifetime(window);
    const seen: string[] = [];
    life.timeout(() => seen.push('timeout'), 0);
    life.frame(() => seen.push('frame'));
    life.idle(() => seen.push('idle'), 50);
    life.listen(window, 'gangmu-test', () => seen.push('event'));
    window.dispatchEvent(new Event('gangmu-test'));
    await tick(400);
    expect(seen.sort()).toEqual(['event', 'frame', 'idle', 'timeout']);
    life.stop();
  });

  it('ends every timer, frame, idle callback, listener and observer at stop, and starts none after', async () => {
    const life = createLifetime(window);
    const fn = vi.fn();
    life.timeout(fn, 0);
    life.frame(fn);
    life.idle(fn, 50);
    life.listen(window, 'gangmu-test', fn);
    const target = document.createElement('div');
    document.body.append(target);
    life.observer(fn).observe(target, { childList: true });
    const ended = vi.fn();
    life.onStop(ended);
    life.stop();
    expect(life.stopped).toBe(true);
    expect(ended).toHaveBeenCalledOnce();
    // Nothing started after stop runs either.
    life.listen(window, 'gangmu-test', fn);
    life.observer(fn).observe(target, { childList: true });
    window.dispatchEvent(new Event('gangmu-test'));
    target.append('x');
    life.timeout(fn, 0);
    life.idle(fn, 10);
    expect(life.frame(fn)).toBe(0);
    await tick(400);
    expect(fn).not.toHaveBeenCalled();
    life.stop();
    expect(ended).toHaveBeenCalledOnce();
    target.remove();
  });

  it('a cleared timer and a removed listener do not run', async () => {
    const life = createLifetime(window);
    const fn = vi.fn();
    life.clearTimeout(life.timeout(fn, 0));
    const remove = life.listen(window, 'gangmu-test', fn);
    remove();
    window.dispatchEvent(new Event('gangmu-test'));
    await tick(20);
    expect(fn).not.toHaveBeenCalled();
    life.stop();
  });
});
