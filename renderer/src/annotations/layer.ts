import type { Annotation, Block } from '../../../main/common/contract';
import type { BlockDecorations } from '../reader/decorations';
import type { Decoration } from '../reader/segments';
import { firstBlockEndingAfter, originalToClean } from '../reader/spans';

/** An anchored annotation's stretch of one block, in clean offsets. */
interface Piece {
  from: number;
  to: number;
  annotation: Annotation;
  length: number;
}

/** The data attribute that lists the annotations under a run, innermost first: `data-annotations="id1 id2"`. */
export const ANNOTATIONS_ATTRIBUTE = 'data-annotations';

/**
 * The reader's highlight layer: one decoration per stretch of text under the
 * same set of highlights, so overlapping highlights never hide each other.
 * The shortest highlight of a stretch gives its colour; a second one shows as
 * a band of its own colour underneath, and clicking the stretch offers both.
 */
export function highlightLayer(annotations: Annotation[], blocks: Block[], activeId: string | null): BlockDecorations {
  const pieces = new Map<number, Piece[]>();
  for (const annotation of annotations) {
    if (annotation.anchor.status !== 'anchored') continue;
    const { start, end } = annotation.anchor;
    for (let i = firstBlockEndingAfter(blocks, start); i < blocks.length; i++) {
      const block = blocks[i] as Block;
      if (block.start >= end) break;
      for (const [from, to] of originalToClean(block, start, end)) {
        const list = pieces.get(block.index) ?? [];
        list.push({ from, to, annotation, length: end - start });
        pieces.set(block.index, list);
      }
    }
  }
  const layer: BlockDecorations = new Map();
  for (const [block, list] of pieces) layer.set(block, decorate(list, activeId));
  return layer;
}

function decorate(pieces: Piece[], activeId: string | null): Decoration[] {
  const cuts = [...new Set(pieces.flatMap((p) => [p.from, p.to]))].sort((a, b) => a - b);
  const decorations: Decoration[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i] as number;
    const to = cuts[i + 1] as number;
    const covering = pieces.filter((p) => p.from <= from && p.to >= to).sort((a, b) => a.length - b.length);
    const [top, under] = covering;
    if (!top) continue;
    const classes = ['hl', `hl-${top.annotation.color}`];
    if (under) classes.push('hl-overlap', `hl-under-${under.annotation.color}`);
    if (covering.some((p) => p.annotation.note.trim())) classes.push('hl-has-note');
    if (covering.some((p) => p.annotation.id === activeId)) classes.push('hl-active');
    // Screen readers hear "Highlight" once, where each highlight begins.
    const starting = covering.filter((p) => p.from === from).map((p) => (p.annotation.note.trim() ? 'Highlight with note' : 'Highlight'));
    decorations.push({
      from,
      to,
      className: classes.join(' '),
      label: notePreview(covering.map((p) => p.annotation)),
      data: { annotations: covering.map((p) => p.annotation.id).join(' '), ...(starting.length > 0 && { announce: starting.join(', ') }) },
    });
  }
  return decorations;
}

/** What hovering a highlight shows: the start of its note, if it has one. */
function notePreview(annotations: Annotation[]): string | undefined {
  const note = annotations.find((a) => a.note.trim())?.note.trim();
  if (!note) return undefined;
  return note.length > 120 ? `${note.slice(0, 119)}…` : note;
}
