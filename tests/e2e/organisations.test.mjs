// A coordinator's first session: create a coalition, add an organisation
// through the form (after a validation error), close the app, start it
// again and find the organisation still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, rowAction, setValue, startDriver, visible } from './driver.mjs';

const ORG = 'Verloskundigenpraktijk De Wieg';
let dataDir;
let driver;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-e2e-'));
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});


test('create a coalition and an organisation, and find it again after a restart', async () => {
  let app = await launchApp(driver);
  try {
    // A new laptop starts on the welcome page.
    await (await visible(app, '#coalition-name')).setValue('Kansrijke Start Teststad');
    await (await app.$(byTestId('create-coalition'))).click();
    const coalition = await visible(app, byTestId('coalition-name'));
    assert.equal(await coalition.getText(), 'Kansrijke Start Teststad');

    await (await app.$(byTestId('nav-network'))).click();
    await (await visible(app, byTestId('new-organisation'))).click();
    await visible(app, byTestId('organisation-form'));

    // Saving an empty form names the missing field, in Dutch.
    await (await app.$(byTestId('save-organisation'))).click();
    const nameError = await visible(app, byTestId('error-name'));
    assert.equal(await nameError.getText(), 'Dit veld is verplicht.');
    assert.equal(await (await app.$('#org-name')).getAttribute('aria-invalid'), 'true');

    // A website that is not one is refused too.
    await (await app.$('#org-name')).setValue(ORG);
    await (await app.$('#org-kind')).selectByAttribute('value', 'verloskundigenpraktijk');
    await (await app.$('#org-domain')).selectByAttribute('value', 'medisch');
    await (await app.$('#org-website')).setValue('geen website');
    await (await app.$(byTestId('save-organisation'))).click();
    const websiteError = await visible(app, byTestId('error-website'));
    assert.match(await websiteError.getText(), /geen webadres/);

    // So is a phone number that is not one.
    await (await app.$('#org-website')).setValue('dewieg.example.nl');
    await (await app.$('#org-phone')).setValue('bel maar');
    await (await app.$(byTestId('save-organisation'))).click();
    assert.match(await (await visible(app, byTestId('error-phone'))).getText(), /geen telefoonnummer/);
    assert.equal(await app.execute(() => document.activeElement?.id), 'org-phone');
    await (await app.$('#org-phone')).setValue('077-3201100');
    await (await app.$(byTestId('save-organisation'))).click();
    await (await app.$(byTestId('organisation-form'))).waitForDisplayed({ reverse: true, timeout: 10_000 });

    // The new organisation opens on its own page, which shows the general
    // phone number; back in the list it is there.
    await visible(app, byTestId('organisation-detail'));
    assert.equal(await (await visible(app, byTestId('organisation-phone'))).getText(), '077-3201100');
    await (await app.$(byTestId('back-to-list'))).click();
    const table = await visible(app, byTestId('organisation-table'));
    const text = await table.getText();
    assert.match(text, new RegExp(ORG));
    assert.match(text, /Verloskundigenpraktijk/);
    assert.match(text, /dewieg\.example\.nl/);
    assert.equal(await (await app.$(byTestId('org-count'))).getText(), '1 organisatie');
    await app.saveScreenshot(join(ARTIFACTS, 'organisations.png'));
  } finally {
    await app.deleteSession();
  }

  // The organisation went through the core into the database file.
  const listed = JSON.parse(execFileSync(CLI, ['--data', dataDir, 'org', 'list', '--json'], { encoding: 'utf8' }));
  assert.deepEqual(
    listed.map((o) => [o.name, o.kind, o.domain, o.website]),
    [[ORG, 'verloskundigenpraktijk', 'medisch', 'https://dewieg.example.nl']],
  );
  assert.equal(listed[0].phone, '077-3201100');

  // Start the app again: it opens on the coalition, with the organisation.
  app = await launchApp(driver);
  try {
    const coalition = await visible(app, byTestId('coalition-name'));
    assert.equal(await coalition.getText(), 'Kansrijke Start Teststad');
    await (await app.$(byTestId('nav-network'))).click();
    const table = await visible(app, byTestId('organisation-table'));
    assert.match(await table.getText(), new RegExp(ORG));
    await app.saveScreenshot(join(ARTIFACTS, 'after-restart.png'));
  } finally {
    await app.deleteSession();
  }
});

test('rename the coalition and set the day it began in Instellingen', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-settings'))).click();
    const form = await visible(app, byTestId('coalition-form'));
    // A day still to come is refused, on the field.
    await setValue(app, await app.$('#settings-coalition-start-date'), '2999-01-01');
    await (await form.$(byTestId('save-coalition'))).click();
    assert.match(await (await visible(app, byTestId('error-start_date'))).getText(), /datum/i);

    await (await app.$('#settings-coalition-name')).setValue('Kansrijke Start Noord- en Midden-Limburg');
    await setValue(app, await app.$('#settings-coalition-start-date'), '2020-03-01');
    await (await form.$(byTestId('save-coalition'))).click();
    await visible(app, `${byTestId('coalition-form')} [role="status"]`);
    await app.saveScreenshot(join(ARTIFACTS, 'settings.png'));
    const coalition = await visible(app, byTestId('coalition-name'));
    await coalition.waitUntil(async () => (await coalition.getText()) === 'Kansrijke Start Noord- en Midden-Limburg', {
      timeout: 10_000,
      timeoutMsg: 'the new name shows in the frame',
    });

    // The dashboard counts the days from the coalition's start.
    await (await app.$(byTestId('nav-dashboard'))).click();
    const days = await visible(app, byTestId('days-under-way'));
    const expected = Math.floor((Date.now() - Date.parse('2020-03-01T00:00:00')) / 86_400_000);
    const shown = Number((await days.getText()).replace(/\D/g, ''));
    assert.ok(Math.abs(shown - expected) <= 1, `${shown} days, expected about ${expected}`);
  } finally {
    await app.deleteSession();
  }
  const status = JSON.parse(execFileSync(CLI, ['--data', dataDir, 'status', '--json'], { encoding: 'utf8' }));
  assert.equal(status.coalition.start_date, '2020-03-01');
  // Later tests know the coalition by its first name.
  execFileSync(CLI, ['--data', dataDir, 'coalition', 'set', '--name', 'Kansrijke Start Teststad']);
});

test('delete an organisation and undo it', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-network'))).click();
    await visible(app, byTestId('organisation-table'));
    await rowAction(app, ORG, 'Verwijderen');
    const toast = await visible(app, byTestId('toast'));
    assert.match(await toast.getText(), /is verwijderd/);
    await (await app.$(byTestId('organisation-table'))).waitForDisplayed({ reverse: true, timeout: 10_000 });
    assert.equal(await (await app.$(byTestId('org-count'))).getText(), '0 organisaties');
    await (await toast.$('button=Ongedaan maken')).click();
    const table = await visible(app, byTestId('organisation-table'));
    assert.match(await table.getText(), new RegExp(ORG));
  } finally {
    await app.deleteSession();
  }
});

test('add a municipality by its CBS code; a duplicate code is refused', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-network'))).click();
    await (await visible(app, byTestId('network-tab-municipalities'))).click();
    await (await visible(app, '#mun-name')).setValue('Venlo');
    await (await app.$('#mun-cbs-code')).setValue('gm983');
    await (await app.$(byTestId('add-municipality'))).click();
    const table = await visible(app, byTestId('municipality-table'));
    await app.waitUntil(async () => /Venlo\s*GM0983\s*ja/.test(await table.getText()), {
      timeoutMsg: 'Venlo with its normalised code is listed',
    });
    await (await app.$('#mun-name')).setValue('Venlo-Noord');
    await (await app.$('#mun-cbs-code')).setValue('GM0983');
    await (await app.$(byTestId('add-municipality'))).click();
    const error = await visible(app, byTestId('error-cbs_code'));
    assert.equal(await error.getText(), 'Dit bestaat al.');
    assert.equal(await (await app.$(byTestId('mun-count'))).getText(), '1 gemeente');

    // Corrected through its row's menu: a period appears once one is set.
    await rowAction(app, 'Venlo', 'Bewerken');
    await visible(app, byTestId('municipality-form'));
    await setValue(app, await app.$('#mun-edit-valid-from'), '2010-01-01');
    await (await app.$(byTestId('save-municipality'))).click();
    await (await app.$(byTestId('municipality-form'))).waitForDisplayed({ reverse: true });
    await app.waitUntil(async () => /1 januari 2010/.test(await table.getText()), { timeoutMsg: 'the period is shown' });

    // The organisation serves Venlo; the list can be filtered on it.
    await (await app.$(byTestId('network-tab-organisations'))).click();
    await rowAction(app, ORG, 'Bewerken');
    await (await (await visible(app, 'fieldset.served')).$('label=Venlo')).click();
    await (await app.$(byTestId('save-organisation'))).click();
    await (await app.$(byTestId('organisation-form'))).waitForDisplayed({ reverse: true });
    await (await app.$(byTestId('filter-municipality'))).selectByVisibleText('Venlo');
    await app.waitUntil(async () => (await (await app.$(byTestId('org-count'))).getText()) === '1 organisatie', {
      timeoutMsg: 'the organisation serving Venlo is listed',
    });
    const listed = JSON.parse(execFileSync(CLI, ['--data', dataDir, 'org', 'list', '--json', '--gemeente', 'GM0983'], { encoding: 'utf8' }));
    assert.deepEqual(listed.map((o) => o.name), [ORG]);
  } finally {
    await app.deleteSession();
  }
});
