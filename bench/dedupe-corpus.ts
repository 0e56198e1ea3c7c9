import { readFileSync } from 'node:fs';

/**
 * The labeled syndication benchmark: pairs of (earlier report, later report)
 * built from fixtures/dedupe with a seeded generator, so every run measures the
 * same pairs. Positives are syndicated copies made by the transformations
 * reprints go through; negatives are the cases a false merge would lose news on.
 */

export interface Article {
  readonly id: string;
  readonly topic: string;
  readonly headline: string;
  readonly paragraphs: readonly string[];
}

interface NoticeTemplate {
  readonly template: string;
  readonly slots: Record<string, readonly string[]>;
}

interface Boilerplate {
  readonly outletBoilerplate: readonly string[];
  readonly addedParagraphs: readonly string[];
  readonly datelines: readonly string[];
  readonly bylines: readonly string[];
  readonly footers: readonly string[];
  readonly notices: readonly NoticeTemplate[];
}

export type PairKind =
  | 'reprint'
  | 'trimmed-reprint'
  | 'reformatted-copy'
  | 'copy-edited'
  | 'same-topic'
  | 'follow-up'
  | 'same-outlet-boilerplate'
  | 'templated-notice';

export interface LabeledPair {
  readonly kind: PairKind;
  readonly duplicate: boolean;
  readonly earlier: string;
  readonly later: string;
}

const CORPUS_DIR = new URL('../fixtures/dedupe/', import.meta.url);

export function loadArticles(): Article[] {
  return JSON.parse(readFileSync(new URL('articles.json', CORPUS_DIR), 'utf8')) as Article[];
}

function loadBoilerplate(): Boilerplate {
  return JSON.parse(readFileSync(new URL('boilerplate.json', CORPUS_DIR), 'utf8')) as Boilerplate;
}

/** mulberry32: a tiny seeded generator, so the corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LIGHT_EDITS: Record<string, string> = {
  said: 'told reporters',
  about: 'around',
  officials: 'authorities',
  expected: 'forecast',
  company: 'firm',
  percent: 'per cent',
  would: 'will',
  however: 'but',
  residents: 'locals',
  children: 'kids',
  announced: 'said',
  several: 'a number of',
};

/** American spellings a British desk rewrites (the reverse of what comparison folds). */
const BRITISH: Record<string, string> = {
  color: 'colour',
  labor: 'labour',
  neighbor: 'neighbour',
  neighbors: 'neighbours',
  center: 'centre',
  organize: 'organise',
  organized: 'organised',
  recognize: 'recognise',
  criticized: 'criticised',
  program: 'programme',
  defense: 'defence',
  traveled: 'travelled',
  canceled: 'cancelled',
  analyze: 'analyse',
  favor: 'favour',
  harbor: 'harbour',
  honor: 'honour',
};

const SMALL_NUMBERS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** What a copying desk adds of its own: editor's notes, related-coverage lines, a local angle. */
const DESK_ADDITIONS = [
  "Editor's note: This story has been edited for length and house style.",
  'Related coverage: What the latest figures mean for the region, and how neighbouring counties are responding.',
  'Readers in our area said the news had been the talk of the morning, and several local businesses said they were watching how the decision would affect them before making plans of their own.',
  'This article was republished under a syndication agreement.',
];

class Generator {
  readonly #random: () => number;
  constructor(
    seed: number,
    readonly extra: Boilerplate,
  ) {
    this.#random = seededRandom(seed);
  }

  chance(p: number): boolean {
    return this.#random() < p;
  }

  int(below: number): number {
    return Math.floor(this.#random() * below);
  }

  pick<T>(values: readonly T[]): T {
    const value = values[this.int(values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  }

  /** Light copy-editing: a few words swapped for house style, one sentence sometimes cut. */
  edit(paragraph: string): string {
    let text = paragraph
      .split(' ')
      .map((word) => {
        const replacement = LIGHT_EDITS[word];
        return replacement && this.chance(0.5) ? replacement : word;
      })
      .join(' ');
    const sentences = text.split(/(?<=\.) /);
    if (sentences.length > 2 && this.chance(0.15)) {
      sentences.splice(1 + this.int(sentences.length - 1), 1);
      text = sentences.join(' ');
    }
    return text;
  }

  /** Another outlet's reprint of an article: the transformations of the issue, picked at random. */
  reprint(article: Article, trimmed: boolean): string {
    let body = article.paragraphs.map((p) => p);
    if (trimmed) {
      // Trimmed for length: keep the lead and at least half of the story.
      const keep = Math.max(2, Math.ceil(body.length * (0.5 + this.#random() * 0.3)));
      body = body.slice(0, keep);
    } else if (body.length > 3 && this.chance(0.25)) {
      body.splice(1 + this.int(body.length - 1), 1);
    }
    if (this.chance(0.5)) body = body.map((p) => this.edit(p));
    if (this.chance(0.4)) body.splice(this.int(body.length + 1), 0, this.pick(this.extra.addedParagraphs));
    if (this.chance(0.7)) body[0] = `${this.pick(this.extra.datelines)} ${body[0]}`;
    if (this.chance(0.4)) body.unshift(this.pick(this.extra.bylines));
    if (this.chance(0.5)) body.push(this.pick(this.extra.footers));
    if (this.chance(0.25)) body.push(this.pick(this.extra.outletBoilerplate));
    return body.join('\n\n');
  }

  /** Number style as another desk writes it: 1,200 → 1200, 12 percent → 12%, five → 5, $3.5 million → $3.5m. */
  restyleNumbers(text: string): string {
    return text
      .replace(/(\d),(\d{3})/g, '$1$2')
      .replace(/(\d) ?(?:percent|per cent)/g, '$1%')
      .replace(/(\d) million/g, '$1m')
      .replace(/\b(two|three|four|five|six|seven|eight|nine)\b/g, (word) =>
        String(SMALL_NUMBERS.indexOf(word)),
      );
  }

  /** British spelling and typographic quotes. */
  britishAndCurly(text: string): string {
    return text
      .replace(/\b[a-z]+\b/g, (word) => BRITISH[word] ?? word)
      .replace(/"([^"]*)"/g, '\u201c$1\u201d')
      .replace(/'/g, '\u2019');
  }

  /** Two neighbouring sentences swapped in some paragraphs. */
  reorder(paragraph: string): string {
    const sentences = paragraph.split(/(?<=\.) (?=[A-Z])/);
    if (sentences.length < 2 || !this.chance(0.5)) return paragraph;
    const at = this.int(sentences.length - 1);
    const [first, second] = [sentences[at], sentences[at + 1]];
    if (first === undefined || second === undefined) return paragraph;
    sentences.splice(at, 2, second, first);
    return sentences.join(' ');
  }

  /** Hard line breaks at a column between 60 and 75. */
  wrap(paragraph: string): string {
    const width = 60 + this.int(16);
    const lines: string[] = [];
    let line = '';
    for (const word of paragraph.split(' ')) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }

  /**
   * A wire desk's heavy copy-edit: every change a desk makes without adding a fact (new headline, dateline,
   * byline and footer are the pipeline's to lift out; here they stay in the body), several at once.
   */
  copyEdit(article: Article): string {
    let body = [...article.paragraphs];
    if (body.length > 4 && this.chance(0.5)) body = body.slice(1);
    if (body.length > 4 && this.chance(0.5)) body = body.slice(0, -1 - this.int(2));
    body = body.map((p) => this.edit(this.edit(p)));
    body = body.map((p) => this.restyleNumbers(p));
    if (this.chance(0.6)) body = body.map((p) => this.britishAndCurly(p));
    body = body.map((p) => this.reorder(p));
    if (this.chance(0.6)) body.splice(this.int(body.length + 1), 0, this.pick(DESK_ADDITIONS));
    if (this.chance(0.4)) body.push(this.pick(DESK_ADDITIONS));
    if (this.chance(0.7)) body[0] = `${this.pick(this.extra.datelines)} ${body[0]}`;
    if (this.chance(0.5)) body.push(this.pick(this.extra.footers));
    if (this.chance(0.5)) body = body.map((p) => this.wrap(p));
    return body.join('\n\n');
  }

  published(article: Article): string {
    const body = [...article.paragraphs];
    if (this.chance(0.5)) body[0] = `${this.pick(this.extra.datelines)} ${body[0]}`;
    if (this.chance(0.5)) body.push(this.pick(this.extra.footers));
    return body.join('\n\n');
  }

  notice(template: NoticeTemplate, fixed: Record<string, string> = {}): Record<string, string> {
    const values: Record<string, string> = {};
    for (const [slot, options] of Object.entries(template.slots))
      values[slot] = fixed[slot] ?? this.pick(options);
    return values;
  }
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => values[slot] ?? slot);
}

/** Builds the labeled pairs; `seed` fixes the random choices. */
export function buildCorpus(seed = 20_231_105): LabeledPair[] {
  const articles = loadArticles();
  const extra = loadBoilerplate();
  const g = new Generator(seed, extra);
  const pairs: LabeledPair[] = [];

  for (const article of articles) {
    for (let i = 0; i < 10; i++) {
      pairs.push({
        kind: 'reprint',
        duplicate: true,
        earlier: g.published(article),
        later: g.reprint(article, false),
      });
    }
    for (let i = 0; i < 6; i++) {
      pairs.push({
        kind: 'trimmed-reprint',
        duplicate: true,
        earlier: g.published(article),
        later: g.reprint(article, true),
      });
    }
    for (let i = 0; i < 6; i++) {
      pairs.push({
        kind: 'copy-edited',
        duplicate: true,
        earlier: g.published(article),
        later: g.copyEdit(article),
      });
    }
    // The same text in another outlet's layout: caught by the exact fingerprint.
    pairs.push({
      kind: 'reformatted-copy',
      duplicate: true,
      earlier: article.paragraphs.join('\n\n'),
      later: article.paragraphs.map((p) => p.toUpperCase().replace(/ /g, '  ')).join('\n'),
    });
  }

  const byTopic = new Map<string, Article[]>();
  for (const article of articles)
    byTopic.set(article.topic, [...(byTopic.get(article.topic) ?? []), article]);
  for (const group of byTopic.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a === b) continue;
        for (let i = 0; i < 4; i++) {
          pairs.push({
            kind: 'same-topic',
            duplicate: false,
            earlier: g.published(a),
            later: g.reprint(b, i % 2 === 1),
          });
        }
        // A follow-up that repeats one background paragraph of the earlier story.
        const background = g.pick(a.paragraphs);
        const later = [...b.paragraphs];
        later.splice(1 + g.int(later.length - 1), 0, background);
        pairs.push({
          kind: 'follow-up',
          duplicate: false,
          earlier: g.published(a),
          later: later.join('\n\n'),
        });
      }
    }
  }

  for (let i = 0; i < 80; i++) {
    const a = g.pick(articles);
    let b = g.pick(articles);
    while (b === a) b = g.pick(articles);
    const boilerplate = g.pick(extra.outletBoilerplate);
    // Short pieces make the shared boilerplate a large share of each text: the hard case.
    const length = i % 2 === 0 ? 2 : 5;
    pairs.push({
      kind: 'same-outlet-boilerplate',
      duplicate: false,
      earlier: [...a.paragraphs.slice(0, length), boilerplate].join('\n\n'),
      later: [...b.paragraphs.slice(0, length), boilerplate].join('\n\n'),
    });
  }

  for (const template of extra.notices) {
    const identity = Object.keys(template.slots)[0] ?? '';
    for (let i = 0; i < 45; i++) {
      const first = g.notice(template);
      // Another notice from the same template: a different subject, other fields often shared.
      const options = (template.slots[identity] ?? []).filter((v) => v !== first[identity]);
      const second = g.notice(template, { [identity]: g.pick(options) });
      for (const [slot, value] of Object.entries(first))
        if (slot !== identity && g.chance(0.4)) second[slot] = value;
      pairs.push({
        kind: 'templated-notice',
        duplicate: false,
        earlier: fill(template.template, first),
        later: fill(template.template, second),
      });
    }
  }
  return pairs;
}
