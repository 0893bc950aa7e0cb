/**
 * The real text revision cases are made from: Mozilla Readability's test pages and
 * the sample article, from ../shared (empty when it is absent).
 */
import fs from 'node:fs';
import { hasSampleArticle, sampleArticleFile } from '../../support/sharedData';
import { corpusPageNames, corpusPageText, hasCorpus } from '../support/corpusPages';

export interface RealPage {
  id: string;
  text: string;
}

export function loadRealPages(): RealPage[] {
  const pages: RealPage[] = [];
  if (hasCorpus) {
    for (const name of corpusPageNames()) pages.push({ id: name, text: corpusPageText(name) });
  }
  if (hasSampleArticle)
    pages.push({ id: 'sample', text: fs.readFileSync(sampleArticleFile, 'utf8') });
  return pages;
}

/** Paragraphs of all pages, as material a revision inserts. */
export function fillersFrom(pages: readonly RealPage[]): string[] {
  return pages
    .flatMap((page) => page.text.split(/\n\n+/))
    .filter((paragraph) => paragraph.length > 80 && paragraph.length < 600);
}
