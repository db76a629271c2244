import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { FlatNode } from '../../content/flat-outline.ts';
import type { Translate } from './sidebar-messages.ts';

export interface OutlineItemProps {
  item: FlatNode;
  current: boolean;
  onSelect(item: FlatNode): void;
  t: Translate;
  /** Points below this one that the level buttons hide (0 for none). */
  folded?: number;
  /** Nested content: the child list, and later the node's highlights. */
  children?: ComponentChildren;
}

/**
 * One outline point: a button with its marker and key (the full text on
 * hover, or expanded below), carrying data-level/data-kind/data-marker.
 */
export function OutlineItem({
  item,
  current,
  onSelect,
  t,
  folded = 0,
  children,
}: OutlineItemProps) {
  const { node } = item;
  const [expanded, setExpanded] = useState(false);
  const showToggle = node.text !== node.key;
  return (
    <li
      class="node"
      data-id={item.id}
      data-level={node.level}
      data-kind={node.kind}
      data-marker={node.marker ?? ''}
    >
      <div class="row">
        <button
          type="button"
          class="item"
          data-index={item.index}
          aria-current={current ? 'true' : undefined}
          title={node.text}
          onClick={() => onSelect(item)}
        >
          {node.marker && <span class="marker">{node.marker}</span>}
          <span class="key">{node.key || node.text}</span>
          {folded > 0 && (
            <span class="folded" title={t('sidebarHiddenPoints', [String(folded)])}>
              +{folded}
              <span class="sr-only">{t('sidebarHiddenPoints', [String(folded)])}</span>
            </span>
          )}
        </button>
        {showToggle && (
          <button
            type="button"
            class="more"
            tabIndex={-1}
            aria-expanded={expanded}
            aria-label={expanded ? t('sidebarHideText') : t('sidebarShowText')}
            title={expanded ? t('sidebarHideText') : t('sidebarShowText')}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? '−' : '…'}
          </button>
        )}
      </div>
      {expanded && <p class="fulltext">{node.text}</p>}
      {children}
    </li>
  );
}
