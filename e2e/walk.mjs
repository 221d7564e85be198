// What the step-by-step browser walks share: Debian's Chromium offline and in
// Danish, logging in two or more people at once, finding text, and steps that
// stop the walk at the first failure with screenshots of everyone's page.

import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

// Debian's Chromium; never a downloaded browser. The flags keep it from
// sandboxing (we run as root) and from calling out to the internet.
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};
export const CONTEXT_OPTIONS = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 800 } };
export const DEMO_PASSWORD = 'maelkebotte';

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: true });
}

/** Wait until the page's <main> contains `text` (fails after the default timeout). */
export const sees = (page, text) => page.locator('main').getByText(text).first().waitFor();

/** The visible text of `locator`, whitespace collapsed. */
export const textOf = async (locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** A page's <section> labelled by the given heading. */
export const section = (page, heading) => page.getByRole('region', { name: heading, exact: true });

/**
 * A walk: its people log in to their own browser contexts, confirm questions are
 * answered yes, script errors are collected, and each step is skipped once one
 * has failed, which prints the server's output and screenshots every page.
 */
export function walk(name) {
  const pages = {};
  const jsErrors = [];
  let failed = false;
  let server;
  return {
    pages,
    jsErrors,
    /** Logs `email` in, in a new context of `browser` on `started` server, as pages[who]. */
    async logIn(browser, started, who, email) {
      server = started;
      const context = await browser.newContext(CONTEXT_OPTIONS);
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      page.on('dialog', (dialog) => dialog.accept()); // the data-confirm questions
      page.on('pageerror', (error) => jsErrors.push(`${email}: ${error.message}`));
      await page.goto(`${server.baseUrl}/login`);
      await page.locator('form#login input#email').fill(email);
      await page.locator('form#login input#password').fill(DEMO_PASSWORD);
      await page.locator('form#login button[type=submit]').click();
      await page.waitForURL((url) => url.pathname === '/');
      pages[who] = page;
      return page;
    },
    step(title, fn, timeout = 90_000) {
      test(title, { timeout }, async (t) => {
        if (failed) return t.skip('an earlier step failed');
        try {
          await fn();
        } catch (err) {
          failed = true;
          server?.printOutput(`step "${title}" failed`);
          for (const [who, page] of Object.entries(pages)) {
            await screenshot(page, `failed-${name}-${who}.png`).catch(() => {});
            process.stderr.write(`  ${who}'s page was at ${page.url()}\n`);
          }
          throw err;
        }
      });
    },
  };
}
