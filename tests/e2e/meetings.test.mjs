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
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver, visible, setValue } from './driver.mjs';

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



test('plan from the previous meeting, minutes, decision, action item, search, done', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-meetings'))).click();
    const row = await visible(app, `[data-testid="meeting-row"][data-meeting="${previous}"]`);
    await (await row.$('button[aria-haspopup="menu"]')).click();
    await (await row.$(byTestId('plan-next'))).click();
    await visible(app, byTestId('plan-next-form'));
    // The previous meeting lies in 2025: four weeks after it is long past,
    // so the suggestion moves on, in the same rhythm, to a coming date.
    const suggested = await (await app.$('#plan-next-date')).getValue();
    const today = new Date().toISOString().slice(0, 10);
    assert.ok(suggested >= today, `suggested ${suggested}, today is ${today}`);
    await setValue(app, await app.$('#plan-next-date'), '2027-01-20');
    await (await app.$(byTestId('confirm-plan-next'))).click();
    await (await app.$(byTestId('plan-next-form'))).waitForDisplayed({ reverse: true });

    const [next] = JSON.parse(wieg('meeting', 'list', '--json')).filter((m) => m.date === '2027-01-20');
    assert.ok(next, 'the next meeting exists');
    // The planned meeting opens, ready for its agenda.
    await visible(app, `[data-testid="meeting-detail"][data-meeting="${next.id}"]`);
    const items = await app.$$(byTestId('agenda-item'));
    assert.equal(items.length, 2, 'the agenda came along');

    // One agenda item is minuted at a time: the first is ready, the second
    // shows only what was written, until the coordinator moves on to it.
    assert.equal(await (await items[0].$(byTestId('minutes'))).isExisting(), true);
    assert.equal(await (await items[1].$(byTestId('minutes'))).isExisting(), false);
    await (await items[0].$(byTestId('minutes'))).click();
    await app.keys(['Alt', 'ArrowDown']);
    const item = items[1];
    const minutes = await item.$(byTestId('minutes'));
    await minutes.waitForExist({ timeoutMsg: 'Alt+Down moves to the next agenda item' });
    assert.equal(await (await items[0].$(byTestId('minutes'))).isExisting(), false);

    // Minutes that look like HTML are shown as text, never run.
    await minutes.setValue('Het aantal zwangerschappen daalt. <script>window.hacked = 1</script> <img src=x onerror="window.hacked = 2">');
    // Saved by itself once typing stops, and it says so.
    await app.waitUntil(async () => /Opgeslagen om \d\d:\d\d/.test(await (await item.$(byTestId('minutes-state'))).getText()), {
      timeoutMsg: 'the minutes save by themselves',
    });
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
    await (await app.$(byTestId('agenda-form'))).scrollIntoView({ block: 'center' });
    await app.saveScreenshot(join(ARTIFACTS, 'meeting-agenda-form.png'));
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

    // The dashboard names the next meeting and opens it.
    await (await app.$(byTestId('nav-dashboard'))).click();
    const tile = await visible(app, byTestId('tile-next-meeting'));
    await app.waitUntil(async () => /Stuurgroep Overlegstad/.test(await tile.getText()), { timeoutMsg: 'the next meeting is named' });
    assert.match(await tile.getText(), /20 januari 2027/);
    await (await tile.$(byTestId('open-next-meeting'))).click();
    await visible(app, `[data-testid="meeting-detail"][data-meeting="${next.id}"]`);
  } finally {
    await app.deleteSession();
  }
});

test('reorder and delete agenda items, mark one confidential, correct a decision and an action item, drop it', async () => {
  const meeting = wieg(
    'meeting', 'add', '--title', 'Werkgroep pijler 1', '--kind', 'werkgroep', '--date', '2027-02-03',
    '--invite', 'Inge Bakker', '--agenda', 'Opening|Begroting|Rondvraag',
  ).trim();
  const decision = wieg('meeting', 'decide', meeting, '--text', 'Begroting vastgesteld').trim();
  wieg('actionitem', 'add', '--meeting', meeting, '--text', 'Offerte opvragen', '--owner', 'Inge Bakker');
  const show = () => JSON.parse(wieg('meeting', 'show', meeting, '--json'));
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-meetings'))).click();
    const row = await visible(app, `[data-testid="meeting-row"][data-meeting="${meeting}"]`);
    await (await row.$(byTestId('open-meeting'))).click();
    await visible(app, byTestId('meeting-detail'));
    const [, budget, closing] = show().agenda.map((a) => a.id);
    const item = (id) => app.$(`[data-testid="agenda-item"][data-item="${id}"]`);
    // Each item, decision and action item keeps its rarer actions in one menu.
    const fromMenu = async (scope, testid) => {
      await (await (await scope).$(byTestId('row-menu'))).click();
      await (await visible(app, `[role="menu"] ${byTestId(testid)}`)).click();
    };
    const menuOffers = async (scope, testid) => {
      await (await (await scope).$(byTestId('row-menu'))).click();
      await visible(app, '[role="menu"]');
      const offered = await (await app.$(`[role="menu"] ${byTestId(testid)}`)).isExisting();
      await app.keys('Escape');
      return offered;
    };

    // "Rondvraag" moves up one place; the first item cannot move up.
    await fromMenu(item(closing), 'move-agenda-up');
    await app.waitUntil(async () => show().agenda.map((a) => a.title).join('|') === 'Opening|Rondvraag|Begroting', {
      timeoutMsg: 'the agenda is reordered',
    });
    const first = await app.$(byTestId('agenda-item'));
    assert.equal(await menuOffers(first, 'move-agenda-up'), false);
    assert.equal(await menuOffers(first, 'move-agenda-down'), true);

    // "Begroting" becomes confidential.
    await fromMenu(item(budget), 'edit-agenda-item');
    const form = await visible(app, byTestId('agenda-edit-form'));
    await (await form.$(byTestId('agenda-edit-confidential'))).click();
    await (await form.$(byTestId('save-agenda-item'))).click();
    await visible(app, `[data-item="${budget}"] [data-testid="agenda-confidential-badge"]`);
    assert.equal(show().agenda.find((a) => a.id === budget).confidential, true);

    // The decision is corrected in place: Enter saves.
    const dec = await visible(app, `[data-decision="${decision}"]`);
    await dec.scrollIntoView();
    await fromMenu(dec, 'edit-decision');
    const text = await visible(app, byTestId('decision-edit-text'));
    await text.clearValue();
    await text.setValue('Begroting 2027 vastgesteld');
    await app.keys('Enter');
    await app.waitUntil(async () => show().decisions[0].text === 'Begroting 2027 vastgesteld', {
      timeoutMsg: 'the decision is corrected',
    });

    // The action item is corrected in place: an empty text is refused at
    // the field, then a new text and a due date are saved with Enter.
    const [actionItem] = show().action_items;
    const entry = await visible(app, `[data-action-item="${actionItem.id}"]`);
    await entry.scrollIntoView();
    await fromMenu(entry, 'edit-action-item');
    const itemText = await visible(app, byTestId('action-item-edit-text'));
    await setValue(app, itemText, '');
    await (await app.$(byTestId('save-action-item-edit'))).click();
    const refused = await visible(app, '[data-testid="action-item-edit-form"] [data-testid="error-text"]');
    assert.match(await refused.getText(), /Schrijf eerst het actiepunt op/);
    assert.equal(await app.execute(() => document.activeElement?.dataset.testid), 'action-item-edit-text', 'focus on the refused field');
    await itemText.setValue('Offerte opvragen bij drukker');
    await setValue(app, await app.$(byTestId('action-item-edit-due')), '2027-03-01');
    await itemText.click();
    await app.keys('Enter');
    await app.waitUntil(async () => show().action_items[0].text === 'Offerte opvragen bij drukker', {
      timeoutMsg: 'the action item is corrected',
    });
    assert.equal(show().action_items[0].due, '2027-03-01');

    // The action item no longer matters: dropped, not done.
    await fromMenu(entry, 'action-item-drop');
    await app.waitUntil(async () => show().action_items[0].status === 'vervallen', { timeoutMsg: 'the item is dropped' });
    assert.doesNotMatch(wieg('actionitem', 'list'), /Offerte opvragen/);

    // Deleting the opening leaves two items.
    const opening = await item(show().agenda[0].id);
    await fromMenu(opening, 'delete-agenda-item');
    await (await visible(app, byTestId('confirm-delete-agenda-item'))).click();
    await app.waitUntil(async () => show().agenda.length === 2, { timeoutMsg: 'the item is deleted' });
    await app.saveScreenshot(join(ARTIFACTS, 'meeting-edit.png'));
  } finally {
    await app.deleteSession();
  }
});
