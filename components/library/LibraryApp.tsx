/**
 * The library page's state: the list (sorted, filtered), search, the article
 * view, delete with undo, zip export, backup and restore. The requests are
 * pages/library/library-actions.ts; every browser API comes in through
 * {@link LibraryDeps}, so it renders in tests.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { MARKDOWN_TYPE, type MarkdownExportOptions } from '@/pages/library/export-options';
import { storedExportPrefs, type ExportPrefs } from '@/pages/library/export-prefs';
import { Utf8Parts } from '@/pages/library/utf8-blob';
import { PASTE_PAGE } from '@/protocol/highlight-link';
import { libraryActions, type LibraryActions } from '@/pages/library/library-actions';
import {
  errorMessage,
  sendRequest,
  type ArticleRows,
  type ArticleSummary,
  type ListQuery,
  type Progress,
  type ReplyTo,
  type Request,
  type RuntimeLike,
} from '@/protocol/messages';
import { ActionsBar, type ActionProgress } from './ActionsBar.tsx';
import { ArticleView } from './ArticleView.tsx';
import { loadArticleReader } from './LazyArticleReader.tsx';
import { FilterBar } from './FilterBar.tsx';
import { shownElement } from './listbox.ts';
import { LibraryList } from './LibraryList.tsx';
import type { LibraryT } from './library-strings.ts';
import { throttledProgress } from './progress.ts';
import { SearchResults } from './SearchResults.tsx';
import { UndoToast } from './UndoToast.tsx';
import { useLibraryList, useSearchBox } from './use-library-data.ts';
import { useLibraryKeys } from './use-library-keys.ts';

export interface LibraryDeps {
  api: RuntimeLike;
  t: LibraryT;
  formatDate: (iso: string) => string;
  /** Offers a file for download. */
  download: (filename: string, data: Blob) => void;
  /** Asks before a destructive step (restore by replacing). */
  confirm: (text: string) => boolean;
  /** The requests, when the page made them already (to send the first one early); else made from `api`. */
  actions?: LibraryActions;
  /** Where the export options are remembered; default the page's localStorage. */
  exportPrefs?: ExportPrefs;
}

/** How long the Undo button stays after a delete. */
export const UNDO_MS = 8000;
export { SEARCH_DEBOUNCE_MS } from './use-library-data.ts';

type View =
  | { kind: 'list' }
  | { kind: 'article'; id: string; focus?: string; data: ArticleRows | null; error?: string };

interface Notice {
  tone: 'info' | 'error';
  text: string;
}

const today = () => new Date().toISOString().slice(0, 10);

export function LibraryApp({ api, t, formatDate, download, confirm, ...deps }: LibraryDeps) {
  const [query, setQuery] = useState<ListQuery>({});
  const [view, setView] = useState<View>({ kind: 'list' });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [undo, setUndo] = useState<ArticleRows | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ActionProgress | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const undoTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [version, setVersion] = useState(0);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  const given = deps.actions;
  const actions = useMemo(() => given ?? libraryActions(api), [api, given]);
  const prefs = useMemo(() => deps.exportPrefs ?? storedExportPrefs(), [deps.exportPrefs]);
  const [exportOptions, setExportOptions] = useState<MarkdownExportOptions>(() => prefs.read());
  const changeExportOptions = useCallback(
    (next: MarkdownExportOptions) => {
      setExportOptions(next);
      prefs.write(next);
    },
    [prefs],
  );
  /** For the article view's text reader, which reads and stores highlights as a web page does. */
  const send = useCallback(
    <R extends Request>(request: R): Promise<ReplyTo<R>> => sendRequest(api, request),
    [api],
  );

  const { list, facets } = useLibraryList(actions, query, version, (ids) =>
    setSelected((s) => new Set([...s].filter((id) => ids.has(id)))),
  );
  const { text: search, change: changeSearch, found } = useSearchBox(actions, version);

  const open = useCallback(
    (id: string, focus?: string) => {
      setActiveId(id);
      setView({ kind: 'article', id, focus, data: null });
      void actions.getArticle(id).then((r) => {
        if (r.ok && r.value.article) {
          const data = { article: r.value.article, highlights: r.value.highlights };
          setView((v) => (v.kind === 'article' && v.id === id ? { ...v, data } : v));
        } else {
          const error = r.ok ? t('libFailed', ['not found']) : t('libFailed', [r.error]);
          setView((v) => (v.kind === 'article' && v.id === id ? { ...v, error } : v));
        }
      });
    },
    [actions, t],
  );

  const back = useCallback(() => {
    setView({ kind: 'list' });
    refresh();
    // Back on the row the reader left from.
    setTimeout(() => shownElement('li[aria-selected="true"]')?.focus(), 0);
  }, [refresh]);

  const shownIds =
    found.kind === 'ready'
      ? found.results.map((r) => r.articleId)
      : list.kind === 'ready' && found.kind === 'idle'
        ? list.articles.map((a) => a.id)
        : [];
  useLibraryKeys({
    view: view.kind,
    shownIds,
    activeId,
    setActiveId,
    open,
    back,
    searchRef,
    search,
    setSearch: changeSearch,
  });

  const remove = async (id: string) => {
    const r = await actions.deleteArticle(id);
    if (!r.ok) return setNotice({ tone: 'error', text: t('libFailed', [r.error]) });
    setView({ kind: 'list' });
    refresh();
    clearTimeout(undoTimer.current);
    setUndo(r.value);
    setNotice(null);
    undoTimer.current = setTimeout(() => setUndo(null), UNDO_MS);
  };

  const restoreDeleted = async () => {
    if (!undo) return;
    clearTimeout(undoTimer.current);
    const rows = undo;
    setUndo(null);
    const r = await actions.undoDelete(rows);
    setNotice(
      r.ok
        ? { tone: 'info', text: t('libUndone', [rows.article.title]) }
        : { tone: 'error', text: t('libFailed', [r.error]) },
    );
    refresh();
  };

  /** Runs one long action at a time; its outcome becomes the notice. */
  const run = (action: () => Promise<Notice>) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    action()
      .catch((err: unknown) => ({
        tone: 'error' as const,
        text: t('libFailed', [errorMessage(err)]),
      }))
      .then(setNotice)
      .finally(() => {
        setBusy(false);
        setProgress(null);
      });
  };

  const exportZip = (which: 'selected' | 'all') =>
    run(async () => {
      const order = list.kind === 'ready' ? list.articles.map((a) => a.id) : [];
      const ids =
        which === 'selected'
          ? [...selected].sort((a, b) => order.indexOf(a) - order.indexOf(b))
          : undefined;
      const shown = throttledProgress<Progress>((p) => setProgress({ kind: 'export', ...p }));
      const { zip, articles } = await actions.exportZip(ids, shown, {
        markdown: exportOptions,
      });
      const name = `gangmu-${today()}.zip`;
      download(name, new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
      return { tone: 'info', text: t('libExported', [String(articles), name]) };
    });

  /** One article as a Markdown file, read again so highlights just made in its reader are in. */
  const exportArticle = (id: string) =>
    run(async () => {
      const file = await actions.exportArticle(id, exportOptions);
      download(file.name, new Blob([file.text], { type: MARKDOWN_TYPE }));
      return { tone: 'info', text: t('libExportedArticle', [file.name]) };
    });

  const backup = () =>
    run(async () => {
      // Each part becomes bytes as it comes: the text is never held whole.
      const bytes = new Utf8Parts();
      await actions.backupParts(
        (part) => bytes.add(part),
        undefined,
        throttledProgress<Progress>((p) => setProgress({ kind: 'backup', ...p })),
      );
      const name = `gangmu-backup-${today()}.json`;
      download(name, bytes.blob('application/json'));
      return { tone: 'info', text: t('libBackedUp', [name]) };
    });

  const restore = (file: File, mode: 'merge' | 'replace') =>
    run(async () => {
      if (mode === 'replace' && !confirm(t('libReplaceConfirm'))) return { tone: 'info', text: '' };
      setProgress({ kind: 'restore-read', done: 0, total: file.size });
      const r = await actions.restore(file, mode, ({ phase, done, total }) =>
        setProgress({ kind: phase === 'reading' ? 'restore-read' : 'restore-write', done, total }),
      );
      refresh();
      if (!r.ok) return { tone: 'error', text: t('libRestoreRefused', [file.name, r.error]) };
      const s = r.value;
      return {
        tone: 'info',
        text: t('libRestored', [
          String(s.articlesAdded),
          String(s.articlesUpdated),
          String(s.highlightsAdded + s.highlightsUpdated),
        ]),
      };
    });

  const articleOf = (id: string): ArticleSummary | undefined =>
    list.kind === 'ready' ? list.articles.find((a) => a.id === id) : undefined;
  const filtered = Object.keys(query).some((k) => k !== 'sort' && k !== 'order');
  const toggleSelect = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  // The list as one element, made again only when it changes: a keystroke in the search
  // box renders the page, and should not compare the list's rows (hundreds, once scrolled)
  // before its search can start.
  // The article reader's code, once the first screen is up and the page is idle: the first
  // article opened then does not wait for its import (about 100 ms on a slow machine).
  const listReady = list.kind === 'ready';
  useEffect(() => {
    if (!listReady) return;
    const load = () => void loadArticleReader().catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 1000);
  }, [listReady]);

  // The list's active row stays as it was while a search shows (the list is hidden then):
  // moving through the results does not render the rows behind them.
  const listActive = useRef(activeId);
  if (found.kind === 'idle') listActive.current = activeId;
  const listActiveId = listActive.current;
  const listView = useMemo(
    () => (
      <LibraryList
        state={list}
        t={t}
        formatDate={formatDate}
        selected={selected}
        filtered={filtered}
        onToggleSelect={toggleSelect}
        onOpen={open}
        activeId={listActiveId}
        onActivate={setActiveId}
      />
    ),
    [list, t, formatDate, selected, filtered, toggleSelect, open, listActiveId],
  );

  return (
    <main class="library" data-state={list.kind} data-view={view.kind}>
      <header>
        <h1>{t('libraryTitle')}</h1>
        <a class="open-paste" href={PASTE_PAGE} target="_blank" rel="noopener">
          {t('libPaste')}
        </a>
        <p class="keys">{t('libKeyboardHelp')}</p>
      </header>
      {notice?.text && (
        <p
          class={`notice ${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-tone={notice.tone}
        >
          {notice.text}
        </p>
      )}
      {view.kind === 'article' &&
        (view.data ? (
          <ArticleView
            key={view.id}
            article={view.data.article}
            highlights={view.data.highlights}
            t={t}
            formatDate={formatDate}
            focusHighlightId={view.focus}
            send={send}
            onBack={back}
            onDelete={() => void remove(view.id)}
            onExportMarkdown={() => exportArticle(view.id)}
            onSaveNote={async (id, note) => {
              const r = await actions.updateNote(view.id, id, note);
              return r.ok ? null : r.error;
            }}
            onSaveTags={async (tags) => {
              const r = await actions.setTags(view.id, tags);
              if (!r.ok) return r.error;
              setView((v) =>
                v.kind === 'article' && v.data
                  ? { ...v, data: { ...v.data, article: r.value } }
                  : v,
              );
              refresh();
              return null;
            }}
          />
        ) : (
          <p class={view.error ? 'error' : 'loading'} role={view.error ? 'alert' : undefined}>
            {view.error ?? t('libraryLoading')}
          </p>
        ))}
      {/* The list stays while an article is open, hidden: opening one does not tear down
          thousands of rows, and going back shows them at once. */}
      <div class="list-pane" hidden={view.kind === 'article'}>
        <FilterBar
          t={t}
          query={query}
          onQuery={setQuery}
          sites={facets.sites}
          tags={facets.tags}
          search={search}
          onSearch={changeSearch}
          searchRef={searchRef}
        />
        <ActionsBar
          t={t}
          selectedCount={selected.size}
          busy={busy}
          progress={progress}
          onSelectAll={() =>
            setSelected((s) =>
              list.kind === 'ready' && s.size < list.articles.length
                ? new Set(list.articles.map((a) => a.id))
                : new Set(),
            )
          }
          onExport={exportZip}
          exportOptions={exportOptions}
          onExportOptions={changeExportOptions}
          onBackup={backup}
          onRestore={restore}
        />
        {found.kind !== 'idle' && (
          <SearchResults
            // A new query starts again from its first results.
            key={found.kind === 'ready' ? found.query : found.kind}
            state={found}
            t={t}
            formatDate={formatDate}
            activeId={activeId}
            onActivate={setActiveId}
            onOpen={open}
          />
        )}
        {/* The list stays while a search shows, hidden, after the results (a row looked
            up by its id or selection is the result's): a search does not tear down its
            rows first, and clearing the box shows them at once. */}
        <div class="list-view" hidden={found.kind !== 'idle'}>
          {listView}
        </div>
      </div>
      {undo && (
        <UndoToast
          t={t}
          title={articleOf(undo.article.id)?.title ?? undo.article.title}
          onUndo={() => void restoreDeleted()}
        />
      )}
    </main>
  );
}
