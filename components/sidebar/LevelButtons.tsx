import type { Translate } from './sidebar-messages.ts';

export interface LevelButtonsProps {
  /** The deepest level shown. */
  maxLevel: number;
  /** The deepest level the outline has (buttons up to it, at least 1). */
  depth: number;
  onChange(level: number): void;
  t: Translate;
}

/** Buttons 1, 2, … up to the outline's deepest level: show the outline down to that level. */
export function LevelButtons({ maxLevel, depth, onChange, t }: LevelButtonsProps) {
  const levels = Array.from({ length: Math.max(1, depth) }, (_, i) => i + 1);
  return (
    <div class="levels" role="group" aria-label={t('sidebarLevels')}>
      {levels.map((level) => (
        <button
          type="button"
          key={level}
          class="level"
          data-level-button={level}
          aria-pressed={level === maxLevel}
          title={t('sidebarLevelLabel', [String(level)])}
          onClick={() => onChange(level)}
        >
          {level}
        </button>
      ))}
    </div>
  );
}
