import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Annotation, HighlightColor } from '../../../main/common/contract';
import { HIGHLIGHT_COLORS, MAX_NOTE_CHARS, tagProblem } from '../../../main/common/contract/values';
import { queries } from '../api/queries';
import { updateAnnotation } from './changes';
import { useAnchored } from './anchored';
import { colorName, deleteWithUndo, formatWhen, quoteOf } from './model';

export type EditorFocus = 'note' | 'tags';

interface Props {
  /** The highlights under the place clicked, innermost first; usually one. */
  annotations: Annotation[];
  index: number;
  onIndex: (index: number) => void;
  focus: EditorFocus;
  /** Where the edited highlight is on screen now (or its entry in the panel, for an orphan). */
  anchor: (id: string) => DOMRect | null;
  onClose: () => void;
}

const SAVE_AFTER_MS = 300;

/**
 * The popover that edits one highlight: colour, note (saved as you type),
 * tags, delete. When highlights overlap where it was opened, it steps
 * between them. Esc or a click elsewhere closes it; nothing typed is lost.
 */
export function AnnotationEditor({ annotations, index, onIndex, focus, anchor, onClose }: Props) {
  const annotation = annotations[index] ?? annotations[0];
  const id = annotation?.id;
  const anchorNow = useCallback(() => (id ? anchor(id) : null), [anchor, id]);
  const { box, setBox, style, placed } = useAnchored(anchorNow, 'bottom');

  // The fields cannot take focus while the editor is still hidden, waiting for its place.
  useEffect(() => {
    if (placed) box.current?.querySelector<HTMLElement>(focus === 'tags' ? '.ae-tags input' : '.ae-note textarea')?.focus({ preventScroll: true });
  }, [box, placed, focus]);

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      // A click on another highlight re-targets the editor; anywhere else closes it.
      if (box.current?.contains(target) || target?.closest('[data-annotations], [data-annotation-item]')) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      // Focus that was in the editor goes back where it came from; focus the person moved elsewhere stays there.
      const lost = !document.activeElement || document.activeElement === document.body;
      if (lost && opener?.isConnected) opener.focus({ preventScroll: true });
    };
  }, [box, onClose]);

  if (!annotation) return null;
  return (
    <div
      ref={setBox}
      role="dialog"
      aria-label={annotation.note.trim() ? 'Edit note' : 'Edit highlight'}
      className="annotation-editor"
      style={style}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      {annotations.length > 1 && (
        <div className="ae-switch" role="group" aria-label="Overlapping highlights">
          <button type="button" onClick={() => onIndex((index + annotations.length - 1) % annotations.length)} aria-label="Previous overlapping highlight">
            ‹
          </button>
          <span>
            Highlight {index + 1} of {annotations.length} here
          </span>
          <button type="button" onClick={() => onIndex((index + 1) % annotations.length)} aria-label="Next overlapping highlight">
            ›
          </button>
        </div>
      )}
      <AnnotationForm key={annotation.id} annotation={annotation} onClose={onClose} />
    </div>
  );
}

interface FormProps {
  annotation: Annotation;
  onClose: () => void;
  /** The close button's words; "×" (named Close) by default. */
  closeLabel?: string;
}

/** Everything about one highlight that can be changed: colour, note (saved as typed), tags; and Delete. The editor popover and the Notes view both show it. */
export function AnnotationForm({ annotation, onClose, closeLabel }: FormProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (change: () => Promise<unknown>) => {
    try {
      await change();
      setProblem(null);
      return true;
    } catch (error) {
      setProblem((error as Error).message);
      return false;
    }
  };
  return (
    <>
      <div className="ae-head">
        <ColorPicker color={annotation.color} onPick={(color) => void run(() => updateAnnotation(annotation.id, { color }))} />
        {closeLabel ? (
          <button type="button" className="ae-done" onClick={onClose}>
            {closeLabel}
          </button>
        ) : (
          <button type="button" className="ae-close" onClick={onClose} aria-label="Close">
            ×
          </button>
        )}
      </div>
      <blockquote className={`ae-quote hl-edge-${annotation.color}`}>{quoteOf(annotation)}</blockquote>
      {annotation.anchor.status === 'orphaned' && (
        <p className="ae-orphan">This passage is no longer in the document’s text. Re-attach the note from the side panel, or delete it.</p>
      )}
      <NoteField annotation={annotation} />
      <TagField annotation={annotation} run={run} />
      {problem && (
        <p className="ae-error" role="alert">
          {problem}
        </p>
      )}
      <div className="ae-foot">
        <span className="ae-date">
          {annotation.modified === annotation.created ? 'Created' : 'Edited'} {formatWhen(annotation.modified)}
        </span>
        <button
          type="button"
          className="ae-delete"
          onClick={async () => {
            if (await run(() => deleteWithUndo(annotation))) onClose();
          }}
        >
          Delete
        </button>
      </div>
    </>
  );
}

function ColorPicker({ color, onPick }: { color: HighlightColor; onPick: (color: HighlightColor) => void }) {
  return (
    <div className="ae-colors" role="radiogroup" aria-label="Colour">
      {HIGHLIGHT_COLORS.map((c) => (
        <button
          key={c}
          type="button"
          role="radio"
          aria-checked={c === color}
          aria-label={colorName(c)}
          title={colorName(c)}
          className={`swatch swatch-${c}`}
          onClick={() => c !== color && onPick(c)}
        />
      ))}
    </div>
  );
}

type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string };

/** The note, saved shortly after typing stops and when the editor closes. */
function NoteField({ annotation }: { annotation: Annotation }) {
  const fieldId = useId();
  const [draft, setDraft] = useState(annotation.note);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const saved = useRef(annotation.note);
  const latest = useRef(draft);
  latest.current = draft;
  const mounted = useRef(true);

  const save = useCallback(async () => {
    const text = latest.current;
    if (text === saved.current) return;
    if (mounted.current) setState({ kind: 'saving' });
    try {
      await updateAnnotation(annotation.id, { note: text });
      saved.current = text;
      if (mounted.current) setState({ kind: 'saved' });
    } catch (error) {
      if (mounted.current) setState({ kind: 'error', message: (error as Error).message });
    }
  }, [annotation.id]);

  useEffect(() => {
    if (draft === saved.current) return;
    const timer = setTimeout(() => void save(), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [draft, save]);

  // Closing the editor, switching highlight or leaving the page saves what was typed.
  useEffect(() => {
    mounted.current = true;
    const onHide = () => void save();
    window.addEventListener('pagehide', onHide);
    return () => {
      mounted.current = false;
      window.removeEventListener('pagehide', onHide);
      void save();
    };
  }, [save]);

  const over = draft.length > MAX_NOTE_CHARS;
  return (
    <div className="ae-note">
      <label htmlFor={fieldId} className="ae-label">
        Note
      </label>
      <textarea
        id={fieldId}
        value={draft}
        rows={Math.min(10, Math.max(3, draft.split('\n').length + 1))}
        placeholder="Write a note…"
        aria-describedby={`${fieldId}-hint`}
        aria-invalid={over || state.kind === 'error'}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void save()}
      />
      <div className="ae-note-foot">
        <span id={`${fieldId}-hint`} className="ae-hint">
          **bold**, *italics*, [link](https://…), - lists
        </span>
        <span className={`ae-status${over ? ' ae-status-over' : ''}`} aria-live="polite">
          {draft.length > MAX_NOTE_CHARS * 0.9 && `${draft.length.toLocaleString('en')} / ${MAX_NOTE_CHARS.toLocaleString('en')} · `}
          {state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      {state.kind === 'error' && (
        <p className="ae-error" role="alert">
          {state.message} Your text is still here; nothing was saved.
        </p>
      )}
    </div>
  );
}

interface TagFieldProps {
  annotation: Annotation;
  run: (change: () => Promise<unknown>) => Promise<boolean>;
}

/**
 * The tags as chips, and a field that adds one on Enter or comma. A tag that
 * cannot be one is refused in the field, saying why, before anything is sent.
 */
function TagField({ annotation, run }: TagFieldProps) {
  const [text, setText] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);
  const listId = useId();
  const refusalId = useId();
  const known = useQuery(queries.tags()).data ?? [];

  const add = async () => {
    const tag = text.trim().replace(/^#/, '');
    if (!tag) return;
    const problem = tagProblem(tag);
    setRefusal(problem);
    if (problem) return;
    if (annotation.tags.includes(tag) || (await run(() => updateAnnotation(annotation.id, { tags: [...annotation.tags, tag] })))) setText('');
  };
  return (
    <div className="ae-tags">
      <ul className="tag-list" aria-label="Tags">
        {annotation.tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            <button
              type="button"
              aria-label={`Remove tag ${tag}`}
              onClick={() => void run(() => updateAnnotation(annotation.id, { tags: annotation.tags.filter((t) => t !== tag) }))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        type="text"
        aria-label="Add a tag"
        placeholder={annotation.tags.length === 0 ? 'Add a tag, e.g. operators/china' : 'Add a tag'}
        value={text}
        list={listId}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={refusal !== null}
        aria-describedby={refusal ? refusalId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setRefusal(null);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === ',') {
            event.preventDefault();
            void add();
          }
        }}
      />
      {refusal && (
        <p id={refusalId} className="ae-error" role="alert">
          {refusal}
        </p>
      )}
      <datalist id={listId}>
        {known
          .filter((t) => !annotation.tags.includes(t.tag))
          .map((t) => (
            <option key={t.tag} value={t.tag} />
          ))}
      </datalist>
    </div>
  );
}
