/** Array elements serialised between two turns of the event loop. */
const ITEMS_PER_TURN = 500;

/**
 * `JSON.stringify(data)` for a store file's data (a plain object), made a
 * slice at a time: a file of thousands of entries is written without
 * holding up the requests that arrive meanwhile. Same text, byte for byte.
 */
export async function stringifyInSlices(data: object): Promise<string> {
  const fields: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    fields.push(`${JSON.stringify(key)}:${Array.isArray(value) ? await arrayInSlices(value) : JSON.stringify(value)}`);
  }
  return `{${fields.join(',')}}`;
}

async function arrayInSlices(items: readonly unknown[]): Promise<string> {
  const parts: string[] = [];
  for (let at = 0; at < items.length; at += ITEMS_PER_TURN) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    // JSON.stringify writes an undefined element of an array as null.
    parts.push(items.slice(at, at + ITEMS_PER_TURN).map((item) => JSON.stringify(item) ?? 'null').join(','));
  }
  return `[${parts.join(',')}]`;
}
