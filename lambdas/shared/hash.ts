import { createHash } from 'node:crypto';

/** Hex SHA-256: content addresses for raw documents and stable item identities. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A shorter, still collision-safe id for URNs and keys (128 bits). */
export function shortId(data: string | Uint8Array): string {
  return sha256Hex(data).slice(0, 32);
}
