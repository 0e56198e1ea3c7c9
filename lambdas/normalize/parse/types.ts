import type { FeedMeta, SourceFormat } from '../../shared/envelope.ts';

/** Text as a format gave it: `html` is markup to sanitize, `text` is literal text. */
export interface RawText {
  readonly value: string;
  readonly type: 'text' | 'html';
}

/** One entry as read from a document, before any cleaning. */
export interface RawItem {
  guid?: string;
  link?: string;
  title?: RawText;
  summary?: RawText;
  content?: RawText;
  /** Date strings exactly as given; normalize parses and validates them. */
  published?: string;
  updated?: string;
  authors: string[];
  categories: string[];
  rights?: string;
  license?: string;
  language?: string;
  /** Base for relative URLs (xml:base or the feed link). */
  baseUrl?: string;
  /** 0-based position of the entry in the document; `itemErrors` count the same way. */
  position?: number;
}

export interface ItemError {
  readonly index: number;
  readonly reason: string;
}

export interface ParsedDocument {
  readonly format: SourceFormat;
  /** The document's own metadata; null for a single article. */
  readonly feed: FeedMeta | null;
  /** A channel-level date that items without their own may fall back to. */
  readonly feedDate?: string;
  readonly items: RawItem[];
  /** Entries that could not be read; the rest of the document still goes on. */
  readonly itemErrors: ItemError[];
  /**
   * Entries after the first MAX_ITEMS_PER_DOCUMENT (parse/limits.ts), counted but never read, so that
   * they never take memory or time; absent when there were none. The entries read are those in
   * `items` and `itemErrors`.
   */
  readonly unreadItems?: number;
}

export interface ParseHints {
  /** The Content-Type the document arrived with (push header or S3 metadata), for its charset. */
  readonly contentType?: string;
  /** Where the document was fetched from (polling): the base for relative links the feed leaves unresolved. */
  readonly location?: string;
}
