import { useQuery } from '@tanstack/react-query';
import type { RelatedPassage } from '../../../main/common/contract';
import { queries } from '../api/queries';
import { Highlighted } from '../search/Highlighted';

interface Props {
  /** The paragraph read in the other pane. */
  source: { docId: string; block: number; title: string };
  /** The document of this pane, whose passages are listed. */
  docId: string;
  onGo: (block: number) => void;
  onClose: () => void;
}

/** Why a passage is listed, in a few words. */
function reason(passage: RelatedPassage): string {
  if (passage.sharedEntities.length > 0) return passage.sharedEntities.slice(0, 3).join(', ');
  return passage.sharedTerms.slice(0, 3).join(', ');
}

/**
 * Above one pane: the passages of its document most related to the
 * paragraph picked in the other pane; a click brings one into view.
 */
export function RelatedStrip({ source, docId, onGo, onClose }: Props) {
  const related = useQuery(queries.related(source.docId, source.block, docId, 5));
  return (
    <section className="related-strip" aria-label="Related passages">
      <div className="related-head">
        <span>
          Related to ¶{source.block + 1} of <em>{source.title}</em>
        </span>
        <button type="button" className="strip-close" onClick={onClose} aria-label="Close related passages">
          ×
        </button>
      </div>
      {related.isPending && <p className="related-note">Finding related passages…</p>}
      {related.isError && <p className="related-note" role="alert">{related.error.message}</p>}
      {related.data?.length === 0 && <p className="related-note">Nothing here shares a name or a telling word with that paragraph.</p>}
      {related.data && related.data.length > 0 && (
        <ol className="related-list">
          {related.data.map((passage) => (
            <li key={passage.block}>
              <button type="button" className="related-item" onClick={() => onGo(passage.block)} title={`¶${passage.block + 1}: shares ${reason(passage)}`}>
                <span className={`related-reason${passage.sharedEntities.length > 0 ? ' is-entity' : ''}`}>{reason(passage)}</span>
                <span className="related-snippet">
                  <Highlighted snippet={passage.snippet} />
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
