import { Parser } from 'htmlparser2';
import { IFRAME_HOSTS } from '../lambdas/normalize/html.ts';

/**
 * What must never survive into a published field. HTML fields (ninjs bodies
 * with contentType text/html) are parsed, as a browser would, and checked for
 * script-running elements, inline event handlers and script URLs in any
 * attribute. Every other string is checked for the same things written
 * literally, since consumers do paste headlines and bylines into pages: script
 * markup, event handlers in a tag, and a script URL that is the whole value (a
 * link or identifier a consumer may make an href) or sits in a tag. A script
 * URL merely mentioned in prose is inert text, as a page shows it, and stories
 * about such attacks quote them. Every string is also checked for NUL and for
 * the contents of a local file an external entity could have pulled in.
 */
export interface Violation {
  readonly path: string;
  readonly rule: string;
  readonly sample: string;
}

const SCRIPT_ELEMENTS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'frame',
  'frameset',
  'applet',
  'base',
  'meta',
  'link',
  'form',
]);
const SCRIPT_URL = /^(?:javascript|vbscript|data):/i;
// Browsers ignore ASCII whitespace and control characters inside a URL scheme, so the check must too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching C0 controls is the point here
const C0_AND_SPACE = /[\u0000-\u0020]+/g;
const squeeze = (value: string): string => value.replace(C0_AND_SPACE, '');

const TEXT_RULES: ReadonlyArray<{ rule: string; pattern: RegExp }> = [
  { rule: 'script markup in text', pattern: /<\s*script/i },
  { rule: 'event handler markup in text', pattern: /<[a-z][^>]*[\s/]on[a-z]+\s*=/i },
  {
    rule: 'script URL in text',
    pattern: /^(?:javascript|vbscript):|<[a-z][^>]*=["']?(?:javascript|vbscript):/i,
  },
];

/** The pipeline keeps https embeds from its video-player allowlist (normalize/html.ts); nothing else. */
function isAllowedEmbed(src: string | undefined): boolean {
  try {
    const url = new URL(src ?? '');
    return url.protocol === 'https:' && IFRAME_HOSTS.includes(url.hostname);
  } catch {
    return false;
  }
}

export function htmlViolations(html: string, path: string): Violation[] {
  const found: Violation[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SCRIPT_ELEMENTS.has(name) && !(name === 'iframe' && isAllowedEmbed(attributes.src)))
          found.push({ path, rule: `<${name}> element in HTML`, sample: name });
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute))
            found.push({ path, rule: 'event handler attribute in HTML', sample: `${attribute}=${value}` });
          if (SCRIPT_URL.test(squeeze(value)) && !/^data:image\//i.test(squeeze(value)))
            found.push({
              path,
              rule: 'script URL in HTML attribute',
              sample: `${attribute}=${value.slice(0, 60)}`,
            });
          if (attribute === 'style' && /expression\(|javascript:|url\(/i.test(value))
            found.push({ path, rule: 'scriptable style attribute', sample: value.slice(0, 60) });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return found;
}

function stringViolations(value: string, path: string, html: boolean): Violation[] {
  const found: Violation[] = html ? htmlViolations(value, path) : [];
  if (!html) {
    // Squeezed, as a browser reads a scheme ("java\tscript:"), and as written, where spaces count.
    const readings = squeeze(value) === value ? [value] : [value, squeeze(value)];
    for (const { rule, pattern } of TEXT_RULES) {
      for (const reading of readings) {
        const match = pattern.exec(reading);
        if (!match) continue;
        found.push({ path, rule, sample: reading.slice(Math.max(0, match.index - 20), match.index + 50) });
        break;
      }
    }
  }
  if (value.includes('\u0000')) found.push({ path, rule: 'NUL character', sample: '' });
  if (/root:[^:\n]*:0:0:/.test(value)) found.push({ path, rule: '/etc/passwd contents', sample: '' });
  return found;
}

/** Every string in a published document, at any depth, checked by the rules for its kind. */
export function findViolations(value: unknown, path = '$', html = false): Violation[] {
  if (typeof value === 'string') return stringViolations(value, path, html);
  if (Array.isArray(value)) return value.flatMap((entry, i) => findViolations(entry, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const isHtml = record.contentType === 'text/html';
    return Object.entries(record).flatMap(([key, entry]) =>
      findViolations(entry, `${path}.${key}`, isHtml && key === 'value'),
    );
  }
  return [];
}
