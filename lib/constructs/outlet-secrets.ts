import { RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export interface OutletSecretsProps {
  /** Use an existing secret (JSON map outlet id → push secret) instead of creating one. @default create one */
  readonly existingSecretArn?: string;
  /** @default RemovalPolicy.RETAIN: outlets hold copies of these secrets */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * The push secrets shared with each outlet, one JSON document
 * `{ "<outletId>": "<secret>" }` in Secrets Manager. A new secret starts as an
 * empty map (no secret material in the template); operators add outlets with
 * `aws secretsmanager put-secret-value` (docs/deploy.md), which CloudFormation
 * never overwrites because the template value does not change.
 */
export class OutletSecrets extends Construct {
  readonly secret: secretsmanager.ISecret;

  constructor(scope: Construct, id: string, props: OutletSecretsProps = {}) {
    super(scope, id);
    if (props.existingSecretArn) {
      this.secret = secretsmanager.Secret.fromSecretCompleteArn(this, 'Secret', props.existingSecretArn);
      return;
    }
    const secret = new secretsmanager.Secret(this, 'Secret', {
      description: 'Syndication push secrets: JSON map of outlet id to HMAC secret',
      // An empty map holds nothing secret; real values never pass through CloudFormation.
      secretStringValue: SecretValue.unsafePlainText('{}'),
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    acknowledge(
      secret,
      'AwsSolutions-SMG4',
      'Each value is an HMAC key shared with an external outlet; rotating it needs the outlet to switch at the same time, so it is rotated by runbook (docs/deploy.md), not by a Lambda.',
    );
    this.secret = secret;
  }
}
