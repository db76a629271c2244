/**
 * Library page: saved articles (sort, filter, search), the article view with
 * notes and tags, delete with undo, zip export, backup and restore. Wiring
 * only: the page is components/library/LibraryApp.tsx; it asks the background
 * through the protocol, the one writer, and reads in bulk (zip export, backup)
 * straight from the live database, which a runtime message would serialise
 * row by row twice.
 */
import { render } from 'preact';
import { browser } from '#imports';
import { LibraryApp, type LibraryDeps } from '@/components/library/LibraryApp';
import { downloadBlob } from '@/pages/download';
import { libraryActions } from '@/pages/library/library-actions';

// The first screen's rows are asked for before anything renders: the reply is
// on its way while Preact builds the page (the initial query is the default, {}).
// Bulk reads load their code (and Dexie) only when an export or backup starts.
const actions = libraryActions(browser, undefined, {
  openReader: async () => (await import('@/pages/library/bulk-reader')).openBulkReader(),
});
actions.prefetchHead({});

// Each message asked of the browser once: a list of 100 rows asks for about 600, and a
// call through the extension's i18n binding costs far more than a look-up here (the
// messages of a page do not change while it is open).
const messages = new Map<string, string>();
const t: LibraryDeps['t'] = (name, substitutions) => {
  const key = substitutions ? `${name}\u0000${substitutions.join('\u0000')}` : name;
  let text = messages.get(key);
  if (text === undefined) messages.set(key, (text = browser.i18n.getMessage(name, substitutions)));
  return text;
};

// Made after the page's first render, while the first screen's reply is on
// its way: the first Intl formatter of a fresh page loads locale data (15–40 ms).
let dateFormat: Intl.DateTimeFormat | undefined;
const formatDate = (iso: string): string => {
  const d = new Date(iso);
  dateFormat ??= new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'medium' });
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
};

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('libraryTitle');
const root = document.getElementById('app');
if (root)
  render(
    <LibraryApp
      api={browser}
      actions={actions}
      t={t}
      formatDate={formatDate}
      download={downloadBlob}
      confirm={(text) => window.confirm(text)}
    />,
    root,
  );
formatDate('2000-01-01');
