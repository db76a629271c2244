/**
 * The selection toolbar: after a selection made by the reader's mouse or
 * keyboard (never a script's), a colour row to highlight it, or, over an
 * existing highlight, its colour, note and delete; placed beside the
 * selection and following it as the page scrolls. Changes go through the
 * highlight store (highlight-store.ts).
 */
import { h, render, type ComponentChild } from 'preact';
import { HighlightToolbar } from '../components/highlights/HighlightToolbar.tsx';
import type { Translate } from '../components/sidebar/sidebar-messages.ts';
import { buildTextMap, offsetsFromRange, rangeFromOffsets } from '../lib/anchoring/text-map.ts';
import type { HighlightColor } from '../lib/model.ts';
import { trimOffsets } from './placement.ts';
import type { HighlightStore } from './highlight-store.ts';
import { isOurHost } from './shadow-host.ts';
import { createToolbarHost, type ToolbarHost } from './toolbar-host.ts';

/** What the toolbar is showing. */
interface ToolbarState {
  start: number;
  end: number;
  /** The highlight it acts on; null while the selection is not highlighted yet. */
  id: string | null;
  editing: boolean;
  /** Where to stay: a copy of the selection's range. */
  anchor: Range;
}

/**
 * Whether the page's listeners should pass an event by: made by a page script
 * (`isTrusted` false: a page may not drive the toolbar), or from one of
 * Gangmu's own hosts (sidebar, toolbar).
 */
function notForUs(e: Event): boolean {
  return !e.isTrusted || isOurHost(e.target as Node | null);
}

/** Whether the selection sits in a form field or an editable region (no highlighting there). */
function inEditable(node: Node | null): boolean {
  const el = node && (node.nodeType === 1 ? (node as Element) : node.parentElement);
  return !!el?.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}

export interface SelectionToolbarDeps {
  win: Window;
  doc: Document;
  t: Translate;
  store: HighlightStore;
  /** The note editor frame of highlight `id` (web pages), or undefined for a plain text area. */
  noteField?(id: string, close: () => void): ComponentChild;
}

export function createSelectionToolbar({ win, doc, t, store, noteField }: SelectionToolbarDeps) {
  let toolbar: ToolbarHost | null = null;
  let state: ToolbarState | null = null;
  let frame = 0;

  function renderToolbar() {
    if (!toolbar || !state) return;
    const current = state.id ? store.find(state.id) : undefined;
    render(
      h(HighlightToolbar, {
        mode: current ? 'existing' : 'new',
        color: current?.color ?? null,
        note: current?.note ?? '',
        editing: state.editing,
        t,
        onColor: (color: HighlightColor) => void pickColor(color),
        onNote: () => void openNote(),
        onSaveNote: (note: string) => {
          if (state?.id) store.update(state.id, { note: note.trim() });
          hide();
        },
        onRemove: () => state?.id && store.remove(state.id),
        onClose: hide,
        noteField:
          noteField && current && state.editing ? () => noteField(current.id, hide) : undefined,
      }),
      toolbar.mount,
    );
    place();
  }

  function place() {
    if (!toolbar || !state) return;
    const rect = state.anchor.getBoundingClientRect();
    toolbar.placeNear(rect);
  }

  const onScroll = () => {
    if (frame || !state) return;
    frame = win.requestAnimationFrame(() => {
      frame = 0;
      place();
    });
  };

  function show(next: ToolbarState) {
    // A toolbar the page took off the document is let go: a new one is made.
    if (toolbar && !toolbar.host.isConnected) hide();
    state = next;
    if (!toolbar) {
      toolbar = createToolbarHost(doc, win);
      doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    }
    renderToolbar();
  }

  function hide() {
    state = null;
    if (frame) win.cancelAnimationFrame(frame);
    frame = 0;
    if (!toolbar) return;
    render(null, toolbar.mount);
    toolbar.remove();
    toolbar = null;
    doc.removeEventListener('scroll', onScroll, { capture: true });
  }

  async function pickColor(color: HighlightColor) {
    if (!state) return;
    if (state.id) {
      store.update(state.id, { color });
      renderToolbar();
      return;
    }
    const s = state;
    const id = await store.create(s.start, s.end, color);
    // The painted colour now shows what was made: the page's selection is no longer needed.
    win.getSelection()?.removeAllRanges();
    if (id && state === s) show({ ...s, id });
  }

  async function openNote() {
    if (!state) return;
    const s = state;
    const id = s.id ?? (await store.create(s.start, s.end, 'yellow'));
    if (!id) return;
    win.getSelection()?.removeAllRanges();
    if (state === s) show({ ...s, id, editing: true });
  }

  /** Looks at the page's selection after a mouse or keyboard selection ends. */
  function inspectSelection() {
    // On every page: highlighting never waits for an essay or an outline.
    const sel = win.getSelection();
    if (!sel || sel.rangeCount === 0) return hide();
    const range = sel.getRangeAt(0);
    const r = store.root();
    if (!r.contains(range.commonAncestorContainer) || inEditable(range.commonAncestorContainer))
      return hide();
    const map = buildTextMap(r);
    const off = offsetsFromRange(map, range);
    if (range.collapsed) {
      // A click inside a highlight opens the toolbar for it.
      const hit = store.placedAt(off.start, off.start);
      if (!hit) return hide();
      const anchor = rangeFromOffsets(map, hit.start, hit.end);
      return show({ start: hit.start, end: hit.end, id: hit.highlight.id, editing: false, anchor });
    }
    const trimmed = trimOffsets(map.text, off.start, off.end);
    if (trimmed.end <= trimmed.start) return hide();
    const hit = store.placedAt(trimmed.start, trimmed.end);
    show({
      start: hit?.start ?? trimmed.start,
      end: hit?.end ?? trimmed.end,
      id: hit?.highlight.id ?? null,
      editing: false,
      anchor: range.cloneRange(),
    });
  }

  let pending: ReturnType<typeof setTimeout> | undefined;
  const onMouseUp = (e: MouseEvent) => {
    if (e.button !== 0 || notForUs(e)) return;
    // After the browser has updated the selection for this click.
    pending = setTimeout(inspectSelection, 0);
  };
  const onMouseDown = (e: MouseEvent) => {
    if (!notForUs(e) && !state?.editing) hide();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (notForUs(e)) return;
    if (e.key === 'Escape') return hide();
    // A keyboard selection (Shift+arrows, caret browsing) ends with Shift released.
    if (e.key === 'Shift' || (e.shiftKey && e.key.startsWith('Arrow'))) inspectSelection();
  };

  return {
    start() {
      doc.addEventListener('mouseup', onMouseUp);
      doc.addEventListener('mousedown', onMouseDown);
      doc.addEventListener('keyup', onKeyUp);
    },
    stop() {
      clearTimeout(pending);
      hide();
      doc.removeEventListener('mouseup', onMouseUp);
      doc.removeEventListener('mousedown', onMouseDown);
      doc.removeEventListener('keyup', onKeyUp);
    },
    hide,
    /** Draws the toolbar again (a note stored elsewhere changed what it shows). */
    refresh: renderToolbar,
    /** The highlight it is showing, if any. */
    showing: () => state?.id ?? null,
  };
}
