import { readdirSync, readFileSync } from 'node:fs';
import type { AnyNode } from 'domhandler';
import { DomUtils, parseDocument } from 'htmlparser2';
import { beforeAll, describe, expect, it } from 'vitest';
import { type OfflineResult, processOffline } from '../../local/offline.ts';
import { FEEDPARSER_CORPUS } from '../support/paths.ts';

/**
 * Reading feedparser's test headers: `Expect:  not bozo and entries[0]['title'] == 'safe description'`.
 * The expected value is a Python string expression (literals joined with `+`).
 */
interface Expectation {
  /** `entries[0]['title']` → scope entry, field title; `feed['tagline']` → scope feed. */
  readonly scope: 'entry' | 'feed';
  readonly field: string;
  /** The expected value as feedparser gives it: sanitized HTML. */
  readonly html: string;
}

const EXPECT = /^Expect:\s*not bozo and (entries\[0\]|feed)\['(\w+)'\](?:\[0\]\['value'\])? == (.+)$/m;

function pythonString(expression: string): string | undefined {
  let out = '';
  let rest = expression.trim();
  while (rest.length > 0) {
    const literal =
      /^u?('''|""")((?:\\.|(?!\1)[^\\])*)\1\s*(?:\+\s*)?/.exec(rest) ??
      /^u?(['"])((?:\\.|(?!\1)[^\\])*)\1\s*(?:\+\s*)?/.exec(rest);
    if (!literal) return undefined;
    out += (literal[2] ?? '').replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|.)/g, (_, esc: string) => {
      if (esc === 'n') return '\n';
      if (esc === 't') return '\t';
      if (esc === 'r') return '\r';
      if (esc.length > 1) return String.fromCharCode(Number.parseInt(esc.slice(1), 16));
      return esc;
    });
    rest = rest.slice(literal[0].length);
  }
  return out;
}

function readExpectation(source: string): Expectation | undefined {
  const match = EXPECT.exec(source);
  if (!match?.[2] || !match[3]) return undefined;
  const html = pythonString(match[3]);
  if (html === undefined) return undefined;
  return { scope: match[1] === 'feed' ? 'feed' : 'entry', field: match[2], html };
}

/** Text content with whitespace collapsed: how a reader compares two renderings. */
function textOf(html: string): string {
  const document = parseDocument(html, { decodeEntities: true });
  return DomUtils.textContent(document).replace(/\s+/g, ' ').trim();
}

const DANGEROUS_SCHEME = /^(?:javascript|vbscript|livescript|mocha):/i;
// Raster data: images cannot run script; anything else under data: is refused.
const DATA_URL = /^data:/i;
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif);base64,/i;

function schemeOf(value: string): string {
  // Browsers ignore whitespace and control characters inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: those characters are exactly what is removed.
  return value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
}

/** Everything that would run script or load a CSS expression if this string were rendered as HTML. */
function dangersIn(value: string): string[] {
  const found: string[] = [];
  if (DANGEROUS_SCHEME.test(schemeOf(value))) found.push(`string is a script URL: ${value.slice(0, 60)}`);
  if (/expression\s*\(/i.test(value)) found.push('CSS expression');
  const visit = (node: AnyNode) => {
    if (!DomUtils.isTag(node)) return;
    if (node.name === 'script') found.push('script element');
    for (const [name, raw] of Object.entries(node.attribs)) {
      const attr = schemeOf(raw);
      if (/^on/i.test(name)) found.push(`event handler ${name}`);
      if (DANGEROUS_SCHEME.test(attr)) found.push(`${name}=${raw.slice(0, 40)}`);
      if (DATA_URL.test(attr) && !SAFE_DATA_IMAGE.test(attr)) found.push(`${name}=data: URL`);
    }
    for (const child of node.children) visit(child);
  };
  for (const node of parseDocument(value, { decodeEntities: true }).children) visit(node);
  return found;
}

/** Every string anywhere in a JSON value. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}

const CASES = `${FEEDPARSER_CORPUS}/wellformed/sanitize/`;
const RECEIVED_AT = '2024-05-01T12:00:00.000Z';
/** Cases that only exercise allowed markup and styles: nothing in them is dangerous. */
const HARMLESS = /^(?:acceptable_|style_|blogger_)/;

interface CaseResult {
  readonly file: string;
  readonly source: string;
  readonly result: OfflineResult;
}

function publishedTexts(result: OfflineResult): string[] {
  const texts: string[] = [];
  for (const item of result.items) {
    for (const key of ['headlines', 'descriptions', 'bodies'] as const) {
      const entries = (item[key] ?? []) as { contentType: string; value: string }[];
      for (const entry of entries) if (entry.contentType === 'text/plain') texts.push(entry.value);
    }
  }
  return texts.map((t) => t.replace(/\s+/g, ' ').trim());
}

describe('feedparser sanitize conformance (every case through processOffline)', () => {
  const cases: CaseResult[] = [];

  beforeAll(async () => {
    const files = readdirSync(CASES)
      .filter((f) => f.endsWith('.xml'))
      .sort();
    for (const file of files) {
      const bytes = readFileSync(`${CASES}${file}`);
      const result = await processOffline(bytes, { receivedAt: RECEIVED_AT });
      cases.push({ file, source: bytes.toString('utf8'), result });
    }
  });

  it('reads every case of the corpus', () => {
    expect(cases.length).toBe(readdirSync(CASES).filter((f) => f.endsWith('.xml')).length);
    expect(cases.length).toBeGreaterThanOrEqual(745);
  });

  it('lets no script element, event handler, script URL or CSS expression through, in any field', () => {
    const failures: string[] = [];
    for (const { file, result } of cases) {
      const published = { feed: result.feed, items: result.items };
      for (const value of stringsIn(published)) {
        for (const danger of dangersIn(value)) failures.push(`${file}: ${danger}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('publishes the hostile cases minus their payload, keeping the harmless text around it', () => {
    const hostile = cases.filter((c) => !HARMLESS.test(c.file));
    const failures: string[] = [];
    let checked = 0;
    for (const { file, source, result } of hostile) {
      const text = stringsIn({ feed: result.feed, items: result.items }).join('\n');
      // The scripts' own code must not turn up as visible text either.
      if (/location\.href|executeMe|alert\(/.test(text)) failures.push(`${file}: script code shown as text`);
      const expectation = readExpectation(source);
      // "safe<payload> description": what surrounds the payload is the article and must stay.
      // Iframe content is left out: browsers never render it, so it is dropped with the iframe.
      if (
        expectation?.scope !== 'entry' ||
        textOf(expectation.html) !== 'safe description' ||
        result.items.length === 0 ||
        file.includes('iframe')
      ) {
        continue;
      }
      checked++;
      const published = publishedTexts(result);
      if (!published.includes('safe description')) failures.push(`${file}: got ${JSON.stringify(published)}`);
    }
    // The corpus has dozens of such cases; far fewer would mean the parser stopped reading them.
    expect(checked).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  });

  it('keeps the text of the harmless cases, and invents none', () => {
    const harmless = cases.filter((c) => HARMLESS.test(c.file));
    const lost: string[] = [];
    let withText = 0;
    for (const { file, source, result } of harmless) {
      const expectation = readExpectation(source);
      if (!expectation) {
        lost.push(`${file}: no readable Expect header`);
        continue;
      }
      const expected = textOf(expectation.html);
      const published = publishedTexts(result);
      if (expected.length > 0) {
        withText++;
        if (!published.includes(expected))
          lost.push(`${file}: expected "${expected}", got ${JSON.stringify(published)}`);
      } else if (published.some((t) => t.length > 0)) {
        lost.push(`${file}: expected no text, got ${JSON.stringify(published)}`);
      }
    }
    expect(harmless.length).toBeGreaterThan(200);
    expect(withText).toBeGreaterThan(50);
    expect(lost).toEqual([]);
  });
});
