import { useEffect, useMemo, useState, type RefObject } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { DocumentOpening, NewEntity } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { registerSelectionAction } from '../annotations/selection';
import type { BlockDecorations } from '../reader/decorations';
import { createEntity } from './changes';
import { EntityDialog } from './EntityDialog';
import { ENTITY_ATTRIBUTE, mentionLayer } from './mentionLayer';
import { nameFromSelection } from './names';
import { useEntityTypes } from './useEntityData';

const EMPTY: BlockDecorations = new Map();
/** The type the last "Tag as entity" used: people tag runs of names of one kind. */
let lastType = 'person';

/** The document's entity mentions as a reader decoration layer, kept current as entities change. */
export function useMentionLayer(doc: DocumentOpening): BlockDecorations {
  const types = useEntityTypes();
  const found = useQuery(queries.mentions(doc.id)).data;
  return useMemo(() => (found ? mentionLayer(doc.blocks, found, types) : EMPTY), [doc, found, types]);
}

interface Props {
  article: RefObject<HTMLElement | null>;
}

/**
 * What entities add to the reader: "Tag as entity" in the selection
 * toolbar (asking for type, name and aliases) and a click on a mention
 * opening its entity's page.
 */
export function ReaderEntities({ article }: Props) {
  const navigate = useNavigate();
  const types = useEntityTypes();
  const [draft, setDraft] = useState<NewEntity | null>(null);

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
    const open = (event: MouseEvent) => {
      const run = (event.target as Element | null)?.closest?.(`[${ENTITY_ATTRIBUTE}]`);
      const id = run?.getAttribute(ENTITY_ATTRIBUTE);
      // A drag that selects text is not a click on the mention; a highlight's own click wins over it.
      if (!id || !window.getSelection()?.isCollapsed || run?.closest('[data-annotations]')) return;
      void navigate(`/entity/${id}`);
    };
    element.addEventListener('click', open);
    return () => element.removeEventListener('click', open);
  }, [article, navigate]);

  if (!draft) return null;
  return (
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
  );
}
