import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import {
  childElements,
  readXmlTree,
  unreadChildren,
  type XmlElement,
} from '../../../lambdas/normalize/parse/xml-tree.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { utf8 } from './fixtures.ts';

describe('readXmlTree', () => {
  it('resolves namespaces, declared or conventional, and xml:lang', () => {
    const doc = readXmlTree('<r xmlns:x="urn:x" xml:lang="fr"><x:a/><dc:date>d</dc:date></r>');
    const root = doc.children[0];
    if (root?.kind !== 'element') throw new Error('no root');
    const [a, date] = root.children;
    expect(a).toMatchObject({ ns: 'urn:x', local: 'a', lang: 'fr' });
    expect(date).toMatchObject({ ns: 'http://purl.org/dc/elements/1.1/', local: 'date' });
  });

  it('rejects absurdly deep nesting with a typed reason instead of recursing without bound', async () => {
    const deep = `<rss><channel>${'<x>'.repeat(400)}${'</x>'.repeat(400)}</channel></rss>`;
    const attempt = parseDocument(utf8(deep));
    await expect(attempt).rejects.toBeInstanceOf(RejectedDocumentError);
    await expect(attempt).rejects.toThrow(/deeper than/);
  });
});

const rootOf = (document: XmlElement): XmlElement => {
  const root = document.children[0];
  if (root?.kind !== 'element') throw new Error('no root');
  return root;
};
const ANY = new Set(['', 'urn:a']);

describe('readXmlTree: entries past maxEntries', () => {
  const channel = (entries: string) =>
    `<rss><channel><title>t</title>${entries}<link>l</link></channel></rss>`;

  it('builds the first entries, counts the rest by name and namespace, and builds nothing inside them', () => {
    const entries = [
      '<item><title>1</title></item>',
      '<item><title>2</title></item>',
      '<item><x><y/></x></item>',
      '<a:item xmlns:a="urn:a"/>',
    ];
    const root = rootOf(readXmlTree(channel(entries.join('')), { maxEntries: 2 }));
    const built = root.children[0] as XmlElement;
    expect(childElements(built, 'item', ANY)).toHaveLength(2);
    expect(unreadChildren(built, 'item', new Set(['']))).toBe(1);
    expect(unreadChildren(built, 'item', new Set(['urn:a']))).toBe(1);
    expect(unreadChildren(built, 'item', ANY)).toBe(2);
    // What follows the entries is still read.
    expect(childElements(built, 'link', ANY)).toHaveLength(1);
    expect(JSON.stringify(built.children.map((c) => (c.kind === 'element' ? c.local : c.raw)))).toBe(
      '["title","item","item","link"]',
    );
  });

  it('counts entries just under the root (RDF, Atom) and under its children, nowhere deeper', () => {
    const rdf = `<rdf><channel/>${'<item/>'.repeat(3)}</rdf>`;
    const root = rootOf(readXmlTree(rdf, { maxEntries: 1 }));
    expect(childElements(root, 'item', ANY)).toHaveLength(1);
    expect(unreadChildren(root, 'item', ANY)).toBe(2);
    const deeper = `<feed><entry>${'<x><entry/></x>'.repeat(3)}</entry></feed>`;
    const entry = childElements(rootOf(readXmlTree(deeper, { maxEntries: 1 })), 'entry', ANY)[0];
    expect(entry?.children).toHaveLength(3);
  });

  it('still rejects nesting too deep inside an entry it does not build', () => {
    const deep = channel(`<item/><item>${'<x>'.repeat(300)}${'</x>'.repeat(300)}</item>`);
    expect(() => readXmlTree(deep, { maxEntries: 1 })).toThrow(/deeper than/);
  });
});

describe('readXmlTree: a bounded number of nodes', () => {
  it('rejects a document of too many elements, or of too many attributes, with a typed reason', () => {
    const errorOf = (xml: string) => {
      try {
        readXmlTree(xml);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const elements = errorOf(`<rss><channel>${'<x/>'.repeat(600_000)}</channel></rss>`);
    expect(elements).toBeInstanceOf(RejectedDocumentError);
    expect(elements).toMatchObject({
      code: 'too-many-nodes',
      message: expect.stringMatching(/more than 500000/),
    });
    const attributes = Array.from({ length: 600_000 }, (_, i) => `a${i}=""`).join(' ');
    expect(errorOf(`<rss ${attributes}/>`)).toMatchObject({ code: 'too-many-nodes' });
  });

  it('does not count what is inside entries past the limit', () => {
    const items = '<item a="1" b="2"><title>t</title></item>'.repeat(120_000);
    const root = rootOf(readXmlTree(`<rss><channel>${items}</channel></rss>`, { maxEntries: 10 }));
    expect(unreadChildren(root.children[0] as XmlElement, 'item', ANY)).toBe(119_990);
  });
});
