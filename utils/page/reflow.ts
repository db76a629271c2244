/**
 * The page reflows beside the sidebar instead of running under it: while the
 * sidebar is open, the root element gets a right margin of the sidebar's width
 * (and an automatic width, so that a page that sets `html { width: 100% }` does
 * not overflow sideways). The page's own inline values of both are put back
 * when the sidebar closes. Fixed-position parts of a page (a top bar pinned to
 * the right edge) stay where the page put them.
 */

/** The properties set on the root element, with the page's own inline values to restore. */
const PROPS = ['margin-right', 'width'] as const;

export interface Reflow {
  setWidth(width: number): void;
  restore(): void;
}

/** Makes room for a sidebar of `width` CSS pixels at the right of `doc`'s root element. */
export function reflowBeside(doc: Document, width: number): Reflow {
  const root = doc.documentElement as HTMLElement | null;
  const style = root?.style;
  if (!style || typeof style.setProperty !== 'function') return { setWidth() {}, restore() {} };
  const saved = PROPS.map((p) => [p, style.getPropertyValue(p), style.getPropertyPriority(p)]);
  const hadStyle = root!.hasAttribute('style');
  let current = -1;
  // Called on every render of the sidebar: the page's style is touched only when the width changes.
  const setWidth = (w: number) => {
    const px = Math.max(0, Math.round(w));
    if (px === current) return;
    current = px;
    style.setProperty('margin-right', `${px}px`, 'important');
    style.setProperty('width', 'auto', 'important');
  };
  setWidth(width);
  return {
    setWidth,
    restore() {
      for (const [p, value, priority] of saved) {
        if (value) style.setProperty(p!, value, priority);
        else style.removeProperty(p!);
      }
      // A root that had no style attribute gets none back, not an empty one.
      if (!hadStyle && !root!.getAttribute('style')) root!.removeAttribute('style');
    },
  };
}
