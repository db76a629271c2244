/**
 * Page watching: the page's own DOM changes (never ours), counted so an
 * outline knows whether it is still the page's, and a settle call once the
 * page has been quiet for {@link SETTLE_MS} (a new address of a single-page
 * app, or new content). Everything it starts belongs to the lifetime given.
 */
import type { Lifetime } from './lifetime.ts';
import { isOurHost } from './shadow-host.ts';

/** Quiet time after the last DOM change before re-checking (ms). */
export const SETTLE_MS = 1000;

export interface PageWatch {
  /** Changes to the body seen so far (those made in the running task counted first). */
  changes(): number;
  /** Calls settle after the next quiet time (an address change a script made without a DOM change). */
  schedule(): void;
  start(): void;
}

export function createPageWatch(doc: Document, life: Lifetime, settle: () => void): PageWatch {
  let changes = 0;
  let settleTimer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;

  function schedule() {
    life.clearTimeout(settleTimer);
    settleTimer = life.timeout(settle, SETTLE_MS);
  }

  const ours = (n: Node) => isOurHost(n);
  function onMutations(records: MutationRecord[]) {
    // Our own host coming and going is not a page change.
    const pageChanged = records.some(
      (r) =>
        !ours(r.target) &&
        !(
          [...r.addedNodes, ...r.removedNodes].length > 0 &&
          [...r.addedNodes, ...r.removedNodes].every(ours)
        ),
    );
    if (!pageChanged) return;
    // The outline is the body's: a script or style added to <head> leaves it as it is.
    const head = doc.head;
    if (records.some((r) => !ours(r.target) && !(head && head.contains(r.target)))) changes++;
    schedule();
  }

  return {
    changes() {
      // Changes made in the task that asks are not reported yet: count them.
      const pending = observer?.takeRecords();
      if (pending?.length) onMutations(pending);
      return changes;
    },
    schedule,
    start() {
      observer = life.observer(onMutations);
      observer.observe(doc.documentElement, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    },
  };
}
