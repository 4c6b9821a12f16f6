// Benchmark, not a test: how long each page and tab of the demo coalition
// takes to show its content in the real app, from the click that opens it
// until the page stops changing (measured in the page, frame by frame:
// no busy line, the map laid out, the same DOM two frames running). Run it
// on the release app:
//   WIEG_APP=…/release/wieg-app WIEG_CLI=…/release/wieg \
//     xvfb-run -a npm --prefix tests/e2e run bench:pages [-- 5]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, byTestId, launchApp, startDriver } from './driver.mjs';

const runs = Number(process.argv[2] ?? 5);
const PAGES = ['network', 'plan', 'meetings', 'share', 'settings', 'dashboard'];
const dir = mkdtempSync(join(tmpdir(), 'wieg-bench-pages-'));
execFileSync(CLI, ['--data', dir, 'demo'], { encoding: 'utf8' });

/** Clicks `selector` and resolves with the ms until the page is settled. */
function openAndTime(selector, done) {
  const main = document.querySelector('main');
  const started = performance.now();
  document.querySelector(selector).click();
  // The page is settled at the last change after which two frames showed
  // the same page with nothing busy.
  let last = null;
  let changedAt = started;
  let same = 0;
  const busy = () =>
    main.querySelector('[aria-busy="true"], [data-testid$="busy"]:not(:empty)') ||
    (main.querySelector('[data-testid="network-map"]') && !main.querySelector('[data-testid="network-map"][data-render-ms]'));
  const frame = () => {
    const now = performance.now();
    const html = main.innerHTML;
    if (busy() || html !== last) {
      changedAt = now;
      same = 0;
      last = html;
    } else if (++same >= 2) {
      return done(Math.round(changedAt - started));
    }
    if (now - started > 30_000) return done(-1);
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

const driver = await startDriver(dir);
const times = new Map();
try {
  for (let run = 0; run < runs; run++) {
    const app = await launchApp(driver);
    try {
      await (await app.$(byTestId('coalition-name'))).waitForDisplayed({ timeout: 30_000 });
      for (const page of PAGES) {
        const ms = await app.executeAsync(openAndTime, `[data-testid="nav-${page}"]`);
        times.set(page, [...(times.get(page) ?? []), ms]);
        for (const tab of await app.$$('main [role="tab"]')) {
          const id = await tab.getAttribute('id');
          if ((await tab.getAttribute('aria-selected')) === 'true') continue;
          const tabMs = await app.executeAsync(openAndTime, `#${id}`);
          times.set(id, [...(times.get(id) ?? []), tabMs]);
        }
      }
    } finally {
      await app.deleteSession();
    }
  }
} finally {
  await driver.stop();
  rmSync(dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`page or tab                    median   slowest   (${runs} launches, ms)`);
for (const [name, xs] of times) console.log(`${name.padEnd(30)} ${String(median(xs)).padStart(6)} ${String(Math.max(...xs)).padStart(9)}`);
