/**
 * JSON for an SQS message body. SQS refuses a body with characters outside
 * XML 1.0's set; JSON.stringify already escapes control characters and lone
 * surrogates, which leaves the noncharacters U+FFFE and U+FFFF: one of them in
 * an outlet's text would otherwise fail every send of the whole document.
 * Escaped, they still decode to the same string.
 */
export function toSqsJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}
