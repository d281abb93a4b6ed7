/** Characters no common file system allows in a name, and control characters. */
// eslint-disable-next-line no-control-regex -- control characters are what this matches
const UNSAFE = /[\\/:*?"<>|\u0000-\u001F\u007F]+/g;
/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(?:con|prn|aux|nul|com\d|lpt\d)$/i;
const MAX_NAME = 100;

/** A file name made from a title, safe on Windows, macOS and Linux: "Report: 2024/25" → "Report 2024 25". */
export function safeFileName(title: string, extension: string): string {
  let base = title.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME).replace(/[ .]+$/, '').replace(/^[ .]+/, '');
  if (!base) base = 'Untitled';
  if (RESERVED.test(base)) base = `${base}_`;
  return `${base}.${extension}`;
}

/** The names made unique by numbering the repeats: "A.md", "A (2).md". */
export function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return `${name.slice(0, dot)} (${count})${name.slice(dot)}`;
  });
}
