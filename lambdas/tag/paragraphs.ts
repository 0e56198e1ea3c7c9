/** A body's paragraphs: what a blank line (whitespace holding two line breaks or more) separates. */
export function splitParagraphs(text: string): string[] {
  return text.split(/\n\s*\n/);
}
