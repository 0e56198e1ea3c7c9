import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toNinjs } from '../../../lambdas/publish/ninjs.ts';
import { assertValidNinjs, ninjsErrors } from '../../../lambdas/publish/validate.ts';
import { RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { processOffline } from '../../../local/offline.ts';
import { SEED_ARTICLE } from '../../support/paths.ts';
import { publishedEnvelope } from './envelope-fixture.ts';

describe('ninjs validation', () => {
  it('accepts what the pipeline makes of the seed article', async () => {
    const result = await processOffline(readFileSync(SEED_ARTICLE), { outlet: 'patriotwise' });
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) expect(ninjsErrors(item)).toEqual([]);
  });

  it('rejects a document whose uri is not a URI, permanently, naming the field', () => {
    const ninjs = toNinjs(publishedEnvelope({ uri: 'not a uri' }));
    let caught: unknown;
    try {
      assertValidNinjs(ninjs);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RejectedDocumentError);
    expect((caught as RejectedDocumentError).code).toBe('ninjs-invalid');
    expect((caught as RejectedDocumentError).retryable).toBe(false);
    expect((caught as Error).message).toContain('/uri');
  });
});
