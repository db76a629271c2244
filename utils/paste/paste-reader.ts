/**
 * One kept article, read on the paste page like a web page: its repaired
 * paragraphs in a frame of their own, outlined by the DOM engine, with the
 * outline beside it and the web page's highlight machinery (selection
 * toolbar, painting, notes, storage through the background).
 *
 * Why a frame: the highlight controller takes its text offsets over
 * `document.body`. In the frame, the body holds the article's paragraphs and
 * nothing else (the page's textarea, buttons and outline stay outside), so a
 * highlight's position is an offset into the article's own text, the same
 * every time the same text is pasted.
 *
 * Why analyzeDocument on the rendered paragraphs rather than analyzeText:
 * highlights need each outline point's DOM element (its section of the text
 * for the outline-node selector, and scrolling to it); the text front end's
 * blocks only point into the raw paste. The paragraphs are exactly the text
 * front end's blocks, so the outline is the same (tests/unit/paste checks it).
 */
import { h, render } from 'preact';
import { OutlinePanel } from '../../components/paste/OutlinePanel.tsx';
import type { PasteTranslate } from '../../components/paste/paste-messages.ts';
import type { ReplyTo, Request, SaveArticle } from '../messages.ts';
import { createHighlightController } from '../page/highlight-controller.ts';
import type { FlatNode } from '../page/flat-outline.ts';
import { flashElement } from '../page/flash.ts';
import { currentPointId, outlinePage, type PageOutline } from '../page/page-outline.ts';
import { analyzeDocument } from '../../lib/index.ts';
import { CURRENT_LINE, scrollToPoint } from '../page/scroll-to.ts';
import { pasteDraft } from './paste-draft.ts';
import type { PastedArticle } from './pasted-articles.ts';
import { renderBlocks } from './render-blocks.ts';

/** The frame's own stylesheet: a readable column of Chinese prose. No bold: weight is a signal to the engine. */
const FRAME_CSS = `
html { color-scheme: light dark; }
body { max-width: 40rem; margin: 1.5rem auto; padding: 0 1.25rem;
  font: 17px/1.9 system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif; }
p { margin: 0 0 0.9em; text-indent: 2em; }
p.head { text-indent: 0; }
p.head:first-child { font-size: 1.45em; line-height: 1.5; }
`;

export interface PasteReaderDeps {
  /** An empty `<iframe>` (no src) already in the page: its about:blank document is ours. */
  frame: HTMLIFrameElement;
  /** Where the outline panel renders (inside a shadow root holding SIDEBAR_CSS). */
  panel: HTMLElement;
  article: PastedArticle;
  /** The article's library id ({@link pasteArticleId}). */
  id: string;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  t: PasteTranslate;
  /** A highlight to show once the saved ones are restored (`#gangmu-hl=<id>` from the library). */
  focusHighlightId?: string | null;
}

/** Fills the frame's document with the article's paragraphs; the first lines above the byline are the head. */
function fillFrame(doc: Document, article: PastedArticle): void {
  doc.documentElement.lang = 'zh-CN';
  doc.title = article.title;
  const style = doc.createElement('style');
  style.textContent = FRAME_CSS;
  doc.head.append(style);
  doc.body.replaceChildren();
  const paragraphs = renderBlocks(doc.body, article.blocks);
  // Head lines (title, byline) are set flush left; only layout, never weight.
  for (const p of paragraphs.slice(0, 2))
    if ((p.textContent ?? '').length <= 40 && !/[。！？]$/.test(p.textContent ?? ''))
      p.classList.add('head');
}

export function createPasteReader(deps: PasteReaderDeps) {
  const { frame, panel, article, id, send, t } = deps;
  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) throw new Error('the reading frame has no document');
  fillFrame(doc, article);

  let page: PageOutline | null = null;
  let currentId: string | null = null;
  let scrollFrame = 0;
  const ensurePage = (fresh = false): PageOutline =>
    fresh || !page ? (page = outlinePage(doc, win, id, analyzeDocument)) : page;

  const highlights = createHighlightController({
    win,
    doc,
    send,
    t,
    page: ensurePage,
    articleId: () => id,
    draft: () =>
      pasteDraft(id, ensurePage().outline, article.title, article.raw, ensurePage().text()),
    changed: () => paint(),
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

  function paint() {
    const p = ensurePage();
    render(
      h(OutlinePanel, {
        outline: p.outline,
        flat: p.flat,
        fallbackTitle: article.title,
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
  const onScroll = () => {
    if (scrollFrame) return;
    scrollFrame = win.requestAnimationFrame(() => {
      scrollFrame = 0;
      updateCurrent();
    });
  };

  ensurePage();
  paint();
  highlights.start();
  // The same text pasted before has the same id: its saved highlights come back.
  // A link from the library names one: scrolled to and flashed, or marked as
  // not placed (the reveal never paints anything itself).
  const focus = deps.focusHighlightId;
  void highlights.ensureLoaded().then(() => focus && highlights.reveal(focus));
  win.addEventListener('scroll', onScroll, { passive: true });

  return {
    /** Saves the article (its outline as it is now) to the library. */
    async save(): Promise<ReplyTo<SaveArticle>> {
      return send({
        type: 'save-article',
        article: pasteDraft(
          id,
          ensurePage().outline,
          article.title,
          article.raw,
          ensurePage().text(),
        ),
      });
    },
    /** Highlights stored for the article. */
    count: () => highlights.count(),
    stop() {
      highlights.stop();
      win.removeEventListener('scroll', onScroll);
      render(null, panel);
    },
  };
}

export type PasteReader = ReturnType<typeof createPasteReader>;
