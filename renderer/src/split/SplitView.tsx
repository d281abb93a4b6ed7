import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { DocumentOpening } from '../../../main/common/contract';
import { useCommands } from '../commands/registry';
import { ReaderToolbar } from '../reader/ReaderToolbar';
import { useReaderSettings } from '../reader/settings';
import { CompareStrip } from './CompareStrip';
import { Divider, useSplitRatio, useStacked } from './Divider';
import { readBlock, SIDES, splitPath, type Side, type SplitState } from './routes';
import { SplitPane } from './SplitPane';
import './split.css';

/** A paragraph picked in one pane: the other pane lists what relates to it. */
interface Picked {
  side: Side;
  block: number;
}

/**
 * `#/split/<left>/<right>?l=<block>&r=<block>`: two documents side by side,
 * each scrolling, finding and annotating on its own, with the passages of
 * one related to the paragraph picked in the other and the entities they share.
 */
export function SplitView() {
  const { left = '', right } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const stacked = useStacked();
  const [ratio, setRatio] = useSplitRatio();
  const [settings, update] = useReaderSettings();
  const [active, setActive] = useState<Side>('left');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [focusedEntity, setFocusedEntity] = useState<string | null>(null);
  const [showCompare, setShowCompare] = useState(true);
  const [titles, setTitles] = useState<Record<string, string>>({});
  const panes = useRef<HTMLDivElement>(null);
  useFocusStyles(focusedEntity, picked);

  const state: SplitState = useMemo(
    () => ({ left, right: right ?? null, blocks: { left: readBlock(params.get('l')), right: readBlock(params.get('r')) } }),
    [left, right, params],
  );
  const docOf = (side: Side) => (side === 'left' ? state.left : state.right);

  const go = (next: SplitState) => void navigate(splitPath(next));
  const swap = () => {
    if (state.right !== null) go({ left: state.right, right: state.left, blocks: { left: state.blocks.right, right: state.blocks.left } });
  };
  const close = (side: Side) => {
    const keep: Side = side === 'left' ? 'right' : 'left';
    const docId = docOf(keep);
    const block = state.blocks[keep];
    if (docId === null) void navigate('/');
    else void navigate(`/doc/${docId}${block ? `?block=${block}` : ''}`);
  };
  const replace = (side: Side, docId: string) => {
    setPicked(null);
    go(side === 'left' ? { ...state, left: docId, blocks: { ...state.blocks, left: null } } : { ...state, right: docId, blocks: { ...state.blocks, right: null } });
  };
  // Scrolling changes where each pane is, not the history: the address follows with replace.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);
  const onTopBlock = useCallback(
    (side: Side, block: number) => {
      const now = latest.current;
      if (now.blocks[side] !== block) void navigate(splitPath({ ...now, blocks: { ...now.blocks, [side]: block } }), { replace: true });
    },
    [navigate],
  );
  const onParagraph = useCallback((side: Side, block: number) => setPicked({ side, block }), []);
  const onLoaded = useCallback((doc: DocumentOpening) => setTitles((now) => (now[doc.id] === doc.title ? now : { ...now, [doc.id]: doc.title })), []);

  useCommands(
    () => [
      { id: 'split.swap', title: 'Swap the two documents', group: 'View', keywords: ['side by side', 'split'], enabled: () => state.right !== null, run: swap },
      { id: 'split.close-left', title: 'Close the left document', group: 'View', keywords: ['side by side', 'split', 'pane'], run: () => close('left') },
      { id: 'split.close-right', title: 'Close the right document', group: 'View', keywords: ['side by side', 'split', 'pane'], run: () => close('right') },
    ],
    [state],
  );

  const both = state.right !== null && titles[state.left] !== undefined && titles[state.right] !== undefined;
  return (
    <div className={`split-view${stacked ? ' is-stacked' : ''}`}>
      <ReaderToolbar settings={settings} update={update}>
        <button type="button" onClick={swap} disabled={state.right === null}>
          Swap panes
        </button>
        <button type="button" aria-pressed={showCompare} onClick={() => setShowCompare(!showCompare)} disabled={state.right === null}>
          Compare entities
        </button>
      </ReaderToolbar>
      {showCompare && both && state.right !== null && (
        <CompareStrip
          left={{ docId: state.left, title: titles[state.left] ?? '' }}
          right={{ docId: state.right, title: titles[state.right] ?? '' }}
          focused={focusedEntity}
          onFocus={setFocusedEntity}
        />
      )}
      <div ref={panes} className="split-panes" style={{ ['--split-first' as string]: `${ratio}fr`, ['--split-second' as string]: `${1 - ratio}fr` }}>
        {SIDES.map((side) => {
          const source = picked && picked.side !== side ? picked : null;
          const sourceDoc = source ? docOf(source.side) : null;
          const pane = (
            <SplitPane
              key={`${side}:${docOf(side) ?? ''}`}
              side={side}
              docId={docOf(side)}
              besideTitle={titles[state.left] ?? ''}
              exclude={[state.left, state.right].filter((id): id is string => id !== null)}
              initialBlock={state.blocks[side]}
              active={active === side}
              onActive={() => setActive(side)}
              related={source && sourceDoc ? { docId: sourceDoc, block: source.block, title: titles[sourceDoc] ?? '' } : null}
              onCloseRelated={() => setPicked(null)}
              onParagraph={onParagraph}
              onTopBlock={onTopBlock}
              onLoaded={onLoaded}
              onReplace={(docId) => replace(side, docId)}
              onClose={() => close(side)}
            />
          );
          return side === 'left' ? [pane, <Divider key="divider" ratio={ratio} onRatio={setRatio} container={panes} stacked={stacked} />] : pane;
        })}
      </div>
    </div>
  );
}

/** The focus marks' style sheet: constructed, because the page's Content Security Policy allows no inline <style>. */
const focusSheet = new CSSStyleSheet();

/**
 * Marks what the strips point at, in both panes at once: the mentions of the
 * entity chosen in the compare strip, and the paragraph related passages are
 * listed for. Ids are letters, digits, _ and -, and escaped all the same.
 */
function useFocusStyles(entity: string | null, picked: Picked | null): void {
  useEffect(() => {
    const rules = [
      entity && `.split-panes [data-entity="${CSS.escape(entity)}"] { background: color-mix(in srgb, var(--mark) 75%, transparent); box-shadow: 0 0 0 1px var(--ink-3); border-radius: 2px; }`,
      picked && `.split-pane[data-side="${picked.side}"] [data-block="${picked.block}"] { box-shadow: -8px 0 0 -4px var(--accent); }`,
    ].filter(Boolean);
    focusSheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets.filter((s) => s !== focusSheet), focusSheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== focusSheet);
    };
  }, [entity, picked]);
}
