import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * cdk-nag 3 acknowledgements go through CDK's own `Validations` API. Each one
 * names a single finding and carries the reason a reviewer reads; keeping them
 * next to the construct that causes them keeps the reason honest.
 */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The token cdk-nag prints for an attribute of a resource: `<LogicalId.Attr>`. */
export function nagToken(element: IConstruct, attribute = 'Arn'): string {
  const cfn = (element.node.defaultChild ?? element) as CfnElement;
  return `<${Stack.of(element).getLogicalId(cfn)}.${attribute}>`;
}
