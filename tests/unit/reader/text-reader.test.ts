/**
 * The shared text reader (pages/reader/text-reader.ts) over a saved article,
 * as the library shows it: the saved text rendered as text, the stored outline
 * tied to it without the engine, a highlight made on the original page placed
 * in the text by its words and context (its position there was over the whole
 * page), painted, and listed under its point with its note and link; and the
 * draft a new highlight sends (the stored article). Happy DOM has no frame
 * documents, so the "frame" here is the test's own window and document.
 * In Chromium: tests/e2e/library-reader.e2e.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { storedDraft } from '../../../components/library/ArticleReader.tsx';
import { describe as describeRange } from '../../../lib/anchoring/describe.ts';
import { buildTextMap } from '../../../lib/anchoring/text-map.ts';
import { analyzeDocument } from '../../../lib/index.ts';
import type { Article, Highlight } from '../../../lib/model.ts';
import { articleTextOf } from '../../../lib/text/article-text.ts';
import { isArticleDraft, type Request } from '../../../protocol/messages.ts';
import { flattenOutline } from '../../../content/flat-outline.ts';
import { MARK_ATTR } from '../../../content/highlight-painter.ts';
import { createTextReader, type TextReaderDeps } from '../../../pages/reader/text-reader.ts';

const URL = 'https://www.example.cn/essay.html';
const TITLE = '以高效能治理推进基层治理现代化';
/** Highlighted on the original page, inside the first 一是 point's paragraph. */
const QUOTE = '形成共建共治的格局';
const NOTE = '共建共治是关键';

const PAGE = `<!doctype html><html><head><title>${TITLE}</title></head><body>
<nav>首页 | 新闻 | 评论 | 理论</nav>
<article><h1>${TITLE}</h1><p>作者：陈思远</p>
<p>基层是国家治理的基石，基层治理水平直接关系群众的获得感。近年来各地在网格化管理上投入甚多。</p>
<h3>一、坚持党建引领，筑牢基层治理根基</h3>
<p>实践证明，哪里的群众工作扎实，哪里的矛盾纠纷就少。</p>
<p><strong>一是坚持党的全面领导。</strong>社区党组织要把居民议事会、物业服务企业和驻区单位团结起来，${QUOTE}，让群众的小事有人管。</p>
<p><strong>二是健全议事协商机制。</strong>居民议事会定期召开，大事小情由大家商量着办，协商结果向全体居民公开。</p>
<h3>二、坚持系统观念，织密基层治理网络</h3>
<p>数字平台建起来了，数据却分散在不同部门，难以形成合力。</p>
<p><strong>一是理顺条块关系。</strong>一些地方习惯于以会议落实会议，实效打了折扣，需要从制度上加以纠正。</p>
<p><strong>二是强化数据共享。</strong>同一项数据要向多个平台重复填报，留给走访群众的时间越来越少。</p>
<p>总之，推进基层治理现代化是一项长期任务，必须久久为功。</p>
</article><footer>版权所有</footer></body></html>`;

/** The article as the library stores it: outline and text from the same run of the engine. */
function savedArticle(): {
  article: Article & { text: NonNullable<Article['text']> };
  highlight: Highlight;
} {
  const src = new DOMParser().parseFromString(PAGE, 'text/html');
  const { blocks, outline } = analyzeDocument(src, { url: URL });
  const map = buildTextMap(src.body);
  const at = map.text.indexOf(QUOTE);
  const at0 = '2025-01-01T00:00:00.000Z';
  return {
    article: {
      id: URL,
      url: URL,
      site: 'www.example.cn',
      title: TITLE,
      outline,
      tags: ['基层'],
      text: articleTextOf(blocks.blocks),
      savedAt: at0,
      updatedAt: at0,
    },
    highlight: {
      id: 'h1',
      articleId: URL,
      color: 'green',
      note: NOTE,
      // Made over the whole page (the nav first): its position is not the reader's;
      // its point is the stored outline's first 一是.
      selectors: describeRange(map.text, at, at + QUOTE.length, {
        nodes: outline.nodes,
        nodeAt: () => flattenOutline(outline.nodes).find((f) => f.node.marker === '一是')!.path,
      }),
      createdAt: at0,
      updatedAt: at0,
    },
  };
}

const t = ((name: string) => name) as TextReaderDeps['t'];
const frame = { contentWindow: window, contentDocument: document } as unknown as HTMLIFrameElement;

afterEach(() => {
  document.body.replaceChildren();
});

describe('the text reader over a saved article', () => {
  it('renders the text, ties the stored outline to it, places, paints and lists the highlight', async () => {
    const { article, highlight } = savedArticle();
    const sent: Request[] = [];
    const send = (async (r: Request) => {
      sent.push(r);
      return r.type === 'get-article'
        ? { ok: true, value: { article, highlights: [highlight] } }
        : { ok: true, value: null };
    }) as TextReaderDeps['send'];
    const counts: number[] = [];
    const panel = document.createElement('div');
    const reader = createTextReader({
      frame,
      panel,
      id: article.id,
      title: article.title,
      content: { kind: 'saved', text: article.text, outline: article.outline },
      draft: () => storedDraft(article),
      send,
      t,
      emptyText: 'none',
      linkOf: (h) => ({ href: `${URL}#gangmu-hl=${h.id}`, label: 'open' }),
      onChange: (n) => counts.push(n),
    });
    await reader.loaded();

    // The saved text, as text, one element per block; the page's nav and footer are not in it.
    const body = document.body;
    expect(body.children).toHaveLength(article.text.blocks.length);
    expect(body.querySelector('h1')?.textContent).toBe(TITLE);
    expect([...body.querySelectorAll('h3')].map((h) => h.textContent)).toHaveLength(2);
    expect(body.querySelector('p strong')?.textContent).toBe('一是坚持党的全面领导。');
    expect(body.textContent).not.toContain('首页');

    // The stored outline, each point tied to its rendered words.
    const page = reader.page();
    expect(page.outline).toBe(article.outline);
    expect(page.flat.length).toBeGreaterThanOrEqual(6);
    page.flat.forEach((f, i) => {
      const target = page.targets[i];
      expect(target && body.contains(target.element)).toBe(true);
      expect(target!.range?.toString()).toBe(f.node.text);
    });

    // Placed by its words and context, painted (marks: no CSS highlights here), listed with note and link.
    const marks = [...body.querySelectorAll(`mark[${MARK_ATTR}="h1"]`)];
    expect(marks.map((m) => m.textContent).join('')).toBe(QUOTE);
    const entry = panel.querySelector('li.hl[data-highlight-id="h1"]');
    expect(entry?.closest('li.node')?.getAttribute('data-marker')).toBe('一是');
    expect(entry?.querySelector('.hl-note')?.textContent).toBe(NOTE);
    expect(entry?.querySelector('a.open-at')?.getAttribute('href')).toBe(`${URL}#gangmu-hl=h1`);
    expect(counts.at(-1)).toBe(1);
    expect(sent[0]).toEqual({ type: 'get-article', articleId: URL });
    expect(highlight.selectors.map((x) => x.kind)).toEqual(['position', 'quote', 'outline-node']);

    reader.stop();
    expect(panel.childElementCount).toBe(0);
    expect(body.querySelector(`mark[${MARK_ATTR}]`)).toBeNull();
  });

  it('shows the empty line when the stored outline has no points, and the text still', () => {
    const { article } = savedArticle();
    const panel = document.createElement('div');
    const reader = createTextReader({
      frame,
      panel,
      id: article.id,
      title: article.title,
      content: { kind: 'saved', text: article.text, outline: { ...article.outline, nodes: [] } },
      draft: () => storedDraft(article),
      send: (async () => ({
        ok: true,
        value: { article, highlights: [] },
      })) as TextReaderDeps['send'],
      t,
      emptyText: '没有纲目',
    });
    expect(panel.querySelector('.no-essay')?.textContent).toBe('没有纲目');
    expect(document.body.querySelector('h1')?.textContent).toBe(TITLE);
    reader.stop();
  });
});

describe('storedDraft', () => {
  it('is the stored article without its dates, a valid put-highlight draft', () => {
    const { article } = savedArticle();
    const draft = storedDraft({ ...article, extra: 1 } as Article);
    expect(isArticleDraft(draft)).toBe(true);
    expect(draft).toEqual({
      id: article.id,
      url: article.url,
      site: article.site,
      title: article.title,
      outline: article.outline,
      tags: article.tags,
      text: article.text,
    });
  });
});
