import { pathToFileURL } from 'node:url';
import { type ParsedDocument, parseDocument } from '../lambdas/normalize/parse/index.ts';
import { passesUnchanged } from '../lambdas/normalize/plain-markup.ts';
import { RejectedDocumentError } from '../lambdas/shared/errors.ts';
import { generateSoakCorpus } from '../soak/corpus.ts';
import { loadCorpus } from './normalize.ts';
import type { BenchRow } from './pipeline.ts';

/**
 * How many item bodies of the bench corpora took the sanitizer's fast path:
 * the body normalize reads (`content`, else `summary`, as normalize-item.ts
 * does) is HTML and plain markup (plain-markup.ts), so sanitize-html and
 * htmlparser2's tokenizer were skipped. Text bodies never meet the sanitizer
 * and are counted apart. Counted, not timed. Run alone: npx tsx bench/sanitizer-path.ts
 */

interface Share {
  readonly bodies: number;
  readonly html: number;
  readonly fast: number;
}

async function share(documents: readonly Uint8Array[], contentTypes?: readonly string[]): Promise<Share> {
  let bodies = 0;
  let html = 0;
  let fast = 0;
  for (const [i, bytes] of documents.entries()) {
    let parsed: ParsedDocument;
    try {
      const contentType = contentTypes?.[i];
      parsed = await parseDocument(bytes, contentType ? { contentType } : {});
    } catch (error) {
      if (error instanceof RejectedDocumentError) continue;
      throw error;
    }
    for (const raw of parsed.items) {
      const source = raw.content ?? raw.summary;
      if (!source) continue;
      bodies++;
      if (source.type !== 'html') continue;
      html++;
      if (passesUnchanged(source.value)) fast++;
    }
  }
  return { bodies, html, fast };
}

function rows(label: string, counted: Share): BenchRow[] {
  return [
    {
      name: `sanitizer fast path: ${label}, HTML bodies that skipped sanitize-html`,
      value: counted.fast / Math.max(1, counted.html),
      unit: 'share',
      note: `${counted.fast} of ${counted.html} HTML bodies; ${counted.bodies - counted.html} more bodies were text`,
    },
  ];
}

export async function benchSanitizerPath(): Promise<BenchRow[]> {
  // The throughput corpus of bench/pipeline.ts (same generator, size and seed) and the normalize corpus.
  const generated = generateSoakCorpus({ items: 2000, itemsPerDocument: 25, versionShare: 0, seed: 5 });
  const feeds = generated.documents.filter((d) => d.format !== 'html');
  return [
    ...rows(
      'throughput corpus (2,000 generated items)',
      await share(
        feeds.map((d) => d.bytes),
        feeds.map((d) => d.contentType),
      ),
    ),
    ...rows(
      "normalize corpus (feedparser's well-formed feeds + the seed article)",
      await share(loadCorpus()),
    ),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchSanitizerPath())
    process.stdout.write(`${row.name}: ${row.value.toFixed(3)} ${row.unit} (${row.note})\n`);
}
