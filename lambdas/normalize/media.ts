import type { ItemMedia } from '../shared/envelope.ts';
import { looseText } from './inline.ts';
import type { RawMedia } from './parse/types.ts';
import { httpUrl } from './urls.ts';

const MEDIUMS = new Set(['image', 'audio', 'video', 'document', 'executable']);
// A MIME type as written, bounded: it travels to consumers as a ninjs contentType.
const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

function integer(value: string | undefined, min: number): number | undefined {
  if (value === undefined || !/^\s*\d{1,15}\s*$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min ? number : undefined;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d{1,9}(?:\.\d{1,6})?\s*$/.test(value)) return undefined;
  return Number(value);
}

/** The medium, as declared or as the MIME type's top-level type implies. */
function mediumOf(raw: RawMedia, contentType: string | undefined): ItemMedia['medium'] {
  const declared = raw.medium?.trim().toLowerCase();
  if (declared && MEDIUMS.has(declared)) return declared as ItemMedia['medium'];
  if (raw.kind === 'thumbnail') return 'image';
  const top = contentType?.split('/', 1)[0];
  return top === 'image' || top === 'audio' || top === 'video' ? top : undefined;
}

/**
 * The entry's media as they go on: absolute http(s) URLs only (a relative one left unresolved, or a
 * script URL, is dropped), one entry per URL and role, numbers only where they are whole numbers.
 */
export function normalizeMedia(raws: readonly RawMedia[] | undefined, base: string | undefined): ItemMedia[] {
  if (!raws) return [];
  const seen = new Set<string>();
  const out: ItemMedia[] = [];
  for (const raw of raws) {
    const href = httpUrl(raw.url, base)?.href;
    if (!href || seen.has(`${raw.kind} ${href}`)) continue;
    seen.add(`${raw.kind} ${href}`);
    const type = raw.type?.trim().toLowerCase().split(';', 1)[0]?.trim();
    const contentType = type && MIME.test(type) ? type : undefined;
    const medium = mediumOf(raw, contentType);
    const width = integer(raw.width, 1);
    const height = integer(raw.height, 1);
    const sizeInBytes = integer(raw.size, 0);
    const duration = seconds(raw.duration);
    const title = raw.title ? looseText(raw.title) : undefined;
    out.push({
      href,
      rel: raw.kind,
      ...(contentType ? { contentType } : {}),
      ...(medium ? { medium } : {}),
      ...(width ? { width } : {}),
      ...(height ? { height } : {}),
      ...(sizeInBytes !== undefined ? { sizeInBytes } : {}),
      ...(duration !== undefined ? { duration } : {}),
      ...(title ? { title } : {}),
    });
  }
  return out;
}
