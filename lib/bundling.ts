import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/**
 * One source of truth for how every Lambda is bundled, shared by the stack
 * (NodejsFunction) and the benches (`bench/bundles.ts`, `bench/cold-start.ts`,
 * esbuild directly), so the size and the cold start they report are what ships.
 */

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The Lambda runtime's Node major: esbuild may emit anything it supports. */
export const BUNDLE_TARGET = 'node22';

/**
 * The AWS SDK v3 is bundled, although the Node.js runtime ships one:
 * - the SDK version is the lockfile's, tested with the rest of the code, not
 *   whatever AWS has installed on the day of the cold start;
 * - loading the runtime's SDK resolves and compiles a few hundred files from
 *   node_modules at every cold start (about 135 ms for S3 + SQS + DynamoDB),
 *   while one minified, tree-shaken file holding only the clients a function
 *   uses loads in a fraction of that (`npm run bench`, cold init rows).
 *
 * Left out are only the credential providers Lambda never reaches. Lambda hands
 * every function its role's credentials in the environment, which the SDK's
 * default chain reads first; the providers behind it (SSO, shared config files,
 * credential_process, web identity: ~80 KiB with the STS and SSO clients they
 * embed; the container and instance metadata endpoints) are loaded by dynamic
 * import() only if that fails. Never statically imported (tests/cdk checks the
 * bundles), so leaving them out cannot break a cold start; were one ever
 * reached, Node would look for it in the runtime's SDK. Leaving out the last two
 * also spares a cold start more than their bytes: what a bundle import()s,
 * esbuild wraps to initialise lazily, with everything it imports in turn, and
 * theirs is much of @smithy/core (see lib/bundle-stubs/event-streams.mjs).
 */
export const EXTERNAL_MODULES: readonly string[] = [
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
];

/**
 * ESM output needs `require` back for the CommonJS dependencies that call it
 * (node built-ins from htmlparser2, sanitize-html and others).
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __syndicateCreateRequire } from 'node:module'; const require = __syndicateCreateRequire(import.meta.url);";

/** Prefer ES module entry points so esbuild can tree-shake them. */
export const MAIN_FIELDS: readonly string[] = ['module', 'main'];

/**
 * Import paths rewritten at bundle time (esbuild `alias`, relative to
 * PROJECT_ROOT): stand-ins for what a cold start would load but never use
 * (each says why below; tests/unit/bundling checks the newer two), and one copy
 * of each HTML library in the normalize bundle instead of two (~240 KiB less to
 * parse at every cold start):
 * - sanitize-html `require()`s htmlparser2, which resolves to its CommonJS
 *   build while our code imports its ES module build: both share the latter.
 *   Same package and version; only the module format differs.
 * - dom-serializer (behind htmlparser2's DomUtils) imports entities@4, whose
 *   entity tables esbuild cannot tree-shake (its ESM folder's package.json does
 *   not repeat `sideEffects: false`); entities@7 is already there for
 *   htmlparser2. Of the three functions dom-serializer calls, escapeText and
 *   escapeAttribute (all that `encodeEntities: 'utf8'` uses) are identical
 *   (tests/cdk/bundles.test.ts compares them); encodeXML differs only where
 *   entities@4 was wrong (it drops the character after a lone surrogate) or
 *   escapes more than needed (`$`).
 */
export const MODULE_ALIASES: Readonly<Record<string, string>> = {
  // sanitize-html loads postcss (~6 ms of every normalize cold start) for style attributes, which the
  // allowlist never keeps: a stub that throws stands in (lib/bundle-stubs/postcss.cjs says why it is safe).
  postcss: './lib/bundle-stubs/postcss.cjs',
  // With tracing on, the X-Ray SDK loads semver (~7 ms) for a check in a patcher this project never
  // calls: semver loads on first use instead (lib/bundle-stubs/semver.cjs says why that is the same).
  semver: './lib/bundle-stubs/semver.cjs',
  // No operation the functions call streams events; support for them, import()ed by @smithy/core, made
  // esbuild wrap much of the SDK for lazy initialisation (lib/bundle-stubs/event-streams.mjs says why).
  '@smithy/core/event-streams': './lib/bundle-stubs/event-streams.mjs',
  htmlparser2: './node_modules/htmlparser2/dist/esm/index.js',
  entities: './node_modules/htmlparser2/node_modules/entities/dist/esm/index.js',
  'entities/decode': './node_modules/htmlparser2/node_modules/entities/dist/esm/decode.js',
  'entities/escape': './node_modules/htmlparser2/node_modules/entities/dist/esm/escape.js',
};

/** MODULE_ALIASES as NodejsFunction `bundling.esbuildArgs` (it runs the esbuild CLI in PROJECT_ROOT). */
export const ESBUILD_ARGS: Readonly<Record<string, string[]>> = {
  '--alias': Object.entries(MODULE_ALIASES).map(([from, to]) => `${from}=${to}`),
};

/**
 * Modules a bundle only ever loads by a dynamic `import()`, and then rarely,
 * shipped as files beside it instead of inside it: V8 compiles every byte of
 * the bundle at each cold start, lazy parts included (about a millisecond per
 * 16 KB here). tinyld's model is 70 KB that a cold start runs only for a
 * document whose items declare no language (lambdas/normalize/language.ts).
 * Each is left out of the bundle and the files Node needs to resolve it are
 * copied into the asset's node_modules (`besideBundleCommands`).
 */
export const BESIDE_BUNDLE: Readonly<Record<string, readonly string[]>> = {
  'tinyld/light': ['node_modules/tinyld/package.json', 'node_modules/tinyld/dist/tinyld.light.node.mjs'],
};

/** What esbuild leaves out of every bundle: provided by the runtime, or shipped beside it. */
export const BUNDLE_EXTERNALS: readonly string[] = [...EXTERNAL_MODULES, ...Object.keys(BESIDE_BUNDLE)];

/**
 * Shell commands, run after bundling, that copy each BESIDE_BUNDLE module into
 * the asset when the bundle imports it, and only then: other functions' assets
 * stay one file.
 */
export function besideBundleCommands(inputDir: string, outputDir: string): string[] {
  return Object.entries(BESIDE_BUNDLE).map(([specifier, files]) => {
    const copies = files.map((file) => {
      const target = `${outputDir}/${file}`;
      return `mkdir -p "${target.slice(0, target.lastIndexOf('/'))}" && cp "${inputDir}/${file}" "${target}"`;
    });
    return `if grep -q '"${specifier}"' "${outputDir}/index.mjs"; then ${copies.join(' && ')}; fi`;
  });
}

/**
 * The same settings for esbuild's API, as the benches bundle a handler to
 * measure what the stack ships (NodejsFunction passes them to the CLI).
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: BUNDLE_TARGET,
  mainFields: [...MAIN_FIELDS],
  alias: { ...MODULE_ALIASES },
  banner: { js: ESM_REQUIRE_BANNER },
  minify: true,
  external: [...BUNDLE_EXTERNALS],
  absWorkingDir: PROJECT_ROOT,
} as const satisfies BuildOptions;

/** Lambda source file for a stage, e.g. `lambdas/normalize/handler.ts`. */
/** The release function's entry: a second handler of the publish stage, sharing its code (lambdas/publish/). */
export function releaseHandlerEntry(): string {
  return `${PROJECT_ROOT}lambdas/publish/release-handler.ts`;
}

export function handlerEntry(stage: string): string {
  return `${PROJECT_ROOT}lambdas/${stage}/handler.ts`;
}
