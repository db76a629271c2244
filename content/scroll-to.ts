/**
 * Scrolls a point near the top of the reader's view: a little below the top
 * edge (clear of most sticky headers) and above the line at which the
 * sidebar calls a point current ({@link CURRENT_LINE}), so the clicked point
 * stays current after the scroll.
 */

/** A point is current once its top passes this share of the viewport height. */
export const CURRENT_LINE = 0.3;
/** Where a clicked point lands, as a share of the viewport height. */
export const LANDING_LINE = 0.12;

/** The nearest ancestor that scrolls vertically by itself, or null for the document. */
function scrollBoxOf(el: Element, win: Window): Element | null {
  const root = el.ownerDocument.scrollingElement;
  for (
    let p = el.parentElement;
    p && p !== root && p !== el.ownerDocument.body;
    p = p.parentElement
  ) {
    if (p.scrollHeight <= p.clientHeight) continue;
    const y = win.getComputedStyle(p).overflowY;
    if (y === 'auto' || y === 'scroll' || y === 'overlay') return p;
  }
  return null;
}

/** Scrolls `el` (or the top of `range`) to {@link LANDING_LINE} of the viewport. */
export function scrollToPoint(
  win: Window,
  el: Element,
  range: Range | null,
  smooth: boolean,
): void {
  const behavior: ScrollBehavior = smooth ? 'smooth' : 'auto';
  if (scrollBoxOf(el, win)) {
    // An inner scroll box: let the browser scroll every box in the chain.
    el.scrollIntoView({ behavior, block: 'center' });
    return;
  }
  const rect = (range ?? el).getBoundingClientRect();
  const top = rect.height === 0 && range ? el.getBoundingClientRect().top : rect.top;
  win.scrollBy({ top: top - win.innerHeight * LANDING_LINE, behavior });
}
