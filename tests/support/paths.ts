import { fileURLToPath } from 'node:url';

/** The project root and the read-only shared folder beside it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_ROOT = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEED_ARTICLE = `${PROJECT_ROOT}fixtures/samples/patriotwise-kremlin.txt`;
