/**
 * Roles carried in ninjs `infoSources[].role`. Provisional names: the
 * tagging issue maps them onto IPTC Information Source Role NewsCodes where a
 * code fits and documents the rest in docs/consumers.md.
 */
export const SOURCE_ROLES = {
  /** The outlet that published this item to us. */
  publisher: 'publisher',
  /** A wire service or originating outlet the item was taken from. */
  origin: 'origin',
  /** A news organisation the text credits for information ("according to Newsweek"). */
  credited: 'credited',
} as const;
export type SourceRole = (typeof SOURCE_ROLES)[keyof typeof SOURCE_ROLES];
