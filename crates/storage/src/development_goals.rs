//! The development goals of the agreements and the follow-ups' reviews of them as rows
//! (migration 0030), written beside the documents in the same transaction, so that the effect
//! figures of many agreements are counted by the database.

use crate::Result;
use crate::db::Conn;
use crate::schema::{
    DevelopmentGoalCompetences, DevelopmentGoalLinks, DevelopmentGoals, GoalReviews,
};
use domain::ConversationId;
use domain::agreement::Terms;
use domain::followup::{FollowUp, Status};
use sea_query::{Expr, InsertStatement, Query};

/// Replaces a conversation's development goal rows by those of `terms`.
pub(crate) async fn write_development_goals(
    c: &mut Conn<'_>,
    conversation: ConversationId,
    terms: &Terms,
) -> Result<()> {
    // Their links and competences go with them (ON DELETE CASCADE).
    c.exec(
        Query::delete()
            .from_table(DevelopmentGoals::Table)
            .and_where(Expr::col(DevelopmentGoals::ConversationId).eq(conversation.0)),
    )
    .await?;
    if terms.goals.is_empty() {
        return Ok(());
    }
    let mut goals = Query::insert()
        .into_table(DevelopmentGoals::Table)
        .columns([DevelopmentGoals::ItemId, DevelopmentGoals::ConversationId])
        .to_owned();
    let mut links = Query::insert()
        .into_table(DevelopmentGoalLinks::Table)
        .columns([DevelopmentGoalLinks::ItemId, DevelopmentGoalLinks::GoalId])
        .to_owned();
    let mut competences = Query::insert()
        .into_table(DevelopmentGoalCompetences::Table)
        .columns([
            DevelopmentGoalCompetences::ItemId,
            DevelopmentGoalCompetences::CompetenceId,
        ])
        .to_owned();
    let (mut any_link, mut any_competence) = (false, false);
    for goal in &terms.goals {
        goals.values_panic([goal.id.0.into(), conversation.0.into()]);
        let mut linked = goal.text.strategic_goals.clone();
        linked.sort();
        linked.dedup();
        for g in linked {
            links.values_panic([goal.id.0.into(), g.0.into()]);
            any_link = true;
        }
        let mut built = goal.text.competences.clone();
        built.sort();
        built.dedup();
        for b in built {
            competences.values_panic([goal.id.0.into(), b.0.into()]);
            any_competence = true;
        }
    }
    c.exec(&goals).await?;
    exec_if(c, any_link, &links).await?;
    exec_if(c, any_competence, &competences).await
}

/// Replaces a follow-up's review rows: one per reviewed goal once it is held, none before.
pub(crate) async fn write_goal_reviews(c: &mut Conn<'_>, f: &FollowUp) -> Result<()> {
    c.exec(
        Query::delete()
            .from_table(GoalReviews::Table)
            .and_where(Expr::col(GoalReviews::FollowUpId).eq(f.id.0)),
    )
    .await?;
    let Some(held_at) = f.held_at else {
        return Ok(());
    };
    let mut reviews = Query::insert()
        .into_table(GoalReviews::Table)
        .columns([
            GoalReviews::FollowUpId,
            GoalReviews::ItemId,
            GoalReviews::HeldAt,
            GoalReviews::Done,
        ])
        .to_owned();
    for review in &f.reviews {
        reviews.values_panic([
            f.id.0.into(),
            review.goal.0.into(),
            held_at.into(),
            (review.status == Status::Done).into(),
        ]);
    }
    exec_if(c, !f.reviews.is_empty(), &reviews).await
}

/// An insert of no rows is not a statement.
async fn exec_if(c: &mut Conn<'_>, any: bool, insert: &InsertStatement) -> Result<()> {
    if any {
        c.exec(insert).await?;
    }
    Ok(())
}
