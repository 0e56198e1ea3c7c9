import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ninjsSchema from '../../schemas/ninjs-schema_3.1.json' with { type: 'json' };
import { RejectedDocumentError } from '../shared/errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

/**
 * The official ninjs 3.1 schema, unchanged. It references the public GeoJSON
 * schema for `places[].geoJSON`; with no network, that reference resolves to a
 * stand-in that only requires an object. The pipeline never emits geoJSON, so
 * no published message is validated more loosely than the schema intends.
 */
const GEOJSON_STAND_IN = { $id: 'https://geojson.org/schema/GeoJSON.json', type: 'object' };

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    ajv.addSchema(GEOJSON_STAND_IN);
    compiled = ajv.compile(ninjsSchema);
  }
  return compiled;
}

export function ninjsErrors(document: unknown): ErrorObject[] {
  const validate = validator();
  return validate(document) ? [] : [...(validate.errors ?? [])];
}

export function assertValidNinjs(document: unknown): void {
  const errors = ninjsErrors(document);
  if (errors.length > 0) {
    const reason = errors.map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim()).join('; ');
    throw new RejectedDocumentError('ninjs-invalid', `message is not valid ninjs 3.1: ${reason}`);
  }
}
