import { describe, expect, it } from 'vitest';
import { canonicalUrl, httpUrl, withoutTracking } from '../../../lambdas/normalize/urls.ts';

describe('canonicalUrl', () => {
  it('lowercases scheme and host and drops default ports, fragments and credentials', () => {
    expect(canonicalUrl('HTTPS://user:pw@News.Example.COM:443/World/Story?id=1#comments')).toBe(
      'https://news.example.com/World/Story?id=1',
    );
    expect(canonicalUrl('http://news.example:80/a')).toBe('http://news.example/a');
    expect(canonicalUrl('http://news.example:8080/a')).toBe('http://news.example:8080/a');
  });

  it('removes tracking parameters and keeps the others, sorted', () => {
    const url =
      'https://news.example/a?utm_source=rss&z=2&fbclid=X&gclid=Y&dclid=1&gbraid=2&msclkid=3&yclid=4' +
      '&mc_cid=5&mc_eid=6&_hsenc=7&UTM_Medium=8&a=1';
    expect(canonicalUrl(url)).toBe('https://news.example/a?a=1&z=2');
  });

  it('keeps the encoding of the parameters it keeps', () => {
    expect(canonicalUrl('https://news.example/s?q=a%20b/c&utm_campaign=x')).toBe(
      'https://news.example/s?q=a%20b/c',
    );
  });

  it('drops the question mark when no parameter is left', () => {
    expect(canonicalUrl('https://news.example/a?utm_source=x')).toBe('https://news.example/a');
  });

  it('resolves relative links against the base and refuses non-http schemes', () => {
    expect(canonicalUrl('/b?x=1', 'https://news.example/a/')).toBe('https://news.example/b?x=1');
    expect(canonicalUrl('javascript:alert(1)')).toBeUndefined();
    expect(canonicalUrl('not a url')).toBeUndefined();
    expect(httpUrl('mailto:a@b.example')).toBeUndefined();
  });

  it('withoutTracking keeps the fragment readers may jump to', () => {
    const url = new URL('https://news.example/a?utm_term=x&p=2#section');
    expect(withoutTracking(url)).toBe('https://news.example/a?p=2#section');
  });
});

describe('httpUrl', () => {
  it('resolves against a base, the same way every time it meets it', () => {
    const base = 'https://news.example/world/index.html';
    for (let i = 0; i < 3; i++)
      expect(httpUrl('story.html', base)?.href).toBe('https://news.example/world/story.html');
    expect(httpUrl('story.html', 'not a url')).toBeUndefined();
    expect(httpUrl('https://a.example/x', 'not a url')?.href).toBe('https://a.example/x');
    expect(httpUrl('/x', 'ftp://files.example/')).toBeUndefined();
  });

  it('keeps resolving correctly past the number of bases it remembers', () => {
    for (let i = 0; i < 600; i++) {
      expect(httpUrl('a', `https://site${i}.example/dir/`)?.href).toBe(`https://site${i}.example/dir/a`);
    }
  });
});
