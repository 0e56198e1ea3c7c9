import { type ArrivalRecord, readArrivalRecords } from '../local/arrival-records.ts';
import { LocalPipeline } from '../local/pipeline.ts';
import { exitCode, foldRecords, type SubmittedDocument } from '../local/run-summary.ts';
import { buildArrivals, type Plan, type PlannedArrival, variantMark } from './arrival-plan.ts';
import { FaultInjector } from './faults.ts';

export interface ArrivalCheck {
  /** Broken invariants that fail the property. */
  readonly violations: string[];
  /**
   * Items whose newest published version is not the outlet's last word, or that published more versions
   * than the outlet made changes (docs/dedupe.md, The outlet's last word); each is also a violation.
   */
  readonly lastWord: string[];
  readonly arrivals: number;
  readonly published: number;
}

interface Message {
  readonly uri: string;
  readonly version: number;
  readonly outlet: string;
  readonly guid: string;
  readonly text: string;
}

/**
 * Runs one plan through the whole local pipeline on fresh emulators: each
 * batch of arrivals is ingested, then left to settle, with record failures and
 * mid-batch kills injected around every stage's handler. Then every invariant
 * is checked against what the stages recorded and what consumers received.
 */
export async function checkArrivals(plan: Plan, stateDir: string, root: string): Promise<ArrivalCheck> {
  const arrivals = buildArrivals(plan, root);
  const injector = new FaultInjector({
    recordFailureRate: plan.recordFailureRate,
    batchThrowRate: 0,
    killRate: plan.killRate,
    redeliveryRate: 0,
    maxFaultyReceives: 1,
    seed: plan.faultSeed,
  });
  const pipeline = await LocalPipeline.start({
    stateDir,
    concurrency: plan.concurrency,
    visibilityTimeout: 1,
    logLevel: 'SILENT',
    wrapHandler: injector.wrap,
  });
  try {
    const submitted: SubmittedDocument[] = [];
    const messages: Message[] = [];
    const last = arrivals.at(-1)?.batch ?? 0;
    for (let batch = 0; batch <= last; batch++) {
      for (const arrival of arrivals.filter((a) => a.batch === batch)) {
        const stored = await pipeline.ingest(arrival.outlet, arrival.bytes, 'application/rss+xml');
        submitted.push({ path: `#${arrival.seq}`, outlet: arrival.outlet, ...stored });
      }
      await pipeline.waitForIdle(60_000);
      messages.push(...(await pipeline.drainOutput()).map(({ body }) => readMessage(body)));
    }
    const records = await readArrivalRecords(pipeline, submitted);
    return judge(arrivals, submitted, records, messages);
  } finally {
    await pipeline.stop();
  }
}

function readMessage(body: string): Message {
  const ninjs = JSON.parse(body) as {
    uri: string;
    version: string;
    altIds?: Array<{ role: string; value: string }>;
    bodies?: Array<{ contentType: string; value: string }>;
  };
  const alt = (role: string) => ninjs.altIds?.find((a) => a.role === role)?.value ?? '';
  return {
    uri: ninjs.uri,
    version: Number(ninjs.version),
    outlet: alt('syndicate:outlet'),
    guid: alt('syndicate:guid'),
    text: ninjs.bodies?.find((b) => b.contentType === 'text/plain')?.value ?? '',
  };
}

/** An item's arrivals as `#seq:variant@batch`, to say what the outlet sent when. */
function sentBy(sent: readonly PlannedArrival[]): string {
  return `(sent ${sent.map((a) => `#${a.seq}:${a.variant}@b${a.batch}`).join(' ')})`;
}

function judge(
  arrivals: readonly PlannedArrival[],
  submitted: readonly SubmittedDocument[],
  records: readonly ArrivalRecord[],
  messages: readonly Message[],
): ArrivalCheck {
  const violations: string[] = [];
  const lastWord: string[] = [];
  const fail = (text: string) => {
    if (violations.length < 20) violations.push(text);
  };

  // Every arrival has exactly one record, and it holds exactly one outcome for its one item.
  if (records.length !== arrivals.length) fail(`${arrivals.length} arrivals, ${records.length} records`);
  if (new Set(submitted.map((s) => s.ingestionId)).size !== arrivals.length)
    fail('two arrivals share one ingestion id');
  records.forEach((record, seq) => {
    if (record.status !== 'accepted') fail(`arrival #${seq}: ${record.status} (${record.reason})`);
    else if (record.items.length !== 1)
      fail(`arrival #${seq}: ${record.items.length} outcomes for 1 item: ${JSON.stringify(record.items)}`);
    else if (record.items[0]?.outcome === 'rejected')
      fail(`arrival #${seq}: rejected at ${record.items[0].stage}: ${record.items[0].reason}`);
  });

  // The summary is the sum of the records, and says the run succeeded.
  const summary = foldRecords(submitted, records, messages.length);
  const items = records.flatMap((r) => r.items);
  const sum = Object.values(summary.outcomes).reduce((a, b) => a + b, 0);
  if (summary.items !== items.length || sum !== items.length)
    fail(`summary: ${summary.items} items, outcomes sum to ${sum}, records hold ${items.length}`);
  for (const [outcome, count] of Object.entries(summary.outcomes)) {
    const recorded = items.filter((i) => i.outcome === outcome).length;
    if (count !== recorded) fail(`summary: ${count} ${outcome}, records hold ${recorded}`);
  }
  if (summary.documents !== arrivals.length || summary.accepted !== arrivals.length)
    fail(`summary: ${summary.documents} documents, ${summary.accepted} accepted, ${arrivals.length} sent`);
  if (exitCode(summary) !== 0) fail(`summary would exit ${exitCode(summary)}`);

  // Nothing is published twice: one body per (uri, version), one (uri, version) per published record.
  const pairs = new Map<string, string>();
  for (const m of messages) {
    const pair = `${m.uri}#${m.version}`;
    const seen = pairs.get(pair);
    if (seen !== undefined && seen !== m.text) fail(`${pair} published with two bodies`);
    pairs.set(pair, m.text);
  }
  const publishedRecords = items.filter((i) => i.published);
  if (pairs.size !== publishedRecords.length)
    fail(`${pairs.size} distinct (uri, version) published, ${publishedRecords.length} records say published`);
  if (summary.published !== pairs.size)
    fail(`summary says ${summary.published} published, ${pairs.size} were`);
  for (const r of publishedRecords)
    if (!pairs.has(`${r.uri}#${r.version}`)) fail(`recorded as published, never sent: ${r.uri}#${r.version}`);

  // Identical re-sends and syndicated copies publish nothing; an item publishes at most once per change.
  records.forEach((record, seq) => {
    const arrival = arrivals[seq];
    const outcome = record.items[0];
    if (!arrival || !outcome) return;
    if (arrival.kind === 'copy' && outcome.published)
      fail(`arrival #${seq}: a syndicated copy was published as ${outcome.outcome}`);
  });
  const owned = new Map<string, PlannedArrival[]>();
  for (const a of arrivals) {
    if (a.item === undefined) continue;
    owned.set(`${a.outlet}|${a.guid}`, [...(owned.get(`${a.outlet}|${a.guid}`) ?? []), a]);
  }
  for (const [key, sent] of owned) {
    const changes = sent.filter((a, i) => i === 0 || a.variant !== sent[i - 1]?.variant).length;
    const held = messages.filter((m) => `${m.outlet}|${m.guid}` === key);
    const uris = new Set(held.map((m) => m.uri));
    const versions = new Set(held.map((m) => m.version));
    if (uris.size > 1) fail(`${key}: published under ${uris.size} uris`);
    if (versions.size > changes)
      lastWord.push(`${key}: ${versions.size} versions published for ${changes} change(s) ${sentBy(sent)}`);
    if (held.length === 0) {
      fail(`${key}: never published`);
      continue;
    }
    // Whatever the order, two successive versions never carry the same text: that would be a copy published.
    const byVersion = [...new Map(held.map((m) => [m.version, m.text])).entries()].sort(
      (a, b) => a[0] - b[0],
    );
    byVersion.forEach(([version, text], i) => {
      const previous = byVersion[i - 1];
      if (previous && previous[1] === text) fail(`${key}: v${version} repeats v${previous[0]}`);
    });
    // The outlet's last word: the newest version consumers hold carries the last arrival's text.
    const newest = held.reduce((a, b) => (b.version > a.version ? b : a));
    const meant = sent.at(-1)?.variant ?? 0;
    if (!newest.text.includes(variantMark(meant))) {
      const heldVariant = [0, 1, 2].find((v) => newest.text.includes(variantMark(v)));
      lastWord.push(
        `${key}: newest published v${newest.version} carries variant ${heldVariant}, the outlet last sent ${meant} ${sentBy(sent)}`,
      );
    }
  }
  violations.push(...lastWord);
  return { violations, lastWord, arrivals: arrivals.length, published: pairs.size };
}
