// The app as the .deb installs it (/usr/bin/wieg-app): it starts, loads the
// demo from the welcome page and shows the dashboard. Run by .ci/deb-check
// with WIEG_APP and WIEG_CLI pointing at the installed programs; not part
// of the ordinary E2E run (its name does not end in .test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP, ARTIFACTS, CLI, byTestId, launchApp, startDriver, visible } from './driver.mjs';

let dataDir;
let driver;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-installed-'));
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test(`the installed ${APP} starts, loads the demo and shows the dashboard`, async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('load-demo'), 20_000)).click();
    const name = await visible(app, byTestId('coalition-name'), 20_000);
    assert.match(await name.getText(), /Kansrijke Start/);
    const count = await visible(app, byTestId('organisation-count'));
    await app.waitUntil(async () => /^\d+$/.test(await count.getText()), {
      timeoutMsg: 'the dashboard shows no organisation count',
    });
    await app.saveScreenshot(join(ARTIFACTS, 'installed-dashboard.png'));
  } finally {
    await app.deleteSession();
  }
  // The installed CLI sees what the installed app wrote.
  const status = execFileSync(CLI, ['--data', dataDir, 'status'], { encoding: 'utf8' });
  assert.match(status, /Kansrijke Start/);
});
