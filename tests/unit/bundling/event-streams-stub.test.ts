import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import * as s3 from '@aws-sdk/client-s3';
import * as sns from '@aws-sdk/client-sns';
import * as sqs from '@aws-sdk/client-sqs';
import { resolveEventStreamSerdeConfig } from '@smithy/core/event-streams';
import { NormalizedSchema } from '@smithy/core/schema';
import { describe, expect, it } from 'vitest';
import { MODULE_ALIASES, PROJECT_ROOT } from '../../../lib/bundling.ts';
import { scriptsUnder } from '../../support/scripts.ts';

const STUB = join(PROJECT_ROOT, MODULE_ALIASES['@smithy/core/event-streams'] as string);
const stub = (await import(pathToFileURL(STUB).href)) as Record<string, unknown> & {
  resolveEventStreamSerdeConfig: typeof resolveEventStreamSerdeConfig;
  eventStreamSerdeProvider: () => { serialize: () => unknown; deserialize: () => unknown };
  EventStreamSerde: new () => unknown;
};

/** Operations (a client's exported `Name$` operation schemas) with an event stream in their input or output. */
function streamingOperations(client: Record<string, unknown>): string[] {
  return Object.entries(client)
    .filter(([name, value]) => name.endsWith('$') && Array.isArray(value) && value[0] === 9)
    .filter(([, operation]) => {
      const [, , , , input, output] = operation as unknown[];
      return [input, output].some(
        (schema) => NormalizedSchema.of(schema as never).getEventStreamMember() !== '',
      );
    })
    .map(([name]) => name.slice(0, -1));
}

describe('the event-streams stand-in in the Lambda bundles', () => {
  it('leaves out nothing the functions call: of all their clients’ operations, only S3 Select streams events', () => {
    expect(streamingOperations(s3)).toEqual(['SelectObjectContent']);
    for (const client of [sqs, sns, dynamodb]) expect(streamingOperations(client)).toEqual([]);
    const lambdas = readdirSync(join(PROJECT_ROOT, 'lambdas'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .filter((file) =>
        readFileSync(join(PROJECT_ROOT, 'lambdas', file), 'utf8').includes('SelectObjectContent'),
      );
    expect(lambdas).toEqual([]);
  });

  it('provides all the SDK imports from event-streams, and builds the S3 client config as the library does', () => {
    const imported = new Set<string>();
    for (const scope of ['@aws-sdk', '@smithy']) {
      for (const file of scriptsUnder(join(PROJECT_ROOT, 'node_modules', scope))) {
        if (file.includes('/submodules/event-streams/')) continue;
        const source = readFileSync(file, 'utf8');
        const pattern =
          /(?:import|const)\s*\{([^}]*)\}\s*(?:from|=\s*await\s+import\()\s*"@smithy\/core\/event-streams"/g;
        for (const [, names] of source.matchAll(pattern)) {
          for (const name of (names ?? '').split(','))
            if (name.trim()) imported.add(name.trim().split(/\s+as\s+/)[0] ?? '');
        }
      }
    }
    expect([...imported].sort()).toEqual([
      'EventStreamSerde',
      'eventStreamSerdeProvider',
      'resolveEventStreamSerdeConfig',
    ]);
    for (const name of imported) expect(stub).toHaveProperty(name);

    const input = () => ({ eventStreamSerdeProvider: (config: object) => ({ for: config }) });
    const real = resolveEventStreamSerdeConfig(input() as never) as {
      eventStreamMarshaller: { for: object };
    };
    const given = stub.resolveEventStreamSerdeConfig(input() as never) as {
      eventStreamMarshaller: { for: object };
    };
    expect(Object.keys(given)).toEqual(Object.keys(real));
    expect(given.eventStreamMarshaller.for).toBe(given);
  });

  it('fails loudly were an event stream ever used', () => {
    const marshaller = stub.eventStreamSerdeProvider();
    expect(() => marshaller.serialize()).toThrow(/event streams are not bundled/);
    expect(() => marshaller.deserialize()).toThrow(/event streams are not bundled/);
    expect(() => new stub.EventStreamSerde()).toThrow(/event streams are not bundled/);
  });
});
