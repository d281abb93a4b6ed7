import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Annotation, DocumentOpening, HighlightColor } from '../../../main/common/contract';
import { DEFAULT_SETTINGS, HIGHLIGHT_COLORS } from '../../../main/common/contract/values';
import { queries } from '../api/queries';
import { useCommands } from '../commands/registry';
import { useSettings } from '../theme/settings';
import type { BlockDecorations } from '../reader/decorations';
import { reveal } from '../reader/reveal';
import { AnnotationEditor, type EditorFocus } from './AnnotationEditor';
import { AnnotationPanel } from './AnnotationPanel';
import { createAnnotation, reattachAnnotation } from './changes';
import { ANNOTATIONS_ATTRIBUTE, highlightLayer } from './layer';
import { readSelection, useSelectionActions, type TextSelection } from './selection';
import { SelectionToolbar } from './SelectionToolbar';
import './annotations.css';

/** The editor's target: the highlights under a click (innermost first), which one is shown, and where the cursor goes. */
interface Editing {
  ids: string[];
  index: number;
  focus: EditorFocus;
}

/** What the reader needs from its annotations: the highlight layer, and the state the overlay and panel share. */
export interface ReaderAnnotationsState {
  list: UseQueryResult<Annotation[]>;
  layer: BlockDecorations;
  activeId: string | null;
  editing: Editing | null;
  setEditing: (editing: Editing | null) => void;
  flash: (id: string) => void;
}

const NO_ANNOTATIONS: Annotation[] = [];
const FLASH_MS = 1800;

/**
 * A document's annotations as the reader shows them (`doc.blocks`: those
 * loaded around the view). `?annotation=<id>` scrolls to one and marks it;
 * `show` brings a passage whose blocks are not loaded into view.
 */
export function useReaderAnnotations(doc: DocumentOpening, show: (start: number) => void): ReaderAnnotationsState {
  const list = useQuery(queries.annotations({ docId: doc.id }));
  const annotations = list.data ?? NO_ANNOTATIONS;
  const [editing, setEditing] = useState<Editing | null>(null);
  const [flashed, setFlashed] = useState<string | null>(null);
  const [params] = useSearchParams();
  const landing = params.get('annotation');
  const latest = useRef(annotations);
  latest.current = annotations;

  const flash = useCallback(
    (id: string) => {
      const element = document.querySelector<HTMLElement>(`[${ANNOTATIONS_ATTRIBUTE}~="${CSS.escape(id)}"]`);
      const anchor = latest.current.find((a) => a.id === id)?.anchor;
      if (element) reveal(element);
      else if (anchor?.status === 'anchored') show(anchor.start);
      setFlashed(id);
    },
    [show],
  );

  useEffect(() => {
    if (!flashed) return;
    const timer = setTimeout(() => setFlashed(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [flashed]);

  // Land on the annotation a link points at once the highlights are drawn.
  const ready = list.isSuccess;
  useEffect(() => {
    if (!landing || !ready) return;
    const frame = requestAnimationFrame(() => flash(landing));
    return () => cancelAnimationFrame(frame);
  }, [landing, ready, flash]);

  const activeId = editing ? (editing.ids[editing.index] ?? null) : flashed;
  const layer = useMemo(() => highlightLayer(annotations, doc.blocks, activeId), [annotations, doc.blocks, activeId]);
  return { list, layer, activeId, editing, setEditing, flash };
}

interface Props {
  state: ReaderAnnotationsState;
  doc: DocumentOpening;
  article: RefObject<HTMLElement | null>;
  /** In a pane of the split view, and the name of its notes panel (see AnnotationPanel). */
  pane?: { label: string };
}

/**
 * Everything annotations add to the reader: the toolbar over a selection,
 * the editor popover, the side panel, and the keys H (highlight), N (note),
 * T (tag) for the selection, with the toolbar's other actions ("Tag as
 * entity") as commands too. The colour H uses is the last one chosen, kept
 * in the settings.
 */
export function ReaderAnnotations({ state, doc, article, pane }: Props) {
  const { list, editing, setEditing, activeId, flash } = state;
  const annotations = list.data ?? NO_ANNOTATIONS;
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [reattaching, setReattaching] = useState<Annotation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { settings, update } = useSettings();
  // A copy of the settings cached by an older version may not have it yet.
  const lastColor = HIGHLIGHT_COLORS.includes(settings.highlightColor) ? settings.highlightColor : DEFAULT_SETTINGS.highlightColor;
  const extraActions = useSelectionActions();

  const current = useRef({ doc, selection });
  current.current = { doc, selection };
  const readNow = useCallback(() => (article.current ? readSelection(article.current, current.current.doc.id, current.current.doc.blocks) : null), [article]);

  const [claim, setClaim] = useState(0);
  const select = useCallback((next: TextSelection | null) => {
    setSelection(next);
    if (next) setClaim((n) => n + 1);
  }, []);
  useSelectionWatch(article, readNow, select, setEditing);

  // The passage just saved is deselected, unless the person has meanwhile selected another one.
  const done = useCallback(
    (target: TextSelection) => {
      const now = readNow();
      if (now && (now.start !== target.start || now.end !== target.end)) return;
      window.getSelection()?.removeAllRanges();
      setSelection(null);
    },
    [readNow],
  );

  const create = useCallback(
    async (color: HighlightColor, focus: EditorFocus | null) => {
      const target = readNow() ?? current.current.selection;
      if (!target) return;
      if (color !== lastColor) update({ highlightColor: color });
      try {
        const created = await createAnnotation({ docId: target.docId, start: target.start, end: target.end, color });
        done(target);
        setProblem(null);
        if (focus) setEditing({ ids: [created.id], index: 0, focus });
      } catch (error) {
        setProblem((error as Error).message);
      }
    },
    [readNow, done, setEditing, lastColor, update],
  );

  const attach = async () => {
    const target = readNow();
    if (!target || !reattaching) return;
    try {
      await reattachAnnotation(reattaching.id, { start: target.start, end: target.end });
      done(target);
      setReattaching(null);
      const id = reattaching.id;
      requestAnimationFrame(() => flash(id));
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  const hasSelection = () => readNow() !== null;
  useCommands(
    () => [
      { id: 'annotations.highlight', title: 'Highlight the selection', group: 'Annotations', enabled: hasSelection, run: () => create(lastColor, null) },
      { id: 'annotations.note', title: 'Add a note to the selection', group: 'Annotations', enabled: hasSelection, run: () => create(lastColor, 'note') },
      { id: 'annotations.tag', title: 'Tag the selection', group: 'Annotations', enabled: hasSelection, run: () => create(lastColor, 'tags') },
      ...extraActions.map((action) => ({
        id: `selection.${action.id}`,
        title: action.label,
        group: 'Annotations',
        enabled: hasSelection,
        run: () => {
          const target = readNow();
          if (target) action.run(target);
        },
      })),
    ],
    // Re-registered when a selection is made here, so that with two documents side by side the keys act on the one selected in.
    [create, lastColor, claim, extraActions],
  );

  const byId = (id: string) => annotations.find((a) => a.id === id);
  const edited = editing ? editing.ids.map(byId).filter((a): a is Annotation => a !== undefined) : [];
  const closeEditor = useCallback(() => setEditing(null), [setEditing]);
  const anchorOf = useCallback((id: string) => {
    const selector = `[${ANNOTATIONS_ATTRIBUTE}~="${CSS.escape(id)}"]`;
    const element = document.querySelector(selector) ?? document.getElementById(`annotation-item-${id}`);
    return element?.getClientRects()[0] ?? null;
  }, []);

  return (
    <>
      {selection && !editing && (
        <SelectionToolbar
          selection={selection}
          lastColor={lastColor}
          onHighlight={(color) => void create(color, null)}
          onNote={() => void create(lastColor, 'note')}
          onTag={() => void create(lastColor, 'tags')}
          reattach={reattaching ? { onAttach: () => void attach(), onCancel: () => setReattaching(null) } : null}
        />
      )}
      {editing && edited.length > 0 && (
        <AnnotationEditor
          annotations={edited}
          index={Math.min(editing.index, edited.length - 1)}
          onIndex={(index) => setEditing({ ...editing, index })}
          focus={editing.focus}
          anchor={anchorOf}
          onClose={closeEditor}
        />
      )}
      {problem && (
        <div className="annotation-problem" role="alert">
          <p>{problem}</p>
          <button type="button" onClick={() => setProblem(null)}>
            Dismiss
          </button>
        </div>
      )}
      <AnnotationPanel
        inPane={pane !== undefined}
        label={pane?.label}
        list={list}
        activeId={activeId}
        onOpen={(annotation) => {
          if (annotation.anchor.status === 'anchored') flash(annotation.id);
          setEditing({ ids: [annotation.id], index: 0, focus: 'note' });
        }}
        reattaching={reattaching}
        onReattach={(annotation) => {
          setEditing(null);
          setReattaching(annotation);
        }}
        onProblem={setProblem}
      />
    </>
  );
}

/**
 * Follows the reader's text selection (mouse or keyboard) to show the
 * toolbar, and clicks on highlights to open the editor.
 */
function useSelectionWatch(
  article: RefObject<HTMLElement | null>,
  readNow: () => TextSelection | null,
  setSelection: (selection: TextSelection | null) => void,
  setEditing: (editing: Editing | null) => void,
): void {
  useEffect(() => {
    const element = article.current;
    if (!element) return;
    // After the browser has updated the selection; a drag may end outside the text, so these listen on the document.
    const settle = () => setTimeout(() => setSelection(readNow()), 0);
    const onKeyUp = (event: KeyboardEvent) => {
      // The text itself has the focus when the keyboard selects in it (keyboard.tsx).
      if (event.target === element) settle();
      else if (event.key === 'Escape') setSelection(null);
      else if (event.shiftKey || event.key === 'Shift' || (event.key === 'a' && (event.ctrlKey || event.metaKey))) settle();
    };
    const onClick = (event: MouseEvent) => {
      if (!window.getSelection()?.isCollapsed) return;
      const run = (event.target as Element | null)?.closest<HTMLElement>(`[${ANNOTATIONS_ATTRIBUTE}]`);
      const ids = run?.getAttribute(ANNOTATIONS_ATTRIBUTE)?.split(' ').filter(Boolean);
      if (ids && ids.length > 0) setEditing({ ids, index: 0, focus: 'note' });
    };
    // A selection that collapses (a click elsewhere, Esc) takes the toolbar away.
    const onSelectionChange = () => {
      if (window.getSelection()?.isCollapsed) setSelection(null);
    };
    document.addEventListener('pointerup', settle);
    document.addEventListener('keyup', onKeyUp);
    element.addEventListener('click', onClick);
    document.addEventListener('selectionchange', onSelectionChange);
    return () => {
      document.removeEventListener('pointerup', settle);
      document.removeEventListener('keyup', onKeyUp);
      element.removeEventListener('click', onClick);
      document.removeEventListener('selectionchange', onSelectionChange);
    };
  }, [article, readNow, setSelection, setEditing]);
}
