// Benchmark, not a test: how long the window's main thread waits while the
// real app does heavy work — the preview and import of a 10,000-row
// workbook, the metrics of a network of 10,000 organisations and 50,000
// relations, and a new laptop joining a coalition of 1,000,000 changes.
// The app's stall probe (WIEG_STALL_PROBE) logs every wait of the main
// thread longer than a frame; the longest per phase is reported.
//   xvfb-run -a npm --prefix tests/e2e run bench:stalls
// (the CLI it drives must be built with `--features bench`).
// Sizes: WIEG_STALL_ORGS (10000), WIEG_STALL_RELATIONS (50000),
// WIEG_STALL_CHANGES (1000000).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP, CLI, byTestId, launchApp, startDriver } from './driver.mjs';

const ORGS = Number(process.env.WIEG_STALL_ORGS ?? 10_000);
const RELATIONS = Number(process.env.WIEG_STALL_RELATIONS ?? 50_000);
const CHANGES = Number(process.env.WIEG_STALL_CHANGES ?? 1_000_000);

const dir = mkdtempSync(join(tmpdir(), 'wieg-bench-stalls-'));
const probe = join(dir, 'stalls.txt');
process.env.WIEG_STALL_PROBE = probe;

/** A command of the app, called as the UI calls it. */
async function invoke(app, command, args = {}) {
  const result = await app.executeAsync(
    (cmd, a, done) =>
      window.__TAURI_INTERNALS__.invoke(cmd, a).then(
        () => done({ ok: true }),
        (e) => done({ error: e?.message ?? JSON.stringify(e) }),
      ),
    command,
    args,
  );
  if (result.error) throw new Error(`${command}: ${result.error}`);
}

/** The longest wait of the main thread between two moments, in ms. */
function longestWait(from, to) {
  if (!existsSync(probe)) return 0;
  return readFileSync(probe, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').map(Number))
    .filter(([at]) => at >= from && at <= to + 1_000)
    .reduce((max, [, wait]) => Math.max(max, wait), 0);
}

async function phase(name, work) {
  const from = Date.now();
  await work();
  const to = Date.now();
  const wait = longestWait(from, to);
  console.log(`${name}: ${to - from} ms, longest main-thread wait ${wait} ms`);
  return { name, ms: to - from, wait };
}

// The workbooks a coordinator would import: organisations, then relations.
const kinds = ['kraamzorg', 'verloskundigenpraktijk', 'jgz', 'wijkteam', 'ggd', 'ziekenhuis'];
const orgRows = ['Naam;Soort;Plaats'];
for (let i = 0; i < ORGS; i++) orgRows.push(`Organisatie ${i};${kinds[i % kinds.length]};Venlo`);
const orgsCsv = join(dir, 'organisaties.csv');
writeFileSync(orgsCsv, orgRows.join('\r\n'));
const relRows = ['Van;Naar;Type;Sterkte'];
for (let i = 0; i < RELATIONS; i++) {
  const from = i % ORGS;
  const to = (from + 1 + ((i * 7919) % (ORGS - 1))) % ORGS;
  relRows.push(`Organisatie ${from};Organisatie ${to};verwijzing;${1 + (i % 5)}`);
}
const relationsCsv = join(dir, 'relaties.csv');
writeFileSync(relationsCsv, relRows.join('\r\n'));

const results = [];
const data = join(dir, 'data');
execFileSync(CLI, ['--data', data, 'init', '--name', 'Kansrijke Start Meetstad']);
console.log(`app: ${APP}`);
let driver = await startDriver(data);
try {
  const app = await launchApp(driver);
  try {
    app.setTimeout({ script: 30 * 60_000 });
    await (await app.$(byTestId('nav-network'))).waitForDisplayed({ timeout: 30_000 });
    results.push(await phase(`import preview, ${ORGS} rows`, () => invoke(app, 'preview_import', { path: orgsCsv })));
    results.push(await phase(`import, ${ORGS} rows`, () => invoke(app, 'import_file', { path: orgsCsv })));
    results.push(await phase(`import, ${RELATIONS} relations`, () => invoke(app, 'import_file', { path: relationsCsv })));
    results.push(await phase(`metrics, ${ORGS} organisations`, () => invoke(app, 'network_metrics')));
  } finally {
    await app.deleteSession();
  }
} finally {
  await driver.stop();
}

// A coalition of many changes in a shared folder, joined by a new laptop.
const laptops = join(dir, 'laptops');
execFileSync(CLI, ['bench', 'sync', '--changes', String(CHANGES), '--keep', laptops], { encoding: 'utf8' });
driver = await startDriver(join(dir, 'new-laptop'));
try {
  const app = await launchApp(driver);
  try {
    app.setTimeout({ script: 30 * 60_000 });
    await (await app.$('#coalition-name')).waitForDisplayed({ timeout: 30_000 });
    results.push(await phase(`join, ${CHANGES} changes`, () => invoke(app, 'join_coalition', { folder: join(laptops, 'shared') })));
  } finally {
    await app.deleteSession();
  }
} finally {
  await driver.stop();
  rmSync(dir, { recursive: true, force: true });
}
const worst = results.reduce((max, r) => Math.max(max, r.wait), 0);
console.log(`longest main-thread wait over all phases: ${worst} ms (goal < 50 ms)`);
