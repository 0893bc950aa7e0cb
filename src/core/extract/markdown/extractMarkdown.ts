import MarkdownIt from 'markdown-it';
import { decodeTextFile } from '../../text/decode';
import { DocumentBuilder } from '../documentBuilder';
import type { ExtractedDocument, ExtractionInput } from '../extractedDocument';
import { appendHtmlBlocks } from '../html/appendHtmlBlocks';
import { webAddress } from '../html/safeUrls';
import { htmlRoot, takeTitle } from '../convertedHtml';
import { readFrontMatter } from './frontMatter';

export const MARKDOWN_EXTRACTOR = 'markdown@1';

/**
 * CommonMark with GitHub's tables and strikethrough. Raw HTML is let through
 * to the walk, which is the one sanitiser; links are too (markdown-it would
 * otherwise print a `javascript:` link as its source text), and the walk
 * keeps only http, https and mailto targets.
 */
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });
markdown.validateLink = () => true;

/**
 * A Markdown file: its front matter as metadata, its text rendered to HTML
 * and walked into blocks. Relative links and images resolve against the
 * address it was fetched from, if any.
 */
export function extractMarkdown({ bytes, fileName, url }: ExtractionInput): ExtractedDocument {
  const { title: declared, metadata, body } = readFrontMatter(decodeTextFile(bytes, fileName));
  const root = htmlRoot(markdown.render(body), fileName);
  const title = takeTitle(root, declared, fileName);

  const builder = new DocumentBuilder();
  builder.addBlock({ kind: 'title' }, [{ text: title }]);
  const address = webAddress(url, null);
  appendHtmlBlocks(root, builder, { baseUrl: address });
  const { text, blocks } = builder.build();
  return {
    kind: 'markdown',
    extractor: MARKDOWN_EXTRACTOR,
    title,
    text,
    blocks,
    metadata: { ...metadata, canonicalUrl: metadata.canonicalUrl ?? address },
  };
}
