import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';

type AnnotationMethods = 'createAnnotation' | 'getAnnotation' | 'listAnnotations' | 'updateAnnotation' | 'deleteAnnotation' | 'restoreAnnotation' | 'reattachAnnotation';

/** Highlights and notes. */
export function annotationsApi({ annotations }: CoreContext): Pick<ApiImpl, AnnotationMethods> {
  return {
    createAnnotation: (input) => annotations.create(input),
    getAnnotation: (id) => annotations.get(id),
    listAnnotations: (filter) => annotations.list(filter),
    updateAnnotation: (id, patch) => annotations.update(id, patch),
    deleteAnnotation: (id) => annotations.delete(id),
    restoreAnnotation: (id) => annotations.restore(id),
    reattachAnnotation: (id, range) => annotations.reattach(id, range),
  };
}
