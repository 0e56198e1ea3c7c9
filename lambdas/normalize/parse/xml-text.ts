import { VOID_ELEMENTS } from '../html-elements.ts';
import { decodeEntities, escapeHtml } from './entities.ts';
import { NS } from './namespaces.ts';
import type { RawText } from './types.ts';
import { attr, isElement, type XmlElement, type XmlNode } from './xml-tree.ts';

/** The element's text, character data only, entities decoded (markup of children dropped). */
export function textOf(element: XmlElement): string {
  let out = '';
  for (const node of element.children) {
    if (isElement(node)) out += textOf(node);
    else out += node.cdata ? node.raw : decodeEntities(node.raw);
  }
  return out;
}

/** The element's trimmed text, or undefined when it has none. */
export function textValue(element: XmlElement | undefined): string | undefined {
  const text = element ? textOf(element).trim() : '';
  return text.length > 0 ? text : undefined;
}

function serialize(node: XmlNode): string {
  if (!isElement(node)) return node.cdata ? escapeHtml(node.raw) : node.raw;
  // Markup inside a feed element is HTML in (X)HTML's namespace or none; a prefix is dropped.
  const name = node.local.toLowerCase();
  const attributes = node.attrs
    .filter((a) => a.ns === '' || a.ns === NS.xhtml || a.ns === NS.xml)
    .map((a) => ` ${a.ns === NS.xml ? `xml:${a.local}` : a.local}="${escapeHtml(a.value)}"`)
    .join('');
  const inner = node.children.map(serialize).join('');
  if (inner.length === 0 && VOID_ELEMENTS.has(name)) return `<${name}${attributes} />`;
  return `<${name}${attributes}>${inner}</${name}>`;
}

/** The element's content as markup, child elements kept as HTML. */
export function innerMarkup(element: XmlElement): string {
  return element.children.map(serialize).join('');
}

function hasElementChildren(element: XmlElement): boolean {
  return element.children.some(isElement);
}

/**
 * RSS fields carry escaped HTML as text; some producers put the markup in
 * unescaped instead (mixed content). Both come out as one HTML string, and no
 * text after a child element is lost.
 */
export function rssHtml(element: XmlElement | undefined): RawText | undefined {
  if (!element) return undefined;
  const value = (hasElementChildren(element) ? innerMarkup(element) : textOf(element)).trim();
  return value.length > 0 ? { value, type: 'html' } : undefined;
}

function xhtmlInner(element: XmlElement): string {
  const elements = element.children.filter(isElement);
  const onlyText = element.children.every((n) => isElement(n) || n.raw.trim().length === 0);
  const wrapper = elements.length === 1 && onlyText ? elements[0] : undefined;
  // Atom requires one XHTML div around xhtml content; it is a container, not content.
  if (wrapper && wrapper.local === 'div' && (wrapper.ns === NS.xhtml || wrapper.ns === '')) {
    return innerMarkup(wrapper);
  }
  return innerMarkup(element);
}

/** Base64 content as UTF-8 text, or undefined when it is binary (an image, say) rather than text. */
function decodeBase64(value: string): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value.replace(/\s+/g, ''), 'base64'));
  } catch {
    return undefined;
  }
}

function isXmlType(type: string): boolean {
  return type === 'xhtml' || type.endsWith('+xml') || type.endsWith('/xml');
}

/**
 * An Atom text construct (title, subtitle, summary, content, rights) as a
 * RawText. Atom 1.0 says `type` is text|html|xhtml or a MIME type (any other
 * than text/* and XML is base64, RFC 4287 4.1.3.3); Atom 0.3 used MIME types
 * plus `mode` (xml|escaped|base64).
 */
export function atomText(element: XmlElement | undefined): RawText | undefined {
  if (!element) return undefined;
  const type = attr(element, 'type')?.trim().toLowerCase() || 'text';
  const mode = attr(element, 'mode')?.trim().toLowerCase();
  let value: string | undefined;
  let kind: RawText['type'] = 'html';
  if (isXmlType(type) || mode === 'xml') {
    value = xhtmlInner(element);
  } else if (hasElementChildren(element)) {
    // Markup where text was declared: keep it as markup rather than lose the text after it.
    value = innerMarkup(element);
  } else {
    const base64 =
      mode === 'base64' || (!mode && !['text', 'html'].includes(type) && !type.startsWith('text/'));
    value = base64 ? decodeBase64(textOf(element)) : textOf(element);
    if (type === 'text' || (type.startsWith('text/') && type !== 'text/html')) kind = 'text';
  }
  value = value?.trim();
  return value ? { value, type: kind } : undefined;
}
