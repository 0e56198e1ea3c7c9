import type { XmlBases } from './bases.ts';
import { ATOM, MEDIA } from './namespaces.ts';
import type { RawMedia, RawText } from './types.ts';
import { textValue } from './xml-text.ts';
import { attr, childElements, firstChild, type XmlElement } from './xml-tree.ts';

/** Media objects kept per entry: a gallery's first images, not a hostile feed's thousands. */
export const MAX_MEDIA_PER_ITEM = 32;

export interface EntryMedia {
  readonly media: RawMedia[];
  /** `media:description`, for an entry that has no other body or summary. */
  readonly description?: RawText;
}

function optional(element: XmlElement, name: string): Partial<Record<string, string>> {
  const value = attr(element, name)?.trim();
  return value ? { [name]: value } : {};
}

function mediaText(element: XmlElement | undefined): RawText | undefined {
  const value = textValue(element);
  if (!value || !element) return undefined;
  // Media RSS: type="plain" (the default) or "html".
  return { value, type: attr(element, 'type')?.trim().toLowerCase() === 'html' ? 'html' : 'text' };
}

function thumbnails(parent: XmlElement, bases: XmlBases): RawMedia[] {
  return childElements(parent, 'thumbnail', MEDIA).flatMap((element) => {
    const url = attr(element, 'url')?.trim();
    if (!url) return [];
    return [
      {
        url: bases.resolve(url, element),
        kind: 'thumbnail' as const,
        ...optional(element, 'width'),
        ...optional(element, 'height'),
      },
    ];
  });
}

function contents(parent: XmlElement, bases: XmlBases, groupTitle: string | undefined): RawMedia[] {
  return childElements(parent, 'content', MEDIA).flatMap((element) => {
    const url = attr(element, 'url')?.trim();
    const title = textValue(firstChild(element, 'title', MEDIA)) ?? groupTitle;
    const own: RawMedia[] = url
      ? [
          {
            url: bases.resolve(url, element),
            kind: 'content',
            ...optional(element, 'type'),
            ...optional(element, 'medium'),
            ...optional(element, 'width'),
            ...optional(element, 'height'),
            ...(attr(element, 'fileSize')?.trim() ? { size: attr(element, 'fileSize')?.trim() } : {}),
            ...optional(element, 'duration'),
            ...(title ? { title } : {}),
          },
        ]
      : [];
    return [...own, ...thumbnails(element, bases)];
  });
}

function rssEnclosures(entry: XmlElement, core: ReadonlySet<string>, bases: XmlBases): RawMedia[] {
  return childElements(entry, 'enclosure', core).flatMap((element) => {
    const url = attr(element, 'url')?.trim();
    if (!url) return [];
    const size = attr(element, 'length')?.trim();
    return [
      {
        url: bases.resolve(url, element),
        kind: 'enclosure' as const,
        ...optional(element, 'type'),
        ...(size ? { size } : {}),
      },
    ];
  });
}

function atomEnclosures(entry: XmlElement, bases: XmlBases): RawMedia[] {
  return childElements(entry, 'link', ATOM).flatMap((element) => {
    const href = attr(element, 'href')?.trim();
    if (attr(element, 'rel')?.trim() !== 'enclosure' || !href) return [];
    const size = attr(element, 'length')?.trim();
    const title = attr(element, 'title')?.trim();
    return [
      {
        url: bases.resolve(href, element),
        kind: 'enclosure' as const,
        ...optional(element, 'type'),
        ...(size ? { size } : {}),
        ...(title ? { title } : {}),
      },
    ];
  });
}

/**
 * Media RSS (`media:group`, `media:content`, `media:thumbnail`, `media:description`, directly under the
 * entry or in a group), RSS `<enclosure>` and Atom `rel="enclosure"` links of one entry. `core` is the
 * set of namespaces of RSS's own elements, or undefined for Atom.
 */
export function readEntryMedia(
  entry: XmlElement,
  bases: XmlBases,
  core: ReadonlySet<string> | undefined,
): EntryMedia {
  const groups = childElements(entry, 'group', MEDIA);
  const media: RawMedia[] = [
    ...groups.flatMap((group) => [
      ...contents(group, bases, textValue(firstChild(group, 'title', MEDIA))),
      ...thumbnails(group, bases),
    ]),
    ...contents(entry, bases, undefined),
    ...thumbnails(entry, bases),
    ...(core ? rssEnclosures(entry, core, bases) : atomEnclosures(entry, bases)),
  ];
  const description =
    mediaText(firstChild(entry, 'description', MEDIA)) ??
    groups.map((group) => mediaText(firstChild(group, 'description', MEDIA))).find(Boolean) ??
    childElements(entry, 'content', MEDIA)
      .map((content) => mediaText(firstChild(content, 'description', MEDIA)))
      .find(Boolean);
  return { media: media.slice(0, MAX_MEDIA_PER_ITEM), ...(description ? { description } : {}) };
}
