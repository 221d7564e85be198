//! The effect dashboards: a person's, a unit's (team, department) or the whole organisation's
//! figures for a cycle beside the cycle before, each opening to what it is made of, and all of
//! it as CSV. Who sees which scope follows the same rules as everywhere: an employee their
//! own, a leader their units, leadership and HR the organisation.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::effect_scores::{self, Context, CycleAnswers, ScoreRow};
use crate::pages::intentions::{metric_label, target_label};
use crate::pages::{csv_response, render};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::NaiveDate;
use domain::conversation::{Conversation, TIME_ZONE};
use domain::cycle::{Cycle, CycleState};
use domain::effect::{CycleRecord, Figure, Figures, Part, Share, Signed, parts, serving};
use domain::followup::FollowUp;
use domain::intention::{Intention, Metric};
use domain::org::UnitTree;
use domain::person::Person;
use domain::strategy::GoalTree;
use domain::{ConversationId, CycleId, GoalId, ItemId, PersonId, UnitId};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use storage::{SignedAgreement, now};

#[derive(Deserialize, Default)]
pub struct EffectQuery {
    /// The scope chosen in the form: `unit=ID` or `person=ID`.
    #[serde(default)]
    scope: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    person: String,
    #[serde(default)]
    cycle: String,
    #[serde(default)]
    figure: String,
    /// Opens the red thread of one strategic goal instead of a figure.
    #[serde(default)]
    goal: String,
}

/// Whose figures: one person, or everyone in a unit and the units below it.
enum Scope {
    Person(Person),
    Unit(UnitId),
}

/// Everything a dashboard is computed from, read once per request.
pub(crate) struct Loaded {
    scope: Scope,
    name: String,
    people: HashSet<PersonId>,
    pub(crate) everyone: HashMap<PersonId, Person>,
    pub(crate) units: UnitTree,
    pub(crate) goals: GoalTree,
    /// Cycles with conversations, newest first.
    cycles: Vec<Cycle>,
    chosen: usize,
    conversations: HashMap<CycleId, Vec<Conversation>>,
    answers: HashMap<CycleId, CycleAnswers>,
    /// What a cycle outside the two compared has: nothing read.
    no_answers: CycleAnswers,
    signed: Vec<SignedAgreement>,
    follow_ups: Vec<FollowUp>,
    done_at: HashMap<ItemId, chrono::DateTime<chrono::Utc>>,
    today: NaiveDate,
}

impl Loaded {
    /// The organisation's data for a cycle, as leadership and HR see it.
    pub(crate) async fn for_cycle(
        state: &AppState,
        user: &CurrentUser,
        cycle: CycleId,
    ) -> AppResult<Loaded> {
        let q = EffectQuery {
            cycle: cycle.to_string(),
            ..EffectQuery::default()
        };
        Loaded::read(state, user, &q).await
    }

    async fn read(state: &AppState, user: &CurrentUser, q: &EffectQuery) -> AppResult<Loaded> {
        let org = user.org.id;
        let units = state.db.unit_tree(org).await?;
        let everyone: HashMap<PersonId, Person> = state
            .db
            .people(org)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let visible = user.actor.visible_units(&units);
        let (unit, person) = match q.scope.split_once('=') {
            Some(("unit", id)) => (id, ""),
            Some(("person", id)) => ("", id),
            Some(_) => return Err(AppError::NotFound),
            None => (q.unit.as_str(), q.person.as_str()),
        };
        let scope = if !person.is_empty() {
            let person = everyone
                .get(&parse_id::<PersonId>(person)?)
                .filter(|p| user.actor.can_view_person(p, &units))
                .ok_or(AppError::NotFound)?;
            Scope::Person(person.clone())
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
        let (people, name) = match &scope {
            Scope::Person(p) => (HashSet::from([p.id]), p.name.clone()),
            Scope::Unit(u) => {
                let below = units.subtree(*u);
                let people = everyone
                    .values()
                    .filter(|p| p.active && below.contains(&p.unit_id))
                    .map(|p| p.id)
                    .collect();
                let name = units.get(*u).map(|u| u.name.clone()).unwrap_or_default();
                (people, name)
            }
        };
        let mut cycles = state.db.cycles(org).await?;
        cycles.retain(|c| c.state != CycleState::Draft);
        cycles.sort_by_key(|c| std::cmp::Reverse(c.timeline.conversations_from()));
        let chosen = if q.cycle.is_empty() {
            0
        } else {
            let id = parse_id::<CycleId>(&q.cycle)?;
            cycles
                .iter()
                .position(|c| c.id == id)
                .ok_or(AppError::NotFound)?
        };
        let mut conversations = HashMap::new();
        let mut answers = HashMap::new();
        // Every cycle's conversations, for the trend; personal answers only for the two compared.
        for cycle in &cycles {
            conversations.insert(cycle.id, state.db.conversations(org, cycle.id).await?);
        }
        for cycle in cycles.iter().skip(chosen).take(2) {
            let given = CycleAnswers {
                evaluations: state.db.evaluations_in(org, cycle.id).await?,
                feedback: state.db.shared_feedback(org, cycle.id).await?,
            };
            answers.insert(cycle.id, given);
        }
        Ok(Loaded {
            scope,
            name,
            people,
            everyone,
            units,
            goals: state.db.goal_tree(org).await?,
            chosen,
            conversations,
            answers,
            no_answers: CycleAnswers::default(),
            signed: state.db.signed_agreements(org, None).await?,
            follow_ups: state.db.all_follow_ups(org).await?,
            done_at: state.db.done_at(org).await?,
            cycles,
            today: now().with_timezone(&TIME_ZONE).date_naive(),
        })
    }

    /// The chosen cycle and the one before it, if any.
    pub(crate) fn compared(&self) -> (Option<&Cycle>, Option<&Cycle>) {
        (
            self.cycles.get(self.chosen),
            self.cycles.get(self.chosen + 1),
        )
    }

    /// Runs `f` on the cycle's record.
    fn with_record<T>(&self, cycle: &Cycle, f: impl FnOnce(&CycleRecord) -> T) -> T {
        let signed: Vec<Signed> = self
            .signed
            .iter()
            .filter(|s| s.cycle_id == cycle.id)
            .map(|s| Signed {
                employee: s.employee_id,
                agreement: &s.agreement,
                last_activity: s.last_activity,
            })
            .collect();
        let record = CycleRecord {
            cycle,
            conversations: self
                .conversations
                .get(&cycle.id)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            signed: &signed,
            follow_ups: &self.follow_ups,
            done_at: &self.done_at,
        };
        f(&record)
    }

    fn figures(&self, cycle: &Cycle, user: &CurrentUser) -> Figures {
        self.figures_of(cycle, &self.people, user)
    }

    /// The figures of any group of people in the organisation.
    pub(crate) fn figures_of(
        &self,
        cycle: &Cycle,
        people: &HashSet<PersonId>,
        user: &CurrentUser,
    ) -> Figures {
        let patience = user.org.settings.patience;
        self.with_record(cycle, |r| {
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
    fn scope_query(&self) -> String {
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

/// One figure in one cycle: "3 af 4" and the share, opening to its parts.
struct Cell {
    text: String,
    percent: String,
    width: usize,
    link: String,
}

struct Row {
    label: String,
    now: Cell,
    before: Option<Cell>,
    /// What the chart says, for those who cannot see it.
    chart_label: String,
}

struct ThreadRow {
    title: String,
    link: String,
    depth: usize,
    in_focus: bool,
    now: usize,
    before: Option<usize>,
    competences: usize,
}

#[derive(Template)]
#[template(path = "effect.html")]
struct EffectView {
    page: Page,
    name: String,
    scopes: Vec<(String, String, bool)>,
    cycles: Vec<(String, String, bool)>,
    now_name: String,
    before_name: Option<String>,
    sections: Vec<(String, Vec<Row>)>,
    thread: Vec<ThreadRow>,
    gaps: Vec<String>,
    scores: Vec<ScoreRow>,
    intentions: Vec<IntentionRow>,
    trend: Vec<TrendRow>,
    threshold: u32,
    people: usize,
    export: String,
}

const SECTIONS: [(&str, &[Figure]); 3] = [
    (
        "effect-coverage",
        &[
            Figure::Scheduled,
            Figure::Held,
            Figure::HeldOnTime,
            Figure::Signed,
        ],
    ),
    (
        "effect-follow-through",
        &[
            Figure::ActionsDone,
            Figure::DoneOnTime,
            Figure::Overdue,
            Figure::FollowUpsHeld,
            Figure::Stale,
        ],
    ),
    ("effect-outcomes", &[Figure::Achieved]),
];

fn cell(t: &Tr, share: Share, link: String) -> Cell {
    Cell {
        text: t.with(
            "effect-part-of",
            &[
                ("part", share.part.to_string()),
                ("whole", share.whole.to_string()),
            ],
        ),
        percent: share
            .percent()
            .map_or_else(|| "—".to_owned(), |p| format!("{p} %")),
        width: share.percent().unwrap_or(0),
        link,
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q).await?;
    let t = page.t;
    let (Some(now), before) = loaded.compared() else {
        return Err(AppError::NotFound);
    };
    let current = loaded.figures(now, &user);
    let earlier = before.map(|c| loaded.figures(c, &user));
    let scope = loaded.scope_query();
    let link = |cycle: &Cycle, figure: Figure| {
        format!(
            "/effect/parts?{scope}&cycle={}&figure={}",
            cycle.id,
            figure.as_str()
        )
    };
    let sections = SECTIONS
        .iter()
        .map(|(title, figures)| {
            let rows = figures
                .iter()
                .map(|f| {
                    let label = t.get(&format!("effect-{}", f.as_str()));
                    let now_cell = cell(&t, current.share(*f), link(now, *f));
                    let before_cell = before
                        .zip(earlier.as_ref())
                        .map(|(c, e)| cell(&t, e.share(*f), link(c, *f)));
                    let chart_label = match (&before_cell, before) {
                        (Some(b), Some(c)) => format!(
                            "{label} – {}: {}; {}: {}",
                            now.name, now_cell.percent, c.name, b.percent
                        ),
                        _ => format!("{label} – {}: {}", now.name, now_cell.percent),
                    };
                    Row {
                        label,
                        now: now_cell,
                        before: before_cell,
                        chart_label,
                    }
                })
                .collect();
            (t.get(title), rows)
        })
        .collect();
    let before_thread: HashMap<_, _> = earlier
        .iter()
        .flat_map(|e| e.red_thread.iter().map(|g| (g.goal, g.dev_goals)))
        .collect();
    let thread = current
        .red_thread
        .iter()
        .filter_map(|g| {
            let goal = loaded.goals.get(g.goal)?;
            Some(ThreadRow {
                title: goal.title.clone(),
                link: format!("/effect/parts?{scope}&cycle={}&goal={}", now.id, goal.id),
                depth: g.depth,
                in_focus: g.in_focus,
                now: g.dev_goals,
                before: earlier
                    .as_ref()
                    .map(|_| before_thread.get(&g.goal).copied().unwrap_or(0)),
                competences: g.competences,
            })
        })
        .collect();
    let gaps = current
        .gaps
        .iter()
        .filter_map(|g| loaded.goals.get(*g).map(|g| g.title.clone()))
        .collect();
    let scores = effect_scores::rows(
        &loaded.score_context(&t, &user),
        (now, loaded.answers_of(now)),
        before.map(|c| (c, loaded.answers_of(c))),
    );
    let intentions = state
        .db
        .intentions(user.org.id, now.id)
        .await?
        .into_iter()
        .map(|i| intention_row(&loaded, &user, &t, now, &current, i))
        .collect();
    let trend = trend(&loaded, &user, &t);
    let scopes = scope_choices(&loaded, &user, &t);
    let cycles = loaded
        .cycles
        .iter()
        .map(|c| (c.id.to_string(), c.name.clone(), c.id == now.id))
        .collect();
    render(EffectView {
        name: loaded.name.clone(),
        scopes,
        cycles,
        now_name: now.name.clone(),
        before_name: before.map(|c| c.name.clone()),
        sections,
        thread,
        gaps,
        scores,
        intentions,
        trend,
        threshold: user.org.settings.anonymity_threshold,
        people: current.people,
        export: format!("/effect.csv?{scope}&cycle={}", now.id),
        page: page.titled("effect-title"),
    })
}

/// The figures the trend follows over every cycle.
const TREND: [Figure; 5] = [
    Figure::Held,
    Figure::Signed,
    Figure::DoneOnTime,
    Figure::FollowUpsHeld,
    Figure::Achieved,
];

/// One figure over the cycles, oldest first: each cycle's name, share and bar.
struct TrendRow {
    label: String,
    points: Vec<TrendPoint>,
    chart_label: String,
}

struct TrendPoint {
    cycle: String,
    percent: String,
    x: usize,
    height: usize,
    y: usize,
}

fn trend(loaded: &Loaded, user: &CurrentUser, t: &Tr) -> Vec<TrendRow> {
    let oldest_first: Vec<(&Cycle, Figures)> = loaded
        .cycles
        .iter()
        .rev()
        .map(|c| (c, loaded.figures(c, user)))
        .collect();
    TREND
        .iter()
        .map(|figure| {
            let label = t.get(&format!("effect-{}", figure.as_str()));
            let points: Vec<TrendPoint> = oldest_first
                .iter()
                .enumerate()
                .map(|(i, (cycle, figures))| {
                    let share = figures.share(*figure);
                    let height = share.percent().unwrap_or(0);
                    TrendPoint {
                        cycle: cycle.name.clone(),
                        percent: share
                            .percent()
                            .map_or_else(|| "—".to_owned(), |p| format!("{p} %")),
                        x: i * 20 + 2,
                        height,
                        y: 100 - height,
                    }
                })
                .collect();
            let said: Vec<String> = points
                .iter()
                .map(|p| format!("{}: {}", p.cycle, p.percent))
                .collect();
            TrendRow {
                chart_label: format!("{label} – {}", said.join("; ")),
                label,
                points,
            }
        })
        .collect()
}

/// An intention of the leadership with what was measured for the scope.
pub(crate) struct IntentionRow {
    pub text: String,
    pub metric: String,
    pub target: String,
    pub measured: String,
    /// Met or not; none when it cannot be measured (yet).
    pub met: Option<bool>,
}

pub(crate) fn intention_row(
    loaded: &Loaded,
    user: &CurrentUser,
    t: &Tr,
    cycle: &Cycle,
    figures: &Figures,
    intention: Intention,
) -> IntentionRow {
    let measured = match intention.metric {
        Metric::Evaluation(q) => effect_scores::employees_average(
            &loaded.score_context(t, user),
            cycle,
            loaded.answers_of(cycle),
            q,
        )
        .map(|(average, _)| average)
        .map_err(|key| t.with(key, &[])),
        metric => metric
            .measure(figures)
            .ok_or_else(|| t.get("effect-not-measured")),
    };
    IntentionRow {
        metric: metric_label(t, &loaded.goals, intention.metric),
        target: target_label(intention.metric, intention.target),
        measured: match &measured {
            Ok(value) => target_label(intention.metric, *value),
            Err(why) => why.clone(),
        },
        met: measured.ok().map(|v| intention.met(v)),
        text: intention.text,
    }
}

/// The scopes the viewer may choose: their own figures and the units they may see.
fn scope_choices(loaded: &Loaded, user: &CurrentUser, t: &Tr) -> Vec<(String, String, bool)> {
    let visible = user.actor.visible_units(&loaded.units);
    let mut choices = vec![(
        format!("person={}", user.person.id),
        t.get("effect-scope-me"),
        matches!(&loaded.scope, Scope::Person(p) if p.id == user.person.id),
    )];
    if let Scope::Person(p) = &loaded.scope
        && p.id != user.person.id
    {
        choices.push((format!("person={}", p.id), p.name.clone(), true));
    }
    for (depth, unit) in loaded.units.walk() {
        if visible.as_ref().is_none_or(|v| v.contains(&unit.id)) {
            let chosen = matches!(loaded.scope, Scope::Unit(u) if u == unit.id);
            let indent = "· ".repeat(depth);
            choices.push((
                format!("unit={}", unit.id),
                format!("{indent}{}", unit.name),
                chosen,
            ));
        }
    }
    choices
}

/// One thing a figure is made of, as the viewer may see it.
struct PartRow {
    name: String,
    person_link: String,
    text: String,
    counted: bool,
}

#[derive(Template)]
#[template(path = "effect_parts.html")]
struct PartsView {
    page: Page,
    name: String,
    cycle: String,
    figure: String,
    share: String,
    rows: Vec<PartRow>,
    back: String,
}

/// What one figure is made of. Item texts (an action, a development goal) are shown only to
/// the two parties of the conversation they belong to; everyone else sees whose it is.
pub async fn figure_parts(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q).await?;
    let cycle = loaded.cycles.get(loaded.chosen).ok_or(AppError::NotFound)?;
    let patience = user.org.settings.patience;
    let (found, title) = if q.goal.is_empty() {
        let figure = Figure::parse(&q.figure).ok_or(AppError::NotFound)?;
        let found = loaded.with_record(cycle, |r| {
            parts(r, &loaded.people, figure, loaded.today, patience)
        });
        (found, page.t.get(&format!("effect-{}", figure.as_str())))
    } else {
        let goal = loaded
            .goals
            .get(parse_id::<GoalId>(&q.goal)?)
            .ok_or(AppError::NotFound)?;
        let found = loaded.with_record(cycle, |r| {
            serving(r, &loaded.people, &loaded.goals, goal.id)
        });
        let title = page
            .t
            .with("effect-serving", &[("goal", goal.title.clone())]);
        (found, title)
    };
    let t = page.t;
    let share = Share {
        part: found.iter().filter(|p| p.counted).count(),
        whole: found.len(),
    };
    let mut rows: Vec<PartRow> = found
        .iter()
        .map(|part| part_row(&loaded, cycle, &user, part))
        .collect();
    rows.sort_by(|a, b| (!a.counted, &a.name).cmp(&(!b.counted, &b.name)));
    render(PartsView {
        name: loaded.name.clone(),
        cycle: cycle.name.clone(),
        figure: title,
        share: cell(&t, share, String::new()).text,
        rows,
        back: format!("/effect?{}&cycle={}", loaded.scope_query(), cycle.id),
        page: page.titled("effect-parts-title"),
    })
}

fn part_row(loaded: &Loaded, cycle: &Cycle, user: &CurrentUser, part: &Part) -> PartRow {
    let leader_of: Option<PersonId> = part.conversation.and_then(|id: ConversationId| {
        loaded
            .conversations
            .get(&cycle.id)
            .and_then(|all| all.iter().find(|c| c.id == id))
            .map(|c| c.leader_id)
    });
    let party = user.person.id == part.person || leader_of == Some(user.person.id);
    PartRow {
        name: loaded
            .everyone
            .get(&part.person)
            .map(|p| p.name.clone())
            .unwrap_or_default(),
        person_link: format!("/cycles/{}/people/{}", cycle.id, part.person),
        text: if party {
            part.text.clone()
        } else {
            String::new()
        },
        counted: part.counted,
    }
}

/// The dashboard as CSV: every figure of the chosen cycle and the one before, and the red
/// thread, for a spreadsheet.
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q).await?;
    let t = page.t;
    let (Some(now), before) = loaded.compared() else {
        return Err(AppError::NotFound);
    };
    let mut rows: Vec<Vec<String>> = vec![
        [
            "effect-csv-scope",
            "effect-csv-cycle",
            "effect-csv-figure",
            "effect-csv-part",
            "effect-csv-whole",
            "effect-csv-percent",
        ]
        .map(|k| t.get(k))
        .to_vec(),
    ];
    let percent = |s: Share| s.percent().map(|p| p.to_string()).unwrap_or_default();
    for cycle in [Some(now), before].into_iter().flatten() {
        let figures = loaded.figures(cycle, &user);
        let line = |label: String, part: String, whole: String, share: String| {
            vec![
                loaded.name.clone(),
                cycle.name.clone(),
                label,
                part,
                whole,
                share,
            ]
        };
        for figure in Figure::ALL {
            let share = figures.share(figure);
            rows.push(line(
                t.get(&format!("effect-{}", figure.as_str())),
                share.part.to_string(),
                share.whole.to_string(),
                percent(share),
            ));
        }
        let context = loaded.score_context(&t, &user);
        for (label, average, count) in
            effect_scores::disclosed(&context, cycle, loaded.answers_of(cycle))
        {
            rows.push(line(
                label,
                format!("{average:.2}"),
                count.to_string(),
                String::new(),
            ));
        }
        for served in &figures.red_thread {
            let Some(goal) = loaded.goals.get(served.goal) else {
                continue;
            };
            let share = Share {
                part: served.dev_goals,
                whole: figures.dev_goals,
            };
            rows.push(line(
                t.with("effect-csv-thread", &[("goal", goal.title.clone())]),
                share.part.to_string(),
                share.whole.to_string(),
                percent(share),
            ));
        }
    }
    csv_response(&rows, &format!("mouse-effect-{}.csv", now.id))
}
