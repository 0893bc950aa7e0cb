/**
 * A web page as Dossier's document model: the article Mozilla Readability
 * finds in it (the whole page, without its navigation, when it finds none),
 * walked into blocks by appendHtmlBlocks, with what the page says about
 * itself. Nothing is fetched: remote images stay addresses.
 */

import { Readability } from '@mozilla/readability';

import { decodeHtml } from '../../text/decodeHtml';
import { DocumentBuilder } from '../documentBuilder';
import { fileTitle } from '../fileTitle';
import { NestingBudget } from '../nestingBudget';
import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import { appendHtmlBlocks } from './appendHtmlBlocks';
import { cleanField, MAX_EXCERPT } from './oneLine';
import { direction, isoDate, languageTag, readPageMetadata } from './pageMetadata';
import { parsePage } from './parsePage';

export const HTML_EXTRACTOR = 'html-readability@1';

export interface HtmlExtractionOptions {
  /** Turns an image reference into a `data:image/…` URL (MHTML parts), or null to leave it remote. */
  resolveImage?: (src: string) => string | null;
}

type Article = NonNullable<ReturnType<Readability<Element>['parse']>>;

/**
 * Readability's time grows with the square of a page's depth and it recurses:
 * deeper pages (no real article comes near) are read whole instead…
 */
const MAX_READABLE_DEPTH = 400;
/** …and so are pages with more elements than this, on which it would take many seconds. */
const MAX_READABLE_ELEMENTS = 100_000;

/** Navigation, asides and footers: left out of an article wherever Readability kept them… */
const ARTICLE_CHROME = 'nav, aside, footer';
/** …and, with the header, out of a page read whole. */
const PAGE_CHROME = 'nav, aside, footer, header';

export function extractHtml(
  input: ExtractionInput,
  options: HtmlExtractionOptions = {},
): ExtractedDocument {
  const html = decodeHtml(input.bytes, input.fileName, input.declaredCharset);
  new NestingBudget(input.fileName).check(html, false);
  const document = parsePage(html);
  const page = readPageMetadata(document, input.url);
  const article = deeperThan(document.documentElement, MAX_READABLE_DEPTH)
    ? null
    : readArticle(document);
  const content = articleOrPage(article, document);

  const builder = new DocumentBuilder();
  builder.addBlock({ kind: 'title' }, [
    { text: articleTitle(article, page.headline, document) ?? fileTitle(input.fileName) },
  ]);
  const title = builder.textSoFar;
  dropRepeatedTitle(content, title);
  appendHtmlBlocks(content, builder, {
    baseUrl: page.baseUrl,
    ...(options.resolveImage ? { resolveImage: options.resolveImage } : {}),
  });
  const { text, blocks } = builder.build();

  return {
    kind: 'web',
    extractor: HTML_EXTRACTOR,
    title,
    text,
    blocks,
    metadata: {
      byline: cleanField(article?.byline) ?? page.byline,
      siteName: cleanField(article?.siteName) ?? page.siteName,
      publishedAt: isoDate(article?.publishedTime) ?? page.publishedAt,
      lang: languageTag(article?.lang) ?? page.lang,
      dir: direction(article?.dir) ?? page.dir ?? textDirection(text),
      canonicalUrl: page.canonicalUrl,
      excerpt: cleanField(article?.excerpt, MAX_EXCERPT) ?? page.excerpt,
    },
  };
}

/** Readability's article, its content as an element; null when it finds none or gives up. */
function readArticle(document: Document): Article | null {
  try {
    // Readability takes apart the document it reads: it gets a copy.
    const copy = document.cloneNode(true) as Document;
    const reader = new Readability<Element>(copy, {
      serializer: (node) => node as Element,
      maxElemsToParse: MAX_READABLE_ELEMENTS,
    });
    keepMathJax(reader);
    return reader.parse();
  } catch {
    // Too many elements, or anything else it cannot cope with: the page is then read whole.
    return null;
  }
}

/** Whether any element lies more than `limit` levels below `root` (walked without recursion). */
function deeperThan(root: Element, limit: number): boolean {
  let depth = 0;
  let element: Element | null = root;
  while (element) {
    const child: Element | null = element.firstElementChild;
    if (child) {
      if (++depth > limit) return true;
      element = child;
      continue;
    }
    while (element && element !== root && !element.nextElementSibling) {
      element = element.parentElement;
      depth--;
    }
    element = element && element !== root ? element.nextElementSibling : null;
  }
  return false;
}

/**
 * MathJax's containers carry a class with "Menu" in it, which Readability
 * takes for page furniture and removes with the formulas; its later versions
 * exempt "mathjax" as this does.
 */
function keepMathJax(reader: Readability<Element>): void {
  const internals = reader as unknown as { REGEXPS: Record<string, RegExp> };
  const okMaybe = internals.REGEXPS.okMaybeItsACandidate;
  if (!okMaybe || okMaybe.test('mathjax')) return;
  internals.REGEXPS = {
    ...internals.REGEXPS,
    okMaybeItsACandidate: new RegExp(`${okMaybe.source}|mathjax`, okMaybe.flags),
  };
}

/** Readability's article; the whole page when it finds none (the page is no article), so no text is lost. */
function articleOrPage(article: Article | null, document: Document): Element {
  if (article?.content && /\S/.test(article.textContent ?? '')) {
    return withoutAll(article.content, ARTICLE_CHROME);
  }
  return pageContent(document);
}

/** The page's body without navigation, header, footer and asides (unless they are all it has). */
function pageContent(document: Document): Element {
  const body = document.body ?? document.documentElement;
  const trimmed = withoutAll(body.cloneNode(true) as Element, PAGE_CHROME);
  return (trimmed.textContent ?? '').trim() === '' ? body : trimmed;
}

function withoutAll(root: Element, selector: string): Element {
  for (const element of Array.from(root.querySelectorAll(selector))) element.remove();
  return root;
}

/**
 * Readability's title, else the page's headline, its `<title>` or its first
 * `<h1>`. A `<title>` taken as it is loses a site name after a spaced dash
 * ("Headline – Site"), as Readability does after the other separators; a
 * headline from the page's metadata is kept whole.
 */
function articleTitle(
  article: Article | null,
  headline: string | null,
  document: Document,
): string | null {
  const documentTitle = cleanField(document.querySelector('title')?.textContent);
  const title =
    cleanField(article?.title) ??
    headline ??
    documentTitle ??
    cleanField(document.querySelector('h1')?.textContent);
  if (title === null || title !== documentTitle || title === headline) return title;
  const separators = [...title.matchAll(/ [–—] /g)];
  const head = title.slice(0, separators.at(-1)?.index ?? 0).trim();
  // Like Readability, a headline of four words or fewer keeps the site name: it may be the name.
  return head.split(' ').length > 4 ? head : title;
}

/** The content's first heading is left out when it only repeats the title the document starts with. */
function dropRepeatedTitle(content: Element, title: string): void {
  const first = firstTextNode(content);
  const heading = first?.parentElement?.closest('h1, h2, h3, h4, h5, h6');
  if (heading && content.contains(heading) && sameWords(heading.textContent ?? '', title)) {
    heading.remove();
  }
}

function firstTextNode(root: Node): Node | null {
  let node: Node | null = root.firstChild;
  while (node && node !== root) {
    if (node.nodeType === 3 && /\S/.test(node.textContent ?? '')) return node;
    if (node.firstChild && !/^(?:script|style|template)$/i.test(node.nodeName)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return null;
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) =>
    text
      .normalize('NFC')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .join(' ');
  return words(a) === words(b);
}

/** Right to left when most letters of the text's beginning are Arabic, Hebrew or another right-to-left script. */
function textDirection(text: string): 'ltr' | 'rtl' | null {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  const rightToLeft =
    sample.match(
      /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/gu,
    )?.length ?? 0;
  return rightToLeft > letters / 2 ? 'rtl' : 'ltr';
}
