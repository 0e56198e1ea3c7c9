import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sha256Hex } from '../../lambdas/shared/hash.ts';
import { info, writeLine } from '../output.ts';
import { Explainer, type Query } from '../state/explain-model.ts';
import { formatExplanation } from '../state/explain-text.ts';
import { LocalState } from '../state/local-state.ts';
import { UsageError } from '../usage-error.ts';

const DOCUMENT_ID = /^[0-9a-f]{8,64}$/i;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A file that was run names its document by its bytes' sha256; anything else is taken as an item's uri. */
function queryOf(target: string | undefined, document: string | undefined): Query {
  if ((target === undefined) === (document === undefined))
    throw new UsageError('explain needs exactly one of URI, PATH or --document ID');
  if (document !== undefined) {
    if (!DOCUMENT_ID.test(document))
      throw new UsageError(
        '--document takes a document id: the sha256 of its bytes, or at least 8 of its first hex digits',
      );
    return { kind: 'document', id: document.toLowerCase() };
  }
  const value = target as string;
  if (isFile(value)) return { kind: 'document', id: sha256Hex(readFileSync(value)), path: value };
  return { kind: 'uri', uri: value };
}

/**
 * Every decision on an item (by its uri) or on a document's items (by a path
 * that was run, or by its id), with the evidence on record: the earlier item
 * matched, by which rule, how alike and which passages the two share; which
 * version of what; linked reports; and the words behind each tag.
 */
export async function explainCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      state: { type: 'string', default: '.syndicate' },
      document: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 1) throw new UsageError('explain takes one URI or PATH');
  const query = queryOf(positionals[0], values.document);
  const state = await LocalState.open(values.state);
  try {
    const explainer = new Explainer(state, await state.snapshot());
    const explanation = await explainer.explain(query);
    if (explanation.decisions.length === 0) {
      const what =
        query.kind === 'uri'
          ? `no item with uri ${JSON.stringify(query.uri)}`
          : `no decision on document ${query.id}${query.path ? ` (${query.path})` : ''}`;
      info(`syndicate explain: ${what} in ${values.state}`);
      return 1;
    }
    await writeLine(values.json ? JSON.stringify(explanation) : formatExplanation(explanation));
    return 0;
  } finally {
    await state.close();
  }
}
