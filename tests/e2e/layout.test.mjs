// Every page of the demo coalition at the size the window opens in
// (1280×800): nothing is wider than the card or page that holds it (no
// sideways scrolling to reach a button), and axe-core finds no violation
// of the accessibility rules. Every dialog likewise: it fits the window,
// passes axe, and Escape closes it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, CLI, byTestId, launchApp, startDriver, visible } from './driver.mjs';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['dashboard', 'network', 'plan', 'meetings', 'share', 'settings'];

let dataDir;
let driver;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'wieg-e2e-layout-'));
  execFileSync(CLI, ['--data', dataDir, 'demo'], { encoding: 'utf8' });
  driver = await startDriver(dataDir);
});

after(async () => {
  await driver?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Elements wider than what holds them, or sticking out of it, described. */
function overflowing() {
  const describe = (el) =>
    `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
  const main = document.querySelector('main');
  const found = [];
  if (main.scrollWidth > main.clientWidth + 1) found.push(`main scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
  for (const el of main.querySelectorAll('table, .card, section, form')) {
    if (!el.offsetParent) continue;
    const parent = el.parentElement.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    if (box.right > parent.right + 1) found.push(`${describe(el)} sticks out ${Math.round(box.right - parent.right)} px`);
    else if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
      found.push(`${describe(el)} scrolls sideways`);
  }
  return found;
}

async function axeViolations(app) {
  // The page's CSP forbids eval: axe comes as the script WebDriver runs.
  if (!(await app.execute(() => Boolean(window.axe)))) await app.execute(`${AXE}\n;window.axe = axe;`);
  return app.executeAsync((done) => {
    window.axe
      .run(document, { resultTypes: ['violations'] })
      .then((r) => done(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)))
      .catch((e) => done([`axe failed: ${e}`]));
  });
}

test('every page fits the window and passes axe', async () => {
  const app = await launchApp(driver);
  const problems = [];
  try {
    await visible(app, byTestId('coalition-name'));
    for (const page of PAGES) {
      await (await app.$(byTestId(`nav-${page}`))).click();
      await app.pause(400);
      const tabs = await app.$$('main [role="tab"]');
      const tabIds = [];
      for (const tab of tabs) tabIds.push(await tab.getAttribute('id'));
      for (const tabId of tabIds.length ? tabIds : [null]) {
        if (tabId) {
          await (await app.$(`#${tabId}`)).click();
          await app.pause(600);
        }
        const where = tabId ? `${page} › ${tabId}` : page;
        for (const p of await app.execute(overflowing)) problems.push(`${where}: ${p}`);
        for (const v of await axeViolations(app)) problems.push(`${where}: axe ${v}`);
        await app.saveScreenshot(join(ARTIFACTS, `layout-${tabId ?? page}.png`));
      }
    }
  } finally {
    await app.deleteSession();
  }
  assert.deepEqual(problems, []);
});

/** A step that brings a dialog up: the page, its tab, and how to open it. */
const DIALOGS = [
  ['organisation', 'network', 'network-tab-organisations', [byTestId('new-organisation')]],
  ['import', 'network', null, [byTestId('open-import')]],
  ['contact', 'network', 'network-tab-organisations', [byTestId('open-organisation'), byTestId('new-contact')]],
  ['relation', 'network', 'network-tab-organisations', [byTestId('open-organisation'), byTestId('new-relation')]],
  ['erase-contact', 'network', 'network-tab-organisations', [byTestId('open-organisation'), `menu|${byTestId('contact-row')}|Vergeten`]],
  ['municipality', 'network', 'network-tab-municipalities', [`menu|${byTestId('municipality-table')}|Bewerken`]],
  ['plan', 'plan', 'plan-tab-pillars', [byTestId('edit-plan')]],
  ['pillar', 'plan', 'plan-tab-pillars', [byTestId('edit-pillar')]],
  ['goal', 'plan', 'plan-tab-pillars', [byTestId('new-goal')]],
  ['action', 'plan', 'plan-tab-pillars', [byTestId('new-action')]],
  ['funding', 'plan', 'plan-tab-funding', [byTestId('new-funding')]],
  ['spending', 'plan', 'plan-tab-funding', [byTestId('book-spending')]],
  ['import-spending', 'plan', 'plan-tab-funding', [byTestId('import-spending')]],
  ['target', 'plan', 'plan-tab-pillars', [byTestId('new-target')]],
  ['parent-group', 'plan', 'plan-tab-participation', [`menu|${byTestId('parent-group-table')}|Groep bewerken`]],
  ['gathering', 'plan', 'plan-tab-participation', [`menu|${byTestId('gathering-table')}|Bijeenkomst bewerken`]],
  ['indicator', 'plan', 'plan-tab-indicators', [byTestId('new-indicator')]],
  ['intervention', 'plan', 'plan-tab-interventions', [byTestId('new-intervention')]],
  ['rollout', 'plan', 'plan-tab-rollout', ['key:rollout-cell']],
  ['meeting', 'meetings', 'meetings-tab-list', [byTestId('new-meeting')]],
  ['next-meeting', 'meetings', 'meetings-tab-list', ['menu|main|Volgend overleg plannen']],
  ['round-return', 'share', null, [byTestId('round-read')]],
];

/** Dialog contents wider than the dialog, or the dialog wider than the window. */
function dialogOverflowing() {
  const dialog = document.querySelector('dialog[open]');
  const found = [];
  if (dialog.getBoundingClientRect().right > window.innerWidth + 1) found.push('the dialog is wider than the window');
  if (dialog.scrollWidth > dialog.clientWidth + 1) found.push(`the dialog scrolls sideways (${dialog.scrollWidth} > ${dialog.clientWidth})`);
  return found;
}

test('every dialog fits the window and passes axe', async () => {
  const app = await launchApp(driver);
  const problems = [];
  try {
    await visible(app, byTestId('coalition-name'));
    for (const [name, page, tab, steps] of DIALOGS) {
      await (await app.$(byTestId(`nav-${page}`))).click();
      if (tab) await (await visible(app, `#${tab}`)).click();
      for (const step of steps) {
        if (step.startsWith('menu|')) {
          // The first row menu in it, then the named item.
          const [, scope, item] = step.split('|');
          await (await (await visible(app, scope)).$(byTestId('row-menu'))).click();
          await (await (await visible(app, '[role="menu"]')).$(`button=${item}`)).click();
        } else if (step.startsWith('key:')) {
          // Cells of the sticky-headed matrix open by keyboard.
          const cell = await visible(app, byTestId(step.slice(4)));
          await app.execute((el) => el.focus(), cell);
          await app.keys('Enter');
        } else {
          await (await visible(app, step)).click();
        }
      }
      await visible(app, 'dialog[open]');
      await app.pause(300);
      for (const p of await app.execute(dialogOverflowing)) problems.push(`${name}: ${p}`);
      for (const v of await axeViolations(app)) problems.push(`${name}: axe ${v}`);
      await app.saveScreenshot(join(ARTIFACTS, `dialog-${name}.png`));
      await app.keys('Escape');
      await (await app.$('dialog[open]')).waitForExist({ reverse: true, timeoutMsg: `Escape closes the ${name} dialog` });
    }
  } finally {
    await app.deleteSession();
  }
  assert.deepEqual(problems, []);
});
