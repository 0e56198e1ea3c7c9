import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ninjsErrors } from '../../../lambdas/publish/validate.ts';
import { ninjsAjv, ninjsSchema, ninjsValidatorIsCurrent } from '../../../lambdas/publish/validate-codegen.ts';
import { processOffline } from '../../../local/offline.ts';
import { PROJECT_ROOT } from '../../support/paths.ts';

type Json = Record<string, unknown>;

/** Values of the wrong type or shape for almost any field. */
const WRONG_VALUES: unknown[] = [null, 42, 'not a uri or a date', true, [], {}, [{}], { x: 1 }];

/** Each document with one field removed, retyped or added, at the top level and one level down. */
function mutations(document: Json): Json[] {
  const out: Json[] = [{ ...document, notANinjsField: 1 }];
  for (const [key, value] of Object.entries(document)) {
    const { [key]: _removed, ...without } = document;
    out.push(without);
    for (const wrong of WRONG_VALUES) out.push({ ...document, [key]: wrong });
    const nested = Array.isArray(value) ? value[0] : value;
    if (nested && typeof nested === 'object') {
      for (const inner of Object.keys(nested)) {
        for (const wrong of WRONG_VALUES.slice(0, 4)) {
          const changed = { ...(nested as Json), [inner]: wrong };
          out.push({ ...document, [key]: Array.isArray(value) ? [changed, ...value.slice(1)] : changed });
        }
      }
    }
  }
  return out;
}

describe('the ninjs validator compiled at build time', () => {
  let valid: Json[] = [];
  beforeAll(async () => {
    const samples = readdirSync(`${PROJECT_ROOT}fixtures/samples`);
    for (const name of samples) {
      const result = await processOffline(readFileSync(`${PROJECT_ROOT}fixtures/samples/${name}`), {
        outlet: 'patriotwise',
      });
      valid.push(...(result.items as unknown as Json[]));
    }
    valid = valid.slice(0, 12);
  });

  it('is what the schema, the options and the installed ajv generate (else: npx tsx lambdas/publish/validate-codegen.ts)', () => {
    expect(ninjsValidatorIsCurrent()).toBe(true);
  });

  it('reports exactly the errors ajv compiling the schema at run time reports, valid or not', () => {
    const reference = ninjsAjv().compile(ninjsSchema);
    const documents = [...valid, ...valid.flatMap(mutations)];
    let invalid = 0;
    for (const document of documents) {
      const expected = reference(document) ? [] : [...(reference.errors ?? [])];
      if (expected.length > 0) invalid++;
      expect(ninjsErrors(document)).toEqual(expected);
    }
    expect(valid.length).toBeGreaterThan(0);
    // The mutations must exercise the rejecting paths, not only the accepting one.
    expect(invalid).toBeGreaterThan(documents.length / 2);
  });
});
