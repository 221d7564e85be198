//! Planning reminders: what is due for whom today, in their language, each with a link to the
//! page concerned. Each reminder has an event key, so running the planner again (or on another
//! instance) queues nothing twice.

use crate::i18n::Tr;
use chrono::{Duration, NaiveDate};
use domain::calendar::{InvitationText, Party, follow_up_invitation, invitation};
use domain::conversation::TIME_ZONE;
use domain::cycle::{Cycle, CycleState};
use domain::drawer::assess;
use domain::followup::FollowUp;
use domain::locale::Locale;
use domain::mail::{Mail, Reminder};
use domain::org::Organisation;
use domain::person::Person;
use domain::preparation::Side;
use domain::{ConversationId, PersonId};
use std::collections::{HashMap, HashSet};
use storage::{Db, Reach, Superseded, now, today};

/// Writes a reminder for a recipient in their language: (subject, body, calendar invitation).
type Compose<'a> = dyn Fn(&Tr, &Person) -> (String, String, Option<String>) + 'a;

/// Who can be mailed: active users, with their language and what they turned off.
struct Recipients {
    people: HashMap<PersonId, Person>,
    locales: HashMap<PersonId, Locale>,
    opted_out: HashMap<PersonId, Vec<Reminder>>,
}

impl Recipients {
    async fn load(db: &Db, org: &Organisation) -> storage::Result<Recipients> {
        Ok(Recipients {
            people: db
                .people(org.id)
                .await?
                .into_iter()
                .map(|p| (p.id, p))
                .collect(),
            locales: db.user_locales(org.id).await?,
            opted_out: db.reminder_opt_outs_in(org.id).await?,
        })
    }

    /// The person and their language, if they can be mailed this kind of reminder.
    fn wants(&self, person: PersonId, kind: Reminder) -> Option<(&Person, Tr)> {
        let locale = self.locales.get(&person)?;
        if self
            .opted_out
            .get(&person)
            .is_some_and(|off| off.contains(&kind))
        {
            return None;
        }
        Some((self.people.get(&person)?, Tr::new(*locale)))
    }

    /// The person as a calendar invitation names them.
    fn party(&self, person: PersonId) -> Option<Party> {
        self.people.get(&person).map(|p| Party {
            name: p.name.clone(),
            email: p.email.to_string(),
        })
    }

    fn name(&self, person: PersonId) -> String {
        self.people
            .get(&person)
            .map(|p| p.name.clone())
            .unwrap_or_default()
    }
}

/// People whose conversations are planned together: the planner's memory follows the batch,
/// not the organisation.
const BATCH: usize = 1_000;

/// Queues today's reminders for the organisation; returns how many were new.
pub async fn plan(db: &Db, org: &Organisation, base_url: &str) -> storage::Result<usize> {
    let today = today();
    let who = Recipients::load(db, org).await?;
    let open: Vec<Cycle> = db
        .cycles(org.id)
        .await?
        .into_iter()
        .filter(|c| c.state == CycleState::Open)
        .collect();
    let mut employees: Vec<PersonId> = who.people.keys().copied().collect();
    employees.sort();
    let already = db.queued_events(org.id).await?;
    let plan = Plan {
        db,
        org,
        who: &who,
        queued: &already,
        today,
        base_url,
    };
    let mut new = 0;
    for batch in employees.chunks(BATCH) {
        let mails = plan.batch(&open, Reach::Employees(batch)).await?;
        new += db.enqueue_all(&mails).await?;
    }
    Ok(new)
}

/// What one batch of the planner needs to know.
struct Plan<'a> {
    db: &'a Db,
    org: &'a Organisation,
    who: &'a Recipients,
    /// Events already in the outbox: offered again every hour, composed only once.
    queued: &'a HashSet<String>,
    today: NaiveDate,
    base_url: &'a str,
}

impl Plan<'_> {
    /// The reminders due today for the conversations within reach.
    async fn batch(&self, open: &[Cycle], reach: Reach<'_>) -> storage::Result<Vec<Mail>> {
        let Plan {
            db,
            org,
            who,
            queued,
            today,
            base_url,
        } = *self;
        let mut mails: Vec<Mail> = Vec::new();
        let mut push = |kind: Reminder, person: PersonId, key: String, build: &Compose| {
            let event_key = format!("{}:{key}:{person}", kind.as_str());
            if queued.contains(&event_key) {
                return;
            }
            if let Some((recipient, t)) = who.wants(person, kind) {
                let (subject, body, calendar) = build(&t, recipient);
                mails.push(Mail {
                    org_id: org.id,
                    person_id: person,
                    event_key,
                    recipient: recipient.email.to_string(),
                    subject,
                    body,
                    calendar,
                });
            }
        };
        let link = |path: String| format!("{}{path}", base_url.trim_end_matches('/'));
        let body = |t: &Tr, person: &Person, text: String, path: String| {
            t.with(
                "mail-body",
                &[
                    ("name", person.name.clone()),
                    ("text", text),
                    ("link", link(path)),
                ],
            )
        };

        // Conversations of the open cycle: tomorrow's, and preparations not started near the deadline.
        for cycle in open {
            let started = db.preparation_sides(org.id, Some(cycle.id), reach).await?;
            for c in db.conversations(org.id, cycle.id, reach).await? {
                let Some(s) = c
                    .schedule
                    .as_ref()
                    .filter(|_| !c.cancelled && c.held_at.is_none())
                else {
                    continue;
                };
                let day = s.starts_at.with_timezone(&TIME_ZONE).date_naive();
                let path = format!("/cycles/{}/people/{}", c.cycle_id, c.employee_id);
                let parties = [(c.employee_id, c.leader_id), (c.leader_id, c.employee_id)];
                if day == today + Duration::days(1) {
                    for (person, other) in parties {
                        let other_name = who.name(other);
                        let parties = who.party(c.leader_id).zip(who.party(c.employee_id));
                        push(
                            Reminder::ConversationTomorrow,
                            person,
                            format!("{}:{day}", c.id),
                            &|t, p| {
                                let when = t.datetime(&s.starts_at);
                                let text = t.with(
                                    "mail-tomorrow",
                                    &[("name", other_name.clone()), ("when", when)],
                                );
                                let calendar = parties.as_ref().and_then(|(leader, employee)| {
                                    let text = InvitationText {
                                        summary: t.with(
                                            "calendar-conversation",
                                            &[("name", other_name.clone())],
                                        ),
                                        description: s.agenda_note.clone(),
                                    };
                                    invitation(&c, &text, leader, employee, now())
                                });
                                (
                                    t.get("mail-tomorrow-subject"),
                                    body(t, p, text, path.clone()),
                                    calendar,
                                )
                            },
                        );
                    }
                }
                let deadline = s.preparation_deadline;
                if today <= deadline && today + Duration::days(3) >= deadline {
                    let started = started.get(&c.id).map(Vec::as_slice).unwrap_or_default();
                    for (person, side) in
                        [(c.employee_id, Side::Employee), (c.leader_id, Side::Leader)]
                    {
                        if started.contains(&side) {
                            continue;
                        }
                        let prep = format!("/conversations/{}/preparation", c.id);
                        push(
                            Reminder::PreparationNotStarted,
                            person,
                            format!("{}:{deadline}", c.id),
                            &|t, p| {
                                let text =
                                    t.with("mail-preparation", &[("deadline", t.date(deadline))]);
                                (
                                    t.get("mail-preparation-subject"),
                                    body(t, p, text, prep.clone()),
                                    None,
                                )
                            },
                        );
                    }
                }
            }
        }

        // Current signed agreements (none superseded by a later one): actions due or overdue,
        // follow-ups due, and agreements going stale.
        let mut follow_ups: HashMap<ConversationId, Vec<FollowUp>> = HashMap::new();
        for f in db.open_follow_ups(org.id, reach).await? {
            follow_ups.entry(f.conversation_id).or_default().push(f);
        }
        for signed in db
            .signed_agreements(org.id, reach, Superseded::Excluded)
            .await?
        {
            let a = &signed.agreement;
            let agreement_path = format!("/conversations/{}/agreement", a.conversation_id);
            let open = |p: domain::agreement::Progress| {
                matches!(
                    p,
                    domain::agreement::Progress::Planned | domain::agreement::Progress::Started
                )
            };
            let items = a
                .terms
                .goals
                .iter()
                .flat_map(|g| {
                    g.actions
                        .iter()
                        .map(|x| (x.id, &x.text, x.owner, Some(x.due), x.progress))
                })
                .chain(
                    a.terms
                        .commitments
                        .iter()
                        .map(|x| (x.id, &x.text, x.owner, x.due, x.progress)),
                );
            for (id, text, owner, due, progress) in items {
                let Some(due) = due.filter(|_| open(progress)) else {
                    continue;
                };
                let when: Option<&str> = if due < today {
                    Some("overdue")
                } else if due <= today + Duration::days(7) {
                    Some("soon")
                } else {
                    None
                };
                if let Some(when) = when {
                    push(
                        Reminder::ActionDue,
                        owner,
                        format!("{id}:{due}:{when}"),
                        &|t, p| {
                            let line = t.with(
                                if when == "overdue" {
                                    "mail-action-overdue"
                                } else {
                                    "mail-action-soon"
                                },
                                &[("text", text.clone()), ("due", t.date(due))],
                            );
                            (
                                t.get("mail-action-subject"),
                                body(t, p, line, "/my-actions".into()),
                                None,
                            )
                        },
                    );
                }
            }
            for f in follow_ups.get(&a.conversation_id).into_iter().flatten() {
                if f.due >= today && f.due <= today + Duration::days(7) {
                    let path = format!("/conversations/{}/follow-ups/{}", a.conversation_id, f.id);
                    let parties = who
                        .party(signed.leader_id)
                        .zip(who.party(signed.employee_id));
                    for (person, other) in [
                        (signed.employee_id, signed.leader_id),
                        (signed.leader_id, signed.employee_id),
                    ] {
                        let other_name = who.name(other);
                        push(
                            Reminder::FollowUpDue,
                            person,
                            format!("{}:{}", f.id, f.due),
                            &|t, p| {
                                let line = t.with("mail-follow-up", &[("due", t.date(f.due))]);
                                let calendar = parties.as_ref().map(|(leader, employee)| {
                                    let text = InvitationText {
                                        summary: t.with(
                                            "calendar-follow-up",
                                            &[("name", other_name.clone())],
                                        ),
                                        description: line.clone(),
                                    };
                                    follow_up_invitation(f, &text, leader, employee, now())
                                });
                                (
                                    t.get("mail-follow-up-subject"),
                                    body(t, p, line, path.clone()),
                                    calendar,
                                )
                            },
                        );
                    }
                }
            }
            let health = assess(&a.terms, signed.last_activity, today, org.settings.patience);
            if health.stale {
                let since: NaiveDate = signed.last_activity.with_timezone(&TIME_ZONE).date_naive();
                let employee = who.name(signed.employee_id);
                for person in [signed.employee_id, signed.leader_id] {
                    push(
                        Reminder::AgreementStale,
                        person,
                        format!("{}:{since}", a.conversation_id),
                        &|t, p| {
                            let line = t.with("mail-stale", &[("name", employee.clone())]);
                            (
                                t.get("mail-stale-subject"),
                                body(t, p, line, agreement_path.clone()),
                                None,
                            )
                        },
                    );
                }
            }
        }
        Ok(mails)
    }
}
