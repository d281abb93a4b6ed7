import type { ExportResult } from '../../../main/common/contract';
import { zipFiles } from './zip';

declare global {
  interface Window {
    /** Set by the Electron preload: saves exported files with the system's save dialog. */
    dossierFiles?: { save(result: ExportResult): Promise<{ saved: boolean; where: string }> };
  }
}

/** Hands a blob to the browser as a download. */
function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Saves an export where the person chooses: the desktop app's save dialog
 * (a folder for several files), or the browser's downloads (several files
 * as one .zip). Returns what happened, in words, or null when they cancelled.
 */
export async function saveExport(result: ExportResult): Promise<string | null> {
  if (window.dossierFiles) {
    const { saved, where } = await window.dossierFiles.save(result);
    return saved ? `Saved to ${where}.` : null;
  }
  const [only] = result.files;
  if (result.files.length === 1 && only) {
    download(only.name, new Blob([only.content], { type: `${only.mime};charset=utf-8` }));
    return `Downloaded “${only.name}”.`;
  }
  const name = `${result.name}.zip`;
  download(name, zipFiles(result.name, result.files));
  return `Downloaded “${name}” with ${result.files.length} files.`;
}
