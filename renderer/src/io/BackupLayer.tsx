import { useCallback, useId, useRef, useState } from 'react';
import type { RestoreReport } from '../../../main/common/contract';
import { api } from '../api/client';
import { Dialog } from '../commands/Dialog';
import { useCommands } from '../commands/registry';
import { restoreBackup } from './changes';
import { saveExport } from './save';
import { sendFile } from './transfer';
import { plural } from '../app/plural';
import './io.css';

type Message = { title: string; lines: string[]; error?: boolean };

/** What a restore did, in words. */
export function describeRestore(report: RestoreReport): string[] {
  const added = [
    report.documents && plural(report.documents, 'document', 'documents'),
    report.annotations && plural(report.annotations, 'note', 'notes'),
    report.entityTypes && plural(report.entityTypes, 'entity type', 'entity types'),
    report.entities && plural(report.entities, 'entity', 'entities'),
  ].filter(Boolean);
  const changed = added.length > 0 || report.annotationsBroughtBack > 0 || report.documentTags > 0 || report.settings;
  const lines = added.length > 0 ? [`Added ${added.join(', ')}.`] : [];
  if (report.annotationsBroughtBack > 0) lines.push(`Brought back ${plural(report.annotationsBroughtBack, 'note', 'notes')} deleted since the backup was made.`);
  if (!changed) lines.push('Everything in the backup was already in your library; nothing was added.');
  if (report.documentTags > 0) lines.push(`${plural(report.documentTags, 'document', 'documents')} got tags back.`);
  if (report.settings) lines.push('Your settings from the backup are in use.');
  return [...lines, ...report.problems];
}

/**
 * "Back up library…" downloads (or, in the desktop app, saves) one file with
 * everything; "Restore from backup…" merges such a file into the library and
 * says what it added.
 */
export function BackupLayer() {
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);

  const backUp = useCallback(async () => {
    setBusy('Making a backup…');
    try {
      const file = await api.createBackup();
      const saved = await saveExport({ name: file.name, files: [file], annotations: 0 });
      if (saved) setMessage({ title: 'Backup made', lines: [saved, 'Keep it somewhere safe; “Restore from backup” brings it back.'] });
    } catch (error) {
      setMessage({ title: 'No backup was made', lines: [(error as Error).message], error: true });
    } finally {
      setBusy(null);
    }
  }, []);

  const restore = useCallback(
    async (file: File) => {
      setBusy(`Restoring from ${file.name}…`);
      try {
        const sent = await sendFile(file, 'restore', () => undefined, () => false);
        if ('refused' in sent) throw new Error(sent.refused);
        if (!('uploadId' in sent)) return;
        const report = await restoreBackup(sent.uploadId);
        setMessage({ title: 'Backup restored', lines: describeRestore(report) });
      } catch (error) {
        setMessage({ title: 'Nothing was restored', lines: [(error as Error).message], error: true });
      } finally {
        setBusy(null);
      }
    },
    [],
  );

  useCommands(
    () => [
      { id: 'library.backup', title: 'Back up library…', group: 'File', keywords: ['save', 'export', 'copy', 'archive'], enabled: () => busy === null, run: backUp },
      { id: 'library.restore', title: 'Restore from backup…', group: 'File', keywords: ['import', 'backup', 'merge'], enabled: () => busy === null, run: () => input.current?.click() },
    ],
    [backUp, busy],
  );

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Choose a backup to restore"
        onChange={(event) => {
          const [file] = event.target.files ?? [];
          event.target.value = '';
          if (file) void restore(file);
        }}
      />
      {busy && (
        <p className="io-busy" role="status">
          {busy}
        </p>
      )}
      {message && (
        <Dialog labelledBy={titleId} onClose={() => setMessage(null)} className="io-message">
          <div className="dialog-header">
            <h2 id={titleId}>{message.title}</h2>
            <button type="button" className="dialog-close" onClick={() => setMessage(null)}>
              Close
            </button>
          </div>
          <div className={`io-message-body ${message.error ? 'error' : ''}`} role={message.error ? 'alert' : 'status'}>
            {message.lines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </Dialog>
      )}
    </>
  );
}
