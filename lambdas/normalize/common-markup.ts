import { escapeHtml } from './parse/entities.ts';
import { IMPLIED_CLOSE, MAX_DEPTH, PLAIN, readAttributes } from './plain-markup.ts';
import { isPixelSize, isShareLink, isTrackerImage } from './trackers.ts';
import { httpUrl, withoutTracking } from './urls.ts';

/**
 * The sanitizer's answer for the commonest markup of real feeds, written directly: plain markup
 * (plain-markup.ts) plus links `<a href="…">`, images `<img src="…" alt="…" title="…" width="…"
 * height="…">` and `<br>`, attributes double-quoted with only the four entities the sanitizer
 * writes. That is what sanitize-html returns for it, built the same way: a link's target resolved and
 * cleaned of tracking, `rel="noopener noreferrer"` after it; an image's `src` resolved and moved
 * last; void elements closed `<… />`; text and everything else as written. The moment anything falls
 * outside that (another attribute, a mailto: or share link, a tracker or pixel image, a data: image,
 * an empty value, a link in a link, markup the plain reader refuses), the answer is undefined and the
 * library does the work: this only saves time, it never decides what is safe.
 */
const IMAGE_ATTRIBUTES = new Set(['src', 'alt', 'title', 'width', 'height']);
const TEXT_ENTITIES = ['&amp;', '&lt;', '&gt;'];

function resolveLink(value: string, base: string | undefined): string | undefined {
  const url = httpUrl(value, base);
  return url ? withoutTracking(url) : undefined;
}

function link(attributes: Record<string, string>, base: string | undefined): string | undefined {
  const names = Object.keys(attributes);
  if (names.length !== 1 || names[0] !== 'href') return undefined;
  const href = (attributes.href ?? '').trim();
  if (href.length === 0 || href.toLowerCase().startsWith('mailto:')) return undefined;
  const target = resolveLink(href, base);
  if (target === undefined || isShareLink(target)) return undefined;
  return `<a href="${escapeHtml(target)}" rel="noopener noreferrer">`;
}

function image(attributes: Record<string, string>, base: string | undefined): string | undefined {
  let others = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (!IMAGE_ATTRIBUTES.has(name) || value.length === 0) return undefined;
    if (name !== 'src') others += ` ${name}="${escapeHtml(value)}"`;
  }
  const src = attributes.src?.trim();
  if (!src || /^data:/i.test(src) || isPixelSize(attributes.width, attributes.height)) return undefined;
  const resolved = resolveLink(src, base);
  const url = resolved === undefined ? undefined : httpUrl(resolved);
  if (resolved === undefined || !url || isTrackerImage(url)) return undefined;
  return `<img${others} src="${escapeHtml(resolved)}" />`;
}

/** A text run as the sanitizer writes it back: unchanged, when it has no ">" and only the three entities. */
function plainText(text: string): boolean {
  if (text.includes('>')) return false;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', amp + 1)) {
    if (!TEXT_ENTITIES.some((entity) => text.startsWith(entity, amp))) return false;
  }
  return true;
}

/** sanitize-html's output for common markup (see above), trimmed; undefined when the library must decide. */
export function sanitizeCommon(html: string, baseUrl: string | undefined): string | undefined {
  const open: string[] = [];
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    const text = html.slice(i, textEnd);
    if (!plainText(text)) return undefined;
    out += text;
    if (lt < 0) break;
    const gt = html.indexOf('>', lt);
    if (gt < 0) return undefined;
    const tag = html.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1);
      if ((!PLAIN.has(name) && name !== 'a') || open.pop() !== name) return undefined;
      out += `<${tag}>`;
      continue;
    }
    const name = /^[a-z][a-z0-9]*/.exec(tag)?.[0] ?? '';
    if (PLAIN.has(name) || name === 'a') {
      const top = open[open.length - 1];
      if (top !== undefined && IMPLIED_CLOSE.get(name)?.has(top)) return undefined;
      if (open.length >= MAX_DEPTH) return undefined;
    }
    if (PLAIN.has(name)) {
      if (tag !== name) return undefined;
      open.push(name);
      out += `<${name}>`;
    } else if (name === 'a') {
      const attributes = readAttributes(tag, name.length);
      const written = attributes && !open.includes('a') ? link(attributes, baseUrl) : undefined;
      if (written === undefined) return undefined;
      open.push('a');
      out += written;
    } else if (name === 'img' || name === 'br') {
      const body = tag.endsWith('/') ? tag.slice(0, tag.endsWith(' /') ? -2 : -1) : tag;
      if (name === 'br') {
        if (body !== 'br') return undefined;
        out += '<br />';
        continue;
      }
      const attributes = readAttributes(body, name.length);
      const written = attributes ? image(attributes, baseUrl) : undefined;
      if (written === undefined) return undefined;
      out += written;
    } else {
      return undefined;
    }
  }
  return open.length === 0 ? out.trim() : undefined;
}
