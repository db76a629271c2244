import type { Translate } from './sidebar-messages.ts';

export interface ResizeHandleProps {
  /** Called with the new width while dragging (`done` false) and once at the end (`done` true). */
  onResize(width: number, done: boolean): void;
  /** The sidebar's side: the handle is on its inner edge. */
  side?: 'left' | 'right';
  t: Translate;
}

/**
 * The drag handle on the sidebar's inner edge. Width = distance from the pointer to the
 * viewport's edge the sidebar sits on.
 */
export function ResizeHandle({ onResize, side = 'right', t }: ResizeHandleProps) {
  const widthAt = (e: PointerEvent) =>
    side === 'left'
      ? e.clientX
      : (e.currentTarget as Element).ownerDocument.documentElement.clientWidth - e.clientX;
  return (
    <div
      class="resize"
      role="separator"
      aria-orientation="vertical"
      title={t('sidebarResize')}
      onPointerDown={(e) => {
        const el = e.currentTarget as HTMLElement;
        el.setPointerCapture(e.pointerId);
        e.preventDefault();
      }}
      onPointerMove={(e) => {
        const el = e.currentTarget as HTMLElement;
        if (el.hasPointerCapture(e.pointerId)) onResize(widthAt(e), false);
      }}
      onPointerUp={(e) => {
        const el = e.currentTarget as HTMLElement;
        if (!el.hasPointerCapture(e.pointerId)) return;
        el.releasePointerCapture(e.pointerId);
        onResize(widthAt(e), true);
      }}
    />
  );
}
