import { MAX_IMPORT_BYTES } from '../../../common/contract';

/**
 * Why a file was not imported, in words for the person who chose it. Thrown
 * by the readers and turned into one line of the import summary; it is not
 * an API error, because the other files of the same import go on.
 */
export class Rejection extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'Rejection';
  }
}


const MB = 1024 * 1024;

/** "12.4 MB", "50 MB", "830 KB", "12 bytes": sizes as a person reads them, rounded up so a size over a limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(Math.ceil((bytes / MB) * 10) / 10).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** Why a file over a size limit is refused. */
export const tooLargeReason = (bytes: number, limit = MAX_IMPORT_BYTES): string =>
  `The file is ${formatBytes(bytes)}; Dossier takes files up to ${formatBytes(limit)}. Split it into smaller parts and import those.`;
