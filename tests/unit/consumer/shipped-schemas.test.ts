import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { publishedAttributesSchema } from '../../../consumer/published-message.ts';
import { claimCheckSchema } from '../../../lambdas/shared/claim-check.ts';
import { PROJECT_ROOT } from '../../support/paths.ts';

const shipped = (name: string) => JSON.parse(readFileSync(`${PROJECT_ROOT}schemas/${name}`, 'utf8'));
const generated = (schema: z.core.$ZodType, id: string, title: string) => ({
  $id: id,
  title,
  ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
});

// The JSON Schema files consumers in other languages use must say what the TypeScript code checks.
describe('schema files shipped for consumers', () => {
  it('message attributes match the consumer helper', () => {
    const file = shipped('syndicate-message-attributes.v1.schema.json');
    expect(file).toEqual(generated(publishedAttributesSchema, file.$id, file.title));
    expect(file.required).toContain('uri');
  });

  it('the claim check matches what the publisher stores', () => {
    const file = shipped('syndicate-claim-check.v1.schema.json');
    expect(file).toEqual(generated(claimCheckSchema, file.$id, file.title));
    expect(file.required).toContain('sha256');
  });

  it('the ninjs schema is the official 3.1 one', () => {
    expect(shipped('ninjs-schema_3.1.json').$id).toBe('http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#');
  });
});
