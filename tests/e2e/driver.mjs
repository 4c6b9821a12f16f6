// Starts the real Wieg app through tauri-driver (which drives WebKitWebDriver)
// and hands the test a WebdriverIO session. Needs a display (Xvfb in CI).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import net from 'node:net';
import { remote } from 'webdriverio';

const root = resolve(import.meta.dirname, '../..');
const targetDir = process.env.CARGO_TARGET_DIR || join(root, 'target');
export const APP = process.env.WIEG_APP || join(targetDir, 'debug', 'wieg-app');
export const CLI = process.env.WIEG_CLI || join(targetDir, 'debug', 'wieg');
export const ARTIFACTS = join(root, 'tests', 'e2e', 'artifacts');

function freePort() {
  return new Promise((ok, fail) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
    server.on('error', fail);
  });
}

async function waitForPort(port, ms = 20_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const open = await new Promise((ok) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        ok(true);
      });
      socket.on('error', () => ok(false));
    });
    if (open) return;
    await sleep(100);
  }
  throw new Error(`tauri-driver did not listen on port ${port}`);
}

/** tauri-driver with the app's data directory in its environment. */
export async function startDriver(dataDir) {
  if (!existsSync(APP)) throw new Error(`the app is not built: ${APP}`);
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const nativePort = await freePort();
  const bin = process.env.TAURI_DRIVER || join(homedir(), '.cargo', 'bin', 'tauri-driver');
  const child = spawn(bin, ['--port', String(port), '--native-port', String(nativePort)], {
    env: { ...process.env, WIEG_DATA: dataDir },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  await waitForPort(port);
  // tauri-driver hands sessions to WebKitWebDriver: wait for that one too.
  await waitForPort(nativePort);
  return {
    port,
    // SIGTERM, never SIGKILL: tauri-driver then stops WebKitWebDriver too.
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.once('exit', ok)));
      // An app whose session could not be closed (a test failed mid-way)
      // would keep the test runner waiting on its output: end it too.
      spawnSync('pkill', ['-f', APP]);
    },
  };
}

/** Launch the app: a new WebDriver session is a new app process. */
export async function launchApp(driver) {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    logLevel: 'warn',
    connectionRetryCount: 3,
    capabilities: {
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: APP },
    },
  });
  browser.setTimeout({ implicit: 0 });
  return browser;
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/** The element, once it is shown. */
export async function visible(browser, selector, timeout = 10_000) {
  const el = await browser.$(selector);
  await el.waitForDisplayed({ timeout, timeoutMsg: `${selector} did not appear` });
  return el;
}

/** Waits until the element's text matches. */
export async function waitForText(app, selector, pattern, timeout = 15_000) {
  await app.waitUntil(async () => pattern.test(await (await app.$(selector)).getText().catch(() => '')), {
    timeout,
    timeoutMsg: `${selector} never matched ${pattern}`,
  });
}

/**
 * One of a table row's actions, as a person reaches it: the row's menu
 * ("Acties voor NAME"), then the item with that text.
 */
export async function rowAction(app, name, action) {
  await (await visible(app, `button[aria-label="Acties voor ${name}"]`)).click();
  const menu = await visible(app, '[role="menu"]');
  await (await menu.$(`button=${action}`)).click();
}

/** WebKitWebDriver cannot type into date fields: set them as a date picker would. */
export async function setValue(app, element, value) {
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
