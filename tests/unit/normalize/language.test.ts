import { describe, expect, it } from 'vitest';
import { canonicalLanguage, resolveLanguage } from '../../../lambdas/normalize/language.ts';

const ENGLISH =
  'The Kremlin has told senior officials that they are prohibited from resigning lest they face prosecution.';
const GERMAN =
  'Der Kreml hat hochrangigen Beamten mitgeteilt, dass es ihnen untersagt ist, von ihren Ämtern zurückzutreten.';

describe('language', () => {
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
