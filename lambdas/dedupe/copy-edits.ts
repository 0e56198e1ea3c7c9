/**
 * Folds away what a copy desk changes without changing the story, so that a
 * syndicated copy and its original compare as the same words: number style
 * (1,200 / 1200, five / 5, 12% / 12 percent / 12 per cent, $3.5m / $3.5 million),
 * quote style, and British / American spelling. Applied to both texts alike, so
 * an over-eager rule only makes two spellings of one word equal; it cannot make
 * two different texts alike. Comparison only: the exact fingerprint keeps its
 * own, stricter folding (fingerprint.ts).
 *
 * Hand-written: the npm spelling translators carry word lists of thousands of
 * entries and translate phrases; comparison needs only the few regular
 * patterns below, applied per word in one pass.
 */

const NUMBER_WORDS: Readonly<Record<string, string>> = {
  zero: '0',
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  thirteen: '13',
  fourteen: '14',
  fifteen: '15',
  sixteen: '16',
  seventeen: '17',
  eighteen: '18',
  nineteen: '19',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
  ninety: '90',
  hundred: '100',
};

const MAGNITUDES: Readonly<Record<string, string>> = {
  m: 'million',
  mn: 'million',
  mln: 'million',
  million: 'million',
  b: 'billion',
  bn: 'billion',
  billion: 'billion',
  tn: 'trillion',
  trillion: 'trillion',
};

/** Thousands separators inside a number: "1,200,000" → "1200000" (a decimal part is kept). */
const GROUPED = /\b(\d{1,3})((?:,\d{3})+)(?!\d)/g;
/** Whole numbers only: "w1m" or "A4b" is a name, not a magnitude. */
const PERCENT = /\b(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|pct\b)/gi;
const MAGNITUDE = /\b(\d+(?:\.\d+)?)\s*(m|mn|mln|million|b|bn|billion|tn|trillion)\b/gi;
const WORD = /\p{L}+/gu;

/** Number style and quote style, case kept: for the distinguishing details (details.ts). */
export function foldCopyEdits(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(GROUPED, (_, head: string, groups: string) => head + groups.replace(/,/g, ''))
    .replace(PERCENT, '$1 percent')
    .replace(MAGNITUDE, (_, amount: string, unit: string) => `${amount} ${MAGNITUDES[unit.toLowerCase()]}`)
    .replace(WORD, (word) => {
      const lower = word.toLowerCase();
      const number = NUMBER_WORDS[lower];
      if (number !== undefined) return number;
      const spelled = spellingKey(lower);
      if (spelled === lower) return word;
      // Keep the capital that makes a name a detail; the rest of the word is compared folded anyway.
      return word[0] === lower[0] ? spelled : (spelled[0]?.toUpperCase() ?? '') + spelled.slice(1);
    });
}

/**
 * One key for a word's British and American spellings. Rules on endings, each
 * limited to words long enough that the ending is a suffix ("colour",
 * "organise", "centre", "travelled", "defence", "programme", "paediatric").
 */
export function spellingKey(word: string): string {
  if (word.length < 6) return word;
  let key = word
    .replace(/our(s|ed|ing|ite|ites|able|ably)?$/, 'or$1')
    .replace(/is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/([^aeiou])tre(s)?$/, '$1ter$2')
    .replace(/([aeiou])ll(ed|ing|er|ers|or|ors)$/, '$1l$2')
    .replace(/(fen|cen|ten)ce(s)?$/, '$1se$2')
    .replace(/mme(s)?$/, 'm$1');
  if (key.length >= 7) key = key.replace(/(?<=\p{L})(ae|oe)(?=\p{L})/gu, 'e');
  return key;
}
