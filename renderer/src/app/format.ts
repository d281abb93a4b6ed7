const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-06-26" → "26 Jun 2024", "2021-11" → "Nov 2021", "2017" → "2017", null → "—". */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, name, year].filter(Boolean).join(' ');
}

/** Length as a reader thinks of it: words, and minutes or (past an hour) hours: "about 420 h", never "25323 min". */
export function formatLength(words: number): string {
  const minutes = Math.max(1, Math.round(words / 230));
  if (minutes < 60) return `${words.toLocaleString('en')} words · ${minutes} min`;
  const hours = minutes / 60;
  // Half hours below ten hours, then two significant figures: a long read is an estimate.
  const shown = hours < 10 ? Math.round(hours * 2) / 2 : Number(hours.toPrecision(2));
  return `${words.toLocaleString('en')} words · about ${shown.toLocaleString('en')} h`;
}
