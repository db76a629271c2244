/**
 * What a page's own scripts can do to the content script, in happy-dom
 * (README → Privacy): the sidebar's host is a plain <div> whose root is
 * closed, none of the sidebar's text is in the page's DOM, a DOM event or a
 * synthetic mouse or key event drives nothing, keys typed inside do not
 * bubble out to the page, and a page that defined our old tag names first
 * changes nothing. The same in real Chromium: tests/e2e/privacy.e2e.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Highlight } from '@/lib/model';
import { controllerOn } from './controller-page.ts';

const NOTE = '这是读者的私人笔记';
const QUOTE = '切实把党的领导贯穿基层治理全过程各方面';
const ESSAY =
  '<h1>论基层治理</h1><h2>一、坚持党建引领</h2>' +
  `<p>一是坚持党的全面领导，${QUOTE}。</p>` +
  '<h2>二、推进共建共治</h2><p>二是完善议事协商机制，让群众的事群众商量着办。</p>';

const stored: Highlight = {
  id: 'h1',
  articleId: 'https://a.cn/p',
  color: 'yellow',
  note: NOTE,
  selectors: [{ kind: 'quote', exact: QUOTE, prefix: '', suffix: '' }],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const setUp = () => controllerOn('https://a.cn/p', ESSAY, { highlights: [stored] });

const ourHosts = () =>
  [...document.documentElement.children].filter((e) => e !== document.head && e !== document.body);
const settle = () => new Promise((r) => setTimeout(r, 80));

afterEach(() => {
  for (const e of ourHosts()) e.remove();
  document.body.innerHTML = '';
});

describe('the page scripts around the content script', () => {
  it('see a plain div with a closed root and none of the sidebar text', async () => {
    const { controller } = setUp();
    await controller.start();
    await settle(); // the highlights' load
    await controller.open();
    const { host, root } = controller.sidebar()!;
    expect(root.textContent).toContain(NOTE);
    expect(host.tagName).toBe('DIV');
    expect(host.shadowRoot).toBeNull();
    expect(ourHosts()).toEqual([host]);
    expect(document.documentElement.outerHTML).not.toContain(NOTE);
    expect(document.documentElement.textContent).not.toContain(NOTE);
    controller.stop();
  });

  it('cannot open the sidebar with a DOM event or a message', async () => {
    const { controller } = setUp();
    await controller.start();
    document.dispatchEvent(new CustomEvent('gangmu:toggle'));
    window.postMessage({ type: 'toggle-sidebar' }, '*');
    await settle();
    expect(controller.isOpen()).toBe(false);
    expect(ourHosts()).toEqual([]);
    controller.stop();
  });

  it('cannot bring up the toolbar with a synthetic selection and mouseup or Shift', async () => {
    const { controller, sent } = setUp();
    await controller.start();
    await settle();
    const text = document.querySelector('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 6);
    window.getSelection()!.removeAllRanges();
    window.getSelection()!.addRange(range);
    document
      .querySelector('p')!
      .dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
    document.dispatchEvent(new KeyboardEvent('keyup', { key: 'Shift', bubbles: true }));
    await settle();
    expect(ourHosts()).toEqual([]);
    expect(sent.filter((r) => r.type === 'put-highlight')).toEqual([]);
    controller.stop();
  });

  it('do not hear keys, input or clicks made inside the sidebar (bubbling listeners)', async () => {
    const { controller } = setUp();
    await controller.start();
    await controller.open();
    const heard: string[] = [];
    for (const type of ['keydown', 'keyup', 'input', 'compositionend', 'click', 'paste'])
      document.addEventListener(type, (e) => heard.push(e.type));
    const inside = controller.sidebar()!.root.querySelector('button')!;
    inside.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    inside.dispatchEvent(new KeyboardEvent('keyup', { key: 'a', bubbles: true, composed: true }));
    inside.dispatchEvent(new InputEvent('input', { data: '笔', bubbles: true, composed: true }));
    inside.dispatchEvent(
      new CompositionEvent('compositionend', { data: '笔记', bubbles: true, composed: true }),
    );
    inside.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    inside.dispatchEvent(new Event('paste', { bubbles: true, composed: true }));
    expect(heard).toEqual([]);
    controller.stop();
  });

  it('that defined our old tag names first change nothing', async () => {
    for (const name of ['gangmu-sidebar', 'gangmu-toolbar'])
      if (!customElements.get(name))
        customElements.define(
          name,
          class extends HTMLElement {
            constructor() {
              super();
              this.attachShadow({ mode: 'open' });
            }
          },
        );
    const { controller } = setUp();
    await controller.start();
    await controller.open();
    expect(controller.isOpen()).toBe(true);
    expect(controller.sidebar()!.root.querySelector('li.node')).not.toBeNull();
    controller.stop();
  });
});
