import type { TagSpan } from '../../lambdas/tag/evidence.ts';
import type { Comparison, ExplainedDecision, Explanation, ItemRef } from './explain-model.ts';

const MAX_SHOWN_PASSAGES = 6;
const MAX_SHOWN_CHARS = 160;

/**
 * News text is hostile input: control characters (a terminal's escape
 * sequences among them) are shown as `\u{…}`, never written raw to a terminal.
 */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must not reach a terminal
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? ' ' : `\\u{${c.charCodeAt(0).toString(16)}}`,
  );
}

const quote = (text: string, max = MAX_SHOWN_CHARS) =>
  `"${terminalSafe(text.length > max ? `${text.slice(0, max - 1)}…` : text)}"`;

function ref(item: ItemRef): string {
  return `${item.uri} v${item.version} ${quote(item.headline, 80)} (${item.outlet}, document ${item.documentId.slice(0, 12)}, item ${item.index}, ${item.decision})`;
}

function span(label: string, value: string | undefined, evidence: TagSpan | undefined): string[] {
  if (!value) return [];
  if (!evidence) return [`    ${label}: ${quote(value)} (no words on record)`];
  const [from, to] = evidence.match ?? [0, 0];
  const marked = evidence.match
    ? `${evidence.excerpt.slice(0, from)}[${evidence.excerpt.slice(from, to)}]${evidence.excerpt.slice(to)}`
    : evidence.excerpt;
  return [`    ${label}: ${quote(value)} from ${evidence.field} (${evidence.rule}): ${quote(marked, 260)}`];
}

function comparison(c: Partial<Comparison>): string[] {
  const lines: string[] = [];
  if (c.earlier) lines.push(`  earlier: ${ref(c.earlier)}`);
  const passages = c.passages ?? [];
  if (passages.length > 0) {
    lines.push(
      `  shared passages: ${passages.length}, ${Math.round((c.sharedWords ?? 0) * 100)}% of this text's words`,
    );
    for (const p of passages.slice(0, MAX_SHOWN_PASSAGES))
      lines.push(`    » ${quote(p.text)} (${p.words} words)`);
    if (passages.length > MAX_SHOWN_PASSAGES)
      lines.push(`    … ${passages.length - MAX_SHOWN_PASSAGES} more (--json lists all)`);
  } else if (c.earlier) lines.push('  shared passages: none of five words or more');
  return lines;
}

function figures(d: ExplainedDecision): string {
  const m = d.evidence.match;
  if (!m) return '';
  const parts = [
    m.jaccard !== undefined ? `Jaccard ${m.jaccard}` : undefined,
    m.containment !== undefined ? `containment ${m.containment}` : undefined,
    m.sharedDetails !== undefined ? `${m.sharedDetails} shared details` : undefined,
    m.detailConflicts !== undefined ? `${m.detailConflicts} detail conflicts` : undefined,
    m.concurrent ? 'decided concurrently' : undefined,
    m.sameOutlet ? 'same outlet' : undefined,
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** A kill's evidence (lambdas/dedupe/withdraw.ts): what it took back, and the copies it flagged. */
function withdrawalLines(w: NonNullable<ExplainedDecision['evidence']['withdrawal']>): string[] {
  const target = w.of
    ? `${w.of}${w.previousVersion ? ` after version ${w.previousVersion}` : ''}`
    : 'an item never received';
  const already = w.already ? `; already ${w.already.pubStatus} in version ${w.already.version}` : '';
  return [
    `  ${w.pubStatus === 'canceled' ? 'kill' : 'withdrawal'} of ${target}${already}${w.redelivery ? ' (redelivery)' : ''}`,
    ...w.copies.map((c) => `  flagged copy: ${c.uri} v${c.version}`),
  ];
}

function decisionLines(d: ExplainedDecision): string[] {
  const { item } = d;
  const lines = [
    `item ${item.uri} version ${item.version}: ${item.decision}, ${d.published ? 'published' : 'not published'} (policy ${d.policy})`,
    `  headline: ${quote(item.headline)}`,
    `  arrival: ${item.outlet}, document ${item.documentId}, item ${item.index}, ${terminalSafe(item.ingestionId)}${item.receivedAt ? `, received ${item.receivedAt}` : ''}`,
    `  story: ${item.storyId}${d.eventId ? `, event ${d.eventId}` : ''}`,
    `  text: ${d.evidence.words} folded words; near check ${d.evidence.nearCheck}; ${d.evidence.candidates} candidate(s) compared`,
  ];
  if (d.match) {
    const similarity = d.match.similarity !== undefined ? `, similarity ${d.match.similarity}` : '';
    lines.push(
      `  matched: ${d.match.uri} (story ${d.match.storyId}) by rule ${d.match.rule}${similarity}${figures(d)}`,
    );
    lines.push(...comparison(d.match));
  }
  if (d.versionOf) {
    lines.push(
      `  version ${d.versionOf.version} of ${d.versionOf.uri}${d.evidence.match ? ` by rule ${d.evidence.match.rule}${figures(d)}` : ' (same identity)'}`,
    );
    if (d.versionOf.previous) lines.push(`  previous version: ${ref(d.versionOf.previous)}`);
    lines.push(...comparison({ ...d.versionOf, earlier: undefined }));
  }
  if (d.evidence.withdrawal) lines.push(...withdrawalLines(d.evidence.withdrawal));
  if (d.evidence.supersededBy)
    lines.push(`  superseded by the later arrival ${terminalSafe(d.evidence.supersededBy)}`);
  if (d.sameEventAs) {
    const e = d.evidence.sameEvent;
    const shared = e
      ? ` (${e.sharedQuoteRuns} quote runs, ${e.sharedFigures} figures in common; ${Math.round(e.figureShare * 100)}% of figures, ${Math.round(e.nameShare * 100)}% of names)`
      : '';
    lines.push(
      `  same event as: ${d.sameEventAs.uri} (story ${d.sameEventAs.storyId}) by rule ${d.sameEventAs.rule}${shared}`,
    );
    lines.push(...comparison(d.sameEventAs));
  }
  for (const linked of d.linkedReports) lines.push(`  linked report: ${ref(linked)}`);
  for (const copy of d.copies) lines.push(`  copy: ${ref(copy)}`);
  if (d.tags) {
    const { values, evidence } = d.tags;
    lines.push('  tags:');
    lines.push(...span('copyright holder', values.copyrightHolder, evidence.holder));
    lines.push(...span('notice', values.copyrightNotice, evidence.notice));
    lines.push(...span('licence', values.licenseUrl ?? values.usageTerms, evidence.licence));
    for (const source of evidence.sources)
      lines.push(...span(`source (${source.role})`, source.name, source));
    if (values.sources.length > evidence.sources.length)
      lines.push(
        `    … ${values.sources.length - evidence.sources.length} more source(s) without evidence on record`,
      );
  } else if (d.published) lines.push('  tags: no tag evidence on record');
  return lines;
}

/** The human-readable explanation: one block per decision, oldest arrival first. */
export function formatExplanation(explanation: Explanation): string {
  return explanation.decisions.map((d) => decisionLines(d).join('\n')).join('\n\n');
}
