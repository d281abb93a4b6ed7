import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentMatch, DocumentOpening } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { queryClient } from '../api/cache';
import { formatDate, formatLength } from '../app/format';
import { sourceOf } from '../../../main/common/document-details';
import { documentOpening, documentShown } from '../app/session';
import { useCommands } from '../commands/registry';
import { BlockView } from './BlockView';
import { VirtualBlocks, type BlockGoal } from './VirtualBlocks';
import { runsFor, useDocumentBlocks, type Runs } from './documentBlocks';
import type { Goal, Slice } from './scroller';
import type { Decoration } from './segments';
import { mergeDecorations, type BlockDecorations } from './decorations';
import { FindBar, findQuery, wholeMatches } from './FindBar';
import { reveal } from './reveal';
import { ExportButton } from '../io/ExportButton';
import { ReaderAnnotations, useReaderAnnotations } from '../annotations/ReaderAnnotations';
import { useReadingCursor } from '../annotations/keyboard';
import { ReaderEntities, useReaderMentions } from '../entities/ReaderEntities';
import { DocumentTags } from '../tags/DocumentTags';
import { FONTS, MEASURES, useReaderSettings } from './settings';
import '../split/split.css';

const NO_DECORATIONS: Decoration[] = [];
const NO_MATCHES: DocumentMatch[] = [];

/** A block to bring into view: a new object is a new request; `flash` centres it and marks it until the reader moves on. */
export interface PaneTarget {
  block: number;
  flash: boolean;
}

export interface DocumentPaneProps {
  docId: string;
  /** Scopes the pane's element ids ("left" gives left-block-3, left-doc-title); empty in the single reader. */
  paneId?: string;
  /** Words to highlight, from a search (`?q=`), until the find bar is used. */
  query?: string;
  target?: PaneTarget | null;
  /** Whether Ctrl/Cmd+F from outside any pane finds in this one (the single reader, the focused pane). */
  active?: boolean;
  /** Called with the paragraph a person clicks or selects text in. */
  onParagraph?: (block: number) => void;
  /** More buttons beside "Export notes…" in the document's header. */
  actions?: ReactNode;
  /** Called once the document is shown (its title, for the pane's label). */
  onLoaded?: (doc: DocumentOpening) => void;
  /** The block at the top of the view, once the person has scrolled. */
  onTopBlock?: (block: number) => void;
}

/** Search or find matches grouped by block, as decorations; the current one marked. */
function matchDecorations(matches: readonly DocumentMatch[], current: number | null): BlockDecorations {
  const byBlock: BlockDecorations = new Map();
  matches.forEach((m, i) => {
    const list = byBlock.get(m.block) ?? [];
    list.push({ from: m.from, to: m.to, className: i === current ? 'search-match find-current' : 'search-match' });
    byBlock.set(m.block, list);
  });
  return byBlock;
}

/**
 * One document as the reader shows it: its header, its blocks with search,
 * highlight and mention decorations, the annotation toolbar and panel, and
 * a find bar (Ctrl/Cmd+F). The single reader shows one; the split view two.
 */
export function DocumentPane(props: DocumentPaneProps) {
  const { docId, onLoaded } = props;
  const doc = useQuery(queries.document(docId));
  const loaded = doc.data;
  // Marked before any effect of the drawn document can clear it (layout effects all run first).
  useLayoutEffect(() => {
    documentOpening(docId);
    return () => documentShown(docId);
  }, [docId]);
  useEffect(() => {
    if (loaded) onLoaded?.(loaded);
  }, [loaded, onLoaded]);

  if (doc.isPending) return <p className="loading">Opening the document…</p>;
  if (doc.isError) {
    return (
      <section className="empty-state">
        <h1>This document cannot be opened</h1>
        <p role="alert">{doc.error.message}</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }
  return <Pane key={doc.data.blockCount} {...props} doc={doc.data} />;
}

/** The find bar's state: open or not, what it finds (in the whole document, by the core) and which match is shown. */
function useFind(doc: DocumentOpening, searchQuery: string) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const query = open ? findQuery(text) : searchQuery;
  const found = useQuery({ ...queries.find(doc.id, query), enabled: query.trim() !== '' });
  const answered = found.data;
  const matches = useMemo(() => {
    if (!query.trim()) return NO_MATCHES;
    if (!answered) return null;
    return open ? wholeMatches(answered, doc.blocks, text) : answered;
  }, [query, answered, open, doc.blocks, text]);
  const show = useCallback(() => setOpen(true), []);
  const close = useCallback(() => setOpen(false), []);
  return {
    open,
    text,
    index,
    matches,
    error: found.error?.message ?? null,
    layer: matchDecorations(matches ?? NO_MATCHES, open ? index : null),
    show,
    close,
    setText: (value: string) => {
      setText(value);
      setIndex(0);
    },
    setIndex,
  };
}

/** Goals for the list: each call a new one. */
function useGoals(initial: BlockGoal | null): [BlockGoal | null, (goal: Goal) => void] {
  const [goal, setGoal] = useState(initial);
  const go = useCallback((next: Goal) => setGoal((current) => ({ ...next, seq: (current?.seq ?? 0) + 1 })), []);
  return [goal, go];
}

const sameWords = (a: string, b: string): boolean => a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();

/** A block's height before any is drawn: about 75 characters a line of 29 px, and the gap after it. */
const guessHeight = (doc: DocumentOpening): number => (doc.blockCount > 0 ? Math.min(2000, (doc.length / doc.blockCount) * 0.42 + 22) : 40);

function Pane({ doc, paneId = '', query = '', target = null, active = true, onParagraph, onTopBlock, actions }: DocumentPaneProps & { doc: DocumentOpening }) {
  const [settings] = useReaderSettings();
  const root = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const prefix = paneId ? `${paneId}-` : '';
  // Only a change of the runs of blocks needed renders the pane again, not every slice the list moves to.
  const [runs, setRuns] = useState<Runs>(() => runsFor({ from: 0, to: doc.blocks.length }, doc.blockCount));
  const onSlice = useCallback(
    (slice: Slice) => setRuns((now) => {
      const next = runsFor(slice, doc.blockCount);
      return next.first === now.first && next.last === now.last ? now : next;
    }),
    [doc.blockCount],
  );
  const reading = useDocumentBlocks(doc, runs);
  const [goal, go] = useGoals(target ? { index: target.block, align: target.flash ? 'center' : 'start', seq: 0 } : null);
  const [flash, setFlash] = useState<number | null>(target?.flash ? target.block : null);
  const find = useFind(reading, query);
  const showOffset = useCallback(
    (offset: number) => void queryClient.fetchQuery(queries.blockAt(doc.id, offset)).then((index) => go({ index, align: 'center' })),
    [doc.id, go],
  );
  const annotations = useReaderAnnotations(reading, showOffset);
  const mentions = useReaderMentions(reading);
  const searchLayer = find.layer;
  const layers = useMemo(() => mergeDecorations(searchLayer, annotations.layer, mentions.layer), [searchLayer, annotations.layer, mentions.layer]);
  const cursor = useReadingCursor({ doc: reading, article, layers, annotations, bringIntoView: go, reach: showOffset });

  useCommands(() => (active ? [{ id: 'reader.find', title: 'Find in the document', group: 'Edit', shortcuts: ['Mod+F'], run: find.show }] : []), [active, find.show]);
  useParagraphPick(article, onParagraph);
  useEffect(() => documentShown(doc.id), [doc.id]);

  // A new target (another hit, a related passage) is a new goal; the first one was the list's start.
  const firstTarget = useRef(target);
  useEffect(() => {
    if (target === firstTarget.current || target === null) return;
    go({ index: target.block, align: target.flash ? 'center' : 'start' });
    setFlash(target.flash ? target.block : null);
  }, [target, go]);

  // The match the find bar moved to comes into view, then within its block if the block is taller than the view.
  const current = find.open ? find.matches?.[find.index] : undefined;
  const revealing = useRef(false);
  useEffect(() => {
    if (!current) return;
    go({ index: current.block, align: 'center' });
    revealing.current = true;
  }, [current, go]);
  useEffect(() => {
    const mark = revealing.current ? root.current?.querySelector<HTMLElement>('.find-current') : null;
    if (!mark) return;
    revealing.current = false;
    reveal(mark);
  });

  const onView = useCallback(
    (first: number, last: number, moved: boolean) => {
      if (!moved) return;
      revealing.current = false;
      onTopBlock?.(first);
      setFlash((block) => (block !== null && (block < first || block > last) ? null : block));
    },
    [onTopBlock],
  );

  return (
    <div
      ref={root}
      className="document-pane"
      onKeyDown={(event) => {
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
          event.preventDefault();
          find.show();
        }
      }}
    >
      {find.open && (
        <FindBar query={find.text} onQuery={find.setText} matches={find.matches} current={find.index} onCurrent={find.setIndex} onClose={() => { cursor.place(find.matches?.[find.index]); find.close(); }} error={find.error} />
      )}
      <div className="reader-body">
        <article
          ref={article}
          className="reader-text"
          aria-labelledby={`${prefix}doc-title`}
          {...cursor.textProps}
          style={{ ['--reader-font' as string]: FONTS[settings.font], ['--reader-size' as string]: `${settings.fontSize}px`, ['--reader-measure' as string]: MEASURES[settings.measure], ['--reader-leading' as string]: String(settings.lineHeight) }}
        >
          <header className="doc-header">
            <h1 id={`${prefix}doc-title`}>{doc.title}</h1>
            <p className="doc-meta">{[doc.byline, formatDate(doc.date), formatLength(doc.words), sourceOf(doc)].filter(Boolean).join(' · ')}</p>
            <DocumentTags docId={doc.id} />
            <div className="doc-actions">
              <ExportButton />
              {actions}
            </div>
          </header>
          <VirtualBlocks
            count={doc.blockCount}
            blocks={reading.blocks}
            guess={guessHeight(doc)}
            goal={goal}
            onSlice={onSlice}
            onView={onView}
            render={(block) => {
              const view = <BlockView key={block.index} block={block} idPrefix={prefix} decorations={layers.get(block.index) ?? NO_DECORATIONS} flash={flash === block.index} />;
              // The text's own first line, when it is the title the header shows, is not shown twice.
              return block.index === 0 && sameWords(block.text, doc.title) ? <div key={0} className="title-line">{view}</div> : view;
            }}
          />
        </article>
        <ReaderAnnotations state={annotations} doc={reading} article={article} pane={paneId ? { label: `Notes on the ${paneId} document` } : undefined} />
        {cursor.status}
        <ReaderEntities article={article} doc={reading} mentions={mentions} />
      </div>
    </div>
  );
}

/** Tells `onParagraph` which paragraph a click, or a text selection made with the mouse or the keyboard, lands in. */
function useParagraphPick(article: RefObject<HTMLElement | null>, onParagraph: ((block: number) => void) | undefined): void {
  useEffect(() => {
    const element = article.current;
    if (!element || !onParagraph) return;
    const report = (node: Node | null) => {
      const start = node instanceof Element ? node : node?.parentElement;
      const block = start?.closest<HTMLElement>('[data-block]');
      if (block && element.contains(block)) onParagraph(Number(block.dataset['block']));
    };
    const onClick = (event: MouseEvent) => {
      if (window.getSelection()?.isCollapsed) report(event.target as Node);
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onSelection = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const selection = window.getSelection();
        if (selection && !selection.isCollapsed && element.contains(selection.focusNode)) report(selection.focusNode);
      }, 200);
    };
    element.addEventListener('click', onClick);
    document.addEventListener('selectionchange', onSelection);
    return () => {
      clearTimeout(timer);
      element.removeEventListener('click', onClick);
      document.removeEventListener('selectionchange', onSelection);
    };
  }, [article, onParagraph]);
}
