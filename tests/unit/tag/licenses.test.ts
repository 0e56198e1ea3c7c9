import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, findLicence, licenceFromUrl } from '../../../lambdas/tag/licenses.ts';

describe('findLicence', () => {
  it.each([
    ['CC BY 4.0', 'CC BY 4.0', 'https://creativecommons.org/licenses/by/4.0/'],
    ['Licensed CC-BY-NC-ND-4.0', 'CC BY-NC-ND 4.0', 'https://creativecommons.org/licenses/by-nc-nd/4.0/'],
    [
      'This work is licensed under a Creative Commons Attribution-ShareAlike 4.0 International License.',
      'CC BY-SA 4.0',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ],
    [
      'Creative Commons Attribution-NonCommercial-NoDerivatives 4.0',
      'CC BY-NC-ND 4.0',
      'https://creativecommons.org/licenses/by-nc-nd/4.0/',
    ],
    [
      'see creativecommons.org/licenses/by-sa/4.0/',
      'CC BY-SA 4.0',
      'https://creativecommons.org/licenses/by-sa/4.0/',
    ],
    ['CC0 1.0 Universal', 'CC0 1.0', 'https://creativecommons.org/publicdomain/zero/1.0/'],
  ])('reads %j', (text, name, url) => {
    const licence = findLicence(text);
    expect(licence?.name).toBe(name);
    expect(licence?.url).toBe(url);
    expect(licence?.usageTerms.startsWith(`${name}: `)).toBe(true);
  });

  it('names a licence without a version but gives it no link', () => {
    const licence = findLicence('Text available under CC BY-SA.');
    expect(licence?.name).toBe('CC BY-SA');
    expect(licence?.url).toBeUndefined();
    expect(licence?.usageTerms).toContain('same licence');
  });

  it.each([
    // Case and spacing as the i and u flags allow, which the quick test for the words must allow too.
    ['CREATIVE   COMMONS\nattribution 4.0', 'CC BY 4.0'],
    ['CREATIVECOMMONS.ORG/licenses/by-nd/3.0/de', 'CC BY-ND 3.0'],
    ['Cc\tZero', 'CC0'],
    ['Released as cc0.', 'CC0'],
    ['creative commons zero 1.0 universal', 'CC0 1.0'],
  ])('reads %j however it is written', (text, name) => {
    expect(findLicence(text)?.name).toBe(name);
  });

  it.each(['under a Creative Commons license', 'All rights reserved.', 'cc by email to the editor'])(
    'finds no licence in %j',
    (text) => {
      expect(findLicence(text)).toBeUndefined();
    },
  );
});

describe('licenceFromUrl', () => {
  it('canonicalises a Creative Commons deed link, keeping a ported jurisdiction', () => {
    expect(licenceFromUrl('http://www.creativecommons.org/licenses/by-nc/1.0')?.url).toBe(
      'https://creativecommons.org/licenses/by-nc/1.0/',
    );
    expect(licenceFromUrl('https://creativecommons.org/licenses/by/3.0/us/')?.url).toBe(
      'https://creativecommons.org/licenses/by/3.0/us/',
    );
  });

  it('is not fooled by other links', () => {
    expect(licenceFromUrl('https://example.com/terms')).toBeUndefined();
    expect(licenceFromUrl('https://creativecommons.org/licenses/by-sa-nd/4.0/')).toBeUndefined();
  });
});

describe('absoluteHttpUrl', () => {
  it('accepts only absolute http(s) links', () => {
    expect(absoluteHttpUrl('https://example.com/terms')).toBe('https://example.com/terms');
    expect(absoluteHttpUrl('/terms')).toBeUndefined();
    expect(absoluteHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(absoluteHttpUrl(undefined)).toBeUndefined();
  });
});
