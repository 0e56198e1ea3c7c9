import { readS3Notification } from '../lambdas/shared/s3-events.ts';
import type { DeadLetter } from '../local/pipeline.ts';
import type { SoakCorpus, SoakDocument } from './corpus.ts';
import { TOKEN_PATTERN } from './corpus.ts';

/** A document as stored: where its reports live and which arrival is this run's. */
export interface StoredDocument {
  readonly document: SoakDocument;
  readonly key: string;
  readonly documentId: string;
  readonly ingestionId: string;
}

export interface ManifestView {
  readonly ingestionId: string;
  readonly status: 'accepted' | 'rejected';
  readonly itemErrors: ReadonlyArray<{ index: number; reason: string }>;
}

export interface DecisionView {
  readonly ingestionId: string;
  readonly decision: string;
  readonly uri: string;
  readonly version: number;
  readonly headline: string;
}

export interface PublishedView {
  readonly uri: string;
  readonly version: string;
  readonly headline: string;
}

/** Everything conservation looks at, read from the run by the caller. */
export interface RunEvidence {
  readonly stored: readonly StoredDocument[];
  /** By arrival (ingestion id): a second arrival of the same bytes has a manifest of its own. */
  readonly manifests: ReadonlyMap<string, ManifestView | undefined>;
  readonly decisions: (ingestionId: string, index: number) => DecisionView | undefined;
  readonly published: readonly PublishedView[];
  readonly deadLetters: readonly DeadLetter[];
}

export interface Ledger {
  items: number;
  published: number;
  /** Not published: duplicates, near-duplicates and superseded arrivals (of these, `superseded`). */
  duplicates: number;
  /** Arrivals older than one of the same item decided first: consumers hold the later word. */
  superseded: number;
  rejectedItems: number;
  deadLettered: number;
  lost: number;
  rejectedDocuments: number;
  /** Output messages: all of them, distinct (uri, version), and raw repeats consumers drop. */
  outputMessages: number;
  distinctPublished: number;
  rawDuplicates: number;
  /** Distinct (uri, version) pairs beyond what a story should have had. */
  doublePublished: number;
  /** Stories that published fewer distinct (uri, version) pairs than expected. */
  underPublished: number;
  deadLetterReasons: Record<string, number>;
  /** The first few problems, to say what went wrong. */
  problems: string[];
}

const pairKey = (uri: string, version: string | number): string => `${uri}#${version}`;

/**
 * Accounts for every generated item: published (its dedupe decision's uri and
 * version reached the output queue), a duplicate, rejected with a reason in its
 * document's manifest, or in a dead-letter queue with a reason. Anything else is
 * lost. Independently of the pipeline's reports, each story must publish exactly
 * as many distinct (uri, version) pairs as the generator intended.
 */
export function checkConservation(corpus: SoakCorpus, evidence: RunEvidence): Ledger {
  const ledger: Ledger = {
    items: 0,
    published: 0,
    duplicates: 0,
    superseded: 0,
    rejectedItems: 0,
    deadLettered: 0,
    lost: 0,
    rejectedDocuments: 0,
    outputMessages: evidence.published.length,
    distinctPublished: 0,
    rawDuplicates: 0,
    doublePublished: 0,
    underPublished: 0,
    deadLetterReasons: {},
    problems: [],
  };
  const problem = (text: string) => {
    if (ledger.problems.length < 20) ledger.problems.push(text);
  };

  const publishedPairs = new Set<string>();
  const supersededByToken = new Map<string, number>();
  const pairsByToken = new Map<string, Set<string>>();
  for (const message of evidence.published) {
    const pair = pairKey(message.uri, message.version);
    publishedPairs.add(pair);
    const token = TOKEN_PATTERN.exec(message.headline)?.[0] ?? '(no token)';
    const set = pairsByToken.get(token) ?? new Set<string>();
    set.add(pair);
    pairsByToken.set(token, set);
  }
  ledger.distinctPublished = publishedPairs.size;
  ledger.rawDuplicates = evidence.published.length - publishedPairs.size;

  // Items are matched to reports by the story token in their headline, not by index: an index is the
  // item's position among the items a parser kept, which need not be its position in the document.
  const lettered = new Map<string, string[]>();
  const letteredDocuments = new Set<string>();
  for (const letter of evidence.deadLetters) {
    const reason = `${letter.stage}: ${letter.code ?? 'redrive'}`;
    ledger.deadLetterReasons[reason] = (ledger.deadLetterReasons[reason] ?? 0) + 1;
    if (!letter.reason) problem(`a ${letter.stage} dead letter carries no reason`);
    if (letter.stage === 'normalize')
      for (const arrival of notificationArrivals(letter.body)) letteredDocuments.add(arrival);
    else {
      const ref = envelopeRef(letter.body);
      if (ref) lettered.set(ref.arrival, [...(lettered.get(ref.arrival) ?? []), ref.token]);
    }
  }
  const letteredTokens = new Set([...lettered.values()].flat());

  for (const stored of evidence.stored) {
    const manifest = evidence.manifests.get(stored.ingestionId);
    const current = manifest && manifest.ingestionId === stored.ingestionId ? manifest : undefined;
    if (stored.document.format === 'html') {
      if (current?.status === 'rejected' || letteredDocuments.has(stored.ingestionId))
        ledger.rejectedDocuments++;
      else problem(`non-feed document ${stored.key} was neither rejected nor dead-lettered`);
      continue;
    }
    const decisions = new Map<string, DecisionView[]>();
    for (let index = 0; index < stored.document.occurrences.length; index++) {
      const decision = evidence.decisions(stored.ingestionId, index);
      if (!decision || decision.ingestionId !== stored.ingestionId) continue;
      const token = TOKEN_PATTERN.exec(decision.headline)?.[0] ?? '';
      decisions.set(token, [...(decisions.get(token) ?? []), decision]);
    }
    const letters = [...(lettered.get(stored.ingestionId) ?? [])];
    let itemErrors = current?.itemErrors.length ?? 0;
    for (const occurrence of stored.document.occurrences) {
      ledger.items++;
      const where = `${occurrence.token} (${corpus.stories.get(occurrence.token)?.kind}) in ${stored.key}`;
      if (!current) {
        if (letteredDocuments.has(stored.ingestionId)) ledger.deadLettered++;
        else {
          ledger.lost++;
          problem(`lost: ${where}: its document has no manifest for this arrival`);
        }
        continue;
      }
      if (corpus.stories.get(occurrence.token)?.kind === 'empty') {
        if (itemErrors > 0) {
          itemErrors--;
          ledger.rejectedItems++;
        } else {
          ledger.lost++;
          problem(`lost: ${where}: an empty item has no item error in its manifest`);
        }
        continue;
      }
      const decision = decisions.get(occurrence.token)?.shift();
      if (decision && (decision.decision === 'duplicate' || decision.decision === 'near-duplicate')) {
        ledger.duplicates++;
        continue;
      }
      // Arrivals decided out of order: the older one of an item is superseded, so its story publishes one
      // pair fewer than the generator intended (the newer arrival's text is what consumers hold).
      if (decision?.decision === 'superseded') {
        ledger.duplicates++;
        ledger.superseded++;
        supersededByToken.set(occurrence.token, (supersededByToken.get(occurrence.token) ?? 0) + 1);
        continue;
      }
      if (decision && publishedPairs.has(pairKey(decision.uri, decision.version))) {
        ledger.published++;
        continue;
      }
      const letter = letters.indexOf(occurrence.token);
      if (letter >= 0) {
        letters.splice(letter, 1);
        ledger.deadLettered++;
      } else {
        ledger.lost++;
        problem(`lost: ${where}: decision ${decision?.decision ?? 'none'}, not published, not dead-lettered`);
      }
    }
  }

  for (const story of corpus.stories.values()) {
    const pairs = pairsByToken.get(story.token)?.size ?? 0;
    const expected = story.expectedKeys - (supersededByToken.get(story.token) ?? 0);
    if (pairs > story.expectedKeys) {
      ledger.doublePublished += pairs - story.expectedKeys;
      problem(
        `double-published: ${story.token} (${story.kind}) as ${[...(pairsByToken.get(story.token) ?? [])].join(' ')}, expected ${story.expectedKeys} pair(s)`,
      );
    } else if (pairs < expected && !letteredTokens.has(story.token)) {
      ledger.underPublished += expected - pairs;
      problem(
        `under-published: ${story.token} (${story.kind}) as ${pairs} pair(s), expected ${story.expectedKeys}`,
      );
    }
  }
  return ledger;
}

function notificationArrivals(body: string): string[] {
  try {
    return readS3Notification(body).map((arrival) => arrival.ingestionId);
  } catch {
    return [];
  }
}

function envelopeRef(body: string): { arrival: string; token: string } | undefined {
  try {
    const parsed = JSON.parse(body) as { document?: { ingestionId?: string }; item?: { headline?: string } };
    const arrival = parsed.document?.ingestionId;
    const token = TOKEN_PATTERN.exec(parsed.item?.headline ?? '')?.[0];
    return arrival !== undefined && token ? { arrival, token } : undefined;
  } catch {
    return undefined;
  }
}
