import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TabStatusView, type TabStatusState } from '@/components/TabStatusView';
import type { TabStatus } from '@/protocol/messages';

const t = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);

function show(state: TabStatusState): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<TabStatusView state={state} t={t} />, root);
  return root;
}

/** A tab's status: an essay counted by the engine, with `change` applied. */
const status = (change: Partial<TabStatus> = {}): TabStatus => ({
  count: 7,
  title: null,
  url: null,
  essay: true,
  exact: true,
  highlights: 0,
  saved: false,
  ...change,
});

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TabStatusView', () => {
  it('shows the number of points and the title', () => {
    const root = show({
      kind: 'ready',
      status: status({ count: 7, title: '论基层治理' }),
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupPointsFound(7)');
    expect(root.querySelector('.count')?.getAttribute('data-count')).toBe('7');
    expect(root.querySelector('.title')?.textContent).toBe('论基层治理');
  });

  it('uses the singular message for one point', () => {
    const root = show({
      kind: 'ready',
      status: status({ count: 1, title: null }),
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupPointFound');
  });

  it('says no essay was found for zero points', () => {
    const root = show({
      kind: 'ready',
      status: status({ count: 0, title: null }),
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupNoEssay');
  });

  it('states no number before the engine has counted: the quick check only says "an essay"', () => {
    const root = show({
      kind: 'ready',
      status: status({ count: 149, exact: false, highlights: 2 }),
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupEstimate');
    expect(root.querySelector('.count')?.hasAttribute('data-count')).toBe(false);
    expect(root.textContent).not.toContain('149');
    // Highlights are shown on every page.
    expect(root.querySelector('.highlights')?.getAttribute('data-highlights')).toBe('2');
  });

  it('explains a page that was never analysed, and errors', () => {
    expect(show({ kind: 'ready', status: null }).textContent).toContain('popupNotAnalysed');
    expect(show({ kind: 'error', error: 'boom' }).textContent).toContain('popupError(boom)');
    expect(show({ kind: 'loading' }).textContent).toContain('popupLoading');
  });
});
