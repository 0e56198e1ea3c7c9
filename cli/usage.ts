/**
 * Every command's usage line and one-paragraph summary, apart from the
 * commands themselves: `syndicate --help` and `syndicate CMD --help` print
 * them without loading a command's modules (the pipeline, the SDK clients).
 */
export interface CommandHelp {
  readonly usage: string;
  readonly summary: string;
}

export const COMMAND_HELP = {
  run: {
    usage: 'syndicate run [--state DIR] [--outlet ID] [--duplicate-policy drop|flag] PATH...',
    summary:
      'Runs the whole pipeline locally on files and folders. stdout: each published message as one JSON line; ' +
      'stderr: progress and a summary. State persists in DIR (default .syndicate). ' +
      'Exit 0 when every document was accepted, 1 when any was rejected, 2 on usage errors.',
  },
  parse: {
    usage: 'syndicate parse [--outlet ID] PATH...',
    summary:
      'Parses, normalizes and tags each document without storing or deduping; one JSON line per document. ' +
      'Exit 0 when all parsed, 1 when any was rejected.',
  },
  push: {
    usage:
      'syndicate push --outlet ID --secret-file F --url URL [--content-type TYPE] [--source-url URL] [--attempts N] FILE',
    summary:
      'Signs a document (HMAC-SHA256 with a timestamp) and pushes it as an outlet does; prints the answer.',
  },
  serve: {
    usage:
      'syndicate serve [--state DIR] [--port N] [--secrets FILE] [--outlets FILE] [--poll-seconds N] ' +
      '[--max-body-bytes N] [--keep-output]',
    summary:
      'The push endpoint on 127.0.0.1 in front of the local pipeline, until Ctrl-C. Prints each published ' +
      'message, or with --keep-output leaves it for `syndicate consume`. Writes the queue URLs, endpoints, ' +
      'region and local credentials to DIR/endpoints.json, which consume and redrive read.',
  },
  consume: {
    usage:
      'syndicate consume [--queue-url URL] [--state DIR] [--endpoint URL] [--s3-endpoint URL] [--max N] ' +
      '[--wait S] [--delete] [--validate]',
    summary:
      'Prints output-queue messages as JSON lines, claim checks resolved. Without --queue-url it reads the ' +
      'local queue from DIR/endpoints.json (default .syndicate), written by `syndicate serve`.',
  },
  redrive: {
    usage:
      'syndicate redrive --from DLQ_URL|STAGE --to QUEUE_URL|STAGE [--state DIR] [--endpoint URL] [--max N] [--wait S]',
    summary:
      'Moves dead letters back after a fix, each deleted only once its copy was accepted. A stage name ' +
      '(normalize, dedupe, tag, publish) stands for its DLQ (--from) or queue (--to) in DIR/endpoints.json; output is the output queue.',
  },
  replay: {
    usage: 'syndicate replay --from-archive PREFIX [--state DIR] [--duplicate-policy drop|flag] [--max N]',
    summary: 'Re-runs stored raw documents (incoming/…) through the local pipeline in DIR.',
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMAND_HELP;
