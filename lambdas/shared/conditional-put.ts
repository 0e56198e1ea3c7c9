import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, type PutCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * A conditional PutItem that answers whether it won: false when the condition
 * failed (someone else holds the key), any other error thrown. The pipeline's
 * "exactly one is first" guarantees all rest on this.
 */
export async function conditionalPut(
  doc: DynamoDBDocumentClient,
  input: PutCommandInput & { ConditionExpression: string },
): Promise<boolean> {
  try {
    await doc.send(new PutCommand(input));
    return true;
  } catch (error) {
    if (isConditionalCheckFailure(error)) return false;
    throw error;
  }
}

/** A write refused by its condition. Matched by name too: the class differs when two copies of the SDK are loaded (bundled vs runtime). */
export function isConditionalCheckFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error as Error | undefined)?.name === 'ConditionalCheckFailedException'
  );
}
