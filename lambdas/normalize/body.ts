import { joinParagraphs, paragraphsToHtml } from '../shared/text.ts';
import { plainParagraphs } from './active-markup.ts';

/**
 * A body as paragraphs that furniture (byline, dateline, footers) can be cut
 * from, whatever markup carries them. Paragraph indices stay those of the
 * original paragraphs after cuts, so several cuts can be applied in any order.
 */
export interface Body {
  /** The paragraphs as first read, one line of clean text each. */
  readonly paragraphs: readonly string[];
  /** Removes a whole paragraph. */
  drop(index: number): void;
  /** Removes the first `length` characters of a paragraph (as it reads in `paragraphs`). */
  cut(index: number, length: number): void;
  /** The remaining paragraphs, as plain text separated by blank lines. */
  text(): string;
  /** The remaining body as safe HTML. */
  html(): string;
}

/** A body that arrived as plain text (tags that could run script removed); its HTML is built from the text, escaped. */
export class TextBody implements Body {
  readonly paragraphs: readonly string[];
  private readonly current: (string | undefined)[];

  constructor(value: string) {
    this.paragraphs = plainParagraphs(value);
    this.current = [...this.paragraphs];
  }

  drop(index: number): void {
    this.current[index] = undefined;
  }

  cut(index: number, length: number): void {
    const paragraph = this.current[index];
    if (paragraph === undefined) return;
    const rest = paragraph.slice(length).trim();
    this.current[index] = rest.length > 0 ? rest : undefined;
  }

  private remaining(): string[] {
    return this.current.filter((p): p is string => p !== undefined);
  }

  text(): string {
    return joinParagraphs(this.remaining());
  }

  html(): string {
    return paragraphsToHtml(this.remaining());
  }
}
