/**
 * The library's article view without saved text (articles saved before the
 * text was kept): the outline with its highlights, as before, and a line
 * saying the text was not kept; the view's actions stay. With the text the
 * view loads the text reader (tests/unit/reader, tests/e2e/library-reader.e2e.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ArticleView } from '@/components/library/ArticleView';
import type { LibraryT } from '@/components/library/library-strings';
import type { ReplyTo, Request } from '@/protocol/messages';
import { mount } from '../mount';
import { draft, highlight } from '../storage/fixtures';

const t = ((name: string, subs?: string[]) =>
  subs ? `${name}(${subs.join(',')})` : name) as LibraryT;
const at = '2025-01-01T00:00:00.000Z';

afterEach(() => {
  document.body.innerHTML = '';
});

const view = (article = { ...draft(), savedAt: at, updatedAt: at }) =>
  mount(
    <ArticleView
      article={article}
      highlights={[highlight('h1')]}
      t={t}
      formatDate={String}
      send={
        (async () => ({ ok: false, error: 'unused' })) as <R extends Request>(
          r: R,
        ) => Promise<ReplyTo<R>>
      }
      onBack={() => {}}
      onDelete={() => {}}
      onSaveNote={async () => null}
      onSaveTags={async () => null}
      onExportMarkdown={() => {}}
    />,
  );

describe('ArticleView without saved text', () => {
  it('says so, and shows the outline with its highlights and the actions as before', () => {
    const root = view();
    const article = root.querySelector('.article-view')!;
    expect(article.getAttribute('data-reader')).toBe('outline');
    expect(root.querySelector('.no-text')?.textContent).toBe('libNoText');
    expect(root.querySelectorAll('ol.outline > li')).toHaveLength(3);
    expect(root.querySelector('li.highlight[data-id="h1"] a.open-at')).not.toBeNull();
    expect(root.querySelector('a.open-original')?.getAttribute('href')).toContain('news.cn');
    expect(root.querySelector('button.back')).not.toBeNull();
    expect(root.querySelector('button.delete')).not.toBeNull();
    expect(root.querySelector('iframe')).toBeNull();
  });

  it('an empty saved text counts as none', () => {
    const root = view({ ...draft(), text: { blocks: [] }, savedAt: at, updatedAt: at });
    expect(root.querySelector('.no-text')).not.toBeNull();
    expect(root.querySelector('.reader-loading, iframe')).toBeNull();
  });
});
