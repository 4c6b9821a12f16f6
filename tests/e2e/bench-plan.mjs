// Benchmark, not a test: the plan page and the roll-out matrix in the real
// app for a plan of 5,000 actions and 100 municipalities × 30 interventions
// (built by `wieg bench plan --keep`). Times are wall-clock through
// WebDriver, from the click to the last row on screen: an upper bound.
//   xvfb-run -a npm --prefix tests/e2e run bench:plan
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, byTestId, launchApp, startDriver } from './driver.mjs';

// Counted in the page: asking WebDriver for thousands of elements would take longer than drawing them.
const count = (app, testId) =>
  app.execute((id) => document.querySelectorAll(`[data-testid="${id}"]`).length, testId);

const dir = mkdtempSync(join(tmpdir(), 'wieg-bench-plan-'));
console.log(execFileSync(CLI, ['bench', 'plan', '--keep', dir], { encoding: 'utf8' }));
const driver = await startDriver(join(dir, 'data'));
const runs = [];
try {
  for (let run = 0; run < 3; run++) {
    const app = await launchApp(driver);
    try {
      await (await app.$(byTestId('nav-plan'))).waitForDisplayed({ timeout: 30_000 });
      let started = Date.now();
      await (await app.$(byTestId('nav-plan'))).click();
      await app.waitUntil(async () => (await count(app, 'action-row')) >= 5_000, {
        timeout: 120_000,
        interval: 50,
      });
      const page = Date.now() - started;
      started = Date.now();
      await (await app.$(byTestId('plan-tab-rollout'))).click();
      await app.waitUntil(async () => (await count(app, 'rollout-cell')) >= 3_000, {
        timeout: 120_000,
        interval: 50,
      });
      const matrix = Date.now() - started;
      runs.push({ page, matrix });
      console.log(`run ${run + 1}: plan page ${page} ms, roll-out matrix ${matrix} ms`);
    } finally {
      await app.deleteSession();
    }
  }
} finally {
  await driver.stop();
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`median: plan page ${median(runs.map((r) => r.page))} ms, roll-out matrix ${median(runs.map((r) => r.matrix))} ms`);
