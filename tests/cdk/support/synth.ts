import { readFileSync } from 'node:fs';
import type { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { createSyndicationApp } from '../../../lib/app.ts';
import { PROJECT_ROOT } from '../../../lib/bundling.ts';
import type { SyndicationStack } from '../../../lib/syndication-stack.ts';

/** The context `cdk synth` reads from cdk.json (feature flags and syndicate:* defaults). */
export function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(`${PROJECT_ROOT}cdk.json`, 'utf8')) as {
    context: Record<string, unknown>;
  };
  return cdkJson.context;
}

export interface SynthOptions {
  /** syndicate:* keys (without the prefix) on top of cdk.json's. */
  readonly settings?: Record<string, unknown>;
  /** Run esbuild for real. Off by default: template assertions do not need the code, and it saves seconds. */
  readonly bundle?: boolean;
}

export interface Synthesized {
  readonly app: App;
  readonly stack: SyndicationStack;
  readonly template: Template;
}

/** Synthesizes the app the way `cdk synth` does (bin/app.ts), once; share the result across a file's tests. */
export function synthesize(options: SynthOptions = {}): Synthesized {
  const context: Record<string, unknown> = { ...cdkJsonContext() };
  for (const [key, value] of Object.entries(options.settings ?? {})) context[`syndicate:${key}`] = value;
  if (!options.bundle) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = createSyndicationApp({ context });
  return { app, stack, template: Template.fromStack(stack) };
}
