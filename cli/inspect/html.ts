/**
 * HTML built only through `html`: every interpolated value is escaped unless
 * it is itself `Html` built here. The pages show news text, which is hostile
 * input (scripts in headlines, markup in bylines), so nothing reaches the page
 * unescaped by accident.
 */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

type Part = Html | string | number | boolean | undefined | null | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

/**
 * `text` with the given ranges ([start, end) in UTF-16 units) wrapped in
 * `<mark>`; overlapping or touching ranges are merged, the rest escaped.
 */
export function highlight(
  text: string,
  ranges: ReadonlyArray<readonly [number, number]>,
  label = 'shared',
): Html {
  const sorted = ranges
    .map(([s, e]) => [Math.max(0, s), Math.min(text.length, e)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  let out = '';
  let at = 0;
  for (const [start, end] of merged) {
    out += escapeHtml(text.slice(at, start));
    out += `<mark class="${escapeHtml(label)}">${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return new Html(out + escapeHtml(text.slice(at)));
}
