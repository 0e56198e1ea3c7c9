import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  BESIDE_BUNDLE,
  BUNDLE_EXTERNALS,
  ESBUILD_OPTIONS,
  handlerEntry,
  PROJECT_ROOT,
} from '../lib/bundling.ts';
import { median } from '../soak/stats.ts';
import type { BenchRow } from './pipeline.ts';

const SAMPLES = 7;
const TARGET_MS = 100;
const STAGES = ['ingest', 'poller', 'normalize', 'dedupe', 'tag', 'publish'] as const;
/** What the Node.js runtime provides: the reference variant leaves it out of the bundle. */
const RUNTIME_SDK = ['@aws-sdk/*', '@smithy/*'];

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

/**
 * What the Lambda runtime adds, so Powertools turns tracing on as it does on
 * AWS with active tracing (the stack's default): the functions then load the
 * X-Ray SDK at init, which they skip where tracing is off.
 */
const ON_LAMBDA_ENV: Record<string, string> = {
  AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  AWS_LAMBDA_FUNCTION_NAME: 'bench',
  LAMBDA_TASK_ROOT: '/var/task',
};

interface Variant {
  /** Appended to the row name. */
  readonly label: string;
  readonly external: readonly string[];
  readonly env: Record<string, string>;
  /** Rows measuring what ships carry the target; reference rows only inform. */
  readonly targeted: boolean;
}

const VARIANTS: readonly Variant[] = [
  {
    label: 'as shipped, X-Ray tracing on as on Lambda',
    external: BUNDLE_EXTERNALS,
    env: ON_LAMBDA_ENV,
    targeted: true,
  },
  { label: 'as shipped, tracing off', external: BUNDLE_EXTERNALS, env: {}, targeted: true },
  {
    label: 'reference: AWS SDK left to the runtime (loaded from node_modules), tracing off',
    external: RUNTIME_SDK,
    env: {},
    targeted: false,
  },
];

/** Milliseconds from `import()` of the bundle to its `handler` being ready (top-level await included), in one fresh Node process. */
function loadOnce(bundle: string, env: Record<string, string>): number {
  const script = `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});
if (typeof m.handler !== 'function') throw new Error('no handler export');
process.stdout.write(String(performance.now() - t));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...LAMBDA_ENV, ...env },
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

interface Candidate {
  readonly stage: string;
  readonly variant: Variant;
  readonly bundle: string;
  readonly bytes: number;
  readonly samples: number[];
  error?: string;
}

/**
 * Lambda cold init per function: each handler bundled with the stack's own
 * settings (lib/bundling.ts: ESM, minified, aliases, the AWS SDK bundled), then
 * imported in fresh Node processes with a dummy configuration; the median of
 * several. As shipped with tracing on (as on AWS by default) and off, and, for
 * comparison, with the AWS SDK left to the runtime as the stack used to.
 * Samples are taken round-robin, so a busy moment on the machine spreads over
 * every row instead of inflating one.
 */
export async function benchColdStart(): Promise<BenchRow[]> {
  // Outside any node_modules, as on Lambda: a static import of something left out would fail here too.
  const shippedDir = mkdtempSync(join(tmpdir(), 'syndicate-cold-start-'));
  // With the files the stack copies beside the bundles (lib/bundling.ts BESIDE_BUNDLE), as in the asset.
  for (const file of Object.values(BESIDE_BUNDLE).flat())
    cpSync(join(PROJECT_ROOT, file), join(shippedDir, file));
  // Inside node_modules, so the reference variant's external SDK resolves as the runtime's own copy would.
  const referenceDir = join(PROJECT_ROOT, 'node_modules/.cache/syndicate-bench');
  mkdirSync(referenceDir, { recursive: true });
  const stages = STAGES.filter((s) => existsSync(handlerEntry(s)));
  try {
    // What the reference variant starts from: the runtime's SDK clients, loaded from node_modules.
    const sdk = join(referenceDir, 'sdk-only.mjs');
    writeFileSync(
      sdk,
      "import '@aws-sdk/client-s3'; import '@aws-sdk/client-sqs'; import '@aws-sdk/client-dynamodb';\nexport const handler = async () => {};\n",
    );
    const floor: number[] = [];
    const candidates: Candidate[] = [];
    for (const [index, variant] of VARIANTS.entries()) {
      const dir = variant.external === BUNDLE_EXTERNALS ? shippedDir : referenceDir;
      for (const stage of stages) {
        candidates.push(await bundleStage(stage, variant, join(dir, `${stage}-${index}.mjs`)));
      }
    }
    for (let round = 0; round < SAMPLES; round++) {
      floor.push(loadOnce(sdk, {}));
      for (const candidate of candidates) {
        if (candidate.error) continue;
        try {
          candidate.samples.push(loadOnce(candidate.bundle, candidate.variant.env));
        } catch (error) {
          candidate.error = (error as Error).message;
        }
      }
    }
    return [
      {
        name: `cold init reference: AWS SDK S3 + SQS + DynamoDB clients alone, from node_modules (median of ${SAMPLES})`,
        value: Math.round(median(floor) * 10) / 10,
        unit: 'ms',
      },
      ...candidates.map(row),
    ];
  } finally {
    rmSync(shippedDir, { recursive: true, force: true });
    rmSync(referenceDir, { recursive: true, force: true });
  }
}

async function bundleStage(stage: string, variant: Variant, outfile: string): Promise<Candidate> {
  try {
    const built = await build({
      ...ESBUILD_OPTIONS,
      entryPoints: [handlerEntry(stage)],
      // The bench runs on this Node, which may be older than the Lambda runtime the stack targets.
      target: `node${process.versions.node.split('.')[0]}`,
      external: [...variant.external],
      outfile,
      logLevel: 'silent',
      metafile: true,
    });
    const bytes = Object.values(built.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
    return { stage, variant, bundle: outfile, bytes, samples: [] };
  } catch (error) {
    return { stage, variant, bundle: outfile, bytes: 0, samples: [], error: (error as Error).message };
  }
}

function row(candidate: Candidate): BenchRow {
  const { stage, variant } = candidate;
  const target = variant.targeted ? { target: `≤ ${TARGET_MS} ms` } : {};
  if (candidate.error) {
    return {
      name: `cold init: ${stage} (${variant.label})`,
      value: Number.NaN,
      unit: 'ms',
      ...target,
      ...(variant.targeted ? { ok: false } : {}),
      note: `failed: ${candidate.error}`,
    };
  }
  const ms = median(candidate.samples);
  return {
    name: `cold init: ${stage} (${Math.round(candidate.bytes / 1024)} KiB bundle, ${variant.label}, median of ${SAMPLES})`,
    value: Math.round(ms * 10) / 10,
    unit: 'ms',
    ...target,
    ...(variant.targeted ? { ok: ms <= TARGET_MS } : {}),
  };
}
