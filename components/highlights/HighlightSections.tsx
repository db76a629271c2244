import type { Highlight } from '../../lib/model.ts';
import type { Translate } from '../sidebar/sidebar-messages.ts';
import { HighlightList, type HighlightActions } from './HighlightList.tsx';

export interface HighlightSectionsProps extends HighlightActions {
  /** Placed highlights outside every outline node (the intro). */
  intro: readonly Highlight[];
  /** Highlights that could not be placed on the page as it is now. */
  orphans: readonly Highlight[];
  /** The orphan the page was opened at (`#gangmu-hl=`), marked in the list; null for none. */
  targetId?: string | null;
  t: Translate;
}

/** The sidebar sections after the outline: the intro's highlights and the orphans. */
export function HighlightSections({
  intro,
  orphans,
  targetId = null,
  t,
  ...on
}: HighlightSectionsProps) {
  return (
    <>
      {intro.length > 0 && (
        <section class="section highlights-intro" data-section="intro">
          <h3 class="section-title">{t('hlIntro')}</h3>
          <HighlightList highlights={intro} placed t={t} {...on} />
        </section>
      )}
      {orphans.length > 0 && (
        <section class="section orphans" data-section="orphans">
          <h3 class="section-title">{t('hlOrphans')}</h3>
          <p class="hint">{t('hlOrphansHelp')}</p>
          <HighlightList highlights={orphans} placed={false} targetId={targetId} t={t} {...on} />
        </section>
      )}
    </>
  );
}
