import type { DedupeEvidence } from '../../lambdas/dedupe/decide.ts';
import type { TagSet } from '../../lambdas/shared/envelope.ts';
import type { TagEvidence } from '../../lambdas/tag/evidence.ts';
import type { DecidedItem, LocalState, StateSnapshot } from './local-state.ts';
import { type SharedPassage, sharedPassages, sharedShare } from './passages.ts';

/** Another item on record, named so a reader can find it (its arrival and place in its document). */
export interface ItemRef {
  readonly outlet: string;
  readonly documentId: string;
  readonly ingestionId: string;
  readonly index: number;
  readonly uri: string;
  readonly version: number;
  readonly headline: string;
  readonly decision: string;
  readonly receivedAt?: string;
}

/** The earlier item a decision compared this one with, and the words the two share. */
export interface Comparison {
  readonly earlier?: ItemRef;
  /** Shared runs of five or more words, as they stand in this item's text. */
  readonly passages: readonly SharedPassage[];
  /** Share of this item's words inside those passages. */
  readonly sharedWords: number;
}

/** One decision on one item of one arrival, with every piece of evidence on record. */
export interface ExplainedDecision {
  readonly item: ItemRef & { readonly identity: string; readonly storyId: string };
  readonly published: boolean;
  readonly policy: string;
  readonly firstCreated: string;
  readonly versionCreated: string;
  readonly eventId?: string;
  readonly evidence: DedupeEvidence;
  /** Duplicates and near-duplicates: the earlier report matched, by which rule, how alike. */
  readonly match?: {
    readonly uri: string;
    readonly storyId: string;
    readonly rule: string;
    readonly similarity?: number;
  } & Comparison;
  /** Versions: which version of which item, and what it shares with the version before. */
  readonly versionOf?: {
    readonly uri: string;
    readonly version: number;
    readonly previous?: ItemRef;
  } & Partial<Comparison>;
  /** A separately written report of the same event by another outlet, linked, not merged. */
  readonly sameEventAs?: {
    readonly uri: string;
    readonly storyId: string;
    readonly rule: string;
  } & Comparison;
  /** Later reports linked to this one as the same event. */
  readonly linkedReports: readonly ItemRef[];
  /** Later copies assigned to this item (duplicates, near-duplicates). */
  readonly copies: readonly ItemRef[];
  /** The tags published with the item and the words each came from (absent when not published). */
  readonly tags?: { readonly values: TagSet; readonly evidence: TagEvidence };
  /** This item's text as normalized from the archived bytes; for highlighting, not in `--json` output. */
  readonly text?: string;
}

export type Query =
  | { readonly kind: 'uri'; readonly uri: string }
  | { readonly kind: 'document'; readonly id: string; readonly path?: string };

export interface Explanation {
  readonly query: Query;
  readonly decisions: readonly ExplainedDecision[];
}

export function refOf(entry: DecidedItem): ItemRef {
  const { decision } = entry;
  return {
    outlet: entry.outlet,
    documentId: entry.documentId,
    ingestionId: entry.ingestionId,
    index: decision.index,
    uri: decision.uri,
    version: decision.version,
    headline: decision.headline,
    decision: decision.decision,
    ...(entry.receivedAt ? { receivedAt: entry.receivedAt } : {}),
  };
}

/** The decisions a query names: an item's every arrival, or every item of a document (id or unique prefix). */
export function selectDecisions(snapshot: StateSnapshot, query: Query): DecidedItem[] {
  if (query.kind === 'uri') return snapshot.items.filter((i) => i.decision.uri === query.uri);
  const id = query.id.toLowerCase();
  const documents = new Set(
    snapshot.items.filter((i) => i.documentId.startsWith(id)).map((i) => i.documentId),
  );
  if (documents.size !== 1) return [];
  return snapshot.items.filter((i) => documents.has(i.documentId));
}

const sameItem = (a: DecidedItem, b: { ingestionId: string; index: number }) =>
  a.ingestionId === b.ingestionId && a.decision.index === b.index;

/**
 * Builds the explanation of each decision from the snapshot, reading item
 * texts from the archive only where a comparison needs them (shared passages).
 */
export class Explainer {
  constructor(
    readonly state: LocalState,
    readonly snapshot: StateSnapshot,
  ) {}

  async explain(query: Query, options: { withText?: boolean } = {}): Promise<Explanation> {
    const selected = selectDecisions(this.snapshot, query);
    const decisions: ExplainedDecision[] = [];
    for (const entry of selected) decisions.push(await this.explainOne(entry, options));
    return { query, decisions };
  }

  /** The item that claimed a body first (index `exact#` record), as decided. */
  claimant(fingerprint: string | undefined): DecidedItem | undefined {
    const claim = fingerprint ? this.snapshot.claims.get(fingerprint) : undefined;
    return claim ? this.snapshot.items.find((i) => sameItem(i, claim)) : undefined;
  }

  async #text(entry: DecidedItem): Promise<string | undefined> {
    const item = await this.state.itemText(
      entry.outlet,
      entry.documentId,
      entry.ingestionId,
      entry.decision.index,
    );
    return item?.bodyText;
  }

  async #compare(entry: DecidedItem, earlier: DecidedItem | undefined): Promise<Comparison> {
    if (!earlier) return { passages: [], sharedWords: 0 };
    const [text, other] = await Promise.all([this.#text(entry), this.#text(earlier)]);
    const passages = text && other ? sharedPassages(text, other) : [];
    return { earlier: refOf(earlier), passages, sharedWords: text ? sharedShare(text, passages) : 0 };
  }

  async explainOne(entry: DecidedItem, options: { withText?: boolean } = {}): Promise<ExplainedDecision> {
    const { decision } = entry;
    const { items } = this.snapshot;
    const matched = decision.matchOf
      ? (this.claimant(decision.evidence.match?.fingerprint) ??
        items.find((i) => i.decision.uri === decision.matchOf?.uri && i.decision.published))
      : undefined;
    const previous =
      decision.decision === 'version'
        ? items.find(
            (i) =>
              i.decision.uri === decision.uri &&
              i.decision.version === decision.version - 1 &&
              i.decision.published,
          )
        : undefined;
    const linkedTo = decision.sameEventAs
      ? (this.claimant(decision.evidence.sameEvent?.fingerprint) ??
        items.find((i) => i.decision.uri === decision.sameEventAs?.uri))
      : undefined;
    const isThis = (i: DecidedItem) => sameItem(i, { ingestionId: entry.ingestionId, index: decision.index });
    const text = options.withText ? await this.#text(entry) : undefined;
    return {
      item: { ...refOf(entry), identity: decision.identity, storyId: decision.storyId },
      published: decision.published,
      policy: decision.policy,
      firstCreated: decision.firstCreated,
      versionCreated: decision.versionCreated,
      ...(decision.eventId ? { eventId: decision.eventId } : {}),
      evidence: decision.evidence,
      ...(decision.matchOf
        ? { match: { ...decision.matchOf, ...(await this.#compare(entry, matched)) } }
        : {}),
      ...(decision.decision === 'version'
        ? {
            versionOf: {
              uri: decision.uri,
              version: decision.version,
              ...(previous ? { previous: refOf(previous), ...(await this.#compare(entry, previous)) } : {}),
            },
          }
        : {}),
      ...(decision.sameEventAs
        ? { sameEventAs: { ...decision.sameEventAs, ...(await this.#compare(entry, linkedTo)) } }
        : {}),
      linkedReports: items
        .filter((i) => !isThis(i) && i.decision.sameEventAs?.uri === decision.uri)
        .map(refOf),
      copies: items
        .filter(
          (i) => !isThis(i) && i.decision.uri !== decision.uri && i.decision.matchOf?.uri === decision.uri,
        )
        .map(refOf),
      ...(entry.tagged ? { tags: { values: entry.tagged.tags, evidence: entry.tagged.evidence } } : {}),
      ...(text !== undefined ? { text } : {}),
    };
  }
}
