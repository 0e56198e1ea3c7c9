import type { AnyNode, ChildNode, Document, Element, Text } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { cleanParagraph, cleanProse, joinParagraphs } from '../shared/text.ts';
import type { Body } from './body.ts';
import { hasChildren, isTag, outerHtml, removeNode } from './dom.ts';
import { NON_TEXT_TAGS } from './html.ts';
import { sanitizedDocument } from './plain-markup.ts';

/** Elements that end one paragraph of text and begin the next. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'caption',
  'figure',
  'figcaption',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'iframe',
  'address',
  'main',
  'nav',
]);
/** Cells sit side by side in a row: a space between them, not a paragraph break. */
const CELL = new Set(['td', 'th']);
const SKIP = new Set(NON_TEXT_TAGS);
/** Elements that are content even without text, so never pruned as empty. */
const MEDIA = new Set(['img', 'iframe', 'hr', 'video', 'audio', 'picture']);

const GAP = ' ';
type Segment = Text | typeof GAP;

/**
 * A sanitized HTML body as paragraphs of text mapped onto its DOM, so that a
 * paragraph (or the start of one) can be cut from the text and the markup
 * alike: links and emphasis around what stays are kept. The DOM comes from
 * htmlparser2 (sanitize-html's own parser), serialized back with its escaping.
 */
export class HtmlBody implements Body {
  readonly paragraphs: readonly string[];
  private readonly document: Document;
  private readonly blocks: Segment[][] = [];
  private readonly dropped = new Set<number>();
  /** Blocks whose text a cut changed; every other block still reads as its entry in `paragraphs`. */
  private readonly changed = new Set<number>();

  constructor(sanitizedHtml: string) {
    this.document =
      sanitizedDocument(sanitizedHtml) ?? parseDocument(sanitizedHtml, { decodeEntities: true });
    let current: Segment[] = [];
    const flush = () => {
      if (current.some((s) => s !== GAP && s.data.trim().length > 0)) this.blocks.push(current);
      current = [];
    };
    // One walk does what used to take three: empty every iframe, clean every text, and gather the
    // text outside non-text elements into blocks. `reading` is false below such an element, whose
    // texts are still cleaned but belong to no paragraph.
    const walk = (node: ChildNode, reading: boolean) => {
      if (node.type === 'text') {
        node.data = cleanProse(node.data);
        if (reading) current.push(node);
        return;
      }
      if (!isTag(node)) {
        if (hasChildren(node)) for (const child of node.children) walk(child, false);
        return;
      }
      // A browser reads an iframe's content as raw text up to "</iframe>", wherever that appears: keep
      // none, so nothing inside one can end it early and start markup of its own.
      if (node.name === 'iframe') node.children = [];
      const inside = reading && !SKIP.has(node.name);
      const block = inside && BLOCK.has(node.name);
      const cell = inside && CELL.has(node.name);
      if (block) flush();
      if (cell) current.push(GAP);
      for (const child of node.children) walk(child, inside);
      if (cell) current.push(GAP);
      if (block) flush();
    };
    for (const node of this.document.children) walk(node, true);
    flush();
    this.paragraphs = this.blocks.map(blockText);
  }

  drop(index: number): void {
    const block = this.blocks[index];
    if (!block || this.dropped.has(index)) return;
    this.dropped.add(index);
    for (const segment of block) if (segment !== GAP) removeText(segment);
  }

  cut(index: number, length: number): void {
    const block = this.blocks[index];
    const paragraph = this.paragraphs[index];
    if (!block || paragraph === undefined || this.dropped.has(index)) return;
    this.changed.add(index);
    // Counted in non-space characters: whitespace is collapsed in the paragraph but not in the DOM.
    let remaining = paragraph.slice(0, length).replace(/\s+/g, '').length;
    for (const segment of block) {
      if (segment === GAP) continue;
      const data = segment.data;
      let k = 0;
      while (k < data.length) {
        const space = /\s/.test(data[k] ?? '');
        if (!space && remaining === 0) break;
        if (!space) remaining--;
        k++;
      }
      if (k === data.length) removeText(segment);
      else {
        segment.data = data.slice(k);
        break;
      }
    }
    if (this.blocks[index]?.every((s) => s === GAP || !s.parent)) this.dropped.add(index);
  }

  text(): string {
    const paragraphs: string[] = [];
    this.blocks.forEach((block, index) => {
      if (this.dropped.has(index)) return;
      // Only a cut changes a block's text nodes (a drop detaches those of its own block alone).
      const text = this.changed.has(index) ? blockText(block) : (this.paragraphs[index] ?? '');
      if (text.length > 0) paragraphs.push(text);
    });
    return joinParagraphs(paragraphs);
  }

  html(): string {
    trimEdges(this.document);
    // 'utf8' leaves "<" raw inside quoted attribute values, which a browser reads as text everywhere except
    // in a raw-text element; the only one the allowlist keeps is <iframe>, emptied in the constructor.
    return outerHtml(this.document.children).trim();
  }
}

function blockText(block: readonly Segment[]): string {
  let joined = '';
  for (const s of block) joined += s === GAP ? GAP : s.parent ? s.data : '';
  return cleanParagraph(joined);
}

function hasContent(node: AnyNode): boolean {
  if (node.type === 'text') return node.data.trim().length > 0;
  if (!isTag(node)) return false;
  return MEDIA.has(node.name) || node.children.some(hasContent);
}

/** Removes a text node, then any element left holding nothing (an emptied <p>, <strong>, <a>). */
function removeText(text: Text): void {
  let parent = text.parent;
  removeNode(text);
  while (parent && parent.type !== 'root' && !hasContent(parent)) {
    const next: Element['parent'] = parent.parent;
    removeNode(parent as ChildNode);
    parent = next;
  }
}

/** Line breaks and blank text left at the very start or end once furniture was cut. */
function trimEdges(document: Document): void {
  const isEdge = (node: ChildNode | undefined) =>
    node !== undefined &&
    ((node.type === 'text' && node.data.trim().length === 0) || (isTag(node) && node.name === 'br'));
  while (isEdge(document.children[0])) removeNode(document.children[0] as ChildNode);
  while (isEdge(document.children[document.children.length - 1])) {
    removeNode(document.children[document.children.length - 1] as ChildNode);
  }
}
