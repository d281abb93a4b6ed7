/**
 * The search index as bytes: one binary layout that loads without parsing.
 *
 * Layout: an 8-byte magic, the format version, the header's length and a
 * CRC-32 of everything after them; a JSON header (document records, note
 * ids, where each section is); then the sections, each 8-byte aligned (the
 * segment, the columns, the texts, and the delta: changes are saved without
 * a merge),
 * which are read back as typed-array views over the file's bytes: loading a
 * 10,000-document index is one read and a checksum, not millions of objects.
 *
 * Pure code: the checksum function and the file are the caller's
 * (search/snapshot-file.ts), so this runs anywhere.
 */
import type { DeltaState, DocRecord, EngineState, EntryMeta } from './entries';
import type { Segment } from './segment';

/** Bump when the layout or the meaning of anything saved changes (tokenizer included): old files are rebuilt. */
export const SNAPSHOT_FORMAT = 4;
const MAGIC = new TextEncoder().encode('DOSSIDX\0');
const PREAMBLE = 20;

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

/** A document's record in the header: a row rather than an object (a large library has a hundred thousand). */
type RecordRow = [id: string, title: string, date: string | null, fingerprint: string, notesPrint: string, titleEntry: number, passages: number, notesFrom: number, notes: number];

interface Header {
  sections: SectionInfo[];
  records: Array<RecordRow | null>;
  meta: Array<[number, EntryMeta]>;
}

const toRow = (r: DocRecord): RecordRow => [r.id, r.title, r.date, r.fingerprint, r.notesPrint, r.titleEntry, r.passages, r.notesFrom, r.notes];
const fromRow = ([id, title, date, fingerprint, notesPrint, titleEntry, passages, notesFrom, notes]: RecordRow): DocRecord => ({ id, title, date, fingerprint, notesPrint, titleEntry, passages, notesFrom, notes });

/** Why a saved index could not be used. */
export class SnapshotError extends Error {}

const SEGMENT_ARRAYS = ['postOffsets', 'postEntries', 'postTfs', 'fwdOffsets', 'fwdTerms', 'fwdTfs'] as const;
const STATE_ARRAYS = ['kinds', 'docs', 'blocks', 'starts', 'lengths', 'dead', 'textOffsets'] as const;
const DELTA_ARRAYS = [
  ['deltaOffsets', 'offsets'],
  ['deltaTermIds', 'termIds'],
  ['deltaTfs', 'tfs'],
  ['deltaTexts', 'texts'],
  ['deltaTextOffsets', 'textOffsets'],
] as const;

type View = Uint8Array | Uint32Array | Int32Array;

const kindOf = (array: Uint8Array | Uint32Array | Int32Array): ArrayKind => (array instanceof Uint8Array ? 'u8' : array instanceof Int32Array ? 'i32' : 'u32');
const bytesOf = (array: ArrayBufferView): Uint8Array => new Uint8Array(array.buffer, array.byteOffset, array.byteLength);

/** A state as the pieces of a snapshot after its preamble (see `preamble`), in order. */
export function snapshotBody(state: EngineState): Uint8Array[] {
  // Each section is one array, or (the texts) several written one after the other.
  const named: Array<[string, View[]]> = [
    ['terms', [new TextEncoder().encode(state.segment.terms.join('\n'))]],
    ...SEGMENT_ARRAYS.map((name): [string, View[]] => [name, [state.segment[name]]]),
    ...STATE_ARRAYS.map((name): [string, View[]] => [name, [state[name]]]),
    ['texts', state.texts],
    ['deltaTerms', [new TextEncoder().encode(state.delta.terms.join('\n'))]],
    ...DELTA_ARRAYS.map(([name, key]): [string, View[]] => [name, [state.delta[key]]]),
  ];
  const sections: SectionInfo[] = [];
  let offset = 0;
  for (const [name, parts] of named) {
    const kind = kindOf(parts[0] ?? new Uint8Array(0));
    const bytes = parts.reduce((sum, p) => sum + p.byteLength, 0);
    sections.push({ name, kind, offset, length: bytes / ARRAYS[kind].BYTES_PER_ELEMENT });
    offset = align(offset + bytes);
  }
  const header = new TextEncoder().encode(JSON.stringify({ sections, records: state.records.map((r) => r && toRow(r)), meta: state.meta } satisfies Header));
  const headerPadded = align(PREAMBLE + header.length) - PREAMBLE;
  const body: Uint8Array[] = [header, new Uint8Array(headerPadded - header.length)];
  for (const [i, [, parts]] of named.entries()) {
    body.push(...parts.map(bytesOf));
    const info = sections[i] as SectionInfo;
    const end = info.offset + info.length * ARRAYS[info.kind].BYTES_PER_ELEMENT;
    body.push(new Uint8Array(align(end) - end));
  }
  return body;
}

/** The preamble of a snapshot whose body (header first) has this header length and checksum. */
export function preamble(headerLength: number, checksum: number): Uint8Array {
  const bytes = new Uint8Array(PREAMBLE);
  bytes.set(MAGIC, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(8, SNAPSHOT_FORMAT, true);
  view.setUint32(12, headerLength, true);
  view.setUint32(16, checksum >>> 0, true);
  return bytes;
}

/**
 * Reads a state back from a snapshot's bytes, as views over them; throws
 * SnapshotError when they are damaged or of another format. `checksum` is
 * CRC-32 over a range of bytes.
 */
export function decodeSnapshot(bytes: Uint8Array<ArrayBuffer>, checksum: (bytes: Uint8Array) => number): EngineState {
  // Typed-array views need their offsets aligned.
  if (bytes.byteOffset % 8 !== 0) bytes = new Uint8Array(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < PREAMBLE || !MAGIC.every((b, i) => bytes[i] === b)) throw new SnapshotError('it is not a Dossier search index');
  const format = view.getUint32(8, true);
  if (format !== SNAPSHOT_FORMAT) throw new SnapshotError(`it has format ${format}, this version reads ${SNAPSHOT_FORMAT}`);
  if (checksum(bytes.subarray(PREAMBLE)) >>> 0 !== view.getUint32(16, true)) throw new SnapshotError('its checksum does not match (the file is damaged or incomplete)');
  const headerLength = view.getUint32(12, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  const start = align(PREAMBLE + headerLength);
  const section = new Map(header.sections.map((s) => [s.name, s]));
  const sectionView = (name: string) => {
    const info = section.get(name);
    if (!info) throw new SnapshotError(`its section ${name} is missing`);
    const Kind = ARRAYS[info.kind];
    const at = bytes.byteOffset + start + info.offset;
    if (at + info.length * Kind.BYTES_PER_ELEMENT > bytes.byteOffset + bytes.length) throw new SnapshotError(`its section ${name} is cut short`);
    return new Kind(bytes.buffer, at, info.length);
  };
  const lines = (name: string) => {
    const text = new TextDecoder().decode(sectionView(name));
    return text.length === 0 ? [] : text.split('\n');
  };
  const segment = { terms: lines('terms'), ...Object.fromEntries(SEGMENT_ARRAYS.map((name) => [name, sectionView(name)])) } as Segment;
  const arrays = Object.fromEntries(STATE_ARRAYS.map((name) => [name, sectionView(name)])) as unknown as Pick<EngineState, (typeof STATE_ARRAYS)[number]>;
  const delta = { terms: lines('deltaTerms'), ...Object.fromEntries(DELTA_ARRAYS.map(([name, key]) => [key, sectionView(name)])) } as DeltaState;
  return { segment, delta, ...arrays, texts: [sectionView('texts') as Uint8Array], records: header.records.map((r) => r && fromRow(r)), meta: header.meta };
}

function align(n: number): number {
  return Math.ceil(n / 8) * 8;
}
