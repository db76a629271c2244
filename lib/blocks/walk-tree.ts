/**
 * An iterative pre-order walk over a DOM subtree with enter/exit callbacks.
 * No recursion, so 10,000-level-deep pages cannot overflow the stack.
 */
import { runSteps, stepCounter, type Steps } from '../steps.ts';

/** Callbacks for {@link walkTree}. */
export interface TreeVisitor {
  /** Called on each node in document order; return false to skip its children. */
  enter(node: Node): boolean;
  /** Called after a node's children (or right after `enter` when they are skipped). */
  exit?(node: Node): void;
}

/**
 * Walk `root` and its descendants (see {@link TreeVisitor}). A document is
 * walked as its top-level children in turn (linkedom's doctype has no
 * `nextSibling`, and pages that open with `<head>` have several top-level elements).
 */
export function walkTree(root: Node, visitor: TreeVisitor): void {
  runSteps(walkTreeSteps(root, visitor));
}

/** {@link walkTree} in steps (lib/steps.ts): it yields every {@link STEP_UNITS} nodes entered. */
export function* walkTreeSteps(root: Node, visitor: TreeVisitor): Steps<void> {
  const tick = stepCounter();
  if (isDocumentLike(root)) {
    const tops = Array.from(root.childNodes);
    for (const top of tops) yield* walkSubtree(top, visitor, tick);
    return;
  }
  yield* walkSubtree(root, visitor, tick);
}

/**
 * What is rendered in place of `node`'s own children, when that differs: an open
 * shadow root's contents (web-component pages render their text there; the light
 * children show only through slots), or the nodes assigned to a `<slot>`. Null for
 * an ordinary node. A closed shadow root is out of reach (`shadowRoot` is null).
 */
function composedChildren(node: Node): ArrayLike<Node> | null {
  if (node.nodeType !== ELEMENT_NODE) return null;
  const el = node as Element & { shadowRoot?: ShadowRoot | null };
  const shadow = el.shadowRoot;
  if (shadow && shadow.firstChild) return shadow.childNodes;
  if (el.localName === 'slot') {
    const assigned = (el as HTMLSlotElement).assignedNodes?.();
    if (assigned && assigned.length) return assigned;
  }
  return null;
}

function* walkSubtree(root: Node, visitor: TreeVisitor, tick: () => boolean): Steps<void> {
  let node: Node = root;
  for (;;) {
    if (tick()) yield;
    const entered = visitor.enter(node);
    // Across a shadow boundary or a slot, the rendered children are walked in their
    // turn (a recursion per boundary, a few levels on real pages), then the node is left.
    const composed = entered ? composedChildren(node) : null;
    if (composed)
      for (const child of Array.from(composed)) yield* walkSubtree(child, visitor, tick);
    const first = entered && !composed ? node.firstChild : null;
    if (first) {
      node = first;
      continue;
    }
    for (;;) {
      visitor.exit?.(node);
      if (node === root) return;
      const next = node.nextSibling;
      if (next) {
        node = next;
        break;
      }
      const parent = node.parentNode;
      if (!parent) return; // detached mid-walk: nothing sensible left to visit
      node = parent;
    }
  }
}

/** `nodeType` of elements (the `Node` global is absent under plain Node). */
export const ELEMENT_NODE = 1;
/** `nodeType` of text nodes. */
export const TEXT_NODE = 3;
/** `nodeType` of CDATA sections (XHTML pages keep text in them). */
export const CDATA_SECTION_NODE = 4;

/** `nodeType` of documents. */
export const DOCUMENT_NODE = 9;
/** `nodeType` of document fragments. */
export const DOCUMENT_FRAGMENT_NODE = 11;

/** A document or fragment: a container to walk into that is not an element. */
export function isDocumentLike(node: Node): boolean {
  return node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE;
}

/** The namespace of HTML elements. */
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/**
 * The root element of `doc` when `doc` is an HTML page, else null: a document
 * without a root element (what an empty file, NUL bytes or UTF-16 read as
 * UTF-8 parse to), or an SVG or other XML document, has no article. An XHTML
 * document (an `<html>` root in an XML document) is a page.
 *
 * Only `documentElement` is read: linkedom's `head` and `body` getters throw
 * when there is no root element, and add the element they miss when there is.
 */
export function htmlRootOf(doc: Document): Element | null {
  const root = doc.documentElement ?? null;
  if (!root || !isElement(root) || root.namespaceURI !== HTML_NAMESPACE) return null;
  // HTML documents upper-case tag names, XML documents keep them as written:
  // this tells an XML document apart under linkedom, which (unlike browsers)
  // puts every element of an XML document in the HTML namespace.
  return root.localName === 'html' || root.tagName !== root.localName ? root : null;
}

/**
 * The `<body>` of an HTML page (see {@link htmlRootOf}), found among the
 * top-level elements and their children without linkedom's `body` getter;
 * null when there is none.
 */
export function bodyOf(doc: Document): Element | null {
  if (!htmlRootOf(doc)) return null;
  for (const top of Array.from(doc.childNodes)) {
    if (!isElement(top)) continue;
    if (tagOf(top) === 'body') return top;
    for (const child of Array.from(top.children)) if (tagOf(child) === 'body') return child;
  }
  return null;
}

/** Narrow a node to an element. */
export function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Lower-case local tag name (`o:p` stays `o:p`). */
export function tagOf(el: Element): string {
  return el.tagName.toLowerCase();
}
