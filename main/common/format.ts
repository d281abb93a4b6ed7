const MB = 1024 * 1024;

/** "12.4 MB", "50 MB", "830 KB", "12 bytes": sizes as a person reads them, rounded up so a size over a limit never reads as the limit. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < MB) return `${Math.ceil(bytes / 1024)} KB`;
  return `${(Math.ceil((bytes / MB) * 10) / 10).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}
