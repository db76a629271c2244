import type { ComponentChildren } from 'preact';
import type { OutlineNode } from '../../lib/types.ts';
import type { FlatNode } from '../../content/flat-outline.ts';
import { OutlineItem } from './OutlineItem.tsx';
import type { Translate } from './sidebar-messages.ts';
import { countPoints } from '../../protocol/count-points.ts';

export interface OutlineTreeProps {
  nodes: readonly OutlineNode[];
  /** Flattened nodes by id (path joined with '.'). */
  byId: ReadonlyMap<string, FlatNode>;
  /** Deepest level shown. */
  maxLevel: number;
  /** The item marked aria-current (already lifted to a shown ancestor). */
  currentId: string | null;
  onSelect(item: FlatNode): void;
  t: Translate;
  /** Extra content inside each item (later: its highlights). */
  renderExtra?: (item: FlatNode) => ComponentChildren;
  /** Path prefix of `nodes` (internal, for recursion). */
  prefix?: string;
  /** Points of this list beyond the outline's cap (lib/outline/cap.ts). */
  more?: number;
}

/**
 * The outline as nested lists, down to `maxLevel`. A point whose children lie below
 * `maxLevel` says how many it folds; a list cut by the outline's cap says how many
 * points it had beyond it.
 */
export function OutlineTree(props: OutlineTreeProps) {
  const { nodes, byId, maxLevel, currentId, prefix = '', more = 0, t } = props;
  return (
    <ul class="tree" role={prefix ? 'group' : undefined}>
      {nodes.map((node, i) => {
        const id = prefix ? `${prefix}.${i}` : String(i);
        const item = byId.get(id);
        if (!item || node.level > maxLevel) return null;
        const shownChildren = node.children.some((c) => c.level <= maxLevel);
        const folded = shownChildren ? 0 : countPoints(node.children, node.more ?? 0);
        return (
          <OutlineItem
            key={id}
            item={item}
            current={id === currentId}
            onSelect={props.onSelect}
            folded={folded}
            t={t}
          >
            {props.renderExtra?.(item)}
            {shownChildren && (
              <OutlineTree {...props} nodes={node.children} prefix={id} more={node.more ?? 0} />
            )}
          </OutlineItem>
        );
      })}
      {more > 0 && (
        <li class="more-points" data-more={more}>
          {t('sidebarMorePoints', [String(more)])}
        </li>
      )}
    </ul>
  );
}
