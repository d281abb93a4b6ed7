import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { DocumentMatch, DocumentView } from '../../../main/common/contract';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { formatDate, formatLength } from '../app/format';
import { BlockView } from './BlockView';
import type { Decoration } from './segments';
import { mergeDecorations, type BlockDecorations } from './decorations';
import { ReaderToolbar } from './ReaderToolbar';
import { MEASURES, useReaderSettings } from './settings';

const NO_DECORATIONS: Decoration[] = [];

/** Search matches grouped by block, as decorations. */
function matchDecorations(matches: DocumentMatch[]): BlockDecorations {
  const byBlock: BlockDecorations = new Map();
  for (const m of matches) {
    const list = byBlock.get(m.block) ?? [];
    list.push({ from: m.from, to: m.to, className: 'search-match' });
    byBlock.set(m.block, list);
  }
  return byBlock;
}

/** One document as clean paragraphs; `?q=` highlights a search and `?block=` scrolls to a passage. */
export function ReaderView() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const query = params.get('q') ?? '';
  const target = params.get('block');
  const [doc] = useApi(() => api.getDocument(id), [id]);
  const [matches] = useApi(() => (query ? api.findInDocument(id, query) : Promise.resolve([])), [id, query]);
  const searchLayer = useMemo(() => matchDecorations(matches.state === 'ready' ? matches.value : []), [matches]);
  const decorations = useMemo(() => mergeDecorations(searchLayer), [searchLayer]);

  if (doc.state === 'loading') return <p className="loading">Opening the document…</p>;
  if (doc.state === 'error') {
    return (
      <section className="empty-state">
        <h1>This document cannot be opened</h1>
        <p role="alert">{doc.error.message}</p>
        <Link to="/">Back to the library</Link>
      </section>
    );
  }
  return <Reader doc={doc.value} decorations={decorations} target={target === null ? null : Number(target)} />;
}

interface ReaderProps {
  doc: DocumentView;
  decorations: BlockDecorations;
  target: number | null;
}

function Reader({ doc, decorations, target }: ReaderProps) {
  const [settings, update] = useReaderSettings();
  const [flash, setFlash] = useState<number | null>(null);
  const article = useRef<HTMLElement>(null);

  useEffect(() => {
    if (target === null) return;
    document.getElementById(`block-${target}`)?.scrollIntoView({ block: 'center' });
    setFlash(target);
    const timer = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(timer);
  }, [doc.id, target]);

  return (
    <div className="reader">
      <ReaderToolbar settings={settings} update={update} />
      <article
        ref={article}
        className="reader-text"
        aria-labelledby="doc-title"
        style={{ ['--reader-size' as string]: `${settings.fontSize}px`, ['--reader-measure' as string]: MEASURES[settings.measure], ['--reader-leading' as string]: String(settings.lineHeight) }}
      >
        <header className="doc-header">
          <h1 id="doc-title">{doc.title}</h1>
          <p className="doc-meta">
            {[formatDate(doc.date), formatLength(doc.words), doc.source].join(' · ')}
          </p>
        </header>
        {doc.blocks.map((block) => (
          <BlockView key={block.index} block={block} decorations={decorations.get(block.index) ?? NO_DECORATIONS} flash={flash === block.index} />
        ))}
      </article>
    </div>
  );
}
