import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Explainer, type ItemRef } from '../state/explain-model.ts';
import type { DecidedItem, LocalState, StateSnapshot } from '../state/local-state.ts';
import type { Html } from './html.ts';
import { decisionSection, notFoundPage, type Story, storiesPage, storyPage } from './pages.ts';
import { STYLE } from './style.ts';

/**
 * No script, no inline style, no frames, no images or fonts from anywhere:
 * the page shows hostile news text, and only its own stylesheet may load.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const HOST = '127.0.0.1';
const MAX_QUERY = 200;

export interface Inspector {
  readonly url: string;
  close(): Promise<void>;
}

export function groupStories(snapshot: StateSnapshot): Story[] {
  const byStory = new Map<string, DecidedItem[]>();
  for (const item of snapshot.items) {
    const list = byStory.get(item.decision.storyId);
    if (list) list.push(item);
    else byStory.set(item.decision.storyId, [item]);
  }
  return [...byStory].map(([storyId, items]) => {
    const first = items.find((i) => i.decision.decision === 'new') ?? items[0];
    return {
      storyId,
      headline: first?.decision.headline ?? '',
      outlets: [...new Set(items.map((i) => i.outlet))],
      items,
    };
  });
}

export function searchStories(stories: readonly Story[], query: string): Story[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...stories];
  return stories.filter(
    (s) =>
      s.outlets.some((o) => o.toLowerCase().includes(q)) ||
      s.items.some((i) => i.decision.headline.toLowerCase().includes(q)),
  );
}

/**
 * The inspector: server-rendered pages over a state snapshot, on 127.0.0.1
 * only. The snapshot is read once: while the inspector holds the folder
 * (dynalite's lock), no run can change it.
 */
export async function startInspector(state: LocalState, port: number): Promise<Inspector> {
  const snapshot = await state.snapshot();
  const explainer = new Explainer(state, snapshot);
  const stories = groupStories(snapshot);
  const storyOfUri = new Map(snapshot.items.map((i) => [i.decision.uri, i.decision.storyId]));
  const storyOf = (ref: ItemRef) => storyOfUri.get(ref.uri);

  async function storyHtml(story: Story): Promise<Html> {
    const sections: Html[] = [];
    for (const [n, entry] of story.items.entries()) {
      const d = await explainer.explainOne(entry, { withText: true });
      const earlier = d.match?.earlier ?? d.sameEventAs?.earlier ?? d.versionOf?.previous;
      const earlierText = earlier
        ? (await state.itemText(earlier.outlet, earlier.documentId, earlier.ingestionId, earlier.index))
            ?.bodyText
        : undefined;
      sections.push(decisionSection(d, n, storyOf, earlierText));
    }
    return storyPage(story, sections);
  }

  async function respond(req: IncomingMessage, res: ServerResponse, boundPort: number): Promise<void> {
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    // A page on a loopback port is still reachable from a browser's other tabs through DNS rebinding.
    const host = req.headers.host ?? '';
    if (host !== `${HOST}:${boundPort}` && host !== `localhost:${boundPort}`)
      return send(421, 'text/plain; charset=utf-8', 'unexpected Host header\n');
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(405, 'text/plain; charset=utf-8', 'GET only\n');
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const htmlType = 'text/html; charset=utf-8';
    if (url.pathname === '/style.css') return send(200, 'text/css; charset=utf-8', STYLE);
    if (url.pathname === '/') {
      const query = (url.searchParams.get('q') ?? '').slice(0, MAX_QUERY);
      return send(200, htmlType, storiesPage(searchStories(stories, query), query).value);
    }
    if (url.pathname.startsWith('/story/')) {
      let id: string;
      try {
        id = decodeURIComponent(url.pathname.slice('/story/'.length));
      } catch {
        return send(400, 'text/plain; charset=utf-8', 'bad story id\n');
      }
      const story = stories.find((s) => s.storyId === id);
      if (!story) return send(404, htmlType, notFoundPage(`no story ${id}`).value);
      return send(200, htmlType, (await storyHtml(story)).value);
    }
    return send(404, htmlType, notFoundPage(`no page ${url.pathname}`).value);
  }

  const server: Server = createServer((req, res) => {
    const bound = (server.address() as AddressInfo).port;
    respond(req, res, bound).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`error: ${(error as Error).message}\n`);
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${HOST}:${bound}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
