import type { TabStatus } from '@/utils/messages';

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
  if (!status.essay || status.count === 0) {
    return (
      <p class="count" data-count={status.count} data-essay="false">
        {t('popupNoEssay')}
      </p>
    );
  }
  return (
    <>
      <p class="count" data-count={status.count} data-essay="true">
        {status.count === 1 ? t('popupPointFound') : t('popupPointsFound', [String(status.count)])}
      </p>
      {status.title && <p class="title">{status.title}</p>}
      <p class="highlights" data-highlights={status.highlights}>
        {t('popupHighlights', [String(status.highlights)])}
        {status.saved && <span class="saved-badge"> · {t('popupSavedBadge')}</span>}
      </p>
    </>
  );
}
