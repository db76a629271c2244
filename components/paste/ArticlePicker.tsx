import type { PastedArticle } from '../../pages/paste/pasted-articles.ts';
import type { PasteTranslate } from './paste-messages.ts';

export interface ArticlePickerProps {
  articles: readonly PastedArticle[];
  /** Indices of the ticked articles. */
  picked: ReadonlySet<number>;
  t: PasteTranslate;
  onPick(picked: ReadonlySet<number>): void;
  onKeep(): void;
}

/** The articles found in a paste (title, author, length), with checkboxes to pick the ones to keep. */
export function ArticlePicker({ articles, picked, t, onPick, onKeep }: ArticlePickerProps) {
  const toggle = (i: number, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(i);
    else next.delete(i);
    onPick(next);
  };
  return (
    <section class="picker" aria-labelledby="picker-heading">
      <h2 id="picker-heading">{t('pasteFound', [String(articles.length)])}</h2>
      <ul class="article-list">
        {articles.map((a) => (
          <li class="article-choice" key={a.index} data-index={a.index}>
            <label>
              <input
                type="checkbox"
                checked={picked.has(a.index)}
                onChange={(e) => toggle(a.index, (e.currentTarget as HTMLInputElement).checked)}
              />
              <span class="choice-title">{a.title}</span>
              {a.author && <span class="choice-author">{a.author}</span>}
              <span class="choice-length">{t('pasteChars', [String(a.length)])}</span>
            </label>
          </li>
        ))}
      </ul>
      <div class="picker-actions">
        <button type="button" class="keep" disabled={picked.size === 0} onClick={onKeep}>
          {t('pasteKeep')}
        </button>
        <button
          type="button"
          class="select-all"
          onClick={() => onPick(new Set(articles.map((a) => a.index)))}
        >
          {t('pasteSelectAll')}
        </button>
        <button type="button" class="select-none" onClick={() => onPick(new Set())}>
          {t('pasteSelectNone')}
        </button>
        {picked.size === 0 && <span class="hint">{t('pasteNoneKept')}</span>}
      </div>
    </section>
  );
}
