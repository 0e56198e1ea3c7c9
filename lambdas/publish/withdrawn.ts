import type { ItemEnvelope } from '../shared/envelope.ts';
import type { NinjsDocument } from './ninjs.ts';

/** On a copy's flag: the original it was assigned to was killed or withdrawn (docs/consumers.md). */
export const ORIGINAL_WITHDRAWN_REL = 'syndicate:original-withdrawn';

/**
 * A kill's re-publication, over the document toNinjs built. The withdrawn item carries the kill's
 * pubStatus; a flagged copy keeps its own (usable) and names the original, with the original's status,
 * in an association. Both are partial representations: only a kill's own text is sent, so consumers
 * update what they hold rather than replace its body.
 */
export function withWithdrawal(envelope: ItemEnvelope, ninjs: NinjsDocument): NinjsDocument {
  const { withdrawal, item } = envelope;
  if (!withdrawal) return ninjs;
  const { bodies: _b, headlines: _h, associations, ...rest } = ninjs;
  const kept = Array.isArray(associations) ? associations : [];
  const flag =
    withdrawal.role === 'copy'
      ? [
          {
            name: 'original report, withdrawn',
            uri: withdrawal.originalUri,
            rel: ORIGINAL_WITHDRAWN_REL,
            pubStatus: withdrawal.pubStatus,
          },
        ]
      : [];
  const all = [...kept, ...flag];
  return {
    ...rest,
    representationType: 'partial',
    ...(withdrawal.role === 'original' ? { pubStatus: withdrawal.pubStatus } : {}),
    ...(item.headline ? { headlines: ninjs.headlines } : {}),
    ...(item.bodyText || item.bodyHtml ? { bodies: ninjs.bodies } : {}),
    ...(all.length > 0 ? { associations: all } : {}),
  };
}
