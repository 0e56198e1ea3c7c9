/**
 * JSON for an SQS message body. SQS refuses a body with characters outside
 * XML 1.0's set; JSON.stringify already escapes control characters and lone
 * surrogates, which leaves the noncharacters U+FFFE and U+FFFF: one of them in
 * an outlet's text would otherwise fail every send of the whole document.
 * Characters beyond the BMP (emoji) are escaped as surrogate pairs too: AWS
 * accepts them raw, but the local SQS emulator wrongly refuses them, and the
 * same bytes must work in both. Escaped, everything decodes to the same string.
 */
const NEEDS_ESCAPE = /[\uFFFE\uFFFF]|[\u{10000}-\u{10FFFF}]/gu;

const escapeUnit = (unit: number): string => `\\u${unit.toString(16).padStart(4, '0')}`;

export function toSqsJson(value: unknown): string {
  return JSON.stringify(value).replace(NEEDS_ESCAPE, (c) => {
    let escaped = '';
    for (let i = 0; i < c.length; i++) escaped += escapeUnit(c.charCodeAt(i));
    return escaped;
  });
}
