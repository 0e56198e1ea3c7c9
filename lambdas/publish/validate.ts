import type { ErrorObject } from 'ajv';
import { RejectedDocumentError } from '../shared/errors.ts';
import { validate } from './ninjs-validator.generated.mjs';

/*
 * Every published message is validated against the official ninjs 3.1 schema
 * (all errors reported, the geoJSON reference stubbed: see validate-codegen.ts).
 * The validator was compiled by ajv at build time, so a cold start neither loads
 * ajv nor compiles the schema on the first message: the same checks, as code.
 */

export function ninjsErrors(document: unknown): ErrorObject[] {
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

export function assertValidNinjs(document: unknown): void {
  const errors = ninjsErrors(document);
  if (errors.length > 0) {
    const reason = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()).join('; ');
    throw new RejectedDocumentError('ninjs-invalid', `message is not valid ninjs 3.1: ${reason}`);
  }
}
