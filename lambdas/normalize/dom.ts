import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';

/**
 * The few DOM operations HtmlBody needs on htmlparser2's (domhandler) nodes.
 * Written here rather than taken from htmlparser2's `DomUtils`, because that
 * namespace pulls dom-serializer and a second copy of `entities` into the
 * Lambda bundle for three small functions. Each one below does what its
 * domutils/dom-serializer namesake does for the nodes a sanitized body holds.
 */

/** An element (domhandler gives <script> and <style> their own types; they are elements too). */
export function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Every node that may hold children, as domutils' hasChildren tells them (an own `children` field). */
export function hasChildren(node: AnyNode): node is ParentNode {
  return Object.hasOwn(node, 'children');
}

/** Detaches a node from its parent and siblings (domutils' removeElement). */
export function removeNode(node: ChildNode): void {
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  if (node.parent) {
    const siblings = node.parent.children;
    const index = siblings.lastIndexOf(node);
    if (index >= 0) siblings.splice(index, 1);
  }
  node.next = null;
  node.prev = null;
  node.parent = null;
}

/** Elements a browser closes itself: no end tag is written for them. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Raw-text parents whose text is written as it is. */
const UNENCODED = new Set([
  'style',
  'script',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
  'plaintext',
  'noscript',
]);

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\u00a0': '&nbsp;' };
const ATTRIBUTE_ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', '\u00a0': '&nbsp;' };
const TEXT_SPECIALS = /[&<>\u00a0]/g;
const ATTRIBUTE_SPECIALS = /["&\u00a0]/g;

function escapeWith(value: string, specials: RegExp, table: Record<string, string>): string {
  specials.lastIndex = 0;
  return specials.test(value) ? value.replace(specials, (c) => table[c] ?? c) : value;
}

/**
 * HTML for the nodes, as dom-serializer writes it with `{ encodeEntities: 'utf8', emptyAttrs: true }`:
 * text escapes only & < > and no-break spaces, attributes only " & and no-break spaces, void elements
 * get no end tag. SVG and MathML (which that serializer writes in XML style) never reach a sanitized
 * body: the allowlist has neither.
 */
export function outerHtml(nodes: readonly AnyNode[]): string {
  let out = '';
  for (const node of nodes) out += renderNode(node);
  return out;
}

function renderNode(node: AnyNode): string {
  switch (node.type) {
    case 'root':
      return outerHtml(node.children);
    case 'directive':
      return `<${node.data}>`;
    case 'comment':
      return `<!--${node.data}-->`;
    case 'cdata':
      return `<![CDATA[${(node.children[0] as { data?: string } | undefined)?.data}]]>`;
    case 'script':
    case 'style':
    case 'tag':
      return renderElement(node);
    case 'text': {
      const data = node.data || '';
      const parent = node.parent;
      return parent && isTag(parent) && UNENCODED.has(parent.name)
        ? data
        : escapeWith(data, TEXT_SPECIALS, TEXT_ESCAPES);
    }
    default:
      return '';
  }
}

function renderElement(element: Element): string {
  let tag = `<${element.name}`;
  for (const key of Object.keys(element.attribs)) {
    tag += ` ${key}="${escapeWith(element.attribs[key] ?? '', ATTRIBUTE_SPECIALS, ATTRIBUTE_ESCAPES)}"`;
  }
  tag += '>';
  if (element.children.length > 0) tag += outerHtml(element.children);
  if (!VOID.has(element.name)) tag += `</${element.name}>`;
  return tag;
}
