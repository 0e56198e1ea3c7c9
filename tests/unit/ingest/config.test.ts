import { expect, it } from 'vitest';
import { loadIngestConfig } from '../../../lambdas/ingest/config.ts';
import { ConfigError } from '../../../lambdas/shared/errors.ts';

const base = { RAW_BUCKET: 'raw', INDEX_TABLE: 'index', AWS_REGION: 'eu-west-1' };

it('reads the ingest environment with documented defaults', () => {
  const config = loadIngestConfig({ ...base, OUTLET_SECRETS_ID: 'prod/outlets' });
  expect(config).toMatchObject({
    rawBucket: 'raw',
    indexTable: 'index',
    outletSecretsId: 'prod/outlets',
    maxBodyBytes: 5_242_880,
    signatureMaxAgeSeconds: 300,
    aws: { region: 'eu-west-1' },
  });
});

it('needs exactly one secret source', () => {
  expect(() => loadIngestConfig(base)).toThrow(
    /exactly one of OUTLET_SECRETS_ID, OUTLET_SECRETS_PARAMETER and OUTLET_SECRETS_FILE/,
  );
  expect(() =>
    loadIngestConfig({ ...base, OUTLET_SECRETS_ID: 'a', OUTLET_SECRETS_FILE: '/tmp/s.json' }),
  ).toThrow(ConfigError);
});

it('takes an SSM parameter as the secret source', () => {
  expect(
    loadIngestConfig({ ...base, OUTLET_SECRETS_PARAMETER: '/syndicate/outlets' }).outletSecretsParameter,
  ).toBe('/syndicate/outlets');
});

it('refuses a non-numeric size limit at cold start', () => {
  expect(() => loadIngestConfig({ ...base, OUTLET_SECRETS_ID: 'a', MAX_BODY_BYTES: 'lots' })).toThrow(
    ConfigError,
  );
});
