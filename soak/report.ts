import type { SoakResult } from './run-soak.ts';

/** Whether the run conserved every item: nothing lost, nothing published twice under a new (uri, version). */
export function conserved(result: SoakResult): boolean {
  const { ledger } = result;
  return (
    ledger.lost === 0 &&
    ledger.doublePublished === 0 &&
    ledger.underPublished === 0 &&
    ledger.published + ledger.duplicates + ledger.rejectedItems + ledger.deadLettered === ledger.items
  );
}

export function formatSoak(result: SoakResult): string {
  const { ledger, faults } = result;
  const reasons = Object.entries(ledger.deadLetterReasons)
    .map(([reason, count]) => `    ${reason}: ${count}`)
    .join('\n');
  return [
    `soak: ${ledger.items} items in ${result.documents} documents, settled in ${(result.settleMs / 1000).toFixed(1)} s ` +
      `(${result.itemsPerSecond} items/s; ingest ${(result.ingestMs / 1000).toFixed(1)} s)`,
    `  published        ${ledger.published}`,
    `  duplicates       ${ledger.duplicates} (${ledger.superseded} superseded)`,
    `  rejected items   ${ledger.rejectedItems} (reason in the document manifest)`,
    `  dead-lettered    ${ledger.deadLettered} (reason on the DLQ message)`,
    `  LOST             ${ledger.lost}`,
    `  double-published ${ledger.doublePublished} (distinct uri+version beyond the expected)`,
    `  under-published  ${ledger.underPublished}`,
    `  output messages  ${ledger.outputMessages}: ${ledger.distinctPublished} distinct uri+version, ` +
      `${ledger.rawDuplicates} raw repeats (at-least-once; consumers drop them on uri+version)`,
    `  rejected documents (not feeds) ${ledger.rejectedDocuments}`,
    `  dead letters by stage and code:\n${reasons || '    (none)'}`,
    `  faults injected: ${faults.recordFailures} record failures, ${faults.batchThrows} whole-batch throws, ` +
      `${faults.kills} kills mid-batch, ${faults.redeliveries} redeliveries, ${faults.poisoned} poisoned records, ` +
      `${result.s3Restarts} S3 emulator restart(s)`,
    `  handler invocations: ${Object.entries(result.invocations)
      .map(([stage, n]) => `${stage} ${n}`)
      .join(', ')}; handler errors retried: ${result.handlerErrors}`,
    ...ledger.problems.map((p) => `  ! ${p}`),
    `soak: ${conserved(result) ? 'CONSERVED: 0 lost, 0 double-published' : 'NOT CONSERVED'}`,
  ].join('\n');
}
