import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { Outline } from '../../lib/types.ts';
import type { FlatNode } from '../../content/flat-outline.ts';
import { LevelButtons } from '../sidebar/LevelButtons.tsx';
import { OutlineBody, SidebarBrand } from '../sidebar/OutlineBody.tsx';
import type { Translate } from '../sidebar/sidebar-messages.ts';

export interface OutlinePanelProps {
  outline: Outline;
  flat: readonly FlatNode[];
  /** Shown when the engine found no title. */
  fallbackTitle: string;
  /** Shown in place of the outline when the article has none (the page says what can still be done). */
  emptyText: string;
  /** Title, author and affiliation above the outline (default); off where the page shows them. */
  meta?: boolean;
  currentId: string | null;
  t: Translate;
  onSelect(item: FlatNode): void;
  /** The node's highlights, inside each outline item. */
  renderNodeExtra?: (item: FlatNode) => ComponentChildren;
  /** The intro's highlights and the orphans, after the outline. */
  children?: ComponentChildren;
  /** A notice shown first (a highlight link that could not be followed). */
  notice?: ComponentChildren;
  highlightCount?: number;
}

/**
 * The text reader's outline (pages/reader/text-reader.ts, on the paste page
 * and in the library): the reading sidebar's content without its page
 * controls (close, collapse, resize, "always open on this site"): meta,
 * levels, the outline tree with each point's highlights, formulations and
 * digest. It uses the sidebar's
 * class names, so it is styled by SIDEBAR_CSS inside its shadow root.
 */
export function OutlinePanel(props: OutlinePanelProps) {
  const { outline, flat, t } = props;
  const [maxLevel, setMaxLevel] = useState(3);
  const byId = useMemo(() => new Map(flat.map((f) => [f.id, f])), [flat]);
  const depth = flat.reduce((d, f) => Math.max(d, f.node.level), 1);
  return (
    <div class="sidebar" role="complementary" aria-label={t('sidebarTitle')}>
      <div class="bar">
        <SidebarBrand highlightCount={props.highlightCount} t={t} />
        {flat.length > 0 && (
          <LevelButtons maxLevel={maxLevel} depth={depth} onChange={setMaxLevel} t={t} />
        )}
      </div>
      <div class="scroll">
        {props.notice}
        <OutlineBody
          outline={outline}
          byId={byId}
          maxLevel={maxLevel}
          currentId={props.currentId}
          meta={props.meta !== false ? { fallbackTitle: props.fallbackTitle } : undefined}
          emptyText={props.emptyText}
          t={t}
          onSelect={props.onSelect}
          renderExtra={props.renderNodeExtra}
        >
          {props.children}
        </OutlineBody>
      </div>
    </div>
  );
}
