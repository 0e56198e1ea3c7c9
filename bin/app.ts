import { createSyndicationApp } from '../lib/app.ts';

// `cdk synth` must work offline and without credentials: the stack is
// environment-agnostic, and a region is only assumed when none is configured.
process.env.CDK_DEFAULT_REGION ??= 'us-east-1';

createSyndicationApp();
