import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULE_ALIASES, PROJECT_ROOT } from '../../../lib/bundling.ts';
import { scriptsUnder } from '../../support/scripts.ts';

const STUB = join(PROJECT_ROOT, MODULE_ALIASES.semver as string);
const require = createRequire(import.meta.url);
const semver = require(join(PROJECT_ROOT, 'node_modules/semver/index.js')) as Record<string, unknown>;
const stub = require(STUB) as Record<string, unknown>;

describe('the semver stand-in in the Lambda bundles', () => {
  it('is semver: same functions, same answers, same keys', () => {
    const gte = stub.gte as (a: string, b: string) => boolean;
    expect(gte('2.7.15', '2.7.15')).toBe(true);
    expect(gte('2.7.14', '2.7.15')).toBe(false);
    expect((stub.satisfies as (v: string, r: string) => boolean)('7.8.6', '^7.5.3')).toBe(true);
    expect(stub.SemVer).toBe(semver.SemVer);
    expect('gte' in stub).toBe(true);
    expect(Object.keys(stub)).toEqual(Object.keys(semver));
  });

  it('loads semver only when something in it is used', () => {
    const loaded = (access: string) =>
      execFileSync(
        process.execPath,
        [
          '-e',
          `const s = require(${JSON.stringify(STUB)}); ${access};
process.stdout.write(String(Object.keys(require.cache).some((k) => k.includes('/node_modules/semver/'))));`,
        ],
        { encoding: 'utf8' },
      );
    expect(loaded('')).toBe('false');
    expect(loaded("s.gte('1.0.0', '1.0.0')")).toBe('true');
  });

  it('is asked for, in the bundles, only by the X-Ray SDK v2 patcher, for one comparison', () => {
    // captureAWS, which this project never calls (v3 clients go through captureAWSv3Client).
    const callers = scriptsUnder(join(PROJECT_ROOT, 'node_modules/aws-xray-sdk-core/dist/lib')).filter(
      (file) => /require\(['"]semver['"]\)/.test(readFileSync(file, 'utf8')),
    );
    expect(callers.map((file) => file.split('/dist/lib/')[1])).toEqual(['patchers/aws_p.js']);
    const used = new Set(readFileSync(callers[0] as string, 'utf8').match(/semver\.\w+/g));
    expect([...used]).toEqual(['semver.gte']);
  });
});
