import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import type { Annotation, Block, DocumentMatch, DocumentOpening } from '../../../main/common/contract';
import { useCommands } from '../commands/registry';
import { currentPlatform, formatShortcut } from '../commands/shortcuts';
import {
  adjacentUnit,
  caretsOf,
  compareCarets,
  ends,
  extendedFocus,
  firstBlockInView,
  revealCaret,
  sameRange,
  selectCarets,
  selectedCarets,
  textBetween,
  type Caret,
  type CaretRange,
  type Unit,
} from '../reader/caret';
import type { BlockDecorations } from '../reader/decorations';
import { blockOf } from '../reader/loaded';
import { cleanToOriginal } from '../reader/spans';
import type { Goal } from '../reader/scroller';
import { colorName } from './model';
import type { ReaderAnnotationsState } from './ReaderAnnotations';

/*
 * Reading and annotating with the keyboard alone. The reader's text takes
 * the focus (Tab, or F6 from anywhere); there the arrow keys select a
 * sentence (← →), a paragraph (↑ ↓) or a word (Ctrl, ⌥ on macOS), Shift
 * grows or shrinks the selection, and the selection is the window's own, so
 * H, N, T and "Tag as entity" act on it as on one made with the mouse.
 * [ and ] step through the highlights and entity mentions, Enter opens the
 * one selected. A live region says where the selection is.
 */

/** The keys of the reading text, for the shortcuts sheet; the commands' own keys ([, ], F6, H, N, T) it lists from their registrations. */
export function readingKeys(platform = currentPlatform()): Array<{ does: string; keys: string[] }> {
  const word = platform === 'mac' ? 'Alt' : 'Ctrl';
  const key = (notation: string) => formatShortcut(notation, platform);
  return [
    { does: 'Select the next or previous sentence', keys: [key('ArrowRight'), key('ArrowLeft')] },
    { does: 'Select the next or previous paragraph', keys: [key('ArrowDown'), key('ArrowUp')] },
    { does: 'Select the next or previous word', keys: [key(`${word}+ArrowRight`), key(`${word}+ArrowLeft`)] },
    { does: 'Grow or shrink the selection (Shift with the keys above)', keys: [key('Shift+ArrowRight'), key('Shift+ArrowLeft')] },
    { does: 'Open the highlight or mention selected', keys: [key('Enter')] },
    { does: 'Clear the selection', keys: [key('Escape')] },
  ];
}

const HINT =
  'The document’s text. Arrow keys select a sentence (left, right), a paragraph (up, down) or, with Control (Option on macOS), a word; Shift grows the selection. ' +
  'H highlights it, N adds a note, T a tag. [ and ] step through highlights and mentions; Enter opens one.';
/** The most of a selection the live region reads out. */
const SPOKEN_CHARS = 200;
/** The sticky bars over the text: a caret just under them is not in view. */
const BARS_HEIGHT = 100;

/** A highlight or an entity mention the keyboard can step to. */
interface Mark {
  /** Where it is in the original text: marks are ordered by it, loaded or not. */
  start: number;
  end: number;
  /** Where it is in the blocks loaded; null while its blocks are not. */
  range: [Caret, Caret] | null;
  label: string;
  open: () => void;
}

export interface ReadingCursor {
  /** For the reader's text element: it takes the focus and says how to use it. */
  textProps: { tabIndex: number; 'aria-describedby': string };
  /** Selects a find match in the text and gives the text the focus (the find bar closing). */
  place: (match: DocumentMatch | null | undefined) => void;
  /** The hint and the live region, rendered once in the pane. */
  status: ReactNode;
}

interface Options {
  /** The document, with the blocks loaded around the view. */
  doc: DocumentOpening;
  article: RefObject<HTMLElement | null>;
  /** Every decoration of the text: the mentions are stepped to from here. */
  layers: BlockDecorations;
  annotations: ReaderAnnotationsState;
  /** Scrolls the reader to a block that is not drawn (VirtualBlocks draws those near the view). */
  bringIntoView: (goal: Goal) => void;
  /** Scrolls the reader to the block holding an original offset, loading it (a highlight far from the view). */
  reach: (offset: number) => void;
}

/** The keyboard's selection in one reader pane. */
export function useReadingCursor({ doc, article, layers, annotations, bringIntoView, reach }: Options): ReadingCursor {
  const { blocks, blockCount } = doc;
  const hintId = useId();
  const [range, setRange] = useState<CaretRange | null>(null);
  const [spoken, setSpoken] = useState('');
  // Whether the window's selection shows `range`: a click, Esc or a highlight just made takes it away.
  const shown = useRef(false);
  const navigate = useNavigate();
  const marks = useMarks(blocks, layers, annotations, navigate);

  const show = useCallback(
    (next: CaretRange, words: string) => {
      shown.current = true;
      setRange(next);
      // The same words twice are still said twice.
      setSpoken((before) => (before === words ? `${words}\u200b` : words));
    },
    [],
  );

  useShownRange(article, blocks, range, shown, bringIntoView);

  /** Where the keyboard starts from: the selection on screen, else the keyboard's last one, else the top of the view. */
  const startingPoint = useCallback((): CaretRange => {
    const element = article.current;
    const selected = element ? selectedCarets(element, blocks) : null;
    if (selected) return selected;
    if (range) {
      if (shown.current) return range;
      const [start] = ends(range);
      return { anchor: start, focus: start };
    }
    const top = { block: element ? firstBlockInView(element, BARS_HEIGHT) : 0, offset: 0 };
    return { anchor: top, focus: top };
  }, [article, blocks, range]);

  const move = useCallback(
    (unit: Unit, direction: 1 | -1, extend: boolean) => {
      const from = startingPoint();
      const [start, end] = ends(from);
      let next: CaretRange | null;
      if (extend) {
        const focus = extendedFocus(blocks, unit, direction, from.focus);
        next = focus && { anchor: from.anchor, focus };
      } else {
        next = adjacentUnit(blocks, unit, direction, direction === 1 ? end : start);
      }
      if (!next || compareCarets(next.anchor, next.focus) === 0) {
        setSpoken(direction === 1 ? 'End of the document' : 'Start of the document');
        return;
      }
      show(next, describe(blocks, blockCount, next));
    },
    [blocks, blockCount, show, startingPoint],
  );

  const showMark = useCallback(
    (mark: Mark, range: [Caret, Caret]) => show({ anchor: range[0], focus: range[1] }, `${mark.label}: ${spokenText(textBetween(blocks, range))}. Enter opens it.`),
    [blocks, show],
  );
  // A mark stepped to while its blocks were not loaded: selected once they are.
  const pending = useRef<{ start: number; end: number } | null>(null);
  useEffect(() => {
    const wanted = pending.current;
    const mark = wanted && marks.find((m) => m.start === wanted.start && m.end === wanted.end && m.range);
    if (!mark?.range) return;
    pending.current = null;
    showMark(mark, mark.range);
  }, [marks, showMark]);

  const step = useCallback(
    (direction: 1 | -1) => {
      const [start, end] = ends(startingPoint()).map((caret) => originalAt(blocks, caret));
      const position = (m: Mark) => m.start - (start as number) || m.end - (end as number);
      const mark = direction === 1 ? marks.find((m) => position(m) > 0) : marks.findLast((m) => position(m) < 0);
      article.current?.focus({ preventScroll: true });
      if (!mark) {
        setSpoken(direction === 1 ? 'No more highlights or mentions after this' : 'No highlights or mentions before this');
        return;
      }
      if (mark.range) return showMark(mark, mark.range);
      pending.current = { start: mark.start, end: mark.end };
      reach(mark.start);
    },
    [article, blocks, marks, reach, showMark, startingPoint],
  );

  const openSelected = useCallback((): boolean => {
    const from = startingPoint();
    const [start, end] = ends(from);
    const shown = marks.flatMap((m) => (m.range ? [{ mark: m, range: m.range }] : []));
    const within = ({ range }: (typeof shown)[number]) => compareCarets(range[0], end) < 0 && compareCarets(range[1], start) > 0;
    const mark = (shown.find(({ range }) => compareCarets(range[0], start) === 0 && compareCarets(range[1], end) === 0) ?? shown.find(within))?.mark;
    mark?.open();
    return mark !== undefined;
  }, [marks, startingPoint]);

  useEffect(() => {
    const element = article.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.target !== element || event.defaultPrevented) return;
      const handled = handleKey(event, { move, openSelected, clear: () => clear(setRange, shown) });
      if (handled) event.preventDefault();
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [article, move, openSelected]);

  // With two documents side by side, [ and ] step in the one whose text last had the focus.
  const claim = useFocusCount(article);
  useCommands(
    () => [
      { id: 'annotations.next-mark', title: 'Go to the next highlight or mention', group: 'Annotations', enabled: () => marks.length > 0, run: () => step(1) },
      { id: 'annotations.previous-mark', title: 'Go to the previous highlight or mention', group: 'Annotations', enabled: () => marks.length > 0, run: () => step(-1) },
      { id: 'reader.focus-text', title: 'Go to the document’s text', group: 'Go', run: focusNextText },
    ],
    [marks, step, claim],
  );

  const place = useCallback(
    (match: DocumentMatch | null | undefined) => {
      article.current?.focus({ preventScroll: true });
      if (!match) return;
      const found: CaretRange = { anchor: { block: match.block, offset: match.from }, focus: { block: match.block, offset: match.to } };
      show(found, describe(blocks, blockCount, found));
    },
    [article, blocks, blockCount, show],
  );

  const status = (
    <>
      <p id={hintId} className="visually-hidden">
        {HINT}
      </p>
      <p className="visually-hidden" aria-live="polite" data-reading-cursor="">
        {spoken}
      </p>
    </>
  );
  return { textProps: { tabIndex: 0, 'aria-describedby': hintId }, place, status };
}

/**
 * Keeps the window's selection showing the keyboard's range while `shown`:
 * drawn again (a highlight added, the find bar's marks gone), the text loses
 * the selection, and it is put back at once; whoever else changes the
 * selection (the mouse, a highlight made, Esc) takes over from the keyboard.
 */
function useShownRange(article: RefObject<HTMLElement | null>, blocks: readonly Block[], range: CaretRange | null, shown: { current: boolean }, bringIntoView: (goal: Goal) => void): void {
  const current = useRef(range);
  current.current = range;

  useLayoutEffect(() => {
    const element = article.current;
    if (!element || !range || !shown.current) return;
    const now = selectedCarets(element, blocks);
    // A range whose blocks are not drawn is scrolled to; drawn, it is selected on the next render.
    if ((!now || !sameRange(now, range)) && !selectCarets(element, range)) bringIntoView({ index: range.focus.block, align: 'center' });
  });

  // A new selection comes into view.
  useEffect(() => {
    if (range && shown.current && article.current) revealCaret(article.current, range.focus);
  }, [range, article, shown]);

  useEffect(() => {
    const onChange = () => {
      const element = article.current;
      const now = element && selectedCarets(element, blocks);
      if (!now || !current.current || !sameRange(now, current.current)) shown.current = false;
    };
    document.addEventListener('selectionchange', onChange);
    return () => document.removeEventListener('selectionchange', onChange);
  }, [article, blocks, shown]);
}

/** How many times the element has taken the focus. */
function useFocusCount(element: RefObject<HTMLElement | null>): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const target = element.current;
    const onFocus = () => setCount((n) => n + 1);
    target?.addEventListener('focus', onFocus);
    return () => target?.removeEventListener('focus', onFocus);
  }, [element]);
  return count;
}

interface KeyActions {
  move: (unit: Unit, direction: 1 | -1, extend: boolean) => void;
  openSelected: () => boolean;
  clear: () => void;
}

const DIRECTIONS: Record<string, { unit: Unit; direction: 1 | -1 }> = {
  ArrowRight: { unit: 'sentence', direction: 1 },
  ArrowLeft: { unit: 'sentence', direction: -1 },
  ArrowDown: { unit: 'paragraph', direction: 1 },
  ArrowUp: { unit: 'paragraph', direction: -1 },
};

/** Runs the key's action in the reading text; whether it was one of its keys. */
function handleKey(event: KeyboardEvent, actions: KeyActions): boolean {
  const mac = currentPlatform() === 'mac';
  const wordKey = mac ? event.altKey : event.ctrlKey;
  const otherKeys = mac ? event.ctrlKey || event.metaKey : event.altKey || event.metaKey;
  if (otherKeys) return false;
  const arrow = DIRECTIONS[event.key];
  if (arrow) {
    const unit = wordKey && arrow.unit === 'sentence' ? 'word' : arrow.unit;
    if (wordKey && arrow.unit === 'paragraph') return false;
    actions.move(unit, arrow.direction, event.shiftKey);
    return true;
  }
  if (wordKey || event.shiftKey) return false;
  if (event.key === 'Enter') return actions.openSelected();
  if (event.key === 'Escape' && !window.getSelection()?.isCollapsed) {
    actions.clear();
    return true;
  }
  return false;
}

function clear(setRange: (range: CaretRange | null) => void, shown: { current: boolean }): void {
  shown.current = false;
  window.getSelection()?.removeAllRanges();
  setRange(null);
}

/** F6: the focus goes to the (next) document text on screen. */
function focusNextText(): void {
  const texts = [...document.querySelectorAll<HTMLElement>('article.reader-text[tabindex]')];
  const at = texts.findIndex((t) => t.contains(document.activeElement));
  texts[(at + 1) % texts.length]?.focus();
}

/** A caret's place in the original text (its block's start when the block is not loaded). */
function originalAt(blocks: readonly Block[], caret: Caret): number {
  const block = blockOf(blocks, caret.block);
  return block ? cleanToOriginal(block, caret.offset, 'start') : 0;
}

/**
 * The highlights and the entity mentions of the text, in reading order: every
 * highlight of the document, and the mentions in the blocks loaded.
 */
function useMarks(blocks: readonly Block[], layers: BlockDecorations, annotations: ReaderAnnotationsState, navigate: (to: string) => void): Mark[] {
  const { list, setEditing } = annotations;
  return useMemo(() => {
    const marks: Mark[] = [];
    for (const annotation of list.data ?? []) {
      const { anchor } = annotation;
      if (anchor.status !== 'anchored') continue;
      const { start, end } = anchor;
      marks.push({ start, end, range: caretsOf(blocks, start, end), label: highlightLabel(annotation), open: () => setEditing({ ids: [annotation.id], index: 0, focus: 'note' }) });
    }
    for (const [index, decorations] of layers) {
      const block = blockOf(blocks, index);
      if (!block) continue;
      for (const d of decorations) {
        const entity = d.data?.['entity'];
        if (!entity) continue;
        const range: [Caret, Caret] = [{ block: index, offset: d.from }, { block: index, offset: d.to }];
        marks.push({ start: cleanToOriginal(block, d.from, 'start'), end: cleanToOriginal(block, d.to), range, label: d.label ?? 'Mention', open: () => void navigate(`/entity/${entity}`) });
      }
    }
    return marks.sort((a, b) => a.start - b.start || a.end - b.end);
  }, [blocks, layers, list.data, setEditing, navigate]);
}

function highlightLabel(annotation: Annotation): string {
  const note = annotation.note.trim();
  return note ? `${colorName(annotation.color)} highlight with a note, “${spokenText(note, 80)}”` : `${colorName(annotation.color)} highlight`;
}

/** What the live region says of a selection: its text and where it is. */
function describe(blocks: readonly Block[], count: number, range: CaretRange): string {
  const [start, end] = ends(range);
  const where = start.block === end.block ? `paragraph ${start.block + 1} of ${count}` : `paragraphs ${start.block + 1} to ${end.block + 1} of ${count}`;
  return `${spokenText(textBetween(blocks, [start, end]))} (${where})`;
}

const spokenText = (text: string, most = SPOKEN_CHARS): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > most ? `${flat.slice(0, most - 1)}…` : flat;
};
