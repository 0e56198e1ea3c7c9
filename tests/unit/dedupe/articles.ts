import { readFileSync } from 'node:fs';
import { PROJECT_ROOT } from '../../support/paths.ts';

interface Article {
  readonly id: string;
  readonly topic: string;
  readonly paragraphs: readonly string[];
}

const articles = JSON.parse(
  readFileSync(`${PROJECT_ROOT}fixtures/dedupe/articles.json`, 'utf8'),
) as Article[];

/** An article of the labeled corpus (fixtures/dedupe), its paragraphs as one body. */
export function articleBody(id: string): string {
  const article = articles.find((a) => a.id === id);
  if (!article) throw new Error(`no article ${id} in fixtures/dedupe/articles.json`);
  return article.paragraphs.join('\n\n');
}

export function articleParagraphs(id: string): readonly string[] {
  const article = articles.find((a) => a.id === id);
  if (!article) throw new Error(`no article ${id} in fixtures/dedupe/articles.json`);
  return article.paragraphs;
}
