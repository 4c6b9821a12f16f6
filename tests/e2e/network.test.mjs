// The network area: an organisation's detail page with a contact person
// (added, then forgotten) and a relation that shows on the map; an import
// from a CSV file with a bad row that is fixed and imported, then undone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, rowAction, startDriver, visible, waitForText } from './driver.mjs';

let dataDir;
let driver;

const wieg = (...args) => execFileSync(CLI, ['--data', dataDir, ...args], { encoding: 'utf8' });

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-e2e-network-'));
  wieg('init', '--name', 'Kansrijke Start Kaartstad');
  wieg('org', 'add', '--name', 'Verloskundigen Kaartstad', '--kind', 'verloskundigenpraktijk', '--domain', 'medisch');
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});


async function openOrganisation(app, name) {
  const row = await app.$(`tr[data-testid="organisation-row"]*=${name}`);
  await row.waitForDisplayed({ timeoutMsg: `${name} is listed` });
  await (await row.$(byTestId('open-organisation'))).click();
  await visible(app, byTestId('organisation-detail'));
}

test('add an organisation, a contact person and a relation; the relation shows on the map', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-network'))).click();

    // A social-domain partner through the form.
    await (await visible(app, byTestId('new-organisation'))).click();
    await visible(app, byTestId('organisation-form'));
    await (await app.$('#org-name')).setValue('Wijkteam Kaartstad');
    await (await app.$('#org-kind')).selectByAttribute('value', 'wijkteam/sociaal team');
    await (await app.$('#org-domain')).selectByAttribute('value', 'sociaal');
    await (await app.$(byTestId('save-organisation'))).click();
    await (await app.$(byTestId('organisation-form'))).waitForDisplayed({ reverse: true });
    // The new partner opens on its own page.
    await waitForText(app, byTestId('organisation-detail'), /Wijkteam Kaartstad/);
    await (await app.$(byTestId('back-to-list'))).click();

    await openOrganisation(app, 'Verloskundigen Kaartstad');

    // A contact person: the e-mail address is checked first.
    await (await visible(app, byTestId('new-contact'))).click();
    await visible(app, byTestId('contact-form'));
    await (await app.$('#contact-name')).setValue('Ilse Verheijen');
    await (await app.$('#contact-email')).setValue('ilse@');
    await (await app.$(byTestId('save-contact'))).click();
    const emailError = await visible(app, byTestId('error-email'));
    assert.match(await emailError.getText(), /e-mailadres/i);
    await (await app.$('#contact-email')).setValue('i.verheijen@kaartstad.example.nl');
    await (await app.$(byTestId('save-contact'))).click();
    await (await app.$(byTestId('contact-form'))).waitForDisplayed({ reverse: true });
    const contactRow = await visible(app, byTestId('contact-row'));
    assert.match(await contactRow.getText(), /Ilse Verheijen/);
    const listed = JSON.parse(wieg('contact', 'list', '--json'));
    assert.deepEqual(listed.map((c) => c.email), ['i.verheijen@kaartstad.example.nl']);

    // A referral to the social team.
    await (await app.$(byTestId('new-relation'))).click();
    await visible(app, byTestId('relation-form'));
    await (await app.$('#relation-to-org')).selectByVisibleText('Wijkteam Kaartstad');
    await (await app.$('#relation-kind')).selectByAttribute('value', 'verwijzing');
    await (await app.$('#relation-strength')).selectByAttribute('value', '4');
    await (await app.$(byTestId('save-relation'))).click();
    await (await app.$(byTestId('relation-form'))).waitForDisplayed({ reverse: true });
    const relationRow = await visible(app, byTestId('relation-row'));
    assert.match(await relationRow.getText(), /Wijkteam Kaartstad/);

    // Its details can be changed afterwards.
    await (await app.$(byTestId('edit-relation'))).click();
    await visible(app, byTestId('relation-form'));
    await (await app.$('#relation-strength')).selectByAttribute('value', '2');
    await (await app.$(byTestId('save-relation'))).click();
    await (await app.$(byTestId('relation-form'))).waitForDisplayed({ reverse: true });
    await app.waitUntil(() => JSON.parse(wieg('relation', 'list', '--json'))[0]?.strength === 2, {
      timeoutMsg: 'the new strength is saved',
    });

    // Forget the contact person: gone here and from the database.
    await rowAction(app, 'Ilse Verheijen', 'Vergeten');
    await visible(app, byTestId('erase-dialog'));
    await (await app.$(byTestId('confirm-erase'))).click();
    await (await app.$(byTestId('contact-row'))).waitForDisplayed({ reverse: true, timeoutMsg: 'the erased person is gone' });
    assert.deepEqual(JSON.parse(wieg('contact', 'list', '--json')), []);

    // The map: both organisations and the referral between them.
    await (await app.$(byTestId('back-to-list'))).click();
    await (await visible(app, byTestId('network-tab-map'))).click();
    const map = await visible(app, byTestId('network-map'), 20_000);
    await app.waitUntil(async () => (await map.getAttribute('data-edges')) === '1', {
      timeout: 20_000,
      timeoutMsg: 'the map shows the relation',
    });
    assert.equal(await map.getAttribute('data-nodes'), '2');
    assert.equal(await map.getAttribute('data-named'), '2', 'both names have room on the map');
    const metrics = await visible(app, byTestId('map-medical-social'));
    assert.match(await metrics.getText(), /1/);

    // The map in words: each partner with whom it is connected.
    await (await app.$(byTestId('map-as-list'))).click();
    const list = await visible(app, byTestId('map-list'));
    assert.match(await list.getText(), /Verloskundigen Kaartstad[^\n]*1[^\n]*Wijkteam Kaartstad/);
    // Presenting fills the window; Escape ends it.
    await (await app.$(byTestId('map-present'))).click();
    const card = await app.$(byTestId('map-card'));
    await app.waitUntil(async () => (await card.getSize('width')) >= (await app.execute(() => window.innerWidth)) - 1, {
      timeoutMsg: 'the map fills the window',
    });
    await app.keys('Escape');
    await app.waitUntil(async () => (await card.getSize('width')) < (await app.execute(() => window.innerWidth)) - 200, {
      timeoutMsg: 'Escape ends presenting',
    });
    await (await app.$(byTestId('map-filter-domain'))).selectByAttribute('value', 'sociaal');
    await app.waitUntil(async () => (await map.getAttribute('data-nodes')) === '1', {
      timeoutMsg: 'the domain filter leaves one organisation',
    });
    assert.equal(await map.getAttribute('data-edges'), '0');
    assert.equal(await map.getAttribute('data-named'), '1');
    await app.saveScreenshot(join(ARTIFACTS, 'network-map.png'));
  } finally {
    await app.deleteSession();
  }
});

test('import a CSV file with a bad row: see the error, fix the file, import, undo', async () => {
  const csv = join(dataDir, '..', `wieg-e2e-partners-${process.pid}.csv`);
  writeFileSync(
    csv,
    '\ufeffNaam;Soort;Domein;Betrokken sinds\r\n' +
      'Kraamzorg Import;kraamzorg;medisch;01-03-2024\r\n' +
      'Buurtteam Import;wijkteam;sociaal;31-02-2024\r\n',
  );
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-network'))).click();
    await (await visible(app, byTestId('open-import'))).click();
    await visible(app, byTestId('import-dialog'));
    await (await app.$(byTestId('import-path'))).setValue(csv);
    await (await app.$(byTestId('import-read'))).click();

    const summary = await visible(app, byTestId('import-summary'));
    assert.match(await summary.getText(), /1 nieuw.*1 met een fout/);
    const bad = await visible(app, 'tr[data-action="fout"]');
    const badText = await bad.getText();
    assert.match(badText, /regel 3/);
    assert.match(badText, /31-02-2024/);
    assert.equal(await (await app.$(byTestId('import-confirm'))).isEnabled(), false);

    // Fixed in the spreadsheet program, read again, imported.
    writeFileSync(
      csv,
      '\ufeffNaam;Soort;Domein;Betrokken sinds\r\n' +
        'Kraamzorg Import;kraamzorg;medisch;01-03-2024\r\n' +
        'Buurtteam Import;wijkteam;sociaal;28-02-2024\r\n',
    );
    await (await app.$(byTestId('import-read'))).click();
    await app.waitUntil(async () => /2 nieuw.*0 met een fout/.test(await (await app.$(byTestId('import-summary'))).getText()), {
      timeoutMsg: 'the fixed file reads without errors',
    });
    const confirm = await app.$(byTestId('import-confirm'));
    await confirm.waitForEnabled();
    await confirm.click();
    await (await app.$(byTestId('import-dialog'))).waitForDisplayed({ reverse: true });
    const toast = await visible(app, byTestId('toast'));
    assert.match(await toast.getText(), /2 nieuw/);
    const names = () => JSON.parse(wieg('org', 'list', '--json')).map((o) => o.name);
    assert.ok(names().includes('Buurtteam Import'));
    const table = await visible(app, byTestId('organisation-table'));
    await app.waitUntil(async () => /Buurtteam Import/.test(await table.getText()), { timeoutMsg: 'the list shows the import' });

    // Undone as a whole from the notice.
    await (await toast.$('button=Ongedaan maken')).click();
    await app.waitUntil(async () => !names().includes('Kraamzorg Import'), { timeoutMsg: 'the import is undone' });
    assert.ok(!names().includes('Buurtteam Import'));
  } finally {
    await app.deleteSession();
    rmSync(csv, { force: true });
  }
});
