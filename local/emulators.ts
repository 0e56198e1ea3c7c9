import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { startFauxqs } from 'fauxqs';
import S3rver from 's3rver';

/**
 * The AWS services the pipeline uses, emulated on 127.0.0.1 on ports the OS
 * picks, so tests and runs never collide:
 *  - S3: s3rver, persisted under `{stateDir}/s3`; it emits S3 event records.
 *  - SQS: fauxqs (complete SQS: DLQ redrive, FIFO, attributes, 1 MiB), in memory,
 *    since queues only hold work in flight.
 *  - DynamoDB: dynalite, in-process on LevelDB under `{stateDir}/dynamodb`:
 *    conditional writes and BatchGetItem as DynamoDB does them, no JVM to start
 *    (DynamoDB Local needs ~2 s and a Java runtime per test file). It has no TTL,
 *    which the index does not rely on: reads filter on `expiresAt` themselves.
 */
export interface Emulators {
  readonly endpoints: { readonly s3: string; readonly sqs: string; readonly dynamodb: string };
  readonly s3rver: S3rver;
  stop(): Promise<void>;
}

export const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const HOST = '127.0.0.1';

export async function startEmulators(stateDir: string): Promise<Emulators> {
  const s3Dir = join(stateDir, 's3');
  const dynamoDir = join(stateDir, 'dynamodb');
  mkdirSync(s3Dir, { recursive: true });
  mkdirSync(dynamoDir, { recursive: true });

  const stops: Array<() => Promise<void>> = [];
  try {
    const s3rver = new S3rver({ address: HOST, port: 0, silent: true, directory: s3Dir });
    const s3Address = (await s3rver.run()) as AddressInfo;
    stops.push(() => new Promise<void>((resolve) => s3rver.close(() => resolve())));

    const sqs = await startFauxqs({ host: 'localhost', port: 0, logger: false });
    stops.push(() => sqs.stop());

    const dynamo: Server = dynalite({
      path: dynamoDir,
      createTableMs: 0,
      deleteTableMs: 0,
      updateTableMs: 0,
    });
    await new Promise<void>((resolve, reject) => {
      dynamo.once('error', reject);
      dynamo.listen(0, HOST, () => resolve());
    });
    stops.push(() => new Promise<void>((resolve) => dynamo.close(() => resolve())));

    return {
      endpoints: {
        s3: `http://${HOST}:${s3Address.port}`,
        sqs: `http://${HOST}:${sqs.port}`,
        dynamodb: `http://${HOST}:${(dynamo.address() as AddressInfo).port}`,
      },
      s3rver,
      async stop() {
        await stopAll(stops);
      },
    };
  } catch (error) {
    await stopAll(stops);
    throw error;
  }
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.reverse()) await stop();
}
