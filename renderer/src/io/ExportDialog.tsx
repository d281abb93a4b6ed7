import { useId, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ExportFormat, ExportScope } from '../../../main/common/contract';
import { api } from '../api/client';
import { queries } from '../api/queries';
import { Dialog } from '../commands/Dialog';
import { saveExport } from './save';
import './io.css';
import { plural } from '../app/plural';

type ScopeKind = ExportScope['kind'];

const FORMATS: Array<{ id: ExportFormat; label: string; hint: string }> = [
  { id: 'markdown', label: 'Markdown', hint: 'for Obsidian and other notes apps' },
  { id: 'jsonld', label: 'Web Annotation JSON-LD', hint: 'the W3C standard, for other annotation tools' },
  { id: 'csv', label: 'CSV', hint: 'for spreadsheets' },
];

interface Props {
  /** The document being read, offered (and chosen) first. */
  docId: string | null;
  /** The entity being looked at, offered (and chosen) first. */
  entityId: string | null;
  onClose: () => void;
}

/** Ctrl/Cmd+E: which notes (this document, a tag, the library) in which format, then a save dialog or a download. */
export function ExportDialog({ docId, entityId, onClose }: Props) {
  const titleId = useId();
  const [kind, setKind] = useState<ScopeKind>(docId ? 'document' : entityId ? 'entity' : 'library');
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const tags = useQuery(queries.tags()).data;
  const doc = useQuery(queries.documents()).data?.find((d) => d.id === docId);
  const entity = useQuery({ ...queries.entity(entityId ?? ''), enabled: entityId !== null }).data;
  const entityName = entityId ? entity?.entity.name : undefined;
  const tagList = tags?.filter((t) => t.annotations > 0) ?? [];
  const chosenTag = tag || tagList[0]?.tag || '';

  const scope = (): ExportScope | null => {
    if (kind === 'document') return docId ? { kind, id: docId } : null;
    if (kind === 'tag') return chosenTag ? { kind, tag: chosenTag } : null;
    if (kind === 'entity') return entityId ? { kind, id: entityId } : null;
    return { kind: 'library' };
  };

  const run = async () => {
    const chosen = scope();
    if (!chosen) return;
    setBusy(true);
    setResult(null);
    try {
      const exported = await api.exportNotes(chosen, format);
      if (exported.annotations === 0 && chosen.kind !== 'document') {
        setResult({ ok: false, message: 'There are no notes to export yet: highlight a passage in a document first.' });
        return;
      }
      const saved = await saveExport(exported);
      if (saved) setResult({ ok: true, message: `${saved} ${plural(exported.annotations, 'note')}.` });
    } catch (error) {
      setResult({ ok: false, message: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog labelledBy={titleId} onClose={onClose} className="export-dialog">
      <div className="dialog-header">
        <h2 id={titleId}>Export notes</h2>
        <button type="button" className="dialog-close" onClick={onClose}>
          Close
        </button>
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <fieldset>
          <legend>Notes from</legend>
          {docId && (
            <label>
              <input type="radio" name="scope" checked={kind === 'document'} onChange={() => setKind('document')} />
              This document <span className="option-hint">{doc?.title}</span>
            </label>
          )}
          {entityId && (
            <label>
              <input type="radio" name="scope" checked={kind === 'entity'} onChange={() => setKind('entity')} />
              Notes on this entity <span className="option-hint">{entityName}</span>
            </label>
          )}
          <label>
            <input type="radio" name="scope" checked={kind === 'tag'} onChange={() => setKind('tag')} disabled={tagList.length === 0} />
            Notes tagged
            <select aria-label="Tag" value={chosenTag} onChange={(e) => (setTag(e.target.value), setKind('tag'))} disabled={tagList.length === 0}>
              {tagList.length === 0 && <option value="">no tags yet</option>}
              {tagList.map((t) => (
                <option key={t.tag} value={t.tag}>
                  {t.tag} ({t.annotations})
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="radio" name="scope" checked={kind === 'library'} onChange={() => setKind('library')} />
            The whole library <span className="option-hint">one file per document</span>
          </label>
        </fieldset>
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map((f) => (
            <label key={f.id}>
              <input type="radio" name="format" checked={format === f.id} onChange={() => setFormat(f.id)} />
              {f.label} <span className="option-hint">{f.hint}</span>
            </label>
          ))}
        </fieldset>
        {result && (
          <p className={`export-result ${result.ok ? '' : 'error'}`} role={result.ok ? 'status' : 'alert'}>
            {result.message}
          </p>
        )}
        <div className="export-actions">
          <button type="submit" className="io-button primary" disabled={busy || scope() === null}>
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
