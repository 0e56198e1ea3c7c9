/**
 * Roles carried in ninjs `infoSources[].role`, as full concept URIs so a
 * consumer can look each one up. This file is the single source of the values.
 *
 * Every concept of the IPTC Information Source Role NewsCodes
 * (http://cv.iptc.org/newscodes/infosourcerole/) has been retired in favour of
 * the Content Production Party Role NewsCodes, so the current, non-retired
 * concepts of the latter are used. docs/tagging.md explains each choice.
 */
const CPPROLE = 'http://cv.iptc.org/newscodes/contentprodpartyrole/';

export const SOURCE_ROLES = {
  /**
   * The outlet that published the item to us (registry name, feed title, or the
   * dateline's own outlet). cpprole:distributor, "a party that distributed an item":
   * IPTC has no "publisher" concept, and the outlet is who put this item out.
   */
  publisher: `${CPPROLE}distributor`,
  /**
   * A wire service or outlet the item was taken from: "(AP) —", "— AFP",
   * "This article originally appeared on X", "Republished from X".
   * cpprole:origcont, "a party which originated the content of the item".
   */
  origin: `${CPPROLE}origcont`,
  /**
   * A wire service or outlet that contributed part of the report:
   * "Reuters contributed to this report", "Additional reporting by AFP".
   * cpprole:contentSource, "a party which contributed to the content as a source".
   */
  contributor: `${CPPROLE}contentSource`,
  /**
   * A news organisation the text credits for information: "according to Newsweek",
   * "told independent outlet Meduza", "Reuters first reported".
   * cpprole:originfo, "a party which provided some information used to create or
   * enhance the content of the item".
   */
  credited: `${CPPROLE}originfo`,
} as const;
export type SourceRoleName = keyof typeof SOURCE_ROLES;
export type SourceRole = (typeof SOURCE_ROLES)[SourceRoleName];
