import { useEffect, useState } from 'preact/hooks';
import { errorMessage } from '@/protocol/messages';
import type { ArticleReaderProps } from './ArticleReader.tsx';

type ReaderModule = typeof import('./ArticleReader.tsx');

export type LazyArticleReaderProps = ArticleReaderProps;

/** The module once imported: a later article opens with it at once, not a render later. */
let cached: ReaderModule | null = null;
let loading: Promise<ReaderModule> | null = null;

/** Imports the reader's code once (later calls share the import; a failed one is tried again). */
export function loadArticleReader(): Promise<ReaderModule> {
  loading ??= import('./ArticleReader.tsx').then(
    (m) => (cached = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/**
 * {@link ArticleReaderProps | ArticleReader}, its code (the text reader, the
 * highlight machinery, the outline panel) imported when an article with text
 * is first opened, or earlier when the library page is idle
 * ({@link loadArticleReader}): the library's first screen does not wait for it.
 */
export function LazyArticleReader(props: LazyArticleReaderProps) {
  const { t } = props;
  const [loaded, setLoaded] = useState<ReaderModule | null>(cached);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    void loadArticleReader().then(
      (m) => live && setLoaded(m),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, []);
  if (error)
    return (
      <p class="error" role="alert">
        {t('libFailed', [error])}
      </p>
    );
  if (!loaded) return <p class="loading reader-loading">{t('libraryLoading')}</p>;
  return <loaded.ArticleReader {...props} />;
}
