/**
 * The page reflows beside the sidebar instead of running under it: while the
 * sidebar is open, the root element gets a margin of the sidebar's width on the
 * sidebar's side (and an automatic width, so that a page that sets
 * `html { width: 100% }` does not overflow sideways). The page's own inline values of both are put back
 * when the sidebar closes. Fixed-position parts of a page (a top bar pinned to
 * the right edge) stay where the page put them.
 */

/** The properties set on the root element, with the page's own inline values to restore. */
const PROPS = ['margin-left', 'margin-right', 'width'] as const;

export interface Reflow {
  setWidth(width: number, side?: 'left' | 'right'): void;
  restore(): void;
}

/** Makes room for a sidebar of `width` CSS pixels on `side` of `doc`'s root element. */
export function reflowBeside(
  doc: Document,
  width: number,
  side: 'left' | 'right' = 'right',
): Reflow {
  const root = doc.documentElement as HTMLElement | null;
  const style = root?.style;
  if (!style || typeof style.setProperty !== 'function') return { setWidth() {}, restore() {} };
  const initial = PROPS.map((p) => [p, style.getPropertyValue(p), style.getPropertyPriority(p)]);
  const hadStyle = root!.hasAttribute('style');
  let current = '';
  // Called on every render of the sidebar: the page's style is touched only when it changes.
  const setWidth = (w: number, s: 'left' | 'right' = side) => {
    const px = Math.max(0, Math.round(w));
    if (`${px}${s}` === current) return;
    current = `${px}${s}`;
    const other = s === 'left' ? 'margin-right' : 'margin-left';
    const saved = PROPS.indexOf(other);
    // The other side gets the page's own value back.
    const [, value, priority] = initial[saved]!;
    if (value) style.setProperty(other, value, priority);
    else style.removeProperty(other);
    style.setProperty(`margin-${s}`, `${px}px`, 'important');
    style.setProperty('width', 'auto', 'important');
  };
  setWidth(width, side);
  return {
    setWidth,
    restore() {
      for (const [p, value, priority] of initial) {
        if (value) style.setProperty(p!, value, priority);
        else style.removeProperty(p!);
      }
      // A root that had no style attribute gets none back, not an empty one.
      if (!hadStyle && !root!.getAttribute('style')) root!.removeAttribute('style');
    },
  };
}
