import type { ComponentChildren } from 'preact';
import type { Outline } from '../../lib/types.ts';
import type { FlatNode } from '../../content/flat-outline.ts';
import { ArticleMeta } from './ArticleMeta.tsx';
import { DigestList } from './DigestList.tsx';
import { FormulationList } from './FormulationList.tsx';
import { OutlineTree } from './OutlineTree.tsx';
import type { Translate } from './sidebar-messages.ts';

export interface OutlineBodyProps {
  outline: Outline;
  byId: ReadonlyMap<string, FlatNode>;
  maxLevel: number;
  currentId: string | null;
  /** Title, author and affiliation above the outline (`fallbackTitle` when it has no title); none when absent. */
  meta?: { fallbackTitle: string | null };
  /** Shown in place of the outline when there is none. */
  emptyText: string;
  t: Translate;
  onSelect(item: FlatNode): void;
  onTreeKey?(e: KeyboardEvent): void;
  /** The node's highlights, inside each outline item. */
  renderExtra?: (item: FlatNode) => ComponentChildren;
  /** The intro's highlights and the orphans, after the outline. */
  children?: ComponentChildren;
}

/**
 * An outline's reading content, shared by the page's sidebar (Sidebar.tsx) and
 * the text reader's panel (components/reader/OutlinePanel.tsx): meta, the
 * tree (with the points beyond the cap counted), or a line saying there is
 * none, then formulations, digest and what the caller adds.
 */
export function OutlineBody(props: OutlineBodyProps) {
  const { outline, t } = props;
  return (
    <>
      {props.meta && (
        <ArticleMeta outline={outline} fallbackTitle={props.meta.fallbackTitle} t={t} />
      )}
      {outline.nodes.length === 0 ? (
        <p class="status no-essay">{props.emptyText}</p>
      ) : (
        <nav class="outline" aria-label={t('sidebarOutline')} onKeyDown={props.onTreeKey}>
          <OutlineTree
            nodes={outline.nodes}
            byId={props.byId}
            maxLevel={props.maxLevel}
            currentId={props.currentId}
            onSelect={props.onSelect}
            renderExtra={props.renderExtra}
            more={outline.more ?? 0}
            t={t}
          />
        </nav>
      )}
      <FormulationList formulations={outline.formulations} t={t} />
      <DigestList digest={outline.digest} conclusion={outline.conclusion} t={t} />
      {props.children}
    </>
  );
}

/** The bar's start, in the sidebar and the reader's panel: the name and the highlights' count. */
export function SidebarBrand({ highlightCount = 0, t }: { highlightCount?: number; t: Translate }) {
  return (
    <>
      <span class="brand">{t('sidebarTitle')}</span>
      {highlightCount > 0 && (
        <span class="hl-count" data-count={highlightCount}>
          {t('hlCount', [String(highlightCount)])}
        </span>
      )}
    </>
  );
}
