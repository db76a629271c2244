import type { TabStatus } from '@/utils/messages';

/** What the popup knows about the current tab. */
export type TabStatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: TabStatus | null }
  | { kind: 'error'; error: string };

/** The UI strings this view needs, by message name in public/_locales. */
export type PopupMessage =
  | 'popupHeading'
  | 'popupLoading'
  | 'popupPointsFound'
  | 'popupPointFound'
  | 'popupNoEssay'
  | 'popupNotAnalysed'
  | 'popupError';

export interface TabStatusViewProps {
  state: TabStatusState;
  /** Looks up a localised string (browser.i18n.getMessage in the extension). */
  t: (name: PopupMessage, substitutions?: string[]) => string;
}

/** The popup's body: how many outline points the current tab has. */
export function TabStatusView({ state, t }: TabStatusViewProps) {
  return (
    <main class="tab-status" data-state={state.kind}>
      <h1>{t('popupHeading')}</h1>
      {state.kind === 'loading' && <p>{t('popupLoading')}</p>}
      {state.kind === 'error' && <p class="error">{t('popupError', [state.error])}</p>}
      {state.kind === 'ready' && <StatusLine status={state.status} t={t} />}
    </main>
  );
}

function StatusLine({ status, t }: { status: TabStatus | null; t: TabStatusViewProps['t'] }) {
  if (status === null) return <p class="not-analysed">{t('popupNotAnalysed')}</p>;
  if (status.count === 0) {
    return (
      <p class="count" data-count="0">
        {t('popupNoEssay')}
      </p>
    );
  }
  return (
    <>
      <p class="count" data-count={status.count}>
        {status.count === 1 ? t('popupPointFound') : t('popupPointsFound', [String(status.count)])}
      </p>
      {status.title && <p class="title">{status.title}</p>}
    </>
  );
}
