import { fileURLToPath } from 'node:url';

/** The project root: tests read nothing outside it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** feedparser's test corpus, copied into the project with its licence (its README says from where). */
export const FEEDPARSER_CORPUS = `${PROJECT_ROOT}fixtures/conformance/feedparser/tests`;
export const SEED_ARTICLE = `${PROJECT_ROOT}fixtures/samples/patriotwise-kremlin.txt`;
