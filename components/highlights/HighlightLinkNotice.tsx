import type { Translate } from '../sidebar/sidebar-messages.ts';

export interface HighlightLinkNoticeProps {
  /** Why the linked highlight is not shown on the page: an orphan, or not stored for this page. */
  kind: 'orphan' | 'unknown';
  t: Translate;
}

/** The sidebar's notice, at its top, when the page was opened at a highlight it cannot show. */
export function HighlightLinkNotice({ kind, t }: HighlightLinkNoticeProps) {
  return (
    <p class="hl-link-notice" role="status" data-notice={kind}>
      {t(kind === 'orphan' ? 'hlLinkOrphan' : 'hlLinkUnknown')}
    </p>
  );
}
