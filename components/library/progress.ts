/**
 * Export progress as the page shows it: each update renders the library page
 * again (the list's rows and their strings, which cost more than the zip
 * work between two updates), so updates are kept to a few per second.
 */

/** The least time between two progress updates shown, in ms. */
export const PROGRESS_MS = 200;

/**
 * `show`, called at most every `ms` — except the first step (done 0) and the
 * last (done = total), always shown.
 */
export function throttledProgress<P extends { done: number; total: number }>(
  show: (p: P) => void,
  ms: number = PROGRESS_MS,
  now: () => number = () => performance.now(),
): (p: P) => void {
  let last = -Infinity;
  return (p) => {
    const t = now();
    if (p.done !== 0 && p.done < p.total && t - last < ms) return;
    last = t;
    show(p);
  };
}
