import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { ReplyTo, Request } from '../../protocol/messages.ts';
import { errorMessage } from '../../protocol/messages.ts';
import { pasteArticleId } from '../../pages/paste/article-id.ts';
import { checkText } from '../../pages/paste/check-text.ts';
import {
  pastedArticleFromStored,
  pastedArticles,
  type PastedArticle,
} from '../../pages/paste/pasted-articles.ts';
import { readTextFile } from '../../pages/paste/text-file.ts';
import { ArticlePicker } from './ArticlePicker.tsx';
import { PasteInput } from './PasteInput.tsx';
import { PasteReaderView } from './PasteReaderView.tsx';
import type { PasteTranslate } from './paste-messages.ts';

export interface PasteAppProps {
  t: PasteTranslate;
  send<R extends Request>(request: R): Promise<ReplyTo<R>>;
  /** Lets the browser paint (and handle input) before the next piece of work. */
  yieldNow(): Promise<void>;
  /** A saved pasted article to open from the library (`paste.html?article=<id>`). */
  openArticleId?: string | null;
  /** …at this highlight (`#gangmu-hl=<id>`). */
  openHighlightId?: string | null;
}

/** A kept article with its library id. */
interface Kept {
  article: PastedArticle;
  id: string;
  /** A highlight to show once restored (opened from the library). */
  focusHighlightId?: string | null;
}

/** Where the page is: pasting, picking among several articles, or reading the kept ones. */
type Stage =
  | { kind: 'input' }
  | { kind: 'pick'; articles: PastedArticle[]; picked: ReadonlySet<number> }
  | { kind: 'read'; kept: Kept[]; current: number };

type Notice = { tone: 'error' | 'info'; text: string } | null;

/**
 * The paste page: paste or drop text → (several articles: pick) → read each
 * kept article with its outline, highlight and annotate it, save it.
 */
export function PasteApp({ t, send, yieldNow, openArticleId, openHighlightId }: PasteAppProps) {
  const [text, setText] = useState('');
  const [stage, setStage] = useState<Stage>({ kind: 'input' });
  const [notice, setNotice] = useState<Notice>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const run = useRef(0);

  const keep = useCallback(async (articles: PastedArticle[]) => {
    const kept = await Promise.all(
      articles.map(async (article) => ({ article, id: await pasteArticleId(article.text) })),
    );
    setStage({ kind: 'read', kept, current: 0 });
  }, []);

  // Opened from the library: rebuild the saved article from its stored text.
  useEffect(() => {
    if (!openArticleId) return;
    const mine = ++run.current;
    setNotice({ tone: 'info', text: t('pasteOpening') });
    void send({ type: 'get-article', articleId: openArticleId }).then((reply) => {
      if (mine !== run.current) return; // the reader started pasting meanwhile
      if (!reply.ok) return setNotice({ tone: 'error', text: reply.error });
      const saved = reply.value.article;
      const article = saved && pastedArticleFromStored(saved);
      if (!saved || !article) {
        setNotice({ tone: 'error', text: t(saved ? 'pasteNoSourceText' : 'pasteNotInLibrary') });
        return;
      }
      setNotice(null);
      setText(article.raw);
      setStage({
        kind: 'read',
        kept: [{ article, id: saved.id, focusHighlightId: openHighlightId ?? null }],
        current: 0,
      });
    });
  }, [openArticleId, openHighlightId, send, t]);

  const outline = useCallback(
    async (input: string) => {
      const verdict = checkText(input);
      if (verdict.kind !== 'ok') {
        setNotice({
          tone: 'error',
          text: t(verdict.kind === 'empty' ? 'pasteEmpty' : 'pasteNotText'),
        });
        return;
      }
      const mine = ++run.current;
      setNotice(null);
      setProgress({ done: 0, total: 0 });
      try {
        // Let the progress line paint before the split runs.
        await yieldNow();
        const articles = await pastedArticles(input, {
          onProgress: (done, total) => mine === run.current && setProgress({ done, total }),
          yieldNow,
        });
        if (mine !== run.current) return;
        if (articles.length === 0) setNotice({ tone: 'error', text: t('pasteEmpty') });
        else if (articles.length === 1) await keep(articles);
        else setStage({ kind: 'pick', articles, picked: new Set(articles.map((a) => a.index)) });
      } catch (err) {
        setNotice({ tone: 'error', text: errorMessage(err) });
      } finally {
        if (mine === run.current) setProgress(null);
      }
    },
    [keep, t, yieldNow],
  );

  const onFile = useCallback(
    async (file: File) => {
      try {
        const read = await readTextFile(file);
        if (read.kind === 'not-text') {
          setNotice({ tone: 'error', text: t('pasteNotText') });
          return;
        }
        setText(read.text);
        await outline(read.text);
        setNotice(
          (n) => n ?? { tone: 'info', text: t('pasteFileRead', [file.name, read.encoding]) },
        );
      } catch (err) {
        setNotice({ tone: 'error', text: t('pasteReadError', [errorMessage(err)]) });
      }
    },
    [outline, t],
  );

  const restart = () => {
    run.current++;
    setStage({ kind: 'input' });
    setNotice(null);
  };

  return (
    <main class="paste-page" data-stage={stage.kind}>
      <header class="page-head">
        <h1>{t('pasteHeading')}</h1>
        {stage.kind !== 'input' && (
          <button type="button" class="new-paste" onClick={restart}>
            {t('pasteNew')}
          </button>
        )}
        <button
          type="button"
          class="open-library"
          onClick={() => void send({ type: 'open-library' })}
        >
          {t('pasteOpenLibrary')}
        </button>
      </header>
      {notice && (
        <p class={`notice ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {progress && (
        <p class="progress" role="status">
          <progress value={progress.done} max={progress.total || undefined} />{' '}
          {t('pasteWorking', [String(progress.done), String(progress.total || '…')])}
        </p>
      )}
      {stage.kind === 'input' && (
        <>
          <p class="intro">{t('pasteIntro')}</p>
          <PasteInput
            value={text}
            t={t}
            busy={progress !== null}
            onChange={setText}
            onSubmit={(v) => void outline(v)}
            onFile={(f) => void onFile(f)}
          />
        </>
      )}
      {stage.kind === 'pick' && (
        <ArticlePicker
          articles={stage.articles}
          picked={stage.picked}
          t={t}
          onPick={(picked) => setStage({ ...stage, picked })}
          onKeep={() => void keep(stage.articles.filter((a) => stage.picked.has(a.index)))}
        />
      )}
      {stage.kind === 'read' && (
        <>
          {stage.kept.length > 1 && (
            <nav class="kept-tabs" aria-label={t('pasteArticles')} role="tablist">
              {stage.kept.map((k, i) => (
                <button
                  type="button"
                  role="tab"
                  key={k.id}
                  class="kept-tab"
                  aria-selected={i === stage.current}
                  onClick={() => setStage({ ...stage, current: i })}
                >
                  {k.article.title}
                </button>
              ))}
            </nav>
          )}
          {stage.kept[stage.current] && (
            <PasteReaderView
              key={stage.kept[stage.current]!.id}
              article={stage.kept[stage.current]!.article}
              id={stage.kept[stage.current]!.id}
              focusHighlightId={stage.kept[stage.current]!.focusHighlightId ?? null}
              send={send}
              t={t}
            />
          )}
        </>
      )}
    </main>
  );
}
