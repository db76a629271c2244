/**
 * Library page (placeholder): lists the saved articles. It asks the
 * background through the protocol rather than opening the database itself,
 * so there is one writer and one reader path.
 */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import {
  LibraryList,
  type LibraryListProps,
  type LibraryState,
} from '@/components/library/LibraryList';
import { errorMessage, sendRequest } from '@/utils/messages';

const t: LibraryListProps['t'] = (name, substitutions) =>
  browser.i18n.getMessage(name, substitutions);

const dateFormat = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'medium' });
const formatDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
};

function Library() {
  const [state, setState] = useState<LibraryState>({ kind: 'loading' });
  useEffect(() => {
    sendRequest(browser, { type: 'list-articles' })
      .then((reply) =>
        setState(
          reply.ok
            ? { kind: 'ready', articles: reply.value }
            : { kind: 'error', error: reply.error },
        ),
      )
      .catch((err: unknown) => setState({ kind: 'error', error: errorMessage(err) }));
  }, []);
  return <LibraryList state={state} t={t} formatDate={formatDate} />;
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('libraryTitle');
const root = document.getElementById('app');
if (root) render(<Library />, root);
