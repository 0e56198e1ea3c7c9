import { describe, expect, it } from 'vitest';
import { readClaimCheck } from '../../../lambdas/shared/claim-check.ts';
import { loadDedupeConfig, loadStageConfig } from '../../../lambdas/shared/config.ts';
import { parseEnvelope } from '../../../lambdas/shared/envelope.ts';
import { ConfigError, InvalidMessageError, RejectedDocumentError } from '../../../lambdas/shared/errors.ts';
import { outletFromKey, rawDocumentKey } from '../../../lambdas/shared/keys.ts';
import { readS3Notification } from '../../../lambdas/shared/s3-events.ts';

const stageEnv = {
  RAW_BUCKET: 'raw',
  NEXT_QUEUE_URL: 'https://sqs.us-east-1.amazonaws.com/1/next',
  DLQ_URL: 'https://sqs.us-east-1.amazonaws.com/1/dlq',
  AWS_REGION: 'eu-west-1',
};

describe('configuration is validated at cold start', () => {
  it('reads a complete stage configuration', () => {
    const config = loadStageConfig(stageEnv);
    expect(config).toMatchObject({ rawBucket: 'raw', aws: { region: 'eu-west-1' } });
    expect(config.aws.endpoints.s3).toBeUndefined();
  });

  it('names what is missing', () => {
    expect(() => loadStageConfig({ ...stageEnv, NEXT_QUEUE_URL: undefined })).toThrow(ConfigError);
    expect(() => loadStageConfig({ ...stageEnv, NEXT_QUEUE_URL: undefined })).toThrow(/nextQueueUrl/);
  });

  it('takes an emulator endpoint as configuration', () => {
    const config = loadStageConfig({ ...stageEnv, SYNDICATE_S3_ENDPOINT: 'http://127.0.0.1:4569' });
    expect(config.aws.endpoints.s3).toBe('http://127.0.0.1:4569');
  });

  it('defaults and checks the dedupe settings', () => {
    expect(loadDedupeConfig({ ...stageEnv, INDEX_TABLE: 't' })).toMatchObject({
      duplicatePolicy: 'drop',
      lookbackDays: 30,
    });
    expect(() => loadDedupeConfig({ ...stageEnv, INDEX_TABLE: 't', DUPLICATE_POLICY: 'merge' })).toThrow(
      ConfigError,
    );
  });
});

describe('messages are validated at the edge', () => {
  it('rejects an envelope that breaks the contract, saying where', () => {
    expect(() => parseEnvelope({ schema: 'syndicate.item.v1', index: -1 })).toThrow(InvalidMessageError);
    expect(() => parseEnvelope({ schema: 'syndicate.item.v1', index: -1 })).toThrow(/document/);
  });

  it('recognises a claim check and ignores ordinary bodies', () => {
    const claim = { schema: 'syndicate.claim-check.v1', bucket: 'b', key: 'k', bytes: 10, sha256: 'x' };
    expect(readClaimCheck(JSON.stringify(claim))).toEqual(claim);
    expect(readClaimCheck('{"uri":"urn:x"}')).toBeUndefined();
    expect(readClaimCheck('not json syndicate.claim-check.v1')).toBeUndefined();
  });
});

describe('the raw archive layout', () => {
  it('keys documents by outlet and content hash, and reads the outlet back from any key under it', () => {
    const key = rawDocumentKey('patriotwise', 'ab'.repeat(32));
    expect(key).toBe(`incoming/patriotwise/${'ab'.repeat(32)}`);
    expect(outletFromKey(key)).toBe('patriotwise');
    expect(outletFromKey('incoming/wire-1/2024/story one.xml')).toBe('wire-1');
  });

  it('refuses keys outside incoming/ and outlet ids that are not ids', () => {
    expect(() => outletFromKey('reports/x/y')).toThrow(RejectedDocumentError);
    expect(() => outletFromKey('incoming/x')).toThrow(/no outlet folder/);
    expect(() => rawDocumentKey('../etc', 'a')).toThrow(RejectedDocumentError);
  });
});

describe('S3 notifications', () => {
  it('decodes keys as S3 encodes them and derives a per-arrival id', () => {
    const body = JSON.stringify({
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          eventTime: '2024-01-01T00:00:00.000Z',
          s3: {
            bucket: { name: 'raw' },
            object: { key: 'incoming/wire/story+one%C3%A9.xml', sequencer: '0A1' },
          },
        },
      ],
    });
    expect(readS3Notification(body)).toEqual([
      {
        bucket: 'raw',
        key: 'incoming/wire/story oneé.xml',
        eventTime: '2024-01-01T00:00:00.000Z',
        ingestionId: 'incoming/wire/story oneé.xml@0A1',
      },
    ]);
  });

  it('names the version a write created, so the archive is read as it was written', () => {
    const record = (versionId?: string) => ({
      eventName: 'ObjectCreated:Put',
      eventTime: '2024-01-01T00:00:00.000Z',
      s3: { bucket: { name: 'raw' }, object: { key: 'incoming/wire/a.xml', sequencer: '0A2', versionId } },
    });
    const [versioned, unversioned, nullVersion] = readS3Notification(
      JSON.stringify({ Records: [record('3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY'), record(), record('null')] }),
    );
    expect(versioned?.versionId).toBe('3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY');
    expect(unversioned).not.toHaveProperty('versionId');
    expect(nullVersion).not.toHaveProperty('versionId');
  });

  it('ignores the test event and removals, and rejects garbage', () => {
    expect(readS3Notification('{"Event":"s3:TestEvent"}')).toEqual([]);
    expect(readS3Notification(JSON.stringify({ Records: [{ eventName: 'ObjectRemoved:Delete' }] }))).toEqual(
      [],
    );
    expect(() => readS3Notification('<xml/>')).toThrow(InvalidMessageError);
  });
});
