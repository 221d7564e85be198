// Browser tests of log-in, the home page, the language switch, navigation by
// role and access refusal, against `mouse demo` in Debian's Chromium.
//
// Run: cargo build --bin mouse && cd e2e && npm ci && npm test
// Screenshots go to e2e/artifacts/ (also one per page when a test fails).

import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';

const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

// Debian's Chromium; never a downloaded browser. The flags keep it from
// sandboxing (we run as root) and from calling out to the internet.
const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// A Danish browser, as the app's users have; the default language must not
// depend on the machine the tests run on.
const CONTEXT_OPTIONS = {
  locale: 'da-DK',
  timezoneId: 'Europe/Copenhagen',
  viewport: { width: 1280, height: 800 },
};

const DEMO_PASSWORD = 'maelkebotte';
const ADMIN = 'admin@maelkeboetten.dk'; // administrator Søren Kjær
const LANE = 'lane@maelkeboetten.dk'; // employee Lane Andersen

// Pages only the administrator (or HR) may see.
const ADMIN_PAGES = ['/admin/users', '/admin/units', '/people', '/admin/import', '/admin/audit'];

let browser;
let server;

// ---------------------------------------------------------------- helpers

/** Path part of the page's current URL. */
const pathname = (page) => new URL(page.url()).pathname;

/** Text of the page's first <h1>, whitespace collapsed. */
async function h1(page) {
  const text = await page.locator('h1').first().textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

const htmlLang = (page) => page.locator('html').getAttribute('lang');

/** Paths of all links in the page's labelled navigation. */
function navPaths(page) {
  return page.locator('nav[aria-label] a[href]').evaluateAll((links) => links.map((a) => new URL(a.href).pathname));
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** Open /login and submit the form; does not wait for the outcome. */
async function submitLogin(page, email, password) {
  await page.goto(`${server.baseUrl}/login`);
  await page.locator('form#login input#email').fill(email);
  await page.locator('form#login input#password').fill(password);
  await page.locator('form#login button[type=submit]').click();
}

/** Log in with the demo password and wait for the home page. */
async function login(page, email) {
  await submitLogin(page, email, DEMO_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
}

async function logout(page) {
  await page.locator('form[action="/logout"] button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/login');
}

/** Press the language switch and wait for the page to come back in that language. */
async function switchLanguage(page, lang) {
  const before = pathname(page);
  const button = page.locator(`form.language button[name=lang][value=${lang}]`);
  assert.equal((await button.textContent()).trim(), lang === 'en' ? 'English' : 'Dansk');
  await button.click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
  assert.equal(pathname(page), before, 'the language switch should reload the same page');
}

/**
 * A test that gets fresh browser contexts from `newPage()` (the first call
 * gives the test its own context; call again for a second, cookie-less user).
 * On failure it prints the server's output and screenshots every open page.
 */
function browserTest(name, fn) {
  test(name, { timeout: 120_000 }, async () => {
    const contexts = [];
    const newPage = async () => {
      const context = await browser.newContext(CONTEXT_OPTIONS);
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context.newPage();
    };
    try {
      await fn(newPage);
    } catch (err) {
      server.printOutput(`test "${name}" failed`);
      const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      let n = 0;
      for (const context of contexts) {
        for (const page of context.pages()) {
          n += 1;
          await screenshot(page, `failed-${slug}-${n}.png`).catch(() => {});
          process.stderr.write(`  page ${n} was at ${page.url()}\n`);
        }
      }
      throw err;
    } finally {
      for (const context of contexts) await context.close().catch(() => {});
    }
  });
}

// ------------------------------------------------------------------ tests

describe('MOUSE in the browser', () => {
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    // Failure screenshots of an earlier run would only mislead.
    for (const file of await readdir(ARTIFACTS)) {
      if (file.startsWith('failed-')) await rm(path.join(ARTIFACTS, file), { force: true });
    }
    // One after the other: a browser launched beside a server that failed to
    // start would never be closed and would keep the test process alive.
    server = await startServer();
    browser = await chromium.launch(CHROMIUM);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  browserTest('the log-in page is Danish by default and switches to English', async (newPage) => {
    const page = await newPage();
    const response = await page.goto(`${server.baseUrl}/login`);
    assert.equal(response.status(), 200);
    assert.equal(await htmlLang(page), 'da');
    assert.equal(await h1(page), 'Log ind');
    for (const selector of ['form#login input#email[name=email]', 'form#login input#password[name=password]', 'form#login button[type=submit]']) {
      assert.equal(await page.locator(selector).count(), 1, `the log-in page should have ${selector}`);
    }
    await screenshot(page, 'login-da.png');

    await switchLanguage(page, 'en');
    assert.equal(await h1(page), 'Log in');
  });

  browserTest('a wrong password shows an alert and stays on /login', async (newPage) => {
    const page = await newPage();
    await page.goto(`${server.baseUrl}/login`);
    assert.equal(await page.locator('[role=alert]').count(), 0, 'no alert before trying');

    await submitLogin(page, LANE, 'not-the-password');
    await page.locator('[role=alert]').first().waitFor({ state: 'visible' });
    assert.equal(pathname(page), '/login');
    assert.equal(await page.locator('form#login').count(), 1, 'the form is shown again');
  });

  browserTest('Lane logs in, switches to English, and English is remembered', async (newPage) => {
    const page = await newPage();
    await login(page, LANE);
    assert.equal(pathname(page), '/');
    assert.equal(await htmlLang(page), 'da');
    assert.equal(await h1(page), 'Velkommen, Lane');
    await screenshot(page, 'lane-home-da.png');

    await switchLanguage(page, 'en');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await h1(page), 'Welcome, Lane');
    await screenshot(page, 'lane-home-en.png');

    // Log out and in again: still English.
    await logout(page);
    await login(page, LANE);
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await h1(page), 'Welcome, Lane');

    // Stored with the user, not only in this browser: a new browser with no
    // cookies gets English after logging in as Lane.
    const elsewhere = await newPage();
    await login(elsewhere, LANE);
    assert.equal(await htmlLang(elsewhere), 'en');
    assert.equal(await h1(elsewhere), 'Welcome, Lane');

    // And back to Danish.
    await switchLanguage(elsewhere, 'da');
    assert.equal(await h1(elsewhere), 'Velkommen, Lane');
  });

  browserTest('Lane sees no administration links and is refused their pages', async (newPage) => {
    const page = await newPage();
    await login(page, LANE);
    assert.ok((await page.locator('nav[aria-label]').count()) > 0, 'the page has a labelled <nav>');
    const links = await navPaths(page);
    for (const target of ADMIN_PAGES) {
      assert.ok(!links.includes(target), `Lane's navigation should not link to ${target} (it has ${links.join(', ')})`);
    }

    for (const target of ['/admin/users', '/people']) {
      const response = await page.goto(`${server.baseUrl}${target}`);
      assert.equal(response.status(), 403, `Lane opening ${target}`);
    }
  });

  browserTest('the administrator sees and opens every administration page', async (newPage) => {
    const page = await newPage();
    await login(page, ADMIN);
    assert.equal(await h1(page), 'Velkommen, Søren');
    const links = await navPaths(page);
    for (const target of ADMIN_PAGES) {
      assert.ok(links.includes(target), `the administrator's navigation should link to ${target} (it has ${links.join(', ')})`);
    }
    await screenshot(page, 'admin-home.png');

    for (const target of ADMIN_PAGES) {
      const response = await page.goto(`${server.baseUrl}${target}`);
      assert.equal(response.status(), 200, `administrator opening ${target}`);
      assert.ok((await h1(page)).length > 0, `${target} should have a non-empty <h1>`);
      assert.ok((await page.locator('form.language').count()) > 0, `${target} should have the language switch`);
      if (target === '/admin/users') await screenshot(page, 'admin-users.png');
    }
  });

  browserTest("the audit log shows Lane's log-in", async (newPage) => {
    const lane = await newPage();
    await login(lane, LANE);

    const admin = await newPage();
    await login(admin, ADMIN);
    const response = await admin.goto(`${server.baseUrl}/admin/audit`);
    assert.equal(response.status(), 200);
    const tables = (await admin.locator('table').allTextContents()).join('\n');
    assert.ok(tables.includes(LANE), `the audit table should mention ${LANE}`);
  });

  browserTest('pages fit a phone screen without sideways scrolling', async (newPage) => {
    const page = await newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await login(page, ADMIN);
    for (const target of ['/', '/people', '/admin/units', '/admin/users', '/admin/audit']) {
      await page.goto(`${server.baseUrl}${target}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${target} is ${overflow}px wider than the phone`);
    }
    await page.goto(`${server.baseUrl}/`);
    await screenshot(page, 'admin-home-phone.png');
  });

  browserTest('the red thread from strategy to the cycle: head, unit leader and Lane', async (newPage) => {
    const head = await newPage();
    await login(head, 'birgitte@maelkeboetten.dk');
    await head.goto(`${server.baseUrl}/strategy`);
    assert.equal(await h1(head), 'Strategi');
    await head.getByRole('link', { name: 'Styrk dialogen med forældrene' }).click();
    assert.equal(await h1(head), 'Styrk dialogen med forældrene');
    assert.ok(await head.getByRole('link', { name: 'Forældrecafé hver måned i Grøn stue' }).isVisible(), 'sub-goals are listed');
    await screenshot(head, 'head-goal.png');
    await head.goto(`${server.baseUrl}/cycles`);
    await head.getByRole('link', { name: 'MUS 2026' }).click();
    assert.ok((await head.locator('blockquote').textContent()).includes('styrke dialogen med forældrene'));
    await screenshot(head, 'head-cycle.png');

    const leader = await newPage();
    await login(leader, 'mette@maelkeboetten.dk');
    await leader.goto(`${server.baseUrl}/cycles`);
    await leader.getByRole('link', { name: 'MUS 2026' }).click();
    const framing = 'I Børnehaven øver vi de svære forældresamtaler sammen i teamet.';
    await leader.getByLabel('Hvad betyder årets intention for Børnehaven?').fill(framing);
    await leader.getByRole('button', { name: 'Gem' }).click();
    await leader.locator('[role=status]').waitFor();
    await screenshot(leader, 'leader-framing.png');

    // She opens the overview and moves Lane's conversation.
    await leader.getByRole('button', { name: 'Overblik over samtalerne' }).click();
    await leader.getByRole('link', { name: 'Lane Andersen' }).click();
    await leader.getByLabel('Tidspunkt').fill('2026-11-12T13:00');
    await leader.getByLabel('Sted').fill('Grøn stues puderum');
    await leader.getByRole('button', { name: 'Gem aftalen' }).click();
    await leader.locator('[role=status]').waitFor();
    assert.ok((await leader.locator('main').textContent()).includes('12.11.2026 13:00'));
    await screenshot(leader, 'leader-schedules-lane.png');

    const lane = await newPage();
    await login(lane, LANE);
    assert.ok((await lane.locator('main').textContent()).includes('styrke dialogen med forældrene'), 'the intention is on her home page');
    assert.ok((await lane.locator('main').textContent()).includes(framing), 'and her department\'s framing');
    assert.ok((await lane.locator('main').textContent()).includes('Din MUS-samtale var sat til 12.11.2026 13:00, Grøn stues puderum – den er endnu ikke markeret som holdt.'));
    await screenshot(lane, 'lane-home-cycle.png');
    await lane.getByRole('link', { name: 'Se samtalen' }).click();
    const [download] = await Promise.all([
      lane.waitForEvent('download'),
      lane.getByRole('button', { name: 'Hent kalenderinvitation (.ics)' }).click(),
    ]);
    const ics = await readFile(await download.path(), 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /DTSTART;TZID=Europe\/Copenhagen:20261112T130000/);
    assert.match(ics, /SEQUENCE:1/);
    await screenshot(lane, 'lane-conversation.png');
  });

  browserTest('Lane prepares her conversation and her answers are saved as she types', async (newPage) => {
    const lane = await newPage();
    await login(lane, LANE);
    await lane.getByRole('link', { name: 'Se samtalen' }).click();
    await lane.getByRole('button', { name: 'Forbered samtalen' }).click();
    assert.equal(await h1(lane), 'Forberedelse');
    const answer = 'Jeg vil gerne blive tryggere, når en forælder er utilfreds.';
    await lane.getByLabel('Hvad vil du gerne blive bedre til det næste år, og hvorfor?').fill(answer);
    await lane.locator('[data-autosave-status]', { hasText: 'Gemt kl.' }).waitFor();
    await screenshot(lane, 'lane-preparation.png');
    await lane.reload();
    assert.equal(await lane.getByLabel('Hvad vil du gerne blive bedre til det næste år, og hvorfor?').inputValue(), answer, 'kept after reload');
  });
});
