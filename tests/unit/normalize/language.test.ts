import { beforeAll, describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  loadLanguageDetector,
  needsDetection,
  resolveLanguage,
} from '../../../lambdas/normalize/language.ts';

const ENGLISH =
  'The Kremlin has told senior officials that they are prohibited from resigning lest they face prosecution.';
const GERMAN =
  'Der Kreml hat hochrangigen Beamten mitgeteilt, dass es ihnen untersagt ist, von ihren Ämtern zurückzutreten.';

// First in the file: nothing has loaded the detector yet.
describe('language before the detector is loaded', () => {
  it('resolves declared tags and short texts without it, and refuses to guess', () => {
    expect(resolveLanguage('en-us', GERMAN)).toBe('en-US');
    expect(resolveLanguage(undefined, 'Short title')).toBe('und');
    expect(() => resolveLanguage(undefined, GERMAN)).toThrow(/loadLanguageDetector/);
  });
});

describe('language', () => {
  beforeAll(loadLanguageDetector);

  it('needs the detector only where the declared language is missing or not a tag', () => {
    expect(needsDetection('en-us')).toBe(false);
    expect(needsDetection(undefined)).toBe(true);
    expect(needsDetection('english')).toBe(true);
    expect(needsDetection('')).toBe(true);
  });

  it('takes a declared tag in canonical BCP 47 form', () => {
    expect(resolveLanguage('en-us', GERMAN)).toBe('en-US');
    expect(resolveLanguage('pt_br', ENGLISH)).toBe('pt-BR');
    expect(resolveLanguage('ZH-hant-tw', ENGLISH)).toBe('zh-Hant-TW');
  });

  it('detects the language when the declared one is missing or not a tag', () => {
    expect(resolveLanguage(undefined, GERMAN)).toBe('de');
    expect(resolveLanguage('english', ENGLISH)).toBe('en');
    expect(canonicalLanguage('en-')).toBeUndefined();
  });

  it('says und when there is too little text to tell', () => {
    expect(resolveLanguage(undefined, 'Short title')).toBe('und');
    expect(resolveLanguage('', '')).toBe('und');
  });

  it('gives the same answers from its memory of tags, however many it has seen', () => {
    const tags = Array.from({ length: 600 }, (_, i) => `${['EN', 'fr', 'De'][i % 3]}-x-${i}`);
    const expected = tags.map((tag) => Intl.getCanonicalLocales(tag)[0]);
    expect(tags.map((tag) => canonicalLanguage(tag))).toEqual(expected);
    expect(tags.map((tag) => canonicalLanguage(tag))).toEqual(expected);
    expect(canonicalLanguage('en-')).toBeUndefined();
    expect(canonicalLanguage('en-')).toBeUndefined();
  });
});
