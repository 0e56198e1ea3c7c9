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
  /** Whether `base` comes from an xml:base on this element or an ancestor (else it is the document's location). */
  readonly xmlBase: boolean;
  /** Effective xml:lang. */
  readonly lang: string | undefined;
  readonly scope: ReadonlyMap<string, string>;
  /**
   * Entries (see `readXmlTree`'s `maxEntries`) among this element's children that were counted but
   * not built, by `entryKey`. Absent when there were none.
   */
  unread?: Map<string, number>;
}

export type XmlNode = XmlElement | XmlText;

const MAX_DEPTH = 256;
/**
 * Elements, attributes and text runs read at most, outside entries past the limit. Each costs a few
 * hundred bytes in the tree (and attributes as much in htmlparser2's own object first), so a 20 MB
 * document of empty elements would need over a gigabyte; this is some 150 MB. The largest real feed we
 * hold has under a thousand nodes, and 5,000 entries of 100 nodes each would still fit.
 */
const MAX_NODES = 500_000;

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

export interface XmlTreeOptions {
  /** Reads one namespace URI as another (a feed that invented its own URI for Atom is still Atom). */
  readonly aliases?: ReadonlyMap<string, string>;
  /** Base URL of the whole document, when known. */
  readonly location?: string;
  /**
   * Entries built at most: elements named `item` or `entry` just under the root element or under one of
   * its children, where RSS, RDF and Atom keep theirs. Later ones are counted in their parent's
   * `unread`, and nothing inside them is built.
   */
  readonly maxEntries?: number;
}

const ENTRY_NAMES = new Set(['item', 'entry']);

/** The key of `XmlElement.unread` for entries with this local name and namespace. */
const entryKey = (local: string, ns: string): string => `${local} ${ns}`;

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
 * The tree costs a few hundred bytes a node, so a 20 MB feed of tiny items would need gigabytes:
 * `maxEntries` keeps it to the entries that will be processed, and past MAX_NODES the document is
 * rejected.
 */
export function readXmlTree(xml: string, options: XmlTreeOptions = {}): XmlElement {
  const { aliases = new Map<string, string>(), location, maxEntries = Number.POSITIVE_INFINITY } = options;
  const rootScope = new Map<string, string>([['xml', NS.xml]]);
  const document: XmlElement = {
    kind: 'element',
    ns: '',
    local: '#document',
    qname: '#document',
    attrs: [],
    children: [],
    base: location,
    xmlBase: false,
    lang: undefined,
    scope: rootScope,
  };
  const stack: XmlElement[] = [document];
  let cdata = false;
  /** Open elements inside an entry past `maxEntries`, the entry included: read, not built. */
  let unreadDepth = 0;
  let entries = 0;
  let skippedDepth = 0;
  let tooDeep = false;
  let nodes = 0;
  let countAttributes = true;
  // stack is [document, root, child of root, ...]: entries are children of the root or of one of its children.
  const isEntryPlace = () => stack.length === 2 || stack.length === 3;
  /** Counts a node about to be built; false (and reading stops) once there are too many. */
  const build = (): boolean => {
    if (++nodes <= MAX_NODES) return true;
    parser.pause();
    return false;
  };
  const parser = new Parser(
    {
      onopentagname(name) {
        // Attributes are counted as htmlparser2 reads them, before it gathers them into one object for
        // onopentag; those of an element that will not be built do not count.
        countAttributes =
          skippedDepth === 0 &&
          unreadDepth === 0 &&
          !(entries >= maxEntries && isEntryPlace() && ENTRY_NAMES.has(split(name)[1]));
      },
      onattribute() {
        if (countAttributes) build();
      },
      onopentag(name, attribs) {
        const parent = stack[stack.length - 1] ?? document;
        if (stack.length + unreadDepth > MAX_DEPTH || skippedDepth > 0) {
          tooDeep = true;
          skippedDepth++;
          // The document is rejected below whatever follows: stop reading it, since htmlparser2's own
          // stack of open elements makes each deeper level dearer than the last.
          parser.pause();
          return;
        }
        if (unreadDepth > 0) {
          unreadDepth++;
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
        const [prefix, local] = split(name);
        const ns = lookup(scope, prefix ?? '', aliases);
        if (isEntryPlace() && ENTRY_NAMES.has(local) && entries++ >= maxEntries) {
          const unread = parent.unread ?? new Map<string, number>();
          const key = entryKey(local, ns);
          unread.set(key, (unread.get(key) ?? 0) + 1);
          parent.unread = unread;
          unreadDepth = 1;
          return;
        }
        if (!build()) {
          unreadDepth = 1;
          return;
        }
        const attrs: XmlAttr[] = [];
        for (const [key, value] of Object.entries(attribs)) {
          if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
          const [attrPrefix, attrLocal] = split(key);
          attrs.push({
            ns: attrPrefix === undefined ? '' : lookup(scope, attrPrefix, aliases),
            local: attrLocal,
            qname: key,
            value: decodeEntities(value),
          });
        }
        const xmlBase = attrs.find((a) => a.ns === NS.xml && a.local === 'base')?.value;
        const xmlLang = attrs.find((a) => a.ns === NS.xml && a.local === 'lang')?.value.trim();
        const element: XmlElement = {
          kind: 'element',
          ns,
          local,
          qname: name,
          attrs,
          children: [],
          base: xmlBase === undefined ? parent.base : resolveUrl(xmlBase, parent.base),
          xmlBase: xmlBase !== undefined || parent.xmlBase,
          lang: xmlLang === undefined ? parent.lang : xmlLang || undefined,
          scope,
        };
        parent.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (skippedDepth > 0) skippedDepth--;
        else if (unreadDepth > 0) unreadDepth--;
        else if (stack.length > 1) stack.pop();
      },
      ontext(data) {
        if (skippedDepth > 0 || unreadDepth > 0 || !build()) return;
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
  if (nodes > MAX_NODES) {
    throw new RejectedDocumentError(
      'too-many-nodes',
      `XML has more than ${MAX_NODES} elements, attributes and text runs: too many to read`,
    );
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

/** Entries matching a local name in one of the given namespaces that were counted but not built. */
export function unreadChildren(parent: XmlElement, local: string, namespaces: ReadonlySet<string>): number {
  if (!parent.unread) return 0;
  let count = 0;
  for (const ns of namespaces) count += parent.unread.get(entryKey(local, ns)) ?? 0;
  return count;
}
