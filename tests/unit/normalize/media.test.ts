import { describe, expect, it } from 'vitest';
import { normalizeMedia } from '../../../lambdas/normalize/media.ts';
import { parseDocument } from '../../../lambdas/normalize/parse/index.ts';
import { ninjsErrors } from '../../../lambdas/publish/validate.ts';
import { processOffline } from '../../../local/offline.ts';
import { feedFixture, utf8 } from '../parse/fixtures.ts';

const html = (item: Record<string, unknown>) =>
  (item.bodies as Array<{ contentType: string; value: string }>).find((b) => b.contentType === 'text/html')
    ?.value;

describe('Media RSS', () => {
  it('takes media:description in a media:group as the body of an Atom entry that has no other', async () => {
    const result = await processOffline(feedFixture('real/media-atom.xml'));
    const [item] = result.items;
    expect(item && html(item)).toMatch(/^<p>Four hours of a storm front/);
    expect(item?.renditions).toEqual([
      {
        name: 'thumbnail',
        href: 'https://img.example.com/vi/Qx81kLm2vT0/hqdefault.jpg',
        width: 480,
        height: 360,
      },
    ]);
    expect(item?.associations).toEqual([
      expect.objectContaining({
        uri: 'https://video.example.com/v/Qx81kLm2vT0?version=3',
        rel: 'syndicate:media',
      }),
    ]);
    for (const ninjs of result.items) expect(ninjsErrors(ninjs)).toEqual([]);
  });

  it('reads media:content, nested thumbnails and an HTML media:description directly under an RSS item', async () => {
    const result = await processOffline(feedFixture('real/media-rss.xml'));
    const [photo, film] = result.items;
    expect(photo && html(photo)).toBe(
      '<p>The lowest tide of the month left the <b>old jetty</b> standing clear of the mud for an hour.</p>',
    );
    expect(photo?.associations).toEqual([
      {
        name: 'The jetty at low water',
        uri: 'https://estuary.example.com/photos/jetty-large.jpg',
        rel: 'syndicate:media',
        type: 'picture',
        renditions: [
          {
            name: 'original',
            href: 'https://estuary.example.com/photos/jetty-large.jpg',
            contentType: 'image/jpeg',
            title: 'The jetty at low water',
            width: 2048,
            height: 1365,
            sizeInBytes: 912345,
          },
        ],
      },
    ]);
    expect(photo?.renditions).toEqual([
      {
        name: 'thumbnail',
        href: 'https://estuary.example.com/photos/jetty-thumb.jpg',
        width: 320,
        height: 213,
      },
    ]);
    expect(film?.associations).toHaveLength(2);
    for (const ninjs of result.items) expect(ninjsErrors(ninjs)).toEqual([]);
  });

  it('keeps content and summary before media:description', async () => {
    const xml =
      '<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>c</title><link>https://c.example/</link>' +
      '<item><title>t</title><description>The real summary text.</description>' +
      '<media:description>Not this one.</media:description></item></channel></rss>';
    const parsed = await parseDocument(utf8(xml));
    expect(parsed.items[0]?.summary?.value).toBe('The real summary text.');
  });

  it('drops media that are not http(s), repeats, and numbers that are not whole', () => {
    const media = normalizeMedia(
      [
        { url: 'javascript:alert(1)', kind: 'content' },
        { url: '/a.jpg', kind: 'content', width: '12.5', height: '-3', size: '77', type: 'IMAGE/JPEG; q=1' },
        { url: 'https://m.example/a.jpg', kind: 'content' },
        { url: 'data:image/png;base64,AAAA', kind: 'thumbnail' },
      ],
      'https://m.example/',
    );
    expect(media).toEqual([
      {
        href: 'https://m.example/a.jpg',
        rel: 'content',
        contentType: 'image/jpeg',
        medium: 'image',
        sizeInBytes: 77,
      },
    ]);
  });
});
