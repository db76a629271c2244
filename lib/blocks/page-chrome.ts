/**
 * Recognising page furniture — navigation, sidebars, rankings, footers,
 * comments, share bars — by tag, class and id, the way Readability's
 * "unlikely candidates" do, with the names Chinese CMS templates use.
 */
import { tagOf } from './walk-tree.ts';

/** Tags whose content is never article text. */
export const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'xmp',
  'noembed',
  'noframes',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'object',
  'embed',
  'button',
  'input',
  'select',
  'textarea',
  'option',
  'map',
  'title',
  'meta',
  'link',
  'img',
  'picture',
  'source',
]);

/**
 * Tags whose content the reader never sees, though a DOM may hold it as
 * elements: linkedom parses `<template>`, `<noscript>` and an `<iframe>`'s
 * fallback into elements; `<xmp>` shows markup as source; `<object>`,
 * `<embed>`, `<noembed>` and `<noframes>` hold fallbacks.
 */
const UNSEEN_TAGS = new Set([
  'noscript',
  'template',
  'iframe',
  'xmp',
  'object',
  'embed',
  'noembed',
  'noframes',
]);

/**
 * True for a subtree the reader never sees: an {@link UNSEEN_TAGS} element,
 * or one with the `hidden` attribute or `aria-hidden="true"`. No text under
 * it is read, and it cannot be the article.
 */
export function isUnseen(el: Element): boolean {
  return (
    UNSEEN_TAGS.has(tagOf(el)) ||
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true'
  );
}

/** Tags that end a paragraph (block boxes in the default style sheet). */
export const BLOCK_TAGS = new Set([
  'html',
  'body',
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'summary',
  'ul',
  'menu',
  'legend',
]);

/** Structural tags that are chrome by definition. */
const CHROME_TAGS = new Set(['nav', 'footer', 'aside', 'form']);

/**
 * class/id words of page chrome. `rank|hot|top10` are the 热门排行 lists;
 * `share|fenxiang` share bars; `crumb|position|location|weizhi` breadcrumbs;
 * `xgyd|xgwz|related|tuijian` 相关阅读/推荐.
 */
const CHROME_NAMES =
  /(^|[\s_-])(nav|navbar|menu|footer|foot|bottom|sidebar|side|aside|sider|comment|comments|pinglun|reply|related|relate|recommend|tuijian|xgyd|xgwz|rank|ranking|hot|hotnews|top10|share|fenxiang|bdshare|breadcrumb|crumb|position|location|weizhi|copyright|banner|advert|ad|ads|guanggao|login|search|toolbar|tags|pager|pagination|header|topbar|friendlink|links)([\s_-]|\d|$)/i;

/** Names that mark the article itself; they veto {@link CHROME_NAMES} (e.g. `content-right`). */
const ARTICLE_NAMES = /(article|content|conTxt|contxt|main|text|zhengwen|post|entry|detail|body)/i;

/** True when the element's tag or class/id says it is page chrome. */
export function isChromeElement(el: Element): boolean {
  const tag = tagOf(el);
  if (CHROME_TAGS.has(tag)) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (names.length < 2 || !CHROME_NAMES.test(names)) return false;
  return !ARTICLE_NAMES.test(names);
}

/** The class/id says "this is the article" (a tie-breaker for the fallback scorer). */
export function hasArticleName(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.length > 1 && ARTICLE_NAMES.test(names);
}
