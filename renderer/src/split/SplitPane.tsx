import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentOpening } from '../../../main/common/contract';
import { DocumentPane, type PaneTarget } from '../reader/DocumentPane';
import { DocumentChoice, DocumentPickerDialog } from './DocumentPicker';
import { RelatedStrip } from './RelatedStrip';
import type { Side } from './routes';

interface Props {
  side: Side;
  /** Null: the pane asks which document to open. */
  docId: string | null;
  /** The left document's title, for the empty pane's question. */
  besideTitle: string;
  /** Documents already open, not offered again. */
  exclude: string[];
  /** The block to open at (from the address). */
  initialBlock: number | null;
  /** The pane Ctrl/Cmd+F finds in when the focus is outside both. */
  active: boolean;
  onActive: () => void;
  /** The paragraph of the other pane to list related passages for. */
  related: { docId: string; block: number; title: string } | null;
  onCloseRelated: () => void;
  onParagraph: (side: Side, block: number) => void;
  onTopBlock: (side: Side, block: number) => void;
  onLoaded: (doc: DocumentOpening) => void;
  onReplace: (docId: string) => void;
  onClose: () => void;
}

const SCROLL_SETTLE_MS = 300;

const LABEL: Record<Side, string> = { left: 'Left document', right: 'Right document' };

/** One side of the split view: its controls, the related passages, and the document scrolling on its own. */
export function SplitPane(props: Props) {
  const { side, docId, initialBlock, active, onActive, related, onTopBlock, onLoaded, onParagraph } = props;
  const [title, setTitle] = useState('');
  const [picking, setPicking] = useState(false);
  // Opened at the address's block once; later changes of the address come from this pane's own scrolling.
  const [target, setTarget] = useState<PaneTarget | null>(() => (initialBlock ? { block: initialBlock, flash: false } : null));
  // The address follows the pane once its scrolling pauses.
  const settle = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(settle.current), []);
  const topBlock = useCallback(
    (block: number) => {
      clearTimeout(settle.current);
      settle.current = setTimeout(() => onTopBlock(side, block), SCROLL_SETTLE_MS);
    },
    [side, onTopBlock],
  );

  const pick = useCallback((block: number) => onParagraph(side, block), [side, onParagraph]);
  const loaded = useCallback(
    (doc: DocumentOpening) => {
      setTitle(doc.title);
      onLoaded(doc);
    },
    [onLoaded],
  );
  const name = docId ? `${LABEL[side]}: ${title}` : LABEL[side];
  return (
    <section className="split-pane" data-side={side} aria-label={name} onFocusCapture={onActive} onPointerDownCapture={onActive} data-active={active || undefined}>
      <div className="pane-bar" role="toolbar" aria-label={`${LABEL[side]} controls`}>
        <span className="pane-title" title={title}>
          {docId ? title : 'Choose a document'}
        </span>
        {docId && (
          <button type="button" onClick={() => setPicking(true)}>
            Replace…
          </button>
        )}
        <button type="button" onClick={props.onClose} aria-label={`Close the ${side} document`}>
          Close
        </button>
      </div>
      {related && docId && (
        <RelatedStrip source={related} docId={docId} onGo={(block) => setTarget({ block, flash: true })} onClose={props.onCloseRelated} />
      )}
      <div className="pane-scroller" tabIndex={-1}>
        {docId ? (
          <DocumentPane
            docId={docId}
            paneId={side}
            target={target}
            active={active}
            onParagraph={pick}
            onLoaded={loaded}
            onTopBlock={topBlock}
          />
        ) : (
          <div className="pane-empty">
            <h2>Read a document beside “{props.besideTitle}”</h2>
            <DocumentChoice exclude={props.exclude} onPick={props.onReplace} label="Documents to open beside" />
          </div>
        )}
      </div>
      {picking && (
        <DocumentPickerDialog
          title={`Open in place of “${title}”`}
          exclude={props.exclude}
          onClose={() => setPicking(false)}
          onPick={(other) => {
            setPicking(false);
            props.onReplace(other);
          }}
        />
      )}
    </section>
  );
}
