import { describe, expect, it } from 'vitest';
import {
  exportMarkdown,
  isRestrictedUrl,
  markdownFileName,
  openSidebar,
  saveToLibrary,
  type PopupDeps,
} from '@/components/popup/popup-actions';
import { draft } from '../storage/fixtures';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as PopupDeps['t'];

function deps(
  content: (message: { type: string }) => unknown,
  background?: (m: unknown) => unknown,
) {
  const downloads: Array<[string, string]> = [];
  const copies: string[] = [];
  const sent: unknown[] = [];
  let copyFails = false;
  const d: PopupDeps = {
    api: {
      tabs: { sendMessage: async (_tab, message) => content(message as { type: string }) },
      runtime: {
        sendMessage: async (m) => {
          sent.push(m);
          return background ? background(m) : { ok: true, value: null };
        },
      },
    },
    t,
    download: (f, text) => void downloads.push([f, text]),
    copy: async (text) => {
      if (copyFails) throw new Error('denied');
      copies.push(text);
    },
  };
  return { d, downloads, copies, sent, failCopy: () => (copyFails = true) };
}

const page = { id: 1, url: 'https://www.news.cn/essay.html' };
const unreachable = () => {
  throw new Error('Could not establish connection. Receiving end does not exist.');
};
const pageArticle = (withEssay: boolean) => () => ({
  ok: true,
  value: withEssay
    ? { draft: draft({ title: '论/基层:治理' }), markdown: '# 论基层治理\n\n- 一', highlights: 0 }
    : {
        // A page without an essay: its article all the same, "no structure found" for the outline.
        draft: draft({ title: '人民时评：让群众少跑腿' }),
        markdown:
          '# 人民时评：让群众少跑腿\n\n## 纲目 Outline\n\n（未识别到结构 / no structure found）',
        highlights: 1,
      },
});

describe('isRestrictedUrl', () => {
  it.each([
    ['chrome://extensions/', true],
    ['edge://settings', true],
    ['about:blank', true],
    ['chrome-extension://abc/popup.html', true],
    ['https://chromewebstore.google.com/detail/x', true],
    ['https://addons.mozilla.org/zh-CN/firefox/', true],
    [undefined, true],
    ['https://www.news.cn/a.htm', false],
    ['file:///tmp/a.html', false],
  ])('%s → %s', (url, expected) => expect(isRestrictedUrl(url)).toBe(expected));
});

describe('markdownFileName', () => {
  it.each([
    ['论基层治理', '论基层治理.md'],
    ['论/基层:治理?', '论 基层 治理.md'],
    ['  ..hidden.. ', 'hidden.md'],
    ['', 'gangmu.md'],
    [null, 'gangmu.md'],
    ['长'.repeat(200), `${'长'.repeat(80)}.md`],
  ])('%j → %j', (title, name) => expect(markdownFileName(title)).toBe(name));
});

describe('popup actions', () => {
  it('opens the sidebar, or says why not', async () => {
    expect(await openSidebar(deps(() => ({ ok: true, value: { open: true } })).d, page)).toBeNull();
    expect(await openSidebar(deps(unreachable).d, page)).toEqual({
      tone: 'error',
      text: 'popupNoContentScript',
    });
    expect(await openSidebar(deps(unreachable).d, { id: 1, url: 'chrome://newtab/' })).toEqual({
      tone: 'error',
      text: 'popupRestricted',
    });
  });

  it('saves the page article through the background', async () => {
    const { d, sent } = deps(pageArticle(true), (m) => ({
      ok: true,
      value: { ...(m as { article: object }).article, savedAt: 'a', updatedAt: 'a' },
    }));
    const { notice, article } = await saveToLibrary(d, page);
    expect(notice).toEqual({ tone: 'info', text: 'popupSavedDone(论/基层:治理)' });
    expect(article?.savedAt).toBe('a');
    expect(sent).toMatchObject([{ type: 'save-article', article: { title: '论/基层:治理' } }]);
  });

  it('saves a page without an essay too, and reports storage errors', async () => {
    const plain = deps(pageArticle(false), (m) => ({
      ok: true,
      value: { ...(m as { article: object }).article, savedAt: 'a', updatedAt: 'a' },
    }));
    expect((await saveToLibrary(plain.d, page)).notice).toEqual({
      tone: 'info',
      text: 'popupSavedDone(人民时评：让群众少跑腿)',
    });
    const failing = deps(pageArticle(true), () => ({ ok: false, error: 'QuotaExceededError' }));
    expect((await saveToLibrary(failing.d, page)).notice).toEqual({
      tone: 'error',
      text: 'popupError(QuotaExceededError)',
    });
    expect((await saveToLibrary(deps(unreachable).d, page)).notice.text).toBe(
      'popupNoContentScript',
    );
  });

  it('exports Markdown as title.md and to the clipboard', async () => {
    const { d, downloads, copies } = deps(pageArticle(true));
    expect(await exportMarkdown(d, page)).toEqual({
      tone: 'info',
      text: 'popupExported(论 基层 治理.md)',
    });
    expect(downloads).toEqual([['论 基层 治理.md', '# 论基层治理\n\n- 一']]);
    expect(copies).toEqual(['# 论基层治理\n\n- 一']);
  });

  it('still downloads when the clipboard is refused', async () => {
    const x = deps(pageArticle(true));
    x.failCopy();
    expect(await exportMarkdown(x.d, page)).toEqual({
      tone: 'info',
      text: 'popupExportedNoClipboard(论 基层 治理.md)',
    });
    expect(x.downloads).toHaveLength(1);
  });

  it('exports a page without an essay too', async () => {
    const x = deps(pageArticle(false));
    expect((await exportMarkdown(x.d, page)).tone).toBe('info');
    expect(x.downloads).toHaveLength(1);
    expect(x.downloads[0]![1]).toContain('no structure found');
  });
});
