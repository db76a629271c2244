import type { Formulation } from '../../lib/types.ts';
import type { Translate } from './sidebar-messages.ts';

export interface FormulationListProps {
  formulations: readonly Formulation[];
  t: Translate;
}

/** The key formulations (提法) with how often each occurs. */
export function FormulationList({ formulations, t }: FormulationListProps) {
  if (formulations.length === 0) return null;
  return (
    <section class="section formulations">
      <h3 class="section-title">{t('sidebarFormulations')}</h3>
      <ul class="plain">
        {formulations.map((f, i) => (
          <li key={i}>
            “{f.text}”<span class="times"> ×{f.occurrences.length}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
