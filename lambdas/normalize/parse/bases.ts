import type { XmlElement } from './xml-tree.ts';

/**
 * Where the base for a document's relative references came from, in the order they are tried
 * (RFC 3986 section 5.1: the base embedded in the content, then the retrieval URI; a feed's own
 * `rel="self"` and home-page link stand in for the retrieval URI when nobody said where it came from).
 */
export const BASE_SOURCES = ['xml:base', 'fetched-from', 'self', 'feed-link'] as const;
export type BaseSource = (typeof BASE_SOURCES)[number];

export interface ResolvedBase {
  readonly url: string;
  readonly from: BaseSource;
}

/** The absolute http(s) URL a reference names against base, or undefined when it names none. */
export function absoluteHttp(reference: string | undefined, base?: string): string | undefined {
  const ref = reference?.trim();
  if (!ref) return undefined;
  try {
    const url = base === undefined ? new URL(ref) : new URL(ref, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The document-wide base when no xml:base is in scope: the URL the document was fetched from, else the
 * feed's `rel="self"`, else its own link, each only once it is an absolute http(s) URL.
 */
export function documentBase(candidates: {
  readonly location?: string | undefined;
  readonly self?: string | undefined;
  readonly feedLink?: string | undefined;
}): ResolvedBase | undefined {
  const fetched = absoluteHttp(candidates.location);
  if (fetched) return { url: fetched, from: 'fetched-from' };
  const self = absoluteHttp(candidates.self);
  if (self) return { url: self, from: 'self' };
  const link = absoluteHttp(candidates.feedLink, self);
  if (link) return { url: link, from: 'feed-link' };
  return undefined;
}

/** Resolves references in an XML feed: xml:base in scope first, then the document's base. */
export class XmlBases {
  readonly #fallback: ResolvedBase | undefined;

  constructor(fallback: ResolvedBase | undefined) {
    this.#fallback = fallback;
  }

  get document(): ResolvedBase | undefined {
    return this.#fallback;
  }

  /** The base in force at element. A relative xml:base (no location known) is resolved against the fallback. */
  baseOf(element: XmlElement): ResolvedBase | undefined {
    if (element.xmlBase && element.base !== undefined) {
      const url = absoluteHttp(element.base, this.#fallback?.url);
      if (url) return { url, from: 'xml:base' };
    }
    return this.#fallback;
  }

  /** The reference made absolute when it can be; else as written (trimmed), for later stages to judge. */
  resolve(reference: string, element: XmlElement): string {
    const ref = reference.trim();
    const base = this.baseOf(element)?.url;
    if (base === undefined) return ref;
    try {
      return new URL(ref, base).href;
    } catch {
      return ref;
    }
  }
}
