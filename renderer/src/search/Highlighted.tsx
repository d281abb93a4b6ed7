import type { Snippet } from '../../../main/common/contract';

/** A snippet with its matched words in <mark>: text only, never HTML. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [from, to] of snippet.highlights) {
    if (from > at) parts.push(snippet.text.slice(at, from));
    parts.push(<mark key={from}>{snippet.text.slice(from, to)}</mark>);
    at = to;
  }
  parts.push(snippet.text.slice(at));
  return <>{parts}</>;
}
