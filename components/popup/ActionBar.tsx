import type { PopupT } from '@/components/TabStatusView';

/** The popup's buttons; which ones are usable depends on the tab. */
export interface ActionBarProps {
  t: PopupT;
  /** The content script answered for this tab: the sidebar, saving and exporting work (outline or not). */
  reachable: boolean;
  saved: boolean;
  /** An action is running: every button waits. */
  busy: boolean;
  onOpenSidebar: () => void;
  onSave: () => void;
  onExport: () => void;
  onOpenLibrary: () => void;
  /** Opens the paste page (text from a PDF or an e-paper). */
  onPaste: () => void;
}

/** Native buttons in tab order, so the popup works from the keyboard alone. */
export function ActionBar(props: ActionBarProps) {
  const { t, reachable, saved, busy } = props;
  return (
    <nav class="actions" aria-busy={busy}>
      <button
        type="button"
        class="open-sidebar"
        disabled={busy || !reachable}
        onClick={props.onOpenSidebar}
      >
        {t('popupOpenSidebar')}
      </button>
      <button type="button" class="save" disabled={busy || !reachable} onClick={props.onSave}>
        {saved ? t('popupSaveAgain') : t('popupSave')}
      </button>
      <button type="button" class="export" disabled={busy || !reachable} onClick={props.onExport}>
        {t('popupExport')}
      </button>
      <button type="button" class="open-library" disabled={busy} onClick={props.onOpenLibrary}>
        {t('popupOpenLibrary')}
      </button>
      <button type="button" class="open-paste" disabled={busy} onClick={props.onPaste}>
        {t('popupPaste')}
      </button>
    </nav>
  );
}
