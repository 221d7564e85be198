//! What the effect pages are computed from: whose figures (a person, or a unit and everything
//! below it, as the viewer may see), the cycles, and the scope's conversations, agreements,
//! follow-ups and personal answers, read once per request.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::i18n::Tr;
use crate::pages::effect_scores::{Context, CycleAnswers};
use crate::session::CurrentUser;
use crate::state::AppState;
use chrono::NaiveDate;
use domain::conversation::Conversation;
use domain::cycle::{Cycle, CycleState, newest_first};
use domain::effect::{Counted, CycleRecord, Figures, Signed, Tally, serving_pairs};
use domain::followup::FollowUp;
use domain::org::UnitTree;
use domain::person::Person;
use domain::strategy::GoalTree;
use domain::{CycleId, ItemId, OrgId, PersonId, UnitId};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use storage::{Judgement, Reach, SignedAgreement, Superseded, today};

#[derive(Deserialize, Default)]
pub struct EffectQuery {
    /// The scope chosen in the form: `unit=ID` or `person=ID`.
    #[serde(default)]
    pub(crate) scope: String,
    #[serde(default)]
    pub(crate) unit: String,
    #[serde(default)]
    pub(crate) person: String,
    #[serde(default)]
    pub(crate) cycle: String,
    #[serde(default)]
    pub(crate) figure: String,
    /// Opens the red thread of one strategic goal instead of a figure.
    #[serde(default)]
    pub(crate) goal: String,
}

/// What a page reads of its scope besides the figures: its people, to name them or to group
/// them, or not (the whole organisation's 50,000 people are not needed for its own figures).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Figures,
    People,
}

/// Whose figures: one person, or everyone in a unit and the units below it.
pub(crate) enum Scope {
    Person(Person),
    Unit(UnitId),
}

/// Everything a dashboard is computed from, read once per request.
pub(crate) struct Loaded {
    org: OrgId,
    pub(crate) scope: Scope,
    pub(crate) name: String,
    /// The active people whose figures these are (none read for the whole organisation's
    /// figures alone: [`Reading::Figures`]).
    pub(crate) people: HashSet<PersonId>,
    /// Everyone placed in the scope's units, active or not (the one person of a person's; none
    /// read for the whole organisation's figures alone).
    pub(crate) everyone: HashMap<PersonId, Person>,
    pub(crate) units: std::sync::Arc<UnitTree>,
    pub(crate) goals: Arc<GoalTree>,
    /// Cycles with conversations, newest first.
    pub(crate) cycles: Vec<Cycle>,
    pub(crate) chosen: usize,
    pub(crate) answers: HashMap<CycleId, CycleAnswers>,
    /// What a cycle outside the two compared has: nothing read.
    pub(crate) no_answers: CycleAnswers,
    /// The units below a unit's scope, when it is not the whole organisation.
    below: Vec<UnitId>,
    whole: bool,
    /// A person's or a unit's every cycle, read at once: their figures are computed from it
    /// faster than the database counts them cycle by cycle, which pays only for the whole
    /// organisation (none), or a unit's when the organisation's counts are kept (none).
    history: Option<Record>,
    /// A unit's figures' counts per cycle, summed from the organisation's kept counts.
    counted: HashMap<CycleId, Counted>,
    pub(crate) today: NaiveDate,
}

/// Everything some cycles' figures are made of, in the scope.
pub(crate) struct Record {
    conversations: HashMap<CycleId, Vec<Conversation>>,
    signed: Vec<SignedAgreement>,
    follow_ups: Vec<FollowUp>,
    done_at: HashMap<ItemId, chrono::DateTime<chrono::Utc>>,
}

impl Record {
    async fn read(
        state: &AppState,
        org: OrgId,
        reach: Reach<'_>,
        cycles: &[Cycle],
    ) -> AppResult<Record> {
        let ids: Vec<CycleId> = cycles.iter().map(|c| c.id).collect();
        let mut conversations: HashMap<CycleId, Vec<Conversation>> = HashMap::new();
        for conversation in state.db.conversations_in(org, &ids, reach).await? {
            (conversations.entry(conversation.cycle_id).or_default()).push(conversation);
        }
        Ok(Record {
            conversations,
            signed: state
                .db
                .signed_agreements(org, reach, Superseded::Included)
                .await?,
            follow_ups: state.db.all_follow_ups(org, reach).await?,
            done_at: state.db.done_at(org, reach).await?,
        })
    }

    pub(crate) fn conversations(&self, cycle: &Cycle) -> &[Conversation] {
        self.conversations
            .get(&cycle.id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

impl Loaded {
    /// The organisation's figures for a cycle, as leadership and HR see them.
    pub(crate) async fn for_cycle(
        state: &AppState,
        user: &CurrentUser,
        cycle: CycleId,
    ) -> AppResult<Loaded> {
        let q = EffectQuery {
            cycle: cycle.to_string(),
            ..EffectQuery::default()
        };
        Loaded::read(state, user, &q, Reading::Figures).await
    }

    pub(crate) async fn read(
        state: &AppState,
        user: &CurrentUser,
        q: &EffectQuery,
        reading: Reading,
    ) -> AppResult<Loaded> {
        let org = user.org.id;
        let units = user.units.clone();
        let visible = user.actor.visible_units(&units);
        let (unit, person) = match q.scope.split_once('=') {
            Some(("unit", id)) => (id, ""),
            Some(("person", id)) => ("", id),
            Some(_) => return Err(AppError::NotFound),
            None => (q.unit.as_str(), q.person.as_str()),
        };
        let scope = if !person.is_empty() {
            let person = state.db.person(org, parse_id::<PersonId>(person)?).await?;
            if !user.actor.can_view_person(&person, &units) {
                return Err(AppError::NotFound);
            }
            Scope::Person(person)
        } else if !unit.is_empty() {
            let unit = parse_id::<UnitId>(unit)?;
            let allowed =
                units.get(unit).is_some() && visible.as_ref().is_none_or(|v| v.contains(&unit));
            if !allowed {
                return Err(AppError::NotFound);
            }
            Scope::Unit(unit)
        } else {
            default_scope(user, &units, visible.as_ref())
        };
        // Only the scope's people and their conversations are read: a team's dashboard costs
        // what the team holds, not what the organisation does.
        let whole = matches!(scope, Scope::Unit(u) if units.root().is_some_and(|r| r.id == u));
        let below: Vec<UnitId> = match &scope {
            Scope::Unit(u) if !whole => units.subtree(*u).into_iter().collect(),
            _ => Vec::new(),
        };
        let reach = match &scope {
            Scope::Person(p) => Reach::Employee(p.id),
            Scope::Unit(_) if whole => Reach::Organisation,
            Scope::Unit(_) => Reach::Members(&below),
        };
        let everyone: Vec<Person> = match &scope {
            Scope::Person(p) => vec![p.clone()],
            Scope::Unit(_) if whole && reading == Reading::Figures => Vec::new(),
            Scope::Unit(_) if whole => state.db.people(org).await?,
            Scope::Unit(_) => state.db.people_in_units(org, &below).await?,
        };
        let everyone: HashMap<PersonId, Person> = everyone.into_iter().map(|p| (p.id, p)).collect();
        let (people, name) = match &scope {
            Scope::Person(p) => (HashSet::from([p.id]), p.name.clone()),
            Scope::Unit(u) => {
                let people = everyone
                    .values()
                    .filter(|p| p.active)
                    .map(|p| p.id)
                    .collect();
                let name = units.get(*u).map(|u| u.name.clone()).unwrap_or_default();
                (people, name)
            }
        };
        let cycles = newest_first(user.cycles.to_vec());
        let chosen = if q.cycle.is_empty() {
            0
        } else {
            let id = parse_id::<CycleId>(&q.cycle)?;
            cycles
                .iter()
                .position(|c| c.id == id)
                .ok_or(AppError::NotFound)?
        };
        let mut answers = HashMap::new();
        // Personal answers only for the two compared.
        for cycle in cycles.iter().skip(chosen).take(2) {
            let given = state.db.answers(org, cycle.id, reach).await?;
            // Every unit's count decides only whether a unit's answers of a closed cycle may
            // be shown (effect_scores); it is the organisation-wide part of the read.
            let decided = matches!(scope, Scope::Unit(_))
                && cycle.state == CycleState::Closed
                && !(given.evaluations.is_empty() && given.clarity.is_empty());
            let disclosed = if decided {
                let threshold = user.org.settings.anonymity_threshold as usize;
                (state.db)
                    .disclosed(org, cycle.id, &units, user.revisions, threshold)
                    .await?
            } else {
                Arc::default()
            };
            answers.insert(cycle.id, CycleAnswers { given, disclosed });
        }
        let goals = state.db.goal_tree_at(org, user.revisions).await?;
        let today = today();
        let judged = Judgement {
            today,
            patience: user.org.settings.patience,
        };
        let counted = match &scope {
            // A unit's figures are summed from the organisation's counts if they are kept for
            // every cycle; otherwise its history is read: a whole count costs the organisation.
            Scope::Unit(_) if !whole => {
                let pairs = serving_pairs(&goals);
                (state.db)
                    .effect_counts_if_kept(org, &cycles, judged, &pairs, &below)
                    .await?
            }
            _ => None,
        };
        let history = match (&counted, whole) {
            (Some(_), _) | (None, true) => None,
            (None, false) => Some(Record::read(state, org, reach, &cycles).await?),
        };
        Ok(Loaded {
            history,
            org,
            scope,
            name,
            people,
            everyone,
            units,
            goals,
            chosen,
            answers,
            no_answers: CycleAnswers::default(),
            below,
            whole,
            cycles,
            today,
            counted: counted.unwrap_or_default(),
        })
    }

    /// The chosen cycle and the one before it, if any.
    pub(crate) fn compared(&self) -> (Option<&Cycle>, Option<&Cycle>) {
        (
            self.cycles.get(self.chosen),
            self.cycles.get(self.chosen + 1),
        )
    }

    /// Whose conversations the scope's figures are made of.
    fn reach(&self) -> Reach<'_> {
        match &self.scope {
            Scope::Person(p) => Reach::Employee(p.id),
            Scope::Unit(_) if self.whole => Reach::Organisation,
            Scope::Unit(_) => Reach::Members(&self.below),
        }
    }

    /// The scope's figures for a cycle: from its history, from the organisation's kept counts
    /// for a unit, or counted by the database for the whole organisation.
    pub(crate) async fn figures(
        &self,
        state: &AppState,
        cycle: &Cycle,
        user: &CurrentUser,
    ) -> AppResult<Figures> {
        if let Some(history) = &self.history {
            return Ok(self.figures_of(history, cycle, &self.people, user));
        }
        if let Some(counted) = self.counted.get(&cycle.id) {
            return Ok(counted.clone().figures(&self.goals, &cycle.focus_goals));
        }
        // Only the whole organisation's are counted by the database here: it has no history.
        let counted = state
            .db
            .effect_counts(
                self.org,
                cycle,
                self.judged(user),
                &serving_pairs(&self.goals),
            )
            .await?;
        Ok(counted.figures(&self.goals, &cycle.focus_goals))
    }

    /// The whole organisation's shares of a cycle per unit, counted by the database.
    pub(crate) async fn per_unit(
        &self,
        state: &AppState,
        cycle: &Cycle,
        user: &CurrentUser,
    ) -> AppResult<Arc<HashMap<UnitId, Tally>>> {
        let pairs = serving_pairs(&self.goals);
        Ok(state
            .db
            .effect_per_unit(self.org, cycle, self.judged(user), &pairs)
            .await?)
    }

    fn judged(&self, user: &CurrentUser) -> Judgement {
        Judgement {
            today: self.today,
            patience: user.org.settings.patience,
        }
    }

    /// The scope's every cycle, when it was read with the scope (a person's or a unit's).
    pub(crate) fn history(&self) -> Option<&Record> {
        self.history.as_ref()
    }

    /// What a cycle's figures in the scope are made of, to list their parts.
    pub(crate) async fn record(&self, state: &AppState, cycle: &Cycle) -> AppResult<Record> {
        Record::read(state, self.org, self.reach(), std::slice::from_ref(cycle)).await
    }

    /// Runs `f` on the cycle's record.
    pub(crate) fn with_record<T>(
        &self,
        record: &Record,
        cycle: &Cycle,
        f: impl FnOnce(&CycleRecord) -> T,
    ) -> T {
        let signed: Vec<Signed> = record
            .signed
            .iter()
            .filter(|s| s.cycle_id == cycle.id)
            .map(|s| Signed {
                employee: s.employee_id,
                agreement: &s.agreement,
                last_activity: s.last_activity,
            })
            .collect();
        f(&CycleRecord {
            cycle,
            conversations: record.conversations(cycle),
            signed: &signed,
            follow_ups: &record.follow_ups,
            done_at: &record.done_at,
        })
    }

    /// The figures of any group of people in the scope, computed from the cycle's record.
    pub(crate) fn figures_of(
        &self,
        record: &Record,
        cycle: &Cycle,
        people: &HashSet<PersonId>,
        user: &CurrentUser,
    ) -> Figures {
        let patience = user.org.settings.patience;
        self.with_record(record, cycle, |r| {
            Figures::of(r, people, &self.goals, self.today, patience)
        })
    }

    /// What the personal answers may show to this viewer.
    pub(crate) fn score_context<'a>(&'a self, t: &'a Tr, user: &CurrentUser) -> Context<'a> {
        Context {
            t,
            units: &self.units,
            everyone: &self.everyone,
            goals: &self.goals,
            unit: match &self.scope {
                Scope::Unit(u) => Some(*u),
                Scope::Person(_) => None,
            },
            threshold: user.org.settings.anonymity_threshold as usize,
        }
    }

    pub(crate) fn answers_of(&self, cycle: &Cycle) -> &CycleAnswers {
        self.answers.get(&cycle.id).unwrap_or(&self.no_answers)
    }

    /// The query string that keeps this scope, for links and exports.
    pub(crate) fn scope_query(&self) -> String {
        match &self.scope {
            Scope::Person(p) => format!("person={}", p.id),
            Scope::Unit(u) => format!("unit={u}"),
        }
    }
}

/// Where a dashboard opens: the organisation for leadership and HR, a leader's first unit,
/// otherwise the person's own figures.
fn default_scope(user: &CurrentUser, units: &UnitTree, visible: Option<&HashSet<UnitId>>) -> Scope {
    match (visible, units.root()) {
        (None, Some(root)) => Scope::Unit(root.id),
        _ => match units
            .walk()
            .into_iter()
            .find(|(_, u)| user.actor.led_units.contains(&u.id))
        {
            Some((_, unit)) => Scope::Unit(unit.id),
            None => Scope::Person(user.person.clone()),
        },
    }
}
