import type { HighlightColor } from '../../lib/model.ts';
import type { SidebarMessage, Translate } from '../sidebar/sidebar-messages.ts';

const NAMES: Record<HighlightColor, SidebarMessage> = {
  yellow: 'hlColorYellow',
  green: 'hlColorGreen',
  blue: 'hlColorBlue',
  pink: 'hlColorPink',
  purple: 'hlColorPurple',
};

/** A colour's name in the reader's language. */
export function colorLabel(t: Translate, color: HighlightColor): string {
  return t(NAMES[color]);
}
