// Files for partners from the app: the action plan as Word, the progress
// report as PDF and the whole coalition as an archive, written into the
// shared folder's exports/ from the "Delen & export" page, then read back
// (the PDF by pdftotext, the archive by a restore on a new laptop).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver, visible, setValue } from './driver.mjs';

const temp = (name) => mkdtempSync(join(tmpdir(), `wieg-e2e-${name}-`));
const dirs = { data: temp('exports'), shared: temp('exports-shared') };
let driver;

const wieg = (...args) => execFileSync(CLI, ['--data', dirs.data, ...args], { encoding: 'utf8' });

before(async () => {
  wieg('demo');
  wieg('logo', new URL('../../src-tauri/icons/128x128.png', import.meta.url).pathname);
  wieg('sync', '--folder', dirs.shared);
  driver = await startDriver(dirs.data);
});

after(async () => {
  await driver?.stop();
  for (const d of Object.values(dirs)) rmSync(d, { recursive: true, force: true });
});



function exportsFolder() {
  const [coalition] = readdirSync(join(dirs.shared, 'Wieg'));
  return join(dirs.shared, 'Wieg', coalition, 'exports');
}

async function exportToShared(app, row, format) {
  const line = await visible(app, byTestId(row));
  await line.scrollIntoView();
  await (await line.$(byTestId('export-button'))).click();
  const choice = await line.$(byTestId(`export-format-${format}`));
  await choice.waitForDisplayed({ timeoutMsg: `no ${format} in ${row}` });
  await choice.click();
  await (await line.$(byTestId('export-to-shared'))).click();
  const notice = await line.$(byTestId('export-notice'));
  await notice.waitForDisplayed({ timeout: 30_000, timeoutMsg: `${row}: no notice` });
  return notice.getText();
}

test('the plan as Word, the progress report as PDF and the archive land in the shared folder', async () => {
  const app = await launchApp(driver);
  try {
    await (await visible(app, byTestId('nav-share'))).click();

    const planNotice = await exportToShared(app, 'export-row-plan', 'docx');
    const planFile = join(exportsFolder(), 'Actieplan 2024-2027.docx');
    assert.ok(planNotice.includes('Actieplan 2024-2027.docx'), planNotice);
    assert.ok(existsSync(planFile), 'the plan is in exports/');
    assert.equal(readFileSync(planFile).subarray(0, 2).toString(), 'PK', 'a zip package');
    await app.keys('Escape');

    const row = await visible(app, byTestId('export-row-report'));
    await setValue(app, await row.$(byTestId('export-report-from')), '2025-01-01');
    await setValue(app, await row.$(byTestId('export-report-to')), '2025-12-31');
    const reportNotice = await exportToShared(app, 'export-row-report', 'pdf');
    assert.ok(reportNotice.includes('Voortgangsrapportage 2025.pdf'), reportNotice);
    const reportRow = await app.$(byTestId('export-row-report'));
    assert.ok(await (await reportRow.$(byTestId('export-open'))).isDisplayed(), '"Open bestand" is offered');
    assert.ok(await (await reportRow.$(byTestId('export-reveal'))).isDisplayed(), '"Toon in map" is offered');
    const text = execFileSync('pdftotext', [join(exportsFolder(), 'Voortgangsrapportage 2025.pdf'), '-'], {
      encoding: 'utf8',
    });
    assert.match(text, /Periode\s+1 januari 2025 – 31 december 2025/);
    assert.match(text, /Acties per pijler/);
    assert.match(text, /Financiën/);
    await app.saveScreenshot(join(ARTIFACTS, 'exports.png'));
    await app.keys('Escape');

    // A grant's account, the province's: its spending as Excel, read by openpyxl.
    await (await app.$(byTestId('export-grant-funding'))).selectByVisibleText('Provincie Limburg');
    const grantNotice = await exportToShared(app, 'export-row-grant', 'xlsx');
    assert.ok(grantNotice.includes('Verantwoording Provincie Limburg 2022-2024.xlsx'), grantNotice);
    const ledger = execFileSync(
      'python3',
      ['-c', 'import openpyxl,sys; rows=list(openpyxl.load_workbook(sys.argv[1])["Bestedingen"].iter_rows(values_only=True)); print(len(rows)-1, round(sum(r[5] for r in rows[1:]), 2))', join(exportsFolder(), 'Verantwoording Provincie Limburg 2022-2024.xlsx')],
      { encoding: 'utf8' },
    ).trim();
    const province = JSON.parse(wieg('funding', 'list', '--json')).find((g) => g.funding.funder === 'Provincie Limburg');
    assert.equal(ledger, `9 ${(Number(province.paid_cents) + Number(province.committed_cents)) / 100}`);
    await app.keys('Escape');

    // The work agenda as Word: the format's parts, read back by python-docx.
    const agendaNotice = await exportToShared(app, 'export-row-werkagenda', 'docx');
    assert.ok(/Werkagenda Kansrijke start \d{4}\.docx/.test(agendaNotice), agendaNotice);
    const agendaFile = agendaNotice.match(/Werkagenda Kansrijke start \d{4}\.docx/)[0];
    const agendaHeads = execFileSync(
      'python3',
      ['-c', 'import docx,sys; print("|".join(p.text for p in docx.Document(sys.argv[1]).paragraphs if p.style.name == "Heading 1"))', join(exportsFolder(), agendaFile)],
      { encoding: 'utf8' },
    ).trim();
    assert.match(agendaHeads, /^Kansrijk opgroeien\|3a\. Kansrijke start\|3a\.1 Nu Niet Zwanger/);
    await app.keys('Escape');

    // The logo chosen for documents shows in the settings.
    await (await app.$(byTestId('nav-settings'))).click();
    const preview = await visible(app, byTestId('logo-preview'));
    assert.ok((await app.execute((img) => img.naturalWidth, preview)) > 0, 'the logo is drawn');
    await (await app.$(byTestId('nav-share'))).click();

    // Everything as one archive; restored on a new laptop it is the same coalition.
    const archiveNotice = await exportToShared(app, 'export-row-archive', 'zip');
    const [archive] = readdirSync(exportsFolder()).filter((f) => f.endsWith('.zip'));
    assert.ok(archive?.startsWith('Wieg-archief '), `${archive}`);
    assert.ok(archiveNotice.includes(archive), archiveNotice);
    const fresh = temp('restored');
    try {
      execFileSync(CLI, ['--data', fresh, 'restore', '--archive', join(exportsFolder(), archive)]);
      const dump = (data) => execFileSync(CLI, ['--data', data, 'dump'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      assert.equal(dump(fresh), dump(dirs.data), 'the restored coalition is the same');
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  } catch (e) {
    await app.saveScreenshot(join(ARTIFACTS, 'exports-failed.png'));
    throw e;
  } finally {
    await app.deleteSession();
  }
});
