import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';
import { createBackup, readBackup, restoreBackup } from '../io/backup';
import { exportNotes } from '../io/export/export';
import { CommitQueue, importUpload, type Importing } from '../io/import/import';
import { ImportReader } from '../io/import/reader';
import { Uploads } from '../io/import/uploads';

type IoMethods = 'beginUpload' | 'sendUploadChunk' | 'cancelUpload' | 'importUpload' | 'exportNotes' | 'createBackup' | 'restoreBackup';

/**
 * Documents in (import, restore) and notes out (export, backup). Files
 * arrive chunk by chunk as uploads, shared by import and restore; imported
 * files are read in a worker thread (`readWorker`: its script, or null to
 * read on this thread).
 */
export function ioApi(ctx: CoreContext, readWorker: URL | null): Pick<ApiImpl, IoMethods> {
  const uploads = new Uploads();
  const importing: Importing = { uploads, reader: new ImportReader(readWorker), commits: new CommitQueue() };
  return {
    beginUpload: async (upload) => uploads.begin(upload),
    sendUploadChunk: async (chunk) => uploads.append(chunk),
    cancelUpload: async (uploadId) => uploads.cancel(uploadId),
    importUpload: (uploadId, choice) => importUpload(ctx, importing, uploadId, choice),
    exportNotes: (scope, format) => exportNotes(ctx, scope, format),
    createBackup: () => createBackup(ctx),
    restoreBackup: async (uploadId) => restoreBackup(ctx, readBackup(uploads.take(uploadId, 'restore').bytes)),
  };
}
