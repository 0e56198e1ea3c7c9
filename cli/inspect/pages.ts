import type { TagSpan } from '../../lambdas/tag/evidence.ts';
import type { ExplainedDecision, ItemRef } from '../state/explain-model.ts';
import type { DecidedItem } from '../state/local-state.ts';
import { Html, highlight, html } from './html.ts';

/** One story: every decision that gave an item this story id, oldest first. */
export interface Story {
  readonly storyId: string;
  readonly headline: string;
  readonly outlets: readonly string[];
  readonly items: readonly DecidedItem[];
}

const MAX_LISTED = 500;

export function page(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title} · syndicate inspect</title>
<link rel="stylesheet" href="/style.css"></head>
<body><header><h1><a href="/">syndicate inspect</a></h1>
<form method="get" action="/"><input type="search" name="q" placeholder="outlet or headline" aria-label="search by outlet or headline"> <button type="submit">Search</button></form></header>
<main>${body}</main></body></html>`;
}

const storyHref = (storyId: string) => `/story/${encodeURIComponent(storyId)}`;

export function storiesPage(stories: readonly Story[], query: string): Html {
  const shown = stories.slice(0, MAX_LISTED);
  const rows = shown.map(
    (s) => html`<tr><td><a href="${storyHref(s.storyId)}">${s.headline || '(no headline)'}</a></td>
<td>${s.outlets.join(', ')}</td><td>${s.items.length}</td>
<td>${[...new Set(s.items.map((i) => i.decision.decision))].map((d) => html`<span class="badge ${d}">${d}</span> `)}</td></tr>`,
  );
  return page(
    'Stories',
    html`<h2>${query ? html`Stories matching “${query}”` : 'Stories'} (${stories.length})</h2>
${stories.length > shown.length ? html`<p class="muted">first ${shown.length} shown</p>` : ''}
<table><thead><tr><th>headline</th><th>outlets</th><th>decisions</th><th>kinds</th></tr></thead>
<tbody>${rows}</tbody></table>`,
  );
}

function refLink(ref: ItemRef, storyOf: (ref: ItemRef) => string | undefined): Html {
  const story = storyOf(ref);
  const label = html`${ref.headline} <span class="muted">(${ref.outlet}, v${ref.version}, ${ref.decision})</span>`;
  return story ? html`<a href="${storyHref(story)}">${label}</a>` : label;
}

function tagRow(label: string, value: string | undefined, span: TagSpan | undefined): Html {
  if (!value) return html``;
  const excerpt = span ? highlight(span.excerpt, span.match ? [span.match] : [], 'evidence') : html`—`;
  return html`<tr class="tag"><th>${label}</th><td>${value}</td><td>${span?.field ?? 'not on record'}</td><td>${span?.rule ?? ''}</td><td class="excerpt">${excerpt}</td></tr>`;
}

function figures(d: ExplainedDecision): Html {
  const m = d.evidence.match;
  const rows: Array<[string, unknown]> = [
    ['rule', d.match?.rule ?? m?.rule ?? d.sameEventAs?.rule],
    ['similarity', d.match?.similarity ?? m?.similarity],
    ['Jaccard', m?.jaccard],
    ['containment', m?.containment],
    ['shared details', m?.sharedDetails],
    ['detail conflicts', m?.detailConflicts],
    ['same outlet', m?.sameOutlet],
    ['folded words', d.evidence.words],
    ['near check', d.evidence.nearCheck],
    ['candidates compared', d.evidence.candidates],
    ['shared quote runs', d.evidence.sameEvent?.sharedQuoteRuns],
    ['shared figures', d.evidence.sameEvent?.sharedFigures],
    ['superseded by', d.evidence.supersededBy],
  ];
  return html`<dl class="figures">${rows
    .filter(([, v]) => v !== undefined)
    .map(
      ([k, v]) => html`<dt>${k}</dt><dd class="figure-${k.replace(/\W+/g, '-')}">${String(v)}</dd>`,
    )}</dl>`;
}

export function decisionSection(
  d: ExplainedDecision,
  n: number,
  storyOf: (ref: ItemRef) => string | undefined,
  earlierText?: string,
): Html {
  const { item } = d;
  const comparison = d.match ?? d.sameEventAs ?? d.versionOf;
  const passages = comparison?.passages ?? [];
  const earlier = d.match?.earlier ?? d.sameEventAs?.earlier ?? d.versionOf?.previous;
  const tags = d.tags;
  return html`<section class="decision" id="d${n}" data-decision="${item.decision}">
<h3><span class="badge ${item.decision}">${item.decision}</span> ${item.headline}</h3>
<p class="muted">${item.outlet} · version ${item.version} · ${d.published ? 'published' : `not published (policy ${d.policy})`} · received ${item.receivedAt ?? '?'}<br>
<code>${item.uri}</code> · document <code>${item.documentId.slice(0, 16)}</code> item ${item.index}</p>
${d.match ? html`<p>Matched <code>${d.match.uri}</code> by rule <strong class="rule">${d.match.rule}</strong>${earlier ? html`: ${refLink(earlier, storyOf)}` : ''}</p>` : ''}
${d.versionOf ? html`<p>Version ${d.versionOf.version} of <code>${d.versionOf.uri}</code>${earlier ? html`; previous: ${refLink(earlier, storyOf)}` : ''}</p>` : ''}
${d.sameEventAs ? html`<p>Same event as <code>${d.sameEventAs.uri}</code> by rule <strong class="rule">${d.sameEventAs.rule}</strong>${earlier ? html`: ${refLink(earlier, storyOf)}` : ''}</p>` : ''}
${figures(d)}
${d.copies.length > 0 ? html`<p>Copies: ${d.copies.map((c) => html`<span class="copy">${refLink(c, storyOf)}</span> `)}</p>` : ''}
${d.linkedReports.length > 0 ? html`<p>Linked reports: ${d.linkedReports.map((c) => html`<span class="linked">${refLink(c, storyOf)}</span> `)}</p>` : ''}
${passages.length > 0 ? html`<h4>Shared passages (${passages.length}, ${Math.round((comparison?.sharedWords ?? 0) * 100)}% of the words)</h4>` : ''}
${
  d.text !== undefined
    ? html`<div class="text">${highlight(
        d.text,
        passages.map((p) => [p.start, p.end] as const),
      )}</div>`
    : ''
}
${
  earlierText !== undefined && passages.length > 0
    ? html`<details><summary>The earlier text, shared passages marked</summary><div class="text earlier">${highlight(
        earlierText,
        passages.map((p) => [p.otherStart, p.otherEnd] as const),
      )}</div></details>`
    : ''
}
${
  tags
    ? html`<h4>Tags and their evidence</h4><table class="tags"><thead><tr><th>tag</th><th>value</th><th>field</th><th>rule</th><th>words</th></tr></thead><tbody>
${tagRow('copyright holder', tags.values.copyrightHolder, tags.evidence.holder)}
${tagRow('copyright notice', tags.values.copyrightNotice, tags.evidence.notice)}
${tagRow('licence', tags.values.licenseUrl ?? tags.values.usageTerms, tags.evidence.licence)}
${tags.evidence.sources.map((s) => tagRow(`source (${s.role})`, s.name, s))}
</tbody></table>`
    : ''
}
</section>`;
}

export function storyPage(story: Story, sections: readonly Html[]): Html {
  return page(
    story.headline || story.storyId,
    html`<h2>${story.headline || '(no headline)'}</h2>
<p class="muted">story <code>${story.storyId}</code> · ${story.outlets.join(', ')} · ${story.items.length} decision(s)</p>
${sections}`,
  );
}

export function notFoundPage(what: string): Html {
  return page('Not found', html`<h2>Not found</h2><p>${what}</p>`);
}

export { Html };
