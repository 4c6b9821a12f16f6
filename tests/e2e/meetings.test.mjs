// Meetings: plan the next steering group from the previous one, write
// minutes (with text that looks like HTML: it must stay text), add a
// decision and an action item, find the minutes by search, mark the action
// item done.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver } from './driver.mjs';

let dataDir;
let driver;
let previous;

const wieg = (...args) => execFileSync(CLI, ['--data', dataDir, ...args], { encoding: 'utf8' });

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-e2e-meetings-'));
  wieg('init', '--name', 'Kansrijke Start Overlegstad');
  wieg('org', 'add', '--name', 'GGD Overlegstad', '--kind', 'ggd', '--domain', 'publieke gezondheid');
  wieg('contact', 'add', '--name', 'Inge Bakker', '--org', 'GGD Overlegstad', '--email', 'i.bakker@ggd.example.nl');
  previous = wieg(
    'meeting', 'add', '--title', 'Stuurgroep Overlegstad', '--kind', 'stuurgroep', '--date', '2025-03-10',
    '--start', '14:00', '--end', '15:30', '--invite', 'Inge Bakker', '--agenda', 'Opening|Voortgang pijler 2',
  ).trim();
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function visible(browser, selector, timeout = 10_000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout, timeoutMsg: `${selector} did not appear` });
  return el;
}

// WebKitWebDriver cannot type into date fields: set them as a date picker would.
async function setValue(app, element, value) {
  await app.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

test('plan from the previous meeting, minutes, decision, action item, search, done', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-meetings'))).click();
    const row = await visible(app, `[data-testid="meeting-row"][data-meeting="${previous}"]`);
    await (await row.$(byTestId('plan-next'))).click();
    await visible(app, byTestId('plan-next-form'));
    await setValue(app, await app.$('#plan-next-date'), '2027-01-20');
    await (await app.$(byTestId('confirm-plan-next'))).click();
    await (await app.$(byTestId('plan-next-form'))).waitForDisplayed({ reverse: true });

    const [next] = JSON.parse(wieg('meeting', 'list', '--json')).filter((m) => m.date === '2027-01-20');
    assert.ok(next, 'the next meeting exists');
    const nextRow = await visible(app, `[data-testid="meeting-row"][data-meeting="${next.id}"]`);
    await (await nextRow.$(byTestId('open-meeting'))).click();
    await visible(app, byTestId('meeting-detail'));
    const items = await app.$$(byTestId('agenda-item'));
    assert.equal(items.length, 2, 'the agenda came along');

    // Minutes that look like HTML are shown as text, never run.
    const item = items[1];
    const minutes = await item.$(byTestId('minutes'));
    await minutes.setValue('Het aantal zwangerschappen daalt. <script>window.hacked = 1</script> <img src=x onerror="window.hacked = 2">');
    await (await item.$(byTestId('save-minutes'))).click();
    const view = await visible(app, `[data-item="${await item.getAttribute('data-item')}"] [data-testid="minutes-view"]`);
    await app.waitUntil(async () => /<script>window\.hacked = 1<\/script>/.test(await view.getText()), {
      timeoutMsg: 'the minutes show the tag as text',
    });
    assert.equal(await app.execute(() => window.hacked ?? null), null, 'nothing ran');
    assert.equal(await app.execute(() => document.querySelectorAll('[data-testid="minutes-view"] script, [data-testid="minutes-view"] img').length), 0);

    // A decision and an action item by keyboard.
    await (await item.$(byTestId('decision-text'))).setValue('De training wordt herhaald.');
    await app.keys('Enter');
    await (await item.$(byTestId('decision'))).waitForDisplayed({ timeoutMsg: 'the decision is listed' });
    await (await item.$(byTestId('action-item-text'))).setValue('Zaal reserveren');
    const [inge] = JSON.parse(wieg('contact', 'list', '--json'));
    await (await item.$(byTestId('action-item-owner'))).selectByAttribute('value', inge.id);
    await (await item.$(byTestId('save-action-item'))).click();
    await (await item.$(byTestId('action-item'))).waitForDisplayed({ timeoutMsg: 'the action item is listed' });
    assert.match(wieg('actionitem', 'list'), /Zaal reserveren\s+— Inge Bakker \(geen datum\)/);
    await app.saveScreenshot(join(ARTIFACTS, 'meeting.png'));

    // Found by search, with the match marked.
    await (await app.$(byTestId('back-to-meetings'))).click();
    await (await visible(app, byTestId('meetings-tab-search'))).click();
    await (await visible(app, byTestId('search-input'))).setValue('zwanger');
    await app.keys('Enter');
    const hit = await visible(app, byTestId('search-hit'));
    assert.match(await hit.getText(), /Stuurgroep Overlegstad/);
    const marked = await hit.$('mark');
    assert.match(await marked.getText(), /zwangerschappen/i);

    // Done from the overview of open action items.
    await (await app.$(byTestId('meetings-tab-actions'))).click();
    const open = await visible(app, byTestId('action-item-row'));
    await (await open.$(byTestId('action-item-done'))).click();
    await app.waitUntil(async () => !/Zaal reserveren/.test(wieg('actionitem', 'list')), { timeoutMsg: 'the item is done' });
  } finally {
    await app.deleteSession();
  }
});
