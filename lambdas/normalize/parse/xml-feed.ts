import type { SourceFormat } from '../../shared/envelope.ts';
import { RejectedDocumentError } from '../../shared/errors.ts';
import { stripDoctype } from '../../shared/format/dtd.ts';
import { readAtom } from './atom.ts';
import { MAX_ITEMS_PER_DOCUMENT } from './limits.ts';
import { ATOM, NS } from './namespaces.ts';
import { readRss } from './rss.ts';
import type { ParsedDocument } from './types.ts';
import { attr, isElement, readXmlTree, type XmlElement } from './xml-tree.ts';

function rootElement(document: XmlElement): XmlElement {
  const root = document.children.find(isElement);
  if (!root) throw new RejectedDocumentError('not-xml', 'document has no root element');
  return root;
}

/**
 * RSS 0.9x/2.0, RSS 1.0/0.90 (RDF) and Atom 1.0/0.3. The format comes from the
 * root element as parsed; `detected` (from the first bytes) only breaks ties.
 * `location`, when known, is the base URL of the whole document.
 */
export function parseXmlFeed(xml: string, detected: SourceFormat, location?: string): ParsedDocument {
  const text = stripDoctype(xml).text;
  const options = { location, maxEntries: MAX_ITEMS_PER_DOCUMENT };
  const root = rootElement(readXmlTree(text, options));
  const name = root.local.toLowerCase();
  if (name === 'rss') return readRss(root, 'rss', location);
  if (name === 'rdf') return readRss(root, 'rdf', location);
  if (name === 'feed' && ATOM.has(root.ns)) return readAtom(root, location);
  if (name === 'feed') {
    // An Atom feed under a namespace of its producer's invention: read it again with that URI taken as Atom.
    const atom = attr(root, 'version')?.trim() === '0.3' ? NS.atom03 : NS.atom10;
    return readAtom(
      rootElement(readXmlTree(text, { ...options, aliases: new Map([[root.ns, atom]]) })),
      location,
    );
  }
  if (name === 'channel') return readRss(root, detected === 'rdf' ? 'rdf' : 'rss', location);
  throw new RejectedDocumentError('unknown-xml', `XML root element <${root.qname}> is not RSS, RDF or Atom`);
}
