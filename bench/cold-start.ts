import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { median } from '../soak/stats.ts';
import type { BenchRow } from './pipeline.ts';

const PROJECT_ROOT = new URL('../', import.meta.url).pathname;
const SAMPLES = 7;

/** Dummy configuration: enough for every stage's config schema to pass at init, pointing nowhere. */
const LAMBDA_ENV: Record<string, string> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  RAW_BUCKET: 'bench-raw',
  NEXT_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-next',
  DLQ_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-dlq',
  OUTPUT_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/000000000000/bench-output',
  INDEX_TABLE: 'bench-index',
  OUTLETS: '[]',
  OUTLET_SECRETS_PARAMETER: '/bench/outlet-secrets',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  POWERTOOLS_METRICS_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

interface BundleSettings {
  external: string[];
  mainFields: string[];
  banner: string;
  target: string;
}

/** The stack's own bundling settings when lib/bundling.ts exists, so the bench loads what ships. */
async function bundleSettings(): Promise<BundleSettings> {
  const fallback: BundleSettings = {
    external: ['@aws-sdk/*', '@smithy/*'],
    mainFields: ['module', 'main'],
    banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    target: 'node20',
  };
  const path = join(PROJECT_ROOT, 'lib/bundling.ts');
  if (!existsSync(path)) return fallback;
  const lib = (await import(pathToFileURL(path).href)) as Partial<{
    EXTERNAL_MODULES: readonly string[];
    MAIN_FIELDS: readonly string[];
    ESM_REQUIRE_BANNER: string;
    BUNDLE_TARGET: string;
  }>;
  return {
    external: [...(lib.EXTERNAL_MODULES ?? fallback.external)],
    mainFields: [...(lib.MAIN_FIELDS ?? fallback.mainFields)],
    banner: lib.ESM_REQUIRE_BANNER ?? fallback.banner,
    // The bench runs on this Node, which may be older than the Lambda runtime the stack targets.
    target: `node${process.versions.node.split('.')[0]}`,
  };
}

/** Milliseconds from `import()` of the bundle to its `handler` being ready, in one fresh Node process. */
function loadOnce(bundle: string): number {
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
if (typeof m.handler !== 'function') throw new Error('no handler export');
process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV },
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.status !== 0) {
    const lines = (result.stderr || result.error?.message || 'failed').split('\n');
    // Node prints the failing source line first; the error's own "Name: message" line follows (minified names).
    const named = lines.find((l) => /^[\w$]+: \S/.test(l)) ?? lines[0] ?? 'failed';
    throw new Error(named.trim().slice(0, 200));
  }
  return Number(result.stdout);
}

/**
 * Lambda cold init per function: each handler bundled as the stack bundles it
 * (esbuild, ESM, minified, AWS SDK external as on the Node runtime), then loaded
 * in fresh Node processes; the median of several.
 */
export async function benchColdStart(): Promise<BenchRow[]> {
  const settings = await bundleSettings();
  // Inside node_modules so the external AWS SDK resolves as the runtime's own copy would.
  const outDir = join(PROJECT_ROOT, 'node_modules/.cache/syndicate-bench');
  mkdirSync(outDir, { recursive: true });
  const stages = ['ingest', 'poller', 'normalize', 'dedupe', 'tag', 'publish'].filter((s) =>
    existsSync(join(PROJECT_ROOT, `lambdas/${s}/handler.ts`)),
  );
  const rows: BenchRow[] = [];
  try {
    // The floor every function pays: loading the three AWS SDK clients the runtime provides.
    const sdk = join(outDir, 'sdk-only.mjs');
    writeFileSync(
      sdk,
      "import '@aws-sdk/client-s3'; import '@aws-sdk/client-sqs'; import '@aws-sdk/client-dynamodb';\nexport const handler = async () => {};\n",
    );
    rows.push({
      name: `cold init floor: AWS SDK S3 + SQS + DynamoDB clients alone (median of ${SAMPLES})`,
      value: Math.round(median(Array.from({ length: SAMPLES }, () => loadOnce(sdk))) * 10) / 10,
      unit: 'ms',
    });
    // As shipped (SDK external), and with the SDK bundled too, to show what bundling it would buy.
    const variants = [
      { label: '', external: settings.external },
      { label: ', SDK bundled', external: [] as string[] },
    ];
    for (const variant of variants) {
      for (const stage of stages) {
        rows.push(
          await measureStage(stage, variant.label, { ...settings, external: variant.external }, outDir),
        );
      }
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  return rows;
}

async function measureStage(
  stage: string,
  label: string,
  settings: BundleSettings,
  outDir: string,
): Promise<BenchRow> {
  const outfile = join(outDir, `${stage}${label ? '-sdk' : ''}.mjs`);
  try {
    const built = await build({
      entryPoints: [join(PROJECT_ROOT, `lambdas/${stage}/handler.ts`)],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: settings.target,
      minify: true,
      external: settings.external,
      mainFields: settings.mainFields,
      banner: { js: settings.banner },
      outfile,
      logLevel: 'silent',
      metafile: true,
    });
    const bytes = Object.values(built.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    const ms = median(Array.from({ length: SAMPLES }, () => loadOnce(outfile)));
    return {
      name: `cold init: ${stage} (${Math.round(bytes / 1024)} KiB bundle${label}, median of ${SAMPLES})`,
      value: Math.round(ms * 10) / 10,
      unit: 'ms',
      target: '≤ 100 ms',
      ok: ms <= 100,
    };
  } catch (error) {
    return {
      name: `cold init: ${stage}${label}`,
      value: Number.NaN,
      unit: 'ms',
      target: '≤ 100 ms',
      ok: false,
      note: `failed: ${(error as Error).message}`,
    };
  }
}
