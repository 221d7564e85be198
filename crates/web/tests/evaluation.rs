//! Evaluating a held conversation: each party once, never changed, never read by the other;
//! and a leader's own results, shown only in whole blocks of the anonymity threshold.

use domain::preparation::Side;
use reqwest::StatusCode;
use testkit::demo::{LANE, PETER, conversation_of};
use testkit::{TestApp, both_backends};

fn answers(scores: [&str; 4], comment: &str) -> Vec<(&'static str, String)> {
    let mut fields: Vec<(&'static str, String)> = ["equals", "strategy", "priorities", "worth"]
        .into_iter()
        .zip(scores.map(str::to_owned))
        .collect();
    fields.push(("comment", comment.to_owned()));
    fields
}

/// The figures of a leader's results page: the table and the comments, without the counts.
fn figures(page: &str) -> String {
    let start = page.find("<table").expect("figures are shown");
    let rest = &page[start..];
    rest[..rest.find("</ul>").unwrap_or(rest.len())].to_owned()
}

both_backends! {
    async fn a_party_evaluates_a_held_conversation_once(app: &TestApp) {
        let conversation = conversation_of(app, "anne@maelkeboetten.dk").await;
        let path = format!("/conversations/{}/evaluation", conversation.id);
        app.db.execute_raw("DELETE FROM conversation_evaluations").await.unwrap();
        let anne = app.login("anne@maelkeboetten.dk").await;

        // Every answer is needed, each from 1 to 5; the form comes back with what was typed.
        let response = anne.post_owned(&path, &answers(["5", "", "4", "4"], "Tak for en god snak")).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        assert!(body.contains("Svar på alle fire spørgsmål") && body.contains("Tak for en god snak"), "{body}");
        let response = anne.post_owned(&path, &answers(["5", "9", "4", "4"], "")).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(app.db.evaluation(conversation.id, Side::Employee).await.unwrap().is_none());

        let response = anne.post_owned(&path, &answers(["5", "3", "4", "4"], "Tak for en god snak")).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        let (_, shown) = anne.page(&path).await;
        assert!(shown.contains("Du evaluerede samtalen") && shown.contains("Tak for en god snak"));
        assert!(!shown.contains("<form method=\"post\" action=\"/conversations"), "no second form");

        // Given is given: a second try is refused and changes nothing.
        let again = anne.post_owned(&path, &answers(["1", "1", "1", "1"], "")).await;
        assert_eq!(again.status(), StatusCode::CONFLICT);
        let stored = app.db.evaluation(conversation.id, Side::Employee).await.unwrap().unwrap();
        assert_eq!(stored.comment, "Tak for en god snak");

        // Peter, the other party, answers for himself and never sees hers.
        let peter = app.login(PETER).await;
        let (status, his) = peter.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!his.contains("Tak for en god snak") && his.contains("Send evalueringen"));
        assert_eq!(peter.post_owned(&path, &answers(["4", "4", "4", "4"], "")).await.status(), StatusCode::SEE_OTHER);
        assert!(app.db.evaluation(conversation.id, Side::Leader).await.unwrap().is_some());
    }

    async fn a_conversation_not_yet_held_cannot_be_evaluated(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let path = format!("/conversations/{}/evaluation", conversation.id);
        let lane = app.login(LANE).await;
        let (status, page) = lane.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("kan evalueres, når den er holdt"));
        let refused = lane.post_owned(&path, &answers(["5", "5", "5", "5"], "")).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(refused.text().await.unwrap().contains("først evalueres, når den er holdt"));
        assert!(app.db.evaluation(conversation.id, Side::Employee).await.unwrap().is_none());
    }

    async fn a_closed_cycle_takes_no_more_evaluations(app: &TestApp) {
        // Ida's conversation last year was held but never evaluated; the cycle is closed.
        let ida = testkit::demo::person(&app.db, "ida@maelkeboetten.dk").await;
        let last_year = testkit::demo::cycle(app, "MUS 2025").await;
        let conversation = app.db.conversation_of(ida.org_id, last_year.id, ida.id).await.unwrap().unwrap();
        let path = format!("/conversations/{}/evaluation", conversation.id);
        let session = app.login("ida@maelkeboetten.dk").await;
        let (_, page) = session.page(&path).await;
        assert!(page.contains("Runden er lukket") && !page.contains("Send evalueringen"), "{page}");
        let refused = session.post_owned(&path, &answers(["5", "5", "5", "5"], "")).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(app.db.evaluation(conversation.id, Side::Employee).await.unwrap().is_none());
    }

    async fn a_leader_sees_results_only_in_whole_blocks(app: &TestApp) {
        // Peter's employees have given five answers over two years: he sees them.
        let peter = app.login(PETER).await;
        let (status, before) = peter.page("/evaluations").await;
        assert_eq!(status, StatusCode::OK);
        assert!(before.contains("Tallene bygger på 5 af 5 svar"), "{before}");
        assert!(before.contains("Meget bedre kobling til forældrearbejdet i år."));
        assert!(!before.contains("Lane Andersen") && !before.contains("Anne Thomsen"), "no names");

        // Lane's conversation is held and she evaluates it: a sixth answer. Nothing Peter can
        // see changes, so her answer cannot be read off by comparing before and after.
        let conversation = conversation_of(app, LANE).await;
        assert_eq!(peter.post(&format!("/conversations/{}/held", conversation.id), &[]).await.status(), StatusCode::SEE_OTHER);
        let lane = app.login(LANE).await;
        let path = format!("/conversations/{}/evaluation", conversation.id);
        assert_eq!(lane.post_owned(&path, &answers(["1", "1", "1", "1"], "Det var spild af tid.")).await.status(), StatusCode::SEE_OTHER);
        let (_, after) = peter.page("/evaluations").await;
        assert!(after.contains("Tallene bygger på 5 af 6 svar"), "{after}");
        assert_eq!(figures(&after), figures(&before));
        assert!(!after.contains("spild af tid"));

        // The export holds the figures shown, nothing newer.
        let csv = peter.get("/evaluations.csv").await;
        assert_eq!(csv.status(), StatusCode::OK);
        let csv = csv.text().await.unwrap();
        assert!(csv.starts_with("Spørgsmål,Gennemsnit,1,2,3,4,5,Svar i tallene"), "{csv}");
        assert!(csv.contains("Samtalen var tiden værd,4.40,0,0,0,3,2,5"), "{csv}");
        assert!(!csv.contains("spild af tid"));

        // Sofie has three answers: held back. Lane leads nobody.
        let (_, sofie) = app.login("sofie@maelkeboetten.dk").await.page("/evaluations").await;
        assert!(sofie.contains("3 svar indtil nu; tallene vises, når der er 5") && !sofie.contains("<table"), "{sofie}");
        assert!(!sofie.contains("Vi nåede ikke det hele"));
        assert_eq!(lane.get("/evaluations").await.status(), StatusCode::FORBIDDEN);
        assert_eq!(lane.get("/evaluations.csv").await.status(), StatusCode::FORBIDDEN);
        let sofies = app.login("sofie@maelkeboetten.dk").await.get("/evaluations.csv").await.text().await.unwrap();
        assert_eq!(sofies.lines().count(), 1, "only the header while held back: {sofies}");
    }
}
