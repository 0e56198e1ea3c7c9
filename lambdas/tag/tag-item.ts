import type { InfoSource, ItemEnvelope, TagSet } from '../shared/envelope.ts';
import type { OutletRegistry } from '../shared/outlets.ts';
import { type CopyrightNotice, parseCopyrightNotice } from './copyright.ts';
import type { CreditFinder } from './credits.ts';
import { SOURCE_ROLES } from './roles.ts';

export interface TagOptions {
  readonly credits: CreditFinder;
  readonly outlets: OutletRegistry;
}

/**
 * Rights and sources for one item. Precedence for rights: the item's own
 * notice (footer, then the format's rights field), then the feed's, then the
 * outlet registry's defaults; what none of them says stays absent.
 */
export function tagItem(envelope: ItemEnvelope, options: TagOptions): TagSet {
  const { item, document } = envelope;
  const outlet = options.outlets.get(document.outlet);

  const notices = [
    ...item.notices.map((n) => parseCopyrightNotice(n)),
    item.rights ? (parseCopyrightNotice(item.rights) ?? { notice: item.rights }) : undefined,
    document.feed?.copyright
      ? (parseCopyrightNotice(document.feed.copyright) ?? { notice: document.feed.copyright })
      : undefined,
  ].filter((n): n is CopyrightNotice => n !== undefined);
  const notice = notices[0];
  const holder = notices.find((n) => n.holder)?.holder ?? outlet?.copyrightHolder;
  const licenseUrl = item.license ?? document.feed?.license ?? outlet?.licenseUrl;

  const sources: InfoSource[] = [];
  const seen = new Set<string>();
  const add = (name: string | undefined, role: string, uri?: string) => {
    const key = `${role}|${name?.toLowerCase()}`;
    if (!name || seen.has(key)) return;
    seen.add(key);
    sources.push({ name, role, ...(uri ? { uri } : {}) });
  };

  const datelineCredit = item.dateline?.credit;
  const datelineOrg = datelineCredit ? options.credits.lookup(datelineCredit) : undefined;
  add(outlet?.name, SOURCE_ROLES.publisher, outlet?.site);
  if (datelineCredit && !datelineOrg?.wire) add(datelineCredit, SOURCE_ROLES.publisher);
  if (!outlet?.name && !(datelineCredit && !datelineOrg?.wire))
    add(document.feed?.title, SOURCE_ROLES.publisher);
  if (datelineCredit && datelineOrg?.wire) add(datelineCredit, SOURCE_ROLES.origin);
  for (const credit of options.credits.find(item.notices.join('\n'))) add(credit.name, SOURCE_ROLES.origin);
  const publisherNames = new Set(sources.map((s) => s.name.toLowerCase()));
  for (const credit of options.credits.find(item.bodyText)) {
    if (!publisherNames.has(credit.name.toLowerCase())) add(credit.name, SOURCE_ROLES.credited);
  }

  return {
    ...(holder ? { copyrightHolder: holder } : {}),
    ...(notice ? { copyrightNotice: notice.notice } : {}),
    ...(notices.find((n) => n.year)?.year ? { copyrightYear: notices.find((n) => n.year)?.year } : {}),
    ...(outlet?.usageTerms ? { usageTerms: outlet.usageTerms } : {}),
    ...(licenseUrl ? { licenseUrl } : {}),
    sources,
  };
}
