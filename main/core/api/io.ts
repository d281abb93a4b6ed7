import type { ApiImpl } from '../../common/contract';
import { backupApi } from '../io/backup';
import type { CoreContext } from '../context';
import { exportApi } from '../io/export/api';
import { importApi } from '../io/import/api';
import { Uploads } from '../io/import/uploads';

type IoMethods = 'beginUpload' | 'sendUploadChunk' | 'cancelUpload' | 'importUpload' | 'exportNotes' | 'createBackup' | 'restoreBackup';

/** Documents in (import, restore) and notes out (export, backup): one set of uploads shared by import and restore. */
export function ioApi(ctx: CoreContext): Pick<ApiImpl, IoMethods> {
  const uploads = new Uploads();
  return {
    ...importApi(ctx, uploads),
    ...exportApi(ctx),
    ...backupApi(ctx, uploads),
  };
}
