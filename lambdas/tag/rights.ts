import type { FeedMeta, NormalizedItem } from '../shared/envelope.ts';
import type { Outlet } from '../shared/outlets.ts';
import { type CopyrightNotice, looksLikeCopyrightNotice, parseCopyrightNotice } from './copyright.ts';
import { absoluteHttpUrl, findLicence, type Licence, licenceFromUrl } from './licenses.ts';
import { splitParagraphs } from './paragraphs.ts';

/** Who owns an item and on what terms it may be used; whatever no source states stays absent. */
export interface Rights {
  readonly holder?: string;
  readonly notice?: string;
  readonly year?: string;
  readonly usageTerms?: string;
  readonly licenseUrl?: string;
}

interface FoundLicence {
  readonly licence?: Licence;
  readonly url?: string;
}

const MAX_LICENCE_PARAGRAPH = 400;

/** A rights statement that only names a licence ("CC BY 4.0") is a licence, not a copyright notice. */
function asNotice(statement: string | undefined): CopyrightNotice | undefined {
  if (!statement) return undefined;
  const parsed = parseCopyrightNotice(statement);
  if (parsed) return parsed;
  return findLicence(statement) ? undefined : { notice: statement.trim() };
}

function licenceFrom(texts: readonly (string | undefined)[], link?: string): FoundLicence | undefined {
  if (link) {
    const licence = licenceFromUrl(link);
    const url = licence?.url ?? absoluteHttpUrl(link);
    if (licence || url) return { ...(licence ? { licence } : {}), ...(url ? { url } : {}) };
  }
  for (const text of texts) {
    const licence = text ? findLicence(text) : undefined;
    if (licence) return { licence, ...(licence.url ? { url: licence.url } : {}) };
  }
  return undefined;
}

function lastHtmlParagraph(html: string): string | undefined {
  // Found by position, not by a lazy regex, which goes quadratic on many unclosed "<p"; both cases are
  // searched for rather than lower-casing the whole body.
  let start = lastOpening(html, html.length);
  // Skip "<pre", "<param"…: a "<p" followed by a name character is another element.
  while (start >= 0 && /[\w-]/.test(html[start + 2] ?? ''))
    start = start === 0 ? -1 : lastOpening(html, start - 1);
  if (start < 0) return undefined;
  const end = closing(html, start);
  return end < 0 ? undefined : html.slice(start, end + 4);
}

/** The last "<p" or "<P" at or before `from` (lastIndexOf with a negative start still searches from 0). */
function lastOpening(html: string, from: number): number {
  return Math.max(html.lastIndexOf('<p', from), html.lastIndexOf('<P', from));
}

/** The first "</p>" after `from`, in any case. */
function closing(html: string, from: number): number {
  const found = ['</p>', '</P>'].map((tag) => html.indexOf(tag, from)).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}

const OPENS_WITH_NOTICE = /^\[?\s*(?:copyright\b|©|\(c\))/iu;
const NOTICE_SCAN = 3;

function noticeNearEnd(paragraphs: readonly string[]): string | undefined {
  for (let back = 1; back <= NOTICE_SCAN && back < paragraphs.length; back++) {
    const paragraph = paragraphs[paragraphs.length - back]?.trim();
    if (!paragraph || paragraph.length > 300 || (back > 1 && !OPENS_WITH_NOTICE.test(paragraph))) continue;
    if (looksLikeCopyrightNotice(paragraph)) return paragraph;
  }
  return undefined;
}

/**
 * Precedence: the item's own statements (footers, then its format's rights
 * field and licence link) win over the feed's, which win over the outlet
 * registry's defaults.
 */
export function findRights(
  item: NormalizedItem,
  feed: FeedMeta | null,
  outlet: Outlet | undefined,
  paragraphs: readonly string[] = splitParagraphs(item.bodyText),
): Rights {
  const last = paragraphs[paragraphs.length - 1]?.trim();
  // A footer normalize left in the body (e.g. "©2023 Holder" with no space, "[Copyright Holder]") still
  // counts as a footer: the last paragraph, or one of the two before it that opens with the notice
  // (a sign-off such as "(NAN)" may follow it; a caption "Photo © …" mid-body does not count).
  const footerInBody = paragraphs.length > 1 ? noticeNearEnd(paragraphs) : undefined;
  const licenceParagraph =
    last && last.length <= MAX_LICENCE_PARAGRAPH && /licen[cs]|creativecommons/iu.test(last)
      ? last
      : undefined;

  const itemNotices = [
    ...item.notices.map((n) => parseCopyrightNotice(n)),
    asNotice(footerInBody),
    asNotice(item.rights),
  ].filter((n): n is CopyrightNotice => n !== undefined);
  const feedNotice = asNotice(feed?.copyright);
  const notice = itemNotices[0] ?? feedNotice;
  const withHolder = [...itemNotices, ...(feedNotice ? [feedNotice] : [])].find((n) => n.holder);
  const holder = notice?.holder ?? withHolder?.holder ?? outlet?.copyrightHolder;
  const year = notice?.year ?? (notice?.holder ? undefined : withHolder?.year);

  const itemLicence = licenceFrom(
    [
      item.rights,
      ...item.notices,
      licenceParagraph,
      item.bodyHtml ? lastHtmlParagraph(item.bodyHtml) : undefined,
    ],
    item.license,
  );
  const feedLicence = itemLicence ? undefined : licenceFrom([feed?.copyright], feed?.license);
  const outletLicence = outlet?.licenseUrl ? licenceFrom([], outlet.licenseUrl) : undefined;
  const licence = itemLicence ?? feedLicence ?? outletLicence;
  const usageTerms =
    itemLicence?.licence?.usageTerms ??
    itemNotices.find((n) => n.usageTerms)?.usageTerms ??
    feedLicence?.licence?.usageTerms ??
    feedNotice?.usageTerms ??
    outlet?.usageTerms ??
    outletLicence?.licence?.usageTerms;

  return {
    ...(holder ? { holder } : {}),
    ...(notice ? { notice: notice.notice } : {}),
    ...(year ? { year } : {}),
    ...(usageTerms ? { usageTerms } : {}),
    ...(licence?.url ? { licenseUrl: licence.url } : {}),
  };
}
