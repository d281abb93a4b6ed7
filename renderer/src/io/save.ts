import { strToU8, zipSync } from 'fflate';
import type { ExportResult } from '../../../main/common/contract';
import { filesBridge } from '../api/bridges';
import { plural } from '../app/plural';

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

/** The files as a .zip with the folder `folder` inside it: how the browser hands over a folder in one download. */
function zipped(folder: string, files: ExportResult['files']): Blob {
  const archive = zipSync(Object.fromEntries(files.map((file) => [`${folder}/${file.name}`, strToU8(file.content)])));
  return new Blob([archive as BlobPart], { type: 'application/zip' });
}

/**
 * Saves an export where the person chooses: the desktop app's save dialog
 * (a folder for several files), or the browser's downloads (several files
 * as one .zip). Returns what happened, in words, or null when they cancelled.
 */
export async function saveExport(result: ExportResult): Promise<string | null> {
  if (filesBridge) {
    const { saved, where } = await filesBridge.save(result);
    return saved ? `Saved to ${where}.` : null;
  }
  const [only] = result.files;
  if (result.files.length === 1 && only) {
    download(only.name, new Blob([only.content], { type: `${only.mime};charset=utf-8` }));
    return `Downloaded “${only.name}”.`;
  }
  const name = `${result.name}.zip`;
  download(name, zipped(result.name, result.files));
  return `Downloaded “${name}” with ${plural(result.files.length, 'file')}.`;
}
