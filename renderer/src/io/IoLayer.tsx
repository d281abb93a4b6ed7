import { BackupLayer } from './BackupLayer';
import { ExportLayer } from './ExportLayer';
import { ImportLayer } from './ImportLayer';

/** Import (file picker, drop zone, progress and summary), export (its dialog) and backup, for the whole window. */
export function IoLayer() {
  return (
    <>
      <ImportLayer />
      <ExportLayer />
      <BackupLayer />
    </>
  );
}
