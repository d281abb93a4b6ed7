/** A count with its noun, singular for one: "1 document", "2,417 documents", "1 mention". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
