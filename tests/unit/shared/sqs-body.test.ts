import { describe, expect, it } from 'vitest';
import { toSqsJson } from '../../../lambdas/shared/sqs-body.ts';

// SQS accepts #x9 | #xA | #xD | #x20–#xD7FF | #xE000–#xFFFD | #x10000–#x10FFFF.
const OUTSIDE_SQS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

describe('SQS message bodies', () => {
  it('carry text with noncharacters and control characters only in escaped form, and decode to the same value', () => {
    const value = { text: `a\uFFFFb\uFFFEc\u0001d \u{1F600} \uD800` };
    const body = toSqsJson(value);
    expect(OUTSIDE_SQS.test(body)).toBe(false);
    expect(JSON.parse(body)).toEqual(value);
    // Emoji travel as JSON surrogate escapes: the local emulator refuses them raw.
    expect(body).not.toMatch(/[\u{10000}-\u{10FFFF}]/u);
    expect(body).toContain('\\ud83d\\ude00');
  });
});
