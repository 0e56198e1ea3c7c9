import { App, type AppProps, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readSettings } from './settings.ts';
import { SyndicationStack } from './syndication-stack.ts';

export const STACK_NAME = 'Syndication';

/**
 * The CDK app as `bin/app.ts` runs it (and the tests synthesize it): one
 * environment-agnostic stack configured from `syndicate:*` context, tagged for
 * cost allocation, with cdk-nag's AwsSolutions pack as a validation plugin so
 * an unacknowledged finding fails the synth.
 */
export function createSyndicationApp(props: AppProps = {}): { app: App; stack: SyndicationStack } {
  const app = new App(props);
  const stack = new SyndicationStack(app, STACK_NAME, {
    description: 'News syndication pipeline: raw archive, normalize, dedupe, tag, publish ninjs 3.1',
    settings: readSettings(app.node),
  });
  Tags.of(app).add('project', 'syndication-pipeline');
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
