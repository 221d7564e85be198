// Browser test of one whole conversation: Lane Andersen and her leader Peter
// Lund walk her MUS 2026 conversation from preparation to signed agreement
// and an accepted amendment, each in their own browser, both logged in at once.
// The steps run in order on one demo server; after a failed step the rest are
// skipped, since each builds on the one before.
//
// Run: cargo build --bin mouse && cd e2e && npm ci && npm test
// Screenshots go to e2e/artifacts/conversation-*.png (failed-conversation-* on failure).

import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { after, before, describe } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from './server.mjs';
import { ARTIFACTS, CHROMIUM, screenshot, section, sees, textOf, walk } from './walk.mjs';

const Q_COUNT_ON = 'Hvad kan du regne med som medarbejder her – og hvad har du brug for at kunne regne med?';
const Q_BETTER_AT = 'Hvad vil du gerne blive bedre til det næste år, og hvorfor?';
const GOAL = 'Trygge forældresamtaler';

const { jsErrors, logIn, step } = walk('conversation');
let server, browser;
let lane, peter; // each one's page, in a browser context of their own
let conversationUrl; // Lane's conversation page

// ---------------------------------------------------------------- helpers

/** The stage badge in the conversation page's heading. */
const stage = (page) => textOf(page.locator('h1 .badge'));

/** Open the <details> whose <summary> says `summary` and return its (first) form. */
async function disclose(scope, summary) {
  const details = scope.locator('details').filter({ has: scope.page().locator('summary', { hasText: summary }) });
  await details.locator('summary').click();
  return details.locator('form').first();
}

// ------------------------------------------------------------------ the walk

describe("Lane's MUS 2026 conversation with Peter, from preparation to signature and evaluation", () => {
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    server = await startServer();
    browser = await chromium.launch(CHROMIUM);
    lane = await logIn(browser, server, 'lane', 'lane@maelkeboetten.dk');
    peter = await logIn(browser, server, 'peter', 'peter@maelkeboetten.dk');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  step('1. both prepare, share, and see each other\'s answers side by side', async () => {
    // Lane: home page → her conversation → preparation, saved as she types.
    await lane.getByRole('link', { name: 'Se samtalen' }).click();
    conversationUrl = lane.url();
    await lane.getByRole('button', { name: 'Forbered samtalen' }).click();
    await sees(lane, 'Din forberedelse er privat, indtil du deler den.');
    // Q_BETTER_AT is one of this year's focus questions; Q_COUNT_ON is folded away as optional.
    await assert.rejects(lane.getByLabel(Q_COUNT_ON).fill('x', { timeout: 1_000 }), 'optional questions start folded');
    await lane.getByText(/valgfrie spørgsmål/).first().click();
    await lane.getByLabel(Q_COUNT_ON).fill('Faste rammer, og at jeg kan få sparring efter en svær samtale.');
    await lane.getByLabel(Q_BETTER_AT).fill('At stå fast og venligt, når en forælder er utilfreds.');
    await lane.getByRole('status').filter({ hasText: 'Gemt kl.' }).waitFor();
    await lane.getByRole('button', { name: 'Del med Peter Lund' }).click();
    await sees(lane, 'Du har delt din forberedelse.');
    await sees(lane, 'Peter Lund har ikke delt sin forberedelse endnu.');

    // Peter: MUS 2026 → overview → Lane's conversation (the same page) → preparation.
    await peter.goto(`${server.baseUrl}/cycles`);
    await peter.getByRole('link', { name: 'MUS 2026' }).click();
    await peter.getByRole('button', { name: 'Overblik over samtalerne' }).click();
    await peter.getByRole('link', { name: 'Lane Andersen' }).click();
    assert.equal(peter.url(), conversationUrl, "Peter reaches Lane's conversation page");
    await peter.getByRole('button', { name: 'Forbered samtalen' }).click();
    await sees(peter, 'Lane Andersen har delt sin forberedelse.');
    await peter.getByLabel(Q_BETTER_AT).fill('Lane er god med børnene; forældresamtalerne er næste skridt.');
    await peter.getByRole('status').filter({ hasText: 'Gemt kl.' }).waitFor();
    await peter.getByRole('button', { name: 'Del med Lane Andersen' }).click();
    await sees(peter, 'Begge har delt: Lane Andersens svar står under dine.');
    const lanesAnswer = peter.locator('.question', { has: peter.getByLabel(Q_BETTER_AT) }).locator('.other-answer');
    assert.equal(await textOf(lanesAnswer), 'Lane Andersen: At stå fast og venligt, når en forælder er utilfreds.');

    await lane.reload();
    await sees(lane, 'Begge har delt: Peter Lunds svar står under dine.');
    const petersAnswer = lane.locator('.question', { has: lane.getByLabel(Q_BETTER_AT) }).locator('.other-answer');
    assert.equal(await textOf(petersAnswer), 'Peter Lund: Lane er god med børnene; forældresamtalerne er næste skridt.');
    await screenshot(lane, 'conversation-1-preparation.png');
  });

  step('2. Lane puts a point on the agenda and Peter sees it', async () => {
    const point = 'Hvordan forbereder jeg mig til en svær forældresamtale?';
    await lane.goto(conversationUrl);
    await lane.getByLabel('Sæt på dagsordenen').fill(point);
    await lane.getByRole('button', { name: 'Sæt på dagsordenen' }).click();
    assert.equal(await textOf(section(lane, 'Dagsorden').getByRole('listitem')), `${point} – Lane Andersen Fjern`);

    await peter.goto(conversationUrl);
    assert.equal(await stage(peter), 'forberedes');
    const seen = await textOf(section(peter, 'Dagsorden').getByRole('listitem'));
    assert.equal(seen, `${point} – Lane Andersen`, "Peter sees Lane's point, with no remove button");
    await screenshot(peter, 'conversation-2-agenda.png');
  });

  step('3. the contract shows last year\'s lines; Peter changes one and both confirm', async () => {
    const before = 'Tid til et kursus i dialogisk læsning';
    const after = 'Tid til et kursus i svære forældresamtaler';
    await peter.getByRole('button', { name: 'Psykologisk kontrakt' }).click();
    const organisation = section(peter, 'Det kan du forvente af organisationen');
    await organisation.getByRole('list', { name: 'Ændringer siden sidste år' }).getByText(`uændret ${before}`).waitFor();
    await organisation.getByLabel('Ét punkt pr. linje').fill(after);
    await peter.getByRole('button', { name: 'Gem', exact: true }).click();
    await organisation.getByRole('list', { name: 'Ændringer siden sidste år' }).getByText(`ændret ${after} (før: ${before})`).waitFor();
    await peter.getByRole('button', { name: 'Bekræft kontrakten' }).click();
    await sees(peter, 'Lederen har bekræftet.');

    await lane.getByRole('button', { name: 'Psykologisk kontrakt' }).click();
    await sees(lane, `ændret ${after} (før: ${before})`);
    await lane.getByRole('button', { name: 'Bekræft kontrakten' }).click();
    await sees(lane, 'Begge har bekræftet kontrakten.');
    await peter.reload();
    await sees(peter, 'Begge har bekræftet kontrakten.');
    await screenshot(lane, 'conversation-3-contract.png');
  });

  step('4. Lane adds a development goal, Peter an action and a commitment', async () => {
    await lane.goto(conversationUrl);
    await lane.getByRole('button', { name: 'Udviklingsaftale' }).click();
    const add = lane.locator('details.add-goal form'); // open while there are no goals
    await add.getByLabel('Udviklingsmål', { exact: true }).fill(GOAL);
    await add.getByLabel('Succeskriterium').fill('Jeg tager selv de svære samtaler og beder om sparring bagefter.');
    await add.getByLabel('Prioritet').selectOption({ label: 'høj' });
    // Pico styles the "(årets fokus)" note after a focus goal's box as input help
    // and draws it over the box, so click the label's text as a person would.
    const focusGoal = add.locator('label', { hasText: 'Styrk dialogen med forældrene' });
    await focusGoal.getByText('Styrk dialogen med forældrene').click();
    assert.ok(await focusGoal.getByRole('checkbox').isChecked(), 'the strategic goal is ticked');
    await add.getByRole('checkbox', { name: 'Forældredialog' }).check();
    await add.getByRole('button', { name: 'Tilføj udviklingsmål' }).click();
    const goal = lane.getByRole('article', { name: GOAL });
    await goal.getByRole('heading', { name: `${GOAL} høj` }).waitFor();
    await goal.getByRole('link', { name: 'Styrk dialogen med forældrene' }).waitFor();
    await goal.getByText('Kompetencer: Forældredialog').waitFor();

    await peter.goto(conversationUrl);
    await peter.getByRole('button', { name: 'Udviklingsaftale' }).click();
    const action = await disclose(peter.getByRole('article', { name: GOAL }), 'Tilføj handling');
    await action.getByLabel('Handling').fill('Kursus i svære forældresamtaler');
    await action.getByLabel('Type').selectOption({ label: 'Kursus' });
    await action.getByLabel('Ansvarlig').selectOption({ label: 'Lane Andersen' });
    await action.getByLabel('Frist').fill('2027-03-01');
    await action.getByRole('button', { name: 'Tilføj handling' }).click();
    const actionRow = peter.getByRole('article', { name: GOAL }).getByRole('row', { name: /Kursus i svære forældresamtaler/ });
    assert.match(await textOf(actionRow), /Kursus i svære forældresamtaler\s+Kursus\s+Lane Andersen\s+01\.03\.2027/);

    const commitment = await disclose(section(peter, 'Organisationens bidrag'), 'Tilføj bidrag');
    await commitment.getByLabel('Bidrag', { exact: true }).fill('Plads på kommunens kursus i forældresamarbejde');
    await commitment.getByLabel('Type').selectOption({ label: 'Kursusplads' });
    assert.equal(await commitment.getByLabel('Ansvarlig').locator('option:checked').innerText(), 'Peter Lund', 'the leader owns a commitment by default');
    await commitment.getByRole('button', { name: 'Tilføj bidrag' }).click();
    const commitmentRow = section(peter, 'Organisationens bidrag').getByRole('row', { name: /kommunens kursus/ });
    assert.match(await textOf(commitmentRow), /Plads på kommunens kursus i forældresamarbejde\s+Kursusplads\s+Peter Lund/);

    await lane.reload();
    await sees(lane, 'Kursus i svære forældresamtaler');
    await sees(lane, 'Plads på kommunens kursus i forældresamarbejde');
    await screenshot(lane, 'conversation-4-agreement.png');
  });

  step('5. no signing before the conversation is held; Peter marks it held', async () => {
    for (const page of [lane, peter]) {
      await page.reload();
      await sees(page, 'Aftalen underskrives, når samtalen er markeret som holdt.');
      assert.equal(await page.getByRole('button', { name: 'Underskriv aftalen' }).count(), 0, 'no sign button yet');
    }
    await lane.goto(conversationUrl);
    assert.equal(await lane.getByRole('button', { name: 'Markér samtalen som holdt' }).count(), 0, 'only the leader marks it held');

    await peter.goto(conversationUrl);
    await peter.getByRole('button', { name: 'Markér samtalen som holdt' }).click(); // confirm dialog accepted
    await sees(peter, /Samtalen blev holdt \d\d\.\d\d\.\d{4}/);
    assert.equal(await peter.getByRole('button', { name: 'Markér samtalen som holdt' }).count(), 0);
    await lane.reload();
    await sees(lane, 'Samtalen blev holdt');
    assert.equal(await stage(lane), 'holdt');
    await screenshot(peter, 'conversation-5-held.png');
  });

  step('6. both sign the agreement', async () => {
    await lane.getByRole('button', { name: 'Udviklingsaftale' }).click();
    await lane.getByRole('button', { name: 'Underskriv aftalen' }).click();
    await sees(lane, /Lane Andersen underskrev \d\d\.\d\d\.\d{4}/);
    await sees(lane, 'Peter Lund har ikke underskrevet endnu.');

    await peter.getByRole('button', { name: 'Udviklingsaftale' }).click();
    await peter.getByRole('button', { name: 'Underskriv aftalen' }).click();
    await sees(peter, 'Aftalen er underskrevet af jer begge.');
    await lane.reload();
    await sees(lane, 'Aftalen er underskrevet af jer begge.');
    assert.equal(await lane.getByRole('button', { name: 'Underskriv aftalen' }).count(), 0);
    await screenshot(lane, 'conversation-6-signed.png');
  });

  step('7. Lane proposes an amendment, Peter accepts it, and it is kept in the history', async () => {
    const text = 'Sparring med Peter efter de første tre forældresamtaler';
    const goal = lane.getByRole('article', { name: GOAL });
    const form = await disclose(goal, 'Foreslå en ny handling');
    await form.getByLabel('Handling').fill(text);
    await form.getByLabel('Type').selectOption({ label: 'Mentor/sparring' });
    await form.getByLabel('Ansvarlig').selectOption({ label: 'Peter Lund' });
    await form.getByLabel('Frist').fill('2027-01-31');
    await form.getByRole('button', { name: 'Foreslå tillægget' }).click();
    const pending = section(lane, 'Tillæg til godkendelse');
    await pending.getByText(`Ny handling til »${GOAL}«: ${text}`).waitFor();
    await pending.getByRole('button', { name: 'Træk tillægget tilbage' }).waitFor();
    assert.equal(await lane.getByRole('row', { name: new RegExp(text) }).count(), 0, 'not part of the agreement before it is accepted');

    await peter.reload();
    await section(peter, 'Tillæg til godkendelse').getByText(text).waitFor();
    await screenshot(peter, 'conversation-7-amendment-pending.png');
    await peter.getByRole('button', { name: 'Godkend tillægget' }).click();
    await peter.getByRole('article', { name: GOAL }).getByRole('row', { name: new RegExp(text) }).waitFor();
    assert.equal(await section(peter, 'Tillæg til godkendelse').count(), 0, 'nothing pending any more');

    await lane.reload();
    const history = section(lane, 'Tillæg').getByRole('listitem');
    assert.match(await textOf(history), new RegExp(`Ny handling til »${GOAL}«: ${text} – foreslået af Lane Andersen .*; godkendt af Peter Lund`));
    await lane.getByRole('article', { name: GOAL }).getByRole('row', { name: new RegExp(text) }).waitFor();
    await screenshot(lane, 'conversation-7-amendment-accepted.png');

    await lane.goto(conversationUrl);
    assert.equal(await stage(lane), 'aftalt');
  });

  step('8. Lane evaluates the conversation; Peter sees his results, never hers alone', async () => {
    await peter.goto(server.baseUrl);
    await peter.getByRole('link', { name: 'Sådan oplever medarbejderne dine samtaler' }).click();
    await sees(peter, 'Tallene bygger på 5 af 5 svar.');
    const table = peter.getByRole('table', { name: 'Svar pr. spørgsmål (1 = slet ikke, 5 = i høj grad)' });
    const worth = await textOf(table.getByRole('row', { name: /Samtalen var tiden værd/ }));
    assert.match(worth, /^Samtalen var tiden værd 4,4 0 0 0 3 2$/, 'average and spread of five answers');
    assert.ok(await table.getByRole('img', { name: /Fordeling af svarene; gennemsnit/ }).count() >= 4, 'a chart per question');
    await screenshot(peter, 'conversation-8-leader-results.png');

    await lane.goto(conversationUrl);
    await lane.getByRole('button', { name: 'Evaluér samtalen' }).click();
    await lane.getByRole('heading', { level: 1, name: 'Evaluering af samtalen' }).waitFor();
    await sees(lane, 'Din leder ser aldrig din evaluering alene');
    for (const question of ['Samtalen var en dialog mellem ligeværdige', 'Samtalen gjorde koblingen til strategien tydelig', 'Udviklingen blev prioriteret godt', 'Samtalen var tiden værd']) {
      await lane.getByRole('group', { name: question }).getByLabel('5', { exact: true }).check();
    }
    await lane.getByLabel('Kommentar (valgfri)').fill('Vi fik talt om forældresamtalerne for alvor.');
    await screenshot(lane, 'conversation-8-evaluation.png');
    await lane.getByRole('button', { name: 'Send evalueringen' }).click(); // confirm dialog accepted
    await sees(lane, /Du evaluerede samtalen \d\d\.\d\d\.\d{4}/);
    assert.equal(await lane.getByRole('button', { name: 'Send evalueringen' }).count(), 0, 'given once');

    // A sixth answer waits for a whole new block: Peter's figures do not move.
    await peter.reload();
    await sees(peter, 'Tallene bygger på 5 af 6 svar.');
    assert.equal(await textOf(table.getByRole('row', { name: /Samtalen var tiden værd/ })), worth);
    assert.equal(await peter.getByText('Vi fik talt om forældresamtalerne for alvor.').count(), 0);
    assert.deepEqual(jsErrors, [], 'no script errors along the way');
  });
});
