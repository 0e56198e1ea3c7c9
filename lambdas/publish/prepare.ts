import type { ItemEnvelope } from '../shared/envelope.ts';
import { InvalidMessageError } from '../shared/errors.ts';
import { type OutputMessage, toOutputMessage } from './message.ts';
import { toNinjs } from './ninjs.ts';
import { assertValidNinjs } from './validate.ts';

/**
 * The one way an envelope becomes what consumers receive: ninjs 3.1, validated
 * against the official schema, with its attributes. The publish stage and the
 * release of a held item both go through here, so a released item is exactly
 * what it would have been had it never waited.
 */
export function prepareOutput(envelope: ItemEnvelope): OutputMessage {
  if (!envelope.dedupe) throw new InvalidMessageError('publish received an item that dedupe has not decided');
  const ninjs = toNinjs(envelope);
  assertValidNinjs(ninjs);
  return toOutputMessage(envelope, ninjs);
}
