/**
 * A content controller on happy-dom's page for unit tests: the page at `url` with
 * `html` in its body, and a background that answers the controller's requests (site
 * preferences, the stored `highlights`) and records them in `sent`.
 */
import { analyzeDocumentSteps } from '@/lib/index';
import type { Highlight } from '@/lib/model';
import { vi } from 'vitest';
import { DEFAULT_SITE_PREFS, type Request } from '@/protocol/messages';
import { createContentController } from '@/content/content-controller';

export function controllerOn(
  url: string,
  html: string,
  {
    highlights = [],
    analyze = analyzeDocumentSteps,
    budgetMs,
  }: { highlights?: Highlight[]; analyze?: typeof analyzeDocumentSteps; budgetMs?: number } = {},
) {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = html;
  const sent: Request[] = [];
  const send = vi.fn(async (request: Request) => {
    sent.push(request);
    if (request.type === 'get-site-prefs') return { ok: true, value: { ...DEFAULT_SITE_PREFS } };
    if (request.type === 'get-article') return { ok: true, value: { article: null, highlights } };
    return { ok: true, value: null };
  });
  const controller = createContentController({
    engine: async () => analyze,
    budgetMs,
    win: window,
    doc: document,
    send: send as never,
    t: (name: string) => name,
  });
  return { controller, sent };
}
