import { useQuery } from '@tanstack/react-query';
import type { ComparedEntity } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { plural } from '../app/plural';

interface Props {
  left: { docId: string; title: string };
  right: { docId: string; title: string };
  /** The entity whose mentions are marked in both panes. */
  focused: string | null;
  onFocus: (entityId: string | null) => void;
}

/**
 * The two documents compared by the entities they mention: those both do,
 * and those only one does. A chip marks the entity's mentions in both panes.
 */
export function CompareStrip({ left, right, focused, onFocus }: Props) {
  const comparison = useQuery(queries.comparison(left.docId, right.docId));
  if (comparison.isPending) return null;
  if (comparison.isError) {
    return (
      <p className="compare-strip" role="alert">
        {comparison.error.message}
      </p>
    );
  }
  const { shared, onlyA, onlyB } = comparison.data;
  if (shared.length + onlyA.length + onlyB.length === 0) {
    return <p className="compare-strip compare-empty">Neither document mentions a tagged entity yet. Select a name and choose “Tag as entity” to compare them.</p>;
  }
  const group = (label: string, list: ComparedEntity[], count: (e: ComparedEntity) => string) => (
    <div className="compare-group" role="group" aria-label={label}>
      <span className="compare-label">
        {label} {list.length > 0 && <span className="compare-count">{list.length}</span>}
      </span>
      {list.length === 0 && <span className="compare-none">none</span>}
      {list.map((e) => (
        <button
          key={e.entity.id}
          type="button"
          className="entity-chip"
          aria-pressed={focused === e.entity.id}
          style={{ ['--chip-color' as string]: e.color || 'var(--accent)' }}
          title={`${e.entity.name}: ${count(e)}. Marks its mentions in both documents.`}
          onClick={() => onFocus(focused === e.entity.id ? null : e.entity.id)}
        >
          {e.entity.name}
        </button>
      ))}
    </div>
  );
  const mentions = (n: number) => plural(n, 'mention');
  return (
    <section className="compare-strip" aria-label="Entities compared">
      {group('Both', shared, (e) => `${mentions(e.mentionsA)} on the left, ${mentions(e.mentionsB)} on the right`)}
      {group(`Only in “${shorten(left.title)}”`, onlyA, (e) => mentions(e.mentionsA))}
      {group(`Only in “${shorten(right.title)}”`, onlyB, (e) => mentions(e.mentionsB))}
    </section>
  );
}

const shorten = (title: string) => (title.length > 28 ? `${title.slice(0, 27)}…` : title);
