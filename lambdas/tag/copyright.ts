/**
 * Reads copyright notices as outlets write them:
 *   "Copyright 2023, PatriotWise.com", "© 2023 Holder. All rights reserved.",
 *   "(c) 2021 Holder Inc.", "Copyright © 2019-2023 Holder".
 * The holder is what follows the years, up to the first sentence end or
 * "All rights reserved". A notice without a recognisable holder yields none:
 * an absent holder is better than a wrong one.
 */
export interface CopyrightNotice {
  readonly notice: string;
  readonly holder?: string;
  readonly year?: string;
}

const NOTICE =
  /^(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?<years>\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*(?:by\s+)?(?<holder>[^\n]*?)\s*(?:[.;]?\s*all rights reserved\.?)?\s*$/i;

export function parseCopyrightNotice(text: string): CopyrightNotice | undefined {
  const notice = text.trim();
  const match = NOTICE.exec(notice);
  if (!match?.groups) return undefined;
  const years = match.groups.years?.replace(/\s+/g, '');
  let holder = match.groups.holder?.trim().replace(/[.,;:]+$/, '');
  // "© 2023 The Holder Ltd. Some other sentence." → keep the first sentence, but not a dot inside "Inc." or a domain.
  if (holder) holder = holder.replace(/^(.+?(?:\.(?:com|org|net|co\.uk|news))?)\.\s+[A-Z].*$/, '$1').trim();
  const year = years?.split(/[-–]/).pop();
  return {
    notice,
    ...(holder && holder.length > 1 && holder.length <= 120 ? { holder } : {}),
    ...(year ? { year } : {}),
  };
}
