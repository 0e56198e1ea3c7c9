/**
 * Recognises Creative Commons licences by link ("creativecommons.org/licenses/by-sa/4.0/")
 * or by name ("CC BY 4.0", "Creative Commons Attribution-ShareAlike 4.0 International").
 * A licence named without a version gets no URL: which version applies is
 * unknown, and a wrong link would grant rights the outlet never gave.
 *
 * Written by hand: the CC family is six licences and two public-domain tools,
 * and no installed library maps their names and links.
 */
export interface Licence {
  /** Short name: "CC BY-SA 4.0", "CC0 1.0", "CC BY-NC" (no version stated). */
  readonly name: string;
  /** The canonical deed URL; absent when the version was not stated. */
  readonly url?: string;
  /** Plain-language usage terms for ninjs `usageTerms`. */
  readonly usageTerms: string;
}

type Element = 'by' | 'sa' | 'nc' | 'nd';

const TERMS: Record<Element, string> = {
  by: 'reuse allowed with credit to the creator',
  nc: 'non-commercial use only',
  sa: 'adaptations must be shared under the same licence',
  nd: 'no adaptations may be shared',
};
const ORDER: readonly Element[] = ['by', 'nc', 'sa', 'nd'];

const CC_URL =
  /(?:(?:https?:)?\/\/)?(?:www\.)?\bcreativecommons\.org\/(?<kind>licenses|publicdomain)\/(?<code>[a-z-]+)\/(?<version>\d\.\d)(?:\/(?<port>[a-z]{2}(?:-[a-z]{2})?))?\/?/iu;
const CC_SHORT = /\bCC[\s-]?(?<code>BY(?:[\s-](?:NC|SA|ND)){0,2})(?:[\s-]+(?<version>\d\.\d))?(?![\w-])/u;
const CC_LONG =
  /\bCreative\s+Commons\s+(?<code>Attribution(?:[\s–-]+(?:Non[\s-]?Commercial|Share[\s-]?Alike|No[\s-]?Deriv(?:ative)?s))*)(?:\s+(?<version>\d\.\d))?/iu;
const CC_ZERO = /\b(?:CC0|CC\s+Zero|Creative\s+Commons\s+Zero)(?:\s+(?<version>1\.0))?(?:\s+Universal)?\b/iu;

/**
 * Words each pattern cannot match without, under the same flags. V8 runs `\b` slowly when the i and u
 * flags meet (about 10 ns a character, at every position), and these patterns read whole paragraphs
 * that almost never name a licence; the words, without `\b`, are found quickly.
 */
const NEEDS = new Map<RegExp, RegExp>([
  [CC_URL, /creativecommons\.org\//iu],
  [CC_ZERO, /cc(?:0|\s+zero)|creative\s+commons\s+zero/iu],
  [CC_LONG, /creative\s+commons\s+attribution/iu],
]);

/** `pattern.exec(text)`, skipped when the text lacks what the pattern needs. */
function execIfPossible(pattern: RegExp, text: string): RegExpExecArray | null {
  const needs = NEEDS.get(pattern);
  return needs && !needs.test(text) ? null : pattern.exec(text);
}

function elementsOf(code: string): Element[] {
  const lower = code.toLowerCase();
  const found = new Set<Element>(['by']);
  if (/nc|non[\s-]?commercial/.test(lower)) found.add('nc');
  if (/sa|share[\s-]?alike/.test(lower)) found.add('sa');
  if (/nd|no[\s-]?deriv/.test(lower)) found.add('nd');
  // SA and ND exclude each other; a code naming both is not a CC licence.
  if (found.has('sa') && found.has('nd')) return [];
  return ORDER.filter((e) => found.has(e));
}

function attribution(elements: readonly Element[], version: string | undefined, port?: string): Licence {
  const code = elements.join('-');
  const name = `CC ${code.toUpperCase()}${version ? ` ${version}` : ''}`;
  const url = version
    ? `https://creativecommons.org/licenses/${code}/${version}/${port ? `${port.toLowerCase()}/` : ''}`
    : undefined;
  const terms = elements.map((e) => TERMS[e]).join('; ');
  return { name, ...(url ? { url } : {}), usageTerms: `${name}: ${terms}.` };
}

function publicDomain(tool: 'zero' | 'mark', version: string | undefined): Licence {
  if (tool === 'zero') {
    const name = `CC0${version ? ` ${version}` : ''}`;
    return {
      name,
      url: `https://creativecommons.org/publicdomain/zero/${version ?? '1.0'}/`,
      usageTerms: `${name}: dedicated to the public domain; reuse without conditions.`,
    };
  }
  const name = `Public Domain Mark${version ? ` ${version}` : ''}`;
  return {
    name,
    url: `https://creativecommons.org/publicdomain/mark/${version ?? '1.0'}/`,
    usageTerms: `${name}: no known copyright restrictions.`,
  };
}

/** A Creative Commons deed URL → its licence; undefined for any other URL. */
export function licenceFromUrl(url: string): Licence | undefined {
  const match = execIfPossible(CC_URL, url);
  const groups = match?.groups;
  if (!groups?.code || !groups.version) return undefined;
  const code = groups.code.toLowerCase();
  if (groups.kind?.toLowerCase() === 'publicdomain') {
    return code === 'zero' || code === 'mark' ? publicDomain(code, groups.version) : undefined;
  }
  if (!/^by(?:-(?:nc|sa|nd)){0,2}$/.test(code)) return undefined;
  const elements = elementsOf(code.replace(/-/g, ' '));
  return elements.length > 0 ? attribution(elements, groups.version, groups.port) : undefined;
}

/** The first Creative Commons licence a text names or links, if any. */
export function findLicence(text: string): Licence | undefined {
  const url = execIfPossible(CC_URL, text);
  if (url) {
    const licence = licenceFromUrl(url[0]);
    if (licence) return licence;
  }
  const zero = execIfPossible(CC_ZERO, text);
  if (zero) return publicDomain('zero', zero.groups?.version);
  for (const pattern of [CC_SHORT, CC_LONG]) {
    const match = execIfPossible(pattern, text);
    if (!match?.groups?.code) continue;
    const elements = elementsOf(match.groups.code.replace(/^by/i, ''));
    if (elements.length > 0) return attribution(elements, match.groups.version);
  }
  return undefined;
}

/** An absolute http(s) URL, as ninjs `rightsInfo.linkedRights` requires; anything else is not a link. */
export function absoluteHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    // Not a URL at all: the caller treats it as "no link".
    return undefined;
  }
}
