// What needs attention, from the dashboard: the list shows overdue action
// items on the demo coalition and leads to them; the action items page
// offers a draft e-mail per owner.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver, visible } from './driver.mjs';

const data = mkdtempSync(join(tmpdir(), 'wieg-e2e-attention-'));
let driver;

before(async () => {
  execFileSync(CLI, ['--data', data, 'demo']);
  driver = await startDriver(data);
});

after(async () => {
  await driver?.stop();
  rmSync(data, { recursive: true, force: true });
});

test('the dashboard says what needs attention and leads to it', async () => {
  const app = await launchApp(driver);
  try {
    const list = await visible(app, byTestId('attention'));
    const overdue = await list.$(`${byTestId('attention-item')}[data-kind="actiepunten"]`);
    await overdue.waitForDisplayed({ timeoutMsg: 'the demo has overdue action items' });
    const count = Number((await overdue.getText()).match(/^(\d+)/)[1]);
    await app.saveScreenshot(join(ARTIFACTS, 'dashboard-attention.png'));
    await overdue.click();
    // The action items tab, with the overdue ones marked.
    const tab = await visible(app, '#meetings-tab-actions');
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    await (await app.$(byTestId('filter-overdue'))).click();
    await app.waitUntil(async () => (await app.$$(byTestId('overdue'))).length === count, {
      timeout: 10_000,
      timeoutMsg: `${count} overdue items listed`,
    });
    // A draft per owner, each with its counts.
    const followUps = await visible(app, byTestId('follow-ups'));
    await followUps.scrollIntoView();
    const rows = await followUps.$$(byTestId('follow-up'));
    assert.ok(rows.length > 0, 'owners to follow up');
    assert.match(await rows[0].getText(), /\d+ open, \d+ verlopen/);
    await app.saveScreenshot(join(ARTIFACTS, 'follow-ups.png'));
  } finally {
    await app.deleteSession();
  }
});
