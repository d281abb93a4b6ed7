import type { Block } from '../../../main/common/contract';
import { firstIndexAtOrAfter } from '../../../main/common/sorted';
import { blockOf } from './loaded';
import { firstBlockEndingAfter, originalToClean } from './spans';

/*
 * The reader's keyboard caret: a place in the reading text as a block and a
 * clean-text offset in it (what the reader shows), worked out from the
 * blocks' text rather than from the page, so that it moves through a long
 * document whose blocks are not all drawn (VirtualBlocks). A caret names its
 * block by the block's index in the document; the blocks given are those
 * loaded, in order, which may be any run of the document's.
 */

/** A place in the reading text: before the character `offset` of the block whose index is `block`. */
export interface Caret {
  block: number;
  offset: number;
}

/** A selection made with the keyboard: `anchor` stays where it started, `focus` moves. */
export interface CaretRange {
  anchor: Caret;
  focus: Caret;
}

/** What the arrow keys move by. */
export type Unit = 'word' | 'sentence' | 'paragraph';

type Piece = readonly [from: number, to: number];

export const compareCarets = (a: Caret, b: Caret): number => a.block - b.block || a.offset - b.offset;

/** The range's start and end, in reading order. */
export const ends = ({ anchor, focus }: CaretRange): [Caret, Caret] => (compareCarets(anchor, focus) <= 0 ? [anchor, focus] : [focus, anchor]);

export const sameRange = (a: CaretRange, b: CaretRange): boolean =>
  compareCarets(a.anchor, b.anchor) === 0 && compareCarets(a.focus, b.focus) === 0;

const segmenters = {
  word: new Intl.Segmenter(undefined, { granularity: 'word' }),
  sentence: new Intl.Segmenter(undefined, { granularity: 'sentence' }),
};
const cache = new WeakMap<Block, Map<Unit, Piece[]>>();

/** A block's words, sentences or the paragraph itself, each without the white space around it. */
export function unitsOf(block: Block, unit: Unit): Piece[] {
  let byUnit = cache.get(block);
  if (!byUnit) cache.set(block, (byUnit = new Map()));
  let pieces = byUnit.get(unit);
  if (!pieces) {
    pieces = unit === 'paragraph' ? trimmed(block.text, [[0, block.text.length]]) : segmentsOf(block.text, unit);
    byUnit.set(unit, pieces);
  }
  return pieces;
}

function segmentsOf(text: string, unit: 'word' | 'sentence'): Piece[] {
  const pieces: Piece[] = [];
  for (const s of segmenters[unit].segment(text)) {
    if (unit === 'word' && !s.isWordLike) continue;
    pieces.push([s.index, s.index + s.segment.length]);
  }
  return trimmed(text, pieces);
}

function trimmed(text: string, pieces: Piece[]): Piece[] {
  return pieces.flatMap(([from, to]) => {
    while (from < to && /\s/.test(text.charAt(from))) from++;
    while (to > from && /\s/.test(text.charAt(to - 1))) to--;
    return from < to ? [[from, to] as const] : [];
  });
}

/** Where the block of index `index` is (or would be) among the loaded blocks. */
const positionOf = (blocks: readonly Block[], index: number): number => firstIndexAtOrAfter(blocks, index, { key: (b) => b.index });

/**
 * The unit after `after` (the first one starting there or later) or, going
 * back, the one before `before` (the last one ending there or earlier), as
 * a range from its start to its end; null at either end of the text.
 */
export function adjacentUnit(blocks: readonly Block[], unit: Unit, direction: 1 | -1, from: Caret): CaretRange | null {
  for (let p = positionOf(blocks, from.block); p >= 0 && p < blocks.length; p += direction) {
    const { index: b } = blocks[p] as Block;
    const pieces = unitsOf(blocks[p] as Block, unit);
    const found =
      direction === 1
        ? pieces.find(([start]) => b > from.block || start >= from.offset)
        : pieces.findLast(([, end]) => b < from.block || end <= from.offset);
    if (found) return { anchor: { block: b, offset: found[0] }, focus: { block: b, offset: found[1] } };
  }
  return null;
}

/** Where a selection's moving end goes when it grows or shrinks by one unit: the next unit's end, or the previous unit's start. */
export function extendedFocus(blocks: readonly Block[], unit: Unit, direction: 1 | -1, focus: Caret): Caret | null {
  for (let p = positionOf(blocks, focus.block); p >= 0 && p < blocks.length; p += direction) {
    const { index: b } = blocks[p] as Block;
    const pieces = unitsOf(blocks[p] as Block, unit);
    const found =
      direction === 1
        ? pieces.find(([, end]) => b > focus.block || end > focus.offset)
        : pieces.findLast(([start]) => b < focus.block || start < focus.offset);
    if (found) return { block: b, offset: direction === 1 ? found[1] : found[0] };
  }
  return null;
}

/** The text between two carets as the reader shows it (blocks joined by line breaks). */
export function textBetween(blocks: readonly Block[], [from, to]: [Caret, Caret]): string {
  const first = blockOf(blocks, from.block)?.text ?? '';
  if (from.block === to.block) return first.slice(from.offset, to.offset);
  const middle = blocks.slice(positionOf(blocks, from.block + 1), positionOf(blocks, to.block)).map((b) => b.text);
  return [first.slice(from.offset), ...middle, blockOf(blocks, to.block)?.text.slice(0, to.offset) ?? ''].join('\n');
}

/** A range of the original text [start, end) as carets, or null when no block shows it. */
export function caretsOf(blocks: readonly Block[], start: number, end: number): [Caret, Caret] | null {
  let first: Caret | null = null;
  let last: Caret | null = null;
  for (let b = firstBlockEndingAfter(blocks, start); b < blocks.length && (blocks[b] as Block).start < end; b++) {
    const pieces = originalToClean(blocks[b] as Block, start, end);
    const [head, tail] = [pieces[0], pieces.at(-1)];
    if (!head || !tail) continue;
    const { index } = blocks[b] as Block;
    first ??= { block: index, offset: head[0] };
    last = { block: index, offset: tail[1] };
  }
  return first && last ? [first, last] : null;
}

// ---------------------------------------------------------------- the page

/** The element of a block inside the reader's text, when it is drawn. */
const blockElement = (article: HTMLElement, block: number): HTMLElement | null => article.querySelector<HTMLElement>(`[data-block="${block}"]`);

/**
 * The clean-text offset of a DOM point inside a block element: the offset of
 * the text run it falls in (data-offset) plus the characters before it in
 * that run. A point between runs counts as the start of the next run.
 */
export function cleanOffsetAt(blockEl: HTMLElement, node: Node, offset: number, length: number): number {
  const element = node instanceof Element ? node : node.parentElement;
  const run = element?.closest<HTMLElement>('[data-offset]');
  const point = document.createRange();
  point.setStart(node, offset);
  if (run && blockEl.contains(run)) {
    point.setStart(run, 0);
    point.setEnd(node, offset);
    return Number(run.dataset['offset']) + point.toString().length;
  }
  for (const next of blockEl.querySelectorAll<HTMLElement>('[data-offset]')) {
    if (point.comparePoint(next, 0) >= 0) return Number(next.dataset['offset']);
  }
  return length;
}

/** The DOM point of a caret, or null when its block is not drawn. */
function domPoint(article: HTMLElement, { block, offset }: Caret): { node: Node; offset: number } | null {
  const element = blockElement(article, block);
  if (!element) return null;
  const runs = [...element.querySelectorAll<HTMLElement>('[data-offset]')];
  const run = runs.findLast((r) => Number(r.dataset['offset']) <= offset) ?? runs[0];
  if (!run) return { node: element, offset: 0 };
  let left = offset - Number(run.dataset['offset']);
  const walker = document.createTreeWalker(run, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (left <= node.length) return { node, offset: Math.max(0, left) };
    left -= node.length;
    last = node;
  }
  return last ? { node: last, offset: last.length } : { node: run, offset: run.childNodes.length };
}

/** Shows a caret range as the window's selection; false when a block of it is not drawn yet. */
export function selectCarets(article: HTMLElement, range: CaretRange): boolean {
  const anchor = domPoint(article, range.anchor);
  const focus = domPoint(article, range.focus);
  if (!anchor || !focus) return false;
  window.getSelection()?.setBaseAndExtent(anchor.node, anchor.offset, focus.node, focus.offset);
  return true;
}

/** The window's selection inside the reader's text as carets (its direction kept), or null when there is none there. */
export function selectedCarets(article: HTMLElement, blocks: readonly Block[]): CaretRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  const anchor = anchorNode && caretAt(article, blocks, anchorNode, anchorOffset);
  const focus = focusNode && caretAt(article, blocks, focusNode, focusOffset);
  return anchor && focus ? { anchor, focus } : null;
}

function caretAt(article: HTMLElement, blocks: readonly Block[], node: Node, offset: number): Caret | null {
  const element = node instanceof Element ? node : node.parentElement;
  const blockEl = element?.closest<HTMLElement>('[data-block]');
  if (!blockEl || !article.contains(blockEl)) return null;
  const block = blockOf(blocks, Number(blockEl.dataset['block']));
  return block ? { block: block.index, offset: cleanOffsetAt(blockEl, node, offset, block.text.length) } : null;
}

/** The first block drawn below the top of `top` pixels of the window: where a reader starts from. */
export function firstBlockInView(article: HTMLElement, top: number): number {
  for (const element of article.querySelectorAll<HTMLElement>('[data-block]')) {
    if (element.getBoundingClientRect().bottom > top) return Number(element.dataset['block']);
  }
  return 0;
}

/** Brings a caret's place into view, when it is drawn. */
export function revealCaret(article: HTMLElement, caret: Caret): void {
  const point = domPoint(article, caret);
  const element = point?.node instanceof Element ? point.node : point?.node.parentElement;
  element?.scrollIntoView({ block: 'nearest' });
}
