// Benchmark, not a test: the network map's first render in the real app,
// for a network of N organisations (default 1000) and 1.5 N relations
// imported through the CLI. Prints the times the map reports (from building
// the graph to the end of its first layout), over a few fresh launches.
//   xvfb-run -a npm --prefix tests/e2e run bench:map [-- 1000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, byTestId, launchApp, startDriver } from './driver.mjs';

const n = Number(process.argv[2] ?? 1000);
const runs = 3;
const dir = mkdtempSync(join(tmpdir(), 'wieg-bench-map-'));
const data = join(dir, 'data');
const wieg = (...args) => execFileSync(CLI, ['--data', data, ...args], { encoding: 'utf8' });

const kinds = ['verloskundigenpraktijk', 'kraamzorg', 'jgz/ggd', 'wijkteam/sociaal team', 'welzijn', 'huisarts', 'gemeente'];
let organisations = 'Naam;Soort;Convenant getekend\n';
for (let i = 0; i < n; i++) organisations += `Organisatie ${i};${kinds[i % kinds.length]};${i % 3 ? '' : '01-06-2024'}\n`;
let relations = 'Van;Naar;Type;Sterkte\n';
const seen = new Set();
let seed = 7;
const next = (m) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % m);
while (seen.size < Math.floor(n * 1.5)) {
  const a = next(n);
  const b = next(n);
  if (a === b || seen.has(`${a}-${b}`) || seen.has(`${b}-${a}`)) continue;
  seen.add(`${a}-${b}`);
  relations += `Organisatie ${a};Organisatie ${b};${['samenwerking', 'verwijzing', 'overleg'][next(3)]};${1 + next(5)}\n`;
}
writeFileSync(join(dir, 'organisaties.csv'), organisations);
writeFileSync(join(dir, 'verbindingen.csv'), relations);
wieg('init', '--name', 'Kansrijke Start Benchmark');
wieg('import', join(dir, 'organisaties.csv'));
wieg('import', join(dir, 'verbindingen.csv'));

const driver = await startDriver(data);
const times = [];
try {
  for (let run = 0; run < runs; run++) {
    const app = await launchApp(driver);
    try {
      await (await app.$(byTestId('nav-network'))).click();
      await (await app.$(byTestId('network-tab-map'))).click();
      const map = await app.$(byTestId('network-map'));
      await map.waitForDisplayed({ timeout: 60_000 });
      await app.waitUntil(async () => (await map.getAttribute('data-render-ms')) !== null, { timeout: 120_000, interval: 100 });
      const edges = await map.getAttribute('data-edges');
      times.push(Number(await map.getAttribute('data-render-ms')));
      console.log(`run ${run + 1}: ${times.at(-1)} ms (${await map.getAttribute('data-nodes')} nodes, ${edges} edges)`);
    } finally {
      await app.deleteSession();
    }
  }
} finally {
  await driver.stop();
  rmSync(dir, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(`map first render, ${n} organisations: median ${times[Math.floor(times.length / 2)]} ms`);
