import type { Notice } from './popup-actions.ts';

export interface NoticeLineProps {
  notice: Notice | null;
}

/** The outcome of the last action: read out politely, errors at once. */
export function NoticeLine({ notice }: NoticeLineProps) {
  if (!notice) return null;
  return (
    <p
      class={`notice notice-${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-tone={notice.tone}
    >
      {notice.text}
    </p>
  );
}
