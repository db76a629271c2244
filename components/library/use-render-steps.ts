import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * How many of a long list's `count` items to render: `step` at first, `step`
 * more each time the end marker (`more`, to be rendered while `hasMore`) comes
 * within 1000px of the view, and always `step` past the active item (index
 * `active`, -1 for none), so the keyboard can reach every item. The first
 * screen is painted without waiting for the rest.
 */
export function useRenderSteps(count: number, active: number, step: number) {
  const [shown, setShown] = useState(step);
  const limit = Math.max(shown, active + step);
  const more = useRef<HTMLDivElement>(null);
  const hasMore = count > limit;
  useEffect(() => {
    const el = more.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setShown(limit + step);
      },
      { rootMargin: '1000px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, limit, step]);
  return { limit, more, hasMore };
}
