/**
 * A ZIP archive of text files, stored uncompressed: how the browser hands
 * over a folder of exported notes in one download (the desktop app writes
 * the folder itself). Names are UTF-8 (general-purpose flag bit 11).
 */

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date, the only timestamp the basic format has. */
function dosDateTime(date: Date): [time: number, day: number] {
  const time = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const day = ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  return [time, day];
}

/** Little-endian fields, each [bytes, value]. */
function fields(...values: Array<[size: 2 | 4, value: number]>): Uint8Array {
  const out = new Uint8Array(values.reduce((n, [size]) => n + size, 0));
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [size, value] of values) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += size;
  }
  return out;
}

const UTF8_NAMES = 0x0800;

/** The files as a .zip, folder `folder` inside it. */
export function zipFiles(folder: string, files: Array<{ name: string; content: string }>, now = new Date()): Blob {
  const encoder = new TextEncoder();
  const [time, day] = dosDateTime(now);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const file of files) {
    const name = encoder.encode(`${folder}/${file.name}`);
    const data = encoder.encode(file.content);
    const crc = crc32(data);
    const common: Array<[2 | 4, number]> = [[2, 20], [2, UTF8_NAMES], [2, 0], [2, time], [2, day], [4, crc], [4, data.length], [4, data.length], [2, name.length], [2, 0]];
    const local = fields([4, 0x04034b50], ...common);
    parts.push(local, name, data);
    central.push(fields([4, 0x02014b50], [2, 20], ...common, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]), name);
    offset += local.length + name.length + data.length;
  }
  const size = central.reduce((n, part) => n + part.length, 0);
  const end = fields([4, 0x06054b50], [2, 0], [2, 0], [2, files.length], [2, files.length], [4, size], [4, offset], [2, 0]);
  return new Blob([...parts, ...central, end] as BlobPart[], { type: 'application/zip' });
}
