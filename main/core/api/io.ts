import type { ApiImpl } from '../../common/contract';
import type { CoreContext } from '../context';
import { createBackup, readBackup, restoreBackup } from '../io/backup';
import { exportNotes } from '../io/export/export';
import { importDocument } from '../io/import/import';
import { Uploads } from '../io/import/uploads';

type IoMethods = 'beginUpload' | 'sendUploadChunk' | 'cancelUpload' | 'importUpload' | 'exportNotes' | 'createBackup' | 'restoreBackup';

/**
 * Documents in (import, restore) and notes out (export, backup). Files
 * arrive chunk by chunk as uploads, shared by import and restore.
 */
export function ioApi(ctx: CoreContext): Pick<ApiImpl, IoMethods> {
  const uploads = new Uploads();
  return {
    beginUpload: async ({ name, size, purpose }) => uploads.begin(name, size, purpose),
    sendUploadChunk: async (chunk) => uploads.append(chunk),
    cancelUpload: async (uploadId) => uploads.cancel(uploadId),
    importUpload: async (uploadId) => importDocument(ctx, uploads.take(uploadId, 'import')),
    exportNotes: (scope, format) => exportNotes(ctx, scope, format),
    createBackup: () => createBackup(ctx),
    restoreBackup: async (uploadId) => restoreBackup(ctx, readBackup(uploads.take(uploadId, 'restore').bytes)),
  };
}
