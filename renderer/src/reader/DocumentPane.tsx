import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentMatch, DocumentView } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { formatDate, formatLength } from '../app/format';
import { sourceOf } from '../../../main/common/document-details';
import { useCommands } from '../commands/registry';
import { BlockView } from './BlockView';
import { VirtualBlocks } from './VirtualBlocks';
import type { Decoration } from './segments';
import { mergeDecorations, type BlockDecorations } from './decorations';
import { FindBar } from './FindBar';
import { ExportButton } from '../io/ExportButton';
import { ReaderAnnotations, useReaderAnnotations } from '../annotations/ReaderAnnotations';
import { ReaderEntities, useReaderMentions } from '../entities/ReaderEntities';
import { DocumentTags } from '../tags/DocumentTags';
import { FONTS, MEASURES, useReaderSettings } from './settings';
import '../split/split.css';

const NO_DECORATIONS: Decoration[] = [];
const NO_MATCHES: DocumentMatch[] = [];
const FLASH_MS = 1600;

/** A block to bring into view: `seq` makes the same block a new request; `flash` marks it for a moment. */
export interface PaneTarget {
  block: number;
  flash: boolean;
  seq: number;
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
  onLoaded?: (doc: DocumentView) => void;
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
  return <Pane {...props} doc={doc.data} />;
}

/** The find bar's state: open or not, what it finds and which match is shown. */
function useFind(doc: DocumentView, searchQuery: string) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [index, setIndex] = useState(0);
  const query = open ? text : searchQuery;
  const found = useQuery({ ...queries.find(doc.id, query), enabled: query.trim() !== '' });
  const matches = query.trim() ? (found.data ?? null) : NO_MATCHES;
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

function Pane({ doc, paneId = '', query = '', target = null, active = true, onParagraph, actions }: DocumentPaneProps & { doc: DocumentView }) {
  const [settings] = useReaderSettings();
  const [flash, setFlash] = useState<number | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const article = useRef<HTMLElement>(null);
  const prefix = paneId ? `${paneId}-` : '';
  const find = useFind(doc, query);
  const annotations = useReaderAnnotations(doc);
  const mentions = useReaderMentions(doc);
  const searchLayer = find.layer;
  const layers = useMemo(() => mergeDecorations(searchLayer, annotations.layer, mentions.layer), [searchLayer, annotations.layer, mentions.layer]);

  useCommands(() => (active ? [{ id: 'reader.find', title: 'Find in the document', group: 'Edit', shortcuts: ['Mod+F'], run: find.show }] : []), [active, find.show]);
  useParagraphPick(article, onParagraph);

  useEffect(() => {
    if (target === null) return;
    root.current?.querySelector(`[data-block="${target.block}"]`)?.scrollIntoView({ block: target.flash ? 'center' : 'start' });
    if (!target.flash) return;
    setFlash(target.block);
    const timer = setTimeout(() => setFlash(null), FLASH_MS);
    return () => clearTimeout(timer);
  }, [doc.id, target]);

  // The match the find bar moved to comes into view.
  useEffect(() => {
    if (find.open) root.current?.querySelector('.find-current')?.scrollIntoView({ block: 'center' });
  }, [find.open, find.index, find.matches]);

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
        <FindBar query={find.text} onQuery={find.setText} matches={find.matches} current={find.index} onCurrent={find.setIndex} onClose={find.close} error={find.error} />
      )}
      <div className="reader-body">
        <article
          ref={article}
          className="reader-text"
          aria-labelledby={`${prefix}doc-title`}
          style={{ ['--reader-font' as string]: FONTS[settings.font], ['--reader-size' as string]: `${settings.fontSize}px`, ['--reader-measure' as string]: MEASURES[settings.measure], ['--reader-leading' as string]: String(settings.lineHeight) }}
        >
          <header className="doc-header">
            <h1 id={`${prefix}doc-title`}>{doc.title}</h1>
            <p className="doc-meta">{[formatDate(doc.date), formatLength(doc.words), sourceOf(doc)].join(' · ')}</p>
            <DocumentTags docId={doc.id} />
            <div className="doc-actions">
              <ExportButton />
              {actions}
            </div>
          </header>
          <VirtualBlocks
            blocks={doc.blocks}
            keep={[target?.block, find.open ? find.matches?.[find.index]?.block : null, mentions.block]}
            render={(block) => <BlockView key={block.index} block={block} idPrefix={prefix} decorations={layers.get(block.index) ?? NO_DECORATIONS} flash={flash === block.index} />}
          />
        </article>
        <ReaderAnnotations state={annotations} doc={doc} article={article} />
        <ReaderEntities article={article} doc={doc} mentions={mentions} />
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
