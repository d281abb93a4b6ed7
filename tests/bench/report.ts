/** The benchmark's results as Markdown tables, each figure beside raw MiniSearch's and its goal. */
import type { BenchResults, SizeResults } from './bench';
import type { BrowserResult } from './browser';
import type { PeerResult, PeerSkipped } from './peers';
import { RESULTS_PER_KEYSTROKE } from './phases';
import type { Distribution } from './stats';

const ms = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : n >= 10 ? `${n.toFixed(0)} ms` : `${n.toFixed(1)} ms`);
const mb = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} MB`;
const times = (n: number) => `${n.toFixed(2)}×`;
const pct = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)} / ${ms(d.p99)}`;
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const ratio = (ours: number, theirs: number) => (theirs > 0 ? times(ours / theirs) : '—');

/** The goals of issue 17 for a library of this size: cold start to first answer and peak RSS (150 MB and under: 1 s, 800 MB; 500 MB: 2 s, 2 GB). */
const coldGoalMs = (megabytes: number) => (megabytes > 150 ? 2000 : 1000);
const rssGoalMb = (megabytes: number) => (megabytes > 150 ? 2000 : 800);
const peakRss = (s: SizeResults) => Math.max(s.ours.peakRssMb, s.coldSaved.peakRssMb, s.coldUnsaved.peakRssMb);
/** "met", or "**missed** by how much". */
function against(value: number, goal: number, unit: (n: number) => string): string {
  return value <= goal ? `met (${unit(goal - value)} to spare)` : `**missed** by ${unit(value - goal)} (${times(value / goal)} the goal)`;
}

function sizeTable(s: SizeResults): string {
  const { ours, raw } = s;
  const textMb = ours.chars / 1e6;
  const indexMb = ours.heapMb + ours.externalMb;
  const reloadedMb = ours.reload.heapMb + ours.reload.externalMb;
  const rows: string[][] = [
    ['index build', ms(ours.buildMs), raw ? ms(raw.buildMs) : '—', raw ? times(ours.buildMs / raw.buildMs) : '—', ''],
    ['index memory, heap + buffers of its thread: after the build / after a restart', `${mb(indexMb)} (${(indexMb / textMb).toFixed(1)}× text) / ${mb(reloadedMb)} (${(reloadedMb / textMb).toFixed(1)}× text)`, raw ? `${mb(raw.heapMb)} (${(raw.heapMb / textMb).toFixed(1)}× text)` : '—', raw ? times(reloadedMb / raw.heapMb) : '—', `< 3× text: ${verdict(Math.max(indexMb, reloadedMb) < 3 * textMb)}`],
    ['saved index', `${mb(ours.indexFileMb)} binary, written in ${ms(ours.saveMs)}`, raw ? `${mb(raw.jsonMb)} JSON, stringified in ${ms(raw.stringifyMs)} (blocking)` : '—', '', ''],
    ['save after a change (saved as it is): main process blocked', `${ms(ours.saveAfterChange.blockedMs)} (save ${ms(ours.saveAfterChange.totalMs)} in the worker)`, raw ? `${ms(raw.stringifyMs)}` : '—', '', `< 50 ms: ${verdict(ours.saveAfterChange.blockedMs < 50)}`],
    ['… searching while it saves: slowest answer', `${ms(ours.saveAfterChange.slowestSearchMs)} (${ours.saveAfterChange.searches} searches)`, raw ? `${ms(raw.stringifyMs)} (blocked)` : '—', '', ''],
    ['merge of the changes into a new segment, then save: main process blocked', `${ms(s.merge.blockedMs)} (save ${ms(s.merge.totalMs)} in the worker, ${ms(s.merge.mergeMs)} of it merging)`, '', '', `< 50 ms: ${verdict(s.merge.blockedMs < 50)}`],
    ['… searching while it merges: slowest answer', `${ms(s.merge.slowestSearchMs)} (${s.merge.searches} searches)`, '', '', ''],
    ['index alone, restarted: load / first answer', `${ms(ours.reload.loadMs)} / ${ms(ours.reload.firstAnswerMs)}`, raw ? `loadJSON ${ms(raw.loadJsonMs)}` : '—', raw ? times(ours.reload.loadMs / raw.loadJsonMs) : '—', ''],
    ['cold start, saved index: whole core open / first answer', `${ms(s.coldSaved.openMs)} / ${ms(s.coldSaved.firstAnswerMs)}`, '', '', `≤ ${ms(coldGoalMs(s.megabytes))}: ${verdict(s.coldSaved.firstAnswerMs <= coldGoalMs(s.megabytes))}`],
    ['cold start, no saved index: first complete answer', ms(s.coldUnsaved.firstAnswerMs), raw ? `build ${ms(raw.buildMs)}` : '—', '', ''],
    [`per keystroke p50 / p95 / p99 (${ours.keystroke.n} keystrokes)`, pct(ours.keystroke), raw ? `${pct(raw.keystroke)} (first ${raw.keystroke.n})` : '—', raw ? `${times(ours.keystroke.p95 / raw.keystroke.p95)} at p95` : '—', `p95 < 10 ms: ${verdict(ours.keystroke.p95 < 10)}; p99 < 25 ms: ${verdict(ours.keystroke.p99 < 25)}`],
    ['per keystroke, naive MiniSearch (prefix + fuzzy 0.2 on every word)', '', raw ? `${pct(raw.naiveKeystroke)} (first ${raw.naiveKeystroke.n})` : '—', '', ''],
    ['main process blocked while searching: typing at 20 keys/s / keystrokes back to back', `${ms(ours.pacedBlockedMs)} / ${ms(ours.keystrokeBlockedMs)}`, 'all of each query (same thread)', '', `< 16 ms: ${verdict(ours.pacedBlockedMs < 16)}`],
    [`full query p50 / p95 / p99 (${ours.full.n} queries)`, pct(ours.full), raw ? pct(raw.full) : '—', raw ? `${times(ours.full.p50 / raw.full.p50)} at p50, ${times(ours.full.p95 / raw.full.p95)} at p95` : '—', raw ? `overhead < 1.3×: ${verdict(ours.full.p95 / raw.full.p95 < 1.3)}` : ''],
    ['add one document, searchable', ms(ours.addDocumentMs), '', '', ''],
    ['peak RSS of the process: building / loading the saved index / loading and merging', `${mb(Math.max(ours.peakRssMb, s.coldUnsaved.peakRssMb))} / ${mb(s.coldSaved.peakRssMb)} / ${mb(s.merge.peakRssMb)}`, raw ? mb(raw.peakRssMb) : '—', '', `≤ ${mb(rssGoalMb(s.megabytes))}: ${verdict(peakRss(s) <= rssGoalMb(s.megabytes))}; merging: ${verdict(s.merge.peakRssMb <= rssGoalMb(s.megabytes))}`],
  ];
  return [
    `### ${s.megabytes} MB: ${s.documents.toLocaleString('en')} documents, ${ours.passages.toLocaleString('en')} passages, ${(ours.chars / 1e6).toFixed(1)} M characters`,
    '',
    '| | Dossier | raw MiniSearch | Dossier / MiniSearch | goal |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
    ...(s.rawFailure ? ['', `Raw MiniSearch: ${s.rawFailure}.`] : []),
    '',
    peersTable(s),
  ].join('\n');
}

const measured = (p: PeerResult | PeerSkipped): p is PeerResult => !('skipped' in p);

/** Our index beside raw MiniSearch, FlexSearch and SQLite FTS5 on the same passages and keystrokes, with the ratios. */
function peersTable(s: SizeResults): string {
  const { ours, raw } = s;
  const peers = s.peers.filter(measured);
  const capped = (d: Distribution, all: number) => (d.n < all ? ` (first ${d.n})` : '');
  const typed = ours.keystroke.n;
  const columns: Array<{ name: string; build: number; size: string; keystroke: Distribution; full: Distribution; rss: number }> = [
    ...(raw ? [{ name: `raw MiniSearch (typos as ours)`, build: raw.buildMs, size: `${mb(raw.heapMb)} heap`, keystroke: raw.keystroke, full: raw.full, rss: raw.peakRssMb }] : []),
    ...peers.map((p) => ({ name: `${p.peer} ${p.version} (no typos)`, build: p.buildMs, size: `${mb(p.sizeMb)} ${p.sizeOf}`, keystroke: p.keystroke, full: p.full, rss: p.peakRssMb })),
  ];
  if (columns.length === 0 && s.peers.length === 0) return '';
  const row = (label: string, mine: string, theirs: (c: (typeof columns)[number]) => string, ratios: (c: (typeof columns)[number]) => string) =>
    `| ${label} | ${mine} | ${columns.map(theirs).join(' | ')} | ${columns.map(ratios).join(' · ')} |`;
  return [
    `#### Beside its peers, ${s.megabytes} MB: the same passages and the same ${typed.toLocaleString('en')} keystrokes, 10 results each`,
    '',
    `| | Dossier (typo-tolerant, worker round trip) | ${columns.map((c) => c.name).join(' | ')} | Dossier ÷ each |`,
    `| --- | --- | ${columns.map(() => '---').join(' | ')} | --- |`,
    row('index build', ms(ours.buildMs), (c) => ms(c.build), (c) => ratio(ours.buildMs, c.build)),
    row('index size', `${mb(ours.heapMb + ours.externalMb)} heap and buffers; ${mb(ours.indexFileMb)} file`, (c) => c.size, () => ''),
    row('per keystroke p50 / p95 / p99', pct(ours.keystroke), (c) => `${pct(c.keystroke)}${capped(c.keystroke, typed)}`, (c) => `${ratio(ours.keystroke.p95, c.keystroke.p95)} at p95`),
    row(`full query p50 / p95 / p99 (${ours.full.n})`, pct(ours.full), (c) => pct(c.full), (c) => `${ratio(ours.full.p95, c.full.p95)} at p95`),
    row('peak RSS of its process', mb(ours.peakRssMb), (c) => mb(c.rss), () => ''),
    ...s.peers.filter((p): p is PeerSkipped => 'skipped' in p).flatMap((p) => ['', `${p.peer}: ${p.skipped}.`]),
  ].join('\n');
}

/** The goals of a library of 100,000 documents, each beside what was measured. */
function goalsTable(results: BenchResults): string {
  const at = (megabytes: number) => results.sizes.find((s) => s.megabytes === megabytes);
  const missing = (flag: string) => `not measured in this run (add ${flag})`;
  const rows: string[][] = [];
  for (const [megabytes, flag] of [[150, '--full'], [500, '--huge']] as const) {
    const s = at(megabytes);
    rows.push([`cold start to first answer, ${megabytes} MB`, `≤ ${ms(coldGoalMs(megabytes))}`, s ? ms(s.coldSaved.firstAnswerMs) : missing(flag), s ? against(s.coldSaved.firstAnswerMs, coldGoalMs(megabytes), ms) : '']);
    rows.push([`peak RSS, ${megabytes} MB: building or loading`, `≤ ${mb(rssGoalMb(megabytes))}`, s ? mb(peakRss(s)) : missing(flag), s ? against(peakRss(s), rssGoalMb(megabytes), mb) : '']);
    rows.push([`… merging the changes (once a fifth of the library changed)`, `≤ ${mb(rssGoalMb(megabytes))}`, s ? mb(s.merge.peakRssMb) : missing(flag), s ? against(s.merge.peakRssMb, rssGoalMb(megabytes), mb) : '']);
  }
  const huge = at(500);
  rows.push(['per keystroke in the core, p95, 500 MB', '≤ 10 ms', huge ? ms(huge.ours.keystroke.p95) : missing('--huge'), huge ? against(huge.ours.keystroke.p95, 10, ms) : '']);
  return ['### Against the goals of a 100,000-document library', '', '| | goal | measured | |', '| --- | --- | --- | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function growthTable(results: BenchResults): string {
  const rows = results.sizes.map((s) => [
    `${s.megabytes} MB`,
    s.documents.toLocaleString('en'),
    ms(s.ours.buildMs),
    mb(s.ours.heapMb + s.ours.externalMb),
    mb(s.ours.indexFileMb),
    ms(s.ours.reload.loadMs),
    ms(s.coldSaved.firstAnswerMs),
    pct(s.ours.keystroke),
    pct(s.ours.full),
    `${mb(peakRss(s))} / ${mb(s.merge.peakRssMb)}`,
  ]);
  return [
    '### How each cost grows',
    '',
    '| library | documents | build | index memory | file | load | cold start to first answer | keystroke p50 / p95 / p99 | full query p50 / p95 / p99 | peak RSS: building or loading / merging |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function otherTables(results: BenchResults): string {
  const lines: string[] = ['### Annotations and import', '', '| | measured | goal |', '| --- | --- | --- |'];
  const big = results.sizes.find((s) => s.annotations)?.annotations;
  for (const a of [results.annotationsSmall, big]) {
    if (!a) continue;
    lines.push(`| annotation save at ${a.documents.toLocaleString('en')} documents, ${a.annotations.toLocaleString('en')} annotations: create p50 / p95 | ${ms(a.create.p50)} / ${ms(a.create.p95)} | < 10 ms: ${verdict(a.create.p95 < 10)} |`);
    lines.push(`| … edit a note p50 / p95 | ${ms(a.update.p50)} / ${ms(a.update.p95)} | < 10 ms: ${verdict(a.update.p95 < 10)} |`);
  }
  if (big) lines.push(`| making the ${big.annotations.toLocaleString('en')} annotations (16 at a time) | ${ms(big.createAllMs)} | |`);
  const imported = results.sizes.find((s) => s.importing)?.importing;
  for (const i of [results.importSmall, imported]) {
    if (!i) continue;
    lines.push(`| import of ${i.files} files (${mb(i.mb)}) through the upload API into a library of ${i.documentsBefore.toLocaleString('en')} documents | ${i.mbPerSecond.toFixed(2)} MB/s (${ms(i.perFile.p50)} per file at p50, ${ms(i.perFile.p95)} at p95) | |`);
  }
  return lines.join('\n');
}

function browserTable(b: BenchResults['browser']): string {
  if ('skipped' in b) return `### The window\n\nSkipped: ${b.skipped}.`;
  const r = b as BrowserResult;
  return [
    `### The window (Chromium ${r.chromium})`,
    '',
    '| | measured | goal |',
    '| --- | --- | --- |',
    `| open a 5 MB document: first blocks painted | ${ms(r.longDocument.firstScreenMs)} (longest task in the window ${ms(r.longDocument.longestTaskMs)}) | ≤ 200 ms |`,
    `| scrolling it: frame time p50 / p95 / max | ${ms(r.longDocument.scrollFrames.p50)} / ${ms(r.longDocument.scrollFrames.p95)} / ${ms(r.longDocument.scrollFrames.max)} (longest task ${ms(r.longDocument.scrollLongestTaskMs)}) | p95 ≤ 16 ms |`,
    `| typing in the search box (50 MB library): keystroke to results painted p50 / p95 / p99 (${r.typing.painted.n}) | ${pct(r.typing.painted)} (longest task ${ms(r.typing.longestTaskMs)}) | p95 ≤ 16 ms, longest task ≤ 16 ms |`,
    `| the library view of that library: opening the app to its table painted (median of 3) | ${ms(r.libraryPaintedMs)} | ≤ 300 ms |`,
    `| sorting it by title / by length | ${ms(r.librarySortedMs.title)} / ${ms(r.librarySortedMs.length)} | ≤ 100 ms |`,
  ].join('\n');
}

export function report(results: BenchResults): string {
  const machine = Object.entries(results.machine).map(([k, v]) => `${k}: ${v}`).join(' · ');
  return [
    `## Benchmark run of ${results.started.slice(0, 16).replace('T', ' ')} UTC (${results.minutes.toFixed(1)} minutes)`,
    '',
    machine,
    '',
    `Queries: ${results.queries.count} generated from the corpus (seeded), typed one character at a time = ${results.queries.keystrokes} keystrokes, ${RESULTS_PER_KEYSTROKE} results each; e.g. ${results.queries.examples.map((q) => `\`${q}\``).join(', ')}.`,
    '',
    ...results.sizes.map(sizeTable).flatMap((t) => [t, '']),
    growthTable(results),
    '',
    goalsTable(results),
    '',
    otherTables(results),
    '',
    browserTable(results.browser),
    '',
  ].join('\n');
}
