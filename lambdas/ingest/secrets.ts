import { readFile } from 'node:fs/promises';
import { ConfigError } from '../shared/errors.ts';
import { OUTLET_ID } from '../shared/keys.ts';
import * as z from '../shared/zod.ts';

/**
 * Where each outlet's push secret comes from: Secrets Manager on AWS, a JSON
 * file locally. Both hold the same document, `{ "<outletId>": "<secret>" }`.
 */
export interface SecretSource {
  /** The outlet's secret, or undefined when the outlet has none (an unknown outlet). */
  secretFor(outlet: string): Promise<string | undefined>;
}

const secretMapSchema = z.record(z.string().check(z.regex(OUTLET_ID)), z.string().check(z.minLength(16)));

export function parseSecretMap(json: string, origin: string): ReadonlyMap<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (error) {
    throw new ConfigError(`${origin}: outlet secrets are not JSON`, { cause: error });
  }
  const result = secretMapSchema.safeParse(parsed);
  if (!result.success) {
    throw new ConfigError(
      `${origin}: outlet secrets must map outlet ids to secrets of 16+ characters: ${z.prettifyError(result.error)}`,
    );
  }
  return new Map(Object.entries(result.data));
}

/**
 * Loads the whole secret document once and keeps it for `ttlMs`, so a rotated
 * secret is picked up without a redeploy while most requests cost no call.
 * Concurrent callers share one load; a failed load is not cached.
 */
export class CachedSecretSource implements SecretSource {
  #loaded: { at: number; secrets: Promise<ReadonlyMap<string, string>> } | undefined;

  constructor(
    private readonly load: () => Promise<ReadonlyMap<string, string>>,
    private readonly ttlMs = 300_000,
    private readonly now: () => number = Date.now,
  ) {}

  async secretFor(outlet: string): Promise<string | undefined> {
    const now = this.now();
    if (!this.#loaded || now - this.#loaded.at > this.ttlMs) {
      const secrets = this.load();
      this.#loaded = { at: now, secrets };
      secrets.catch(() => {
        if (this.#loaded?.secrets === secrets) this.#loaded = undefined;
      });
    }
    return (await this.#loaded.secrets).get(outlet);
  }
}

/** Local mode: the secrets file, re-read after the cache expires so edits take effect. */
export function fileSecretSource(path: string, ttlMs = 5_000): SecretSource {
  return new CachedSecretSource(async () => parseSecretMap(await readFile(path, 'utf8'), path), ttlMs);
}
