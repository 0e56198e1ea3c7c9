import type { FeedMeta } from '../../shared/envelope.ts';
import { documentBase, XmlBases } from './bases.ts';
import { readEntryMedia } from './media.ts';
import { ATOM, NS, RSS_CORE } from './namespaces.ts';
import { readTombstones } from './tombstones.ts';
import type { ParsedDocument, RawItem } from './types.ts';
import { atomText, rssHtml, textValue as value } from './xml-text.ts';
import { attr, childElements, firstChild, isElement, unreadChildren, type XmlElement } from './xml-tree.ts';

const DC = new Set<string>([NS.dc]);
const DCTERMS = new Set<string>([NS.dcterms]);
const CONTENT = new Set<string>([NS.content]);
const XHTML = new Set<string>([NS.xhtml]);
const LICENSE = new Set<string>([NS.ccRss, NS.ccWeb, NS.cc]);

/** First non-empty text among candidate children, in order of preference. */
function pick(
  parent: XmlElement,
  candidates: ReadonlyArray<[string, ReadonlySet<string>]>,
): string | undefined {
  for (const [local, namespaces] of candidates) {
    for (const element of childElements(parent, local, namespaces)) {
      const text = value(element);
      if (text) return text;
    }
  }
  return undefined;
}

function license(parent: XmlElement): string | undefined {
  const element = firstChild(parent, 'license', LICENSE);
  if (!element) return undefined;
  const resource = attr(element, 'resource', NS.rdf);
  return resource?.trim() || value(element);
}

function atomLink(parent: XmlElement, rel: string, bases: XmlBases): string | undefined {
  for (const element of childElements(parent, 'link', ATOM)) {
    const href = attr(element, 'href');
    if ((attr(element, 'rel') ?? 'alternate') === rel && href) return bases.resolve(href, element);
  }
  return undefined;
}

function link(parent: XmlElement, core: ReadonlySet<string>, bases: XmlBases): string | undefined {
  for (const element of childElements(parent, 'link', core)) {
    const href = value(element);
    if (href) return bases.resolve(href, element);
  }
  // Atom links inside RSS (atom:link rel="alternate"), as some producers write them.
  return atomLink(parent, 'alternate', bases);
}

/**
 * `<description>` is the RSS summary; some producers add a non-standard
 * `<summary>` beside it. Then the first of the two is the summary and the
 * second the fuller text, as feedparser reads them.
 */
function summaryAndBody(
  item: XmlElement,
  core: ReadonlySet<string>,
): [XmlElement | undefined, XmlElement | undefined] {
  const texts = item.children.filter(
    (node): node is XmlElement =>
      isElement(node) && core.has(node.ns) && (node.local === 'description' || node.local === 'summary'),
  );
  const description = texts.find((node) => node.local === 'description');
  const summary = texts.find((node) => node.local === 'summary');
  if (!description || !summary) return [description ?? summary, undefined];
  return texts[0] === description ? [description, summary] : [summary, description];
}

function readItem(element: XmlElement, core: ReadonlySet<string>, bases: XmlBases): RawItem {
  const item: RawItem = {
    authors: [
      ...childElements(element, 'author', core),
      ...childElements(element, 'creator', DC),
      ...childElements(element, 'author', ATOM).flatMap((a) => childElements(a, 'name', ATOM)),
    ].flatMap((a) => value(a) ?? []),
    categories: [
      ...childElements(element, 'category', core),
      ...childElements(element, 'subject', DC),
    ].flatMap((c) => value(c) ?? []),
  };
  const guidElement = firstChild(element, 'guid', core);
  const guid = value(guidElement) ?? attr(element, 'about', NS.rdf)?.trim();
  if (guid) item.guid = guid;
  const href = link(element, core, bases);
  const permaLink =
    guidElement && (attr(guidElement, 'isPermaLink') ?? 'true').trim().toLowerCase() !== 'false';
  // A guid that is a permalink is the item's link when it has no <link> (RSS 2.0 spec).
  const itemLink = href ?? (permaLink && guid && /^https?:\/\//i.test(guid) ? guid : undefined);
  if (itemLink) item.link = itemLink;
  const title = rssHtml(firstChild(element, 'title', core)) ?? rssHtml(firstChild(element, 'title', DC));
  if (title) item.title = title;
  const [summaryElement, secondText] = summaryAndBody(element, core);
  // XHTML bodies: namespaced as the spec wants, or bare as many producers write them.
  const xhtmlBody = firstChild(element, 'body', XHTML) ?? firstChild(element, 'body', core);
  const content =
    rssHtml(firstChild(element, 'encoded', CONTENT)) ??
    (xhtmlBody ? rssHtml(xhtmlBody) : undefined) ??
    rssHtml(firstChild(element, 'fullitem', core)) ??
    atomText(firstChild(element, 'content', ATOM)) ??
    rssHtml(secondText);
  if (content) item.content = content;
  const summary =
    rssHtml(summaryElement) ??
    rssHtml(firstChild(element, 'description', DC)) ??
    atomText(firstChild(element, 'summary', ATOM));
  if (summary) item.summary = summary;
  const published = pick(element, [
    ['pubDate', core],
    ['date', DC],
    ['issued', DCTERMS],
    ['created', DCTERMS],
    ['published', ATOM],
  ]);
  if (published) item.published = published;
  const updated = pick(element, [
    ['modified', DCTERMS],
    ['updated', ATOM],
  ]);
  if (updated) item.updated = updated;
  // Dublin Core's "date that the resource will become available": the embargo, in feeds.
  const available = pick(element, [['available', DCTERMS]]);
  if (available) item.embargoed = available;
  const rights = pick(element, [
    ['rights', DC],
    ['copyright', core],
    ['rights', DCTERMS],
  ]);
  if (rights) item.rights = rights;
  const itemLicense = license(element);
  if (itemLicense) item.license = itemLicense;
  const language = pick(element, [['language', DC]]) ?? element.lang;
  if (language) item.language = language;
  const base = bases.baseOf(summaryElement ?? element);
  if (base) {
    item.baseUrl = base.url;
    item.baseFrom = base.from;
  }
  const media = readEntryMedia(element, bases, core);
  if (media.media.length > 0) item.media = media.media;
  if (media.description && !item.content && !item.summary) item.summary = media.description;
  return item;
}

/**
 * RSS 0.9x/2.0 and RSS 1.0/0.90 (RDF). Items are looked for in the channel
 * and, for RDF (and `<rss>` documents missing their `<channel>`), beside it.
 */
export function readRss(root: XmlElement, format: 'rss' | 'rdf', location?: string): ParsedDocument {
  // Producers invented their own default namespaces for RSS; the root's is RSS by definition.
  const core = new Set([...RSS_CORE, root.ns]);
  const channel = firstChild(root, 'channel', core) ?? root;
  const scoped = new XmlBases(documentBase({ location }));
  const bases = new XmlBases(
    documentBase({
      location,
      self: atomLink(channel, 'self', scoped),
      feedLink: link(channel, core, scoped),
    }),
  );
  const meta: Record<keyof FeedMeta, string | undefined> = {
    title: rssHtml(firstChild(channel, 'title', core))?.value ?? pick(channel, [['title', DC]]),
    link: link(channel, core, bases),
    description:
      rssHtml(firstChild(channel, 'description', core))?.value ??
      pick(channel, [['description', DC]]) ??
      atomText(firstChild(channel, 'subtitle', ATOM))?.value,
    language:
      pick(channel, [
        ['language', core],
        ['language', DC],
      ]) ?? channel.lang,
    copyright: pick(channel, [
      ['copyright', core],
      ['rights', DC],
      ['rights', DCTERMS],
    ]),
    generator: pick(channel, [['generator', core]]),
    license: license(channel),
  };
  const feed = Object.fromEntries(Object.entries(meta).filter(([, v]) => v !== undefined)) as FeedMeta;
  const itemElements = [
    ...childElements(channel, 'item', core),
    ...(channel === root ? [] : childElements(root, 'item', core)),
  ];
  const items: RawItem[] = [];
  const itemErrors: ParsedDocument['itemErrors'] = [];
  itemElements.forEach((element, index) => {
    try {
      items.push({ ...readItem(element, core, bases), position: index });
    } catch (error) {
      itemErrors.push({ index, reason: `item could not be read: ${(error as Error).message}` });
    }
  });
  const feedDate = pick(channel, [
    ['pubDate', core],
    ['lastBuildDate', core],
    ['date', DC],
  ]);
  const unreadItems =
    unreadChildren(channel, 'item', core) + (channel === root ? 0 : unreadChildren(root, 'item', core));
  items.push(...readTombstones(channel, itemElements.length + unreadItems));
  return {
    format,
    feed,
    items,
    itemErrors,
    ...(feedDate ? { feedDate } : {}),
    ...(unreadItems > 0 ? { unreadItems } : {}),
    ...(bases.document ? { base: bases.document } : {}),
  };
}
