/**
 * The requests the background sends the content script (protocol/messages.ts
 * ContentRequest): toggle or open the sidebar, the page's article and its
 * Markdown, a note typed in the note editor's frame. Every reply is a
 * `Reply`; a failure is said, never thrown at the background.
 */
import { outlineToMarkdown } from '../lib/export/to-markdown.ts';
import {
  assertNever,
  errorMessage,
  type ContentReplyValue,
  type ContentRequest,
  type Reply,
} from '../protocol/messages.ts';
import type { HighlightController } from './highlight-controller.ts';
import type { PageAnalysis } from './page-analysis.ts';

export interface ContentRequestDeps {
  win: Window;
  doc: Document;
  analysis: PageAnalysis;
  highlights: HighlightController;
  /** The reader's toggle; resolves to whether the sidebar is open after it. */
  toggle(): Promise<boolean>;
  open(): Promise<void>;
  /** Where a fallback copy's textarea may go for a moment (the sidebar's own root), if open. */
  scratchRoot(): ShadowRoot | null;
}

export function createContentRequests(deps: ContentRequestDeps) {
  const { win, doc, analysis, highlights } = deps;

  /** The page's Markdown with the reader's highlights, outline or not. */
  async function markdown(obsidian = false): Promise<string> {
    await highlights.ensureLoaded();
    await analysis.pageReady();
    const p = analysis.ensurePage();
    return outlineToMarkdown(p.outline, {
      url: analysis.url(),
      highlights: highlights.exportItems(),
      obsidian,
    });
  }

  async function copyMarkdown(): Promise<boolean> {
    const text = await markdown();
    try {
      await win.navigator.clipboard.writeText(text);
      return true;
    } catch {
      // No clipboard permission (insecure page, no focus): fall back to a
      // selection copy inside our own shadow root.
      const root = deps.scratchRoot();
      if (!root) return false;
      const area = doc.createElement('textarea');
      area.value = text;
      root.append(area);
      area.select();
      const ok = doc.execCommand('copy');
      area.remove();
      return ok;
    }
  }

  async function handle(
    request: ContentRequest,
  ): Promise<Reply<ContentReplyValue[ContentRequest['type']]>> {
    try {
      switch (request.type) {
        case 'toggle-sidebar':
          return { ok: true, value: { open: await deps.toggle() } };
        case 'open-sidebar':
          await deps.open();
          return { ok: true, value: null };
        case 'get-page-article': {
          const text = await markdown();
          return {
            ok: true,
            value: { draft: analysis.draft(), markdown: text, highlights: highlights.count() },
          };
        }
        case 'get-markdown':
          return { ok: true, value: await markdown(request.obsidian ?? false) };
        case 'note-editor-closed':
          highlights.noteClosed(request.highlightId, request.note);
          return { ok: true, value: null };
        default:
          return assertNever(request);
      }
    } catch (err) {
      return { ok: false, error: errorMessage(err) };
    }
  }

  return { handle, markdown, copyMarkdown };
}
