import { expect, it } from 'vitest';
import { loadPollerConfig } from '../../../lambdas/poller/config.ts';

const base = { RAW_BUCKET: 'raw', INDEX_TABLE: 'index', AWS_REGION: 'eu-west-1' };

it('reads the poller environment with documented defaults', () => {
  const config = loadPollerConfig({ ...base, FETCH_TIMEOUT_MS: '2500' });
  expect(config).toMatchObject({ fetchTimeoutMs: 2500, maxBodyBytes: 5_242_880, concurrency: 4 });
  expect(() => loadPollerConfig({ RAW_BUCKET: 'raw' })).toThrow(/indexTable/);
});
