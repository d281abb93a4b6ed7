const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-06-26" → "26 Jun 2024", "2021-11" → "Nov 2021", "2017" → "2017", null → "—". */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, name, year].filter(Boolean).join(' ');
}

/** Length as a reader thinks of it: words and minutes. */
export function formatLength(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230));
  return `${words.toLocaleString('en')} words · ${minutes} min`;
}
