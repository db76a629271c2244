/**
 * Chunked allocation of offset maps for short-lived, per-line texts.
 *
 * A typed array over 64 bytes gets its own off-heap backing store, and V8
 * makes and sweeps those far more slowly than ordinary objects: one map per
 * line of a long PDF text made garbage collection the largest cost of the
 * plain-text front end. An arena hands out views of a few large chunks
 * instead. Its views share their chunk, so they are for intermediate maps
 * only: results that outlive the caller (block offsets) are copied out.
 */

/** Entries per chunk (128 KB): a few chunks cover a long document. */
const CHUNK = 1 << 15;

export class OffsetArena {
  private chunk = new Int32Array(0);
  private used = 0;

  /**
   * A zero-filled view of `n` entries, not shared with any other view this
   * arena hands out. A request larger than a chunk gets a chunk of its own.
   */
  take(n: number): Int32Array {
    if (this.used + n > this.chunk.length) {
      this.chunk = new Int32Array(Math.max(CHUNK, n));
      this.used = 0;
    }
    const view = this.chunk.subarray(this.used, this.used + n);
    this.used += n;
    return view;
  }
}
