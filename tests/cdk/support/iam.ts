import type { Template } from 'aws-cdk-lib/assertions';

type Resources = Record<string, { Type: string; Properties?: Record<string, unknown> }>;

export interface Statement {
  readonly actions: string[];
  readonly resources: unknown[];
  readonly effect: string;
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The logical id of the Lambda function whose description names `stage`. */
export function functionId(template: Template, stage: string): string {
  const functions = template.findResources('AWS::Lambda::Function', {
    Properties: { Description: `Syndication pipeline: ${stage}` },
  });
  const ids = Object.keys(functions);
  if (ids.length !== 1) throw new Error(`expected one ${stage} function, found ${ids.length}`);
  return ids[0] as string;
}

/** The logical id of a function's execution role. */
export function roleId(template: Template, stage: string): string {
  const resources = template.toJSON().Resources as Resources;
  const role = resources[functionId(template, stage)]?.Properties?.Role as { 'Fn::GetAtt': [string, string] };
  return role['Fn::GetAtt'][0];
}

/** Every statement of every inline policy attached to the role. */
export function statementsOf(template: Template, role: string): Statement[] {
  const policies = template.findResources('AWS::IAM::Policy');
  return Object.values(policies)
    .filter((p) =>
      asArray(p.Properties.Roles as unknown[]).some(
        (r) => JSON.stringify(r) === JSON.stringify({ Ref: role }),
      ),
    )
    .flatMap((p) => asArray(p.Properties.PolicyDocument.Statement as Record<string, unknown>[]))
    .map((s) => ({
      actions: asArray(s.Action as string | string[]),
      resources: asArray(s.Resource as unknown),
      effect: s.Effect as string,
    }));
}

export function actionsOf(template: Template, stage: string): string[] {
  return [...new Set(statementsOf(template, roleId(template, stage)).flatMap((s) => s.actions))].sort();
}

/** The resources (rendered as JSON) a role may apply one action to. */
export function resourcesFor(template: Template, stage: string, action: string): string[] {
  return statementsOf(template, roleId(template, stage))
    .filter((s) => s.actions.includes(action))
    .flatMap((s) => s.resources.map((r) => JSON.stringify(r)))
    .sort();
}

/** `"arn-of-bucket/prefix*"` as the template renders it, for comparison with {@link resourcesFor}. */
export function objectArn(bucketId: string, pattern: string): string {
  return JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${pattern}`]] });
}
