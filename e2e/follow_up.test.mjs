// Browser test of following up on development agreements: the drawer detector
// on the home pages and the follow-up list, Lane reporting on her own actions,
// her MUS 2026 agreement signed and its first follow-up recorded by Lane and
// Peter and marked held, and her calendar address and reminder choices. Lane,
// Peter, his leader Mette and HR's Hanne each have their own browser context.
// The steps run in order on one demo server; after a failed step the rest are
// skipped, since each builds on the one before.
//
// The demo's dates are fixed (MUS 2026 follows up on 01.03.2027 and 01.06.2027)
// while the server uses today's date, so the walk expects to run before March 2027.
//
// Run: cargo build --bin mouse && cd e2e && npm ci && node --test follow_up.test.mjs
// Screenshots go to e2e/artifacts/follow-up-*.png (failed-follow-up-* on failure).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe } from 'node:test';
import { chromium, request } from 'playwright-core';

import { startServer } from './server.mjs';
import { ARTIFACTS, CHROMIUM, screenshot, section, sees, textOf, walk } from './walk.mjs';

const DRAWER = 'Aftaler, der er ved at gå i skuffen';
const ACTION = 'Sprogmappe for hvert barn'; // Lane's overdue action in her MUS 2025 agreement
const GOAL = 'Trygge forældresamtaler';
const FIRST_FOLLOW_UP = 'Opfølgning 01.03.2027'; // the first of MUS 2026's follow-up dates
const DATE = String.raw`\d\d\.\d\d\.\d{4}`;
const HELD_AT = String.raw`Holdt ${DATE} \d\d:\d\d\.`; // "Holdt 27.11.2026 15:31."

const { pages, jsErrors, logIn, step } = walk('follow-up'); // lane, peter, mette, hr
let server, browser;
let conversationUrl; // Lane's MUS 2026 conversation page
let followUpUrl; // its first follow-up

// ---------------------------------------------------------------- helpers

/** The texts of the list items in the home page's drawer section. */
async function drawer(page) {
  await page.goto(server.baseUrl);
  const items = section(page, DRAWER).getByRole('listitem');
  return Promise.all((await items.all()).map(textOf));
}

/** The names in the follow-up list, in its order (the last table; HR's page has the counts first). */
const listed = (page) => page.locator('main table').last().locator('tbody tr td:first-child').allInnerTexts();

// ------------------------------------------------------------------ the walk

describe('following up on development agreements', () => {
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch(CHROMIUM);
    for (const who of ['lane', 'peter', 'mette', 'hr']) await logIn(browser, server, who, `${who}@maelkeboetten.dk`);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('1. the home pages show the agreements going into the drawer, to whom it concerns', async () => {
    const { lane, peter, mette, hr } = pages;
    const laneFlag = /^Lane Andersen, MUS 2025 (sendt videre til lederens leder )?1 handling over frist/;
    const aliFlag = /^Ali Hassan, MUS 2025 (sendt videre til lederens leder )?1 af organisationens løfter over frist$/;
    const [lanes, ...more] = await drawer(lane);
    assert.match(lanes ?? '(none)', laneFlag);
    assert.deepEqual(more, [], 'only her own agreement');
    await screenshot(lane, 'follow-up-1-drawer-lane.png');

    const peters = await drawer(peter);
    // Lane's and Ali's agreements from last year, and this year's conversations with Anne and
    // Ali, held three weeks ago with no agreement signed yet.
    assert.equal(peters.length, 4, `Peter's people: ${peters}`);
    assert.ok(peters.some((text) => /^Anne Thomsen, MUS 2026 holdt for \d+ dage siden · der er ingen underskrevet aftale$/.test(text)), `${peters}`);
    assert.ok(peters.some((text) => laneFlag.test(text)) && peters.some((text) => aliFlag.test(text)), `${peters}`);
    const link = section(peter, DRAWER).getByRole('link', { name: 'Lane Andersen, MUS 2025' });
    assert.match(await link.getAttribute('href'), /^\/conversations\/.+\/agreement$/, 'a party is linked to the agreement');

    const mettes = await drawer(mette);
    assert.equal(mettes.length, 3, `escalated to the leader of Peter's and Sofie's units: ${mettes}`);
    for (const name of ['Lane Andersen', 'Ali Hassan', 'Camilla Jakobsen']) {
      const item = section(mette, DRAWER).getByRole('listitem').filter({ hasText: `${name}, MUS 2025` });
      assert.equal(await textOf(item.locator('mark')), 'sendt videre til lederens leder', `${name} is marked as sent on`);
    }

    const [hrs, ...others] = await drawer(hr);
    assert.match(hrs ?? '(none)', aliFlag);
    assert.deepEqual(others, [], "HR sees only the organisation's overdue promise");
  });

  step('2. the follow-up list: most urgent first for Peter, counts per unit for HR', async () => {
    const { peter, hr } = pages;
    await peter.getByRole('navigation').getByRole('link', { name: 'Opfølgning', exact: true }).click();
    await peter.waitForURL((url) => url.pathname === '/follow-through');
    await peter.getByRole('heading', { level: 1, name: 'Opfølgningsliste' }).waitFor();
    const names = await listed(peter);
    assert.equal(names[0], 'Ali Hassan', `the organisation's overdue promise comes first: ${names}`);
    assert.ok(names.indexOf('Lane Andersen') > 0, `Lane is on the list: ${names}`);
    assert.equal(await peter.getByRole('table', { name: 'Pr. enhed' }).count(), 0, 'no counts per unit for a team leader');
    await screenshot(peter, 'follow-up-2-list-peter.png');

    await hr.getByRole('navigation').getByRole('link', { name: 'Opfølgning', exact: true }).click();
    const perUnit = hr.getByRole('table', { name: 'Pr. enhed' });
    // Grøn stue: Lane, Anne, Ali and Peter's own; Rød stue: Lars overdue, Camilla quiet so long
    // it was sent on (Nanna's was never signed).
    assert.equal(await textOf(perUnit.getByRole('row', { name: /Grøn stue/ })), 'Grøn stue 4 2 2');
    assert.equal(await textOf(perUnit.getByRole('row', { name: /Rød stue/ })), 'Rød stue 2 2 1');
    assert.equal((await listed(hr))[0], 'Ali Hassan', 'the organisation\'s list, the same order');
    await screenshot(hr, 'follow-up-2-list-hr.png');
  });

  step('3. Lane reports progress on her action in "Mine opgaver"', async () => {
    const { lane } = pages;
    const note = 'Alle børn har nu en sprogmappe.';
    await lane.goto(server.baseUrl);
    await lane.getByRole('link', { name: 'Mine opgaver' }).click();
    const row = lane.getByRole('row', { name: new RegExp(ACTION) });
    await row.getByLabel(`Status: ${ACTION}`).selectOption({ label: 'gennemført' });
    await row.getByLabel(`Bemærkning (valgfri): ${ACTION}`).fill(note);
    await row.getByRole('button', { name: 'Opdatér' }).click();
    await sees(lane, 'Ændringerne er gemt.');
    const saved = lane.getByRole('row', { name: new RegExp(ACTION) });
    assert.match(await textOf(saved.locator('details.history summary')), new RegExp(`^${DATE} \\d\\d:\\d\\d · Lane Andersen · gennemført – ${note}$`));
    assert.equal(await saved.getByLabel(`Status: ${ACTION}`).locator('option:checked').innerText(), 'gennemført');
    await screenshot(lane, 'follow-up-3-my-actions.png');
    // That was her last open action: the agreement is fulfilled and leaves the drawer.
    assert.deepEqual(await drawer(lane), []);
    assert.ok(!(await drawer(pages.peter)).some((text) => text.startsWith('Lane Andersen')), "gone from Peter's too");
  });

  step('4. Lane and Peter sign her MUS 2026 agreement, which then plans its follow-ups', async () => {
    const { lane, peter } = pages;
    await lane.goto(server.baseUrl);
    await lane.getByRole('link', { name: 'Se samtalen' }).click();
    conversationUrl = lane.url();
    await lane.getByRole('button', { name: 'Udviklingsaftale' }).click();
    const add = lane.locator('details.add-goal form'); // open while there are no goals
    await add.getByLabel('Udviklingsmål', { exact: true }).fill(GOAL);
    await add.getByLabel('Succeskriterium').fill('Jeg tager selv de svære samtaler og beder om sparring bagefter.');
    // Click the label's text: Pico draws the "(årets fokus)" note over the box (see conversation.test.mjs).
    const focusGoal = add.locator('label', { hasText: 'Styrk dialogen med forældrene' });
    await focusGoal.getByText('Styrk dialogen med forældrene').click();
    assert.ok(await focusGoal.getByRole('checkbox').isChecked(), 'the strategic goal is ticked');
    await add.getByRole('button', { name: 'Tilføj udviklingsmål' }).click();
    await lane.getByRole('article', { name: GOAL }).waitFor();

    await peter.goto(conversationUrl);
    await peter.getByRole('button', { name: 'Markér samtalen som holdt' }).click(); // confirm dialog accepted
    await sees(peter, new RegExp(`Samtalen blev holdt ${DATE}`));

    for (const page of [lane, peter]) {
      await page.goto(conversationUrl);
      await page.getByRole('button', { name: 'Udviklingsaftale' }).click();
      await page.getByRole('button', { name: 'Underskriv aftalen' }).click();
      await sees(page, /underskrev \d/);
    }
    await sees(peter, 'Aftalen er underskrevet af jer begge.');

    await lane.reload();
    const followUps = section(lane, 'Opfølgning');
    const planned = await Promise.all((await followUps.getByRole('listitem').all()).map(textOf));
    assert.deepEqual(planned, [`${FIRST_FOLLOW_UP} planlagt`, 'Opfølgning 01.06.2027 planlagt'], 'one on each of the cycle\'s dates');
    await followUps.getByLabel('Tilføj opfølgning').waitFor(); // the date of another follow-up
    await followUps.getByRole('button', { name: 'Tilføj opfølgning' }).waitFor();
    await screenshot(lane, 'follow-up-4-signed.png');
  });

  step('5. at the first follow-up Lane and Peter each record the goal, and Peter marks it held', async () => {
    const { lane, peter } = pages;
    const progress = 'To af tre svære forældresamtaler taget.';
    const [laneNote, peterNote] = ['Jeg har taget to svære samtaler selv.', 'Vi skal finde tid til sparring bagefter.'];
    await section(lane, 'Opfølgning').getByRole('link', { name: FIRST_FOLLOW_UP }).click();
    followUpUrl = lane.url();
    await lane.getByRole('heading', { level: 1, name: FIRST_FOLLOW_UP }).waitFor();
    let goal = lane.getByRole('group', { name: GOAL });
    await goal.getByLabel('Hvor langt er vi?').fill(progress);
    await goal.getByLabel('Status', { exact: true }).selectOption({ label: 'på sporet' });
    await goal.getByLabel('Min bemærkning').fill(laneNote);
    await lane.getByRole('button', { name: 'Gem', exact: true }).click();
    await sees(lane, 'Ændringerne er gemt.');
    assert.equal(await goal.getByLabel('Min bemærkning').inputValue(), laneNote, 'kept after saving');
    await screenshot(lane, 'follow-up-5-lane.png');

    await peter.goto(followUpUrl);
    goal = peter.getByRole('group', { name: GOAL });
    assert.equal(await textOf(goal.locator('.other-answer')), `Lane Andersen: ${laneNote}`);
    assert.equal(await goal.getByLabel('Hvor langt er vi?').inputValue(), progress, 'the progress is shared');
    assert.equal(await goal.getByLabel('Min bemærkning').inputValue(), '', 'his own note starts empty');
    await goal.getByLabel('Status', { exact: true }).selectOption({ label: 'i fare' });
    await goal.getByLabel('Min bemærkning').fill(peterNote);
    await peter.getByRole('button', { name: 'Gem', exact: true }).click();
    await sees(peter, 'Ændringerne er gemt.');
    await screenshot(peter, 'follow-up-5-peter.png');

    await peter.getByRole('button', { name: 'Markér opfølgningen som holdt' }).click(); // confirm dialog accepted
    await sees(peter, new RegExp(`^${HELD_AT}$`));
    assert.equal(await peter.locator('main :is(textarea, select, input:not([type=hidden]), button)').count(), 0, 'no form');
    assert.match(await textOf(goal.locator('dl')), new RegExp(`^Hvor langt er vi\\? ${progress} Status i fare \\(Fremskridt og status sidst sat af Peter Lund\\) Min bemærkning ${peterNote}$`));
    await screenshot(peter, 'follow-up-5-held.png');

    await lane.goto(followUpUrl);
    goal = lane.getByRole('group', { name: GOAL });
    await sees(lane, new RegExp(`^${HELD_AT}$`));
    assert.equal(await textOf(goal.locator('.other-answer')), `Peter Lund: ${peterNote}`);
    assert.match(await textOf(goal.locator('dl')), new RegExp(`Status i fare \\(Fremskridt og status sidst sat af Peter Lund\\) Min bemærkning ${laneNote}$`));
    await lane.getByRole('link', { name: 'Udviklingsaftale' }).click();
    const first = section(lane, 'Opfølgning').getByRole('listitem').first();
    assert.match(await textOf(first), new RegExp(`^${FIRST_FOLLOW_UP} ${HELD_AT}$`));
  });

  step('6. Lane makes a calendar address and chooses her reminders', async () => {
    const { lane } = pages;
    await lane.goto(server.baseUrl);
    await lane.getByRole('link', { name: 'Min kalender' }).click();
    await sees(lane, 'Du har ingen kalenderadresse.');
    await lane.getByRole('button', { name: 'Lav en kalenderadresse' }).click();
    const address = await lane.getByLabel('Kalenderadresse').inputValue();
    assert.match(address, /^http:\/\/127\.0\.0\.1:\d+\/calendar\/[^/]+\.ics$/);
    await screenshot(lane, 'follow-up-6-calendar.png');

    // A calendar program has no session: fetch the address without the browser's cookies.
    const outside = await request.newContext();
    try {
      const response = await outside.get(address);
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'], /^text\/calendar/);
      const ics = (await response.text()).replace(/\r\n[ \t]/g, ''); // unfold long lines
      assert.ok(ics.startsWith('BEGIN:VCALENDAR'), ics.slice(0, 200));
      assert.ok(ics.includes('SUMMARY:MUS-samtale med Peter Lund'), 'her conversation is in the feed');
      assert.ok(ics.includes('SUMMARY:Opfølgning med Peter Lund'), 'the follow-up still ahead is in the feed');
      assert.ok(ics.includes('DTSTART;VALUE=DATE:20270601') && !ics.includes('20270301'), 'the held one is not');
    } finally {
      await outside.dispose();
    }

    const kind = 'der er opfølgning på en udviklingsaftale inden for en uge';
    await lane.goto(server.baseUrl);
    await lane.getByRole('link', { name: 'Påmindelser' }).click();
    const box = lane.getByRole('checkbox', { name: kind });
    assert.ok(await box.isChecked(), 'on by default');
    await box.uncheck();
    await lane.getByRole('button', { name: 'Gem', exact: true }).click();
    await sees(lane, 'Ændringerne er gemt.');
    await lane.reload();
    assert.equal(await lane.getByRole('checkbox', { name: kind }).isChecked(), false, 'stays unticked');
    assert.equal(await lane.getByRole('checkbox', { checked: true }).count(), 4, 'the other four stay ticked');
    await screenshot(lane, 'follow-up-6-reminders.png');
    assert.deepEqual(jsErrors, [], 'no script errors along the way');
  });
});
