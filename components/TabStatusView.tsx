import type { TabStatus } from '@/protocol/messages';

/** What the popup knows about the current tab. */
export type TabStatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: TabStatus | null }
  | { kind: 'error'; error: string };

/** The UI strings the popup needs, by message name in public/_locales. */
export type PopupMessage =
  | 'popupHeading'
  | 'popupLoading'
  | 'popupPointsFound'
  | 'popupPointFound'
  | 'popupNoEssay'
  | 'popupEstimate'
  | 'popupNotAnalysed'
  | 'popupError'
  | 'popupHighlights'
  | 'popupSavedBadge'
  | 'popupOpenSidebar'
  | 'popupSave'
  | 'popupSaveAgain'
  | 'popupSavedDone'
  | 'popupExport'
  | 'popupExported'
  | 'popupExportedNoClipboard'
  | 'popupOpenLibrary'
  | 'popupPaste'
  | 'popupRestricted'
  | 'popupNoContentScript'
  | 'popupWorking';

/** Looks up a localised string (browser.i18n.getMessage in the extension). */
export type PopupT = (name: PopupMessage, substitutions?: string[]) => string;

export interface TabStatusViewProps {
  state: TabStatusState;
  t: PopupT;
}

/** The popup's status part: whether the tab holds an essay, its points and highlights. */
export function TabStatusView({ state, t }: TabStatusViewProps) {
  return (
    <section class="tab-status" data-state={state.kind} aria-live="polite">
      <h1>{t('popupHeading')}</h1>
      {state.kind === 'loading' && <p>{t('popupLoading')}</p>}
      {state.kind === 'error' && <p class="error">{t('popupError', [state.error])}</p>}
      {state.kind === 'ready' && <StatusLine status={state.status} t={t} />}
    </section>
  );
}

function StatusLine({ status, t }: { status: TabStatus | null; t: PopupT }) {
  if (status === null) return <p class="not-analysed">{t('popupNotAnalysed')}</p>;
  // A count only once the engine has made the outline the sidebar shows; before, the
  // quick check's verdict, never its estimate as a number.
  const line = !status.exact
    ? status.essay
      ? t('popupEstimate')
      : t('popupNoEssay')
    : status.count === 0
      ? t('popupNoEssay')
      : status.count === 1
        ? t('popupPointFound')
        : t('popupPointsFound', [String(status.count)]);
  return (
    <>
      <p
        class="count"
        data-count={status.exact ? status.count : undefined}
        data-essay={String(status.exact ? status.count > 0 : status.essay)}
        data-exact={String(status.exact)}
      >
        {line}
      </p>
      {status.title && <p class="title">{status.title}</p>}
      {/* Highlights and the library on every page, essay or not. */}
      <p class="highlights" data-highlights={status.highlights}>
        {t('popupHighlights', [String(status.highlights)])}
        {status.saved && <span class="saved-badge"> · {t('popupSavedBadge')}</span>}
      </p>
    </>
  );
}
