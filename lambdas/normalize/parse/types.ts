import type { FeedMeta, SourceFormat } from '../../shared/envelope.ts';
import type { BaseSource, ResolvedBase } from './bases.ts';

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
  /** Base for relative URLs in the body (and anything the parser left relative), and where it came from. */
  baseUrl?: string;
  baseFrom?: BaseSource;
  /** Media attached to the entry (Media RSS, RSS enclosures, Atom enclosure links, JSON Feed attachments). */
  media?: RawMedia[];
  /** Set on a kill or withdrawal of the earlier item `guid` names (ninjs pubStatus, Atom tombstone). */
  pubStatus?: 'canceled' | 'withheld';
  /** The embargo as the format gave it (a date string); normalize parses it, and drops it if it cannot. */
  embargoed?: string;
  /** 0-based position of the entry in the document; `itemErrors` count the same way. */
  position?: number;
}

/** One media object as a feed names it; `url` already resolved against the entry's base where it could be. */
export interface RawMedia {
  readonly url: string;
  /** `content` (Media RSS content or group), `thumbnail`, or `enclosure` (RSS, Atom, JSON Feed attachment). */
  readonly kind: 'content' | 'thumbnail' | 'enclosure';
  readonly type?: string;
  /** Media RSS `medium`: image, audio, video, document, executable. */
  readonly medium?: string;
  readonly width?: string;
  readonly height?: string;
  readonly size?: string;
  readonly duration?: string;
  readonly title?: string;
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
  /** The base that relative references fell back to when no xml:base was in scope, and where it came from. */
  readonly base?: ResolvedBase;
}

export interface ParseHints {
  /** The Content-Type the document arrived with (push header or S3 metadata), for its charset. */
  readonly contentType?: string;
  /** Where the document was fetched from (polling): the base for relative links the feed leaves unresolved. */
  readonly location?: string;
}
