import world from './data/news-organisations.json' with { type: 'json' };
import type { NewsOrganisation } from './gazetteer.ts';
import { normalizeKey } from './mentions.ts';

/** One row of data/news-organisations.json; `country` is an ISO 3166-1 code (or "INT"), kept for review. */
interface WorldRow {
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly wire?: boolean;
  readonly country: string;
}

export const WORLD_ORGANISATIONS: readonly NewsOrganisation[] = (world as readonly WorldRow[]).map((row) => ({
  name: row.name,
  ...(row.aliases && row.aliases.length > 0 ? { aliases: row.aliases } : {}),
  ...(row.wire ? { wire: true } : {}),
}));

/**
 * `curated` followed by each organisation of `extra` none of whose names the lists before it use: the
 * curated entry wins (its aliases and wire flag were chosen by hand), and no name ever means two
 * organisations.
 */
export function withWorld(
  curated: readonly NewsOrganisation[],
  extra: readonly NewsOrganisation[],
): NewsOrganisation[] {
  const taken = new Set<string>();
  const names = (org: NewsOrganisation) => [org.name, ...(org.aliases ?? [])].map(normalizeKey);
  const merged: NewsOrganisation[] = [];
  for (const org of [...curated, ...extra]) {
    const keys = names(org);
    if (merged.length >= curated.length && keys.some((key) => taken.has(key))) continue;
    for (const key of keys) taken.add(key);
    merged.push(org);
  }
  return merged;
}
