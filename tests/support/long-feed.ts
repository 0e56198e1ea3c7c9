/** A JSON Feed with one long article: its ninjs (plain text and HTML bodies) is well over 1 MiB. */
export function longFeed(paragraphs: number): Buffer {
  const text = Array.from(
    { length: paragraphs },
    (_, i) =>
      `Paragraph ${i + 1} of the council report describes the harbour works, the budget for the year and the views of residents who spoke at the meeting.`,
  ).join('\n\n');
  return Buffer.from(
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Harbour News',
      home_page_url: 'https://harbour.example/',
      items: [
        {
          id: 'https://harbour.example/report',
          url: 'https://harbour.example/report',
          title: 'Council publishes the full harbour report',
          content_text: text,
          date_published: '2026-11-20T08:00:00Z',
        },
      ],
    }),
  );
}
