import type { Annotation, HighlightColor, MAX_NOTE_CHARS } from '../../../main/common/contract';
import { api } from '../api/client';
import { announceChange } from './changes';
import { pushUndo } from './undo';

/** The highlight colours in toolbar order, with the names people see (the core validates the ids). */
const COLOR_NAMES: Record<HighlightColor, string> = { yellow: 'Yellow', green: 'Green', blue: 'Blue', pink: 'Pink', purple: 'Purple' };
export const COLORS = Object.keys(COLOR_NAMES) as HighlightColor[];
export const colorName = (color: HighlightColor): string => COLOR_NAMES[color];

/** The core's limit, repeated here for the counter; the type keeps the two equal. */
export const NOTE_LIMIT: typeof MAX_NOTE_CHARS = 20_000;

/** Deletes an annotation and offers to undo it (toast, Ctrl/Cmd+Z). */
export async function deleteWithUndo(annotation: Annotation): Promise<void> {
  await api.deleteAnnotation(annotation.id);
  announceChange();
  pushUndo({
    message: annotation.note.trim() ? 'Note deleted' : 'Highlight deleted',
    undo: async () => {
      await api.restoreAnnotation(annotation.id);
      announceChange();
    },
  });
}

/** The quote as one line of reading text: line breaks and runs of spaces from the original become single spaces. */
export const quoteOf = (annotation: Annotation): string => annotation.target.selector[0].exact.replace(/\s+/g, ' ').trim();

/** "3 Jun 2025, 14:02" in the reader's own time zone. */
export function formatWhen(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
