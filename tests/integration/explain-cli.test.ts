import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Explanation } from '../../cli/state/explain-model.ts';
import { NEAR_COPY, runInspectFixtures, STORY, syndicate } from '../support/inspect-state.ts';
import { PROJECT_ROOT } from '../support/paths.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('syndicate explain on a run state', () => {
  const state = tempDir('syndicate-explain-');
  beforeAll(() => runInspectFixtures(state.path), 180_000);
  afterAll(() => state.remove());

  const explainJson = (...args: string[]) => {
    const result = syndicate('explain', '--state', state.path, '--json', ...args);
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Explanation;
  };

  it('explains a near copy by its path: the earlier item, the rule, the figures and the shared passages', () => {
    const explanation = explainJson(NEAR_COPY);
    expect(explanation.query).toMatchObject({ kind: 'document', path: NEAR_COPY });
    expect(explanation.decisions).toHaveLength(1);
    const [copy] = explanation.decisions;
    expect(copy?.item).toMatchObject({ outlet: 'rivertown', decision: 'near-duplicate', index: 0 });
    expect(copy?.published).toBe(false);
    expect(copy?.match?.rule).toBe('minhash-jaccard');
    expect(copy?.match?.similarity).toBeGreaterThan(0.4);
    expect(copy?.evidence.match?.detailConflicts).toBe(0);
    expect(copy?.match?.earlier).toMatchObject({
      outlet: 'lakeshore',
      headline: 'Harbor Board Delays Vote on Dredging Contract',
      decision: 'new',
    });
    const passages = copy?.match?.passages ?? [];
    expect(passages.length).toBeGreaterThan(0);
    expect(passages.map((p) => p.text).join(' ')).toContain('deepen the north channel to 28 feet');
    expect(copy?.match?.sharedWords).toBeGreaterThan(0.5);
    // Text is for the page's highlighting; the JSON carries the passages, not the whole body.
    expect(copy).not.toHaveProperty('text');
  });

  it('explains the original by its uri: its copy and the words behind each tag', () => {
    const [copy] = explainJson(NEAR_COPY).decisions;
    const uri = copy?.match?.uri ?? '';
    const [original] = explainJson(uri).decisions;
    expect(original?.item).toMatchObject({ uri, outlet: 'lakeshore', decision: 'new', version: 1 });
    expect(original?.copies.map((c) => c.outlet)).toEqual(['rivertown']);
    expect(original?.tags?.values.copyrightHolder).toBe('LakeshoreLedger.com');
    const holder = original?.tags?.evidence.holder;
    expect(holder).toMatchObject({ field: 'notices[0]', rule: 'copyright-notice' });
    const [from, to] = holder?.match ?? [0, 0];
    expect(holder?.excerpt.slice(from, to)).toBe('LakeshoreLedger.com');
    expect(original?.tags?.evidence.notice?.excerpt).toBe('Copyright 2026, LakeshoreLedger.com');
    const publisher = original?.tags?.evidence.sources.find((s) => s.role === 'publisher');
    expect(publisher).toMatchObject({ name: 'Lakeshore Ledger', field: 'dateline', rule: 'dateline-credit' });
  });

  it('prints the same decisions as text by default, and finds a document by an id prefix', () => {
    const [copy] = explainJson(NEAR_COPY).decisions;
    const text = syndicate(
      'explain',
      '--state',
      state.path,
      '--document',
      copy?.item.documentId.slice(0, 12) ?? '',
    );
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('near-duplicate, not published (policy drop)');
    expect(text.stdout).toMatch(/by rule minhash-jaccard, similarity 0\.\d+/);
    expect(text.stdout).toContain('shared passages:');
    const original = syndicate('explain', '--state', state.path, STORY);
    expect(original.stdout).toContain(
      'copyright holder: "LakeshoreLedger.com" from notices[0] (copyright-notice)',
    );
  });

  it('exits 1 when nothing is on record, and 2 on a usage error', () => {
    const missing = syndicate('explain', '--state', state.path, 'urn:syndicate:nobody:0');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('no item with uri');
    expect(syndicate('explain', '--state', state.path, '--document', 'f'.repeat(64)).status).toBe(1);
    const noState = syndicate('explain', '--state', `${state.path}/none`, 'urn:x');
    expect(noState.status).toBe(1);
    expect(noState.stderr).toContain('no pipeline state here');
    expect(syndicate('explain', '--state', state.path).status).toBe(2);
    expect(syndicate('explain', '--state', state.path, '--document', 'zz').status).toBe(2);
  });
});

describe('syndicate explain on versions and linked reports', () => {
  const state = tempDir('syndicate-explain-links-');
  const fixture = (name: string) => `${PROJECT_ROOT}fixtures/dedupe/${name}`;
  beforeAll(() => {
    for (const [outlet, files] of [
      ['quarry', ['events/a-quarrybrook-bridge.txt']],
      ['fork', ['events/b-fork-valley-bridge.txt']],
      ['fares', ['versions/fare-a.rss.xml', 'versions/fare-b.rss.xml']],
    ] as const) {
      const result = syndicate('run', '--state', state.path, '--outlet', outlet, ...files.map(fixture));
      if (result.status !== 0) throw new Error(result.stderr);
    }
  }, 180_000);
  afterAll(() => state.remove());

  it('says which version of what an update is, and what it shares with the version before', () => {
    const result = syndicate('explain', '--state', state.path, '--json', fixture('versions/fare-b.rss.xml'));
    expect(result.status, result.stderr).toBe(0);
    const [update] = (JSON.parse(result.stdout) as Explanation).decisions;
    expect(update?.item).toMatchObject({ decision: 'version', version: 2 });
    expect(update?.versionOf).toMatchObject({ uri: update?.item.uri, version: 2 });
    expect(update?.versionOf?.previous).toMatchObject({ version: 1, decision: 'new', uri: update?.item.uri });
    expect(update?.versionOf?.passages?.length).toBeGreaterThan(0);
  });

  it('names the earlier report a separately written one was linked to, by rule, and the reverse link', () => {
    const result = syndicate(
      'explain',
      '--state',
      state.path,
      '--json',
      fixture('events/b-fork-valley-bridge.txt'),
    );
    const [linked] = (JSON.parse(result.stdout) as Explanation).decisions;
    expect(linked?.item.decision).toBe('new');
    expect(linked?.sameEventAs?.rule).toMatch(/^same-event-/);
    expect(linked?.sameEventAs?.earlier?.outlet).toBe('quarry');
    expect(linked?.evidence.sameEvent?.sharedQuoteRuns).toBeGreaterThan(0);
    const first = syndicate('explain', '--state', state.path, '--json', linked?.sameEventAs?.uri ?? '');
    const [original] = (JSON.parse(first.stdout) as Explanation).decisions;
    expect(original?.linkedReports.map((r) => r.uri)).toEqual([linked?.item.uri]);
  });
});
