import { fileURLToPath } from 'node:url';

/**
 * One source of truth for how every Lambda is bundled, shared by the stack
 * (NodejsFunction) and `bench/bundles.ts` (esbuild directly), so the size the
 * bench reports is the size that ships.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Lambda runtime's Node major: esbuild may emit anything it supports. */
export const BUNDLE_TARGET = 'node22';

/**
 * Modules left out of the bundle. The AWS SDK v3 ships with the Node.js 22
 * runtime, so leaving it out roughly halves every bundle; the price is that the
 * SDK version is AWS's, not the lockfile's. The stages only use long-stable
 * operations (GetObject, PutObject, SendMessage(Batch), BatchGetItem, GetItem,
 * PutItem), so that trade is worth it here.
 */
export const EXTERNAL_MODULES: readonly string[] = ['@aws-sdk/*', '@smithy/*'];

/**
 * ESM output needs `require` back for the CommonJS dependencies that call it
 * (node built-ins from htmlparser2, sanitize-html and others).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __syndicateCreateRequire } from 'node:module'; const require = __syndicateCreateRequire(import.meta.url);";

/** Prefer ES module entry points so esbuild can tree-shake them. */
export const MAIN_FIELDS: readonly string[] = ['module', 'main'];

/** Lambda source file for a stage, e.g. `lambdas/normalize/handler.ts`. */
export function handlerEntry(stage: string): string {
  return `${PROJECT_ROOT}lambdas/${stage}/handler.ts`;
}
