/**
 * Items processed from one document at most. A real feed carries tens or
 * hundreds; past the cap the rest are counted and reported, not processed, so
 * one hostile document can hold a function neither for minutes nor for
 * hundreds of megabytes. The parsers apply it while reading (see
 * `ParsedDocument.unreadItems`), so entries past it are never built at all.
 */
export const MAX_ITEMS_PER_DOCUMENT = 5_000;
