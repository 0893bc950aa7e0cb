/**
 * The passages exported notes cite, as W3C Web Annotations (JSON-LD): each
 * targets its source's address (or a `urn:dossier:source:` name for a source
 * without one) through a quote selector and a position selector, and carries
 * the analyst's comment and its highlight colour.
 */
import type { CitedPassage } from './citedPassages';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface TextualBody {
  type: 'TextualBody';
  value: string;
  purpose: 'commenting' | 'tagging';
  format?: 'text/plain';
}

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  body: TextualBody[];
  target: {
    source: string;
    selector: [
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'TextPositionSelector'; start: number; end: number },
    ];
  };
}

export interface AnnotationCollection {
  '@context': typeof CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { id: string; type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** One page holding every annotation: an export is read whole. */
export function annotationCollection(
  passages: readonly CitedPassage[],
  exportedAt: string,
): AnnotationCollection {
  const id = `urn:dossier:export:${exportedAt}`;
  return {
    '@context': CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Passages cited by the exported notes',
    total: passages.length,
    first: {
      id: `${id}:page:1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: passages.map(webAnnotation),
    },
  };
}

/**
 * The position selector counts Unicode code points, as the Web Annotation
 * model says, in the text of the version the passage was marked on.
 */
export function webAnnotation(passage: CitedPassage): WebAnnotation {
  const body: TextualBody[] = [];
  if (passage.comment) {
    body.push({
      type: 'TextualBody',
      value: passage.comment,
      purpose: 'commenting',
      format: 'text/plain',
    });
  }
  body.push({ type: 'TextualBody', value: passage.color, purpose: 'tagging' });
  if (passage.colorLabel)
    body.push({ type: 'TextualBody', value: passage.colorLabel, purpose: 'tagging' });
  return {
    id: `urn:dossier:passage:${passage.id}`,
    type: 'Annotation',
    motivation: passage.comment ? 'commenting' : 'highlighting',
    created: passage.createdAt,
    body,
    target: {
      source: passage.source.url ?? `urn:dossier:source:${passage.source.id}`,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: passage.exact,
          prefix: passage.prefix,
          suffix: passage.suffix,
        },
        { type: 'TextPositionSelector', start: passage.codePointStart, end: passage.codePointEnd },
      ],
    },
  };
}
