import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, type BundleSize, FUNCTIONS, measureBundle } from '../../bench/bundles.ts';
import { handlerEntry, MODULE_ALIASES, PROJECT_ROOT } from '../../lib/bundling.ts';
import { LAMBDA_BUNDLING } from '../../lib/constructs/pipeline-function.ts';
import { cdkJsonContext } from './support/synth.ts';

// Every function bundled with lib/bundling.ts, as the stack and the benches bundle it.
const bundles = new Map<string, Promise<BundleSize>>(FUNCTIONS.map((name) => [name, measureBundle(name)]));
const bundle = (name: string): Promise<BundleSize> => bundles.get(name) as Promise<BundleSize>;

describe('function bundles', () => {
  it.each(FUNCTIONS)(
    '%s stays within the per-function budget Lambda parses at every cold start',
    async (name) => {
      expect((await bundle(name)).bytes).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
    },
  );

  it.each(FUNCTIONS)(
    '%s imports nothing but Node built-ins at load: what is left out is only ever import()ed',
    async (name) => {
      const notBuiltIn = (await bundle(name)).staticImports.filter(
        (path) => !builtinModules.includes(path.replace(/^node:/, '')),
      );
      expect(notBuiltIn).toEqual([]);
    },
  );

  it('come out of NodejsFunction, through the esbuild CLI, exactly as measured', async () => {
    const stack = new Stack(new App({ context: cdkJsonContext() }), 'Bundles');
    const fn = new NodejsFunction(stack, 'Normalize', {
      entry: handlerEntry('normalize'),
      runtime: lambda.Runtime.NODEJS_22_X,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
      bundling: LAMBDA_BUNDLING,
    });
    const assembly = (stack.node.root as App).synth();
    const resources = Template.fromStack(stack).toJSON().Resources;
    const key = resources[stack.getLogicalId(fn.node.defaultChild as never)].Properties.Code.S3Key as string;
    const code = readFileSync(join(assembly.directory, `asset.${key.replace(/\.zip$/, '')}`, 'index.mjs'));
    expect(createHash('sha256').update(code).digest('hex')).toBe((await bundle('normalize')).sha256);
  });
});

type Escape = (text: string) => string;
type EscapeModule = Record<'escapeText' | 'escapeAttribute', Escape>;

/** A deterministic stream of strings rich in what escaping is about: markup, quotes, non-ASCII, surrogates. */
function* samples(count: number): Generator<string> {
  const alphabet = [
    'a',
    ' ',
    '<',
    '>',
    '&',
    '"',
    "'",
    '=',
    '$',
    '\u00a0',
    'é',
    '€',
    '😀',
    '\ud800',
    '\udc00',
    '\n',
  ];
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let n = Math.floor(random() * 16); n > 0; n--) {
      text +=
        random() < 0.85
          ? alphabet[Math.floor(random() * alphabet.length)]
          : String.fromCharCode(Math.floor(random() * 0xffff));
    }
    yield text;
  }
}

describe('module aliases', () => {
  it('point at files that exist', () => {
    for (const target of Object.values(MODULE_ALIASES)) {
      expect(() => readFileSync(join(PROJECT_ROOT, target))).not.toThrow();
    }
  });

  it('leave postcss out safely: the allowlist keeps no style attribute, and the stub fails loudly', async () => {
    const { sanitizeWithLibrary } = await import('../../lambdas/normalize/html.ts');
    const html =
      '<p style="color:red">Red</p><span style="x:y">text</span><img src="https://a.example/i.png" style="a:b">';
    expect(sanitizeWithLibrary(html).html).not.toMatch(/style=/);
    const stub = createRequire(import.meta.url)(join(PROJECT_ROOT, MODULE_ALIASES.postcss as string)) as {
      parse: () => unknown;
    };
    expect(() => stub.parse()).toThrow(/not bundled/);
  });

  it('give dom-serializer escaping identical to the entities version it asks for', async () => {
    const load = async (path: string) =>
      (await import(pathToFileURL(join(PROJECT_ROOT, path)).href)) as EscapeModule;
    const asked = await load('node_modules/dom-serializer/node_modules/entities/lib/esm/index.js');
    const given = await load(MODULE_ALIASES.entities as string);
    for (const text of samples(20_000)) {
      expect(given.escapeText(text)).toBe(asked.escapeText(text));
      expect(given.escapeAttribute(text)).toBe(asked.escapeAttribute(text));
    }
  });
});
