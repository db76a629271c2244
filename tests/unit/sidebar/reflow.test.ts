import { afterEach, describe, expect, it } from 'vitest';
import { reflowBeside } from '@/content/reflow';

const root = () => document.documentElement;

afterEach(() => {
  root().removeAttribute('style');
});

describe('reflowBeside', () => {
  it('gives the page a right margin of the sidebar width, and takes it back', () => {
    const r = reflowBeside(document, 360);
    expect(root().style.getPropertyValue('margin-right')).toBe('360px');
    expect(root().style.getPropertyPriority('margin-right')).toBe('important');
    expect(root().style.getPropertyValue('width')).toBe('auto');
    r.setWidth(40);
    expect(root().style.getPropertyValue('margin-right')).toBe('40px');
    r.restore();
    expect(root().hasAttribute('style')).toBe(false);
  });

  it("puts back the page's own inline values", () => {
    root().style.setProperty('margin-right', '12px');
    root().style.setProperty('width', '100%', 'important');
    const r = reflowBeside(document, 300);
    expect(root().style.getPropertyValue('width')).toBe('auto');
    r.restore();
    expect(root().style.getPropertyValue('margin-right')).toBe('12px');
    expect(root().style.getPropertyValue('width')).toBe('100%');
    expect(root().style.getPropertyPriority('width')).toBe('important');
  });

  it('makes room on the left for a sidebar moved there, and gives the right back', () => {
    const r = reflowBeside(document, 360);
    r.setWidth(300, 'left');
    expect(root().style.getPropertyValue('margin-left')).toBe('300px');
    expect(root().style.getPropertyValue('margin-right')).toBe('');
    r.restore();
    expect(root().hasAttribute('style')).toBe(false);
  });
});
