import { useCallback, useRef, useState } from 'react';
import type { ImportOutcome } from '../../../main/common/contract';
import { IMPORT_EXTENSIONS } from '../../../main/common/contract/values';
import { api } from '../api/client';
import { useCommands } from '../commands/registry';
import { importUpload } from './changes';
import { DropOverlay } from './DropOverlay';
import { ImportPanel } from './ImportPanel';
import type { ReplaceAnswer } from './ReplaceQuestion';
import { sendFile } from './transfer';

/** What the import panel shows: the file being read and how far along, then what happened to each file. */
export interface ImportProgress {
  running: boolean;
  /** Files chosen so far in this run, and how many are done. */
  total: number;
  done: number;
  current: { name: string; size: number; sent: number } | null;
  outcomes: ImportOutcome[];
  /** Files left unread because Cancel was pressed. */
  cancelled: string[];
  /** A file that looks like a new version of a document, waiting for the person's answer. */
  question: ImportOutcome | null;
}

const ACCEPT = [...Object.values(IMPORT_EXTENSIONS).flat().map((extension) => `.${extension}`), 'text/plain', 'text/markdown', 'text/html', 'application/pdf'].join(',');
const IDLE: ImportProgress = { running: false, total: 0, done: 0, current: null, outcomes: [], cancelled: [], question: null };

/**
 * Imports files one after the other, whether chosen in the file picker (the
 * "Import documents…" command: Ctrl/Cmd+O, the menu, the library's button)
 * or dropped on the window: the panel shows the current file with a progress
 * bar and Cancel, then a summary with a reason for every file that could not
 * be imported. Each file that lands updates the library at once.
 */
export function ImportLayer() {
  const [progress, setProgress] = useState<ImportProgress>(IDLE);
  const queue = useRef<File[]>([]);
  const running = useRef(false);
  const cancelRequested = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  /** The upload of the file in flight, so that Cancel stops it at whatever stage it is. */
  const inFlight = useRef<string | null>(null);
  const answer = useRef<((choice: ReplaceAnswer | null) => void) | null>(null);
  const ask = useCallback(
    (question: ImportOutcome) =>
      new Promise<ReplaceAnswer | null>((resolve) => {
        answer.current = resolve;
        setProgress((p) => ({ ...p, question }));
      }),
    [],
  );
  const answered = useCallback((choice: ReplaceAnswer | null) => {
    answer.current?.(choice);
    answer.current = null;
    setProgress((p) => ({ ...p, question: null }));
  }, []);

  const run = useCallback(async () => {
    running.current = true;
    cancelRequested.current = false;
    for (let file = queue.current.shift(); file; file = queue.current.shift()) {
      if (cancelRequested.current) {
        const left = [file.name, ...queue.current.splice(0).map((f) => f.name)];
        setProgress((p) => ({ ...p, cancelled: [...p.cancelled, ...left] }));
        break;
      }
      const current = file;
      setProgress((p) => ({ ...p, current: { name: current.name, size: current.size, sent: 0 } }));
      const outcome = await importOne(current, {
        onBytes: (sent) => setProgress((p) => (p.current ? { ...p, current: { ...p.current, sent } } : p)),
        cancelled: () => cancelRequested.current,
        onUpload: (uploadId) => (inFlight.current = uploadId),
        ask,
      });
      inFlight.current = null;
      if (outcome === null) {
        setProgress((p) => ({ ...p, cancelled: [...p.cancelled, current.name] }));
        continue;
      }
      setProgress((p) => ({ ...p, done: p.done + 1, outcomes: [...p.outcomes, outcome] }));
    }
    running.current = false;
    setProgress((p) => ({ ...p, running: false, current: null }));
  }, [ask]);

  const importFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      queue.current.push(...files);
      setProgress((p) => (p.running ? { ...p, total: p.total + files.length } : { ...IDLE, running: true, total: files.length }));
      if (!running.current) void run();
    },
    [run],
  );

  const choose = useCallback(() => input.current?.click(), []);
  const cancel = useCallback(() => {
    cancelRequested.current = true;
    if (inFlight.current) void api.cancelUpload(inFlight.current).catch(() => undefined);
    answered(null);
  }, [answered]);
  const dismiss = useCallback(() => setProgress(IDLE), []);

  useCommands(() => [{ id: 'file.import', title: 'Import documents…', group: 'File', keywords: ['add', 'open', 'pdf', 'html', 'markdown', 'text'], run: choose }], [choose]);

  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        hidden
        aria-label="Choose documents to import"
        onChange={(event) => {
          importFiles([...(event.target.files ?? [])]);
          event.target.value = '';
        }}
      />
      <DropOverlay onDrop={importFiles} />
      {(progress.running || progress.outcomes.length > 0 || progress.cancelled.length > 0) && <ImportPanel progress={progress} onCancel={cancel} onDismiss={dismiss} onAnswer={answered} />}
    </>
  );
}

interface Steps {
  onBytes: (sent: number) => void;
  cancelled: () => boolean;
  onUpload: (uploadId: string) => void;
  /** Asks whether a file that matches a document replaces it; null when Cancel was pressed instead. */
  ask: (outcome: ImportOutcome) => Promise<ReplaceAnswer | null>;
}

/** Sends and reads one file; null when it was cancelled, at whatever stage. A failure becomes that file's reason, and the others go on. */
async function importOne(file: File, { onBytes, cancelled, onUpload, ask }: Steps): Promise<ImportOutcome | null> {
  try {
    const sent = await sendFile(file, 'import', onBytes, cancelled, onUpload);
    if ('cancelled' in sent) return null;
    if ('refused' in sent) return { name: file.name, status: 'rejected', reason: sent.refused };
    let outcome = await importUpload(sent.uploadId);
    if (outcome.status === 'matches') {
      const choice = await ask(outcome);
      if (choice === null) return null;
      outcome = await importUpload(sent.uploadId, { onMatch: choice });
    }
    return outcome.status === 'cancelled' ? null : outcome;
  } catch (error) {
    if (cancelled()) return null;
    return { name: file.name, status: 'rejected', reason: (error as Error).message };
  }
}
