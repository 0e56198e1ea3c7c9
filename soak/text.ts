/**
 * Seeded text for generated corpora: the same seed gives the same bytes, so a
 * failing soak can be replayed. Bodies are drawn word by word from a large
 * vocabulary so unrelated stories never look alike to a near-duplicate detector.
 */
const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  're',
  'su',
  'ta',
  'ven',
  'dor',
  'ish',
  'ul',
  'pra',
  'nek',
  'zo',
  'fi',
  'gar',
  'bel',
  'tor',
  'an',
  'qui',
  'mes',
  'hal',
  'ri',
  'on',
  'sta',
  'pe',
  'vu',
  'cal',
  'dri',
  'mon',
  'ex',
];

export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0 || 1;
  }

  /** mulberry32: tiny, fast and good enough to spread test data. */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  word(): string {
    const parts = 1 + this.int(3);
    let word = '';
    for (let i = 0; i < parts; i++) word += SYLLABLES[this.int(SYLLABLES.length)];
    return word;
  }

  sentence(words: number): string {
    const list = Array.from({ length: words }, () => this.word());
    const first = list[0] ?? 'news';
    list[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${list.join(' ')}.`;
  }

  paragraphs(count: number, sentences = 3): string[] {
    return Array.from({ length: count }, () =>
      Array.from({ length: sentences }, () => this.sentence(8 + this.int(8))).join(' '),
    );
  }
}
