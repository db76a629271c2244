/**
 * A copy of a document whose elements each carry the index of their live
 * counterpart, so that what a mutating library (Readability) keeps in the copy
 * can be traced back to elements of the page the user sees. Subtrees the
 * reader never sees (see {@link isUnseen}) are left out of the copy, so that
 * Readability cannot choose them as the article.
 */
import { isUnseen } from './page-chrome.ts';
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE } from './walk-tree.ts';

/** The attribute that holds an index into {@link IndexedClone.live}; Readability keeps data-* attributes. */
export const INDEX_ATTR = 'data-gangmu-i';

/** A deep clone of a document and the live elements its index attributes point to. */
export interface IndexedClone {
  clone: Document;
  /** `live[i]` is the element of the original document whose clone has `data-gangmu-i="i"`. */
  live: Element[];
  /**
   * Clone text node → live text node. Readability moves text nodes (keeping their
   * identity) when it rebuilds elements, and not every DOM copies data-* attributes
   * when it renames a `<div>` to `<p>` (linkedom does not), so text is traced too.
   */
  texts: Map<Node, Node>;
}

/**
 * Clone `doc` and tag each element of the clone (never of `doc`) with its
 * index into `live`. Original and clone are walked in lockstep, iteratively.
 */
export function cloneWithIndex(doc: Document): IndexedClone {
  const clone = doc.cloneNode(true) as Document;
  const live: Element[] = [];
  const texts = new Map<Node, Node>();
  // Pair the top-level elements, not just documentElement: linkedom puts <body> beside
  // <head> (no <html>) for pages that open with <head>. Only elements are paired:
  // implementations differ in cloning doctypes and comments.
  const topsA = Array.from(doc.childNodes).filter((n) => n.nodeType === ELEMENT_NODE);
  const topsB = Array.from(clone.childNodes).filter((n) => n.nodeType === ELEMENT_NODE);
  const unseen: Element[] = [];
  for (let i = 0; i < topsA.length && i < topsB.length; i++) {
    tagSubtree(topsA[i] as Element, topsB[i] as Element, live, texts, unseen);
  }
  for (const el of unseen) el.remove();
  return { clone, live, texts };
}

/**
 * Walk `rootA` and its clone `rootB` in lockstep, tagging the clone's
 * elements; clones of unseen elements go to `unseen` instead, untagged.
 */
function tagSubtree(
  rootA: Element,
  rootB: Element,
  live: Element[],
  texts: Map<Node, Node>,
  unseen: Element[],
): void {
  let a: Element = rootA;
  let b: Element = rootB;
  for (;;) {
    const seen = !isUnseen(a);
    if (seen) {
      b.setAttribute(INDEX_ATTR, String(live.length));
      live.push(a);
      pairTexts(a, b, texts);
    } else unseen.push(b);
    const childA = seen ? firstElementOf(a) : null;
    const childB = firstElementOf(b);
    if (childA && childB) {
      a = childA;
      b = childB;
      continue;
    }
    for (;;) {
      if (a === rootA) return;
      const nextA = nextElementOf(a);
      const nextB = nextElementOf(b);
      if (nextA && nextB) {
        a = nextA;
        b = nextB;
        break;
      }
      const upA = a.parentElement;
      const upB = b.parentElement;
      if (!upA || !upB) return;
      a = upA;
      b = upB;
    }
  }
}

/** Pair the direct text children of `a` and its clone `b`, in order. */
function pairTexts(a: Element, b: Element, texts: Map<Node, Node>): void {
  let x = nextTextFrom(a.firstChild);
  let y = nextTextFrom(b.firstChild);
  while (x && y) {
    texts.set(y, x);
    x = nextTextFrom(x.nextSibling);
    y = nextTextFrom(y.nextSibling);
  }
}

function nextTextFrom(node: Node | null): Node | null {
  let c = node;
  while (c && c.nodeType !== TEXT_NODE && c.nodeType !== CDATA_SECTION_NODE) c = c.nextSibling;
  return c;
}

function firstElementOf(node: Node): Element | null {
  let c = node.firstChild;
  while (c && c.nodeType !== ELEMENT_NODE) c = c.nextSibling;
  return c as Element | null;
}

function nextElementOf(node: Node): Element | null {
  let c = node.nextSibling;
  while (c && c.nodeType !== ELEMENT_NODE) c = c.nextSibling;
  return c as Element | null;
}

/** The live element a clone element stands for, or null for elements the library created. */
export function liveOf(el: Element, live: readonly Element[]): Element | null {
  const raw = el.getAttribute(INDEX_ATTR);
  if (raw === null) return null;
  return live[Number(raw)] ?? null;
}
