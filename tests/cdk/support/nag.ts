import { type PolicyViolation, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

/** Unacknowledged AwsSolutions findings, errors and warnings alike, as "severity rule @ path" lines. */
export function nagFindings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks(scope).validateScope(scope);
  return report.violations.flatMap((v: PolicyViolation) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} @ ${r.constructPath ?? '?'}`),
  );
}

/** Every reason given to `Validations.of(…).acknowledge` under `scope`. */
export function acknowledgementReasons(scope: IConstruct): string[] {
  const own = scope.node.metadata
    .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .flatMap((entry) => Object.values(entry.data as Record<string, unknown>).map(String));
  return [...own, ...scope.node.children.flatMap(acknowledgementReasons)];
}
