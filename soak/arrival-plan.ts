import { readFileSync } from 'node:fs';
import fc from 'fast-check';

/**
 * Random sequences of arrivals from three outlets, and what each outlet meant
 * by them: the model the arrival property (arrival-check.ts) holds the pipeline
 * to. Each outlet owns two items (guids), each item its own article from the
 * labeled corpus in one of three variants (an update paragraph each), so a
 * change of variant is an update and a return to an earlier one a revert.
 * Syndicated copies take another outlet's body word for word under a guid of
 * their own. Kills (an outlet withdrawing an item) are left out: the pipeline
 * has no notion of one yet (every message is `pubStatus: usable`).
 */
export const OUTLETS = ['prop-north', 'prop-east', 'prop-south'] as const;
const GUIDS_PER_OUTLET = 2;
export const ITEMS = OUTLETS.length * GUIDS_PER_OUTLET;
export const VARIANTS = 3;
// Six topics, one article each: distinct stories, never near copies of one another.
const ARTICLE_IDS = [
  'kremlin-resign',
  'fare-freeze',
  'storm-outage',
  'chip-earnings',
  'cup-final',
  'measles',
];
const VARIANT_MARKS = ['first reading', 'second reading', 'third reading'];
const UPDATES = [
  'The office confirmed the account in full on Monday evening and said no figure in it had changed.',
  'Update: officials revised the central figure upward on Tuesday after a second count of the returns.',
  'Update: a later statement withdrew the revision and gave a third figure, citing an error in the tally.',
];

export type Step =
  | { readonly kind: 'send'; readonly item: number; readonly variant: number }
  | { readonly kind: 'resend'; readonly item: number }
  | { readonly kind: 'copy'; readonly outlet: number; readonly item: number };

export interface Plan {
  readonly steps: readonly Step[];
  /** How many arrivals go in before the pipeline is left to settle: cuts the steps into batches. */
  readonly batches: readonly number[];
  readonly concurrency: number;
  readonly recordFailureRate: number;
  readonly killRate: number;
  readonly faultSeed: number;
}

export const planArbitrary = (maxSteps = 30): fc.Arbitrary<Plan> =>
  fc.record({
    steps: fc.array(
      fc.oneof(
        {
          weight: 5,
          arbitrary: fc.record({ kind: fc.constant('send' as const), item: item(), variant: variant() }),
        },
        { weight: 2, arbitrary: fc.record({ kind: fc.constant('resend' as const), item: item() }) },
        {
          weight: 2,
          arbitrary: fc.record({
            kind: fc.constant('copy' as const),
            outlet: fc.nat({ max: OUTLETS.length - 1 }),
            item: item(),
          }),
        },
      ),
      { minLength: 1, maxLength: maxSteps, size: 'medium' },
    ),
    batches: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    recordFailureRate: fc.constantFrom(0, 0.1, 0.2),
    killRate: fc.constantFrom(0, 0.1),
    faultSeed: fc.nat({ max: 1_000_000 }),
  });

const item = () => fc.nat({ max: ITEMS - 1 });
const variant = () => fc.nat({ max: VARIANTS - 1 });

/** One arrival as sent, and what the outlet meant by it. */
export interface PlannedArrival {
  readonly seq: number;
  readonly batch: number;
  readonly outlet: string;
  readonly guid: string;
  readonly bytes: Uint8Array;
  readonly kind: Step['kind'];
  /** The own item (0–5) it is an arrival of; undefined for a syndicated copy. */
  readonly item?: number;
  /** The variant of the body it carries (a copy carries the copied item's). */
  readonly variant: number;
}

interface Articles {
  readonly paragraphs: (id: string) => readonly string[];
}

function corpus(root: string): Articles {
  const articles = JSON.parse(readFileSync(`${root}fixtures/dedupe/articles.json`, 'utf8')) as Array<{
    id: string;
    paragraphs: string[];
  }>;
  return {
    paragraphs(id) {
      const found = articles.find((a) => a.id === id);
      if (!found) throw new Error(`no article ${id} in fixtures/dedupe/articles.json`);
      return found.paragraphs;
    },
  };
}

/** The marker consumers' text carries for a variant, to tell which one they hold. */
export function variantMark(variant: number): string {
  return `Reading: ${VARIANT_MARKS[variant]}.`;
}

/**
 * Turns steps into arrivals. A resend repeats the item's latest arrival byte
 * for byte (a send when the item has none yet); a copy takes an item's body as
 * of an earlier batch, so the original was decided before its copy arrives (a
 * copy with nothing to copy yet is dropped). Every arrival's feed carries a
 * later `lastBuildDate` than the outlet's one before, as an outlet's clock would.
 */
export function buildArrivals(plan: Plan, root: string): PlannedArrival[] {
  const articles = corpus(root);
  const cuts = batchOf(plan);
  const latest = new Map<number, PlannedArrival>();
  const settled = new Map<number, PlannedArrival>();
  const arrivals: PlannedArrival[] = [];
  let copies = 0;
  let batchSeen = 0;
  plan.steps.forEach((step, index) => {
    const batch = cuts(index);
    if (batch !== batchSeen) {
      for (const [item, arrival] of latest) settled.set(item, arrival);
      batchSeen = batch;
    }
    const seq = arrivals.length;
    if (step.kind === 'resend') {
      const last = latest.get(step.item);
      if (last) {
        arrivals.push({ ...last, seq, batch, kind: 'resend' });
        return;
      }
    }
    if (step.kind === 'copy') {
      const original = settled.get(step.item);
      const outlet = OUTLETS[step.outlet] as string;
      if (!original || original.outlet === outlet) return;
      const guid = `syndicated-${copies++}`;
      arrivals.push({
        seq,
        batch,
        outlet,
        guid,
        kind: 'copy',
        variant: original.variant,
        bytes: rss(
          outlet,
          guid,
          `Reprint: ${headline(original.item ?? 0)}`,
          body(articles, original.item ?? 0, original.variant),
          seq,
        ),
      });
      return;
    }
    const own = step.item;
    const chosen = step.kind === 'send' ? step.variant : 0;
    const outlet = OUTLETS[Math.floor(own / GUIDS_PER_OUTLET)] as string;
    const guid = `item-${own}`;
    const arrival: PlannedArrival = {
      seq,
      batch,
      outlet,
      guid,
      kind: 'send',
      item: own,
      variant: chosen,
      bytes: rss(outlet, guid, headline(own), body(articles, own, chosen), seq),
    };
    latest.set(own, arrival);
    arrivals.push(arrival);
  });
  return arrivals;
}

/** Step index → batch number, from the plan's batch sizes (the last size repeats). */
function batchOf(plan: Plan): (index: number) => number {
  const sizes = plan.batches.length > 0 ? plan.batches : [plan.steps.length];
  const starts: number[] = [];
  let at = 0;
  for (let i = 0; at < plan.steps.length; i++) {
    starts.push(at);
    at += sizes[Math.min(i, sizes.length - 1)] ?? 1;
  }
  return (index) => starts.filter((start) => start <= index).length - 1;
}

function headline(item: number): string {
  return `Item ${item}: ${ARTICLE_IDS[item]?.replace('-', ' ')}`;
}

function body(articles: Articles, item: number, variant: number): string {
  const paragraphs = [
    ...articles.paragraphs(ARTICLE_IDS[item] as string),
    UPDATES[variant],
    variantMark(variant),
  ];
  return paragraphs.map((p) => `<p>${p}</p>`).join('\n');
}

const BASE_TIME = Date.parse('2026-11-02T08:00:00Z');

function rss(outlet: string, guid: string, title: string, html: string, seq: number): Uint8Array {
  const built = new Date(BASE_TIME + seq * 60_000).toUTCString();
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${outlet}</title><link>https://${outlet}.example/</link>
<description>Property-test outlet</description><lastBuildDate>${built}</lastBuildDate>
<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>https://${outlet}.example/${guid}</link>
<pubDate>Mon, 02 Nov 2026 07:00:00 GMT</pubDate><description><![CDATA[${html}]]></description></item>
</channel></rss>`);
}
