import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../support/paths.ts';

/** Bytes of a small feed under fixtures/feeds/. */
export function feedFixture(name: string): Uint8Array {
  return readFileSync(`${PROJECT_ROOT}fixtures/feeds/${name}`);
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
