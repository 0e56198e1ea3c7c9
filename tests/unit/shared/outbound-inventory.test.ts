import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../support/paths.ts';

/**
 * Every outbound request the functions make, by where it is made. A request to
 * a URL that came from input must go through lambdas/shared/outbound/ (redirects
 * by hand, each hop's resolved address checked and pinned); a new one anywhere
 * else fails here until it does, or is listed with the reason it needs no guard.
 */
const MAY_REQUEST: Record<string, string> = {
  'lambdas/shared/outbound/pinned-request.ts': 'the guarded transport itself',
  'lambdas/ingest/secrets-extension.ts': 'a fixed localhost URL of the Lambda extension, never from input',
};
const REQUEST =
  /\bfetch\s*\(|\?\?\s*fetch\b|\b(?:http|https)\.(?:request|get)\b|\bfrom 'node:https?'|\bundici\b|\bnet\.connect\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

it('makes outbound requests only through the guard, or where the URL never comes from input', () => {
  const requesting = sources(join(PROJECT_ROOT, 'lambdas'))
    .filter((path) => REQUEST.test(readFileSync(path, 'utf8')))
    .map((path) => relative(PROJECT_ROOT, path).split('\\').join('/'))
    .sort();
  expect(requesting).toEqual(Object.keys(MAY_REQUEST).sort());
});
