import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const out = tempDir('syndicate-cdk-out-');
afterAll(() => out.remove());

// The synth's own time limit is 240 s: on a loaded machine it takes over a minute (22 s of CPU).
it('`npx cdk synth` works with no AWS credentials and no network', () => {
  // No credentials of any kind, no instance metadata, and every proxy pointing at a closed local port:
  // a synth that tried to reach AWS (or Docker Hub) would fail here.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const result = spawnSync('npx', ['cdk', 'synth', '--quiet', '--output', out.path], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    timeout: 240_000,
    env: {
      ...env,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
      AWS_CONFIG_FILE: '/nonexistent',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      CDK_DOCKER: '/nonexistent/docker',
    },
  });
  expect(result.stderr).not.toMatch(/docker/i);
  expect(result.status).toBe(0);
  const templates = readdirSync(out.path).filter((name) => name.endsWith('.template.json'));
  expect(templates.length).toBeGreaterThan(0);
  const template = JSON.parse(readFileSync(join(out.path, templates[0] ?? ''), 'utf8')) as {
    Resources: Record<string, { Type: string; Properties?: { Runtime?: string } }>;
  };
  const runtimes = Object.values(template.Resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Runtime)
    .map((r) => r.Properties?.Runtime);
  expect(runtimes.filter((runtime) => runtime === 'nodejs22.x').length).toBeGreaterThanOrEqual(6);
}, 250_000);
