import { RejectedDocumentError } from '../../shared/errors.ts';
import type { ParsedDocument, RawItem } from './types.ts';

type Json = Record<string, unknown>;

function firstValue(list: unknown, contentTypePrefix?: string): string | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.filter(
    (e): e is Json => typeof e === 'object' && e !== null && typeof e.value === 'string',
  );
  const match = contentTypePrefix
    ? entries.find((e) => typeof e.contentType === 'string' && e.contentType.startsWith(contentTypePrefix))
    : undefined;
  return (match ?? entries[0])?.value as string | undefined;
}

/** A single ninjs document pushed by an outlet that already speaks ninjs. */
export function parseNinjs(text: string): ParsedDocument {
  const doc = JSON.parse(text) as Json;
  const uri = typeof doc.uri === 'string' ? doc.uri : undefined;
  if (!uri) throw new RejectedDocumentError('malformed-ninjs', 'ninjs document has no uri');
  const html = firstValue(doc.bodies, 'text/html');
  const plain = firstValue(doc.bodies, 'text/plain');
  const headline = firstValue(doc.headlines) ?? (typeof doc.headline === 'string' ? doc.headline : undefined);
  const item: RawItem = { guid: uri, authors: typeof doc.by === 'string' ? [doc.by] : [], categories: [] };
  if (headline) item.title = { value: headline, type: 'text' };
  if (html) item.content = { value: html, type: 'html' };
  else if (plain) item.content = { value: plain, type: 'text' };
  for (const [field, key] of [
    ['versionCreated', 'updated'],
    ['firstCreated', 'published'],
  ] as const) {
    if (typeof doc[field] === 'string') item[key] = doc[field] as string;
  }
  if (typeof doc.copyrightNotice === 'string') item.rights = doc.copyrightNotice;
  if (typeof doc.language === 'string') item.language = doc.language;
  return { format: 'ninjs', feed: null, items: [item], itemErrors: [] };
}
