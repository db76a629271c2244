import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { TabStatusView, type TabStatusState } from '@/components/TabStatusView';

const t = (name: string, subs?: string[]) => (subs ? `${name}(${subs.join(',')})` : name);

function show(state: TabStatusState): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<TabStatusView state={state} t={t} />, root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('TabStatusView', () => {
  it('shows the number of points and the title', () => {
    const root = show({
      kind: 'ready',
      status: {
        count: 7,
        title: '论基层治理',
        url: null,
        essay: true,
        highlights: 0,
        saved: false,
      },
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupPointsFound(7)');
    expect(root.querySelector('.count')?.getAttribute('data-count')).toBe('7');
    expect(root.querySelector('.title')?.textContent).toBe('论基层治理');
  });

  it('uses the singular message for one point', () => {
    const root = show({
      kind: 'ready',
      status: { count: 1, title: null, url: null, essay: true, highlights: 0, saved: false },
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupPointFound');
  });

  it('says no essay was found for zero points', () => {
    const root = show({
      kind: 'ready',
      status: { count: 0, title: null, url: null, essay: true, highlights: 0, saved: false },
    });
    expect(root.querySelector('.count')?.textContent).toBe('popupNoEssay');
  });

  it('explains a page that was never analysed, and errors', () => {
    expect(show({ kind: 'ready', status: null }).textContent).toContain('popupNotAnalysed');
    expect(show({ kind: 'error', error: 'boom' }).textContent).toContain('popupError(boom)');
    expect(show({ kind: 'loading' }).textContent).toContain('popupLoading');
  });
});
