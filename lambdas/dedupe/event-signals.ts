import { foldCopyEdits } from './copy-edits.ts';
import { fnv1a } from './details.ts';

/**
 * What two separately written reports of one event share although their words differ: the figures
 * (a toll, an amount, a vote count), the words someone said (the one quote every outlet carries) and
 * the names of who and where. A syndicated copy shares sentences; an independent report of the same
 * event shares only these. Kept as bottom-k samples of hashes, so two texts' samples estimate what they
 * share and the index stores a few dozen integers per story, not its text.
 *
 * Hand-written: it reads the same tokens as the distinguishing details (details.ts); no library keeps
 * such a sample.
 */
export interface EventSignals {
  /** Numbers as a copy desk would fold them ("1,200" = "1200", "$3.5m" = "3.5 million"), years left out. */
  readonly figures: Uint16Array;
  /** Six-word runs inside quotation marks. */
  readonly quotes: Uint16Array;
  /** Capitalised words that do not open a sentence. */
  readonly names: Uint16Array;
}

/**
 * Per kind: beyond what one report holds (a report carries a dozen figures and a quote or two), so real
 * reports are sampled whole. Sixteen-bit hashes: two samples of 32 share a value by chance about once in
 * sixty pairs, and a story's record grows by at most 192 bytes, not by a DynamoDB write unit.
 */
export const MAX_SIGNALS = 32;
/** What is read of a long body: a flood costs this, not its size. */
export const MAX_SIGNAL_CHARS = 200_000;
const QUOTE_RUN = 6;

const QUOTED = /"([^"\n]{12,800})"/g;
const FIGURE = /(?<![\p{L}\p{N}.,])\p{N}+(?:[.:]\p{N}+)?(?:\s(?:million|billion|trillion|percent))?/gu;
const YEAR = /^(?:19|20)\d\d$/;
const SENTENCE_OR_NAME = /[.!?]["')\]]?\s+|\n+|\p{Lu}[\p{L}'’-]{2,}/gu;

/** The `size` smallest distinct hashes, ascending: a sample two texts draw alike. */
function bottom(hashes: Iterable<number>, size: number): Uint16Array {
  const sorted = [...new Set(Array.from(hashes, (hash) => hash & 0xffff))].sort((a, b) => a - b);
  return Uint16Array.from(sorted.slice(0, size));
}

function* figuresOf(text: string): Generator<number> {
  for (const match of text.matchAll(FIGURE)) {
    const value = match[0];
    // A lone digit ("3 schools") and a year are shared by any two stories of a place and time.
    if (value.length < 2 || YEAR.test(value)) continue;
    yield fnv1a(`#${value.toLowerCase()}`);
  }
}

function* quoteRunsOf(text: string): Generator<number> {
  for (const match of text.matchAll(QUOTED)) {
    const words = (match[1] ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
    for (let i = 0; i + QUOTE_RUN <= words.length; i++)
      yield fnv1a(`"${words.slice(i, i + QUOTE_RUN).join(' ')}`);
  }
}

function* namesOf(text: string): Generator<number> {
  let opensSentence = true;
  for (const match of text.matchAll(SENTENCE_OR_NAME)) {
    const token = match[0];
    if (!/^\p{Lu}/u.test(token)) {
      opensSentence = true;
      continue;
    }
    if (!opensSentence) yield fnv1a(`@${token.toLowerCase()}`);
    opensSentence = false;
  }
}

export function eventSignals(bodyText: string): EventSignals {
  const text = foldCopyEdits(
    bodyText.length > MAX_SIGNAL_CHARS ? bodyText.slice(0, MAX_SIGNAL_CHARS) : bodyText,
  );
  return {
    figures: bottom(figuresOf(text), MAX_SIGNALS),
    quotes: bottom(quoteRunsOf(text), MAX_SIGNALS),
    names: bottom(namesOf(text), MAX_SIGNALS),
  };
}

/** Values two ascending samples share. */
export function sharedCount(a: Uint16Array, b: Uint16Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** One byte per kind's count, then the values, little-endian: what the index record keeps. */
export function packEventSignals(signals: EventSignals): Uint8Array {
  const kinds = [signals.figures, signals.quotes, signals.names];
  const bytes = new Uint8Array(3 + 2 * kinds.reduce((sum, kind) => sum + kind.length, 0));
  const view = new DataView(bytes.buffer);
  let offset = 3;
  kinds.forEach((kind, k) => {
    bytes[k] = kind.length;
    for (const value of kind) {
      view.setUint16(offset, value, true);
      offset += 2;
    }
  });
  return bytes;
}

export function unpackEventSignals(bytes: Uint8Array): EventSignals {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 3;
  const kind = (k: number) => {
    const count = bytes[k] ?? 0;
    if (offset + 2 * count > bytes.byteLength) throw new RangeError('truncated event signals');
    const values = new Uint16Array(count);
    for (let i = 0; i < count; i++, offset += 2) values[i] = view.getUint16(offset, true);
    return values;
  };
  const figures = kind(0);
  const quotes = kind(1);
  return { figures, quotes, names: kind(2) };
}
