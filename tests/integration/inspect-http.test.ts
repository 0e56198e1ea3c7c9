import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliProcess } from '../support/cli-process.ts';
import { exitCode, stopCli } from '../support/cli-process.ts';
import { startInspect } from '../support/inspect-process.ts';
import { runInspectFixtures } from '../support/inspect-state.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A GET with a Host header of the caller's choosing (fetch will not send a forged one). */
function get(
  url: string,
  host?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host ? { host } : {}, timeout: 20_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('syndicate inspect over HTTP', () => {
  const state = tempDir('syndicate-inspect-');
  let child: CliProcess | undefined;
  let url = '';
  beforeAll(async () => {
    runInspectFixtures(state.path);
    ({ child, url } = await startInspect(state.path));
  }, 180_000);
  afterAll(async () => {
    await stopCli(child);
    state.remove();
  });

  it('lists the stories with a strict Content-Security-Policy', async () => {
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).not.toContain('script-src');
    expect(page.body).toContain('Harbor Board Delays Vote on Dredging Contract');
    expect(page.body).toContain('Stories (2)');
    expect((await get(`${url}style.css`)).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('escapes hostile text: a headline with markup characters and a reflected search', async () => {
    const list = await get(url);
    expect(list.body).toContain('Pier vote: 5 &lt; 6 &amp; &quot;x&quot;');
    expect(list.body).not.toContain('5 < 6');
    const reflected = await get(`${url}?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(reflected.status).toBe(200);
    expect(reflected.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(reflected.body).not.toContain('<script>');
  });

  it('searches by outlet and by headline', async () => {
    const byOutlet = await get(`${url}?q=rivertown`);
    expect(byOutlet.body).toContain('Stories matching “rivertown” (1)');
    expect(byOutlet.body).toContain('Harbor Board Delays Vote');
    const byHeadline = await get(`${url}?q=PIER%20VOTE`);
    expect(byHeadline.body).toContain('(1)');
    expect(byHeadline.body).not.toContain('Harbor Board');
    expect((await get(`${url}?q=no-such-outlet`)).body).toContain('(0)');
  });

  it('shows a story with its near copy, the rule, the shared passages marked and the tag evidence', async () => {
    const list = await get(url);
    const href = /href="(\/story\/story-[0-9a-f]+)">Harbor Board/.exec(list.body)?.[1];
    expect(href).toBeDefined();
    const story = await get(`${url}${href?.slice(1)}`);
    expect(story.status).toBe(200);
    expect(story.body).toContain('data-decision="near-duplicate"');
    expect(story.body).toContain('<strong class="rule">minhash-jaccard</strong>');
    expect(story.body).toMatch(/<mark class="shared">[^<]*deepen the north channel to 28 feet/);
    expect(story.body).toContain('<mark class="evidence">LakeshoreLedger.com</mark>');
    expect(story.body).toContain('Port Calder board puts off dredging decision');
  });

  it('answers 404, 405 and 421 for what it does not serve', async () => {
    expect((await get(`${url}story/story-0`)).status).toBe(404);
    expect((await get(`${url}nothing`)).status).toBe(404);
    expect((await get(url, 'attacker.example')).status).toBe(421);
    const post = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(post).toBe(405);
  });

  it('stops on SIGTERM with exit 0', async () => {
    const running = child;
    expect(running?.process.pid).toBeDefined();
    running?.process.kill('SIGTERM');
    expect(await exitCode(running as CliProcess)).toBe(0);
    expect(running?.stderr).toContain('syndicate inspect: stopped');
    child = undefined;
  });
});
