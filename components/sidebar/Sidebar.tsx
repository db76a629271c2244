import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { composing } from '../ime.ts';
import type { Outline } from '../../lib/types.ts';
import type { FlatNode } from '../../content/flat-outline.ts';
import { LevelButtons } from './LevelButtons.tsx';
import { OutlineBody, SidebarBrand } from './OutlineBody.tsx';
import { ResizeHandle } from './ResizeHandle.tsx';
import type { Translate } from './sidebar-messages.ts';

/** What the sidebar shows. */
export type SidebarView =
  | { kind: 'loading' }
  | { kind: 'error'; error: string }
  | {
      kind: 'ready';
      outline: Outline;
      flat: readonly FlatNode[];
      /** A line above the outline (the engine gave up on a long page: why there is none). */
      note?: string;
    };

export interface SidebarProps {
  view: SidebarView;
  /** The document title, shown when the engine found no title. */
  docTitle: string | null;
  collapsed: boolean;
  /** The window's side the sidebar sits on (default right). */
  side?: 'left' | 'right';
  /** Moves the sidebar to the other side (for a page that does not reflow beside it). */
  onSide?: () => void;
  alwaysOpen: boolean;
  /** Id of the point the reader is at (FlatNode.id), or null. */
  currentId: string | null;
  t: Translate;
  onSelect(item: FlatNode): void;
  onClose(): void;
  onCollapse(collapsed: boolean): void;
  onResize(width: number, done: boolean): void;
  onAlwaysOpen(value: boolean): void;
  /** Copies the outline as Markdown; resolves to whether it worked. */
  onCopy(): Promise<boolean>;
  /** Extra content inside each outline item: the node's highlights. */
  renderNodeExtra?: (item: FlatNode) => ComponentChildren;
  /** Extra sections after the outline: the intro's highlights and the orphans. */
  children?: ComponentChildren;
  /** A notice shown first in the list, whatever the view (a highlight link that could not be followed). */
  notice?: ComponentChildren;
  /** Highlights stored for the page (placed and orphans), shown in the header when > 0. */
  highlightCount?: number;
}

/** The id of the nearest shown item for `id`: itself, or its deepest ancestor at or above `maxLevel`. */
function shownId(byId: ReadonlyMap<string, FlatNode>, id: string | null, maxLevel: number) {
  if (id === null) return null;
  const path = id.split('.');
  for (let k = path.length; k > 0; k--) {
    const item = byId.get(path.slice(0, k).join('.'));
    if (item && item.node.level <= maxLevel) return item.id;
  }
  return null;
}

/** Moves focus between the outline's item buttons with ↑/↓ (Enter activates the button itself). */
function onTreeKey(e: KeyboardEvent) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const nav = e.currentTarget as HTMLElement;
  const items = [...nav.querySelectorAll<HTMLButtonElement>('button.item')];
  if (items.length === 0) return;
  const active = (nav.getRootNode() as ShadowRoot | Document).activeElement;
  const at = items.indexOf(active as HTMLButtonElement);
  const current = items.findIndex((b) => b.getAttribute('aria-current') === 'true');
  const from = at >= 0 ? at : current >= 0 ? current : -1;
  const next = e.key === 'ArrowDown' ? Math.min(items.length - 1, from + 1) : Math.max(0, from - 1);
  items[next]?.focus();
  e.preventDefault();
}

/** A button of the sidebar's bar: a glyph, with its label as title and accessible name. */
function IconButton(props: {
  name: string;
  label: string;
  onClick: () => void;
  children: ComponentChildren;
}) {
  return (
    <button
      type="button"
      class={`icon ${props.name}`}
      title={props.label}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/** The reading sidebar: essay meta, the outline tree, formulations, digest, and controls. */
export function Sidebar(props: SidebarProps) {
  const { view, t, collapsed } = props;
  const [maxLevel, setMaxLevel] = useState(3);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const listRef = useRef<HTMLDivElement>(null);

  const flat = view.kind === 'ready' ? view.flat : [];
  const byId = useMemo(() => new Map(flat.map((f) => [f.id, f])), [flat]);
  const depth = flat.reduce((d, f) => Math.max(d, f.node.level), 1);
  const currentShown = shownId(byId, props.currentId, maxLevel);

  // Keep the current item visible in the sidebar's own scroll box (never scroll the page).
  useEffect(() => {
    const box = listRef.current;
    const el = box?.querySelector<HTMLElement>('button.item[aria-current="true"]');
    if (!box || !el) return;
    const top = el.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + el.offsetHeight > box.scrollTop + box.clientHeight)
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [currentShown]);

  const onKeyDown = (e: KeyboardEvent) => {
    // Esc while composing (a note) cancels the input method's letters, not the sidebar.
    if (e.key === 'Escape' && !composing(e)) {
      e.preventDefault();
      props.onClose();
    }
    // Keys typed in the sidebar are not the page's shortcuts.
    e.stopPropagation();
  };

  if (collapsed) {
    return (
      <div class="sidebar collapsed" data-side={props.side ?? 'right'} onKeyDown={onKeyDown}>
        <button
          type="button"
          class="expand"
          title={t('sidebarExpand')}
          aria-label={t('sidebarExpand')}
          onClick={() => props.onCollapse(false)}
        >
          纲
        </button>
      </div>
    );
  }

  const copy = async () => {
    setCopyStatus((await props.onCopy()) ? 'copied' : 'failed');
    setTimeout(() => setCopyStatus('idle'), 2000);
  };

  return (
    <div
      class="sidebar"
      role="complementary"
      aria-label={t('sidebarTitle')}
      data-side={props.side ?? 'right'}
      onKeyDown={onKeyDown}
    >
      <ResizeHandle onResize={props.onResize} side={props.side ?? 'right'} t={t} />
      <div class="bar">
        <SidebarBrand highlightCount={props.highlightCount} t={t} />
        {view.kind === 'ready' && (
          <LevelButtons maxLevel={maxLevel} depth={depth} onChange={setMaxLevel} t={t} />
        )}
        {props.onSide && (
          <IconButton name="side" label={t('sidebarSwitchSide')} onClick={props.onSide}>
            ⇆
          </IconButton>
        )}
        <IconButton
          name="collapse"
          label={t('sidebarCollapse')}
          onClick={() => props.onCollapse(true)}
        >
          ›
        </IconButton>
        <IconButton name="close" label={t('sidebarClose')} onClick={props.onClose}>
          ×
        </IconButton>
      </div>
      {/* Focusable itself: the sidebar's focus when it has no outline to focus. */}
      <div class="scroll" ref={listRef} tabIndex={-1}>
        {props.notice}
        {view.kind === 'loading' && <p class="status loading">{t('sidebarLoading')}</p>}
        {view.kind === 'error' && <p class="status error">{t('sidebarError', [view.error])}</p>}
        {view.kind === 'ready' && view.note && <p class="status note">{view.note}</p>}
        {view.kind === 'ready' && (
          <OutlineBody
            outline={view.outline}
            byId={byId}
            maxLevel={maxLevel}
            currentId={currentShown}
            meta={{ fallbackTitle: props.docTitle }}
            emptyText={t('sidebarNoEssay')}
            t={t}
            onSelect={props.onSelect}
            onTreeKey={onTreeKey}
            renderExtra={props.renderNodeExtra}
          >
            {props.children}
          </OutlineBody>
        )}
      </div>
      <div class="foot">
        {view.kind === 'ready' && (
          <button type="button" class="copy" onClick={() => void copy()}>
            {copyStatus === 'copied'
              ? t('sidebarCopied')
              : copyStatus === 'failed'
                ? t('sidebarCopyFailed')
                : t('sidebarCopyMarkdown')}
          </button>
        )}
        <label class="always">
          <input
            type="checkbox"
            checked={props.alwaysOpen}
            onChange={(e) => props.onAlwaysOpen((e.currentTarget as HTMLInputElement).checked)}
          />
          {t('sidebarAlwaysOpen')}
        </label>
      </div>
    </div>
  );
}
