import type { Annotation, StoredAnnotation } from '../../../common/contract';
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
 * document's dossier:// address with a quote and a position selector, as the
 * caller gives them: the export describes the passage as it is now (an
 * orphan keeps where it was).
 */
export function annotationCollection(annotations: Annotation[], info: CollectionInfo): Record<string, unknown> {
  const items = annotations.map((annotation) => {
    const { '@context': _context, ...item } = toWebAnnotation(annotation, { documentUri: (docId) => passageLink({ docId }) });
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

/** Options of the W3C export: how a document is named outside Dossier. */
export interface WebAnnotationOptions {
  documentUri?: (docId: string) => string;
}

/**
 * An annotation as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/):
 * the note is a commenting TextualBody (Markdown), each tag a tagging body,
 * the colour a styleClass on the target.
 */
export function toWebAnnotation(annotation: StoredAnnotation, options: WebAnnotationOptions = {}): Record<string, unknown> {
  const documentUri = options.documentUri ?? ((docId: string) => `urn:dossier:document:${docId}`);
  const note = annotation.note.trim();
  const body = [
    ...(note ? [{ type: 'TextualBody', value: annotation.note, format: 'text/markdown', purpose: 'commenting' }] : []),
    ...annotation.tags.map((tag) => ({ type: 'TextualBody', value: tag, purpose: 'tagging' })),
  ];
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:uuid:${annotation.id}`,
    type: 'Annotation',
    motivation: note ? 'commenting' : annotation.tags.length > 0 ? 'tagging' : 'highlighting',
    created: annotation.created,
    modified: annotation.modified,
    ...(body.length > 0 && { body }),
    target: { source: documentUri(annotation.docId), styleClass: `highlight-${annotation.color}`, selector: annotation.target.selector },
  };
}
