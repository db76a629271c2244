/**
 * Library page: saved articles (sort, filter, search), the article view with
 * notes and tags, delete with undo, zip export, backup and restore. Wiring
 * only: the page is components/library/LibraryApp.tsx; it asks the background
 * through the protocol rather than opening the database itself, so there is
 * one writer and one reader path.
 */
import { render } from 'preact';
import { browser } from '#imports';
import { LibraryApp, type LibraryDeps } from '@/components/library/LibraryApp';

const t: LibraryDeps['t'] = (name, substitutions) => browser.i18n.getMessage(name, substitutions);

const dateFormat = new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'medium' });
const formatDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
};

/** Downloads through a blob URL and `<a download>`: no "downloads" permission needed. */
function download(filename: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; give it a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = browser.i18n.getMessage('libraryTitle');
const root = document.getElementById('app');
if (root)
  render(
    <LibraryApp
      api={browser}
      t={t}
      formatDate={formatDate}
      download={download}
      confirm={(text) => window.confirm(text)}
    />,
    root,
  );
