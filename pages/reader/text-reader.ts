/**
 * An article's text read like a web page, on the paste page and in the
 * library: its blocks rendered as text in a frame of their own, the outline
 * beside it (components/reader/OutlinePanel.tsx), and the web page's highlight
 * machinery (selection toolbar, painting, notes, storage through the
 * background).
 *
 * Why a frame: the highlight controller takes its text offsets over
 * `document.body`. In the frame, the body holds the article's text and
 * nothing else (the page's buttons and outline stay outside), so a
 * highlight's position is an offset into the article's own text, the same
 * every time the same text is shown.
 *
 * Where the outline comes from ({@link ReaderContent}):
 * - `blocks` (the paste page): the plain-text front end's blocks, outlined by
 *   the DOM engine on the rendered paragraphs — highlights need each point's
 *   element, and the text front end's blocks only point into the raw paste.
 *   The paragraphs are exactly those blocks, so the outline is the same
 *   (tests/unit/paste checks it).
 * - `saved` (the library): the article's saved text with the outline stored
 *   beside it, whose anchors name the saved blocks (pages/reader/stored-page.ts):
 *   no engine, and the outline its highlights were made against.
 */
import { h, render } from 'preact';
import type { HighlightActions } from '../../components/highlights/HighlightList.tsx';
import { OutlinePanel } from '../../components/reader/OutlinePanel.tsx';
import type { Translate } from '../../components/sidebar/sidebar-messages.ts';
import type { ArticleText, Highlight } from '../../lib/model.ts';
import type { Block, Outline } from '../../lib/types.ts';
import type { ArticleDraft, ReplyTo, Request } from '../../protocol/messages.ts';
import type { Analyze } from '../../content/engine.ts';
import type { FlatNode } from '../../content/flat-outline.ts';
import { flashElement } from '../../content/flash.ts';
import { createHighlightController } from '../../content/highlight-controller.ts';
import { createLifetime } from '../../content/lifetime.ts';
import { currentPointId, outlinePage, type PageOutline } from '../../content/page-outline.ts';
import { CURRENT_LINE, scrollToPoint } from '../../content/scroll-to.ts';
import { renderBlocks, type RenderableBlock } from './render-blocks.ts';
import { storedPage } from './stored-page.ts';

/** What the reader shows, and where its outline comes from (see the module comment). */
export type ReaderContent =
  | { kind: 'blocks'; blocks: readonly Block[]; analyze: Analyze }
  | { kind: 'saved'; text: ArticleText; outline: Outline };

export interface TextReaderDeps {
  /** An empty `<iframe>` (no src) already in the page: its about:blank document is ours. */
  frame: HTMLIFrameElement;
  /** Where the outline panel renders (inside a shadow root holding SIDEBAR_CSS). */
  panel: HTMLElement;
  /** The article's library id: its highlights are read and stored under it. */
  id: string;
  /** The frame document's title, and the panel's when the outline has none. */
  title: string;
  content: ReaderContent;
  /** The article as `put-highlight` sends it (the background creates it only when absent). */
  draft(page: PageOutline): ArticleDraft;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: Translate;
  /** Shown in the panel in place of an outline the article does not have. */
  emptyText: string;
  /** The title and author above the outline (default true; the library's view shows them itself). */
  meta?: boolean;
  /** A highlight to show once the saved ones are restored (a library link or search hit). */
  focusHighlightId?: string | null;
  /** A link beside each highlight in the panel (the library's "show on the page"). */
  linkOf?: HighlightActions['linkOf'];
  /** The highlights changed (made, edited, removed, restored): their number now. */
  onChange?(count: number): void;
  /** The article's saved highlights when the caller has them already (not asked for again). */
  highlights?: readonly Highlight[];
}

/**
 * The frame's own stylesheet: a readable column of Chinese prose. No bold
 * beyond `<strong>` and the browser's own headings: weight is a signal to the
 * engine (paste page), so the frame must not add any.
 */
const FRAME_CSS = `
html { color-scheme: light dark; }
body { max-width: 40rem; margin: 1.5rem auto; padding: 0 1.25rem;
  font: 17px/1.9 system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif; }
p { margin: 0 0 0.9em; text-indent: 2em; }
p.head { text-indent: 0; }
p.head:first-child { font-size: 1.45em; line-height: 1.5; }
h1, h2, h3, h4, h5, h6 { margin: 1.1em 0 0.6em; line-height: 1.5; }
h1 { font-size: 1.45em; } h2 { font-size: 1.25em; } h3 { font-size: 1.1em; }
h4, h5, h6 { font-size: 1em; }
ul { margin: 0 0 0.9em; padding-left: 2em; }
li { margin: 0 0 0.3em; }
`;
/** The id of the frame's stylesheet (filled once, however often the frame is filled). */
const STYLE_ID = 'gangmu-reader-style';

/**
 * Fills the frame's document with the blocks, as text; returns their
 * elements. Leading short paragraphs without a sentence end (a pasted
 * article's headline and byline) are set flush left — only layout, never weight.
 */
function fillFrame(
  doc: Document,
  title: string,
  blocks: readonly RenderableBlock[],
): HTMLElement[] {
  doc.documentElement.lang = 'zh-CN';
  doc.title = title;
  if (!doc.getElementById(STYLE_ID)) {
    const style = doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = FRAME_CSS;
    doc.head.append(style);
  }
  doc.body.replaceChildren();
  const elements = renderBlocks(doc.body, blocks);
  for (const el of elements.slice(0, 2)) {
    const text = el.textContent ?? '';
    if (el.localName === 'p' && text.length <= 40 && !/[。！？]$/.test(text))
      el.classList.add('head');
  }
  return elements;
}

/** Starts the reader in `deps.frame`; `stop()` takes it down (the frame's text stays). */
export function createTextReader(deps: TextReaderDeps) {
  const { frame, panel, id, title, content, send, t } = deps;
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('the reading frame has no document');
  const elements = fillFrame(
    doc,
    title,
    content.kind === 'saved' ? content.text.blocks : content.blocks,
  );

  let page: PageOutline | null = null;
  let currentId: string | null = null;
  /** The reader's listeners and frames, ended by stop(). */
  const life = createLifetime(win);
  const ensurePage = (fresh = false): PageOutline => {
    if (page && !fresh) return page;
    return (page =
      content.kind === 'saved'
        ? storedPage(elements, content.text, content.outline)
        : outlinePage(doc, win, id, content.analyze));
  };

  const highlights = createHighlightController({
    win,
    doc,
    send,
    t,
    page: ensurePage,
    articleId: () => id,
    draft: () => deps.draft(ensurePage()),
    changed: () => {
      if (life.stopped) return;
      paint();
      deps.onChange?.(highlights.count());
    },
    linkOf: deps.linkOf,
    preloaded: deps.highlights,
    // A saved text's offsets are not the original page's: its highlights go by their words.
    positions: content.kind !== 'saved',
  });

  function select(item: FlatNode) {
    const target = page?.targets[item.index];
    if (!target) return;
    const reduce = win!.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    scrollToPoint(win!, target.element, target.range, !reduce);
    flashElement(target.element);
    currentId = item.id;
    paint();
  }

  let painted = false;
  function paint() {
    painted = true;
    const p = ensurePage();
    render(
      h(OutlinePanel, {
        outline: p.outline,
        flat: p.flat,
        fallbackTitle: title,
        emptyText: deps.emptyText,
        meta: deps.meta,
        currentId,
        t,
        onSelect: select,
        ...highlights.sidebarProps(),
      }),
      panel,
    );
  }

  function updateCurrent() {
    if (!page) return;
    const next = currentPointId(page, win!.innerHeight * CURRENT_LINE);
    if (next !== currentId) {
      currentId = next;
      paint();
    }
  }
  const onScroll = life.perFrame(updateCurrent);

  ensurePage();
  // Highlights the caller has already are restored at once, and the panel drawn once with
  // them; otherwise it is drawn now and again when they arrive.
  if (!deps.highlights) paint();
  highlights.start();
  // The article's saved highlights come back (the same text pasted again has the
  // same id). A highlight named by a link or a search hit is then scrolled to and
  // flashed, or marked as not placed (the reveal never paints anything itself).
  const focus = deps.focusHighlightId;
  void highlights.ensureLoaded().then(() => !life.stopped && focus && highlights.reveal(focus));
  if (!painted) paint();
  life.listen(win, 'scroll', onScroll, { passive: true });

  return {
    /** The outline over the frame's text (the engine's run, or the stored outline). */
    page: () => ensurePage(),
    /** Highlights stored for the article. */
    count: () => highlights.count(),
    /** Resolves once the saved highlights are restored and painted. */
    loaded: () => highlights.ensureLoaded(),
    stop() {
      highlights.stop();
      life.stop();
      render(null, panel);
    },
  };
}

export type TextReader = ReturnType<typeof createTextReader>;
