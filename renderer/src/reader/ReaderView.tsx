import { useMemo } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { DocumentPane } from './DocumentPane';
import { ReaderToolbar } from './ReaderToolbar';
import { useReaderSettings } from './settings';
import { OpenBesideButton } from '../split/OpenBeside';
import { DocumentActions } from '../library/DocumentActions';

/** One document as clean paragraphs; `?q=` highlights a search and `?block=` scrolls to a passage. */
export function ReaderView() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const [settings, update] = useReaderSettings();
  const block = params.get('block');
  const target = useMemo(() => (block === null ? null : { block: Number(block), flash: true, seq: 0 }), [block]);
  return (
    <div className="reader">
      <ReaderToolbar settings={settings} update={update}>
        <OpenBesideButton docId={id} />
      </ReaderToolbar>
      <DocumentPane key={id} docId={id} query={params.get('q') ?? ''} target={target} actions={<DocumentActions docId={id} />} />
    </div>
  );
}
