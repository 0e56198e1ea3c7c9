import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { readXmlTree } from '../../../lambdas/normalize/parse/xml-tree.ts';
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
