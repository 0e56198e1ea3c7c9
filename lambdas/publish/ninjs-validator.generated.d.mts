import type { ErrorObject } from 'ajv';

/** An ajv standalone validator: true when valid, else false with `errors` set (see validate-codegen.ts). */
export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

export declare const validate: StandaloneValidator;
export default validate;
