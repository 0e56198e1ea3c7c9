import type { Node } from 'constructs';
import * as z from 'zod';

/**
 * Deployment settings, read from CDK context (`cdk.json` or `-c key=value`).
 * Values given on the command line arrive as strings, so each one is coerced
 * and validated here: a typo fails the synth with the key's name instead of
 * deploying something unintended.
 */

const bool = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean());
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() !== '' ? JSON.parse(v) : v), schema);

const subscriberSchema = z.object({
  outlets: z.array(z.string()).optional(),
  decisions: z.array(z.string()).optional(),
  firstVersionsOnly: z.boolean().optional(),
});
export type SubscriberInterest = z.infer<typeof subscriberSchema>;

export const settingsSchema = z.object({
  duplicatePolicy: z.enum(['drop', 'flag']).default('drop'),
  lookbackDays: z.coerce.number().int().positive().max(3650).default(30),
  rawRetentionDays: z.coerce.number().int().min(1).default(365),
  fifo: bool.default(false),
  fanout: bool.default(false),
  /** Outlet registry (lambdas/shared/outlets.ts), validated by the functions at cold start. */
  outlets: json(z.array(z.record(z.string(), z.unknown()))).default([]),
  /** X-Ray active tracing on every function. */
  tracing: bool.default(true),
  dedupeMaxConcurrency: z.coerce.number().int().min(2).max(1000).default(5),
  alarmEmail: z.preprocess((v) => (v === '' ? undefined : v), z.email().optional()),
  outletSecretsArn: z.preprocess((v) => (v === '' ? undefined : v), z.string().startsWith('arn:').optional()),
  /** Extra consumer queues on the fan-out topic: name → what it wants. */
  subscribers: json(z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), subscriberSchema)).default({}),
});
export type SyndicationSettings = z.infer<typeof settingsSchema>;

const KEYS = Object.keys(settingsSchema.shape) as (keyof SyndicationSettings)[];

export function readSettings(node: Node): SyndicationSettings {
  const raw: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = node.tryGetContext(`syndicate:${key}`);
    if (value !== undefined) raw[key] = value;
  }
  const result = settingsSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`invalid syndicate:* context: ${z.prettifyError(result.error)}`);
  }
  if (Object.keys(result.data.subscribers).length > 0 && !result.data.fanout) {
    throw new Error('syndicate:subscribers needs syndicate:fanout=true');
  }
  return result.data;
}
