import { DossierError } from '../../shared/errors';

/**
 * The parser (htmlparser2, under linkedom) keeps its open elements at the
 * front of an array, so each tag costs as much as the depth it is at. This
 * bounds the sum of those depths over a document: a million tags twenty deep
 * is 2e7, a page nested 100,000 levels deep 1e10 (a few seconds), while 20 MB
 * of nothing but unclosed <div>s would keep the parser busy for hours.
 */
const MAX_NESTING_WORK = 12_000_000_000;
const TAG = /<(\/?)([A-Za-z][^\s/<>]*)[^<>]*>/g;
/** HTML elements that never stay open: void ones, and those the next of their kind closes. */
const NOT_NESTING_IN_HTML = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup'.split(
    ' ',
  ),
);

/**
 * Refuses markup nested so deeply that parsing it would take unbounded time,
 * measured before parsing by a linear scan of its tags that follows how they
 * open and close. One budget serves all the parts of a document (an EPUB's
 * chapters).
 */
export class NestingBudget {
  private work = 0;

  constructor(private readonly fileName: string) {}

  /** In XML (`xml`), every tag not written `<…/>` stays open until it is closed. */
  check(markup: string, xml: boolean): void {
    const open: string[] = [];
    const openCount = new Map<string, number>();
    for (const [tag, closing, tagName] of markup.matchAll(TAG)) {
      const name = xml ? tagName! : tagName!.toLowerCase();
      if (!xml && NOT_NESTING_IN_HTML.has(name)) continue;
      if (closing) {
        // Closing an element closes the ones left open inside it.
        if (!openCount.get(name)) continue;
        let top: string;
        do {
          top = open.pop()!;
          openCount.set(top, openCount.get(top)! - 1);
        } while (top !== name);
      } else if (!tag.endsWith('/>')) {
        open.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      }
      this.work += open.length;
      if (this.work > MAX_NESTING_WORK) {
        throw new DossierError(
          'unsupported',
          `${this.fileName} nests its elements too deeply to be read (${open.length.toLocaleString('en')} levels at one point); it was not imported.`,
        );
      }
    }
  }
}
