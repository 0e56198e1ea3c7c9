import type { RawItem } from './types.ts';
import { textValue } from './xml-text.ts';
import { attr, childElements, firstChild, type XmlElement } from './xml-tree.ts';

/** RFC 6721 (The Atom "deleted-entry" Element). */
export const TOMBSTONES_NS = 'http://purl.org/atompub/tombstones/1.0';
const TOMBSTONES = new Set<string>([TOMBSTONES_NS]);

/**
 * The entries a feed says were deleted: `at:deleted-entry ref="…" when="…"`, each read as a kill of the
 * earlier item whose id (Atom) or guid (RSS, where no convention of its own exists) is `ref`. The
 * optional `at:comment` becomes the kill's text. Numbered after the feed's entries (`firstPosition`).
 */
export function readTombstones(parent: XmlElement, firstPosition: number): RawItem[] {
  return childElements(parent, 'deleted-entry', TOMBSTONES).flatMap((element, index) => {
    const ref = attr(element, 'ref')?.trim();
    if (!ref) return [];
    const item: RawItem = {
      guid: ref,
      pubStatus: 'canceled',
      authors: [],
      categories: [],
      position: firstPosition + index,
    };
    const when = attr(element, 'when')?.trim();
    if (when) item.updated = when;
    const comment = textValue(firstChild(element, 'comment', TOMBSTONES));
    if (comment) item.content = { value: comment, type: 'text' };
    return [item];
  });
}
