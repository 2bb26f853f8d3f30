// The report of `cargo xtask bench` (bench-report.mjs): verdicts, "MISSED by" wording,
// and the printed text. Pure functions; no browser and no timing.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { buildReport, formatBudget, formatReport, formatVerdict, median, verdict } from './bench-report.mjs';

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
});
