/**
 * The search index on disk: one binary file that loads without parsing.
 *
 * Layout: an 8-byte magic, the format version, the header's length and a
 * CRC-32 of everything after them; a JSON header (document records, note and
 * entity ids, where each section is); then the sections, each 8-byte aligned,
 * which are read back as typed-array views over the file's bytes: loading a
 * 10,000-document index is one read and a checksum, not millions of objects.
 *
 * The file is a cache of what the library holds: it is written atomically
 * (temporary file, then rename) but not fsynced. A file that is damaged,
 * truncated or of another format version is simply rebuilt.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { DocRecord, EngineState, EntryMeta } from './entries';
import type { Segment } from './segment';

/** Bump when the layout or the meaning of anything saved changes (tokenizer included): old files are rebuilt. */
export const SNAPSHOT_FORMAT = 1;
const MAGIC = Buffer.from('DOSSIDX\0', 'latin1');
const PREAMBLE = 20;
const CHECKSUM_PIECE = 8 * 1024 * 1024;

type ArrayKind = 'u8' | 'u32' | 'i32';
const ARRAYS = {
  u8: Uint8Array,
  u32: Uint32Array,
  i32: Int32Array,
} as const;

interface SectionInfo {
  name: string;
  kind: ArrayKind;
  offset: number;
  length: number;
}

interface Header {
  sections: SectionInfo[];
  records: Array<DocRecord | null>;
  meta: Array<[number, EntryMeta]>;
}

/** Why a saved index could not be used. */
export class SnapshotError extends Error {}

const SEGMENT_ARRAYS = ['postOffsets', 'postEntries', 'postTfs', 'fwdOffsets', 'fwdTerms', 'fwdTfs'] as const;
const STATE_ARRAYS = ['kinds', 'docs', 'blocks', 'starts', 'lengths', 'dead', 'textOffsets'] as const;

type View = Uint8Array | Uint32Array | Int32Array;

const kindOf = (array: Uint8Array | Uint32Array | Int32Array): ArrayKind => (array instanceof Uint8Array ? 'u8' : array instanceof Int32Array ? 'i32' : 'u32');
const bytesOf = (array: ArrayBufferView): Buffer => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Writes a state to `file` (atomically: readers see the old file or the new one). */
export async function writeSnapshot(file: string, state: EngineState): Promise<void> {
  // Each section is one array, or (the texts) several written one after the other.
  const named: Array<[string, View[]]> = [
    ['terms', [new TextEncoder().encode(state.segment.terms.join('\n'))]],
    ...SEGMENT_ARRAYS.map((name): [string, View[]] => [name, [state.segment[name]]]),
    ...STATE_ARRAYS.map((name): [string, View[]] => [name, [state[name]]]),
    ['texts', state.texts],
  ];
  const sections: SectionInfo[] = [];
  let offset = 0;
  for (const [name, parts] of named) {
    const kind = kindOf(parts[0] ?? new Uint8Array(0));
    const bytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
    sections.push({ name, kind, offset, length: bytes / ARRAYS[kind].BYTES_PER_ELEMENT });
    offset = align(offset + bytes);
  }
  const header = Buffer.from(JSON.stringify({ sections, records: state.records, meta: state.meta } satisfies Header));
  const headerPadded = align(PREAMBLE + header.length) - PREAMBLE;
  const body: Buffer[] = [header, Buffer.alloc(headerPadded - header.length)];
  for (const [i, [, parts]] of named.entries()) {
    body.push(...parts.map(bytesOf));
    const info = sections[i] as SectionInfo;
    const end = info.offset + info.length * ARRAYS[info.kind].BYTES_PER_ELEMENT;
    body.push(Buffer.alloc(align(end) - end));
  }
  // The checksum in pieces, with a turn for queries between them: this runs in the index's thread.
  let checksum = 0;
  for (const part of body) {
    for (let at = 0; at < part.length; at += CHECKSUM_PIECE) {
      checksum = crc32(part.subarray(at, at + CHECKSUM_PIECE), checksum);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const preamble = Buffer.alloc(PREAMBLE);
  MAGIC.copy(preamble, 0);
  preamble.writeUInt32LE(SNAPSHOT_FORMAT, 8);
  preamble.writeUInt32LE(header.length, 12);
  preamble.writeUInt32LE(checksum >>> 0, 16);

  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    // writev takes a bounded number of buffers per call.
    const parts = [preamble, ...body];
    for (let i = 0; i < parts.length; i += 64) await handle.writev(parts.slice(i, i + 64));
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
  await rename(temp, file);
}

/** Reads a state written by writeSnapshot; throws SnapshotError when the file is damaged or of another format. */
export async function readSnapshot(file: string): Promise<EngineState> {
  let bytes = await readFile(file);
  // Typed-array views need their offsets aligned; a file read whole starts its own buffer, but be sure.
  if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(new Uint8Array(bytes));
  if (bytes.length < PREAMBLE || !bytes.subarray(0, 8).equals(MAGIC)) throw new SnapshotError('it is not a Dossier search index');
  const format = bytes.readUInt32LE(8);
  if (format !== SNAPSHOT_FORMAT) throw new SnapshotError(`it has format ${format}, this version reads ${SNAPSHOT_FORMAT}`);
  if (crc32(bytes.subarray(PREAMBLE)) >>> 0 !== bytes.readUInt32LE(16)) throw new SnapshotError('its checksum does not match (the file is damaged or incomplete)');
  const headerLength = bytes.readUInt32LE(12);
  const header = JSON.parse(bytes.toString('utf8', PREAMBLE, PREAMBLE + headerLength)) as Header;
  const start = align(PREAMBLE + headerLength);
  const section = new Map(header.sections.map((s) => [s.name, s]));
  const view = (name: string) => {
    const info = section.get(name);
    if (!info) throw new SnapshotError(`its section ${name} is missing`);
    const Kind = ARRAYS[info.kind];
    const at = bytes.byteOffset + start + info.offset;
    if (at + info.length * Kind.BYTES_PER_ELEMENT > bytes.byteOffset + bytes.length) throw new SnapshotError(`its section ${name} is cut short`);
    return new Kind(bytes.buffer, at, info.length);
  };
  const termBytes = view('terms') as Uint8Array;
  const segment = {
    terms: termBytes.length === 0 ? [] : new TextDecoder().decode(termBytes).split('\n'),
    ...Object.fromEntries(SEGMENT_ARRAYS.map((name) => [name, view(name)])),
  } as Segment;
  const arrays = Object.fromEntries(STATE_ARRAYS.map((name) => [name, view(name)])) as unknown as Pick<EngineState, (typeof STATE_ARRAYS)[number]>;
  return { segment, ...arrays, texts: [view('texts') as Uint8Array], records: header.records, meta: header.meta };
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
