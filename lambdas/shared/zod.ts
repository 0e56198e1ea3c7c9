import { en } from 'zod/locales';
import { config } from 'zod/mini';

/**
 * zod for the Lambda side: zod/mini, the same validators and messages as `zod`
 * behind a functional API that esbuild can tree-shake. The classic API gives
 * every schema all its methods and brings the whole library into each bundle
 * (JSON Schema generation included): loading it and checking a stage's
 * configuration took ~11 ms of every cold start, ~3 ms with zod/mini.
 * zod/mini leaves error messages to a locale it does not load itself; English
 * is installed here, so configuration and message errors read as before.
 */
config(en());

export * from 'zod/mini';
