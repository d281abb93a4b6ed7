import type { UploadPurpose } from '../../../main/common/contract';
import { api } from '../api/client';

/** A file on its way to the core: its upload id, or why the core refused it before any byte was sent. */
export type Sent = { uploadId: string } | { refused: string } | { cancelled: true };

/** A piece of a file as base64, read by the browser itself (fast, and off the main thread). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/**
 * Sends a file to the core chunk by chunk, reporting the bytes sent (and the
 * upload's id as soon as there is one, for a Cancel that cannot wait). Cancel
 * is honoured between chunks: the core then drops what it received.
 */
export async function sendFile(file: File, purpose: UploadPurpose, onBytes: (sent: number) => void, cancelled: () => boolean, onUpload?: (uploadId: string) => void): Promise<Sent> {
  const ticket = await api.beginUpload({ name: file.name, size: file.size, purpose, lastModified: file.lastModified });
  if (!ticket.accepted) return { refused: ticket.reason };
  const { uploadId, chunkBytes } = ticket;
  onUpload?.(uploadId);
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (cancelled()) {
      await api.cancelUpload(uploadId);
      return { cancelled: true };
    }
    const data = await base64Of(file.slice(offset, offset + chunkBytes));
    const { received } = await api.sendUploadChunk({ uploadId, offset, data });
    onBytes(received);
  }
  return { uploadId };
}
