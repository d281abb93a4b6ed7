import { useCallback, useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { savedPosition, savePosition } from '../app/session';
import { DocumentPane, type PaneTarget } from './DocumentPane';
import { ReaderToolbar } from './ReaderToolbar';
import { useReaderSettings } from './settings';
import { OpenBesideButton } from '../split/OpenBeside';
import { DocumentActions } from '../library/DocumentActions';

/**
 * One document as clean paragraphs; `?q=` highlights a search and `?block=`
 * brings a passage into view, marked. Without `?block=` the document opens
 * where it was read last.
 */
export function ReaderView() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [settings, update] = useReaderSettings();
  const block = params.get('block');
  const target = useMemo((): PaneTarget | null => {
    if (block !== null) return { block: Number(block), flash: true };
    const saved = savedPosition(id);
    return saved ? { block: saved, flash: false } : null;
  }, [block, id]);
  const onTopBlock = useCallback((top: number) => savePosition(id, top), [id]);
  return (
    <div className="reader">
      <ReaderToolbar settings={settings} update={update}>
        <OpenBesideButton docId={id} />
      </ReaderToolbar>
      <DocumentPane key={id} docId={id} query={params.get('q') ?? ''} target={target} onTopBlock={onTopBlock} actions={<DocumentActions docId={id} />} />
    </div>
  );
}
