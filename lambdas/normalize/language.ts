import { detect } from 'tinyld';

const BCP47 = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** The declared language if it is a BCP 47 tag, else a detected one, else "und". */
export function resolveLanguage(declared: string | undefined, text: string): string {
  const tag = declared?.trim().replace(/_/g, '-');
  if (tag && BCP47.test(tag))
    return tag.toLowerCase().replace(/-([a-z]{2})$/, (_, region: string) => `-${region.toUpperCase()}`);
  // Detection on a handful of words is a guess; below that, say we do not know.
  if (text.length < 40) return 'und';
  const detected = detect(text.slice(0, 2000));
  return detected || 'und';
}
