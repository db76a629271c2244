/**
 * The engine's steps run a slice per task in the page (content/sliced.ts): a
 * short run is done in the first slice, a long one goes on in later tasks,
 * past the budget it gives up with TooLong, and a stopped lifetime or a newer
 * run ends it with Stopped. The clock is the test's: a step "takes" what it says.
 */
import { describe, expect, it } from 'vitest';
import type { Steps } from '../../../lib/steps.ts';
import type { Lifetime } from '../../../content/lifetime.ts';
import { runSliced, Stopped, TooLong } from '../../../content/sliced.ts';

/** A lifetime with timers and stop() (all runSliced uses). */
function lifetime() {
  const enders: (() => void)[] = [];
  const life = {
    stopped: false,
    timeout: (fn: () => void, ms: number) => setTimeout(() => !life.stopped && fn(), ms),
    onStop: (fn: () => void) => void enders.push(fn),
    stop() {
      life.stopped = true;
      for (const end of enders) end();
    },
  };
  return life as unknown as typeof life & Lifetime;
}

/** `n` steps of `ms` each on the clock `clock`, then the number of steps taken. */
function* work(n: number, ms: number, clock: { t: number }, taken: number[]): Steps<number> {
  for (let i = 0; i < n; i++) {
    clock.t += ms;
    taken.push(clock.t);
    yield;
  }
  return n;
}

describe('runSliced', () => {
  it('gives a short run at once, in the first slice', () => {
    const clock = { t: 0 };
    const run = runSliced(work(3, 2, clock, []), lifetime(), { now: () => clock.t });
    expect(run).toEqual({ done: true, value: 3 });
  });

  it('runs a long one a slice per task: the first slice stops after sliceMs of work', async () => {
    const clock = { t: 0 };
    const taken: number[] = [];
    const run = runSliced(work(100, 3, clock, taken), lifetime(), {
      now: () => clock.t,
      sliceMs: 20,
    });
    expect(run.done).toBe(false);
    // The first slice (in the caller's task) stopped once 35 ms of work were done: 12
    // steps of 3 ms; later slices 20 ms.
    expect(taken.length).toBe(12);
    if (run.done) return;
    // The rest in later tasks: nothing more in this one.
    expect(taken.length).toBe(12);
    expect(await run.promise).toBe(100);
    expect(taken.length).toBe(100);
  });

  it('gives up with TooLong past its budget of work', async () => {
    const clock = { t: 0 };
    const run = runSliced(work(10_000, 5, clock, []), lifetime(), {
      now: () => clock.t,
      sliceMs: 20,
      budgetMs: 200,
    });
    if (run.done) throw new Error('done at once');
    const err = await run.promise.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLong);
    expect((err as TooLong).workedMs).toBeGreaterThan(200);
    expect((err as TooLong).workedMs).toBeLessThan(260);
  });

  it('ends with Stopped when its lifetime ends, or a newer run replaces it', async () => {
    for (const how of ['stop', 'cancel'] as const) {
      const clock = { t: 0 };
      const taken: number[] = [];
      const life = lifetime();
      let cancelled = false;
      const run = runSliced(work(1000, 5, clock, taken), life, {
        now: () => clock.t,
        cancelled: () => cancelled,
      });
      if (run.done) throw new Error('done at once');
      // The first slice: seven steps of 5 ms (35 ms, the default first slice).
      expect(taken.length).toBe(7);
      if (how === 'stop') life.stop();
      else cancelled = true;
      await expect(run.promise).rejects.toBeInstanceOf(Stopped);
      expect(taken.length).toBe(7);
    }
  });

  it('passes on what the steps throw', async () => {
    const clock = { t: 0 };
    function* failing(): Steps<number> {
      clock.t += 40;
      yield;
      throw new Error('bad page');
    }
    const run = runSliced(failing(), lifetime(), { now: () => clock.t, sliceMs: 20 });
    if (run.done) throw new Error('done at once');
    await expect(run.promise).rejects.toThrow('bad page');
  });
});
