import type { ItemEnvelope, TagSet } from '../shared/envelope.ts';
import type { OutletRegistry } from '../shared/outlets.ts';
import type { CreditFinder } from './credits.ts';
import { splitParagraphs } from './paragraphs.ts';
import { findRights } from './rights.ts';
import { findSources } from './sources.ts';

export interface TagOptions {
  readonly credits: CreditFinder;
  readonly outlets: OutletRegistry;
}

/**
 * Rights and sources for one item. Pure: the same envelope and options always
 * give the same tags. What no source states stays absent rather than guessed.
 */
export function tagItem(envelope: ItemEnvelope, options: TagOptions): TagSet {
  const { item, document } = envelope;
  const outlet = options.outlets.get(document.outlet);
  // Both readers need the paragraphs; split once.
  const paragraphs = splitParagraphs(item.bodyText);
  const rights = findRights(item, document.feed, outlet, paragraphs);
  return {
    ...(rights.holder ? { copyrightHolder: rights.holder } : {}),
    ...(rights.notice ? { copyrightNotice: rights.notice } : {}),
    ...(rights.year ? { copyrightYear: rights.year } : {}),
    ...(rights.usageTerms ? { usageTerms: rights.usageTerms } : {}),
    ...(rights.licenseUrl ? { licenseUrl: rights.licenseUrl } : {}),
    sources: findSources(item, document.feed, outlet, options.credits, document.outlet, paragraphs),
  };
}
