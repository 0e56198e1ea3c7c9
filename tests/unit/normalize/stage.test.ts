import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { createNormalizeHandler } from '../../../lambdas/normalize/stage.ts';
import type { ItemEnvelope } from '../../../lambdas/shared/envelope.ts';
import { createLogger } from '../../../lambdas/shared/logger.ts';

const ARTICLE = 'Council Freezes Fares\n\n(Metro Ledger) — The council froze bus fares on Monday.\n';

/** An S3 client holding two versions of one key, answering GetObject by version as S3 does. */
function versionedS3() {
  const versions = new Map([
    ['v1', ARTICLE],
    ['v2', 'Council Raises Fares\n\n(Metro Ledger) — The council raised bus fares on Tuesday.\n'],
  ]);
  const asked: Array<string | undefined> = [];
  const client = {
    async send(command: { constructor: { name: string }; input: { VersionId?: string } }) {
      if (command.constructor.name !== 'GetObjectCommand') return {};
      asked.push(command.input.VersionId);
      const body = versions.get(command.input.VersionId ?? 'v2') ?? '';
      const bytes = new TextEncoder().encode(body);
      return { Body: { transformToByteArray: async () => bytes }, ContentType: 'text/plain' };
    },
  };
  return { client: client as unknown as S3Client, asked };
}

function notification(versionId?: string): string {
  return JSON.stringify({
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: '2026-11-25T12:00:00.000Z',
        s3: {
          bucket: { name: 'raw' },
          object: {
            key: 'incoming/metro-ledger/fares.txt',
            sequencer: '0A',
            ...(versionId ? { versionId } : {}),
          },
        },
      },
    ],
  });
}

describe('normalize stage', () => {
  it('reads the version the event names, not whatever the key holds now', async () => {
    const s3 = versionedS3();
    const sent: ItemEnvelope[] = [];
    const handler = createNormalizeHandler({
      s3: s3.client,
      next: { send: async (envelopes) => void sent.push(...envelopes) },
      deadLetters: { send: async () => {} },
      logger: createLogger('normalize', 'SILENT'),
    });
    const deliver = (body: string) =>
      handler({ Records: [{ messageId: 'm0', body, attributes: {} }] } as unknown as SQSEvent);
    await deliver(notification('v1'));
    await deliver(notification());
    expect(s3.asked).toEqual(['v1', undefined]);
    expect(sent.map((e) => e.item.headline)).toEqual(['Council Freezes Fares', 'Council Raises Fares']);
  });
});
