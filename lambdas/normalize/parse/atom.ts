import type { FeedMeta } from '../../shared/envelope.ts';
import { documentBase, XmlBases } from './bases.ts';
import { readEntryMedia } from './media.ts';
import { ATOM, NS } from './namespaces.ts';
import { readTombstones } from './tombstones.ts';
import type { ParsedDocument, RawItem } from './types.ts';
import { atomText, textValue as value } from './xml-text.ts';
import { attr, childElements, firstChild, unreadChildren, type XmlElement } from './xml-tree.ts';

const DC = new Set<string>([NS.dc]);
const DCTERMS = new Set<string>([NS.dcterms]);

function first(parent: XmlElement, ...names: string[]): XmlElement | undefined {
  for (const name of names) {
    const element = firstChild(parent, name, ATOM);
    if (element) return element;
  }
  return undefined;
}

function firstValue(parent: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    for (const element of childElements(parent, name, ATOM)) {
      const text = value(element);
      if (text) return text;
    }
  }
  return undefined;
}

/** Repeated dates: the last one stands, as a later value overwrites an earlier one in feed readers. */
function lastValue(parent: XmlElement, ...names: string[]): string | undefined {
  for (const name of names) {
    const values = childElements(parent, name, ATOM).flatMap((element) => value(element) ?? []);
    if (values.length > 0) return values[values.length - 1];
  }
  return undefined;
}

/** The href of the first link with the given relation (an absent rel means "alternate"), resolved. */
function linkHref(parent: XmlElement, rel: string, bases: XmlBases): string | undefined {
  const links = childElements(parent, 'link', ATOM).filter(
    (link) => (attr(link, 'rel')?.trim() || 'alternate') === rel && attr(link, 'href')?.trim(),
  );
  // Prefer an HTML page when several alternates are offered (e.g. also a PDF version).
  const preferred = links.find((link) => /html/i.test(attr(link, 'type') ?? 'text/html')) ?? links[0];
  const href = preferred ? attr(preferred, 'href') : undefined;
  return preferred && href ? bases.resolve(href, preferred) : undefined;
}

function people(parent: XmlElement): string[] {
  return [
    ...childElements(parent, 'author', ATOM).flatMap(
      (author) => value(firstChild(author, 'name', ATOM)) ?? value(firstChild(author, 'email', ATOM)) ?? [],
    ),
    ...childElements(parent, 'creator', DC).flatMap((c) => value(c) ?? []),
  ];
}

function readEntry(entry: XmlElement, feedAuthors: string[], bases: XmlBases): RawItem {
  const authors = people(entry);
  const item: RawItem = {
    authors: authors.length > 0 ? authors : feedAuthors,
    categories: childElements(entry, 'category', ATOM).flatMap(
      (c) => attr(c, 'label')?.trim() || attr(c, 'term')?.trim() || value(c) || [],
    ),
  };
  const id = firstValue(entry, 'id');
  if (id) item.guid = id;
  const link = linkHref(entry, 'alternate', bases);
  if (link) item.link = link;
  const title = atomText(first(entry, 'title'));
  if (title) item.title = title;
  const contentElement = first(entry, 'content');
  const content = atomText(contentElement);
  if (content) item.content = content;
  const summaryElement = first(entry, 'summary');
  const summary = atomText(summaryElement);
  if (summary) item.summary = summary;
  // Atom 0.3 named them issued/created/modified; 1.0 published/updated.
  const published = lastValue(entry, 'published', 'issued', 'created');
  if (published) item.published = published;
  const updated = lastValue(entry, 'updated', 'modified');
  if (updated) item.updated = updated;
  // Dublin Core's "date that the resource will become available": the embargo, in feeds.
  const available = childElements(entry, 'available', DCTERMS).flatMap((element) => value(element) ?? [])[0];
  if (available) item.embargoed = available;
  const rights = atomText(first(entry, 'rights', 'copyright'))?.value;
  if (rights) item.rights = rights;
  const license = linkHref(entry, 'license', bases);
  if (license) item.license = license;
  const language = (contentElement ?? summaryElement)?.lang ?? entry.lang;
  if (language) item.language = language;
  const base = bases.baseOf(contentElement ?? summaryElement ?? entry);
  if (base) {
    item.baseUrl = base.url;
    item.baseFrom = base.from;
  }
  const { media, description } = readEntryMedia(entry, bases, undefined);
  if (media.length > 0) item.media = media;
  // Video platforms put the text in media:description and leave summary and content out.
  if (description && !item.content && !item.summary) item.summary = description;
  return item;
}

/** Atom 1.0 and 0.3. Entries are read one by one; one that fails goes to itemErrors. */
export function readAtom(root: XmlElement, location?: string): ParsedDocument {
  // The self and alternate links first, each against what is in scope where it stands: they may be the base.
  const scoped = new XmlBases(documentBase({ location }));
  const self = linkHref(root, 'self', scoped);
  const feedLink = linkHref(root, 'alternate', scoped);
  const bases = new XmlBases(documentBase({ location, self, feedLink }));
  const meta: Record<keyof FeedMeta, string | undefined> = {
    title: atomText(first(root, 'title'))?.value,
    link: linkHref(root, 'alternate', bases),
    description: atomText(first(root, 'subtitle', 'tagline', 'info'))?.value,
    language: root.lang,
    copyright: atomText(first(root, 'rights', 'copyright'))?.value,
    generator: firstValue(root, 'generator'),
    license: linkHref(root, 'license', bases),
  };
  const feed = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as FeedMeta;
  const feedAuthors = people(root);
  const items: RawItem[] = [];
  const itemErrors: ParsedDocument['itemErrors'] = [];
  childElements(root, 'entry', ATOM).forEach((entry, index) => {
    try {
      items.push({ ...readEntry(entry, feedAuthors, bases), position: index });
    } catch (error) {
      itemErrors.push({ index, reason: `entry could not be read: ${(error as Error).message}` });
    }
  });
  const feedDate = firstValue(root, 'updated', 'modified');
  const unreadItems = unreadChildren(root, 'entry', ATOM);
  items.push(...readTombstones(root, childElements(root, 'entry', ATOM).length + unreadItems));
  return {
    format: 'atom',
    feed,
    items,
    itemErrors,
    ...(feedDate ? { feedDate } : {}),
    ...(unreadItems > 0 ? { unreadItems } : {}),
    ...(bases.document ? { base: bases.document } : {}),
  };
}
