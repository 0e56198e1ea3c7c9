import { spawnSync } from 'node:child_process';
import { afterAll, expect, it } from 'vitest';
import { ninjsErrors } from '../../lambdas/publish/validate.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The shapes of real feeds (relative links, xml:base, Media RSS) through `syndicate run`, as a user runs it. */
const state = tempDir('syndicate-real-feeds-');
afterAll(() => state.remove());

interface Ninjs {
  headlines: Array<{ value: string }>;
  bodies: Array<{ contentType: string; value: string }>;
  altIds: Array<{ role: string; value: string }>;
  renditions?: Array<{ name: string; href: string }>;
  associations?: Array<{ uri: string; rel: string }>;
}

it('publishes resolved links, bodies from media:description and media as renditions and associations', () => {
  const result = spawnSync(
    process.execPath,
    [`${PROJECT_ROOT}bin/syndicate.js`, 'run', '--state', state.path, `${PROJECT_ROOT}fixtures/feeds/real`],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 120_000 },
  );
  expect(result.stderr).toMatch(/5 document\(s\)/);
  expect(result.status).toBe(0);
  const messages = result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Ninjs);
  for (const message of messages) expect(ninjsErrors(message)).toEqual([]);
  const byHeadline = new Map(messages.map((m) => [m.headlines[0]?.value, m]));
  const url = (headline: string) =>
    byHeadline.get(headline)?.altIds.find((a) => a.role === 'syndicate:canonical-url')?.value;
  const html = (headline: string) =>
    byHeadline.get(headline)?.bodies.find((b) => b.contentType === 'text/html')?.value ?? '';

  expect(url('Streaming the village archive at home')).toBe(
    'https://ridgeway.example.net/blog/2026/11/30/archive-at-home',
  );
  expect(html('Streaming the village archive at home')).toContain(
    'src="https://ridgeway.example.net/images/reel.jpg"',
  );
  expect(url('Winter hours at the reading room')).toBe(
    'https://ridgeway.example.net/blog/2026/11/28/winter-hours',
  );
  expect(url('Footbridge reopens after repairs')).toBe(
    'https://harrow.example.org/news/2026/footbridge-reopens',
  );
  expect(html('Frost on the upper meadows')).toContain(
    'href="https://photos.example.org/harrow/gallery/frost-01"',
  );
  expect(html('Storm front over the tops, time-lapse')).toContain('Four hours of a storm front');
  expect(byHeadline.get('Storm front over the tops, time-lapse')?.renditions?.[0]?.name).toBe('thumbnail');
  expect(byHeadline.get('Harbour lights, a short film')?.associations?.map((a) => a.uri)).toEqual([
    'https://cdn.example.com/harbour-lights-1080.mp4',
    'https://cdn.example.com/harbour-lights-720.mp4',
  ]);
  // Nothing to resolve against: the classified ad keeps no link rather than a relative one.
  expect(url('Oak dining table, seats six')).toBeUndefined();
});
