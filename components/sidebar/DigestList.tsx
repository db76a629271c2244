import type { Translate } from './sidebar-messages.ts';

export interface DigestListProps {
  digest: readonly string[];
  conclusion: string | null;
  t: Translate;
}

/** The extractive digest and the marked conclusion. */
export function DigestList({ digest, conclusion, t }: DigestListProps) {
  if (digest.length === 0 && !conclusion) return null;
  return (
    <section class="section digest">
      <h3 class="section-title">{t('sidebarDigest')}</h3>
      {digest.map((d, i) => (
        <p key={i} class="digest-line">
          {d}
        </p>
      ))}
      {conclusion && (
        <p class="conclusion">
          <span class="meta-label">{t('sidebarConclusion')}</span> {conclusion}
        </p>
      )}
    </section>
  );
}
