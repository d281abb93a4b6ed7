import type { Annotation, HighlightColor } from '../../../main/common/contract';
import { deleteAnnotation, restoreAnnotation } from './changes';
import { pushUndo } from '../app/undo';

/** The names people see for the highlight colours (HIGHLIGHT_COLORS gives their order). */
const COLOR_NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };
export const colorName = (color: HighlightColor): string => COLOR_NAMES[color];

/** Deletes an annotation and offers to undo it (toast, Ctrl/Cmd+Z). */
export async function deleteWithUndo(annotation: Annotation): Promise<void> {
  await deleteAnnotation(annotation.id);
  pushUndo({
    message: annotation.note.trim() ? 'Note deleted' : 'Highlight deleted',
    undo: async () => {
      await restoreAnnotation(annotation.id);
    },
  });
}

/** The quote as one line of reading text: line breaks and runs of spaces from the original become single spaces. */
export const quoteOf = (annotation: Annotation): string => annotation.target.selector[0].exact.replace(/\s+/g, ' ').trim();

/** "3 Jun 2025, 14:02" in the reader's own time zone. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
