// The performance report of `cargo xtask bench`: figures, their budgets, the verdicts, the
// printed text and the JSON, and the arithmetic that turns performance entries into figures
// (total blocking time, layout shift). Pure functions only (no browser, no files), so they
// are tested by bench-report.test.mjs; bench.mjs does the measuring.
//
// A figure is one number in the report:
//   { id, section, label, value, unit, budget?, note?, samples?, detail?, notApplicable? }
// - `id` is stable ("browser.annotate.ms") so report.json files can be compared over time;
// - `section` groups figures in the printed report, in the order they first appear;
// - `value` is a number, or null when it could not be measured (`note` says why);
// - `notApplicable: true` with `value: null` is a figure the issue asks for that this build
//   has no use for (`note` says why): shown as "n/a", judged 'info', never "NOT MEASURED";
// - `unit` is one of UNITS; `budget` is { op, limit } in the same unit, op one of
//   '<', '<=', '>', '>='; a figure without a budget is shown for information.
// A size row is a figure with unit 'B' and `sizes: { raw, gzip, brotli, servedGzip?,
// servedBrotli? }` (bytes) instead of `value`: raw, each file compressed here with gzip -9 and
// brotli 11, and what the server sends from the precompressed FILE.gz / FILE.br in dist/ (a
// file without one is sent as it is). A size row has no budget (budgeted sums are separate
// scalar figures).
//
// A comparison row (the "Archive: 1 vs N articles" section of `bench --articles N`) is a
// figure with `compare: { articles: [1, N], values: [one, many], samples?: [[…], […]] }`
// instead of `value`: the same figure for the site with one article and for the site with N,
// side by side, and their ratio. Its `goal: { maxRatio }` says how far the N-article value
// may exceed the 1-article one (1.1: at most 10% more; 1: no growth at all); a row without a
// goal is shown for information. A lower N-article value always keeps the goal. Comparison
// rows are counted apart from the budgets (`summary.archive`).

/** How each unit is printed. Bytes are shown in KB, where 1 KB is 1000 bytes. */
export const UNITS = {
  'MB/s': (v) => `${v.toFixed(1)} MB/s`,
  ms: (v) => `${formatMs(v)} ms`,
  B: (v) => `${(v / 1000).toFixed(1)} KB`,
  count: (v) => `${v}`,
  /** A layout shift score (CLS), unitless. */
  shift: (v) => v.toFixed(3),
  /** A Lighthouse category score, 0–100. */
  score: (v) => `${Math.round(v)}`,
  /** One figure divided by another. */
  ratio: (v) => `${v.toFixed(2)}×`,
  /** Seconds, of a build. */
  s: (v) => `${v.toFixed(1)} s`,
  /** Megabytes (10^6 bytes), for the size of a whole site. */
  MB: (v) => `${v.toFixed(2)} MB`,
};

/** Milliseconds with precision that suits their size: 0.412, 4.12, 41.2, 412. */
function formatMs(v) {
  const abs = Math.abs(v);
  if (abs < 1) return v.toFixed(3);
  if (abs < 10) return v.toFixed(2);
  if (abs < 100) return v.toFixed(1);
  return v.toFixed(0);
}

/** `value` in `unit`, for people. */
export function formatValue(value, unit) {
  const format = UNITS[unit];
  if (!format) throw new Error(`unknown unit ${unit}`);
  return format(value);
}

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(values) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// ---------------------------------------------------------------------------------------
// From performance entries to figures. Tasks are { start, duration } and shifts
// { start, value, hadRecentInput }, in ms since the page's time origin.

/** A task longer than this blocks input (the Long Tasks API and Lighthouse both use 50 ms). */
export const LONG_TASK_MS = 50;

/**
 * Total blocking time from `from` (first contentful paint) to `to` (the app is interactive):
 * for each long task that starts before `to`, its part after `from`, less 50 ms, when
 * positive. Like Lighthouse, a task straddling `from` counts only after it; unlike
 * Lighthouse, which ends at its estimated time to interactive, we end at the app's own
 * `courtview:interactive` mark, and count the task that sets the mark whole (the mark is
 * set inside it, and the page answers input only once it ends).
 */
export function totalBlockingTime(tasks, from, to) {
  let sum = 0;
  for (const { start, duration } of tasks) {
    if (start >= to) continue;
    const blocking = start + duration - Math.max(start, from) - LONG_TASK_MS;
    if (blocking > 0) sum += blocking;
  }
  return sum;
}

/** The longest of `tasks`, in ms; 0 when there is none (no task over 50 ms). */
export function longestTask(tasks) {
  return tasks.reduce((max, t) => Math.max(max, t.duration), 0);
}

/**
 * The longest of `tasks` split at `mark` (the app's `courtview:hydrating`): `before`, of
 * those that ended by then (the browser's parsing and first layout, the wasm's download and
 * compiling); `after`, of those that ended later, the task that sets the mark included (the
 * hydration's first slice runs in it): the app's own work.
 */
export function longestTaskAround(tasks, mark) {
  const ended = (t) => t.start + t.duration;
  return {
    before: longestTask(tasks.filter((t) => ended(t) <= mark)),
    after: longestTask(tasks.filter((t) => ended(t) > mark)),
  };
}

/**
 * The layout shift score as Chrome's Core Web Vitals define CLS: shifts within 500 ms of
 * input (`hadRecentInput`) do not count; the others are grouped in session windows (a gap
 * under 1 s, a window under 5 s) and the score is the largest window's sum.
 */
export function layoutShiftScore(shifts) {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  const counted = shifts.filter((s) => !s.hadRecentInput).sort((a, b) => a.start - b.start);
  for (const { start, value } of counted) {
    if (start - last < 1000 && start - first < 5000) {
      sum += value;
    } else {
      sum = value;
      first = start;
    }
    last = start;
    best = Math.max(best, sum);
  }
  return best;
}

// ---------------------------------------------------------------------------------------
// Verdicts and the printed report

/** Whether `value` keeps `budget`. */
function keeps(value, { op, limit }) {
  switch (op) {
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    default:
      throw new Error(`unknown budget operator ${op}`);
  }
}

/** Whether `v` is a measured number. */
const measured = (v) => typeof v === 'number' && !Number.isNaN(v);

/**
 * The verdict on a comparison row: { status, ratio }, status as `verdict`'s. `ratio` is the
 * N-article value over the 1-article one; 1 when both are 0, null when only the first is
 * (no finite ratio).
 */
export function compareVerdict({ compare, goal }) {
  const [one, many] = compare.values;
  if (!measured(one) || !measured(many)) return { status: 'not-measured' };
  const ratio = one === 0 ? (many === 0 ? 1 : null) : many / one;
  if (!goal) return { status: 'info', ratio };
  // A small tolerance, so that 110 against 100 keeps a 10% goal despite floating point.
  const kept = many <= one * goal.maxRatio + 1e-9 * Math.abs(one);
  return { status: kept ? 'ok' : 'missed', ratio };
}

/**
 * The verdict on one figure: { status, missedBy?, missedByPercent? }.
 * status is 'ok', 'missed', 'info' (no budget) or 'not-measured' (value is null).
 * `missedBy` is how far the value is on the wrong side of the limit (never negative), in the
 * figure's unit; `missedByPercent` is the same relative to the limit.
 */
export function verdict(figure) {
  if (figure.compare) return compareVerdict(figure);
  if (figure.sizes || figure.notApplicable) return { status: 'info' };
  if (figure.value === null || figure.value === undefined || Number.isNaN(figure.value)) {
    return { status: 'not-measured' };
  }
  if (!figure.budget) return { status: 'info' };
  if (keeps(figure.value, figure.budget)) return { status: 'ok' };
  const missedBy = Math.abs(figure.value - figure.budget.limit);
  const missedByPercent = figure.budget.limit === 0 ? null : (100 * missedBy) / figure.budget.limit;
  return { status: 'missed', missedBy, missedByPercent };
}

/** The budget as people read it: "< 1 ms", "≥ 50 MB/s", "≤ 200 KB" (no trailing zeros). */
export function formatBudget({ op, limit }, unit) {
  const symbol = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' }[op];
  const text = formatValue(limit, unit)
    .replace(/(\.\d*?)0+(?= |$)/, '$1')
    .replace(/\.(?= |$)/, '');
  return `${symbol} ${text}`;
}

/** A comparison row's goal as people read it: "≤ +10%", "no growth". */
export function formatGoal(goal) {
  if (!goal) return '';
  if (goal.maxRatio === 1) return 'no growth';
  return `≤ +${Math.round((goal.maxRatio - 1) * 100)}%`;
}

/** How much larger `ratio` is than 1, as people read it: "+34%", "−5%", "±0%". */
function formatChange(ratio) {
  const pct = Math.round((ratio - 1) * 100);
  if (pct === 0) return '±0%';
  return pct > 0 ? `+${pct}%` : `−${-pct}%`;
}

/** The verdict as people read it: "ok", "MISSED by 30.4 MB/s (61% short)", "—". */
export function formatVerdict(figure, v = verdict(figure)) {
  if (figure.compare && v.status === 'missed') {
    return v.ratio === null ? 'MISSED (from 0)' : `MISSED (${formatChange(v.ratio)})`;
  }
  switch (v.status) {
    case 'ok':
      return 'ok';
    case 'info':
      return '—';
    case 'not-measured':
      return `NOT MEASURED${figure.note ? `: ${figure.note}` : ''}`;
    case 'missed': {
      const by = formatValue(v.missedBy, figure.unit);
      if (v.missedByPercent === null) return `MISSED by ${by}`;
      const over = figure.budget.op.startsWith('<');
      const pct = `${Math.round(v.missedByPercent)}% ${over ? 'over' : 'short'}`;
      return `MISSED by ${by} (${pct})`;
    }
    default:
      throw new Error(`unknown status ${v.status}`);
  }
}

/**
 * The whole report as data: the figures with their verdicts, grouped by nothing (JSON users
 * filter on `section` or `id`), plus a summary of how many budgets were kept and missed.
 */
export function buildReport({ generated, environment, figures }) {
  const ids = new Set();
  for (const figure of figures) {
    if (ids.has(figure.id)) throw new Error(`figure id ${figure.id} is used twice`);
    ids.add(figure.id);
  }
  const judged = figures.map((figure) => ({ ...figure, ...verdict(figure) }));
  const single = judged.filter((f) => !f.compare);
  const compared = judged.filter((f) => f.compare);
  const count = (list, status) => list.filter((f) => f.status === status).length;
  const summary = {
    budgets: single.filter((f) => f.budget).length,
    ok: count(single, 'ok'),
    missed: count(single, 'missed'),
    notMeasured: count(single, 'not-measured'),
    missedIds: single.filter((f) => f.status === 'missed').map((f) => f.id),
  };
  if (compared.length) {
    summary.archive = {
      articles: compared[0].compare.articles,
      goals: compared.filter((f) => f.goal).length,
      ok: count(compared, 'ok'),
      missed: count(compared, 'missed'),
      notMeasured: count(compared, 'not-measured'),
      missedIds: compared.filter((f) => f.status === 'missed').map((f) => f.id),
    };
  }
  return { schema: 1, generated, environment, summary, figures: judged };
}

/** The columns of a size table: key in `sizes`, and title. */
const SIZE_COLUMNS = [
  ['raw', 'raw'],
  ['gzip', 'gzip -9'],
  ['brotli', 'brotli 11'],
  ['servedGzip', 'sent .gz'],
  ['servedBrotli', 'sent .br'],
];

/** Pads `text` to `width` on the right (or the left with `left`). */
function pad(text, width, left = false) {
  const gap = ' '.repeat(Math.max(0, width - [...text].length));
  return left ? gap + text : text + gap;
}

/** The report as the text `cargo xtask bench` prints. */
export function formatReport(report) {
  const lines = [];
  const env = report.environment ?? {};
  lines.push('━'.repeat(100));
  lines.push(`courtview performance report · ${report.generated}${env.commit ? ` · ${env.commit}` : ''}`);
  const about = [env.cpu, env.load, env.chromium && `Chromium ${env.chromium}`, env.node && `Node ${env.node}`]
    .filter(Boolean)
    .join(' · ');
  if (about) lines.push(about);
  lines.push('━'.repeat(100));

  const sections = [];
  for (const figure of report.figures) {
    let section = sections.find((s) => s.title === figure.section);
    if (!section) sections.push((section = { title: figure.section, figures: [] }));
    section.figures.push(figure);
  }
  const labelWidth = Math.max(...report.figures.map((f) => [...f.label].length), 10) + 2;

  for (const section of sections) {
    lines.push('', section.title);
    if (section.figures.some((f) => f.compare)) {
      lines.push(...formatComparisons(section.figures, labelWidth));
      continue;
    }
    const sizes = section.figures.filter((f) => f.sizes);
    // The served columns appear when some row of the section has them.
    const columns = SIZE_COLUMNS.filter(([key], i) => i < 3 || sizes.some((f) => f.sizes[key] != null));
    if (sizes.length) {
      lines.push(`  ${pad('', labelWidth)}${columns.map(([, title]) => pad(title, 12, true)).join('')}`);
    }
    for (const figure of section.figures) {
      if (figure.sizes) {
        const cells = columns.map(([k]) =>
          pad(figure.sizes[k] == null ? '—' : formatValue(figure.sizes[k], 'B'), 12, true),
        );
        lines.push(`  ${pad(figure.label, labelWidth)}${cells.join('')}${figure.note ? `   ${figure.note}` : ''}`);
        continue;
      }
      const value =
        figure.status === 'not-measured' ? '—' : figure.notApplicable ? 'n/a' : formatValue(figure.value, figure.unit);
      const budget = figure.budget ? `budget ${formatBudget(figure.budget, figure.unit)}` : '';
      const line = `  ${pad(figure.label, labelWidth)}${pad(value, 12, true)}   ${pad(budget, 22)}${formatVerdict(figure, figure)}`;
      lines.push(line.trimEnd());
      if (figure.note && figure.status !== 'not-measured') lines.push(`  ${pad('', labelWidth)}  ${figure.note}`);
    }
  }

  const { budgets, ok, missed, notMeasured, missedIds } = report.summary;
  lines.push('');
  lines.push('━'.repeat(100));
  const parts = [`${ok} of ${budgets} budgets kept`];
  if (missed) parts.push(`${missed} MISSED (${missedIds.join(', ')})`);
  if (notMeasured) parts.push(`${notMeasured} figure(s) NOT MEASURED`);
  lines.push(parts.join(' · '));
  if (report.summary.archive) {
    const a = report.summary.archive;
    const [one, many] = a.articles.map(articlesText);
    const archive = [`archive, ${one} vs ${many}: ${a.ok} of ${a.goals} goals kept`];
    if (a.missed) archive.push(`${a.missed} MISSED (${a.missedIds.join(', ')})`);
    if (a.notMeasured) archive.push(`${a.notMeasured} figure(s) NOT MEASURED`);
    lines.push(archive.join(' · '));
  }
  if (env.notes?.length) for (const note of env.notes) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** "1 article", "200 articles". */
const articlesText = (n) => `${n.toLocaleString('en-US')} article${n === 1 ? '' : 's'}`;

/**
 * The lines of a section of comparison rows: a header naming the two sites, then per row the
 * 1-article value, the N-article value, their ratio, the goal and the verdict; notes below.
 */
function formatComparisons(figures, labelWidth) {
  const [one, many] = figures.find((f) => f.compare).compare.articles.map(articlesText);
  const header = [pad(one, 16, true), pad(many, 16, true), pad('ratio', 10, true), '   ', pad('goal', 12), 'verdict'];
  const lines = [`  ${pad('', labelWidth)}${header.join('')}`];
  for (const figure of figures) {
    const cell = (v) => pad(measured(v) ? formatValue(v, figure.unit) : '—', 16, true);
    const ratio = figure.ratio === null || figure.ratio === undefined ? '—' : formatValue(figure.ratio, 'ratio');
    const line =
      `  ${pad(figure.label, labelWidth)}${cell(figure.compare.values[0])}${cell(figure.compare.values[1])}` +
      `${pad(ratio, 10, true)}   ${pad(formatGoal(figure.goal), 12)}${formatVerdict(figure, figure)}`;
    lines.push(line.trimEnd());
    if (figure.note && figure.status !== 'not-measured') lines.push(`  ${pad('', labelWidth)}  ${figure.note}`);
  }
  return lines;
}
