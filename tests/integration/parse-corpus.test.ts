import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { EXPECTED_PARSE_OUTPUT, parseCorpusOutput } from '../support/parse-corpus.ts';

/** Speed-ups of normalize must leave what `syndicate parse` prints byte for byte as it was. */
it('syndicate parse prints exactly the committed output for the fixed corpus', () => {
  const { status, output, stderr } = parseCorpusOutput();
  expect(stderr).toBe('');
  expect(status).toBe(0);
  const expected = readFileSync(EXPECTED_PARSE_OUTPUT, 'utf8').split('\n');
  const actual = output.split('\n');
  // Line by line, so a failure names the document rather than dumping a megabyte.
  expect(actual.length).toBe(expected.length);
  for (const [index, line] of actual.entries()) expect(line, `line ${index + 1}`).toBe(expected[index]);
});
