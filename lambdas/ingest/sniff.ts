import type { SourceFormat } from '../shared/envelope.ts';
import { RejectedDocumentError } from '../shared/errors.ts';
import { decodeDocument } from '../shared/format/decode.ts';
import { detectFormat } from '../shared/format/detect.ts';

export type Sniffed =
  | { readonly ok: true; readonly format: SourceFormat }
  | { readonly ok: false; readonly code: string; readonly reason: string };

/**
 * The cheap check before anything is stored: the same charset decoding and
 * format detection normalize will apply, so a body accepted here is one
 * normalize can at least start on. Full parsing stays in normalize.
 */
export function sniffFormat(body: Uint8Array, contentType: string | undefined): Sniffed {
  try {
    return { ok: true, format: detectFormat(decodeDocument(body, contentType)) };
  } catch (error) {
    if (error instanceof RejectedDocumentError) return { ok: false, code: error.code, reason: error.message };
    throw error;
  }
}
