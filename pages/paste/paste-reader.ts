/**
 * One kept article, read on the paste page: the shared text reader
 * (pages/reader/text-reader.ts) over its repaired paragraphs, outlined by the
 * DOM engine, plus saving it to the library.
 */
import type { PasteTranslate } from '../../components/paste/paste-messages.ts';
import { analyzeDocument } from '../../lib/index.ts';
import type { ReplyTo, Request, SaveArticle } from '../../protocol/messages.ts';
import type { PageOutline } from '../../content/page-outline.ts';
import { createTextReader } from '../reader/text-reader.ts';
import { pasteDraft } from './paste-draft.ts';
import type { PastedArticle } from './pasted-articles.ts';

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

export function createPasteReader(deps: PasteReaderDeps) {
  const { article, id, send, t } = deps;
  /** The article as saved and as sent with each highlight: its outline and text as they are now. */
  const draft = (page: PageOutline) =>
    pasteDraft(id, page.outline, article.title, article.raw, page.text());
  const reader = createTextReader({
    frame: deps.frame,
    panel: deps.panel,
    id,
    title: article.title,
    content: { kind: 'blocks', blocks: article.blocks, analyze: analyzeDocument },
    draft,
    send,
    t,
    emptyText: t('pasteNoOutline'),
    focusHighlightId: deps.focusHighlightId,
  });

  return {
    /** Saves the article (its outline as it is now) to the library. */
    async save(): Promise<ReplyTo<SaveArticle>> {
      return send({ type: 'save-article', article: draft(reader.page()) });
    },
    /** Highlights stored for the article. */
    count: () => reader.count(),
    stop: () => reader.stop(),
  };
}

export type PasteReader = ReturnType<typeof createPasteReader>;
