import { describe, expect, it } from 'vitest';
import { compareDetails, extractDetails, MAX_DETAILS } from '../../../lambdas/dedupe/details.ts';

const hearing = (applicant: string, date: string) =>
  `Notice is hereby given that the Planning Commission will hold a public hearing on ${date} to consider an application submitted by ${applicant} requesting a permit. All interested persons are invited to attend.`;

describe('distinguishing details', () => {
  it('finds no conflict between a text and its reprint with a new dateline, byline and footer', () => {
    const text =
      'The council voted 9 to 4 on Monday to freeze fares at $2.50, said Rosa Delgado. She said the city would pay.';
    const reprint = `By Jane Holloway\nSPRINGFIELD — ${text}\nCopyright 2024 Metro Ledger.`;
    const result = compareDetails(extractDetails(text), extractDetails(reprint));
    expect(result.shared).toBeGreaterThan(3);
    expect(result.conflicts).toBe(0);
  });

  it('finds conflicts between two notices from one template', () => {
    const result = compareDetails(
      extractDetails(hearing('Maria Gomez', 'March 4')),
      extractDetails(hearing('Harbor Auto Repair', 'April 12')),
    );
    expect(result.conflicts).toBeGreaterThanOrEqual(2);
  });

  it('ignores the capital of a sentence’s first word and keeps decimals whole', () => {
    const a = extractDetails(
      'Quarterly revenue was $219.3 million for the quarter. The board met in Boston.',
    );
    const b = extractDetails('Quarterly revenue was $219.9 million for the quarter. A board met in Boston.');
    // The changed figure conflicts under both its contexts (the words before and after); "The"/"A" does not.
    expect(compareDetails(a, b).conflicts).toBe(2);
  });

  it('keeps at most MAX_DETAILS details, sorted by key', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i} alpha beta ${i} gamma`).join(', ');
    const details = extractDetails(long);
    expect(details.length / 2).toBe(MAX_DETAILS);
    for (let i = 2; i < details.length; i += 2) expect(details[i]).toBeGreaterThan(details[i - 2] as number);
  });
});
