import { Parser } from 'htmlparser2';
import { RejectedDocumentError } from '../../shared/errors.ts';
import { decodeEntities } from './entities.ts';
import { CONVENTIONAL_PREFIXES, NS } from './namespaces.ts';

export interface XmlAttr {
  readonly ns: string;
  readonly local: string;
  readonly qname: string;
  /** Entity-decoded value. */
  readonly value: string;
}

export interface XmlText {
  readonly kind: 'text';
  /** As written: entities still encoded unless `cdata`. */
  readonly raw: string;
  readonly cdata: boolean;
}

export interface XmlElement {
  readonly kind: 'element';
  readonly ns: string;
  readonly local: string;
  readonly qname: string;
  readonly attrs: XmlAttr[];
  readonly children: XmlNode[];
  /** Effective xml:base (absolute when it could be resolved). */
  readonly base: string | undefined;
  /** Effective xml:lang. */
  readonly lang: string | undefined;
  readonly scope: ReadonlyMap<string, string>;
}

export type XmlNode = XmlElement | XmlText;

const MAX_DEPTH = 256;

/** Resolves a reference against a base; leaves it as written if either is not a usable URL. */
export function resolveUrl(reference: string, base: string | undefined): string {
  const ref = reference.trim();
  if (!base) return ref;
  try {
    return new URL(ref, base).href;
  } catch {
    return ref;
  }
}

function split(qname: string): [string | undefined, string] {
  const colon = qname.indexOf(':');
  return colon < 0 ? [undefined, qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function lookup(
  scope: ReadonlyMap<string, string>,
  prefix: string,
  aliases: ReadonlyMap<string, string>,
): string {
  const uri =
    scope.get(prefix) ?? CONVENTIONAL_PREFIXES[prefix] ?? CONVENTIONAL_PREFIXES[prefix.toLowerCase()] ?? '';
  return aliases.get(uri) ?? uri;
}

/**
 * Reads XML into a small namespace-resolved tree with xml:base and xml:lang
 * already worked out per element.
 *
 * Why not rss-parser's own reading (xml2js/sax, strict): it throws on the first
 * well-formedness slip (an unclosed tag, an HTML entity, a bare `&`), loses text
 * after a child element, and keeps neither xml:base nor the markup of XHTML
 * content. htmlparser2 in xmlMode recovers from all of those the way feed
 * readers are expected to. Entities are not decoded by the tokenizer here so
 * that XHTML content can be re-serialised exactly as written; text is decoded
 * on reading (see `decodeEntities`).
 *
 * `aliases` reads one namespace URI as another (a feed that invented its own
 * URI for Atom is still Atom).
 */
export function readXmlTree(
  xml: string,
  aliases: ReadonlyMap<string, string> = new Map(),
  location?: string,
): XmlElement {
  const rootScope = new Map<string, string>([['xml', NS.xml]]);
  const document: XmlElement = {
    kind: 'element',
    ns: '',
    local: '#document',
    qname: '#document',
    attrs: [],
    children: [],
    base: location,
    lang: undefined,
    scope: rootScope,
  };
  const stack: XmlElement[] = [document];
  let cdata = false;
  let skippedDepth = 0;
  let tooDeep = false;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1] ?? document;
        if (stack.length > MAX_DEPTH || skippedDepth > 0) {
          tooDeep = true;
          skippedDepth++;
          // The document is rejected below whatever follows: stop reading it, since htmlparser2's own
          // stack of open elements makes each deeper level dearer than the last.
          parser.pause();
          return;
        }
        // Elements share their parent's scope unless they declare namespaces of their own.
        const declarations = Object.entries(attribs).filter(
          ([key]) => key === 'xmlns' || key.startsWith('xmlns:'),
        );
        let scope = parent.scope;
        if (declarations.length > 0) {
          const own = new Map(parent.scope);
          for (const [key, value] of declarations)
            own.set(key === 'xmlns' ? '' : key.slice(6), decodeEntities(value).trim());
          scope = own;
        }
        const attrs: XmlAttr[] = [];
        for (const [key, value] of Object.entries(attribs)) {
          if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
          const [prefix, local] = split(key);
          attrs.push({
            ns: prefix === undefined ? '' : lookup(scope, prefix, aliases),
            local,
            qname: key,
            value: decodeEntities(value),
          });
        }
        const [prefix, local] = split(name);
        const xmlBase = attrs.find((a) => a.ns === NS.xml && a.local === 'base')?.value;
        const xmlLang = attrs.find((a) => a.ns === NS.xml && a.local === 'lang')?.value.trim();
        const element: XmlElement = {
          kind: 'element',
          ns: lookup(scope, prefix ?? '', aliases),
          local,
          qname: name,
          attrs,
          children: [],
          base: xmlBase === undefined ? parent.base : resolveUrl(xmlBase, parent.base),
          lang: xmlLang === undefined ? parent.lang : xmlLang || undefined,
          scope,
        };
        parent.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (skippedDepth > 0) skippedDepth--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        if (skippedDepth > 0) return;
        const parent = stack[stack.length - 1] ?? document;
        parent.children.push({ kind: 'text', raw: data, cdata });
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    { xmlMode: true, decodeEntities: false, recognizeCDATA: true, recognizeSelfClosing: true },
  );
  parser.end(xml);
  if (tooDeep) {
    throw new RejectedDocumentError('too-deep', `XML nesting deeper than ${MAX_DEPTH} elements`);
  }
  return document;
}

export function isElement(node: XmlNode): node is XmlElement {
  return node.kind === 'element';
}

/** Direct child elements matching a local name in one of the given namespaces. */
export function childElements(
  parent: XmlElement,
  local: string,
  namespaces: ReadonlySet<string>,
): XmlElement[] {
  return parent.children.filter(
    (node): node is XmlElement => isElement(node) && node.local === local && namespaces.has(node.ns),
  );
}

export function firstChild(
  parent: XmlElement,
  local: string,
  namespaces: ReadonlySet<string>,
): XmlElement | undefined {
  return childElements(parent, local, namespaces)[0];
}

export function attr(element: XmlElement, local: string, ns = ''): string | undefined {
  return element.attrs.find((a) => a.local === local && a.ns === ns)?.value;
}
