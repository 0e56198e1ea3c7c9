import { RejectedDocumentError } from '../errors.ts';

/**
 * Turns raw bytes into text before any parser sees them: XML parsers in JS take
 * strings, so the charset must be honoured here. Order of authority: a BOM,
 * then the transport's Content-Type charset, then the XML declaration (or the
 * byte pattern of `<?xml` in UTF-16/32), else UTF-8, falling back to
 * windows-1252 when the bytes are not valid UTF-8 (the usual mislabelled feed).
 * `TextDecoder` has full ICU on Node, so legacy charsets (windows-1251, EUC-KR,
 * Big5, ...) decode correctly.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string): string {
  const bom = detectBom(bytes);
  if (bom) return decodeWith(bom.charset, bytes.subarray(bom.length));
  const declared = plausible(charsetFromContentType(contentType), bytes) ?? charsetFromXmlDeclaration(bytes);
  if (declared) return decodeWith(declared, bytes);
  try {
    return check(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    if (error instanceof RejectedDocumentError) throw error;
    return decodeWith('windows-1252', bytes);
  }
}

/**
 * A transport charset of UTF-16 for bytes that are plainly not UTF-16 (no NUL
 * in either of the first two bytes, as every ASCII character in UTF-16 has) is
 * a mislabel: believing it would turn a good feed into noise and lose it.
 */
function plausible(charset: string | undefined, bytes: Uint8Array): string | undefined {
  if (!charset?.startsWith('utf-16') || bytes.length < 2) return charset;
  return bytes[0] !== 0 && bytes[1] !== 0 ? undefined : charset;
}

function detectBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  // UTF-32LE's BOM begins like UTF-16LE's, so it is tested first.
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType ? /charset\s*=\s*["']?([\w.:-]+)["']?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  // Without a BOM, "<" still shows its width and byte order: 00 00 00 3C, 3C 00 00 00, 00 3C, 3C 00.
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0x3c) return 'utf-16be';
  if (a === 0x3c && b === 0) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase();
}

/**
 * UTF-32 by hand: the WHATWG Encoding Standard (and so `TextDecoder`) has no
 * UTF-32, yet the XML spec allows it. Invalid code points become U+FFFD.
 */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength - (bytes.byteLength % 4));
  const parts: string[] = [];
  for (let offset = 0; offset < view.byteLength; offset += 4) {
    const code = view.getUint32(offset, littleEndian);
    parts.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code));
  }
  return parts.join('');
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  if (/^(utf-?32|ucs-?4)/.test(charset)) {
    // A declaration cannot tell UTF-32's byte order; the first character ("<") can.
    const littleEndian = charset.endsWith('le') || (!charset.endsWith('be') && bytes[0] !== 0);
    return check(decodeUtf32(bytes, littleEndian));
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: false });
  } catch {
    // An unknown label is the sender's mistake; UTF-8 is the most likely truth.
    decoder = new TextDecoder('utf-8');
  }
  return check(decoder.decode(bytes));
}

/**
 * The C1 controls (U+0080-U+009F) never belong in news text; when they appear
 * they are windows-1252 punctuation read under the wrong label (and Node's
 * windows-1252 decoder itself yields them, as it decodes that label as Latin-1).
 * The table is the WHATWG windows-1252 index for bytes 0x80-0x9F.
 */
const C1_AS_WINDOWS_1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function check(text: string): string {
  if (text.includes('\u0000')) {
    throw new RejectedDocumentError(
      'binary',
      'document contains NUL characters after decoding: not a text feed or article',
    );
  }
  return text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_WINDOWS_1252[c.charCodeAt(0) - 0x80] ?? c);
}
