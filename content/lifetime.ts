/**
 * One lifetime for a content-script run (or a reader's): every timer, frame,
 * idle callback, event listener and observer it starts is registered here,
 * and {@link Lifetime.stop} ends them all. After stop, nothing queued runs
 * and nothing new is started: a stopped controller never wakes up again on
 * a page it has left.
 */
export interface Lifetime {
  readonly stopped: boolean;
  /** `setTimeout` that stop() clears. */
  timeout(fn: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimeout(id: ReturnType<typeof setTimeout> | undefined): void;
  /** `requestAnimationFrame` that stop() cancels. */
  frame(fn: () => void): number;
  cancelFrame(id: number): void;
  /** `fn` wrapped to run at most once a frame, however often it is called (scroll, resize). */
  perFrame(fn: () => void): () => void;
  /** Runs `fn` when the browser is idle (at most `within` ms later), never after stop(). */
  idle(fn: () => void, within?: number): void;
  /** Adds a listener that stop() removes; returns its own remover. */
  listen<K extends string>(
    target: EventTarget,
    type: K,
    fn: EventListener,
    options?: AddEventListenerOptions,
  ): () => void;
  /** A MutationObserver that stop() disconnects. */
  observer(cb: MutationCallback): MutationObserver;
  /** Runs `fn` at stop(), after the timers are gone (latest registered first). */
  onStop(fn: () => void): void;
  stop(): void;
}

export function createLifetime(win: Window): Lifetime {
  let stopped = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const frames = new Set<number>();
  const enders: (() => void)[] = [];

  const life: Lifetime = {
    get stopped() {
      return stopped;
    },
    timeout(fn, ms) {
      const id = setTimeout(() => {
        timers.delete(id);
        if (!stopped) fn();
      }, ms);
      timers.add(id);
      return id;
    },
    clearTimeout(id) {
      if (id === undefined) return;
      clearTimeout(id);
      timers.delete(id);
    },
    frame(fn) {
      if (stopped) return 0;
      const id = win.requestAnimationFrame(() => {
        frames.delete(id);
        if (!stopped) fn();
      });
      frames.add(id);
      return id;
    },
    cancelFrame(id) {
      if (!id) return;
      win.cancelAnimationFrame(id);
      frames.delete(id);
    },
    perFrame(fn) {
      let queued = 0;
      return () => {
        if (queued) return;
        queued = life.frame(() => {
          queued = 0;
          fn();
        });
      };
    },
    idle(fn, within = 2000) {
      if (stopped) return;
      const run = () => {
        if (!stopped) fn();
      };
      // Not cancelled at stop (the id space differs per browser): it runs as a no-op.
      if (typeof win.requestIdleCallback === 'function')
        win.requestIdleCallback(run, { timeout: within });
      else life.timeout(run, 300);
    },
    listen(target, type, fn, options) {
      if (stopped) return () => undefined;
      target.addEventListener(type, fn, options);
      const remove = () => target.removeEventListener(type, fn, options);
      enders.push(remove);
      return remove;
    },
    observer(cb) {
      // One made or observing after stop() lets go at its first records.
      const o = new MutationObserver((records, self) => {
        if (stopped) self.disconnect();
        else cb(records, self);
      });
      enders.push(() => o.disconnect());
      return o;
    },
    onStop(fn) {
      enders.push(fn);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      for (const id of timers) clearTimeout(id);
      timers.clear();
      for (const id of frames) win.cancelAnimationFrame(id);
      frames.clear();
      for (const end of enders.splice(0).reverse()) {
        try {
          end();
        } catch (err) {
          // One failing ender must not keep the others from running.
          console.debug('[Gangmu] stopping:', err);
        }
      }
    },
  };
  return life;
}
