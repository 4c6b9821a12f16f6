// Two laptops share a coalition through a folder: the app on one, the
// command line on the other. An organisation made on the other laptop
// appears in the app after a sync, and a concurrent edit shows on the
// conflicts page, where the other value can be put back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, rowAction, startDriver, visible, waitForText } from './driver.mjs';

const temp = (name) => mkdtempSync(join(tmpdir(), `wieg-e2e-${name}-`));
const dirs = { app: temp('a'), other: temp('b'), shared: temp('shared') };
let driver;

const wieg = (data, ...args) => execFileSync(CLI, ['--data', data, ...args], { encoding: 'utf8' });

before(async () => {
  wieg(dirs.app, 'init', '--name', 'Kansrijke Start Gedeeld');
  driver = await startDriver(dirs.app);
});

after(async () => {
  await driver?.stop();
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
});


async function textOf(app, selector) {
  return (await visible(app, selector)).getText();
}

test('an organisation from another laptop arrives, and a concurrent edit can be put back', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-share'))).click();
    await (await visible(app, byTestId('folder-input'))).setValue(dirs.shared);
    await (await app.$(byTestId('use-folder'))).click();
    await waitForText(app, byTestId('sync-state'), /Gesynchroniseerd/);
    assert.match(await textOf(app, byTestId('sync-state')), /Alles is gedeeld/);

    // The other laptop joins, adds an organisation and syncs.
    wieg(dirs.other, 'join', '--folder', dirs.shared);
    wieg(dirs.other, 'org', 'add', '--name', 'Van laptop B', '--kind', 'welzijn', '--domain', 'sociaal');
    wieg(dirs.other, 'sync');

    await (await app.$(byTestId('sync-now'))).click();
    await waitForText(app, byTestId("sync-report"), /[1-9][0-9]* ontvangen/);
    await (await app.$(byTestId('nav-network'))).click();
    await waitForText(app, byTestId('organisation-table'), /Van laptop B/);

    // Both laptops change the notes before seeing each other's edit.
    await rowAction(app, 'Van laptop B', 'Bewerken');
    await (await visible(app, '#org-notes')).setValue('Notitie van A');
    await (await app.$(byTestId('save-organisation'))).click();
    await (await app.$(byTestId('organisation-form'))).waitForDisplayed({ reverse: true });
    wieg(dirs.other, 'org', 'set', 'Van laptop B', '--notes', 'Notitie van B');
    wieg(dirs.other, 'sync');

    await (await app.$(byTestId('nav-share'))).click();
    await (await visible(app, byTestId('sync-now'))).click();
    await visible(app, byTestId('conflict'));
    const conflicts = await app.$$(byTestId('conflict'));
    assert.equal(conflicts.length, 1, 'one field was edited on both laptops');
    const lost = await textOf(app, byTestId('lost-value'));
    assert.ok(['Notitie van A', 'Notitie van B'].includes(lost), lost);
    assert.match(await textOf(app, byTestId('sync-badge')), /1 conflict/);
    await app.saveScreenshot(join(ARTIFACTS, 'conflicts.png'));

    await (await app.$(byTestId('restore-conflict'))).click();
    await waitForText(app, byTestId('conflicts'), /Geen conflicten/);
    await (await app.$(byTestId('sync-now'))).click();
    await waitForText(app, byTestId('sync-state'), /Alles is gedeeld/);

    // The other laptop gets the restored value; no conflict is left anywhere.
    wieg(dirs.other, 'sync');
    const orgs = JSON.parse(wieg(dirs.other, 'org', 'list', '--json'));
    assert.equal(orgs.find((o) => o.name === 'Van laptop B').notes, lost);
    assert.deepEqual(JSON.parse(wieg(dirs.other, 'conflicts', '--json')), { conflicts: [], raced_deletes: [] });
    assert.equal(wieg(dirs.other, 'dump'), wieg(dirs.app, 'dump'));
  } finally {
    await app.deleteSession();
  }
});

test('an organisation deleted here while the other laptop edited it can be brought back', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-network'))).click();
    await rowAction(app, 'Van laptop B', 'Verwijderen');
    await visible(app, byTestId('toast'));
    wieg(dirs.other, 'org', 'set', 'Van laptop B', '--notes', 'Nieuw telefoonnummer');
    wieg(dirs.other, 'sync');

    await (await app.$(byTestId('nav-share'))).click();
    await (await visible(app, byTestId('sync-now'))).click();
    const raced = await visible(app, byTestId('raced-delete'));
    assert.match(await raced.getText(), /Van laptop B[\s\S]*Nieuw telefoonnummer/);
    await (await raced.$('button=Haal terug')).click();
    await waitForText(app, byTestId('conflicts'), /Geen conflicten/);

    await (await app.$(byTestId('nav-network'))).click();
    await waitForText(app, byTestId('organisation-table'), /Van laptop B/);
    const orgs = JSON.parse(wieg(dirs.app, 'org', 'list', '--json'));
    assert.equal(orgs.find((o) => o.name === 'Van laptop B').notes, 'Nieuw telefoonnummer');
  } finally {
    await app.deleteSession();
  }
});
