// The update round from the app: start it into a folder, a partner edits
// its workbook (openpyxl, as Excel would save it), the coordinator reads
// the return, sees the changed field, takes it over, sees the round count
// it, and finds "Bevestigd door …" on the organisation's page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, setValue, startDriver, visible, waitForText } from './driver.mjs';

const temp = (name) => mkdtempSync(join(tmpdir(), `wieg-e2e-${name}-`));
const dirs = { data: temp('round'), out: temp('round-out') };
let driver;

const wieg = (...args) => execFileSync(CLI, ['--data', dirs.data, ...args], { encoding: 'utf8' });

before(async () => {
  wieg('demo');
  driver = await startDriver(dirs.data);
});

after(async () => {
  await driver?.stop();
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
});

// As a partner would: change the first contact person's phone number.
const PARTNER = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["Contactpersonen"]
head = {c.value: c.column for c in ws[1]}
ws.cell(2, head["Telefoon"]).value = "06-24242424"
wb.save(sys.argv[2])
print(wb["Organisatie"].cell(2, 2).value)
`;

test('a round is started, a return is read, taken over and shows on the organisation', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-share'))).click();
    const section = await visible(app, byTestId('rounds'));
    await section.scrollIntoView();
    await setValue(app, await app.$(byTestId('round-name')), 'Voorjaar 2027');
    await setValue(app, await app.$(byTestId('round-folder')), dirs.out);
    await (await app.$(byTestId('round-start'))).click();
    await waitForText(app, byTestId('round-status'), /verstuurd/, 30_000);
    const books = readdirSync(dirs.out).filter((f) => f.endsWith('.xlsx'));
    assert.ok(books.length > 10, `a workbook per partner: ${books.length}`);
    const sent = Number((await (await app.$(byTestId('round-status'))).getText()).match(/(\d+) verstuurd/)[1]);
    assert.equal(sent, books.length);

    const book = books.find((f) => {
      const rows = execFileSync('python3', ['-c', 'import sys,openpyxl;print(openpyxl.load_workbook(sys.argv[1])["Contactpersonen"].max_row)', join(dirs.out, f)], { encoding: 'utf8' });
      return Number(rows) >= 2 && f.includes('Kraamzorg');
    });
    assert.ok(book, 'a partner with a contact person');
    const back = join(dirs.out, 'terug.xlsx');
    const name = execFileSync('python3', ['-c', PARTNER, join(dirs.out, book), back], { encoding: 'utf8' }).trim();

    await (await app.$(byTestId('round-read'))).click();
    const dialog = await visible(app, byTestId('return-dialog'));
    await setValue(app, await dialog.$(byTestId('return-path')), back);
    await (await dialog.$(byTestId('return-read'))).click();
    await waitForText(app, byTestId('return-summary'), /1 gewijzigd/);
    const field = await visible(app, `${byTestId('return-field')}[data-field="phone"]`);
    assert.match(await field.getText(), /06-24242424/);
    await app.saveScreenshot(join(ARTIFACTS, 'round-return.png'));
    await (await dialog.$(byTestId('return-accept'))).click();
    await dialog.waitForDisplayed({ reverse: true, timeout: 15_000 });
    await waitForText(app, byTestId('round-status'), /1 terug/);

    await (await app.$(byTestId('nav-network'))).click();
    await setValue(app, await visible(app, byTestId('org-search')), name);
    let link;
    await app.waitUntil(
      async () => {
        for (const button of await app.$$(byTestId('open-organisation'))) {
          if ((await button.getText()) === name) link = button;
        }
        return !!link;
      },
      { timeout: 10_000, timeoutMsg: `${name} is not in the list` },
    );
    await link.click();
    await waitForText(app, byTestId('organisation-confirmation'), new RegExp(`Bevestigd door ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} op`));
    assert.match(await (await app.$(byTestId('organisation-detail'))).getText(), /06-24242424/);
  } finally {
    await app.deleteSession();
  }
});
