// The light model (~70 KB, the most common languages) keeps the normalize bundle under 1 MB; the normal one is 735 KB.
import { detect } from 'tinyld/light';

// BCP 47 with a 2–3 letter primary language (Intl alone also accepts 5–8 letter words like "english").
const SHAPE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;
/** Below this many characters detection is a guess; "und" is the honest answer. */
const MIN_DETECT_CHARS = 40;
// tinyld costs about a millisecond per call; a thousand characters already settle the language.
const MAX_DETECT_CHARS = 1000;

/** Canonical forms already worked out: a feed declares one language for all its items. */
const CANONICAL = new Map<string, string | undefined>();
const MAX_CANONICAL = 256;

/** The tag in canonical BCP 47 form ("en-us" → "en-US"), or undefined if it is not one. */
export function canonicalLanguage(declared: string | undefined): string | undefined {
  const tag = declared?.trim().replace(/_/g, '-');
  if (!tag || !SHAPE.test(tag)) return undefined;
  // Intl.getCanonicalLocales costs more than the rest of resolving an item's language.
  if (CANONICAL.has(tag)) return CANONICAL.get(tag);
  const canonical = canonicalize(tag);
  if (CANONICAL.size >= MAX_CANONICAL) CANONICAL.clear();
  CANONICAL.set(tag, canonical);
  return canonical;
}

function canonicalize(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    // Intl throws RangeError for malformed tags ("en-", "e1-us"): that is the answer, not a failure.
    return undefined;
  }
}

/** The declared language if it is a BCP 47 tag, else a detected one, else "und". */
export function resolveLanguage(declared: string | undefined, text: string): string {
  const tag = canonicalLanguage(declared);
  if (tag) return tag;
  if (text.length < MIN_DETECT_CHARS) return 'und';
  return canonicalLanguage(detect(text.slice(0, MAX_DETECT_CHARS))) ?? 'und';
}
