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
      'syndicate push --outlet ID --secret-file F --url URL [--content-type TYPE] [--source-url URL] [--attempts N] (FILE | --kill ID | --withhold ID)',
    summary:
      'Signs a document (HMAC-SHA256 with a timestamp) and pushes it as an outlet does; prints the answer. ' +
      '--kill ID / --withhold ID instead sends a signed DELETE that kills or withdraws the earlier item ID.',
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
  explain: {
    usage: 'syndicate explain (URI | PATH | --document ID) [--state DIR] [--json]',
    summary:
      'Prints every decision on an item (its ninjs uri) or on the items of a document (a file that was run, or ' +
      'its sha256 id or an unambiguous prefix of 8+ hex digits), with the evidence on record in DIR (default ' +
      '.syndicate): the earlier item matched, the rule, similarity figures and shared passages; which version ' +
      'of what; linked reports; copies; the words behind each tag. --json for one JSON document. ' +
      'Exit 0 when found, 1 when nothing is on record.',
  },
  inspect: {
    usage: 'syndicate inspect [--state DIR] [--port N]',
    summary:
      'A local web page on 127.0.0.1 over the state in DIR (default .syndicate): stories, their versions and ' +
      'copies, each decision with its evidence and shared passages highlighted, tags with their evidence, ' +
      'search by outlet or headline. Prints its URL to stderr; runs until Ctrl-C (SIGINT) or SIGTERM.',
  },
} as const satisfies Record<string, CommandHelp>;

export type CommandName = keyof typeof COMMAND_HELP;
