//! The generated organisation's years: a cycle per year, and for each person and year the
//! conversation with preparation, contract, agreement, progress, follow-ups, evaluation and
//! strategic feedback, as far as that year has come.

use super::org::{Org, parallelism};
use super::text::{GOALS_DA, GOALS_EN, answer};
use super::{Shape, rng_for};
use anyhow::{Context, Result};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use domain::agreement::{Action, Agreement, Commitment, Edit, GoalText, Progress};
use domain::contract::{Contract, Item, List};
use domain::conversation::{Conversation, Schedule, parse_local_time};
use domain::cycle::{Cycle, CycleState, Timeline};
use domain::dialogue::{Feedback, Visibility};
use domain::evaluation::{Evaluation, Scores};
use domain::followup::{FollowUp, ReviewInput};
use domain::intention::Intention;
use domain::preparation::{Answer, Preparation, Side};
use domain::progress::ProgressUpdate;
use domain::questions::{QuestionKind, Version, default_questions};
use domain::{ConversationId, CycleId, GoalId};
use futures_util::{StreamExt, TryStreamExt, stream};
use rand::Rng;
use rand::seq::SliceRandom;
use std::collections::BTreeMap;
use storage::Db;

/// A year's cycle: the oldest first, the last one open now.
pub struct Year {
    pub cycle: Cycle,
    pub current: bool,
}

/// What the benchmark needs of one person's conversation this year.
pub struct ThisYear {
    pub person: usize,
    pub conversation: ConversationId,
    /// Not yet held, and the employee's preparation not yet shared: a draft they may save.
    pub draft: bool,
}

/// One cycle a year, ending with the one open today: a window from six weeks ago to a month
/// ahead, so that today some conversations are held and some are coming.
pub async fn cycles(
    db: &Db,
    org: &Org,
    shape: Shape,
    today: NaiveDate,
) -> Result<(Vec<Year>, Version)> {
    let set = db
        .create_question_set(org.id, "Standard", &default_questions())
        .await?;
    let count = shape.cycles();
    let mut years = Vec::new();
    for k in 0..count {
        let back = Duration::days(365 * (count - 1 - k) as i64);
        let day = |offset: i64| today - back + Duration::days(offset);
        let timeline = Timeline::new(
            day(-60),
            day(-45),
            day(30),
            vec![day(100), day(190)],
            day(300),
        )?;
        let mut focus_goals = vec![org.goals[k % 4].id, org.goals[(k + 1) % 4].id];
        focus_goals.sort();
        let current = k + 1 == count;
        let cycle = Cycle {
            id: CycleId::new(),
            org_id: org.id,
            name: format!("MUS {}", timeline.conversations_from().year()),
            intention: "I år skal MUS forbinde hver medarbejders udvikling med et af organisationens mål, og vi vil høre, hvad der står i vejen for at handle efter strategien i hverdagen.".to_owned(),
            state: if current { CycleState::Open } else { CycleState::Closed },
            timeline,
            focus_goals,
            question_set: Some(set.id),
        };
        db.insert_cycle(&cycle).await?;
        for (text, metric, target) in [
            (
                "Mindst halvdelen af handlingerne gennemføres til tiden.",
                "share:actions-on-time",
                "50",
            ),
            (
                "Alle har haft deres samtale, før runden slutter.",
                "share:held-on-time",
                "95",
            ),
            (
                "Samtalerne opleves som tiden værd.",
                "evaluation:worth",
                "4",
            ),
        ] {
            db.add_intention(org.id, &Intention::read(cycle.id, text, metric, target)?)
                .await?;
        }
        years.push(Year { cycle, current });
    }
    Ok((years, set.current))
}

/// Every person's years, several people at once where the backend allows it. Returns this
/// year's conversations.
pub async fn histories(
    db: &Db,
    org: &Org,
    years: &[Year],
    version: &Version,
    seed: u64,
    today: NaiveDate,
) -> Result<Vec<ThisYear>> {
    let people: Vec<(usize, usize)> = (0..org.people.len())
        .filter_map(|p| org.host(p).map(|host| (p, host)))
        .collect();
    let total = people.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let this_year = stream::iter(people)
        .map(|(person, host)| {
            let done = &done;
            async move {
                let mut this_year = None;
                for (y, year) in years.iter().enumerate() {
                    let mut rng = rng_for(seed, person + 1, y + 1);
                    let life = Life {
                        db,
                        org,
                        year,
                        version,
                        person,
                        host,
                        today,
                    };
                    this_year = life.live(&mut rng).await?;
                }
                let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
                if n.is_multiple_of(5000) {
                    eprintln!("  {n} of {total} people");
                }
                anyhow::Ok(this_year)
            }
        })
        .buffer_unordered(parallelism(db))
        .try_collect::<Vec<_>>()
        .await?;
    let mut this_year: Vec<ThisYear> = this_year.into_iter().flatten().collect();
    this_year.sort_by_key(|t| t.person);
    Ok(this_year)
}

/// One person's conversation in one year.
struct Life<'a> {
    db: &'a Db,
    org: &'a Org,
    year: &'a Year,
    version: &'a Version,
    person: usize,
    host: usize,
    today: NaiveDate,
}

impl Life<'_> {
    async fn live(&self, rng: &mut impl Rng) -> Result<Option<ThisYear>> {
        let cycle = &self.year.cycle;
        let org = self.org;
        let mut conversation =
            Conversation::new(cycle, org.people[self.person].id, org.people[self.host].id);
        // A few are never scheduled.
        if rng.gen_ratio(1, 25) {
            self.db.save_conversation(&conversation).await?;
            return Ok(self.this_year(&conversation, false));
        }
        let timeline = &cycle.timeline;
        let window = (timeline.conversations_to() - timeline.conversations_from()).num_days();
        let day =
            working_day(timeline.conversations_from() + Duration::days(rng.gen_range(0..=window)))
                .clamp(timeline.conversations_from(), timeline.conversations_to());
        let hour = ["08:30", "10:00", "12:30", "14:00"][rng.gen_range(0..4)];
        let starts_at = parse_local_time(&format!("{day}T{hour}"))?;
        conversation.schedule = Some(Schedule {
            starts_at,
            duration_minutes: 60,
            place: "Mødelokalet".to_owned(),
            video_link: None,
            agenda_note: "Vi starter med sidste års aftale og tager derefter årets fokus."
                .to_owned(),
            preparation_deadline: day - Duration::days(3),
        });
        conversation.version = Some(self.version.id);
        let held = day < self.today && rng.gen_ratio(19, 20);
        if held {
            conversation.held_at = Some(starts_at + Duration::hours(1));
        }
        self.db.save_conversation(&conversation).await?;
        let english = org.people[self.person].english;
        // Before the conversation: some have shared, some are writing, some have not begun.
        let (employee_shares, employee_writes) = match held {
            true => (true, true),
            false => (rng.gen_ratio(3, 10), rng.gen_ratio(6, 10)),
        };
        if employee_writes {
            self.prepare(&conversation, Side::Employee, employee_shares, english, rng)
                .await?;
        }
        if held || rng.gen_ratio(3, 10) {
            self.prepare(&conversation, Side::Leader, true, english, rng)
                .await?;
        }
        if held {
            self.after(&conversation, english, rng).await?;
        }
        Ok(self.this_year(&conversation, !held && !employee_shares))
    }

    fn this_year(&self, conversation: &Conversation, draft: bool) -> Option<ThisYear> {
        self.year.current.then_some(ThisYear {
            person: self.person,
            conversation: conversation.id,
            draft,
        })
    }

    async fn prepare(
        &self,
        conversation: &Conversation,
        side: Side,
        share: bool,
        english: bool,
        rng: &mut impl Rng,
    ) -> Result<()> {
        let choices = &self.year.cycle.focus_goals;
        let mut answers = BTreeMap::new();
        for (index, question) in self.version.questions.iter().enumerate() {
            // The leader answers fewer questions than the employee.
            if side == Side::Leader && !rng.gen_ratio(1, 3) {
                continue;
            }
            let answer = match question.kind {
                QuestionKind::Text => {
                    let sentences = rng.gen_range(1..=4);
                    Answer::Text(answer(rng, english, sentences))
                }
                QuestionKind::Scale { .. } => Answer::Scale(rng.gen_range(2..=5)),
                QuestionKind::Goals => {
                    Answer::Goals(vec![*choices.choose(rng).context("focus goal")?])
                }
            };
            answers.insert(index, answer);
        }
        let prep = Preparation::new(conversation.id, side).save(0, answers)?;
        let prep = if share { prep.share() } else { prep };
        self.db.save_preparation(&prep, 0).await?;
        Ok(())
    }

    /// The contract, the agreement and how it was followed; the evaluation and the feedback.
    async fn after(
        &self,
        conversation: &Conversation,
        english: bool,
        rng: &mut impl Rng,
    ) -> Result<()> {
        let held_at = conversation.held_at.context("held")?;
        let (employee, leader) = (conversation.employee_id, conversation.leader_id);
        if rng.gen_ratio(9, 10) {
            let items = [List::CountOn, List::Expected, List::FromOrganisation]
                .into_iter()
                .flat_map(|list| {
                    let lines = rng.gen_range(1..=2);
                    (0..lines)
                        .map(|_| Item {
                            list,
                            text: answer(rng, english, 1),
                        })
                        .collect::<Vec<_>>()
                })
                .collect();
            let contract = Contract::start(conversation.id, None)
                .edit(0, items)?
                .confirm(1, true)?
                .confirm(2, false)?;
            self.db.save_contract(&contract, 0).await?;
        }
        if rng.gen_ratio(1, 2) {
            for (side, after) in [(Side::Employee, 20), (Side::Leader, 26)] {
                let scores = Scores::new([
                    rng.gen_range(2..=5),
                    rng.gen_range(2..=5),
                    rng.gen_range(2..=5),
                    rng.gen_range(3..=5),
                ])?;
                let comment = if rng.gen_ratio(1, 4) {
                    answer(rng, english, 1)
                } else {
                    String::new()
                };
                let at = held_at + Duration::hours(after);
                let evaluation = Evaluation::give(conversation, side, scores, &comment, at)?;
                self.db.give_evaluation(conversation, &evaluation).await?;
            }
        }
        if rng.gen_ratio(3, 10) {
            let feedback = Feedback {
                goal_id: *self
                    .year
                    .cycle
                    .focus_goals
                    .choose(rng)
                    .context("focus goal")?,
                contribution: answer(rng, english, 2),
                hard_situations: answer(rng, english, 1),
                what_then: String::new(),
                opportunities: answer(rng, english, 1),
                barriers: answer(rng, english, 1),
                clarity: Some(rng.gen_range(1..=5)),
                visibility: if rng.gen_ratio(7, 10) {
                    Visibility::Anonymous
                } else {
                    Visibility::Named
                },
            };
            self.db.save_feedback(conversation, &[feedback]).await?;
        }
        if rng.gen_ratio(1, 12) {
            return Ok(()); // No agreement written.
        }
        let mut agreement = Agreement::new(conversation.id);
        let serves = self.serves(rng);
        let goals = rng.gen_range(1..=2);
        for g in 0..goals {
            let (title, success, action, promise) = if english {
                GOALS_EN[rng.gen_range(0..GOALS_EN.len())]
            } else {
                GOALS_DA[rng.gen_range(0..GOALS_DA.len())]
            };
            let competence = *self.org.competences.choose(rng).context("competence")?;
            let due = held_at.date_naive() + Duration::days(rng.gen_range(60..=300));
            let edits = [
                Edit::AddGoal(GoalText::read(
                    title,
                    success,
                    "medium",
                    serves.clone(),
                    vec![competence],
                )?),
                Edit::AddAction(
                    g,
                    Action::read(action, "on-the-job", employee, &due.to_string())?,
                ),
            ];
            for edit in edits {
                agreement = agreement.change(agreement.revision, Side::Leader, held_at, edit)?;
            }
            if rng.gen_ratio(1, 3) {
                let due = (due - Duration::days(30)).to_string();
                let promise = Commitment::read(promise, "course-place", leader, &due)?;
                agreement = agreement.change(
                    agreement.revision,
                    Side::Leader,
                    held_at,
                    Edit::AddCommitment(promise),
                )?;
            }
        }
        agreement = agreement.sign(agreement.revision, Side::Employee, held_at, true)?;
        if rng.gen_ratio(1, 25) {
            self.db.save_agreement(&agreement, 0, None, &[]).await?;
            return Ok(()); // The leader never signed.
        }
        agreement = agreement.sign(agreement.revision, Side::Leader, held_at, true)?;
        let planned: Vec<FollowUp> = self
            .year
            .cycle
            .timeline
            .follow_ups()
            .iter()
            .map(|due| FollowUp::new(conversation.id, *due))
            .collect();
        // Progress as far as the year has come, with the last report's note.
        let items: Vec<_> = agreement
            .terms
            .goals
            .iter()
            .flat_map(|g| g.actions.iter().map(|a| (a.id, a.due)))
            .chain(
                agreement
                    .terms
                    .commitments
                    .iter()
                    .map(|c| (c.id, c.due.unwrap_or(promise_due(held_at)))),
            )
            .collect();
        let mut report = None;
        for (item, due) in items {
            let progress = if due < self.today {
                [
                    Progress::Done,
                    Progress::Done,
                    Progress::Started,
                    Progress::Dropped,
                ][rng.gen_range(0..4)]
            } else {
                [Progress::Planned, Progress::Started][rng.gen_range(0..2)]
            };
            if progress == Progress::Planned {
                continue;
            }
            agreement = agreement.report(agreement.revision, item, progress)?;
            let at = (held_at
                + Duration::days(
                    rng.gen_range(
                        20..=due
                            .signed_duration_since(held_at.date_naive())
                            .num_days()
                            .max(21),
                    ),
                ))
            .min(parse_local_time(&format!("{}T12:00", self.today))?);
            report = Some(ProgressUpdate {
                conversation_id: conversation.id,
                item,
                by: employee,
                at,
                progress,
                note: answer(rng, english, 1),
            });
        }
        self.db
            .save_agreement(&agreement, 0, report.as_ref(), &planned)
            .await?;
        let goals: Vec<_> = agreement.terms.goals.iter().map(|g| g.id).collect();
        for follow_up in planned.iter().filter(|f| f.due < self.today) {
            if rng.gen_ratio(1, 5) {
                continue; // Not held: the drawer will notice.
            }
            let note = answer(rng, english, 1);
            let inputs: Vec<ReviewInput> = goals
                .iter()
                .map(|goal| ReviewInput {
                    goal: *goal,
                    progress: &note,
                    status: ["on-track", "on-track", "at-risk", "done"][rng.gen_range(0..4)],
                    reason: "",
                    note: "",
                })
                .collect();
            let held = follow_up
                .record(0, Side::Employee, &agreement, &inputs)?
                .record(1, Side::Leader, &agreement, &inputs)?
                .hold(2, parse_local_time(&format!("{}T13:00", follow_up.due))?)?;
            self.db.save_follow_up(&held, 0).await?;
        }
        Ok(())
    }

    /// The strategic goals the person's development serves: a focus goal and, where there is
    /// one, the goal nearest them that serves it.
    fn serves(&self, rng: &mut impl Rng) -> Vec<GoalId> {
        let focus = &self.year.cycle.focus_goals;
        let root = focus[rng.gen_range(0..focus.len())];
        let mut serves = vec![root];
        let near = self
            .org
            .goals_above(self.org.people[self.person].unit)
            .into_iter()
            .rfind(|g| {
                self.org.goals[self.org.goals[*g].root].id == root && self.org.goals[*g].id != root
            });
        if let Some(near) = near {
            serves.push(self.org.goals[near].id);
        }
        serves
    }
}

/// A promise without a date is measured a quarter after the conversation.
fn promise_due(held_at: chrono::DateTime<chrono::Utc>) -> NaiveDate {
    held_at.date_naive() + Duration::days(90)
}

/// The day itself on a weekday; a Saturday moves to the Friday before, a Sunday to Monday.
fn working_day(day: NaiveDate) -> NaiveDate {
    match day.weekday() {
        Weekday::Sat => day - Duration::days(1),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    }
}
