import { TabStatusView, type PopupT, type TabStatusState } from '@/components/TabStatusView';
import { ActionBar, type ActionBarProps } from './ActionBar.tsx';
import { NoticeLine } from './NoticeLine.tsx';
import type { Notice } from './popup-actions.ts';

export interface PopupViewProps {
  state: TabStatusState;
  t: PopupT;
  notice: Notice | null;
  busy: boolean;
  /** The page is one where browsers run no extension (chrome://, stores). */
  restricted: boolean;
  actions: Pick<
    ActionBarProps,
    'onOpenSidebar' | 'onSave' | 'onExport' | 'onOpenLibrary' | 'onPaste'
  >;
}

/** The whole popup: the tab's status, the buttons, the last action's outcome. */
export function PopupView({ state, t, notice, busy, restricted, actions }: PopupViewProps) {
  const status = state.kind === 'ready' ? state.status : null;
  return (
    <main class="popup">
      <TabStatusView state={state} t={t} />
      {restricted && state.kind === 'ready' && status === null && (
        <p class="restricted">{t('popupRestricted')}</p>
      )}
      <ActionBar
        t={t}
        reachable={status !== null}
        saved={!!status?.saved}
        busy={busy || state.kind === 'loading'}
        {...actions}
      />
      {busy && <p class="working">{t('popupWorking')}</p>}
      <NoticeLine notice={notice} />
    </main>
  );
}
