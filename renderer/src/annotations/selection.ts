import { useSyncExternalStore } from 'react';
import type { Block } from '../../../main/common/contract';
import { blockOf } from '../reader/loaded';
import { cleanToOriginal } from '../reader/spans';

/** What the reader has selected, in the document's ORIGINAL text offsets (what annotations and mentions anchor on). */
export interface TextSelection {
  docId: string;
  start: number;
  end: number;
  /** The selected text as the reader shows it (blocks joined by line breaks). */
  exact: string;
}

/**
 * An extra button of the selection toolbar. Register one while the component
 * that provides it is mounted; the toolbar shows it after its own buttons:
 *
 * ```ts
 * useEffect(() => registerSelectionAction({ id: 'entity.tag', label: 'Tag as entity', run: (s) => openEntityDialog(s) }), []);
 * ```
 */
export interface SelectionAction {
  id: string;
  label: string;
  /** Shown as a tooltip and announced (e.g. "E"). The action wires up its own keys. */
  shortcut?: string;
  run: (selection: TextSelection) => void;
}

let registered: SelectionAction[] = [];
/** One button per id: the latest registration (two readers side by side register the same ones). */
let actions: SelectionAction[] = [];
const listeners = new Set<() => void>();

function changed(): void {
  actions = registered.filter((a, i) => !registered.slice(i + 1).some((later) => later.id === a.id));
  listeners.forEach((listener) => listener());
}

/** Adds a button to the selection toolbar; returns the function that removes it. */
export function registerSelectionAction(action: SelectionAction): () => void {
  registered = [...registered, action];
  changed();
  return () => {
    registered = registered.filter((a) => a !== action);
    changed();
  };
}

/** The registered extra actions, re-rendering when they change. */
export function useSelectionActions(): SelectionAction[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => actions,
  );
}

/**
 * The window's text selection inside `article`, as original offsets of the
 * document, or null when nothing but whitespace is selected. A selection may
 * start or end outside the text (in the title, past the last block): it is
 * clipped to the blocks it covers.
 */
export function readSelection(article: HTMLElement, docId: string, blocks: Block[]): TextSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!article.contains(range.commonAncestorContainer)) return null;
  const covered = [...article.querySelectorAll<HTMLElement>('[data-block]')].filter((el) => range.intersectsNode(el));
  const firstEl = covered[0];
  const lastEl = covered.at(-1);
  const first = firstEl && blockOf(blocks, Number(firstEl.dataset['block']));
  const last = lastEl && blockOf(blocks, Number(lastEl.dataset['block']));
  if (!firstEl || !lastEl || !first || !last) return null;
  const from = firstEl.contains(range.startContainer) ? cleanOffset(firstEl, range.startContainer, range.startOffset, first.text.length) : 0;
  const to = lastEl.contains(range.endContainer) ? cleanOffset(lastEl, range.endContainer, range.endOffset, last.text.length) : last.text.length;
  const exact = shownText(blocks, first, from, last, to);
  if (!exact.trim()) return null;
  return { docId, start: cleanToOriginal(first, from), end: cleanToOriginal(last, to), exact: exact.trim() };
}

/**
 * The clean-text offset of a DOM point inside a block element: the offset of
 * the text run it falls in (data-offset) plus the characters before it in
 * that run. A point between runs counts as the start of the next run.
 */
function cleanOffset(blockEl: HTMLElement, node: Node, offset: number, length: number): number {
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

function shownText(blocks: Block[], first: Block, from: number, last: Block, to: number): string {
  if (first === last) return first.text.slice(from, to);
  const middle = blocks.slice(blocks.indexOf(first) + 1, blocks.indexOf(last)).map((b) => b.text);
  return [first.text.slice(from), ...middle, last.text.slice(0, to)].join('\n');
}
