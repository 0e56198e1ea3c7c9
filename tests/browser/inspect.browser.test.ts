import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, stopCli } from '../support/cli-process.ts';
import { startInspect } from '../support/inspect-process.ts';
import { runInspectFixtures } from '../support/inspect-state.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

const CHROMIUM = '/usr/bin/chromium';
/** Gitignored (`dist/`): the screenshot is kept for a person to look at after the run. */
const SCREENSHOTS = join(PROJECT_ROOT, 'dist', 'browser');

describe('syndicate inspect in chromium', () => {
  const state = tempDir('syndicate-browser-');
  const profile = mkdtempSync(join(tmpdir(), 'syndicate-chromium-'));
  let child: CliProcess | undefined;
  let browser: BrowserContext | undefined;
  let url = '';

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
    runInspectFixtures(state.path);
    ({ child, url } = await startInspect(state.path));
    // A fresh profile per run: nothing from an earlier browser session (cookies, cache) is reused.
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 1600 },
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await stopCli(child);
    state.remove();
    rmSync(profile, { recursive: true, force: true });
  });

  it('opens the story with a near copy and shows the copy, the rule, the marked passage and a tag’s evidence', async () => {
    const page = await (browser as BrowserContext).newPage();
    const offsite: string[] = [];
    page.on('request', (req) => {
      if (!req.url().startsWith(url)) offsite.push(req.url());
    });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') violations.push(message.text());
    });

    await page.goto(url);
    await page.getByLabel('search by outlet or headline').fill('rivertown');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.locator('h2').textContent()).toContain('Stories matching “rivertown” (1)');
    await page.getByRole('link', { name: 'Harbor Board Delays Vote on Dredging Contract' }).click();
    await page.waitForURL(/\/story\/story-/);

    const copy = page.locator('section[data-decision="near-duplicate"]');
    await expect.poll(() => copy.count()).toBe(1);
    expect(await copy.locator('h3').textContent()).toContain('Port Calder board puts off dredging decision');
    expect(await copy.locator('strong.rule').textContent()).toBe('minhash-jaccard');
    const marked = await copy.locator('.text mark.shared').allTextContents();
    expect(marked.join(' ')).toContain('deepen the north channel to 28 feet');
    // The stylesheet loaded (CSP allows only 'self'): the mark is yellow, not the browser default alone.
    const background = await copy
      .locator('.text mark.shared')
      .first()
      .evaluate((el) => {
        // Runs in the page; the project's TypeScript has no DOM types, so the page's global is described here.
        const page = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } };
        return page.getComputedStyle(el).backgroundColor;
      });
    expect(background).toBe('rgb(255, 224, 102)');

    const original = page.locator('section[data-decision="new"]');
    expect(await original.locator('.copy').textContent()).toContain(
      'Port Calder board puts off dredging decision',
    );
    const holder = original.locator('table.tags tr', { hasText: 'copyright holder' });
    expect(await holder.locator('mark.evidence').textContent()).toBe('LakeshoreLedger.com');
    expect(await holder.textContent()).toContain('copyright-notice');

    mkdirSync(SCREENSHOTS, { recursive: true });
    const shot = join(SCREENSHOTS, 'inspect-story.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    expect(offsite).toEqual([]);
    expect(violations).toEqual([]);
    await page.close();
  });
});
