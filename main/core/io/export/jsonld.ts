import type { Annotation } from '../../../common/contract';
import { toWebAnnotation } from '../../annotations/annotations';
import { passageLink } from './links';

/** The W3C Web Annotation JSON-LD context every exported object is read with. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface CollectionInfo {
  /** A urn:uuid: for this export. */
  id: string;
  label: string;
  generatedAt: string;
}

/**
 * Annotations as one W3C AnnotationCollection (Web Annotation Data Model §5)
 * whose single page holds every annotation. Each annotation targets its
 * document's dossier:// address with a quote and a position selector; the
 * position is where the passage is now (an orphan keeps where it was).
 */
export function annotationCollection(annotations: Annotation[], info: CollectionInfo): Record<string, unknown> {
  const items = annotations.map((annotation) => {
    const { '@context': _context, ...item } = toWebAnnotation(current(annotation), { documentUri: (docId) => passageLink({ docId }) });
    return item;
  });
  return {
    '@context': ANNO_CONTEXT,
    id: info.id,
    type: 'AnnotationCollection',
    label: info.label,
    total: items.length,
    generator: { type: 'Software', name: 'Dossier' },
    generated: info.generatedAt,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function current(annotation: Annotation): Annotation {
  if (annotation.anchor.status !== 'anchored') return annotation;
  const [quote] = annotation.target.selector;
  const { start, end } = annotation.anchor;
  return { ...annotation, target: { selector: [quote, { type: 'TextPositionSelector', start, end }] } };
}
