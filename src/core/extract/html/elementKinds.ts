/**
 * What each HTML element is to the walk: skipped whole with everything in
 * it, a heading or preformatted block, an inline mark, or the edge of a block
 * in the flow of text. These tables are the allowlist: an element named
 * nowhere (here or in the walk's own cases) is read for its text alone.
 */
import type { RunMark } from '../documentBuilder';

/** Elements whose content is never text to read: skipped with everything inside them. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'iframe',
  'frame',
  'frameset',
  'noframes',
  'object',
  'embed',
  'noembed',
  'applet',
  'param',
  'svg',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'textarea',
  'button',
  // Ruby readings and their fallback parentheses would split the words they annotate.
  'rt',
  'rp',
  // MathML's machine-readable copies of a formula (TeX, content markup) would repeat it.
  'annotation',
  'annotation-xml',
]);

/** Elements that end the paragraph before them and start a new one (content keeps flowing inside). */
export const FLOW_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'footer',
  'form',
  'header',
  'hgroup',
  'html',
  'legend',
  'main',
  'nav',
  'p',
  'search',
  'section',
  'summary',
]);

// Maps, not object literals: a page may name an element `constructor` or `__proto__`.
export const INLINE_MARKS = new Map<string, RunMark>([
  ['strong', { kind: 'strong' }],
  ['b', { kind: 'strong' }],
  ['em', { kind: 'emphasis' }],
  ['i', { kind: 'emphasis' }],
  ['code', { kind: 'code' }],
  ['kbd', { kind: 'code' }],
  ['samp', { kind: 'code' }],
]);

export const HEADING_LEVELS = new Map<string, 1 | 2 | 3 | 4 | 5 | 6>([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

/** Old elements that render their text as it is written. */
export const PREFORMATTED = new Set(['pre', 'listing', 'xmp', 'plaintext']);

/** Quotes and lists nested deeper are kept at this depth: a reader draws every level. */
export const MAX_NESTING = 32;

/** Whether `element` (named `tag`, lower case) is left out with everything inside it. */
export function isSkipped(element: Element, tag: string): boolean {
  return SKIPPED.has(tag) || isHidden(element, tag);
}

/** What the page hides is not part of what it says. */
function isHidden(element: Element, tag: string): boolean {
  const hidden = element.getAttribute('hidden');
  // `until-found` content is collapsed, not hidden: the browser's find reveals it.
  if (hidden !== null && hidden.toLowerCase() !== 'until-found') return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  if (tag === 'dialog' && !element.hasAttribute('open')) return true;
  const style = element.getAttribute('style');
  return (
    style !== null &&
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i.test(
      style,
    )
  );
}
