//! The organisation's effect dashboard counted ahead of its viewers. Counting its figures from
//! nothing takes many seconds at 50,000 people (every cycle, for the trend), and again every
//! day (what is overdue or stale is judged by the day); counts kept in memory are brought up to
//! date in a fraction of a second. So the server counts them when it starts and every minute
//! after: a viewer finds them counted, but for the changes of the last minute. Where every
//! cycle's conversations stand, per unit, is counted ahead the same way for HR's lists.

use domain::cycle::{CycleState, newest_first};
use domain::effect::serving_pairs;
use storage::{Db, Judgement, Reach, today};

/// Counts, for every organisation, what its effect dashboard shows at organisation level, as
/// [`crate::pages::effect_data`] asks for it: every cycle's figures, and the answers of the
/// two newest cycles with every unit's count of them; and every cycle's stages per unit.
pub async fn count_ahead(db: &Db) -> storage::Result<()> {
    let today = today();
    for org in db.organisations().await? {
        let goals = db.goal_tree(org.id).await?;
        let pairs = serving_pairs(&goals);
        let judged = Judgement {
            today,
            patience: org.settings.patience,
        };
        let cycles = newest_first(db.cycles(org.id).await?);
        for cycle in &cycles {
            db.effect_counts(org.id, cycle, judged, &pairs).await?;
        }
        let ids: Vec<_> = cycles.iter().map(|c| c.id).collect();
        db.count_stages_ahead(org.id, &ids).await?;
        for cycle in cycles.iter().take(2) {
            db.answers(org.id, cycle.id, Reach::Organisation).await?;
            if cycle.state == CycleState::Closed {
                db.answer_counts(org.id, cycle.id).await?;
            }
        }
    }
    Ok(())
}
