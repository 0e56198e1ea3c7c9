import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseDate } from '../../lambdas/normalize/dates.ts';
import { type ParsedDocument, parseDocument, type RawItem } from '../../lambdas/normalize/parse/index.ts';
import { ALT_ID_ROLES, type NinjsDocument } from '../../lambdas/publish/ninjs.ts';
import { describeError, RejectedDocumentError } from '../../lambdas/shared/errors.ts';
import { type OfflineResult, processOffline } from '../../local/offline.ts';
import { sameInstant, sameLink, sameText } from './compare.ts';
import { type Clause, type EntryField, type FeedField, readHeader, translate } from './expect.ts';

export type Outcome = 'pass' | 'fail' | 'untranslated';

export interface CaseResult {
  readonly file: string;
  readonly folder: string;
  readonly outcome: Outcome;
  /** Parsed, rejected with a typed reason, or crashed (any other error). */
  readonly status: 'parsed' | 'rejected' | 'crashed';
  readonly detail?: string;
  /** Why the document was rejected (or how it crashed). */
  readonly reason?: string;
  /** An entry check was answered from the parse output because normalize did not publish that entry. */
  readonly fromRaw?: boolean;
}

/** Fixed receipt time, so nothing depends on the clock. */
const RECEIVED_AT = '2000-01-01T00:00:00.000Z';

function listFiles(dir: string, limit: number): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (out.length >= limit) return;
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.xml')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** Groups a file under its top folder, and under wellformed/<format> for the wellformed tree. */
function folderOf(root: string, file: string): string {
  const parts = relative(root, file).split(/[\\/]/);
  return parts[0] === 'wellformed' ? `${parts[0]}/${parts[1]}` : (parts[0] ?? '');
}

function altId(item: NinjsDocument, role: string): string | undefined {
  const ids = item.altIds as Array<{ role: string; value: string }> | undefined;
  return ids?.find((id) => id.role === role)?.value;
}

function first(list: unknown): string | undefined {
  return Array.isArray(list) ? (list[0] as { value?: string } | undefined)?.value : undefined;
}

function plainBody(item: NinjsDocument): string | undefined {
  const bodies = item.bodies as Array<{ contentType: string; value: string }> | undefined;
  return bodies?.find((b) => b.contentType === 'text/plain')?.value;
}

export interface Entry {
  readonly fromRaw: boolean;
  readonly get: (field: EntryField) => string | undefined;
}

/** What a reader made of one document, as the checks see it. */
export interface Subject {
  /** A feed field's values in order of preference: as published, then as read. */
  readonly feed: (field: FeedField) => ReadonlyArray<string | undefined>;
  readonly entry: Entry | undefined;
}

/** Reads one document; throws when the document is rejected. */
export interface Reader {
  readonly read: (bytes: Uint8Array, contentType: string | undefined) => Promise<Subject>;
  /** Tells a rejection with a reason from a crash. */
  readonly isRejection: (error: unknown) => boolean;
}

function publishedEntry(item: NinjsDocument): Entry {
  const dated = altId(item, ALT_ID_ROLES.dateSource) === 'item';
  return {
    fromRaw: false,
    get: (field) => {
      switch (field) {
        case 'title':
          return first(item.headlines);
        case 'link':
          return altId(item, ALT_ID_ROLES.url);
        case 'id':
          return altId(item, ALT_ID_ROLES.guid);
        case 'summary':
          return first(item.descriptions) ?? plainBody(item);
        case 'content':
          return plainBody(item);
        case 'published':
          return dated ? (item.contentCreated as string) : undefined;
        case 'updated':
          return dated ? (item.versionCreated as string) : undefined;
      }
    },
  };
}

function rawEntry(raw: RawItem): Entry {
  return {
    fromRaw: true,
    get: (field) => {
      switch (field) {
        case 'title':
          return raw.title?.value;
        case 'link':
          return raw.link;
        case 'id':
          return raw.guid;
        case 'summary':
          return raw.summary?.value ?? raw.content?.value;
        case 'content':
          return raw.content?.value;
        case 'published':
          return parseDate(raw.published ?? raw.updated)?.toISOString();
        case 'updated':
          return parseDate(raw.updated ?? raw.published)?.toISOString();
      }
    },
  };
}

/** feedparser's entries[0]: the published item when normalize kept entry 0, else the raw read of it. */
function firstEntry(parsed: ParsedDocument, offline: OfflineResult): Entry | undefined {
  const dropped = offline.itemErrors.some((e) => e.index === 0);
  const item = offline.items[0];
  if (item && !dropped) return publishedEntry(item);
  const raw = parsed.items[0];
  return raw ? rawEntry(raw) : undefined;
}

interface Verdict {
  readonly failure?: string;
  /** Answered from the parse output: the pipeline's later cleaning changed or dropped the value. */
  readonly fromRaw?: boolean;
}

function feedMatches(field: FeedField, expected: string, actual: string | undefined): boolean {
  if (field === 'link') return sameLink(expected, actual);
  if (field === 'language') return actual?.toLowerCase() === expected.toLowerCase();
  return sameText(expected, actual, true);
}

function check(clause: Clause, subject: Subject | undefined): Verdict {
  if (clause.kind === 'bozo') return {};
  if (!subject) return { failure: 'document was rejected' };
  switch (clause.kind) {
    case 'not-bozo':
    case 'parses':
      return {};
    case 'feed': {
      const candidates = subject.feed(clause.field);
      const index = candidates.findIndex((value) => feedMatches(clause.field, clause.expected, value));
      if (index === 0) return {};
      if (index > 0) return { fromRaw: true };
      const got = JSON.stringify(candidates[candidates.length - 1]);
      return { failure: `feed.${clause.field}: expected ${JSON.stringify(clause.expected)}, got ${got}` };
    }
    case 'entry': {
      const entry = subject.entry;
      if (!entry) return { failure: 'no entry' };
      const actual = entry.get(clause.field);
      const ok =
        clause.field === 'link'
          ? sameLink(clause.expected, actual)
          : clause.field === 'published' || clause.field === 'updated'
            ? sameInstant(clause.expected, actual)
            : sameText(clause.expected, actual, entry.fromRaw);
      if (ok) return entry.fromRaw ? { fromRaw: true } : {};
      return {
        failure: `entry.${clause.field}: expected ${JSON.stringify(clause.expected)}, got ${JSON.stringify(actual)}`,
      };
    }
  }
}

/** This project's reader: parseDocument, then processOffline (what `syndicate parse` prints). */
export const PIPELINE_READER: Reader = {
  async read(bytes, contentType) {
    const hints = contentType ? { contentType } : {};
    const parsed = await parseDocument(bytes, hints);
    const offline = await processOffline(bytes, { ...hints, receivedAt: RECEIVED_AT });
    return {
      feed: (field) => [offline.feed?.[field], parsed.feed?.[field]],
      entry: firstEntry(parsed, offline),
    };
  },
  isRejection: (error) => error instanceof RejectedDocumentError,
};

export async function runCase(
  root: string,
  file: string,
  reader: Reader = PIPELINE_READER,
): Promise<CaseResult> {
  const bytes = readFileSync(file);
  const header = readHeader(bytes.toString('latin1'));
  const folder = folderOf(root, file);
  const name = relative(root, file);
  let subject: Subject | undefined;
  let status: CaseResult['status'] = 'parsed';
  let rejection: string | undefined;
  try {
    subject = await reader.read(bytes, header?.contentType);
  } catch (error) {
    status = reader.isRejection(error) ? 'rejected' : 'crashed';
    rejection = describeError(error);
  }
  const clauses = header ? translate(header.expect) : undefined;
  const reason = rejection ? { reason: rejection } : {};
  if (!clauses) return { file: name, folder, outcome: 'untranslated', status, ...reason };
  if (status === 'crashed') {
    return { file: name, folder, outcome: 'fail', status, detail: `crash: ${rejection}`, ...reason };
  }
  const verdicts = clauses.map((c) => check(c, subject));
  const failures = verdicts.flatMap((v) => v.failure ?? []);
  const fromRaw = failures.length === 0 && verdicts.some((v) => v.fromRaw);
  return {
    file: name,
    folder,
    outcome: failures.length === 0 ? 'pass' : 'fail',
    status,
    ...(failures.length > 0 ? { detail: failures.join('; ') } : {}),
    ...reason,
    ...(fromRaw ? { fromRaw } : {}),
  };
}

/** Runs every test feed under `root` (bounded by `limit`), one at a time, in this process. */
export async function runSuite(
  root: string,
  reader: Reader = PIPELINE_READER,
  limit = 5000,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const file of listFiles(root, limit)) results.push(await runCase(root, file, reader));
  return results;
}
