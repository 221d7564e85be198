// Browser test of the effect dashboards: the head of Mælkebøtten looks at the whole
// organisation this year against last year and opens a figure; Peter looks at Grøn stue
// and sees which action is overdue; Lane sees only her own figures; HR downloads the CSV.
// The steps run in order on one demo server; after a failed step the rest are skipped.
//
// Run: cargo build --bin mouse && cd e2e && npm ci && node --test effect.test.mjs
// Screenshots go to e2e/artifacts/effect-*.png (failed-effect-* on failure).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';
import { ARTIFACTS, CHROMIUM, screenshot, section, textOf, walk } from './walk.mjs';

const { pages, jsErrors, logIn, step } = walk('effect'); // birgitte, peter, lane, hr, sofie
let server, browser;

/** Opens the dashboard from the navigation. */
async function openEffect(page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Effekt', exact: true }).click();
  await page.waitForURL((url) => url.pathname === '/effect');
}

/** A figure's row in a section's table, as text. */
const figure = (page, sectionName, label) =>
  textOf(section(page, sectionName).getByRole('row', { name: new RegExp(`^${label}`) }));

describe('the effect dashboards', () => {
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch(CHROMIUM);
    for (const who of ['birgitte', 'peter', 'lane', 'hr', 'sofie']) await logIn(browser, server, who, `${who}@maelkeboetten.dk`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('1. the head sees the organisation this year against last year, and the red thread', async () => {
    const { birgitte } = pages;
    await openEffect(birgitte);
    await birgitte.getByRole('heading', { level: 1, name: 'Effekt: Mælkebøtten' }).waitFor();
    assert.equal(await figure(birgitte, 'Dækning', 'Samtaler holdt'), 'Samtaler holdt 2 af 20 10 % 11 af 20 55 %');
    const chart = section(birgitte, 'Dækning').getByRole('img', { name: 'Samtaler holdt – MUS 2026: 10 %; MUS 2025: 55 %' });
    assert.equal(await chart.count(), 1, 'each comparison is a chart with its numbers said');
    await birgitte.getByRole('status').filter({ hasText: 'Fokusmål, som intet udviklingsmål tjener' }).waitFor();
    await screenshot(birgitte, 'effect-1-organisation.png');

    // Last year: how the parent-dialogue goal was served by development.
    await birgitte.getByRole('combobox', { name: 'Runde' }).selectOption({ label: 'MUS 2025' });
    await birgitte.getByRole('button', { name: 'Vis' }).click();
    const thread = section(birgitte, 'Den røde tråd');
    assert.equal(await textOf(thread.getByRole('row', { name: /^Styrk dialogen med forældrene/ })), 'Styrk dialogen med forældrene 3 0');
    await screenshot(birgitte, 'effect-1-last-year.png');
  });

  step('2. a figure opens to its parts: the head sees whose, not what', async () => {
    const { birgitte } = pages;
    await section(birgitte, 'Opfølgning').getByRole('row', { name: /^Handlinger over frist/ }).getByRole('link').first().click();
    await birgitte.getByRole('heading', { level: 1, name: 'Handlinger over frist' }).waitFor();
    const rows = (await birgitte.locator('main tbody tr').allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
    const counted = rows.filter((cells) => cells.at(-1) === 'ja').map((cells) => cells[0]);
    assert.deepEqual(counted, ['Lane Andersen', 'Lars Pedersen'], `${rows}`);
    assert.equal(await birgitte.getByText('Sprogmappe for hvert barn').count(), 0, 'the agreement\'s words are for its parties');
    await screenshot(birgitte, 'effect-2-parts-head.png');
  });

  step('3. Peter sees Grøn stue and, as Lane\'s leader, which action is overdue', async () => {
    const { peter } = pages;
    await openEffect(peter);
    await peter.getByRole('heading', { level: 1, name: 'Effekt: Grøn stue' }).waitFor();
    assert.equal(await peter.getByRole('combobox', { name: 'Hvem' }).locator('option').count(), 2, 'himself and his unit');
    await peter.getByRole('combobox', { name: 'Runde' }).selectOption({ label: 'MUS 2025' });
    await peter.getByRole('button', { name: 'Vis' }).click();
    await section(peter, 'Opfølgning').getByRole('row', { name: /^Handlinger over frist/ }).getByRole('link').first().click();
    await peter.getByRole('row', { name: /Lane Andersen Sprogmappe for hvert barn ja/ }).waitFor();
    await screenshot(peter, 'effect-3-parts-peter.png');
  });

  step('4. Lane sees her own figures only; HR downloads the CSV', async () => {
    const { lane, hr } = pages;
    await openEffect(lane);
    await lane.getByRole('heading', { level: 1, name: 'Effekt: Lane Andersen' }).waitFor();
    assert.deepEqual(await lane.getByRole('combobox', { name: 'Hvem' }).locator('option').allInnerTexts(), ['Mig selv']);
    await screenshot(lane, 'effect-4-lane.png');

    await openEffect(hr);
    const [download] = await Promise.all([hr.waitForEvent('download'), hr.getByRole('link', { name: 'Hent som CSV' }).click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(path, 'utf8');
    assert.match(csv, /^Hvem,Runde,Tal,Del,Helhed,Procent/);
    assert.match(csv, /Mælkebøtten,MUS 2025,Samtaler holdt,11,20,55/);
  });

  step('5. the head sets an intended effect for this year and sees it measured', async () => {
    const { birgitte } = pages;
    await birgitte.getByRole('navigation').getByRole('link', { name: 'MUS-runder' }).click();
    await birgitte.getByRole('link', { name: 'MUS 2026' }).click();
    await birgitte.getByRole('button', { name: 'Ønsket effekt' }).click();
    await birgitte.getByRole('heading', { level: 1, name: 'Ønsket effekt: MUS 2026' }).waitFor();
    await birgitte.getByLabel('Hensigt').fill('Alle opfølgningsmøder bliver holdt.');
    await birgitte.getByRole('combobox', { name: 'Måles som' }).selectOption({ label: 'Andel: Opfølgningsmøder holdt (af dem, der var forfaldne)' });
    await birgitte.getByRole('textbox', { name: 'Mål' }).fill('150');
    await birgitte.getByRole('button', { name: 'Tilføj hensigten' }).click();
    await birgitte.getByRole('alert').filter({ hasText: 'Målet skal være en procent fra 0 til 100' }).waitFor();
    await birgitte.getByRole('textbox', { name: 'Mål' }).fill('90');
    await birgitte.getByRole('button', { name: 'Tilføj hensigten' }).click();
    await birgitte.getByRole('cell', { name: 'Alle opfølgningsmøder bliver holdt.' }).waitFor();
    await screenshot(birgitte, 'effect-5-intentions.png');

    await openEffect(birgitte);
    const intentions = section(birgitte, 'Ledelsens ønskede effekt');
    assert.equal(
      await textOf(intentions.getByRole('row', { name: /^Alle har haft deres samtale/ })),
      'Alle har haft deres samtale, før runden slutter. Andel: Holdt inden for runden 95 % 10 % ikke nået',
    );
    await intentions.getByRole('row', { name: /^Alle opfølgningsmøder bliver holdt\./ }).waitFor();
    await screenshot(birgitte, 'effect-5-measured.png');
  });

  step('6. the head answers Sofie\'s feedback and sends it on to Rød stue; Sofie reads it', async () => {
    const { birgitte, sofie } = pages;
    const answer = 'Vi flytter forældrearrangementerne til kl. 17.';
    await birgitte.goto(`${server.baseUrl}/strategy/feedback`);
    const item = birgitte.getByRole('article').filter({ hasText: 'inviterer forældrene' });
    await item.locator('summary', { hasText: 'Svar og send videre' }).click();
    await item.getByLabel('Ledelsen tager det op').check();
    await item.getByLabel('Ledelsens svar').fill(answer);
    // The unit is named from the page's list of units, as the browser suggests it while typing.
    const unit = item.getByLabel('Send videre til enheden');
    assert.equal(await unit.getAttribute('list'), 'feedback-units');
    assert.ok(await birgitte.locator('#feedback-units option[value="Rød stue"]').count() === 1);
    await unit.fill('Rød stue');
    await item.getByRole('button', { name: 'Gem svaret' }).click();
    await birgitte.getByRole('article').filter({ hasText: 'Sendt videre til Rød stue' }).waitFor();
    await screenshot(birgitte, 'effect-6-feedback-answered.png');

    await sofie.goto(server.baseUrl);
    await sofie.getByRole('link', { name: 'Feedback sendt videre til dine enheder' }).click();
    const routed = sofie.getByRole('article').filter({ hasText: 'inviterer forældrene' });
    assert.match(await textOf(routed), new RegExp(answer.replace('.', '\\.')));
    await screenshot(sofie, 'effect-6-routed.png');
  });

  step('7. HR makes the yearly evaluation for the joint committee', async () => {
    const { hr } = pages;
    await hr.getByRole('navigation').getByRole('link', { name: 'MUS-runder' }).click();
    await hr.getByRole('link', { name: 'MUS 2025' }).click();
    await hr.getByRole('button', { name: 'Årlig evaluering til MED-udvalget' }).click();
    await hr.getByRole('heading', { level: 1, name: 'Årlig evaluering til MED-udvalget: MUS 2025' }).waitFor();
    const units = section(hr, 'Enhed for enhed').locator('tbody th');
    assert.deepEqual(await units.allInnerTexts(), ['Mælkebøtten', 'Børnehaven'], 'only units where nobody can be singled out');
    await hr.getByRole('button', { name: 'Udskriv' }).waitFor();
    await hr.emulateMedia({ media: 'print' });
    await screenshot(hr, 'effect-7-report-print.png');
    await hr.emulateMedia({ media: 'screen' });
    assert.deepEqual(jsErrors, [], 'no script errors along the way');
  });
});
