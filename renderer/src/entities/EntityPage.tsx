import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { Entity as EntityRecord, EntityDetail, EntityDocument, RelatedEntity } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { formatDate } from '../app/format';
import { Highlighted } from '../search/Highlighted';
import { updateEntity } from './actions';
import { EntityDialog } from './EntityDialog';
import { DeleteEntityDialog, MergeEntityDialog } from './EntityActions';
import { useEntityTypes } from './useEntityData';
import './entities.css';
import { OpenBesideLink } from '../split/OpenBeside';
import { plural } from '../app/plural';

type Open = 'edit' | 'merge' | 'delete' | null;

/** One entity: who or what it is, where the texts mention it, what they say it is, and what it appears with. */
export function EntityPage() {
  const { id = '' } = useParams();
  const detail = useQuery(queries.entity(id));

  if (detail.isPending) return <p className="loading">Opening the entity…</p>;
  if (detail.isError) {
    return (
      <section className="empty-state">
        <h1>This entity cannot be opened</h1>
        <p role="alert">{detail.error.message}</p>
        <Link to="/entities">All entities</Link>
      </section>
    );
  }
  return <Entity detail={detail.data} />;
}

function Entity({ detail }: { detail: EntityDetail }) {
  const { entity, type, documents } = detail;
  const [open, setOpen] = useState<Open>(null);
  const types = useEntityTypes();
  const navigate = useNavigate();
  const roles = documents.flatMap((doc) => doc.roles.map((role) => ({ role, doc })));

  return (
    <article className="entity-page" aria-labelledby="entity-name">
      <header className={`entity-header entity-type-${type.id}`}>
        <p className="type-badge">
          <span className="type-dot" aria-hidden="true" />
          {type.name}
        </p>
        <div className="entity-title">
          <h1 id="entity-name">{entity.name}</h1>
          <div className="entity-actions">
            <button type="button" className="ent-btn" onClick={() => setOpen('edit')}>
              Edit…
            </button>
            <button type="button" className="ent-btn" onClick={() => setOpen('merge')}>
              Merge…
            </button>
            <button type="button" className="ent-btn ent-btn-danger" onClick={() => setOpen('delete')}>
              Delete…
            </button>
          </div>
        </div>
        <p className="entity-meta">
          {plural(detail.mentions, 'mention')} in {plural(documents.length, 'document')}
          {entity.aliases.length > 0 && <> · also written {entity.aliases.map((a) => `“${a}”`).join(', ')}</>}
          {' · '}
          <Link to={`/?entity=${entity.id}`}>Show in the library</Link>
        </p>
      </header>

      {roles.length > 0 && (
        <section className="entity-section" aria-labelledby="entity-roles">
          <h2 id="entity-roles">Roles</h2>
          <ul className="role-list">
            {roles.map(({ role, doc }) => (
              <li key={`${doc.docId}:${role}`}>
                <span className="role-phrase">{role}</span>
                <span className="role-source">
                  {doc.date ? formatDate(doc.date) : 'Undated'} · <Link to={`/doc/${doc.docId}`}>{doc.title}</Link>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {detail.related.length > 0 && <AppearsWith related={detail.related} />}

      <section className="entity-section" aria-labelledby="entity-mentions">
        <h2 id="entity-mentions">Mentions</h2>
        {documents.length === 0 && <p className="ent-quiet">No document mentions “{entity.name}” or its aliases yet.</p>}
        <Paged items={documents} step={DOCUMENTS_STEP} more={(n) => `Show ${plural(n, 'more document')}`}>
          {(doc) => <MentionGroup key={doc.docId} doc={doc} />}
        </Paged>
      </section>

      <section className="entity-section" aria-labelledby="entity-annotations">
        <h2 id="entity-annotations">Annotations</h2>
        {detail.annotations.length === 0 ? (
          <p className="ent-quiet">No highlight or note on a passage that mentions it.</p>
        ) : (
          <ul className="entity-annotations">
            {detail.annotations.map((a) => (
              <li key={a.id}>
                <blockquote>{a.target.selector[0].exact}</blockquote>
                {a.note && <p className="annotation-note">{a.note}</p>}
                <Link to={`/doc/${a.docId}`}>{documents.find((d) => d.docId === a.docId)?.title ?? 'Open the document'}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Notes key={entity.id} entity={entity} />

      {open === 'edit' && (
        <EntityDialog
          title={`Edit ${entity.name}`}
          action="Save"
          initial={{ type: entity.type, name: entity.name, aliases: entity.aliases }}
          types={types}
          editing={entity}
          submit={(input) => updateEntity(entity, input)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'merge' && <MergeEntityDialog target={entity} onClose={() => setOpen(null)} />}
      {open === 'delete' && <DeleteEntityDialog entity={entity} mentions={detail.mentions} onClose={() => setOpen(null)} onDeleted={() => void navigate('/entities')} />}
    </article>
  );
}

/** How many mentions of a document, and how many documents, show before "Show more". */
const MENTIONS_STEP = 10;
const DOCUMENTS_STEP = 20;

/** A long list a few at a time: the first `step` items, and a button for the next ones. */
function Paged<T>({ items, step, more, children }: { items: readonly T[]; step: number; more: (n: number) => string; children: (item: T) => ReactNode }) {
  const [shown, setShown] = useState(step);
  const rest = items.length - shown;
  return (
    <>
      {items.slice(0, shown).map(children)}
      {rest > 0 && (
        <button type="button" className="ent-btn ent-more" onClick={() => setShown(shown + step)}>
          {more(Math.min(rest, step))}
          {rest > step && <span className="ent-more-rest"> of {rest}</span>}
        </button>
      )}
    </>
  );
}

function MentionGroup({ doc }: { doc: EntityDocument }) {
  return (
    <div className="mention-group">
      <h3>
        <Link to={`/doc/${doc.docId}`}>{doc.title}</Link>
        <span className="mention-date">{doc.date ? formatDate(doc.date) : 'Undated'}</span>
        <OpenBesideLink docId={doc.docId} title={doc.title} />
      </h3>
      <ul className="mention-list">
        <Paged items={doc.mentions} step={MENTIONS_STEP} more={(n) => `Show ${plural(n, 'more mention')}`}>
          {(m) => (
            <li key={m.start}>
              <Link to={`/doc/${doc.docId}?block=${m.block}`} className="mention-sentence" title="Open at this passage">
                <Highlighted snippet={m.sentence} />
              </Link>
            </li>
          )}
        </Paged>
      </ul>
    </div>
  );
}

/** The entities named in the same paragraphs; choosing one lists those paragraphs, each opening the document there. */
function AppearsWith({ related }: { related: RelatedEntity[] }) {
  const [open, setOpen] = useState<string | null>(null);
  const shown = related.find((r) => r.entity.id === open);
  return (
    <section className="entity-section" aria-labelledby="entity-related">
      <h2 id="entity-related">Appears with</h2>
      <ul className="ent-chips related-list">
        {related.map(({ entity: other, paragraphs }) => (
          <li key={other.id} className={`ent-chip related-chip entity-type-${other.type}`}>
            <span className="type-dot" aria-hidden="true" />
            <button type="button" className="related-toggle" aria-expanded={open === other.id} aria-controls="entity-shared" onClick={() => setOpen(open === other.id ? null : other.id)}>
              {other.name}
              <span className="ent-chip-count">
                {paragraphs}
                <span className="visually-hidden"> {paragraphs === 1 ? 'paragraph' : 'paragraphs'} together</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
      {shown && <SharedParagraphs related={shown} />}
    </section>
  );
}

function SharedParagraphs({ related }: { related: RelatedEntity }) {
  const other: EntityRecord = related.entity;
  return (
    <div id="entity-shared" className="shared-paragraphs" role="region" aria-label={`Paragraphs with ${other.name}`}>
      <p className="shared-head">
        {plural(related.paragraphs, 'paragraph')} with <Link to={`/entity/${other.id}`}>{other.name}</Link>
        {related.paragraphs > related.passages.length && ` (the first ${related.passages.length})`}
      </p>
      <ul className="mention-list">
        {related.passages.map((p) => (
          <li key={`${p.docId}:${p.block}`}>
            <Link to={`/doc/${p.docId}?block=${p.block}`} className="mention-sentence" title="Open at this paragraph">
              <span className="shared-title">{p.title}</span>
              <Highlighted snippet={p.passage} />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The entity's own notes, saved when the person says so. */
function Notes({ entity }: { entity: EntityRecord }) {
  const { notes } = entity;
  const [draft, setDraft] = useState(notes);
  const [state, setState] = useState<{ saving: boolean; problem: string | null }>({ saving: false, problem: null });
  useEffect(() => setDraft(notes), [notes]);
  const save = async () => {
    setState({ saving: true, problem: null });
    try {
      await updateEntity(entity, { notes: draft });
      setState({ saving: false, problem: null });
    } catch (error) {
      setState({ saving: false, problem: (error as Error).message });
    }
  };
  return (
    <section className="entity-section" aria-labelledby="entity-notes">
      <h2 id="entity-notes">Notes</h2>
      <textarea className="entity-notes" aria-labelledby="entity-notes" value={draft} rows={4} placeholder="What you know about it, in your words." onChange={(event) => setDraft(event.target.value)} />
      <div className="notes-actions">
        <button type="button" className="ent-btn" disabled={state.saving || draft === notes} onClick={() => void save()}>
          Save notes
        </button>
        {state.problem && (
          <p className="ent-problem" role="alert">
            {state.problem}
          </p>
        )}
      </div>
    </section>
  );
}

