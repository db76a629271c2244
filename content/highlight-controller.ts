/**
 * Highlights and notes on a page (a web page, or the text reader's frame),
 * composed of their concerns: the stored and placed highlights
 * (highlight-store.ts: load, anchor, paint, every change through the
 * background), the selection toolbar (selection-toolbar.ts), the note editor
 * frame on web pages, and what the sidebar and the Markdown export show.
 */
import { h } from 'preact';
import { HighlightLinkNotice } from '../components/highlights/HighlightLinkNotice.tsx';
import { HighlightList, type HighlightActions } from '../components/highlights/HighlightList.tsx';
import { HighlightSections } from '../components/highlights/HighlightSections.tsx';
import { NoteFrame } from '../components/highlights/NoteFrame.tsx';
import type { Translate } from '../components/sidebar/sidebar-messages.ts';
import type { Highlight } from '../lib/model.ts';
import type { ArticleDraft, ReplyTo, Request } from '../protocol/messages.ts';
import type { FlatNode } from './flat-outline.ts';
import { createHighlightStore } from './highlight-store.ts';
import type { PageOutline } from './page-outline.ts';
import { createSelectionToolbar } from './selection-toolbar.ts';

export { textRoot } from './highlight-store.ts';

export interface HighlightDeps {
  win: Window;
  doc: Document;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  /** The page's outline, running the engine when needed (`fresh`: run it again). */
  page(fresh?: boolean): PageOutline;
  /** The key of the page's article (its normalised URL). */
  articleId(): string;
  /** The page's article as it would be saved (sent with each highlight). */
  draft(): ArticleDraft;
  /** What the sidebar shows has changed. */
  changed(): void;
  /**
   * The address of the extension's note editor frame for a session token
   * (`runtime.getURL('/note-editor.html#TOKEN')`). Given on web pages: notes are
   * then typed in that frame, out of the page's reach (README → Privacy).
   * Without it (the extension's own paste page) the note is a plain text area.
   */
  noteEditorUrl?: (token: string) => string;
  /**
   * Resolves once `page()` and `draft()` can run: on web pages the engine is
   * loaded on first need (engine.ts). Absent where the engine is at hand.
   */
  ready?(current?: boolean): Promise<void>;
  /** A link shown with each highlight in the sidebar's lists (the library's "show on the page"). */
  linkOf?: HighlightActions['linkOf'];
  /**
   * The article's saved highlights when the caller has just read them (the
   * library's article view): the first load restores these instead of asking
   * the background again. Later loads (a reset) ask.
   */
  preloaded?: readonly Highlight[];
  /** Whether new highlights keep a position selector (highlight-store.ts; default true). */
  positions?: boolean;
}

export function createHighlightController(deps: HighlightDeps) {
  const { send, t } = deps;
  const store = createHighlightStore({
    win: deps.win,
    doc: deps.doc,
    send,
    page: deps.page,
    articleId: deps.articleId,
    draft: deps.draft,
    changed: deps.changed,
    ready: deps.ready,
    preloaded: deps.preloaded,
    positions: deps.positions,
    removed: (id) => {
      if (toolbar.showing() === id) toolbar.hide();
    },
  });

  // -------------------------------------------------------------------------
  // The note editor frame (web pages: deps.noteEditorUrl)

  /** How each open editor frame leaves edit mode, by highlight id. */
  const closers = new Map<string, () => void>();

  /** The note field of highlight `id` on a web page: the editor frame, or undefined (a text area). */
  function noteField(id: string, close: () => void) {
    const url = deps.noteEditorUrl;
    if (!url) return undefined;
    closers.set(id, close);
    const articleId = store.find(id)?.articleId ?? deps.articleId();
    return h(NoteFrame, {
      key: id,
      t,
      open: async () => {
        const reply = await send({ type: 'open-note-editor', articleId, highlightId: id });
        if (!reply.ok) console.debug('[Gangmu] no note editor:', reply.error);
        return reply.ok ? url(reply.value.token) : null;
      },
    });
  }

  const toolbar = createSelectionToolbar({
    win: deps.win,
    doc: deps.doc,
    t,
    store,
    noteField: deps.noteEditorUrl ? noteField : undefined,
  });

  /**
   * The editor frame of highlight `id` has closed (the background's word): the
   * note, already stored there, is taken into this page's list (null: cancelled).
   */
  function noteClosed(id: string, note: string | null) {
    if (note !== null) store.noteStored(id, note);
    const close = closers.get(id);
    closers.delete(id);
    close?.();
    deps.changed();
    toolbar.refresh();
  }

  // -------------------------------------------------------------------------
  // For the sidebar and the export

  const actions = {
    onGo: (id: string) => store.goTo(id),
    onSaveNote: (id: string, note: string) => store.update(id, { note: note.trim() }),
    onDelete: (id: string) => store.remove(id),
    noteField: deps.noteEditorUrl
      ? (hl: Highlight, close: () => void) => noteField(hl.id, close)
      : undefined,
    linkOf: deps.linkOf,
  };

  /** The sidebar's highlight props: count, per-node lists, intro and orphan sections. */
  function sidebarProps() {
    const g = store.groups();
    const linked = store.linked();
    return {
      highlightCount: store.count(),
      notice: linked && h(HighlightLinkNotice, { kind: linked.kind, t }),
      renderNodeExtra: (item: FlatNode) =>
        h(HighlightList, {
          highlights: (g.byNode.get(item.id) ?? []).map((p) => p.highlight),
          placed: true,
          t,
          ...actions,
        }),
      children: h(HighlightSections, {
        intro: g.intro.map((p) => p.highlight),
        orphans: g.orphans.map((p) => p.highlight),
        targetId: linked?.kind === 'orphan' ? linked.id : null,
        t,
        ...actions,
      }),
    };
  }

  return {
    start: () => toolbar.start(),
    stop() {
      toolbar.stop();
      store.stop();
    },
    /** A new address: forget this page's highlights and load the new page's. */
    reset() {
      toolbar.hide();
      store.reset();
    },
    ensureLoaded: store.ensureLoaded,
    reveal: store.reveal,
    clearLink: store.clearLink,
    pageChanged: store.pageChanged,
    noteClosed,
    sidebarProps,
    exportItems: store.exportItems,
    count: store.count,
  };
}

export type HighlightController = ReturnType<typeof createHighlightController>;
