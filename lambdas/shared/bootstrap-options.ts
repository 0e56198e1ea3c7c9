import type { Logger } from '@aws-lambda-powertools/logger';
import type { AwsClients } from './clients.ts';

/** What a caller may supply instead of the defaults when wiring a stage (the local runner, tests). */
export interface BootstrapOptions {
  readonly clients?: AwsClients;
  readonly logger?: Logger;
}
