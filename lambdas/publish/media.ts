import type { ItemMedia } from '../shared/envelope.ts';

/** ninjs `rel` of an association that is one of the item's media objects (docs/consumers.md). */
export const MEDIA_RELS = { content: 'syndicate:media', enclosure: 'syndicate:enclosure' } as const;

const NINJS_TYPES = { image: 'picture', video: 'video', audio: 'audio' } as const;

function rendition(name: string, media: ItemMedia): Record<string, unknown> {
  return {
    name,
    href: media.href,
    ...(media.contentType ? { contentType: media.contentType } : {}),
    ...(media.title ? { title: media.title } : {}),
    ...(media.width ? { width: media.width } : {}),
    ...(media.height ? { height: media.height } : {}),
    ...(media.sizeInBytes !== undefined ? { sizeInBytes: media.sizeInBytes } : {}),
    ...(media.duration !== undefined ? { duration: media.duration } : {}),
  };
}

/** The item's thumbnails (Media RSS `media:thumbnail`, JSON Feed `image`) as ninjs renditions named "thumbnail". */
export function thumbnailRenditions(media: readonly ItemMedia[] | undefined): Record<string, unknown>[] {
  return (media ?? []).filter((m) => m.rel === 'thumbnail').map((m) => rendition('thumbnail', m));
}

/**
 * Media content and enclosures as associated ninjs objects: the media URL as `uri`, the generic type
 * where the medium says it, and one "original" rendition carrying its href and technical facts.
 */
export function mediaAssociations(media: readonly ItemMedia[] | undefined): Record<string, unknown>[] {
  return (media ?? [])
    .filter((m) => m.rel !== 'thumbnail')
    .map((m, index) => {
      const type =
        m.medium && m.medium in NINJS_TYPES ? NINJS_TYPES[m.medium as keyof typeof NINJS_TYPES] : undefined;
      return {
        name: m.title ?? `${m.rel === 'enclosure' ? 'enclosure' : 'media'} ${index + 1}`,
        uri: m.href,
        rel: MEDIA_RELS[m.rel === 'enclosure' ? 'enclosure' : 'content'],
        ...(type ? { type } : {}),
        renditions: [rendition('original', m)],
      };
    });
}
