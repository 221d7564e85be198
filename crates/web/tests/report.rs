//! The joint committee's yearly evaluation: unit by unit where nobody can be singled out,
//! effect and feedback as counts, for HR and the leadership only.

use reqwest::StatusCode;
use testkit::demo::{ADMIN, HEAD, HR, LANE, LEADER, cycle, other_org};
use testkit::{TestApp, both_backends};

both_backends! {
    async fn the_report_shows_units_and_counts_but_nobody(app: &TestApp) {
        let last = cycle(app, "MUS 2025").await.id;
        let path = format!("/cycles/{last}/report");
        let (status, page) = app.login(HR).await.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        // Of the eight units only the organisation and Børnehaven stand alone: Vuggestuen (7)
        // would leave the four people outside both departments to be worked out.
        assert!(page.contains(">Mælkebøtten</th><td class=\"num\">20</td><td>11 af 20 (55 %)</td><td>10 af 20 (50 %)</td>"), "{page}");
        assert!(page.contains(">Børnehaven</th><td class=\"num\">9</td><td>7 af 9 (78 %)</td>"), "{page}");
        for hidden in [">Vuggestuen<", ">Grøn stue<", ">Rød stue<", ">Køkken og administration<"] {
            assert!(!page.contains(hidden), "{hidden}");
        }
        assert!(page.contains("6 enheder har for få personer til at stå alene"));
        // The intended effect, measured; the closed cycle's answers for the whole organisation.
        assert!(page.contains("Højst hver tiende aftale går i skuffen.") && page.contains("ikke nået"));
        assert!(page.contains("Medarbejderne: Samtalen var en dialog mellem ligeværdige</th><td>4,0 (8 svar)"), "{page}");
        for name in ["Lane Andersen", "Sofie Dahl", "Ali Hassan", "Emma Friis", "Peter Lund"] {
            assert!(!page.contains(name), "{name} named in the report");
        }

        // This year's feedback: counts only, the anonymous ones still held back.
        let open = cycle(app, "MUS 2026").await.id;
        let (_, now) = app.login(HEAD).await.page(&format!("/cycles/{open}/report")).await;
        assert!(now.contains("Delt med ledelsen af 1: barrierer 1 · muligheder 0 · konkrete dilemmaer 1. Taget op af ledelsen: 0 · besvaret: 0 · svar uden navn, der holdes tilbage: 4."), "{now}");
        assert!(!now.contains("Sofie Dahl") && !now.contains("inviterer forældrene"), "no names, no texts");
    }

    async fn only_hr_and_the_leadership_make_the_report(app: &TestApp) {
        let last = cycle(app, "MUS 2025").await.id;
        let path = format!("/cycles/{last}/report");
        for (email, status) in [(HR, 200), (HEAD, 200), (LEADER, 403), (LANE, 403), (ADMIN, 403)] {
            assert_eq!(app.login(email).await.get(&path).await.status().as_u16(), status, "{email}");
        }
        let (_, stranger) = other_org(app).await;
        assert_eq!(app.login(stranger).await.get(&path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.login(HR).await.get("/cycles/not-an-id/report").await.status(), StatusCode::NOT_FOUND);
    }
}
