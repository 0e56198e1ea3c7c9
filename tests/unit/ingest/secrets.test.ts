import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CachedSecretSource, fileSecretSource, parseSecretMap } from '../../../lambdas/ingest/secrets.ts';
import { parameterStoreSource, secretsManagerSource } from '../../../lambdas/ingest/secrets-extension.ts';
import { ConfigError, TransientError } from '../../../lambdas/shared/errors.ts';
import { tempDir } from '../../support/temp-dir.ts';

const dirs: Array<{ remove: () => void }> = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
});

describe('the secrets document', () => {
  it('maps outlet ids to secrets', () => {
    const map = parseSecretMap('{"alpha":"0123456789abcdef"}', 'test');
    expect(map.get('alpha')).toBe('0123456789abcdef');
  });

  it.each([
    ['not JSON', 'alpha=secret', /not JSON/],
    ['a short secret', '{"alpha":"short"}', /16\+ characters/],
    ['a bad outlet id', '{"Alpha Outlet":"0123456789abcdef"}', /outlet ids/],
    ['a list', '["0123456789abcdef"]', /outlet ids/],
  ])('refuses %s with a ConfigError', (_name, json, message) => {
    expect(() => parseSecretMap(json, 'test')).toThrow(ConfigError);
    expect(() => parseSecretMap(json, 'test')).toThrow(message);
  });
});

describe('CachedSecretSource', () => {
  it('loads once within the TTL, reloads after it, and does not cache a failure', async () => {
    let now = 0;
    let loads = 0;
    let fail = true;
    const source = new CachedSecretSource(
      async () => {
        loads++;
        if (fail) throw new TransientError('unavailable');
        return new Map([['alpha', `secret-${loads}`]]);
      },
      1_000,
      () => now,
    );
    await expect(source.secretFor('alpha')).rejects.toThrow('unavailable');
    fail = false;
    expect(await source.secretFor('alpha')).toBe('secret-2');
    expect(await source.secretFor('beta')).toBeUndefined();
    expect(loads).toBe(2);
    now += 1_001;
    expect(await source.secretFor('alpha')).toBe('secret-3');
  });
});

describe('fileSecretSource', () => {
  it('reads the local JSON file', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const path = join(dir.path, 'secrets.json');
    writeFileSync(path, JSON.stringify({ gamma: 'gamma-secret-0123456789' }));
    const source = fileSecretSource(path);
    expect(await source.secretFor('gamma')).toBe('gamma-secret-0123456789');
    expect(await source.secretFor('delta')).toBeUndefined();
  });

  it('fails clearly when the file is missing', async () => {
    await expect(fileSecretSource('/nonexistent/secrets.json').secretFor('x')).rejects.toThrow(/ENOENT/);
  });
});

describe('secretsManagerSource (Lambda extension)', () => {
  it('asks the extension for the secret with the session token and reads SecretString', async () => {
    const calls: Array<{ url: string; token: string | null }> = [];
    const fakeFetch = (async (url: string, init?: RequestInit) => {
      calls.push({ url, token: new Headers(init?.headers).get('x-aws-parameters-secrets-token') });
      return Response.json({ SecretString: JSON.stringify({ alpha: 'alpha-secret-0123456789' }) });
    }) as typeof fetch;
    const source = secretsManagerSource('prod/outlets', { fetch: fakeFetch, sessionToken: 'tok' });
    expect(await source.secretFor('alpha')).toBe('alpha-secret-0123456789');
    expect(calls).toEqual([
      { url: 'http://localhost:2773/secretsmanager/get?secretId=prod%2Foutlets', token: 'tok' },
    ]);
  });

  it('turns an error answer into a TransientError', async () => {
    const fakeFetch = (async () => new Response('no', { status: 400 })) as typeof fetch;
    const source = secretsManagerSource('prod/outlets', { fetch: fakeFetch, sessionToken: 'tok' });
    await expect(source.secretFor('alpha')).rejects.toThrow(TransientError);
  });
});

describe('parameterStoreSource (Lambda extension)', () => {
  it('asks for the decrypted parameter and reads its value', async () => {
    const urls: string[] = [];
    const fakeFetch = (async (url: string) => {
      urls.push(url);
      return Response.json({ Parameter: { Value: JSON.stringify({ beta: 'beta-secret-0123456789' }) } });
    }) as typeof fetch;
    const source = parameterStoreSource('/syndicate/outlets', {
      fetch: fakeFetch,
      sessionToken: 't',
      port: 9999,
    });
    expect(await source.secretFor('beta')).toBe('beta-secret-0123456789');
    expect(urls).toEqual([
      'http://localhost:9999/systemsmanager/parameters/get?name=%2Fsyndicate%2Foutlets&withDecryption=true',
    ]);
  });
});
