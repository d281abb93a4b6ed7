import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentSummary, EntitySummary, EntityType, TagInfo } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { formatDate } from '../app/format';
import { recentDocumentIds } from '../app/session';
import { Dialog } from './Dialog';
import { createMatcher, type PaletteItem } from './paletteSearch';
import { commands, sortCommands, useCommandList, type RegisteredCommand } from './registry';
import { currentPlatform, forPlatform, formatShortcut } from './shortcuts';
import { plural } from '../app/plural';

function commandItem(command: RegisteredCommand): PaletteItem {
  const platform = currentPlatform();
  const first = command.shortcuts[0];
  return {
    key: `command:${command.id}`,
    kind: 'command',
    title: command.title,
    detail: command.group,
    keywords: command.keywords,
    shortcut: first === undefined ? undefined : formatShortcut(forPlatform(first, platform), platform),
    run: () => commands.run(command.id),
  };
}

function documentItem(doc: DocumentSummary, open: (id: string) => void, recent: boolean): PaletteItem {
  return {
    key: `document:${doc.id}`,
    kind: 'document',
    title: doc.title,
    detail: [recent ? 'Recent document' : 'Document', doc.date ? formatDate(doc.date) : null].filter(Boolean).join(' · '),
    keywords: [doc.source],
    run: () => open(doc.id),
  };
}

function entityItem(entity: EntitySummary, types: EntityType[], open: (id: string) => void): PaletteItem {
  const type = types.find((t) => t.id === entity.type)?.name ?? 'Entity';
  return {
    key: `entity:${entity.id}`,
    kind: 'entity',
    title: entity.name,
    detail: `${type} · ${plural(entity.documents, 'document')}`,
    keywords: entity.aliases,
    run: () => open(entity.id),
  };
}

function tagItem(tag: TagInfo, show: (tag: string) => void): PaletteItem {
  return {
    key: `tag:${tag.tag}`,
    kind: 'tag',
    title: `#${tag.tag}`,
    detail: `Tag · ${plural(tag.documents, 'document')}, ${plural(tag.annotations, 'note')}`,
    // "operators/china" is found by "china" too.
    keywords: tag.tag.split('/'),
    run: () => show(tag.tag),
  };
}

/**
 * What the palette offers. With nothing typed: recent documents, then every
 * command, then the other documents, entities and tags.
 */
function usePaletteItems(): { items: PaletteItem[]; problem: string | null } {
  const navigate = useNavigate();
  const commandList = useCommandList();
  const documents = useQuery(queries.documents());
  const entities = useQuery(queries.entities());
  const types = useQuery(queries.entityTypes());
  const tags = useQuery(queries.tags());
  const items = useMemo(() => {
    const open = (id: string) => void navigate(`/doc/${id}`);
    const openEntity = (id: string) => void navigate(`/entity/${id}`);
    const showTag = (tag: string) => void navigate(`/?tag=${encodeURIComponent(tag)}`);
    const docs = documents.data ?? [];
    const recentIds = recentDocumentIds();
    const recent = recentIds.map((id) => docs.find((d) => d.id === id)).filter((d): d is DocumentSummary => d !== undefined);
    const others = docs.filter((d) => !recentIds.includes(d.id));
    const available = commandList.filter((c) => c.id !== 'palette.open' && commands.isEnabled(c));
    return [
      ...recent.map((d) => documentItem(d, open, true)),
      ...sortCommands(available).map(commandItem),
      ...others.map((d) => documentItem(d, open, false)),
      ...(entities.data ?? []).map((e) => entityItem(e, types.data ?? [], openEntity)),
      ...(tags.data ?? []).map((t) => tagItem(t, showTag)),
    ];
  }, [commandList, documents.data, entities.data, types.data, tags.data, navigate]);
  const failed = [documents, entities, tags].find((l) => l.isError)?.error;
  return { items, problem: failed ? `Not everything could be listed: ${failed.message}` : null };
}

/**
 * Ctrl/Cmd+Shift+P: type a few letters of any command, document, entity or
 * tag; arrows move, Enter runs or opens, Esc closes.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { items, problem } = usePaletteItems();
  const match = useMemo(() => createMatcher(items), [items]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => match(query), [match, query]);
  const listId = useId();
  const list = useRef<HTMLUListElement>(null);
  const current = results[Math.min(active, results.length - 1)];

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    list.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, results]);

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    item.run();
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.nativeEvent.isComposing) return;
    const last = Math.max(0, results.length - 1);
    // Arrows wrap around; page keys stop at the ends.
    const moves: Record<string, (i: number) => number> = {
      ArrowDown: (i) => (i >= last ? 0 : i + 1),
      ArrowUp: (i) => (i <= 0 ? last : i - 1),
      PageDown: (i) => Math.min(last, i + 8),
      PageUp: (i) => Math.max(0, i - 8),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      setActive(move);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };

  return (
    <Dialog label="Command palette" onClose={onClose} className="palette">
      <input
        className="palette-input"
        data-autofocus
        role="combobox"
        aria-label="Find a command, document, entity or tag"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={current ? `${listId}-${current.key}` : undefined}
        placeholder="Type a command or a name…"
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {results.length > 0 ? (
        <ul ref={list} id={listId} role="listbox" aria-label="Matches" className="palette-list">
          {results.map((item) => (
            <li
              key={item.key}
              id={`${listId}-${item.key}`}
              role="option"
              aria-selected={item === current}
              className={`palette-option palette-${item.kind}`}
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setActive(results.indexOf(item))}
              onClick={() => choose(item)}
            >
              <span className="palette-label">
                <span className="palette-title">{item.title}</span>
                {item.detail && <span className="palette-detail">{item.detail}</span>}
              </span>
              {item.shortcut && <kbd className="palette-shortcut">{item.shortcut}</kbd>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="palette-empty">
          Nothing matches “{query}”. Try fewer letters, or another word from the name.
        </p>
      )}
      {problem && <p className="palette-problem" role="alert">{problem}</p>}
      <p className="palette-hint" aria-live="polite">
        <span className="visually-hidden">{results.length === 1 ? '1 match. ' : `${results.length} matches. `}</span>
        ↑↓ to move · Enter to choose · Esc to close
      </p>
    </Dialog>
  );
}
