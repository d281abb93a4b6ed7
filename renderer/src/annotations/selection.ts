import { useSyncExternalStore } from 'react';
import type { Block } from '../../../main/common/contract';
import { cleanOffsetAt, textBetween } from '../reader/caret';
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
 * that provides it is mounted; the toolbar shows it after its own buttons,
 * and it is a command too (`selection.<id>`: in the palette, with the key
 * KEYMAP gives that id):
 *
 * ```ts
 * useEffect(() => registerSelectionAction({ id: 'entity.tag', label: 'Tag as entity', run: (s) => openEntityDialog(s) }), []);
 * ```
 */
export interface SelectionAction {
  id: string;
  label: string;
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
  const from = firstEl.contains(range.startContainer) ? cleanOffsetAt(firstEl, range.startContainer, range.startOffset, first.text.length) : 0;
  const to = lastEl.contains(range.endContainer) ? cleanOffsetAt(lastEl, range.endContainer, range.endOffset, last.text.length) : last.text.length;
  const exact = textBetween(blocks, [{ block: first.index, offset: from }, { block: last.index, offset: to }]);
  if (!exact.trim()) return null;
  return { docId, start: cleanToOriginal(first, from, 'start'), end: cleanToOriginal(last, to), exact: exact.trim() };
}
