// The report of `cargo xtask bench` (bench-report.mjs): verdicts, "MISSED by" wording,
// the printed text, and the arithmetic from performance entries to figures (total blocking
// time, layout shift). Pure functions; no browser, no Lighthouse and no timing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  buildReport,
  compareVerdict,
  formatBudget,
  formatGoal,
  formatReport,
  formatValue,
  formatVerdict,
  layoutShiftScore,
  longestTask,
  longestTaskAround,
  median,
  totalBlockingTime,
  verdict,
} from './bench-report.mjs';
import { acceptsEncoding } from './bench.mjs';

const throughput = (value) => ({
  id: 'native.matcher.throughput',
  section: 'Native',
  label: 'matcher throughput',
  value,
  unit: 'MB/s',
  budget: { op: '>=', limit: 50 },
});

describe('bench report', () => {
  test('median', () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
    assert.equal(median([]), null);
  });

  test('verdicts against each kind of budget', () => {
    assert.equal(verdict(throughput(64)).status, 'ok');
    assert.equal(verdict(throughput(50)).status, 'ok');
    assert.deepEqual(verdict(throughput(20)), { status: 'missed', missedBy: 30, missedByPercent: 60 });
    const annotate = (value) => ({ value, unit: 'ms', budget: { op: '<', limit: 1 } });
    assert.equal(verdict(annotate(0.4)).status, 'ok');
    assert.equal(verdict(annotate(1)).status, 'missed', 'a strict budget is missed at the limit');
    assert.equal(verdict({ value: 3, unit: 'ms' }).status, 'info');
    assert.equal(verdict({ value: null, unit: 'ms', budget: { op: '<', limit: 1 } }).status, 'not-measured');
  });

  test('the wording says plainly what is missed and by how much', () => {
    assert.equal(formatVerdict(throughput(64)), 'ok');
    assert.equal(formatVerdict(throughput(20)), 'MISSED by 30.0 MB/s (60% short)');
    const size = { value: 292_900, unit: 'B', budget: { op: '<=', limit: 200_000 } };
    assert.equal(formatVerdict(size), 'MISSED by 92.9 KB (46% over)');
    assert.equal(formatBudget(size.budget, 'B'), '≤ 200 KB');
    assert.equal(formatBudget({ op: '<', limit: 1 }, 'ms'), '< 1 ms');
    assert.equal(
      formatVerdict({ value: null, unit: 'ms', note: 'no measure' }),
      'NOT MEASURED: no measure',
    );
  });

  test('the report counts budgets and prints every figure once', () => {
    const report = buildReport({
      generated: '2025-11-25T00:00:00.000Z',
      environment: { commit: 'abc' },
      figures: [
        throughput(20),
        { id: 'browser.annotate.ms', section: 'Browser', label: 'annotate', value: 0.3, unit: 'ms', budget: { op: '<', limit: 1 } },
        { id: 'size.wasm', section: 'Sizes', label: 'wasm', unit: 'B', sizes: { raw: 3000, gzip: 1000, brotli: 900 } },
      ],
    });
    assert.deepEqual(report.summary, {
      budgets: 2,
      ok: 1,
      missed: 1,
      notMeasured: 0,
      missedIds: ['native.matcher.throughput'],
    });
    const text = formatReport(report);
    assert.match(text, /matcher throughput +20\.0 MB\/s +budget ≥ 50 MB\/s +MISSED by 30\.0 MB\/s/);
    assert.match(text, /annotate +0\.300 ms +budget < 1 ms +ok/);
    assert.match(text, /wasm +3\.0 KB +1\.0 KB +0\.9 KB/);
    assert.match(text, /1 of 2 budgets kept · 1 MISSED \(native\.matcher\.throughput\)/);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'the report is plain JSON');
  });

  test('figure ids are unique', () => {
    assert.throws(() => buildReport({ generated: '', environment: {}, figures: [throughput(1), throughput(2)] }));
  });

  test('total blocking time counts long tasks from FCP until the app is interactive', () => {
    const fcp = 1000;
    const interactive = 2000;
    const tasks = [
      { start: 500, duration: 200 }, // over before FCP: not counted
      { start: 900, duration: 200 }, // 100 ms of it after FCP: 50 blocking
      { start: 1200, duration: 40 }, // short: never blocking
      { start: 1300, duration: 120 }, // 70 blocking
      { start: 1900, duration: 300 }, // sets the mark: counted whole, 250 blocking
      { start: 2500, duration: 400 }, // after interactive: not counted
    ];
    assert.equal(totalBlockingTime(tasks, fcp, interactive), 370);
    assert.equal(totalBlockingTime([], fcp, interactive), 0);
    assert.equal(longestTask(tasks), 400);
    assert.equal(longestTask([]), 0, 'no long task: nothing over 50 ms');
    // Split at the hydrating mark by where a task ends: the one that sets the mark is the app's.
    const mark = 1000;
    const around = [
      { start: 200, duration: 300 },
      { start: 960, duration: 60 },
      { start: 1500, duration: 55 },
    ];
    assert.deepEqual(longestTaskAround(around, mark), { before: 300, after: 60 });
    assert.deepEqual(longestTaskAround([{ start: 900, duration: 100 }], mark), { before: 100, after: 0 });
    assert.deepEqual(longestTaskAround([], mark), { before: 0, after: 0 });
  });

  test('layout shift: input excluded, the largest session window counted', () => {
    const shift = (start, value, hadRecentInput = false) => ({ start, value, hadRecentInput });
    assert.equal(layoutShiftScore([]), 0);
    assert.equal(layoutShiftScore([shift(100, 0.5, true)]), 0, 'shifts after input do not count');
    // Two windows: 0.01 + 0.02 (500 ms apart), then after a 2 s gap 0.025 alone.
    const windows = [shift(100, 0.01), shift(600, 0.02), shift(2600, 0.025)];
    assert.ok(Math.abs(layoutShiftScore(windows) - 0.03) < 1e-12);
    // A window ends after 5 s even without a gap.
    const steady = Array.from({ length: 12 }, (_, i) => shift(i * 900, 0.01));
    assert.ok(Math.abs(layoutShiftScore(steady) - 0.06) < 1e-12, 'six shifts fit in one 5 s window');
    assert.ok(Math.abs(layoutShiftScore([shift(600, 0.02), shift(100, 0.01)]) - 0.03) < 1e-12, 'order-proof');
  });

  test('new units print and judge like the others', () => {
    assert.equal(formatValue(0.0123, 'shift'), '0.012');
    assert.equal(formatValue(67.4, 'score'), '67');
    assert.equal(formatValue(0.4567, 'ratio'), '0.46×');
    assert.equal(formatBudget({ op: '<=', limit: 0.02 }, 'shift'), '≤ 0.02');
    assert.equal(formatBudget({ op: '>=', limit: 100 }, 'score'), '≥ 100');
    const cls = { value: 0.15, unit: 'shift', budget: { op: '<=', limit: 0.02 } };
    assert.equal(formatVerdict(cls), 'MISSED by 0.130 (650% over)');
    const lighthouse = { value: 67, unit: 'score', budget: { op: '>=', limit: 100 } };
    assert.equal(formatVerdict(lighthouse), 'MISSED by 33 (33% short)');
    assert.equal(formatVerdict({ ...lighthouse, value: 100 }), 'ok');
  });

  test('a figure that does not apply is "n/a" with its reason, not NOT MEASURED', () => {
    const report = buildReport({
      generated: '2025-11-25T00:00:00.000Z',
      environment: {},
      figures: [
        throughput(64),
        {
          id: 'wasm.matcher.throughput',
          section: 'Native',
          label: 'in the shipped wasm',
          value: null,
          notApplicable: true,
          unit: 'MB/s',
          note: 'no matcher in the wasm',
        },
        {
          id: 'lighthouse.seo',
          section: 'Lighthouse',
          label: 'SEO',
          value: null,
          unit: 'score',
          budget: { op: '>=', limit: 100 },
          note: 'Lighthouse could not run: no Chromium',
        },
      ],
    });
    assert.equal(report.figures[1].status, 'info');
    assert.equal(report.figures[2].status, 'not-measured');
    assert.equal(report.summary.notMeasured, 1);
    assert.equal(report.summary.budgets, 2);
    const text = formatReport(report);
    assert.match(text, /in the shipped wasm +n\/a +—\n +no matcher in the wasm/);
    assert.match(text, /SEO +— +budget ≥ 100 +NOT MEASURED: Lighthouse could not run: no Chromium/);
    assert.match(text, /1 of 2 budgets kept · 1 figure\(s\) NOT MEASURED/);
  });

  test('size tables show the precompressed files when a row has them', () => {
    const row = (id, label, sizes) => ({ id, section: 'Sizes', label, unit: 'B', sizes });
    const text = formatReport(
      buildReport({
        generated: '',
        environment: {},
        figures: [
          row('size.wasm', 'wasm', { raw: 5000, gzip: 2000, brotli: 1500, servedGzip: 2000, servedBrotli: 1400 }),
          row('size.other', 'other', { raw: 100, gzip: 90, brotli: 80 }),
          { id: 'size.plain', section: 'Plain', label: 'plain', unit: 'B', sizes: { raw: 1, gzip: 1, brotli: 1 } },
        ],
      }),
    );
    assert.match(text, /raw +gzip -9 +brotli 11 +sent \.gz +sent \.br\n +wasm +5\.0 KB +2\.0 KB +1\.5 KB +2\.0 KB +1\.4 KB/);
    assert.match(text, /other +0\.1 KB +0\.1 KB +0\.1 KB +— +—/);
    assert.match(text, /Plain\n +raw +gzip -9 +brotli 11\n +plain/, 'no served columns where no row has them');
  });

  test('archive comparison: within 10% of the 1-article figure, lower always kept', () => {
    const row = (one, many, goal = { maxRatio: 1.1 }) => ({ compare: { articles: [1, 1001], values: [one, many] }, goal });
    assert.deepEqual(compareVerdict(row(100, 110)), { status: 'ok', ratio: 1.1 }, 'exactly +10% keeps the goal');
    assert.deepEqual(compareVerdict(row(100, 111)), { status: 'missed', ratio: 1.11 });
    assert.deepEqual(compareVerdict(row(100, 50)), { status: 'ok', ratio: 0.5 }, 'faster is never a miss');
    assert.deepEqual(compareVerdict(row(0, 0)), { status: 'ok', ratio: 1 });
    assert.deepEqual(compareVerdict(row(0, 3)), { status: 'missed', ratio: null }, 'no finite ratio from 0');
    assert.equal(compareVerdict(row(100, null)).status, 'not-measured');
    assert.deepEqual(compareVerdict(row(190_200, 190_201, { maxRatio: 1 })).status, 'missed', 'no growth at all');
    assert.deepEqual(compareVerdict(row(12, 40, null)), { status: 'info', ratio: 40 / 12 });
    assert.equal(formatGoal({ maxRatio: 1.1 }), '≤ +10%');
    assert.equal(formatGoal({ maxRatio: 1 }), 'no growth');
    assert.equal(formatVerdict({ ...row(100, 134), ...compareVerdict(row(100, 134)) }), 'MISSED (+34%)');
    assert.equal(formatVerdict({ ...row(0, 3), ...compareVerdict(row(0, 3)) }), 'MISSED (from 0)');
  });

  test('the archive section prints both sites side by side and is counted apart from the budgets', () => {
    const section = 'Archive: 1 vs 1,001 articles';
    // Without a goal (null), a row is shown for information.
    const row = (id, label, unit, values, { goal = { maxRatio: 1.1 }, note } = {}) => ({
      id: `archive.${id}`,
      section,
      label,
      unit,
      compare: { articles: [1, 1001], values },
      ...(goal ? { goal } : {}),
      ...(note ? { note } : {}),
    });
    const report = buildReport({
      generated: '2026-12-01T00:00:00.000Z',
      environment: {},
      figures: [
        {
          id: 'browser.cpu4x.longestTask.ms',
          section: 'Cold loads',
          label: 'longest task',
          value: 226,
          unit: 'ms',
          budget: { op: '<=', limit: 50 },
        },
        row('wasm+js.gzip', 'wasm + JS, gzip as sent', 'B', [190_200, 190_200], {
          goal: { maxRatio: 1 },
          note: 'the same files',
        }),
        row('article.longestTask.ms', 'article: longest task', 'ms', [226, 240.5]),
        row('list.totalBlocking.ms', 'list: total blocking time', 'ms', [100, 180]),
        row('switch.cpu4x.toPaint.ms', 'switch', 'ms', [105, null], {
          note: 'language switches at 4x failed: timeout',
        }),
        row('dist.files', 'dist/: files', 'count', [67, 9012], { goal: null }),
        row('build.s', 'build', 's', [83.4, 191.25], { goal: null }),
      ],
    });
    assert.deepEqual(
      report.summary,
      {
        budgets: 1,
        ok: 0,
        missed: 1,
        notMeasured: 0,
        missedIds: ['browser.cpu4x.longestTask.ms'],
        archive: {
          articles: [1, 1001],
          goals: 4,
          ok: 2,
          missed: 1,
          notMeasured: 1,
          missedIds: ['archive.list.totalBlocking.ms'],
        },
      },
      'comparisons are not budgets, and their verdicts are counted on their own',
    );
    const text = formatReport(report);
    const lines = text.split('\n');
    const at = lines.indexOf(section);
    assert.ok(at > 0, 'the section has its title');
    assert.match(lines[at + 1], /^ +1 article +1,001 articles +ratio +goal +verdict$/);
    assert.match(text, /wasm \+ JS, gzip as sent +190\.2 KB +190\.2 KB +1\.00× +no growth +ok\n +the same files/);
    assert.match(text, /article: longest task +226 ms +241 ms +1\.06× +≤ \+10% +ok\n/);
    assert.match(text, /list: total blocking time +100 ms +180 ms +1\.80× +≤ \+10% +MISSED \(\+80%\)\n/);
    assert.match(text, /switch +105 ms +— +— +≤ \+10% +NOT MEASURED: language switches at 4x failed: timeout\n/);
    assert.match(text, /dist\/: files +67 +9012 +134\.51× +—\n/);
    assert.match(text, /build +83\.4 s +191\.3 s +2\.29× +—\n/);
    // The columns line up: each row's values end where their headers do.
    const header = lines[at + 1];
    const rows = lines.slice(at + 2).filter((l) => /^  \S/.test(l) && !l.startsWith('━'));
    assert.equal(rows.length, 6);
    for (const title of ['1 article', '1,001 articles', 'ratio']) {
      const end = header.indexOf(title) + title.length;
      for (const line of rows) assert.ok(line[end - 1] !== ' ' && line[end] === ' ', `${title} | ${line}`);
    }
    const summary = lines.slice(-2);
    assert.equal(summary[0], '0 of 1 budgets kept · 1 MISSED (browser.cpu4x.longestTask.ms)');
    assert.equal(
      summary[1],
      'archive, 1 article vs 1,001 articles: 2 of 4 goals kept · 1 MISSED (archive.list.totalBlocking.ms) · ' +
        '1 figure(s) NOT MEASURED',
    );
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report, 'the report is plain JSON');
  });

  test('without a comparison, the summary has no archive line', () => {
    const report = buildReport({ generated: '', environment: {}, figures: [throughput(64)] });
    assert.equal(report.summary.archive, undefined);
    assert.doesNotMatch(formatReport(report), /archive/);
  });

  test('the bench server negotiates precompressed files like a web server', () => {
    assert.ok(acceptsEncoding('gzip, deflate, br, zstd', 'br'));
    assert.ok(acceptsEncoding('gzip;q=0.8, BR', 'br'));
    assert.ok(!acceptsEncoding('gzip, br;q=0', 'br'));
    assert.ok(!acceptsEncoding('gzip', 'br'));
    assert.ok(!acceptsEncoding(undefined, 'gzip'));
  });
});
