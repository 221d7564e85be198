//! The effect dashboards on the demo: the right figures at each level, each opening to its
//! parts as far as the viewer may see them, as CSV too, and nobody outside their scope.

use chrono::Days;
use domain::agreement::Progress;
use domain::conversation::TIME_ZONE;
use domain::drawer::Patience;
use domain::effect::{CycleRecord, Figure, Figures, Signed, serving_pairs};
use domain::{PersonId, UnitId};
use reqwest::StatusCode;
use std::collections::{HashMap, HashSet};
use storage::{Backend, Judgement, Reach, Superseded, now, today};
use testkit::demo::{HEAD, HR, LANE, LEADER, PETER, cycle, other_org, person};
use testkit::{TestApp, both_backends};

async fn unit(app: &TestApp, name: &str) -> String {
    let org = person(&app.db, HEAD).await.org_id;
    app.db
        .unit_tree(org)
        .await
        .unwrap()
        .by_name(name)
        .unwrap()
        .id
        .to_string()
}

/// The text of the table row that starts with `label` (tags removed, spaces collapsed).
fn row(page: &str, label: &str) -> String {
    let at = page
        .find(&format!(">{label}<"))
        .unwrap_or_else(|| panic!("{label} in {page}"));
    let end = at + page[at..].find("</tr>").unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in page[at..end].chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

both_backends! {
    async fn the_head_sees_the_organisation_this_cycle_against_the_last(app: &TestApp) {
        let head = app.login(HEAD).await;
        let (status, page) = head.page("/effect").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Effekt: Mælkebøtten") && page.contains("20 personer"), "{page}");
        // This year 16 of 20 are scheduled (Sommerfuglen not yet, the head has nobody above her)
        // and 2 held; last year 11 were held and 10 agreements signed.
        assert_eq!(row(&page, "Samtaler planlagt"), "Samtaler planlagt 16 af 20 80 % 11 af 20 55 %");
        assert_eq!(row(&page, "Samtaler holdt"), "Samtaler holdt 2 af 20 10 % 11 af 20 55 %");
        assert_eq!(row(&page, "Udviklingsaftaler underskrevet"), "Udviklingsaftaler underskrevet 0 af 20 0 % 10 af 20 50 %");
        // Nothing this year serves the focus goals yet: both are gaps.
        assert!(page.contains("Fokusmål, som intet udviklingsmål tjener: Styrk dialogen med forældrene, Et sundt og trygt arbejdsmiljø")
            || page.contains("Fokusmål, som intet udviklingsmål tjener: Et sundt og trygt arbejdsmiljø, Styrk dialogen med forældrene"), "{page}");

        // The trend over both cycles, oldest first.
        let trend = &page[page.find("Udviklingen over runderne").expect("a trend section")..];
        assert_eq!(row(trend, "Samtaler holdt"), "Samtaler holdt 55 % 10 % MUS 2025: 55 % MUS 2026: 10 %", "the numbers, then each bar titled");
        assert!(trend.contains("aria-label=\"Samtaler holdt – MUS 2025: 55 %; MUS 2026: 10 %\""), "{trend}");

        // Last year's cycle against nothing before it: the parents goal was served by three
        // development goals, one of them through its sub-goal.
        let last = cycle(app, "MUS 2025").await.id;
        let (_, page) = head.page(&format!("/effect?cycle={last}")).await;
        assert_eq!(row(&page, "Styrk dialogen med forældrene"), "Styrk dialogen med forældrene 3 0");
        assert_eq!(row(&page, "Handlinger over frist"), "Handlinger over frist 2 af 12 17 %");
        assert_eq!(row(&page, "Aftaler ved at gå i skuffen"), "Aftaler ved at gå i skuffen 5 af 10 50 %");
    }

    async fn each_level_sees_its_own_and_nothing_outside(app: &TestApp) {
        let green = unit(app, "Grøn stue").await;
        let red = unit(app, "Rød stue").await;
        let root = unit(app, "Mælkebøtten").await;
        let peter = app.login(PETER).await;
        let (_, page) = peter.page("/effect").await;
        assert!(page.contains("Effekt: Grøn stue") && page.contains("4 personer"), "a leader starts at his unit: {page}");
        for path in [format!("/effect?unit={red}"), format!("/effect?unit={root}"), format!("/effect.csv?unit={red}")] {
            assert_eq!(peter.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        // Mette leads Børnehaven, which holds both rooms.
        let mette = app.login(LEADER).await;
        assert_eq!(mette.get(&format!("/effect?unit={red}")).await.status(), StatusCode::OK);
        assert_eq!(mette.get(&format!("/effect?unit={green}")).await.status(), StatusCode::OK);

        // Lane sees her own figures and nobody else's.
        let lane = app.login(LANE).await;
        let (status, page) = lane.page("/effect").await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Effekt: Lane Andersen") && page.contains("1 person"), "{page}");
        let anne = person(&app.db, "anne@maelkeboetten.dk").await.id;
        for path in [format!("/effect?unit={green}"), format!("/effect?person={anne}"), format!("/effect?scope=person%3D{anne}")] {
            assert_eq!(lane.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        // Peter may open the figures of a person he leads.
        assert_eq!(peter.get(&format!("/effect?person={anne}")).await.status(), StatusCode::OK);

        // Another organisation's administrator sees none of Mælkebøtten.
        let (_, stranger) = other_org(app).await;
        let other = app.login(stranger).await;
        assert_eq!(other.get(&format!("/effect?unit={root}")).await.status(), StatusCode::NOT_FOUND);
        for bad in ["/effect?unit=not-an-id", "/effect?scope=bogus%3D1", "/effect/parts?figure=nonsense"] {
            assert_eq!(peter.get(bad).await.status(), StatusCode::NOT_FOUND, "{bad}");
        }
    }

    async fn a_figure_opens_to_what_the_viewer_may_see(app: &TestApp) {
        let green = unit(app, "Grøn stue").await;
        let last = cycle(app, "MUS 2025").await.id;
        let path = format!("/effect/parts?unit={green}&cycle={last}&figure=overdue");
        // Peter held Lane's conversation: he sees which action is overdue.
        let (status, page) = app.login(PETER).await.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Lane Andersen") && page.contains("Sprogmappe for hvert barn"), "{page}");
        assert!(page.contains("Grøn stue, MUS 2025: 1 af 6"), "Peter's own agreement is in his unit too: {page}");
        // Mette, the leader above, sees whose it is but not what the agreement says.
        let (_, page) = app.login(LEADER).await.page(&path).await;
        assert!(page.contains("Lane Andersen") && !page.contains("Sprogmappe for hvert barn"), "{page}");

        // The administrator sees the organisation's figures but no one's conversation page:
        // names without links that would only lead to "not found".
        let scheduled = format!("/effect/parts?cycle={last}&figure=held");
        let (_, page) = app.login(testkit::demo::ADMIN).await.page(&scheduled).await;
        let lane = person(&app.db, LANE).await.id;
        assert!(page.contains("Lane Andersen") && !page.contains(&format!("/people/{lane}")), "{page}");

        // The red thread opens too: which development goals serve the parents goal.
        let parents = testkit::demo::goal(app, "Styrk dialogen med forældrene").await.id;
        let thread = format!("/effect/parts?cycle={last}&goal={parents}");
        let (status, page) = app.login(HEAD).await.page(&thread).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Udviklingsmål, der tjener »Styrk dialogen med forældrene«") && page.contains("3 af 11"), "{page}");
        assert!(page.contains("Ali Hassan") && !page.contains("Flersprogede forældre føler sig velkomne"), "whose, not what");
        let (_, page) = app.login(PETER).await.page(&format!("/effect/parts?unit={green}&cycle={last}&goal={parents}")).await;
        assert!(page.contains("Flersprogede forældre føler sig velkomne") && page.contains("1 af 5"), "{page}");
        let bad = format!("/effect/parts?cycle={last}&goal=00000000-0000-0000-0000-000000000000");
        assert_eq!(app.login(HEAD).await.get(&bad).await.status(), StatusCode::NOT_FOUND);
    }

    async fn the_dashboard_exports_to_csv(app: &TestApp) {
        let response = app.login(HR).await.get("/effect.csv").await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
        let body = response.text().await.unwrap();
        let lines: Vec<&str> = body.lines().collect();
        assert_eq!(lines[0], "Hvem,Runde,Tal,Del,Helhed,Procent");
        assert!(lines.contains(&"Mælkebøtten,MUS 2025,Samtaler holdt,11,20,55"), "{body}");
        assert!(lines.contains(&"Mælkebøtten,MUS 2026,Samtaler holdt,2,20,10"), "{body}");
        assert!(lines.iter().any(|l| l.starts_with("Mælkebøtten,MUS 2025,Udviklingsmål, der tjener »Styrk dialogen med forældrene«") || l.starts_with("Mælkebøtten,MUS 2025,\"Udviklingsmål, der tjener »Styrk dialogen med forældrene«\",3,")), "{body}");
    }

    async fn personal_answers_never_single_anyone_out(app: &TestApp) {
        let last = cycle(app, "MUS 2025").await.id;
        let equals = "Medarbejderne: Samtalen var en dialog mellem ligeværdige";
        let head = app.login(HEAD).await;
        // The whole organisation: eight employees evaluated last year's conversations.
        let (_, page) = head.page(&format!("/effect?cycle={last}")).await;
        assert_eq!(row(&page, equals), format!("{equals} 4,0 (8 svar)"));
        assert_eq!(row(&page, "Lederne: Samtalen var en dialog mellem ligeværdige"), "Lederne: Samtalen var en dialog mellem ligeværdige 4,0 (8 svar)");
        // This year's cycle is open: its answers wait until it is closed.
        let (_, page) = head.page("/effect").await;
        assert_eq!(row(&page, equals), format!("{equals} vises, når runden er lukket 4,0 (8 svar)"));

        // Børnehaven holds seven of the eight: enough on its own, but the organisation minus
        // Børnehaven would be Emma's answer alone. Nobody sees Børnehaven's, not even the head.
        let kindergarten = unit(app, "Børnehaven").await;
        let path = format!("/effect?unit={kindergarten}&cycle={last}");
        for email in [LEADER, HEAD] {
            let (_, page) = app.login(email).await.page(&path).await;
            assert_eq!(row(&page, equals), format!("{equals} for få svar til at blive vist"), "{email}");
        }
        let csv = |body: String| body.lines().filter(|l| l.contains("Medarbejderne:")).count();
        let kindergarten_csv = head.get(&format!("/effect.csv?unit={kindergarten}&cycle={last}")).await.text().await.unwrap();
        assert_eq!(csv(kindergarten_csv), 0, "not in the export either");
        let whole_csv = head.get(&format!("/effect.csv?cycle={last}")).await.text().await.unwrap();
        assert_eq!(csv(whole_csv), 4, "the organisation's four questions");

        // With a threshold of 3, Grøn stue (4 answers) shows; Rød stue (3) gives way, since
        // the organisation minus both rooms would again be Emma alone.
        let org = person(&app.db, HEAD).await.org_id;
        let settings = domain::org::Settings::read("3", "30", "60", "30").unwrap();
        app.db.update_settings(org, settings).await.unwrap();
        let green = unit(app, "Grøn stue").await;
        let red = unit(app, "Rød stue").await;
        let (_, page) = head.page(&format!("/effect?unit={green}&cycle={last}")).await;
        assert_eq!(row(&page, equals), format!("{equals} 4,0 (4 svar)"));
        let (_, page) = head.page(&format!("/effect?unit={red}&cycle={last}")).await;
        assert_eq!(row(&page, equals), format!("{equals} for få svar til at blive vist"));
        // One person's figures never show answers, whatever the threshold.
        let (_, page) = app.login(LANE).await.page(&format!("/effect?cycle={last}")).await;
        assert_eq!(row(&page, equals), format!("{equals} for få svar til at blive vist"));
    }

    async fn disclosure_is_decided_from_every_unit_s_count_of_answers(app: &TestApp) {
        // A team's dashboard reads its own answers only; whether it may show them depends on
        // the count of every unit, which the database gives without the answers.
        let org = person(&app.db, HEAD).await.org_id;
        let unit_of: HashMap<_, _> = app.db.people(org).await.unwrap().into_iter().map(|p| (p.id, p.unit_id)).collect();
        let mut clear = 0;
        for name in ["MUS 2025", "MUS 2026"] {
            let id = cycle(app, name).await.id;
            let counts = app.db.answer_counts(org, id).await.unwrap();
            let given = app.db.answers(org, id, Reach::Organisation).await.unwrap();
            let mut evaluations: HashMap<_, HashMap<_, usize>> = HashMap::new();
            for (p, e) in &given.evaluations {
                *evaluations.entry(e.side).or_default().entry(unit_of[p]).or_default() += 1;
            }
            let mut clarity: HashMap<_, HashMap<_, usize>> = HashMap::new();
            for (p, goal, _) in &given.clarity {
                *clarity.entry(*goal).or_default().entry(unit_of[p]).or_default() += 1;
            }
            assert_eq!(counts.evaluations, evaluations, "{name}");
            assert_eq!(counts.clarity, clarity, "{name}");
            clear += clarity.values().flat_map(|u| u.values()).sum::<usize>();
        }
        assert!(clear > 0, "the demo's shared feedback says how clear its goals are");
        let last = cycle(app, "MUS 2025").await.id;
        let counts = app.db.answer_counts(org, last).await.unwrap();
        assert_eq!(counts.evaluations.values().flat_map(|u| u.values()).sum::<usize>(), 16, "eight employees' and eight leaders'");

        // Kept in memory while nothing changes; what any instance changes is counted at the
        // next read: someone moving to another unit, feedback withdrawn.
        let before = app.db.queries();
        let kept = app.db.answer_counts(org, last).await.unwrap();
        assert_eq!(app.db.queries() - before, 1, "one read of the revision");
        assert!(std::sync::Arc::ptr_eq(&counts, &kept));
        let elsewhere = storage::Db::connect(&app.db.url).await.unwrap();
        let (mover, _) = app.db.answers(org, last, Reach::Organisation).await.unwrap().evaluations[0];
        let mut moved = app.db.person(org, mover).await.unwrap();
        let (from, to) = (moved.unit_id, app.db.unit_tree(org).await.unwrap().root().unwrap().id);
        assert_ne!(from, to);
        moved.unit_id = to;
        elsewhere.update_person(&moved).await.unwrap();
        let after = app.db.answer_counts(org, last).await.unwrap();
        let total = |c: &storage::AnswerCounts, unit| c.evaluations.values().map(|u| u.get(&unit).copied().unwrap_or(0)).sum::<usize>();
        assert_eq!(total(&after, from) + 2, total(&counts, from), "both sides' evaluations of the mover's conversation");
        assert_eq!(total(&after, to), total(&counts, to) + 2);
        let open = cycle(app, "MUS 2026").await.id;
        let clear = |c: &storage::AnswerCounts| c.clarity.values().flat_map(|u| u.values()).sum::<usize>();
        let before = app.db.answer_counts(org, open).await.unwrap();
        let (giver, _, _) = app.db.answers(org, open, Reach::Organisation).await.unwrap().clarity[0];
        let conversation = app.db.conversation_of(org, open, giver).await.unwrap().unwrap();
        let answers = app.db.answers(org, open, Reach::Organisation).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&answers, &app.db.answers(org, open, Reach::Organisation).await.unwrap()), "the organisation's answers are kept too");
        elsewhere.save_feedback(&conversation, &[]).await.unwrap();
        assert!(clear(&app.db.answer_counts(org, open).await.unwrap()) < clear(&before));
        let now_given = app.db.answers(org, open, Reach::Organisation).await.unwrap();
        assert!(now_given.clarity.len() < answers.clarity.len() && !now_given.clarity.iter().any(|(p, _, _)| *p == giver));
        assert!(std::sync::Arc::ptr_eq(&after, &app.db.answer_counts(org, last).await.unwrap()), "another cycle's answers leave these");

        // Which units may show them is worked out from the counts once, and again when the
        // answers, the unit tree or the threshold change.
        let context = || async { app.db.user_context(person(&app.db, HEAD).await.id).await.unwrap().unwrap() };
        let disclosed = |threshold| async move {
            let user = context().await;
            let tree = app.db.unit_tree(org).await.unwrap();
            app.db.disclosed(org, last, &tree, user.revisions, threshold).await.unwrap()
        };
        let shown = disclosed(1).await;
        let expected = |counts: &storage::AnswerCounts, tree: &domain::org::UnitTree, threshold| {
            counts.evaluations.iter().map(|(side, own)| (*side, domain::disclosure::disclosable(tree, own, threshold))).collect::<HashMap<_, _>>()
        };
        let tree = app.db.unit_tree(org).await.unwrap();
        assert_eq!(shown.evaluations, expected(&after, &tree, 1));
        assert!(std::sync::Arc::ptr_eq(&shown, &disclosed(1).await), "kept");
        assert_eq!(disclosed(2).await.evaluations, expected(&after, &tree, 2), "another threshold");
        // A unit moved to the top, at a threshold where that changes what may be shown.
        let root = tree.root().unwrap().id;
        let moved_to_top = |unit: domain::UnitId| {
            let units = tree.walk().into_iter().map(|(_, u)| u.clone());
            domain::org::UnitTree::new(units.map(|mut u| { if u.id == unit { u.parent_id = Some(root); } u }).collect())
        };
        let (team, threshold) = tree.walk().into_iter().map(|(_, u)| u.id)
            .filter(|u| *u != root && tree.get(*u).unwrap().parent_id != Some(root))
            .flat_map(|u| (1..=8).map(move |t| (u, t)))
            .find(|(u, t)| expected(&after, &tree, *t) != expected(&after, &moved_to_top(*u), *t))
            .expect("a move that changes what may be shown");
        let before_move = disclosed(threshold).await;
        elsewhere.move_unit(org, team, root).await.unwrap();
        let moved = app.db.unit_tree(org).await.unwrap();
        assert_eq!(disclosed(threshold).await.evaluations, expected(&after, &moved, threshold), "the tree another instance changed");
        assert_ne!(before_move.evaluations, expected(&after, &moved, threshold));
        // The mover back where they were, at a threshold where that changes what may be shown.
        let threshold = (1..=8).find(|t| expected(&after, &moved, *t) != expected(&counts, &moved, *t)).expect("a threshold the mover decides");
        assert_eq!(disclosed(threshold).await.evaluations, expected(&after, &moved, threshold));
        let mut back = app.db.person(org, mover).await.unwrap();
        back.unit_id = from;
        elsewhere.update_person(&back).await.unwrap();
        assert_eq!(disclosed(threshold).await.evaluations, expected(&counts, &moved, threshold), "the answers' units");
        elsewhere.close().await;
    }

    async fn the_leadership_sets_the_effect_it_wants_and_sees_it_measured(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await.id;
        let last = cycle(app, "MUS 2025").await.id;
        let head = app.login(HEAD).await;
        let (_, page) = head.page("/effect").await;
        // 2 of 20 held so far against a target of 95 %; no agreement yet to count.
        assert_eq!(row(&page, "Alle har haft deres samtale, før runden slutter."), "Alle har haft deres samtale, før runden slutter. Andel: Holdt inden for runden 95 % 10 % ikke nået");
        assert!(row(&page, "Hver anden udviklingsaftale styrker dialogen med forældrene.").ends_with("50 % kan ikke måles endnu —"));
        assert!(row(&page, "Samtalerne opleves som tiden værd.").ends_with("4,0 vises, når runden er lukket —"));
        let (_, page) = head.page(&format!("/effect?cycle={last}")).await;
        assert!(row(&page, "Højst hver tiende aftale går i skuffen.").ends_with("10 % 50 % ikke nået"), "fewer is better");

        // Bad input is refused with the form as typed, and nothing is added.
        let path = format!("/cycles/{open}/intentions");
        let before = app.db.intentions(person(&app.db, HEAD).await.org_id, open).await.unwrap().len();
        for (text, metric, target, message) in [
            ("Flere holdte samtaler", "share:held", "120", "Målet skal være en procent fra 0 til 100"),
            ("", "share:held", "90", "Beskriv hensigten"),
            ("Flere holdte samtaler", "share:nothing", "90", ""),
            ("Gode samtaler", "evaluation:worth", "7", "Målet skal være"),
        ] {
            let response = head.post(&path, &[("text", text), ("metric", metric), ("target", target)]).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{metric} {target}");
            let body = response.text().await.unwrap();
            assert!(body.contains(message) && body.contains(text), "{body}");
        }
        let org = person(&app.db, HEAD).await.org_id;
        assert_eq!(app.db.intentions(org, open).await.unwrap().len(), before);

        let added = head.post(&path, &[("text", "Alle aftaler følges op"), ("metric", "share:follow-ups-held"), ("target", "90")]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let all = app.db.intentions(org, open).await.unwrap();
        let new = all.iter().find(|i| i.text == "Alle aftaler følges op").unwrap();

        // Only the leadership sets or removes them.
        let delete = format!("/cycles/{open}/intentions/{}/delete", new.id);
        for email in [HR, LEADER, LANE] {
            let session = app.login(email).await;
            assert_eq!(session.post(&path, &[("text", "x"), ("metric", "share:held"), ("target", "1")]).await.status(), StatusCode::FORBIDDEN);
            assert_eq!(session.post(&delete, &[]).await.status(), StatusCode::FORBIDDEN);
        }
        let (_, stranger) = other_org(app).await;
        assert_eq!(app.login(stranger).await.get(&path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.db.intentions(org, open).await.unwrap().len(), before + 1);
        assert_eq!(head.post(&delete, &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(head.post(&delete, &[]).await.status(), StatusCode::NOT_FOUND, "gone");
        assert_eq!(app.db.intentions(org, open).await.unwrap().len(), before);
    }

    async fn the_database_counts_every_figure_as_the_dashboard_computes_it(app: &TestApp) {
        let db = &app.db;
        let org = person(db, HEAD).await.org_id;
        let goals = db.goal_tree(org).await.unwrap();
        let pairs = serving_pairs(&goals);
        let tree = db.unit_tree(org).await.unwrap();
        let people = db.people(org).await.unwrap();
        let signed = db.signed_agreements(org, Reach::Organisation, Superseded::Included).await.unwrap();
        let follow_ups = db.all_follow_ups(org, Reach::Organisation).await.unwrap();
        let done_at = db.done_at(org, Reach::Organisation).await.unwrap();
        let active = |p: &&domain::person::Person| p.active;
        let everyone: HashSet<PersonId> = people.iter().filter(active).map(|p| p.id).collect();
        // Every unit alone and with the units below it: the committee report's lines add up
        // the counts per unit.
        let mut groups: Vec<(Vec<UnitId>, HashSet<PersonId>)> = Vec::new();
        for (_, unit) in tree.walk() {
            for units in [vec![unit.id], tree.subtree(unit.id).into_iter().collect()] {
                let theirs = people.iter().filter(active).filter(|p| units.contains(&p.unit_id)).map(|p| p.id).collect();
                groups.push((units, theirs));
            }
        }
        let today = today();
        let mut counted_somewhere: HashSet<Figure> = HashSet::new();
        for cycle in db.cycles(org).await.unwrap() {
            let conversations = db.conversations(org, cycle.id, Reach::Organisation).await.unwrap();
            let signed: Vec<Signed> = signed.iter().filter(|s| s.cycle_id == cycle.id).map(|s| Signed { employee: s.employee_id, agreement: &s.agreement, last_activity: s.last_activity }).collect();
            let record = CycleRecord { cycle: &cycle, conversations: &conversations, signed: &signed, follow_ups: &follow_ups, done_at: &done_at };
            for day in [today - Days::new(400), today, today + Days::new(300)] {
                for patience in [Patience::default(), Patience { stale_after_days: 10, escalate_after_days: 5 }] {
                    let judged = Judgement { today: day, patience };
                    let expected = Figures::of(&record, &everyone, &goals, day, patience);
                    let counted = db.effect_counts(org, &cycle, judged, &pairs).await.unwrap();
                    assert_eq!(counted.figures(&goals, &cycle.focus_goals), expected, "{} {day}", cycle.name);
                    counted_somewhere.extend(expected.shares.iter().filter(|(_, s)| s.part > 0).map(|(f, _)| *f));
                    let per_unit = db.effect_per_unit(org, &cycle, judged, &pairs).await.unwrap();
                    for (units, people) in &groups {
                        let expected = Figures::of(&record, people, &goals, day, patience);
                        let mut tally = domain::effect::Tally::default();
                        units.iter().filter_map(|u| per_unit.get(u)).for_each(|t| tally.add(t));
                        assert_eq!((tally.people, tally.counted(HashMap::new()).shares), (expected.people, expected.shares), "{} {day} {units:?}", cycle.name);
                    }
                }
            }
        }
        let last_year = cycle(app, "MUS 2025").await;
        // The demo holds something of every figure, so that each comparison can fail.
        assert_eq!(counted_somewhere.len(), Figure::ALL.len(), "{counted_somewhere:?}");
        let thread = db.effect_counts(org, &last_year, Judgement { today, patience: Patience::default() }, &pairs).await.unwrap();
        assert!(thread.served.values().any(|s| s.dev_goals > 1 && s.competences > 0), "{thread:?}");

        // Done on time is decided on the day in Copenhagen: half past midnight after the day
        // it was due is late, though still that day in UTC.
        let open = signed.iter().find(|s| everyone.contains(&s.employee_id) && s.agreement.terms.goals.iter().flat_map(|g| &g.actions).any(|a| a.progress != Progress::Done)).unwrap();
        let (employee, conversation) = (open.employee_id, open.agreement.conversation_id);
        let cycle = db.cycles(org).await.unwrap().into_iter().find(|c| c.id == open.cycle_id).unwrap();
        let action = open.agreement.terms.goals.iter().flat_map(|g| &g.actions).find(|a| a.progress != Progress::Done).unwrap().id;
        let judged = Judgement { today, patience: Patience::default() };
        let done = || async {
            let counted = db.effect_counts(org, &cycle, judged, &pairs).await.unwrap().figures(&goals, &cycle.focus_goals);
            let done_at = db.done_at(org, Reach::Organisation).await.unwrap();
            let signed = db.signed_agreements(org, Reach::Organisation, Superseded::Included).await.unwrap();
            let signed: Vec<Signed> = signed.iter().filter(|s| s.cycle_id == cycle.id).map(|s| Signed { employee: s.employee_id, agreement: &s.agreement, last_activity: s.last_activity }).collect();
            let conversations = db.conversations(org, cycle.id, Reach::Organisation).await.unwrap();
            let follow_ups = db.all_follow_ups(org, Reach::Organisation).await.unwrap();
            let record = CycleRecord { cycle: &cycle, conversations: &conversations, signed: &signed, follow_ups: &follow_ups, done_at: &done_at };
            assert_eq!(counted, Figures::of(&record, &everyone, &goals, today, Patience::default()));
            (counted.share(Figure::ActionsDone).part, counted.share(Figure::DoneOnTime).part)
        };
        let (was_done, was_on_time) = done().await;
        for (minutes, on_time) in [(-30, 1), (30, 0)] {
            let mut next = db.agreement(conversation).await.unwrap().unwrap();
            let reported = next.terms.goals.iter_mut().flat_map(|g| g.actions.iter_mut()).find(|a| a.id == action).unwrap();
            reported.progress = Progress::Done;
            let midnight = (reported.due + Days::new(1)).and_hms_opt(0, 0, 0).unwrap().and_local_timezone(TIME_ZONE).unwrap();
            let report = domain::progress::ProgressUpdate { conversation_id: conversation, item: action, by: employee, at: (midnight + chrono::Duration::minutes(minutes)).to_utc(), progress: Progress::Done, note: String::new() };
            next.revision += 1;
            db.save_agreement(&next, next.revision - 1, Some(&report), &[]).await.unwrap();
            assert_eq!(done().await, (was_done + 1, was_on_time + on_time), "{minutes} minutes from midnight");
        }

        // The migration's rows from the documents are those every save writes.
        let before = db.effect_counts(org, &last_year, Judgement { today, patience: Patience::default() }, &pairs).await.unwrap();
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0030_development_goals.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0030_development_goals.sql"),
        };
        let (rows, days) = migration.split_once("ALTER TABLE progress_updates").unwrap();
        let rows = &rows[rows.find("INSERT INTO").unwrap()..];
        let days = &days[days.find("UPDATE").unwrap()..];
        db.execute_raw("DELETE FROM goal_reviews; DELETE FROM development_goal_links; DELETE FROM development_goal_competences; DELETE FROM development_goals; UPDATE progress_updates SET day = NULL").await.unwrap();
        db.execute_raw(rows).await.unwrap();
        db.execute_raw(days).await.unwrap();
        // Counted afresh: what these tables feed is kept in memory under revisions that only
        // the saves move.
        let fresh = storage::Db::connect(&db.url).await.unwrap();
        let after = fresh.effect_counts(org, &last_year, Judgement { today, patience: Patience::default() }, &pairs).await.unwrap();
        assert_eq!(after, before);
        fresh.close().await;
    }

    async fn a_unit_s_dashboard_shows_the_same_from_the_kept_counts_as_from_its_history(app: &TestApp) {
        let (peter, head) = (app.login(PETER).await, app.login(HEAD).await);
        let green = unit(app, "Grøn stue").await;
        let pages = [(&peter, "/effect".to_string()), (&head, format!("/effect?unit={green}"))];
        let mut read = Vec::new();
        for (who, path) in &pages {
            let before = app.db.queries();
            let (status, page) = who.page(path).await;
            assert_eq!(status, StatusCode::OK);
            read.push((page, app.db.queries() - before));
        }
        web::pages::effect_ahead::count_ahead(&app.db).await.unwrap();
        for ((who, path), (from_history, history_queries)) in pages.iter().zip(&read) {
            let before = app.db.queries();
            let (_, from_kept) = who.page(path).await;
            assert_eq!(&from_kept, from_history, "{path}");
            assert!(app.db.queries() - before < *history_queries, "{path}: no history read");
        }
    }

    async fn the_dashboard_is_counted_ahead_of_its_first_viewer(app: &TestApp) {
        web::pages::effect_ahead::count_ahead(&app.db).await.unwrap();
        let head = app.login(HEAD).await;
        head.page("/").await;
        let before = app.db.queries();
        let (status, _) = head.page("/effect").await;
        assert_eq!(status, StatusCode::OK);
        let first = app.db.queries() - before;
        let before = app.db.queries();
        head.page("/effect").await;
        assert_eq!(first, app.db.queries() - before, "the first view counted nothing");
    }

    async fn the_organisation_s_figures_are_kept_until_anything_they_count_changes(app: &TestApp) {
        let db = &app.db;
        let org = person(db, HEAD).await.org_id;
        let pairs = serving_pairs(&db.goal_tree(org).await.unwrap());
        let today = today();
        let judged = Judgement { today, patience: Patience::default() };
        let (last, open) = (cycle(app, "MUS 2025").await, cycle(app, "MUS 2026").await);
        let counts = |db: &storage::Db, cycle: &domain::cycle::Cycle| {
            let (db, cycle, pairs) = (db.clone(), cycle.clone(), pairs.clone());
            async move { db.effect_counts(org, &cycle, judged, &pairs).await.unwrap() }
        };
        let part = |c: &domain::effect::Counted, figure| c.shares.iter().find(|(f, _)| *f == figure).unwrap().1.part;
        let before = db.queries();
        let kept = counts(db, &last).await;
        let count = db.queries() - before;
        // Viewers arriving while the figures are counted wait for that count.
        let other = storage::Db::connect(&db.url).await.unwrap();
        let (first, second) = tokio::join!(counts(&other, &last), counts(&other, &last));
        assert_eq!((&first, &second), (&kept, &kept));
        assert_eq!(other.queries(), count + 2, "counted once; the second looked twice");
        other.close().await;
        let before = db.queries();
        assert_eq!(counts(db, &last).await, kept);
        assert_eq!(db.queries() - before, 1, "one read of the revision");
        // Another day, or another patience, is counted again.
        let later = db.effect_counts(org, &last, Judgement { today: today + Days::new(400), ..judged }, &pairs).await.unwrap();
        assert!(part(&later, Figure::Overdue) >= part(&kept, Figure::Overdue));
        assert_eq!(counts(db, &last).await, kept, "and today's again");

        // What any instance changes is counted at the next read: an action reported done, a
        // follow-up held, someone moving or leaving. Only the units changed are counted again;
        // every unit's counts must be what a fresh count says.
        let elsewhere = storage::Db::connect(&db.url).await.unwrap();
        let recounted = |cycle: &domain::cycle::Cycle| {
            let (db, cycle, pairs) = (db, cycle.clone(), pairs.clone());
            async move {
                let before = db.queries();
                let counts = db.effect_counts(org, &cycle, judged, &pairs).await.unwrap();
                let queries = db.queries() - before;
                let per_unit = db.effect_per_unit(org, &cycle, judged, &pairs).await.unwrap();
                let fresh = storage::Db::connect(&db.url).await.unwrap();
                assert_eq!(counts, fresh.effect_counts(org, &cycle, judged, &pairs).await.unwrap());
                assert_eq!(per_unit, fresh.effect_per_unit(org, &cycle, judged, &pairs).await.unwrap());
                fresh.close().await;
                (counts, per_unit, queries)
            }
        };
        let signed = db.signed_agreements(org, Reach::Organisation, Superseded::Included).await.unwrap();
        let reported = signed.iter().find(|s| s.cycle_id == last.id && s.agreement.terms.goals.iter().flat_map(|g| &g.actions).any(|a| a.progress != Progress::Done)).unwrap();
        let mut next = reported.agreement.clone();
        let action = next.terms.goals.iter_mut().flat_map(|g| g.actions.iter_mut()).find(|a| a.progress != Progress::Done).unwrap();
        action.progress = Progress::Done;
        let report = domain::progress::ProgressUpdate { conversation_id: next.conversation_id, item: action.id, by: reported.employee_id, at: now(), progress: Progress::Done, note: String::new() };
        next.revision += 1;
        elsewhere.save_agreement(&next, next.revision - 1, Some(&report), &[]).await.unwrap();
        let (done, _, queries) = recounted(&last).await;
        assert_eq!(part(&done, Figure::ActionsDone), part(&kept, Figure::ActionsDone) + 1);
        // The revision and the units changed (which a first count needs not), asked again when it
        // is this count's turn, and their counts.
        assert_eq!(queries, count + 2, "the revision, the units changed, and their counts");

        let follow_ups = db.all_follow_ups(org, Reach::Organisation).await.unwrap();
        let unheld = follow_ups.iter().find(|f| f.held_at.is_none() && f.due <= today && signed.iter().any(|s| s.cycle_id == last.id && s.agreement.conversation_id == f.conversation_id)).unwrap();
        let mut held = unheld.clone();
        held.held_at = Some(now());
        held.revision += 1;
        elsewhere.save_follow_up(&held, unheld.revision).await.unwrap();
        let (after, per_unit, _) = recounted(&last).await;
        assert_eq!(part(&after, Figure::FollowUpsHeld), part(&done, Figure::FollowUpsHeld) + 1);

        // Someone moving changes both units' counts and not the organisation's.
        let mut moving = db.person(org, reported.employee_id).await.unwrap();
        let (from, to) = (moving.unit_id, *per_unit.keys().find(|u| **u != moving.unit_id).unwrap());
        moving.unit_id = to;
        elsewhere.update_person(&moving).await.unwrap();
        let (moved, moved_per_unit, _) = recounted(&last).await;
        assert_eq!(moved, after);
        assert_eq!(moved_per_unit[&to].people, per_unit[&to].people + 1);
        assert_eq!(moved_per_unit.get(&from).map_or(0, |t| t.people) + 1, per_unit[&from].people);

        let open_kept = counts(db, &open).await;
        let mut leaving = db.person(org, reported.employee_id).await.unwrap();
        leaving.active = false;
        elsewhere.update_person(&leaving).await.unwrap();
        assert_eq!(recounted(&last).await.0.people + 1, after.people);
        assert_eq!(recounted(&open).await.0.people + 1, open_kept.people, "every cycle counts its people again");
        elsewhere.close().await;
    }
}
