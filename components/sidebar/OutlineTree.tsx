import type { ComponentChildren } from 'preact';
import type { OutlineNode } from '../../lib/types.ts';
import type { FlatNode } from '../../utils/page/flat-outline.ts';
import { OutlineItem } from './OutlineItem.tsx';
import type { Translate } from './sidebar-messages.ts';

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
}

/** The outline as nested lists, down to `maxLevel`. */
export function OutlineTree(props: OutlineTreeProps) {
  const { nodes, byId, maxLevel, currentId, prefix = '' } = props;
  return (
    <ul class="tree" role={prefix ? 'group' : undefined}>
      {nodes.map((node, i) => {
        const id = prefix ? `${prefix}.${i}` : String(i);
        const item = byId.get(id);
        if (!item || node.level > maxLevel) return null;
        const shownChildren = node.children.some((c) => c.level <= maxLevel);
        return (
          <OutlineItem
            key={id}
            item={item}
            current={id === currentId}
            onSelect={props.onSelect}
            t={props.t}
          >
            {props.renderExtra?.(item)}
            {shownChildren && <OutlineTree {...props} nodes={node.children} prefix={id} />}
          </OutlineItem>
        );
      })}
    </ul>
  );
}
