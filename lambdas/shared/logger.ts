import { Logger } from '@aws-lambda-powertools/logger';

/** One Powertools logger per stage, named after it, so every line says where it came from. */
export function createLogger(stage: string, logLevel?: string): Logger {
  return new Logger({
    serviceName: 'syndication-pipeline',
    persistentKeys: { stage },
    ...(logLevel ? { logLevel: logLevel as 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' } : {}),
  });
}
