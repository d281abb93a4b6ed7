import type { HighlightColor } from '../../../main/common/contract';
import { HIGHLIGHT_COLORS } from '../../../main/common/contract/values';
import { shortcutLabel } from '../commands/keymap';
import { useAnchored } from './anchored';
import { colorName } from './model';
import { useSelectionActions, type TextSelection } from './selection';

interface Props {
  selection: TextSelection;
  /** The colour H uses: the last one chosen. */
  lastColor: HighlightColor;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onTag: () => void;
  /** Set while an orphaned note waits for its new passage: the toolbar then only offers that. */
  reattach: { onAttach: () => void; onCancel: () => void } | null;
}

/** Where the window's selection is now. */
function selectionRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const rects = selection.getRangeAt(0).getClientRects();
  return rects[0] ?? null;
}

/**
 * The small bar over a selection: highlight in one of five colours, add a
 * note or a tag, plus what other features registered (registerSelectionAction).
 * Pressing a button keeps the selection (mousedown does not take focus).
 */
export function SelectionToolbar({ selection, lastColor, onHighlight, onNote, onTag, reattach }: Props) {
  const { setBox, style } = useAnchored(selectionRect, 'top');
  const extra = useSelectionActions();
  const keys = (id: string) => {
    const label = shortcutLabel(id);
    return label ? ` (${label})` : '';
  };

  return (
    <div
      ref={setBox}
      role="toolbar"
      aria-label={reattach ? 'Re-attach the note' : 'Annotate the selection'}
      className="selection-toolbar"
      style={style}
      onMouseDown={(event) => event.preventDefault()}
    >
      {reattach ? (
        <>
          <button type="button" className="st-text st-primary" onClick={reattach.onAttach}>
            Attach note here
          </button>
          <button type="button" className="st-text" onClick={reattach.onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              className={`swatch swatch-${color}${color === lastColor ? ' swatch-default' : ''}`}
              aria-label={`Highlight ${colorName(color).toLowerCase()}`}
              title={`Highlight ${colorName(color).toLowerCase()}${color === lastColor ? keys('annotations.highlight') : ''}`}
              onClick={() => onHighlight(color)}
            />
          ))}
          <span className="st-sep" aria-hidden="true" />
          <button type="button" className="st-text" onClick={onNote} title={`Add a note${keys('annotations.note')}`}>
            Note
          </button>
          <button type="button" className="st-text" onClick={onTag} title={`Add a tag${keys('annotations.tag')}`}>
            Tag
          </button>
          {extra.map((action) => (
            <button key={action.id} type="button" className="st-text" onClick={() => action.run(selection)} title={`${action.label}${keys(`selection.${action.id}`)}`}>
              {action.label}
            </button>
          ))}
        </>
      )}
    </div>
  );
}
