import * as z from '../shared/zod.ts';

/** The body of a signed DELETE push (docs/pushing.md): which item to take back, and how. */
const killRequestSchema = z.object({
  uri: z.string().check(z.minLength(1), z.maxLength(2048)),
  pubStatus: z.optional(z.enum(['canceled', 'withheld'])),
});

export type KillDocument =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: string };

/**
 * Turns a DELETE push's body into the ninjs kill the pipeline reads (pubStatus canceled, or withheld for a
 * withdrawal), so a kill pushed this way is archived and decided exactly as a pushed ninjs kill is.
 */
export function killDocument(body: Uint8Array, receivedAt: Date): KillDocument {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return { ok: false, reason: 'a DELETE push body must be JSON: {"uri": "…", "pubStatus": "canceled"}' };
  }
  const parsed = killRequestSchema.safeParse(value);
  if (!parsed.success) return { ok: false, reason: `bad DELETE push body: ${z.prettifyError(parsed.error)}` };
  const ninjs = {
    uri: parsed.data.uri.trim(),
    type: 'text',
    pubStatus: parsed.data.pubStatus ?? 'canceled',
    versionCreated: receivedAt.toISOString(),
  };
  return { ok: true, bytes: new TextEncoder().encode(JSON.stringify(ninjs)) };
}
