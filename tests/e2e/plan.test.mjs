// The action plan: an action under pillar 2 for one municipality shows in
// the pillar, on the timeline and (by its municipality) in the core; a
// roll-out cell changes from "niet gestart" to "actief".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver, setValue, visible } from './driver.mjs';

let dataDir;
let driver;

const wieg = (...args) => execFileSync(CLI, ['--data', dataDir, ...args], { encoding: 'utf8' });

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-e2e-plan-'));
  wieg('init', '--name', 'Kansrijke Start Planstad');
  wieg('gemeente', 'add', '--name', 'Venlo', '--cbs', 'GM0983');
  wieg('gemeente', 'add', '--name', 'Venray', '--cbs', 'GM0984');
  wieg('org', 'add', '--name', 'GGD Planstad', '--kind', 'ggd', '--domain', 'publieke gezondheid');
  wieg('org', 'add', '--name', 'Wijkteam Planstad', '--kind', 'wijkteam', '--domain', 'sociaal');
  wieg('contact', 'add', '--org', 'Wijkteam Planstad', '--name', 'Noor Bakker');
  wieg('plan', 'create', '--title', 'Plan van aanpak Planstad', '--from', '2025', '--to', '2027');
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});


// WebKitWebDriver cannot type into date fields: set them as a date picker would.
async function setDate(app, selector, value) {
  await setValue(app, await app.$(selector), value);
}

test('an action under pillar 2 for one municipality, on the timeline; a roll-out cell set to active', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-plan'))).click();
    const second = JSON.parse(wieg('pillar', 'list', '--json')).find((p) => p.number === 2);
    assert.equal(second.title, 'Nu Niet Zwanger');
    const pillar = await visible(app, `[data-testid="pillar"][data-pillar="${second.id}"]`);
    await (await pillar.$(byTestId('new-action'))).click();
    await visible(app, byTestId('action-form'));

    // A budget that is no amount is refused with the field named.
    await (await app.$('#action-title')).setValue('NNZ-gesprekken in Venlo');
    await (await app.$('#action-budget')).setValue('veel geld');
    await (await app.$(byTestId('save-action'))).click();
    const budgetError = await visible(app, byTestId('error-budget'));
    assert.match(await budgetError.getText(), /bedrag|amount/i);

    await (await app.$('#action-budget')).setValue('12.500');
    await (await (await app.$(byTestId('action-municipalities'))).$('label=Venlo')).click();
    // A partner is found by typing part of its name, and taken with Enter.
    await (await app.$('#action-partners')).click();
    await app.keys(['p', 'l', 'a', 'n', 's']);
    await visible(app, '#action-partners-options [role="option"]');
    await app.keys('Enter');
    await visible(app, `${byTestId('action-partners')} .chip`);
    assert.equal(await (await app.$(byTestId('action-form'))).isDisplayed(), true, 'Enter took the partner, it did not save');
    // The lead is a person: found by part of her name, her team follows.
    await (await app.$('#action-owner')).click();
    await app.keys(['b', 'a', 'k']);
    const option = await visible(app, '#action-owner-options [role="option"]');
    assert.match(await option.getText(), /Noor Bakker[\s\S]*Wijkteam Planstad/);
    await app.keys('Enter');
    await (await app.$('#action-status')).selectByAttribute('value', 'loopt');
    await setDate(app, '#action-start-date', '2025-03-01');
    await setDate(app, '#action-end-date', '2026-06-30');
    await (await app.$(byTestId('save-action'))).click();
    await (await app.$(byTestId('action-form'))).waitForDisplayed({ reverse: true });

    const row = await pillar.$(byTestId('action-row'));
    await row.waitForDisplayed({ timeoutMsg: 'the action is listed under pillar 2' });
    assert.match(await row.getText(), /NNZ-gesprekken in Venlo[\s\S]*Noor Bakker[\s\S]*Wijkteam Planstad/);
    const [saved] = JSON.parse(wieg('action', 'list', '--pillar', '2', '--json'));
    assert.equal(saved.title, 'NNZ-gesprekken in Venlo');
    // The coordinator stays where they were: focus on the new action, in view.
    await app.waitUntil(
      async () => (await app.execute(() => document.activeElement?.closest('[data-testid="action-row"]')?.getAttribute('data-action'))) === saved.id,
      { timeoutMsg: 'focus is on the new action' },
    );
    assert.ok(await (await pillar.$(`[data-action="${saved.id}"]`)).isDisplayed({ withinViewport: true }), 'the new action is in view');
    assert.equal(saved.budget_cents, 1_250_000);
    assert.equal(saved.start_date, '2025-03-01');
    const venlo = JSON.parse(wieg('gemeente', 'list', '--json')).find((m) => m.name === 'Venlo');
    assert.deepEqual(saved.municipalities, [venlo.id]);
    const ggd = JSON.parse(wieg('org', 'list', '--json')).find((o) => o.name === 'GGD Planstad');
    assert.deepEqual(saved.partners, [ggd.id]);
    const team = JSON.parse(wieg('org', 'list', '--json')).find((o) => o.name === 'Wijkteam Planstad');
    const noor = JSON.parse(wieg('contact', 'list', '--json')).find((c) => c.name === 'Noor Bakker');
    assert.deepEqual([saved.owner, saved.owner_contact], [team.id, noor.id]);

    // Opened again: a milestone (a quarter that is none is refused first) and a progress note.
    await (await (await pillar.$(`[data-action="${saved.id}"]`)).$('button=NNZ-gesprekken in Venlo')).click();
    const milestones = await visible(app, byTestId('action-milestones'));
    await milestones.scrollIntoView();
    await (await app.$('#milestone-quarter')).setValue('volgend jaar');
    await (await app.$('#milestone-title')).setValue('Eerste twintig gesprekken');
    await (await app.$(byTestId('add-milestone'))).click();
    assert.match(await (await visible(app, byTestId('error-quarter'))).getText(), /2025-K2/);
    await (await app.$('#milestone-quarter')).setValue('2026-K1');
    await (await app.$(byTestId('add-milestone'))).click();
    await app.waitUntil(async () => /2026-K1\s*Eerste twintig gesprekken/.test(await milestones.getText()), {
      timeoutMsg: 'the milestone is listed',
    });
    assert.equal(await (await app.$(byTestId('error-quarter'))).isExisting(), false, 'the error is gone once saved');
    await (await app.$('#note-text')).setValue('Startbijeenkomst met de GGD gehouden.');
    await (await app.$(byTestId('add-note'))).click();
    const notes = await app.$(byTestId('action-notes'));
    await app.waitUntil(async () => /Startbijeenkomst met de GGD/.test(await notes.getText()), { timeoutMsg: 'the note is listed' });
    const stored = JSON.parse(wieg('action', 'list', '--pillar', '2', '--json'))[0];
    assert.deepEqual(stored.milestones.map((m) => [m.quarter, m.title]), [['2026-K1', 'Eerste twintig gesprekken']]);
    assert.equal(stored.notes[0].text, 'Startbijeenkomst met de GGD gehouden.');
    await app.keys('Escape');
    await (await app.$(byTestId('action-form'))).waitForDisplayed({ reverse: true });

    // The timeline draws it.
    await (await app.$(byTestId('plan-tab-timeline'))).click();
    await visible(app, byTestId('timeline'));
    await visible(app, `[data-testid="timeline-bar"][data-action="${saved.id}"]`);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-timeline.png'));

    // The roll-out matrix: Centering in Venray, from not started to active.
    const centering = JSON.parse(wieg('intervention', 'list', '--json')).find((i) => i.name === 'CenteringZwangerschap');
    const venray = JSON.parse(wieg('gemeente', 'list', '--json')).find((m) => m.name === 'Venray');
    await (await app.$(byTestId('plan-tab-rollout'))).click();
    await visible(app, byTestId('rollout-matrix'));
    const cell = `[data-testid="rollout-cell"][data-municipality="${venray.id}"][data-intervention="${centering.id}"]`;
    assert.equal(await (await visible(app, cell)).getAttribute('data-status'), 'niet gestart');
    // By keyboard: WebKitWebDriver does not count a cell of the scrolling,
    // sticky-headed matrix as clickable, though it is on screen.
    await app.execute((el) => el.focus(), await app.$(cell));
    await app.keys('Enter');
    await visible(app, byTestId('rollout-form'));
    await (await app.$('#rollout-status')).selectByAttribute('value', 'actief');
    await (await app.$('#rollout-target-per-year')).setValue('24');
    await (await app.$(byTestId('save-rollout'))).click();
    await (await app.$(byTestId('rollout-form'))).waitForDisplayed({ reverse: true });
    await app.waitUntil(async () => (await (await app.$(cell)).getAttribute('data-status')) === 'actief', {
      timeoutMsg: 'the cell shows active',
    });
    assert.match(wieg('rollout', 'matrix'), /CenteringZwangerschap: actief in 1 van 2 gemeenten — Venray/);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-rollout.png'));
  } finally {
    await app.deleteSession();
  }
});

test('a grant paying for the action counts for its pillar; an indicator hides values under ten persons', async () => {
  wieg('goal', 'add', '--pillar', '3', '--text', 'Minder roken tijdens de zwangerschap');
  wieg('indicator', 'add', '--name', 'Roken in de zwangerschap', '--unit', '%', '--source', 'Perined');
  wieg('indicator', 'set', 'Roken in de zwangerschap', 'Venray', '2024', '3', '8');
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-plan'))).click();
    await (await visible(app, byTestId('plan-tab-funding'))).click();
    await (await visible(app, byTestId('new-funding'))).click();
    await visible(app, byTestId('funding-form'));
    await (await app.$('#funding-funder-kind')).selectByAttribute('value', 'provincie');
    await (await app.$('#funding-funder')).setValue('Provincie Limburg');
    await (await app.$('#funding-amount')).setValue('130.680');
    await (await (await app.$(byTestId('funding-actions'))).$('label=NNZ-gesprekken in Venlo')).click();
    await (await app.$(byTestId('save-funding'))).click();
    await (await app.$(byTestId('funding-form'))).waitForDisplayed({ reverse: true });
    const row = await visible(app, byTestId('funding-row'));
    assert.match(await row.getText(), /Provincie Limburg/);
    assert.match(await row.getText(), /130\.680/);
    assert.match(wieg('funding', 'overview'), /Pijler 2: begroot € 12\.500, toegekend € 130\.680/);

    // Book spending on the grant: it lands on the grant, and what is left shows.
    await (await row.$(byTestId('book-spending'))).click();
    await visible(app, byTestId('spending-form'));
    assert.equal(await app.execute(() => document.activeElement?.id), 'spending-amount');
    await (await app.$('#spending-amount')).setValue('4.000,50');
    await (await app.$(byTestId('save-spending'))).click();
    // Without a description it is refused at that field.
    await visible(app, byTestId('error-description'));
    assert.equal(await app.execute(() => document.activeElement?.id), 'spending-description');
    await (await app.$('#spending-description')).setValue('Scholing NNZ-gesprekken');
    await (await app.$('#spending-action')).selectByVisibleText('2 · NNZ-gesprekken in Venlo');
    await (await app.$(byTestId('save-spending'))).click();
    await (await app.$(byTestId('spending-form'))).waitForDisplayed({ reverse: true });
    await app.waitUntil(async () => /126\.679,50/.test(await (await app.$(byTestId('funding-left'))).getText()), {
      timeoutMsg: 'what is left on the grant shows',
    });
    assert.match(await (await app.$(byTestId('funding-spent'))).getText(), /4\.000,50/);
    const booked = await visible(app, byTestId('spending-row'));
    assert.match(await booked.getText(), /Scholing NNZ-gesprekken/);
    assert.match(await booked.getText(), /NNZ-gesprekken in Venlo/);
    assert.match(wieg('funding', 'list'), /betaald € 4\.000,50, verplicht € 0, over € 126\.679,50/);
    assert.match(wieg('funding', 'overview'), /Pijler 2: .*betaald € 4\.000,50/);

    // The bookkeeping's export: read, imported as a whole, on the action's grant.
    const ledger = join(dataDir, 'grootboek.csv');
    writeFileSync(ledger, 'Boekdatum;Omschrijving;Bedrag;Kostenplaats\r\n01-10-2026;Zaalhuur;1.000,00;NNZ-gesprekken in Venlo\r\n');
    await (await app.$(byTestId('import-spending'))).click();
    await visible(app, byTestId('import-dialog'));
    await (await app.$(byTestId('import-path'))).setValue(ledger);
    await (await app.$(byTestId('import-read'))).click();
    await app.waitUntil(async () => /1 nieuw.*0 met een fout/.test(await (await app.$(byTestId('import-summary'))).getText()), {
      timeoutMsg: 'the export reads without errors',
    });
    const confirm = await app.$(byTestId('import-confirm'));
    await confirm.waitForEnabled();
    await confirm.click();
    await (await app.$(byTestId('import-dialog'))).waitForDisplayed({ reverse: true });
    await app.waitUntil(async () => /125\.679,50/.test(await (await app.$(byTestId('funding-left'))).getText()), {
      timeoutMsg: 'the imported amount counts on the grant',
    });
    assert.match(await (await app.$(byTestId('grant-spending'))).getText(), /Zaalhuur/);
    assert.match(await (await app.$(byTestId('spending-total'))).getText(), /Betaald € 5\.000,50, verplicht € 0$/);
    // One month: only what was booked in it, and what it adds up to.
    await setDate(app, byTestId('spending-from'), '2026-10-01');
    await setDate(app, byTestId('spending-to'), '2026-10-31');
    await app.waitUntil(async () => /Betaald € 1\.000(,00)?, verplicht € 0$/.test(await (await app.$(byTestId('spending-total'))).getText()), {
      timeoutMsg: 'the month adds up to the one booking in it',
    });
    assert.equal((await app.$$(byTestId('spending-row'))).length, 1);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-funding.png'));

    // Indicators: the small value shows as "< 10"; a new value is added through the form.
    await (await app.$(byTestId('plan-tab-indicators'))).click();
    const indicator = await app.$(`[data-testid="indicator-row"]`);
    await indicator.waitForDisplayed();
    await (await indicator.$('button=Roken in de zwangerschap')).click();
    const table = await visible(app, byTestId('indicator-table'));
    await app.waitUntil(async () => /< 10/.test(await table.getText()), { timeoutMsg: 'the small value is hidden' });
    // The value form sits low on the page: bring it above the notices at the bottom.
    await (await app.$(byTestId('indicator-value-form'))).scrollIntoView({ block: 'center' });
    await (await app.$('#value-municipality')).selectByVisibleText('Venlo');
    // A year that is no year is refused at the field, in this form's words.
    await (await app.$('#value-year')).setValue('vorig jaar');
    await (await app.$(byTestId('save-indicator-value'))).click();
    assert.match(await (await visible(app, byTestId('error-year'))).getText(), /Vul een jaar in/);
    assert.equal(await app.execute(() => document.activeElement?.id), 'value-year');
    await (await app.$('#value-year')).setValue('2025');
    await (await app.$('#value-numerator')).setValue('40');
    await (await app.$('#value-denominator')).setValue('400');
    await (await app.$(byTestId('save-indicator-value'))).click();
    await app.waitUntil(async () => /10,0 %/.test(await (await app.$(byTestId('indicator-table'))).getText()), {
      timeoutMsg: 'the new value is shown',
    });
    assert.match(wieg('indicator', 'show', 'Roken in de zwangerschap'), /Venlo {2}2025: 10,0 %/);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-indicator.png'));

    // An indicator of RIVM's national monitor, added with one choice: teller, noemer and source come along.
    await (await app.$(byTestId('open-monitor'))).click();
    const entry = await visible(app, '[data-testid="monitor-entry"]*=Gezinnen die geen kraamzorg gebruiken');
    assert.match(await entry.getText(), /Het aantal levendgeborenen/);
    await (await entry.$(byTestId('monitor-add'))).click();
    await (await entry.$(byTestId('monitor-added'))).waitForDisplayed({ timeoutMsg: 'it shows as added' });
    await visible(app, '[data-testid="indicator-row"]*=Gezinnen die geen kraamzorg gebruiken');
    const rivm = JSON.parse(wieg('indicator', 'list', '--json')).find((i) => i.name === 'Gezinnen die geen kraamzorg gebruiken');
    assert.equal(rivm.denominator_label, 'Het aantal levendgeborenen');
    assert.match(rivm.source, /^RIVM Landelijke Monitor Kansrijke Start/);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-monitor.png'));

    // A goal measured by that indicator: from 12 % towards 8 %, at 10 % now.
    await (await app.$(byTestId('plan-tab-pillars'))).click();
    const smokeFree = await app.$('[data-testid="goal"]*=Minder roken');
    await smokeFree.waitForDisplayed();
    await (await smokeFree.$(byTestId('new-target'))).click();
    await visible(app, byTestId('target-form'));
    await (await app.$('#target-indicator')).selectByVisibleText('Roken in de zwangerschap');
    await (await app.$('#target-baseline')).setValue('12');
    await (await app.$('#target-baseline-year')).setValue('2023');
    await (await app.$(byTestId('save-target'))).click();
    // Without a target value it is refused at that field.
    await visible(app, byTestId('error-target'));
    await (await app.$('#target-target')).setValue('8');
    await (await app.$(byTestId('save-target'))).click();
    await (await app.$(byTestId('target-form'))).waitForDisplayed({ reverse: true });
    const measured = await visible(app, '[data-testid="goal"]*=Minder roken');
    await app.waitUntil(async () => /50 % van de weg/.test(await measured.getText()), { timeoutMsg: 'the progress shows' });
    assert.match(await measured.getText(), /nu 10 % \(2025\) · nulmeting 12 \(2023\) · streefwaarde 8/);
    assert.match(wieg('goal', 'targets'), /Roken in de zwangerschap: nulmeting 12 \(2023\), nu 10 % \(2025\), streefwaarde 8 — 50 % op weg/);
    await (await measured.$(byTestId('target'))).scrollIntoView({ block: 'center' });
    await app.saveScreenshot(join(ARTIFACTS, 'plan-target.png'));
  } finally {
    await app.deleteSession();
  }
});

test("an event's attendance per organisation, one welcomed; a training counts for a goal's target", async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-plan'))).click();
    await (await visible(app, byTestId('plan-tab-participation'))).click();
    await (await visible(app, byTestId('new-gathering'))).click();
    await visible(app, byTestId('gathering-form'));
    assert.equal(await app.execute(() => document.activeElement?.id), 'gathering-title');
    await (await app.$('#gathering-title')).setValue('WIJ GROEIEN-dag 2026');
    await setDate(app, '#gathering-date', '2026-10-15');
    await (await app.$('#gathering-place')).setValue('Venlo');

    // Organisations are found by typing, and each becomes a row of numbers.
    const addOrganisation = async (typed) => {
      await (await app.$('#gathering-add-organisation')).click();
      await app.keys([...typed]);
      await visible(app, '#gathering-add-organisation-options [role="option"]');
      await app.keys('Enter');
    };
    await addOrganisation('ggd');
    await addOrganisation('wijk');
    await app.waitUntil(async () => (await app.$$(byTestId('turnout-row'))).length === 2, { timeoutMsg: 'two rows of numbers' });
    assert.equal(await (await app.$(byTestId('gathering-form'))).isDisplayed(), true, 'Enter took the organisation, it did not save');
    const rows = await app.$$(byTestId('turnout-row'));
    assert.match(await rows[0].getText(), /GGD Planstad[\s\S]*Publieke gezondheid/);
    await (await rows[0].$(byTestId('turnout-registered'))).setValue('40');
    await (await rows[0].$(byTestId('turnout-attended'))).setValue('35');
    await (await rows[1].$(byTestId('turnout-registered'))).setValue('20');
    await (await rows[1].$(byTestId('turnout-attended'))).setValue('veel');
    await (await rows[1].$(byTestId('turnout-welcomed'))).click();
    // A number that is no count is refused, naming the organisation.
    await (await app.$(byTestId('save-gathering'))).click();
    assert.match(await (await visible(app, byTestId('error-turnout'))).getText(), /Wijkteam Planstad/);
    await (await rows[1].$(byTestId('turnout-attended'))).setValue('18');
    assert.match(await (await app.$(byTestId('turnout-total-attended'))).getText(), /^53$/);
    await app.saveScreenshot(join(ARTIFACTS, 'plan-gathering-form.png'));
    await (await app.$(byTestId('save-gathering'))).click();
    await (await app.$(byTestId('gathering-form'))).waitForDisplayed({ reverse: true });

    const day = await visible(app, '[data-testid="gathering-row"]*=WIJ GROEIEN-dag 2026');
    assert.match(await (await day.$(byTestId('gathering-attended'))).getText(), /^53$/);
    await app.waitUntil(async () => /Wijkteam Planstad/.test(await (await app.$(byTestId('welcomed-list'))).getText()), {
      timeoutMsg: 'the welcomed organisation is named',
    });
    assert.match(await (await app.$(byTestId('domain-list'))).getText(), /Publieke gezondheid: 35 mensen van 1 organisatie$/m);
    const listed = JSON.parse(wieg('gathering', 'list', '--json'))[0];
    assert.deepEqual(
      listed.turnout.map((t) => [t.name, t.registered, t.attended, t.welcomed]),
      [
        ['GGD Planstad', 40, 35, false],
        ['Wijkteam Planstad', 20, 18, true],
      ],
    );

    // A training in Nu Niet Zwanger: the professionals trained count for a goal's target.
    const pillar = JSON.parse(wieg('pillar', 'list', '--json')).find((p) => p.number === 2);
    wieg('goal', 'add', '--pillar', String(pillar.number), '--text', '100 professionals getraind in NNZ');
    const training = wieg('gathering', 'add', '--title', 'Scholing NNZ', '--date', '2026-03-01', '--kind', 'scholing', '--intervention', 'Nu Niet Zwanger').trim();
    wieg('gathering', 'turnout', training, '--organisation', 'Wijkteam Planstad', '--registered', '12', '--attended', '10');
    await (await app.$(byTestId('participation-year'))).selectByAttribute('value', '2026');
    await app.waitUntil(async () => /Nu Niet Zwanger: 10 professionals van 1 organisatie$/m.test(await (await app.$(byTestId('trained-list'))).getText()), {
      timeoutMsg: 'the training counts per intervention',
    });
    await (await app.$(byTestId('plan-tab-pillars'))).click();
    const goal = await app.$('[data-testid="goal"]*=100 professionals getraind');
    await goal.waitForDisplayed();
    await (await goal.$(byTestId('new-target'))).click();
    await visible(app, byTestId('target-form'));
    await (await app.$('#target-measure')).selectByAttribute('value', 'professionals getraind');
    await (await app.$('#target-intervention')).selectByVisibleText('Nu Niet Zwanger');
    await (await app.$('#target-target')).setValue('100');
    await (await app.$(byTestId('save-target'))).click();
    await (await app.$(byTestId('target-form'))).waitForDisplayed({ reverse: true });
    const measured = await visible(app, '[data-testid="goal"]*=100 professionals getraind');
    await app.waitUntil(async () => /10 % van de weg/.test(await measured.getText()), { timeoutMsg: 'the training counts for the target' });
  } finally {
    await app.deleteSession();
  }
});
