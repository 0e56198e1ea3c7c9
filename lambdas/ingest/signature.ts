import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Push signatures. The header is WebSub's (`X-Hub-Signature-256: sha256=<hex>`),
 * but the signed material is `${timestamp}.` followed by the raw body bytes, so a
 * captured request stops verifying once its timestamp leaves the window.
 * node:crypto is the library for this; the scheme around it is ours.
 */
export const SIGNATURE_HEADER = 'x-hub-signature-256';
export const TIMESTAMP_HEADER = 'x-syndicate-timestamp';
export const OUTLET_HEADER = 'x-syndicate-outlet';

const SIGNATURE_FORMAT = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP_FORMAT = /^\d{1,12}$/;

export function signedMaterial(timestamp: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), body]);
}

/** The header value an outlet sends: `sha256=` and the lowercase hex HMAC-SHA256. */
export function signPush(secret: string, timestamp: string, body: Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(signedMaterial(timestamp, body)).digest('hex')}`;
}

export type SignatureCheck =
  | { readonly ok: true; readonly digest: string; readonly timestamp: number }
  | { readonly ok: false; readonly reason: string };

export interface SignatureInput {
  readonly secret: string;
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
  readonly body: Uint8Array;
  readonly nowSeconds: number;
  readonly maxAgeSeconds: number;
}

/** Checks format, freshness (either side of now, for clock skew) and the HMAC in constant time. */
export function verifyPushSignature(input: SignatureInput): SignatureCheck {
  if (!input.signature) return { ok: false, reason: 'missing X-Hub-Signature-256 header' };
  if (!input.timestamp) return { ok: false, reason: 'missing X-Syndicate-Timestamp header' };
  const given = SIGNATURE_FORMAT.exec(input.signature.trim())?.[1]?.toLowerCase();
  if (!given) return { ok: false, reason: 'X-Hub-Signature-256 must be sha256=<64 hex digits>' };
  if (!TIMESTAMP_FORMAT.test(input.timestamp)) {
    return { ok: false, reason: 'X-Syndicate-Timestamp must be Unix time in seconds' };
  }
  const timestamp = Number(input.timestamp);
  if (Math.abs(input.nowSeconds - timestamp) > input.maxAgeSeconds) {
    return { ok: false, reason: `timestamp is more than ${input.maxAgeSeconds} s away from now` };
  }
  const expected = createHmac('sha256', input.secret)
    .update(signedMaterial(input.timestamp, input.body))
    .digest();
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) {
    return { ok: false, reason: 'signature does not match' };
  }
  return { ok: true, digest: given, timestamp };
}
