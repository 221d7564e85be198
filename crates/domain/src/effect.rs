//! Effect: did the conversations of a cycle work, for a group of people — one person, a team, a
//! department or the whole organisation? Coverage of the cycle, follow-through of the
//! agreements, the red thread from strategic goals to development, and the development goals
//! achieved. Every figure is a count of parts that can be listed, so that each can be opened to
//! see what it is made of.

use crate::agreement::{Agreement, Progress};
use crate::conversation::{Conversation, TIME_ZONE};
use crate::cycle::Cycle;
use crate::drawer::{Patience, assess};
use crate::followup::{FollowUp, Status};
use crate::ids::{CompetenceId, ConversationId, GoalId, ItemId, PersonId};
use crate::strategy::GoalTree;
use chrono::{DateTime, NaiveDate, Utc};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A part of a whole: "12 of 18".
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// The share in whole per cent; none of nothing.
    pub fn percent(self) -> Option<usize> {
        (self.whole > 0).then(|| (self.part * 100 + self.whole / 2) / self.whole)
    }
}

/// A signed agreement and when anything last happened on it.
#[derive(Clone, Copy, Debug)]
pub struct Signed<'a> {
    pub employee: PersonId,
    pub agreement: &'a Agreement,
    pub last_activity: DateTime<Utc>,
}

/// Everything a cycle's figures are made of, for the whole organisation; [`Figures::of`]
/// picks out a group.
#[derive(Clone, Copy)]
pub struct CycleRecord<'a> {
    pub cycle: &'a Cycle,
    pub conversations: &'a [Conversation],
    pub signed: &'a [Signed<'a>],
    pub follow_ups: &'a [FollowUp],
    /// When each action or commitment reported done was last reported so.
    pub done_at: &'a HashMap<ItemId, DateTime<Utc>>,
}

/// Which figure, so that it can be opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Figure {
    Scheduled,
    Held,
    HeldOnTime,
    Signed,
    ActionsDone,
    DoneOnTime,
    Overdue,
    FollowUpsHeld,
    Stale,
    Achieved,
}

impl Figure {
    pub const ALL: [Figure; 10] = [
        Figure::Scheduled,
        Figure::Held,
        Figure::HeldOnTime,
        Figure::Signed,
        Figure::ActionsDone,
        Figure::DoneOnTime,
        Figure::Overdue,
        Figure::FollowUpsHeld,
        Figure::Stale,
        Figure::Achieved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Figure::Scheduled => "scheduled",
            Figure::Held => "held",
            Figure::HeldOnTime => "held-on-time",
            Figure::Signed => "signed",
            Figure::ActionsDone => "actions-done",
            Figure::DoneOnTime => "actions-on-time",
            Figure::Overdue => "overdue",
            Figure::FollowUpsHeld => "follow-ups-held",
            Figure::Stale => "stale",
            Figure::Achieved => "achieved",
        }
    }

    pub fn parse(s: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.as_str() == s)
    }
}

/// One thing a figure counts or could have counted: a person's conversation, an action, a
/// follow-up, a development goal. `counted` says whether it is in the part.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    pub person: PersonId,
    pub conversation: Option<ConversationId>,
    /// The item's own words (an action, a development goal), empty for a conversation.
    pub text: Cow<'a, str>,
    pub counted: bool,
}

/// How one strategic goal is served by development in the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalServed {
    pub goal: GoalId,
    /// How far below an organisation goal it sits.
    pub depth: usize,
    /// Development goals linked to it or to a goal below it.
    pub dev_goals: usize,
    /// The distinct competences those development goals build.
    pub competences: usize,
    /// One of the cycle's focus goals.
    pub in_focus: bool,
}

/// A group's figures for one cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct Figures {
    pub people: usize,
    pub shares: Vec<(Figure, Share)>,
    /// Every strategic goal, in the tree's order, with the development serving it.
    pub red_thread: Vec<GoalServed>,
    /// The cycle's focus goals that no development goal serves.
    pub gaps: Vec<GoalId>,
    pub dev_goals: usize,
}

impl Figures {
    pub fn share(&self, figure: Figure) -> Share {
        self.shares
            .iter()
            .find(|(f, _)| *f == figure)
            .map(|(_, s)| *s)
            .unwrap_or_default()
    }

    /// The figures of `people` in a cycle, as they stand on `today`.
    pub fn of(
        record: &CycleRecord,
        people: &HashSet<PersonId>,
        goals: &GoalTree,
        today: NaiveDate,
        patience: Patience,
    ) -> Figures {
        let group = Group::new(record, people, today, patience);
        let share = |figure| {
            let all = group.parts(figure);
            Share {
                part: all.iter().filter(|p| p.counted).count(),
                whole: all.len(),
            }
        };
        let signed: Vec<&Signed> = record
            .signed
            .iter()
            .filter(|s| people.contains(&s.employee))
            .collect();
        let dev_goals: Vec<_> = signed
            .iter()
            .flat_map(|s| s.agreement.terms.goals.iter())
            .collect();
        // A development goal serves the goals it names and every goal above them.
        let mut served: HashMap<GoalId, (usize, HashSet<CompetenceId>)> = HashMap::new();
        for goal in &dev_goals {
            let mut serves: HashSet<GoalId> = HashSet::new();
            for linked in &goal.text.strategic_goals {
                serves.extend(goals.path(*linked).iter().map(|g| g.id));
            }
            for id in serves {
                let entry = served.entry(id).or_default();
                entry.0 += 1;
                entry.1.extend(goal.text.competences.iter().copied());
            }
        }
        Counted {
            people: people.len(),
            shares: Figure::ALL.into_iter().map(|f| (f, share(f))).collect(),
            served: served
                .into_iter()
                .map(|(goal, (n, competences))| {
                    (
                        goal,
                        Served {
                            dev_goals: n,
                            competences: competences.len(),
                        },
                    )
                })
                .collect(),
            dev_goals: dev_goals.len(),
        }
        .figures(goals, &record.cycle.focus_goals)
    }
}

/// A group's shares of a cycle. They add up: every part belongs to one person, so a unit's are
/// the sum of its people's and a subtree's the sum of its units'.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub people: usize,
    /// In the order of [`Figure::ALL`].
    pub shares: [Share; Figure::ALL.len()],
}

impl Tally {
    pub fn share(&self, figure: Figure) -> Share {
        Figure::ALL
            .iter()
            .position(|f| *f == figure)
            .map(|i| self.shares[i])
            .unwrap_or_default()
    }

    pub fn set(&mut self, figure: Figure, share: Share) {
        if let Some(i) = Figure::ALL.iter().position(|f| *f == figure) {
            self.shares[i] = share;
        }
    }

    pub fn add(&mut self, other: &Tally) {
        self.people += other.people;
        for (mine, theirs) in self.shares.iter_mut().zip(other.shares) {
            mine.part += theirs.part;
            mine.whole += theirs.whole;
        }
    }

    /// With the red thread of the same group: what its figures are made from.
    pub fn counted(&self, served: HashMap<GoalId, Served>) -> Counted {
        Counted {
            people: self.people,
            shares: Figure::ALL.into_iter().zip(self.shares).collect(),
            served,
            dev_goals: self.share(Figure::Achieved).whole,
        }
    }
}

/// How development serves one strategic goal: the development goals naming it or a goal below
/// it, and the distinct competences they build.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Served {
    pub dev_goals: usize,
    pub competences: usize,
}

/// What a group's figures are made from, counted in Rust ([`Figures::of`]) or by the database.
#[derive(Clone, Debug, PartialEq)]
pub struct Counted {
    pub people: usize,
    pub shares: Vec<(Figure, Share)>,
    /// The strategic goals served by any development goal.
    pub served: HashMap<GoalId, Served>,
    pub dev_goals: usize,
}

impl Counted {
    /// The figures, with every strategic goal in the tree's order and the focus goals no
    /// development goal serves.
    pub fn figures(self, goals: &GoalTree, focus: &[GoalId]) -> Figures {
        let red_thread = goals
            .walk()
            .into_iter()
            .map(|(depth, goal)| {
                let served = self.served.get(&goal.id).copied().unwrap_or_default();
                GoalServed {
                    goal: goal.id,
                    depth,
                    dev_goals: served.dev_goals,
                    competences: served.competences,
                    in_focus: focus.contains(&goal.id),
                }
            })
            .collect();
        let gaps = focus
            .iter()
            .filter(|g| !self.served.contains_key(g))
            .copied()
            .collect();
        Figures {
            people: self.people,
            shares: self.shares,
            red_thread,
            gaps,
            dev_goals: self.dev_goals,
        }
    }
}

/// Every (named, served) pair of strategic goals: a development goal naming the first serves
/// the second, itself or a goal above it.
pub fn serving_pairs(goals: &GoalTree) -> Vec<(GoalId, GoalId)> {
    goals
        .walk()
        .into_iter()
        .flat_map(|(_, named)| {
            goals
                .path(named.id)
                .into_iter()
                .map(move |g| (named.id, g.id))
        })
        .collect()
}

fn open(progress: Progress) -> bool {
    matches!(progress, Progress::Planned | Progress::Started)
}

/// What one figure of `people` in a cycle is made of: every item it could count, and whether
/// it does; those counted first.
pub fn parts<'a>(
    record: &CycleRecord<'a>,
    people: &HashSet<PersonId>,
    figure: Figure,
    today: NaiveDate,
    patience: Patience,
) -> Vec<Part<'a>> {
    let mut parts = Group::new(record, people, today, patience).parts(figure);
    parts.sort_by_key(|p| (!p.counted, p.person));
    parts
}

/// A group's share of a cycle's record, picked out once for every figure asked of it.
struct Group<'a> {
    record: CycleRecord<'a>,
    conversations: HashMap<PersonId, &'a Conversation>,
    signed: Vec<&'a Signed<'a>>,
    everyone: Vec<PersonId>,
    today: NaiveDate,
    patience: Patience,
}

impl<'a> Group<'a> {
    fn new(
        record: &CycleRecord<'a>,
        people: &HashSet<PersonId>,
        today: NaiveDate,
        patience: Patience,
    ) -> Group<'a> {
        let cycle = record.cycle;
        let mut everyone: Vec<PersonId> = people.iter().copied().collect();
        everyone.sort();
        Group {
            conversations: record
                .conversations
                .iter()
                .filter(|c| c.cycle_id == cycle.id && people.contains(&c.employee_id))
                .map(|c| (c.employee_id, c))
                .collect(),
            signed: record
                .signed
                .iter()
                .filter(|s| people.contains(&s.employee))
                .collect(),
            everyone,
            record: *record,
            today,
            patience,
        }
    }

    /// Every item the figure could count, and whether it does, in no order.
    fn parts(&self, figure: Figure) -> Vec<Part<'a>> {
        let Group {
            record,
            conversations,
            signed,
            everyone,
            today,
            patience,
        } = self;
        let (today, patience) = (*today, *patience);
        let cycle = record.cycle;
        let per_person = |counted: &dyn Fn(Option<&Conversation>) -> bool| -> Vec<Part> {
            everyone
                .iter()
                .map(|p| {
                    let c = conversations.get(p).copied();
                    Part {
                        person: *p,
                        conversation: c.map(|c| c.id),
                        text: Cow::Borrowed(""),
                        counted: counted(c),
                    }
                })
                .collect()
        };
        let local_day = |at: &DateTime<Utc>| at.with_timezone(&TIME_ZONE).date_naive();
        let actions =
            || {
                signed.iter().flat_map(|s| {
                    s.agreement.terms.goals.iter().flat_map(move |g| {
                        g.actions.iter().map(move |a| (s.employee, s.agreement, a))
                    })
                })
            };
        let item = |employee: PersonId, agreement: &Agreement, text: &'a str, counted: bool| Part {
            person: employee,
            conversation: Some(agreement.conversation_id),
            text: Cow::Borrowed(text),
            counted,
        };
        match figure {
            Figure::Scheduled => {
                per_person(&|c| c.is_some_and(|c| c.schedule.is_some() && !c.cancelled))
            }
            Figure::Held => per_person(&|c| c.is_some_and(|c| c.held_at.is_some())),
            Figure::HeldOnTime => per_person(&|c| {
                c.and_then(|c| c.held_at)
                    .is_some_and(|at| local_day(&at) <= cycle.timeline.conversations_to())
            }),
            Figure::Signed => {
                // A set, not a scan of every agreement per person: tens of thousands of each.
                let agreed: HashSet<ConversationId> =
                    signed.iter().map(|s| s.agreement.conversation_id).collect();
                per_person(&|c| c.is_some_and(|c| agreed.contains(&c.id)))
            }
            Figure::ActionsDone => actions()
                .map(|(p, ag, a)| item(p, ag, &a.text, a.progress == Progress::Done))
                .collect(),
            Figure::DoneOnTime => actions()
                .map(|(p, ag, a)| {
                    let on_time = a.progress == Progress::Done
                        && record
                            .done_at
                            .get(&a.id)
                            .is_some_and(|at| local_day(at) <= a.due);
                    item(p, ag, &a.text, on_time)
                })
                .collect(),
            Figure::Overdue => actions()
                .map(|(p, ag, a)| item(p, ag, &a.text, open(a.progress) && a.due < today))
                .collect(),
            Figure::FollowUpsHeld => {
                let employee_of: HashMap<ConversationId, PersonId> = signed
                    .iter()
                    .map(|s| (s.agreement.conversation_id, s.employee))
                    .collect();
                record
                    .follow_ups
                    .iter()
                    .filter(|f| f.due <= today)
                    .filter_map(|f| {
                        employee_of.get(&f.conversation_id).map(|p| Part {
                            person: *p,
                            conversation: Some(f.conversation_id),
                            text: Cow::Owned(f.due.to_string()),
                            counted: f.held_at.is_some(),
                        })
                    })
                    .collect()
            }
            Figure::Stale => signed
                .iter()
                .map(|s| {
                    let health = assess(&s.agreement.terms, s.last_activity, today, patience);
                    item(s.employee, s.agreement, "", health.stale)
                })
                .collect(),
            Figure::Achieved => {
                // A development goal is achieved when its latest held follow-up says done.
                let mut latest: HashMap<ItemId, (DateTime<Utc>, Status)> = HashMap::new();
                for f in record.follow_ups {
                    let Some(at) = f.held_at else { continue };
                    for review in &f.reviews {
                        let entry = latest.entry(review.goal).or_insert((at, review.status));
                        if at >= entry.0 {
                            *entry = (at, review.status);
                        }
                    }
                }
                signed
                    .iter()
                    .flat_map(|s| s.agreement.terms.goals.iter().map(move |g| (s, g)))
                    .map(|(s, g)| {
                        let done = latest.get(&g.id).is_some_and(|(_, st)| *st == Status::Done);
                        item(s.employee, s.agreement, &g.text.title, done)
                    })
                    .collect()
            }
        }
    }
}

/// The development goals of `people` in a cycle, each counted when it serves `goal`: links it
/// or a goal below it.
pub fn serving<'a>(
    record: &CycleRecord<'a>,
    people: &HashSet<PersonId>,
    goals: &GoalTree,
    goal: GoalId,
) -> Vec<Part<'a>> {
    let mut parts: Vec<Part> = record
        .signed
        .iter()
        .filter(|s| people.contains(&s.employee))
        .flat_map(|s| s.agreement.terms.goals.iter().map(move |g| (s, g)))
        .map(|(s, g)| Part {
            person: s.employee,
            conversation: Some(s.agreement.conversation_id),
            text: Cow::Borrowed(&g.text.title),
            counted: g
                .text
                .strategic_goals
                .iter()
                .any(|linked| goals.path(*linked).iter().any(|above| above.id == goal)),
        })
        .collect();
    parts.sort_by_key(|p| (!p.counted, p.person));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_to_whole_per_cent_and_nothing_of_nothing() {
        assert_eq!(Share { part: 2, whole: 3 }.percent(), Some(67));
        assert_eq!(Share { part: 0, whole: 0 }.percent(), None);
        assert_eq!(Share { part: 5, whole: 5 }.percent(), Some(100));
    }

    #[test]
    fn every_figure_has_a_name_it_is_found_by() {
        for figure in Figure::ALL {
            assert_eq!(Figure::parse(figure.as_str()), Some(figure));
        }
        assert_eq!(Figure::parse("nothing"), None);
    }
}
