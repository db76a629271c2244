/**
 * A brief flash on a page element, with the Web Animations API: no class, no
 * stylesheet and no lasting style change in the page; the page's own styles
 * are back when the animation ends.
 */
export function flashElement(el: Element, durationMs = 1400): void {
  if (typeof (el as HTMLElement).animate !== 'function') return;
  (el as HTMLElement).animate(
    [
      { backgroundColor: 'rgba(255, 214, 102, 0.75)', outline: '2px solid rgba(230, 160, 0, 0.9)' },
      { backgroundColor: 'rgba(255, 214, 102, 0)', outline: '2px solid rgba(230, 160, 0, 0)' },
    ],
    { duration: durationMs, easing: 'ease-out' },
  );
}
