import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentMentions, DocumentOpening } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { useAnchored } from '../annotations/anchored';
import { MENTION_ATTRIBUTE } from './mentionLayer';
import { useEntityTypes } from './useEntityData';

interface Props {
  article: RefObject<HTMLElement | null>;
  doc: DocumentOpening;
  found: DocumentMentions;
  /** The mention the card is for: its index in `found.mentions`. */
  index: number;
  onMove: (index: number) => void;
  onClose: () => void;
}

const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A small card beside a mention: what the entity is, how often this
 * document and the library mention it, the previous and next mention here,
 * and its page. It never leaves the view; Esc or a click elsewhere closes it.
 */
export function MentionCard({ article, doc, found, index, onMove, onClose }: Props) {
  const mention = found.mentions[index];
  const entity = found.entities.find((e) => e.id === mention?.entityId);
  const type = useEntityTypes().find((t) => t.id === entity?.type);
  const summary = useQuery(queries.entities()).data?.find((e) => e.id === entity?.id);
  const own = found.mentions.flatMap((m, i) => (m.entityId === entity?.id ? [i] : []));
  const position = own.indexOf(index);
  const card = useRef<HTMLDivElement | null>(null);

  const run = useCallback(() => article.current?.querySelector(`[${MENTION_ATTRIBUTE}="${index}"]`) ?? null, [article, index]);
  const anchor = useCallback(() => run()?.getBoundingClientRect() ?? null, [run]);
  const { setBox, style, placed } = useAnchored(anchor, 'bottom');

  // A mention moved to comes into view (its block is kept drawn for it).
  useEffect(() => {
    let frame = requestAnimationFrame(function bring() {
      const element = run();
      if (element) element.scrollIntoView({ block: 'nearest' });
      else frame = requestAnimationFrame(bring);
    });
    return () => cancelAnimationFrame(frame);
  }, [run]);

  useEffect(() => {
    if (placed) card.current?.focus({ preventScroll: true });
  }, [placed, index]);

  useEffect(() => {
    const outside = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (!card.current?.contains(target) && !target?.closest?.(`[${MENTION_ATTRIBUTE}]`)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);

  if (!mention || !entity) return null;
  const go = (step: number) => {
    const next = own[position + step];
    if (next !== undefined) onMove(next);
  };
  return (
    <div
      ref={(element) => {
        card.current = element;
        setBox(element);
      }}
      className={`mention-card entity-type-${entity.type}`}
      style={style}
      role="dialog"
      aria-label={`${type?.name ?? entity.type}: ${entity.name}`}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onClose();
      }}
    >
      <div className="mc-head">
        <p className="type-badge">
          <span className="type-dot" aria-hidden="true" />
          {type?.name ?? entity.type}
        </p>
        <button type="button" className="mc-close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="mc-name">{entity.name}</p>
      <p className="mc-counts">
        {count(own.length, 'mention')} in this document
        {summary && ` · ${count(summary.mentions, 'mention')} in ${count(summary.documents, 'document')}`}
      </p>
      <div className="mc-actions">
        <button type="button" className="ent-btn" disabled={position <= 0} onClick={() => go(-1)} aria-label="Previous mention">
          ‹ Previous
        </button>
        <span className="mc-position">
          {position + 1} of {own.length}
        </span>
        <button type="button" className="ent-btn" disabled={position >= own.length - 1} onClick={() => go(1)} aria-label="Next mention">
          Next ›
        </button>
        <Link className="ent-btn mc-open" to={`/entity/${entity.id}`} aria-label={`Open the page of ${entity.name}`}>
          Open page
        </Link>
      </div>
      <span className="visually-hidden">In “{doc.title}”</span>
    </div>
  );
}
