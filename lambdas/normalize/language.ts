/** tinyld's `detect`: ISO 639-1 code of the likeliest language, or '' when it cannot tell. */
type Detect = (text: string) => string;

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

let detect: Detect | undefined;
let loading: Promise<void> | undefined;

/** Whether resolving this declared language may need the detector: it is missing or not a BCP 47 tag. */
export function needsDetection(declared: string | undefined): boolean {
  return canonicalLanguage(declared) === undefined;
}

/**
 * Loads the language detector once per process. tinyld decodes its model when
 * its module is evaluated (~20 ms), and most feeds declare their language (RSS
 * `<language>`, Atom `xml:lang`, JSON Feed `language`), so it is loaded only for
 * a document with an item that declares none: a cold start whose documents all
 * declare one never pays for it, which is why this is not merely work moved to
 * the first invocation. A dynamic import, which esbuild keeps lazy in the
 * single-file Lambda bundle. The light model (~70 KB, the most common
 * languages) keeps that bundle under 1 MB; the normal one is 735 KB.
 */
export function loadLanguageDetector(): Promise<void> {
  loading ??= import('tinyld/light').then(
    (tinyld) => {
      detect = tinyld.detect;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * The declared language if it is a BCP 47 tag, else a detected one, else "und".
 * Detection needs `loadLanguageDetector()` settled first (normalizeDocument sees to it).
 */
export function resolveLanguage(declared: string | undefined, text: string): string {
  return canonicalLanguage(declared) ?? detectLanguage(text);
}

/** Whether text is long enough to detect a language in; shorter is "und" whatever the feed. */
export function detectable(text: string): boolean {
  return text.length >= MIN_DETECT_CHARS;
}

/** The detected language of text (its first MAX_DETECT_CHARS), else "und". */
export function detectLanguage(text: string): string {
  if (!detectable(text)) return 'und';
  if (!detect) throw new Error('language detection needs loadLanguageDetector() to have settled first');
  return canonicalLanguage(detect(text.slice(0, MAX_DETECT_CHARS))) ?? 'und';
}
