import { RejectedDocumentError } from '../../shared/errors.ts';

/**
 * Turns raw bytes into text before any parser sees them: XML parsers in JS take
 * strings, so the charset must be honoured here (BOM first, then the transport's
 * Content-Type, then the XML declaration, else UTF-8). `TextDecoder` has full ICU
 * on Node, so legacy charsets (windows-1251, EUC-KR, ...) decode correctly.
 */
export function decodeDocument(bytes: Uint8Array, contentType?: string): string {
  const bom = detectBom(bytes);
  if (bom) return decodeWith(bom.charset, bytes.subarray(bom.length));
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return decodeWith(fromHeader, bytes);
  const fromDeclaration = charsetFromXmlDeclaration(bytes);
  if (fromDeclaration) return decodeWith(fromDeclaration, bytes);
  return decodeWith('utf-8', bytes);
}

function detectBom(bytes: Uint8Array): { charset: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  return undefined;
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType ? /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType) : null;
  return match?.[1]?.toLowerCase();
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  // UTF-16 without a BOM still starts with "<?" encoded on two bytes.
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const match = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return match?.[1]?.toLowerCase();
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(charset, { fatal: false });
  } catch {
    // An unknown label is the sender's mistake; UTF-8 is the most likely truth.
    decoder = new TextDecoder('utf-8');
  }
  const text = decoder.decode(bytes);
  if (text.includes('\u0000')) {
    throw new RejectedDocumentError(
      'binary',
      'document contains NUL characters after decoding: not a text feed or article',
    );
  }
  return text;
}
