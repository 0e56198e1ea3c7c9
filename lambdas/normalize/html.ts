import sanitizeHtml from 'sanitize-html';
import { sanitizeCommon } from './common-markup.ts';
import { limitOptions } from './html-limits.ts';
import { passesUnchanged } from './plain-markup.ts';
import { isPixelSize, isShareLink, isTrackerImage } from './trackers.ts';
import { httpUrl, withoutTracking } from './urls.ts';

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'time',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'span',
  'div',
  'iframe',
];

/**
 * Elements whose content is not text a reader should see (code, styles, form
 * control labels, documents-in-documents, players' never-shown iframe
 * content): when dropped, their content goes too. <object>'s fallback is shown where the plugin is
 * missing, which is now everywhere, so its text stays.
 */
export const NON_TEXT_TAGS = [
  'script',
  'style',
  'textarea',
  'option',
  'button',
  'select',
  'xmp',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'title',
  'head',
  'embed',
  'svg',
  'math',
  'iframe',
  'frameset',
];

/** Far deeper than any article needs; the DOM walks in html-body.ts recurse this deep at most. */
const MAX_NESTING = 100;

/** Players that may be embedded: https only, on these hosts. */
/** Video players whose embeds are kept; every other iframe is dropped. */
export const IFRAME_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'];

// A data: image that cannot carry script: raster formats only (SVG can).
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp|avif);base64,[a-z0-9+/=\s]+$/i;

export interface SanitizedHtml {
  readonly html: string;
  /** Targets of rel="license" links, absolute http(s), in document order. */
  readonly licenses: string[];
}

/** An http(s) URL resolved against base, tracking parameters removed; undefined if anything else. */
function resolveLink(value: string, base: string | undefined): string | undefined {
  const url = httpUrl(value, base);
  return url ? withoutTracking(url) : undefined;
}

function withAttribute(
  attribs: sanitizeHtml.Attributes,
  name: string,
  value: string | undefined,
): sanitizeHtml.Attributes {
  const { [name]: _, ...rest } = attribs;
  return value === undefined ? rest : { ...rest, [name]: value };
}

/**
 * The allowlist sanitizer every HTML body goes through. sanitize-html drops
 * what is not listed (script, style and every style attribute with their CSS
 * expressions, forms, object/embed, meta/base, event handlers) and checks URL
 * schemes; the transforms below resolve URLs first so that only absolute
 * http(s) URLs (and raster data: images) remain, and mark links noopener.
 * Plain markup, which it would return as it came but for trimming
 * (plain-markup.ts), is returned so without the trip, and the commonest links and images are written
 * as it would write them (common-markup.ts).
 */
export function sanitize(html: string, baseUrl?: string): SanitizedHtml {
  if (passesUnchanged(html)) return { html: html.trim(), licenses: [] };
  // Links, images and breaks as feeds commonly write them: the library's answer without the library
  // (common-markup.ts; it declines any rel="license" link, so there are no licences to report).
  const common = sanitizeCommon(html, baseUrl);
  if (common !== undefined) return { html: common, licenses: [] };
  return sanitizeWithLibrary(html, baseUrl);
}

/** sanitize-html with the allowlist and transforms above, for any markup. */
export function sanitizeWithLibrary(html: string, baseUrl?: string): SanitizedHtml {
  const licenses: string[] = [];
  const resolved = (value: string | undefined) => (value ? resolveLink(value, baseUrl) : undefined);
  const output = sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    nonTextTags: NON_TEXT_TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel', 'hreflang'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
      abbr: ['title'],
      time: ['datetime'],
      blockquote: ['cite'],
      q: ['cite'],
      ol: ['start', 'reversed'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'], iframe: ['https'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    allowedIframeHostnames: IFRAME_HOSTS,
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // Refuses markup nested too deep or with too many attributes for the parser to read in time and memory.
    ...limitOptions(html),
    // Deeper elements are dropped (their text kept), so hostile nesting cannot overflow the stack later.
    nestingLimit: MAX_NESTING,
    transformTags: {
      a: (tagName, attribs) => {
        const href = attribs.href?.trim();
        const target = href?.toLowerCase().startsWith('mailto:') ? href : resolved(href);
        const rels = (attribs.rel ?? '').toLowerCase().split(/\s+/);
        if (target && rels.includes('license') && !target.startsWith('mailto:')) licenses.push(target);
        // rel is replaced, not merged: only noopener noreferrer may reach readers.
        return {
          tagName,
          attribs: { ...withAttribute(attribs, 'href', target), rel: 'noopener noreferrer' },
        };
      },
      img: (tagName, attribs) => {
        const src = attribs.src?.trim();
        const safe = src && SAFE_DATA_IMAGE.test(src) ? src : resolved(src);
        return { tagName, attribs: withAttribute(attribs, 'src', safe) };
      },
      iframe: (tagName, attribs) => ({
        tagName,
        attribs: withAttribute(attribs, 'src', resolved(attribs.src)),
        // A player's fallback content is never shown where iframes work; keep nothing inside.
        text: '',
      }),
      blockquote: (tagName, attribs) => ({
        tagName,
        attribs: withAttribute(attribs, 'cite', resolved(attribs.cite)),
      }),
      q: (tagName, attribs) => ({ tagName, attribs: withAttribute(attribs, 'cite', resolved(attribs.cite)) }),
    },
    exclusiveFilter: (frame) => {
      const { tag, attribs } = frame;
      if (tag === 'img') {
        if (!attribs.src || isPixelSize(attribs.width, attribs.height)) return true;
        const url = httpUrl(attribs.src);
        return url !== undefined && isTrackerImage(url);
      }
      if (tag === 'iframe') return !attribs.src;
      if (tag === 'a') return attribs.href !== undefined && isShareLink(attribs.href);
      return false;
    },
  });
  return { html: output.trim(), licenses };
}
