import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { DocumentMentions, DocumentOpening, NewEntity } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { useCommands } from '../commands/registry';
import { registerSelectionAction } from '../annotations/selection';
import type { BlockDecorations } from '../reader/decorations';
import { firstBlockEndingAfter } from '../reader/spans';
import { useSettings } from '../theme/settings';
import { createEntity } from './actions';
import { EntityDialog } from './EntityDialog';
import { MentionCard } from './MentionCard';
import { MENTION_ATTRIBUTE, mentionLayer } from './mentionLayer';
import { nameFromSelection } from './names';
import { useEntityTypes } from './useEntityData';

const EMPTY: BlockDecorations = new Map();
/** The type the last "Tag as entity" used: people tag runs of names of one kind. */
let lastType = 'person';

/** A document's mentions as the reader draws them, and the one whose card is open. */
export interface ReaderMentions {
  layer: BlockDecorations;
  found: DocumentMentions | undefined;
  /** The open card's mention (its index in `found.mentions`), or null. */
  open: number | null;
  setOpen: (index: number | null) => void;
  /** The block the open card's mention is in: the reader keeps it drawn. */
  block: number | null;
}

/**
 * The document's entity mentions as a reader decoration layer, kept current
 * as entities change (none while the underlines are switched off), and the
 * mention card's state.
 */
export function useReaderMentions(doc: DocumentOpening): ReaderMentions {
  const types = useEntityTypes();
  const { mentions: shown } = useSettings().settings;
  const found = useQuery({ ...queries.mentions(doc.id), enabled: shown }).data;
  const [open, setOpen] = useState<number | null>(null);
  const layer = useMemo(() => (found && shown ? mentionLayer(doc.blocks, found, types) : EMPTY), [doc, found, types, shown]);
  const mention = open === null ? undefined : found?.mentions[open];
  const block = mention && shown ? (doc.blocks[firstBlockEndingAfter(doc.blocks, mention.start)]?.index ?? null) : null;
  return { layer, found, open: shown ? open : null, setOpen, block };
}

interface Props {
  article: RefObject<HTMLElement | null>;
  doc: DocumentOpening;
  mentions: ReaderMentions;
}

/**
 * What entities add to the reader: "Tag as entity" in the selection
 * toolbar (asking for type, name and aliases), and a click on a mention
 * opening its card beside it, in place: the view stays (in the split view,
 * the click also picks the paragraph, as any click does).
 */
export function ReaderEntities({ article, doc, mentions }: Props) {
  const types = useEntityTypes();
  const [draft, setDraft] = useState<NewEntity | null>(null);
  const { setOpen } = mentions;

  useEffect(
    () =>
      registerSelectionAction({
        id: 'entity.tag',
        label: 'Tag as entity',
        run: (selection) => setDraft({ type: lastType, name: nameFromSelection(selection.exact), aliases: [] }),
      }),
    [],
  );

  useEffect(() => {
    const element = article.current;
    if (!element) return;
    const show = (event: MouseEvent) => {
      const run = (event.target as Element | null)?.closest?.(`[${MENTION_ATTRIBUTE}]`);
      const index = run?.getAttribute(MENTION_ATTRIBUTE);
      // A drag that selects text is not a click on the mention; a highlight's own click wins over it.
      if (!index || !window.getSelection()?.isCollapsed || run?.closest('[data-annotations]')) return;
      setOpen(Number(index));
    };
    element.addEventListener('click', show);
    return () => element.removeEventListener('click', show);
  }, [article, setOpen]);

  const close = useCallback(() => setOpen(null), [setOpen]);
  return (
    <>
      {mentions.open !== null && mentions.found && <MentionCard article={article} doc={doc} found={mentions.found} index={mentions.open} onMove={setOpen} onClose={close} />}
      {draft && (
        <EntityDialog
          title="Tag as entity"
          action="Tag entity"
          initial={draft}
          types={types}
          submit={async (input) => {
            const entity = await createEntity(input);
            lastType = input.type;
            return entity;
          }}
          onClose={() => setDraft(null)}
        />
      )}
    </>
  );
}

/** The reader toolbar's switch for the mention underlines: a setting, so every window remembers it. */
export function MentionsToggle() {
  const { settings, update } = useSettings();
  useCommands(
    () => [{ id: 'view.mentions', title: settings.mentions ? 'Hide entity underlines' : 'Show entity underlines', group: 'View', keywords: ['mentions', 'entities'], run: () => update({ mentions: !settings.mentions }) }],
    [settings.mentions, update],
  );
  return (
    <button type="button" className="mentions-toggle" aria-pressed={settings.mentions} onClick={() => update({ mentions: !settings.mentions })}>
      Entity underlines
    </button>
  );
}
