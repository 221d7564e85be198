//! The drawer detector: stale agreements reach the right home pages, the organisation's overdue
//! promises escalate to the leader above and HR, and leaders and HR get a follow-up list. An
//! agreement leaves the drawer when its employee signs the next one.

use chrono::{Days, NaiveDate, SubsecRound, Utc};
use domain::drawer::{
    Health, LatestSigned, Patience, Pulse, judge, unsigned_since, unsigned_too_long,
};
use domain::{ConversationId, OrgId, PersonId};
use reqwest::StatusCode;
use std::collections::BTreeSet;
use storage::{Backend, Db, Judgement, Reach, Superseded, Told, today};
use testkit::demo::{ADMIN, HEAD, HR, LANE, LEADER, PETER, cycle, person, sign_lanes_agreement};
use testkit::{TestApp, both_backends, literal};

const FLAGS: &str = "Aftaler, der er ved at gå i skuffen";

/// The flagged section of someone's home page (empty when there is none).
async fn flags(app: &TestApp, email: &str) -> String {
    let (status, home) = app.login(email).await.page("/").await;
    assert_eq!(status, StatusCode::OK);
    match home.split_once(FLAGS) {
        Some((_, rest)) => rest
            .split("</section>")
            .next()
            .unwrap_or_default()
            .to_owned(),
        None => String::new(),
    }
}

/// What the detector judges: the signed agreements, and the held conversations long waiting for
/// signatures.
#[derive(Debug, PartialEq, Eq)]
struct Judged {
    signed: BTreeSet<ConversationId>,
    unsigned: BTreeSet<ConversationId>,
}

/// As the database keeps it: on the conversations, and in the table of current agreements,
/// which must agree.
async fn judged_kept(db: &Db, org: OrgId) -> Judged {
    let signed = db
        .signed_agreements(org, Reach::Organisation, Superseded::Excluded)
        .await
        .unwrap();
    let judged = Judgement {
        today: today(),
        patience: Patience::default(),
    };
    let listed = db
        .drawer_page(org, Reach::Organisation, None, judged, 0, 10_000)
        .await
        .unwrap();
    assert_eq!(
        listed
            .lines
            .iter()
            .map(|p| p.conversation_id)
            .collect::<BTreeSet<_>>(),
        signed.iter().map(|s| s.agreement.conversation_id).collect(),
        "the table of current agreements"
    );
    let unsigned = db
        .unsigned_agreements(org, Reach::Organisation, unsigned_since(today()))
        .await
        .unwrap();
    Judged {
        signed: signed
            .into_iter()
            .map(|s| s.agreement.conversation_id)
            .collect(),
        unsigned: unsigned.into_iter().map(|u| u.conversation_id).collect(),
    }
}

/// As the rule says, from every conversation and agreement of the organisation.
async fn judged_by_rule(db: &Db, org: OrgId) -> Judged {
    let bound = unsigned_since(today());
    let (mut signed, mut unsigned) = (Vec::new(), Vec::new());
    for cycle in db.cycles(org).await.unwrap() {
        let began = cycle.timeline.conversations_from();
        for c in db
            .conversations(org, cycle.id, Reach::Organisation)
            .await
            .unwrap()
        {
            let line = (c.employee_id, began, c.id);
            if db
                .agreement(c.id)
                .await
                .unwrap()
                .is_some_and(|a| a.signed())
            {
                signed.push(line);
            } else if !c.cancelled && c.held_at.is_some_and(|held| held < bound) {
                unsigned.push(line);
            }
        }
    }
    let latest = LatestSigned::of(signed.iter().map(|(who, began, _)| (*who, *began)));
    let current = |lines: &[(PersonId, NaiveDate, ConversationId)]| {
        lines
            .iter()
            .filter(|(who, began, _)| !latest.supersedes(*who, *began))
            .map(|l| l.2)
            .collect()
    };
    Judged {
        signed: current(&signed),
        unsigned: current(&unsigned),
    }
}

both_backends! {
    async fn an_agreement_leaves_the_drawer_when_the_next_one_is_signed(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let last_year = db.conversation_of(org, cycle(app, "MUS 2025").await.id, person(db, LANE).await.id).await.unwrap().unwrap().id;
        let kept = judged_kept(db, org).await;
        assert!(kept.signed.contains(&last_year) && !kept.unsigned.is_empty());
        assert_eq!(kept, judged_by_rule(db, org).await);
        let figures = db.signed_agreements(org, Reach::Organisation, Superseded::Included).await.unwrap().len();
        assert!(flags(app, LANE).await.contains("Lane Andersen, MUS 2025"));

        // Lane and Peter sign this year's agreement: last year's, its action long overdue, is
        // no longer flagged or listed, and this year's is not stale.
        let this_year = sign_lanes_agreement(app).await;
        let kept = judged_kept(db, org).await;
        assert!(!kept.signed.contains(&last_year) && kept.signed.contains(&this_year), "{kept:?}");
        assert_eq!(kept, judged_by_rule(db, org).await);
        for email in [LANE, PETER, LEADER] {
            let home = flags(app, email).await;
            assert!(!home.contains("Lane Andersen"), "{email}: {home}");
        }
        let judged = Judgement { today: today(), patience: Patience::default() };
        let listed = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
        assert_eq!(listed.lines.iter().map(|p| p.conversation_id).collect::<BTreeSet<_>>(), kept.signed);
        assert_eq!(listed.total(), kept.signed.len());
        // The effect figures still count last year's agreement in its cycle.
        assert_eq!(db.signed_agreements(org, Reach::Organisation, Superseded::Included).await.unwrap().len(), figures + 1);

        // Any writer: last year's signature withdrawn does not bring it back as unsigned, this
        // year's withdrawn brings it back as that; signed again, it is gone again.
        let (last, this) = (literal(db, last_year.0), literal(db, this_year.0));
        let withdraw = |id: &str| format!("UPDATE agreements SET leader_signed_at = NULL WHERE conversation_id = {id}");
        db.execute_raw(&withdraw(&last)).await.unwrap();
        let kept = judged_kept(db, org).await;
        assert!(!kept.unsigned.contains(&last_year) && kept.signed.contains(&this_year));
        assert_eq!(kept, judged_by_rule(db, org).await, "last year's unsigned");
        db.execute_raw(&withdraw(&this)).await.unwrap();
        let kept = judged_kept(db, org).await;
        assert!(kept.unsigned.contains(&last_year) && !kept.signed.contains(&this_year));
        assert_eq!(kept, judged_by_rule(db, org).await, "both unsigned");
        assert!(flags(app, LANE).await.contains("Lane Andersen, MUS 2025"));
        let sign = |id: &str| format!("UPDATE agreements SET leader_signed_at = employee_signed_at WHERE conversation_id = {id}");
        for id in [&last, &this] {
            db.execute_raw(&sign(id)).await.unwrap();
        }
        let kept = judged_kept(db, org).await;
        assert!(!kept.signed.contains(&last_year) && kept.signed.contains(&this_year));
        assert_eq!(kept, judged_by_rule(db, org).await, "signed again");
        // Moving this year's cycle to begin before last year's turns the order round.
        let this_cycle = cycle(app, "MUS 2026").await;
        let moved = literal(db, this_cycle.id.0);
        let dates = |opens: String, from: String| format!("UPDATE cycles SET preparation_opens = '{opens}', conversations_from = '{from}' WHERE id = {moved}");
        db.execute_raw(&dates("2020-01-01".into(), "2020-01-01".into())).await.unwrap();
        let kept = judged_kept(db, org).await;
        assert!(kept.signed.contains(&last_year) && !kept.signed.contains(&this_year));
        assert_eq!(kept, judged_by_rule(db, org).await, "moved");
        let timeline = &this_cycle.timeline;
        db.execute_raw(&dates(timeline.preparation_opens().to_string(), timeline.conversations_from().to_string())).await.unwrap();
        let kept = judged_kept(db, org).await;
        assert!(!kept.signed.contains(&last_year) && kept.signed.contains(&this_year));
        assert_eq!(kept, judged_by_rule(db, org).await, "moved back");

        // The migration that brought the column judges existing conversations the same way.
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0035_superseded_agreements.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0035_superseded_agreements.sql"),
        };
        let start = migration.find("-- Every employee judged once").unwrap();
        let backfill = &migration[start..start + migration[start..].find(";\n").unwrap() + 1];
        db.execute_raw("UPDATE conversations SET superseded = FALSE").await.unwrap();
        assert!(judged_kept(db, org).await.signed.contains(&last_year));
        db.execute_raw(backfill).await.unwrap();
        assert_eq!(judged_kept(db, org).await, kept, "backfilled");

        // A current agreement follows its employee to another unit.
        let lane = person(db, LANE).await;
        let elsewhere = person(db, HR).await.unit_id;
        let unit_of = |lines: Vec<storage::AgreementPulse>| lines.iter().find(|p| p.conversation_id == this_year).map(|p| p.unit_id);
        let move_lane = |unit: domain::UnitId| format!("UPDATE people SET unit_id = {} WHERE id = {}", literal(db, unit.0), literal(db, lane.id.0));
        db.execute_raw(&move_lane(elsewhere)).await.unwrap();
        let moved = db.drawer_page(org, Reach::Employee(lane.id), None, judged, 0, 10).await.unwrap();
        assert_eq!(unit_of(moved.lines), Some(elsewhere));
        db.execute_raw(&move_lane(lane.unit_id)).await.unwrap();
        // The migration that brought the table of current agreements copies them the same way.
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0036_current_agreements.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0036_current_agreements.sql"),
        };
        let start = migration.find("-- Every current agreement copied once").unwrap();
        let backfill = &migration[start..start + migration[start..].find(";\n").unwrap() + 1];
        let before = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
        assert_eq!(unit_of(before.lines.clone()), Some(lane.unit_id));
        db.execute_raw("DELETE FROM current_agreements").await.unwrap();
        assert_eq!(db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap().total(), 0);
        db.execute_raw(backfill).await.unwrap();
        let after = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
        assert_eq!((after.lines, after.per_unit), (before.lines, before.per_unit), "copied again");
    }

    async fn stale_agreements_reach_the_right_home_pages(app: &TestApp) {
        // Lane's language folders are months overdue and nothing has happened since May.
        let lane = flags(app, LANE).await;
        assert!(lane.contains("Lane Andersen, MUS 2025") && lane.contains("1 handling over frist"), "{lane}");
        assert!(!lane.contains("Ali Hassan"), "only her own");

        let peter = flags(app, PETER).await;
        assert!(peter.contains("Lane Andersen") && peter.contains("Ali Hassan"), "{peter}");
        assert!(peter.contains("1 af organisationens løfter over frist"));
        assert!(!peter.contains("Anne Thomsen, MUS 2025"), "a fulfilled agreement is no drawer case");
        // This year's conversations with Anne and Ali were held three weeks ago without an
        // agreement: an agreement never signed is in the drawer before it starts.
        assert!(peter.contains("Anne Thomsen, MUS 2026") && peter.contains("der er ingen underskrevet aftale"), "{peter}");
        let anne = flags(app, "anne@maelkeboetten.dk").await;
        assert!(anne.contains("Anne Thomsen, MUS 2026") && !anne.contains("Ali Hassan"), "{anne}");

        // Mette leads Peter's unit: she sees both, escalated; Birgitte above her does not.
        let mette = flags(app, LEADER).await;
        assert!(mette.contains("Lane Andersen") && mette.contains("Ali Hassan") && mette.contains("sendt videre"), "{mette}");
        assert!(!flags(app, HEAD).await.contains("Lane Andersen"));

        // HR sees the organisation's own overdue promise, not Lane's own delay.
        let hr = flags(app, HR).await;
        assert!(hr.contains("Ali Hassan") && !hr.contains("Lane Andersen"), "{hr}");
        assert!(flags(app, ADMIN).await.is_empty());
        assert!(flags(app, "emma@maelkeboetten.dk").await.is_empty(), "Emma's agreement is busy and on time");
    }

    async fn every_state_of_last_year_shows_in_its_own_unit(app: &TestApp) {
        // Mariehønen: Ida's agreement has been quiet for 75 days; her leader Jonas sees it,
        // Karen above him not yet.
        let ida = flags(app, "ida@maelkeboetten.dk").await;
        assert!(ida.contains("Ida Mortensen") && ida.contains("ingen aktivitet i 75 dage") && !ida.contains("sendt videre"), "{ida}");
        assert!(flags(app, "jonas@maelkeboetten.dk").await.contains("Ida Mortensen"));
        assert!(!flags(app, "karen@maelkeboetten.dk").await.contains("Ida Mortensen"));

        // Rød stue: Lars's action is 12 days overdue (Sofie sees it, Mette not yet); Camilla's
        // has been quiet so long that Mette above Sofie sees it.
        let sofie = flags(app, "sofie@maelkeboetten.dk").await;
        assert!(sofie.contains("Lars Pedersen") && sofie.contains("Camilla Jakobsen"), "{sofie}");
        let mette = flags(app, LEADER).await;
        assert!(mette.contains("Camilla Jakobsen") && !mette.contains("Lars Pedersen"), "{mette}");
        // Nanna signed hers a year ago; Sofie never did.
        assert!(sofie.contains("Nanna Larsen, MUS 2025") && sofie.contains("aftalen mangler lederens underskrift"), "{sofie}");
        assert!(flags(app, "nanna@maelkeboetten.dk").await.contains("aftalen mangler lederens underskrift"));
        assert!(!mette.contains("Nanna Larsen"), "told to the two parties only");

        // Sommerfuglen and the kitchen: on time with an amendment waiting, and fulfilled.
        assert!(flags(app, "aisha@maelkeboetten.dk").await.is_empty());
        assert!(flags(app, "birthe@maelkeboetten.dk").await.is_empty());
        let (_, hr) = app.login(HR).await.page("/follow-through").await;
        for name in ["Freja Poulsen", "Birthe Møller", "Peter Lund", "Ida Mortensen", "Camilla Jakobsen"] {
            assert!(hr.contains(name), "{name}");
        }
        let unsigned = &hr[hr.find("Holdte samtaler uden underskrevet aftale").expect("an unsigned section")..];
        assert!(unsigned.contains("Nanna Larsen") && unsigned.contains("Anne Thomsen"), "{unsigned}");
        let (_, peters) = app.login(PETER).await.page("/follow-through").await;
        assert!(!peters.contains("Nanna Larsen"), "outside his unit");
    }

    async fn leaders_and_hr_get_a_follow_up_list_by_urgency(app: &TestApp) {
        let (status, page) = app.login(PETER).await.page("/follow-through").await;
        assert_eq!(status, StatusCode::OK);
        // Held this year without an agreement first, then the signed agreements by urgency.
        let (unsigned, list) = page.split_once("Underskrevne aftaler").expect("both lists");
        assert!(unsigned.contains("Anne Thomsen") && unsigned.contains("Ali Hassan") && !unsigned.contains("Lane Andersen"));
        let ali = list.find("Ali Hassan").unwrap();
        let lane = list.find("Lane Andersen").unwrap();
        let anne = list.find("Anne Thomsen").unwrap();
        assert!(ali < lane && lane < anne, "the organisation's overdue promise first, the fulfilled last");
        assert!(!list.contains("Emma Friis"), "outside his unit");
        assert!(!list.contains("Pr. enhed"), "counts per unit are for the whole organisation");

        let (_, whole) = app.login(HR).await.page("/follow-through").await;
        assert!(whole.contains("Emma Friis") && whole.contains("Pr. enhed") && whole.contains("Grøn stue"));
        for email in [LANE, ADMIN] {
            assert_eq!(app.login(email).await.get("/follow-through").await.status(), StatusCode::FORBIDDEN, "{email}");
        }
    }

    async fn the_database_counts_open_items_and_dates_activity_as_the_documents_say(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let today = today();
        let signed = db.signed_agreements(org, Reach::Organisation, Superseded::Excluded).await.unwrap();
        assert!(signed.len() >= 4, "the demo has agreements in every state");
        // Before, on and after the demo's dates: nothing overdue, some, everything open.
        for day in [today - Days::new(400), today, today + Days::new(800)] {
            let pulses = db.drawer_page(org, Reach::Organisation, None, Judgement { today: day, patience: Patience::default() }, 0, 10_000).await.unwrap().lines;
            assert_eq!(pulses.len(), signed.len());
            for s in &signed {
                let p = pulses.iter().find(|p| p.conversation_id == s.agreement.conversation_id).unwrap();
                assert_eq!(p.pulse, Pulse::of(&s.agreement.terms, day), "{day}: {:?}", s.agreement.terms);
                assert_eq!((p.employee_id, p.leader_id, p.cycle_id, p.last_activity), (s.employee_id, s.leader_id, s.cycle_id, s.last_activity));
            }
        }
        // The latest of the agreement's own events, its reports and its held follow-ups (a
        // follow-up with something recorded but not held counts by its writing, which the
        // domain does not carry: at least the others then).
        for s in &signed {
            let id = s.agreement.conversation_id;
            let follow_ups = db.follow_ups(id).await.unwrap();
            let reports = db.progress_history(id).await.unwrap();
            let latest = s.agreement.last_event().into_iter()
                .chain(reports.iter().map(|r| r.at))
                .chain(follow_ups.iter().filter_map(|f| f.held_at))
                .max()
                .expect("a signed agreement has signatures");
            // PostgreSQL keeps microseconds; the document's times have more.
            let (stored, latest) = (s.last_activity.trunc_subsecs(6), latest.trunc_subsecs(6));
            if follow_ups.iter().any(|f| f.held_at.is_none() && f.revision > 0) {
                assert!(stored >= latest);
            } else {
                assert_eq!(stored, latest, "{id:?}");
            }
        }
        // The migration that brought the column dates existing agreements the same way.
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0026_agreement_activity.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0026_agreement_activity.sql"),
        };
        let start = migration.find("UPDATE agreements").unwrap();
        let backfill = &migration[start..start + migration[start..].find("\n);").unwrap() + 3];
        db.execute_raw("UPDATE agreements SET last_activity_at = NULL").await.unwrap();
        db.execute_raw(backfill).await.unwrap();
        let again = db.signed_agreements(org, Reach::Organisation, Superseded::Excluded).await.unwrap();
        let when = |all: &[storage::SignedAgreement]| all.iter().map(|s| s.last_activity.trunc_subsecs(6)).collect::<Vec<_>>();
        assert_eq!(when(&again), when(&signed));
        // And the one that keeps what is outstanding on each agreement.
        let judged = Judgement { today, patience: Patience::default() };
        let before = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0027_agreement_outstanding.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0027_agreement_outstanding.sql"),
        };
        let start = migration.find("UPDATE agreements").unwrap();
        db.execute_raw("UPDATE agreements SET open_items = 0, first_action_due = NULL, first_commitment_due = NULL").await.unwrap();
        db.execute_raw(&migration[start..]).await.unwrap();
        let after = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
        assert_eq!((after.lines, after.per_unit), (before.lines, before.per_unit));
        // Recording on a follow-up and reporting on an action both count, at once.
        let mut unheld = None;
        for s in &signed {
            let open = db.follow_ups(s.agreement.conversation_id).await.unwrap().into_iter().find(|f| f.held_at.is_none());
            if let Some(f) = open.filter(|_| s.agreement.terms.goals.first().is_some_and(|g| !g.actions.is_empty())) {
                unheld = Some((s, f));
            }
        }
        let (chosen, mut f) = unheld.expect("an agreement with an unheld follow-up");
        let id = chosen.agreement.conversation_id;
        let before = Utc::now().trunc_subsecs(6);
        f.revision += 1;
        db.save_follow_up(&f, f.revision - 1).await.unwrap();
        let moved = db.drawer_page(org, Reach::Employee(chosen.employee_id), None, Judgement { today, patience: Patience::default() }, 0, 10).await.unwrap().lines;
        let moved = moved.iter().find(|p| p.conversation_id == id).unwrap();
        assert!(moved.last_activity >= before, "{:?} < {before:?}", moved.last_activity);
        let mut next = chosen.agreement.clone();
        next.revision += 1;
        let action = next.terms.goals[0].actions[0].id;
        let report = domain::progress::ProgressUpdate {
            conversation_id: id,
            item: action,
            by: chosen.employee_id,
            at: (Utc::now() + chrono::Duration::days(1)).trunc_subsecs(0),
            progress: domain::agreement::Progress::Started,
            note: String::new(),
        };
        db.save_agreement(&next, chosen.agreement.revision, Some(&report), &[]).await.unwrap();
        let reported = db.drawer_page(org, Reach::Employee(chosen.employee_id), None, Judgement { today, patience: Patience::default() }, 0, 10).await.unwrap().lines;
        assert_eq!(reported.iter().find(|p| p.conversation_id == id).unwrap().last_activity, report.at);
    }

    async fn the_database_judges_and_orders_agreements_as_the_detector_does(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let peter = person(db, PETER).await.id;
        let (head, mette) = (person(db, HEAD).await.id, person(db, LEADER).await.id);
        let tree = db.unit_tree(org).await.unwrap();
        let people = db.people(org).await.unwrap();
        let mut told_somewhere = false;
        let today = today();
        let strict = Patience { stale_after_days: 10, escalate_after_days: 5 };
        for day in [today - Days::new(400), today, today + Days::new(100), today + Days::new(800)] {
            for patience in [Patience::default(), strict] {
                let judged = Judgement { today: day, patience };
                let pulses = db.drawer_page(org, Reach::Organisation, None, Judgement { today: day, patience: Patience::default() }, 0, 10_000).await.unwrap().lines;
                let health = |p: &storage::AgreementPulse| judge(p.pulse, p.last_activity, day, patience);
                let all = db.drawer_page(org, Reach::Organisation, None, judged, 0, 10_000).await.unwrap();
                assert_eq!(all.lines.len(), pulses.len());
                assert_eq!(all.total(), pulses.len());
                let urgency: Vec<_> = all.lines.iter().map(|p| health(p).urgency()).collect();
                assert!(urgency.is_sorted_by(|a, b| a >= b), "{day} {patience:?}: {urgency:?}");
                for count in &all.per_unit {
                    let of_unit: Vec<Health> = pulses.iter().filter(|p| p.unit_id == count.unit).map(health).collect();
                    assert_eq!(count.agreements, of_unit.len());
                    assert_eq!(count.stale, of_unit.iter().filter(|h| h.stale).count(), "{day} {patience:?}");
                    assert_eq!(count.escalated, of_unit.iter().filter(|h| h.escalated).count(), "{day} {patience:?}");
                }
                let page = db.drawer_page(org, Reach::Organisation, None, judged, 2, 3).await.unwrap();
                assert_eq!(page.lines, all.lines[2..5]);
                let unit = all.lines[0].unit_id;
                let one = db.drawer_page(org, Reach::Organisation, Some(&[unit]), judged, 0, 10_000).await.unwrap();
                assert!(one.lines.iter().all(|p| p.unit_id == unit) && !one.lines.is_empty());
                for (reader, hr) in [(peter, false), (peter, true), (head, false), (head, true), (mette, false)] {
                    let answering = tree.answering_to(reader);
                    let led: Vec<_> = tree.walk().iter().filter(|(_, u)| u.leader_id == Some(reader)).flat_map(|(_, u)| tree.subtree(u.id)).collect();
                    let unit_of = |id| people.iter().find(|p| p.id == id).map(|p| p.unit_id).unwrap();
                    let party = |p: &&storage::AgreementPulse| p.employee_id == reader || p.leader_id == reader;
                    let told_of = |p: &&storage::AgreementPulse| {
                        let h = health(p);
                        !party(p) && ((h.escalated && answering.includes(p.leader_id, unit_of(p.leader_id)) && led.contains(&p.unit_id)) || (hr && h.overdue_commitments > 0))
                    };
                    let mut own: Vec<_> = pulses.iter().filter(|p| health(p).stale && party(p)).map(|p| p.conversation_id).collect();
                    // The lines are in urgency order, and so are the told ones among them.
                    let told: Vec<_> = all.lines.iter().filter(told_of).map(|p| p.conversation_id).collect();
                    for limit in [1, 2, 10_000] {
                        let found = db.drawer_flags(org, judged, reader, Told { sent_on: Some((&answering, &led)), hr }, limit).await.unwrap();
                        let mut found_own: Vec<_> = found.own.iter().map(|p| p.conversation_id).collect();
                        found_own.sort();
                        own.sort();
                        assert_eq!(found_own, own, "{day} {patience:?} {hr}");
                        let found_told: Vec<_> = found.told.iter().map(|p| p.conversation_id).collect();
                        assert_eq!(found_told, told[..told.len().min(limit as usize)], "{day} {patience:?} {hr} {limit}");
                        assert_eq!(found.told_total, told.len());
                    }
                    told_somewhere |= !told.is_empty() && !hr;
                }
            }
        }
        assert!(told_somewhere, "some agreement is sent on to the leader above");
    }

    async fn conversations_waiting_for_signatures_page_and_count_in_the_database(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let today = today();
        let bound = unsigned_since(today);
        let all = db.unsigned_agreements(org, Reach::Organisation, bound).await.unwrap();
        assert!(all.len() >= 2, "the demo has conversations held without a signed agreement");
        for u in &all {
            assert!(unsigned_too_long(u.held_at, today).is_some(), "{u:?}");
        }
        let (page, total) = db.unsigned_page(org, Reach::Organisation, None, bound, 0, 10_000).await.unwrap();
        assert_eq!((page.len(), total), (all.len(), all.len()));
        assert!(page.iter().map(|u| u.held_at).is_sorted(), "longest waiting first");
        let (second, same) = db.unsigned_page(org, Reach::Organisation, None, bound, 1, 1).await.unwrap();
        assert_eq!((second[0].conversation_id, same), (page[1].conversation_id, total));
        let (past, still) = db.unsigned_page(org, Reach::Organisation, None, bound, total as u64, 10).await.unwrap();
        assert_eq!((past.len(), still), (0, total), "a page past the end still says how many there are");
        let unit = page[0].unit_id;
        let (of_unit, n) = db.unsigned_page(org, Reach::Organisation, Some(&[unit]), bound, 0, 10_000).await.unwrap();
        assert!(of_unit.iter().all(|u| u.unit_id == unit));
        assert_eq!(n, all.iter().filter(|u| u.unit_id == unit).count());
        // A hundred days ago fewer had waited too long.
        let earlier = unsigned_since(today - Days::new(100));
        assert!(db.unsigned_page(org, Reach::Organisation, None, earlier, 0, 10).await.unwrap().1 < total);
    }
}
