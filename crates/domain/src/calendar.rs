//! Calendar invitations (iCalendar, RFC 5545) for conversations and follow-ups, and each
//! person's own feed.
//!
//! Times carry the Europe/Copenhagen time zone with its definition, so that every calendar
//! program shows the Danish time; the UID is the conversation's id, and the sequence number
//! rises with every change, so a rescheduled conversation updates the event already in the
//! calendar and a cancelled one removes it.

use crate::conversation::{Conversation, TIME_ZONE};
use crate::followup::FollowUp;
use chrono::{DateTime, NaiveDate, Utc};
use icalendar::{CalendarDateTime, Component, Event, EventLike, EventStatus, Property};

/// Europe/Copenhagen's rules since 1996: CEST from the last Sunday of March, CET from the last
/// Sunday of October.
const COPENHAGEN: &str = "BEGIN:VTIMEZONE\r
TZID:Europe/Copenhagen\r
BEGIN:DAYLIGHT\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
TZNAME:CEST\r
DTSTART:19700329T020000\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
BEGIN:STANDARD\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
TZNAME:CET\r
DTSTART:19701025T030000\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
END:VTIMEZONE\r
";

/// A person on an invitation.
#[derive(Clone, Debug)]
pub struct Party {
    pub name: String,
    pub email: String,
}

/// What the invitation says, in the recipient's language.
#[derive(Clone, Debug)]
pub struct InvitationText {
    pub summary: String,
    pub description: String,
}

/// The invitation (or cancellation) for a scheduled conversation; `None` if it has no time yet.
pub fn invitation(
    conversation: &Conversation,
    text: &InvitationText,
    leader: &Party,
    employee: &Party,
    stamp: DateTime<Utc>,
) -> Option<String> {
    let schedule = conversation.schedule.as_ref()?;
    let local = |at: &DateTime<Utc>| CalendarDateTime::WithTimezone {
        date_time: at.with_timezone(&TIME_ZONE).naive_local(),
        tzid: TIME_ZONE.name().to_owned(),
    };
    let mut event = Event::new();
    event
        .uid(&format!("{}@mouse", conversation.id))
        .timestamp(stamp)
        .sequence(conversation.sequence)
        .summary(&text.summary)
        .description(&text.description)
        .starts(local(&schedule.starts_at))
        .ends(local(&schedule.ends_at()))
        .status(if conversation.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        });
    if !schedule.place.is_empty() {
        event.location(&schedule.place);
    }
    if let Some(link) = &schedule.video_link {
        event.url(link);
    }
    let method = if conversation.cancelled {
        "CANCEL"
    } else {
        "REQUEST"
    };
    Some(request(event, method, leader, employee))
}

/// The invitation to a follow-up meeting: a day, since a follow-up is planned by date. Its UID
/// is the one the personal feed uses, and moving it raises the sequence.
pub fn follow_up_invitation(
    follow_up: &FollowUp,
    text: &InvitationText,
    leader: &Party,
    employee: &Party,
    stamp: DateTime<Utc>,
) -> String {
    let mut event = Event::new();
    event
        .uid(&format!("{}@mouse", follow_up.id))
        .timestamp(stamp)
        .sequence(follow_up.revision)
        .summary(&text.summary)
        .description(&text.description)
        .starts(follow_up.due)
        // DTEND is exclusive (RFC 5545): a one-day event ends the next day.
        .ends(follow_up.due.succ_opt().unwrap_or(follow_up.due))
        .status(EventStatus::Confirmed);
    request(event, "REQUEST", leader, employee)
}

/// An invitation from the leader to both parties.
fn request(mut event: Event, method: &str, leader: &Party, employee: &Party) -> String {
    event.append_property(party("ORGANIZER", leader));
    for person in [employee, leader] {
        event.append_multi_property(
            party("ATTENDEE", person)
                .add_parameter("ROLE", "REQ-PARTICIPANT")
                .done(),
        );
    }
    // The calendar frame is written here rather than by the crate, which would stamp the time
    // zone definition with UID and DTSTAMP lines that RFC 5545 does not allow there.
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MOUSE//MUS-samtaler//DA\r\nCALSCALE:GREGORIAN\r\nMETHOD:{method}\r\n{COPENHAGEN}{}END:VCALENDAR\r\n",
        Component::to_string(&event.done())
    )
}

/// When an entry of a personal feed happens.
#[derive(Clone, Debug)]
pub enum When {
    /// A meeting with a start and an end.
    Timed {
        starts_at: DateTime<Utc>,
        ends_at: DateTime<Utc>,
    },
    /// A deadline or a day.
    Day(NaiveDate),
}

/// One entry of a personal calendar feed.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable across fetches, so calendar programs update rather than duplicate.
    pub uid: String,
    pub summary: String,
    pub description: String,
    pub location: String,
    pub when: When,
}

/// A personal calendar feed (METHOD:PUBLISH) of conversations, follow-ups and deadlines.
pub fn feed(name: &str, entries: &[Entry], stamp: DateTime<Utc>) -> String {
    let local = |at: &DateTime<Utc>| CalendarDateTime::WithTimezone {
        date_time: at.with_timezone(&TIME_ZONE).naive_local(),
        tzid: TIME_ZONE.name().to_owned(),
    };
    let events: String = entries
        .iter()
        .map(|entry| {
            let mut event = Event::new();
            event
                .uid(&entry.uid)
                .timestamp(stamp)
                .summary(&entry.summary)
                .description(&entry.description);
            match &entry.when {
                When::Timed { starts_at, ends_at } => {
                    event.starts(local(starts_at)).ends(local(ends_at));
                }
                // A one-day event ends the next day (RFC 5545: DTEND is exclusive).
                When::Day(day) => {
                    event.starts(*day).ends(day.succ_opt().unwrap_or(*day));
                }
            }
            if !entry.location.is_empty() {
                event.location(&entry.location);
            }
            Component::to_string(&event.done())
        })
        .collect();
    let name = name.replace(['\r', '\n'], " ");
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//MOUSE//MUS-samtaler//DA\r\nCALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nX-WR-CALNAME:{name}\r\n{COPENHAGEN}{events}END:VCALENDAR\r\n"
    )
}

fn party(key: &str, person: &Party) -> Property {
    Property::new(key, format!("mailto:{}", person.email))
        .add_parameter("CN", &person.name)
        .done()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conversation::Schedule;
    use crate::cycle::{Cycle, CycleState, Timeline};
    use crate::ids::{CycleId, OrgId, PersonId};
    use crate::strategy::parse_date;

    /// Parses with an independent iCalendar parser (the `ical` crate) and returns the calendar.
    fn parse(ics: &str) -> ical::parser::ical::component::IcalCalendar {
        let mut parser = ical::IcalParser::new(ics.as_bytes());
        let calendar = parser
            .next()
            .expect("one calendar")
            .expect("valid iCalendar");
        assert!(parser.next().is_none());
        calendar
    }

    fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> &'a ical::property::Property {
        props
            .iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} missing"))
    }

    #[test]
    fn a_feed_holds_meetings_in_danish_time_and_deadlines_as_days() {
        let starts_at = crate::conversation::parse_local_time("2026-11-10T09:00").unwrap();
        let entries = [
            Entry {
                uid: "c1@mouse".into(),
                summary: "MUS-samtale".into(),
                description: "Med Peter".into(),
                location: "Personalestuen".into(),
                when: When::Timed {
                    starts_at,
                    ends_at: starts_at + chrono::Duration::hours(1),
                },
            },
            Entry {
                uid: "a1@mouse".into(),
                summary: "Frist: kursus".into(),
                description: String::new(),
                location: String::new(),
                when: When::Day(crate::strategy::parse_date("2027-03-01").unwrap()),
            },
        ];
        let ics = feed("Lane\r\nAndersen", &entries, Utc::now());
        let calendar = parse(&ics);
        assert_eq!(
            prop(&calendar.properties, "METHOD").value.as_deref(),
            Some("PUBLISH")
        );
        assert_eq!(calendar.events.len(), 2);
        let start = prop(&calendar.events[0].properties, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20261110T090000"));
        let day = prop(&calendar.events[1].properties, "DTSTART");
        assert_eq!(day.value.as_deref(), Some("20270301"));
        let end = prop(&calendar.events[1].properties, "DTEND");
        assert_eq!(
            end.value.as_deref(),
            Some("20270302"),
            "a day ends the next day"
        );
        assert!(
            ics.contains("X-WR-CALNAME:Lane  Andersen"),
            "no line breaks from a name"
        );
    }

    #[test]
    fn a_follow_up_invitation_is_a_day_that_moves_with_a_higher_sequence() {
        let planned = FollowUp::new(
            crate::ConversationId::new(),
            parse_date("2027-03-01").unwrap(),
        );
        let moved = planned.move_to(0, "2027-03-08").unwrap();
        let text = InvitationText {
            summary: "Opfølgning: Lane Andersen og Peter Lund".into(),
            description: "Hvordan går det med udviklingsmålene?".into(),
        };
        let (peter, lane) = (
            Party {
                name: "Peter Lund".into(),
                email: "peter@m.dk".into(),
            },
            Party {
                name: "Lane Andersen".into(),
                email: "lane@m.dk".into(),
            },
        );
        let first = parse(&follow_up_invitation(
            &planned,
            &text,
            &peter,
            &lane,
            Utc::now(),
        ));
        let second = parse(&follow_up_invitation(
            &moved,
            &text,
            &peter,
            &lane,
            Utc::now(),
        ));
        assert_eq!(
            prop(&second.properties, "METHOD").value.as_deref(),
            Some("REQUEST")
        );
        let (a, b) = (&first.events[0].properties, &second.events[0].properties);
        assert_eq!(prop(a, "UID").value, Some(format!("{}@mouse", planned.id)));
        assert_eq!(
            prop(a, "UID").value,
            prop(b, "UID").value,
            "the same event, moved"
        );
        let sequence = |p| {
            prop(p, "SEQUENCE")
                .value
                .clone()
                .unwrap()
                .parse::<u32>()
                .unwrap()
        };
        assert!(sequence(b) > sequence(a));
        let start = prop(b, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20270308"));
        assert!(
            start
                .params
                .as_ref()
                .unwrap()
                .iter()
                .any(|(k, v)| k == "VALUE" && v == &["DATE"])
        );
        assert_eq!(prop(b, "DTEND").value.as_deref(), Some("20270309"));
        let attendees = b.iter().filter(|p| p.name == "ATTENDEE").count();
        assert_eq!(attendees, 2);
    }

    #[test]
    fn invitations_carry_danish_time_a_stable_uid_and_a_sequence() {
        let d = |s| parse_date(s).unwrap();
        let cycle = Cycle {
            id: CycleId::new(),
            org_id: OrgId::new(),
            name: "MUS 2026".into(),
            intention: String::new(),
            state: CycleState::Open,
            timeline: Timeline::new(
                d("2026-10-19"),
                d("2026-11-02"),
                d("2026-12-18"),
                vec![],
                d("2027-09-30"),
            )
            .unwrap(),
            focus_goals: vec![],
            question_set: None,
        };
        let schedule = Schedule::parse(
            &cycle,
            "2026-11-10T09:00",
            "60",
            "Personalestuen, 1. sal",
            "https://meet.example/mus",
            "Sidste års aftale; forældredialog",
            "2026-11-06",
        )
        .unwrap();
        let leader = PersonId::new();
        let booked = Conversation::new(&cycle, PersonId::new(), leader)
            .schedule(&cycle, schedule)
            .unwrap();
        let text = InvitationText { summary: "MUS-samtale: Lane Andersen og Peter Lund".into(), description: "Forberedelsen skal være delt senest 6. november; husk komma, semikolon; og\nny linje.".into() };
        let (peter, lane) = (
            Party {
                name: "Peter Lund".into(),
                email: "peter@m.dk".into(),
            },
            Party {
                name: "Lane Andersen".into(),
                email: "lane@m.dk".into(),
            },
        );
        let ics = invitation(&booked, &text, &peter, &lane, Utc::now()).unwrap();
        let calendar = parse(&ics);
        assert_eq!(
            prop(&calendar.properties, "METHOD").value.as_deref(),
            Some("REQUEST")
        );
        let zone = &calendar.timezones[0].properties;
        assert!(
            zone.iter().all(|p| p.name != "UID" && p.name != "DTSTAMP"),
            "RFC 5545 allows neither in VTIMEZONE"
        );
        assert_eq!(
            prop(&calendar.properties, "VERSION").value.as_deref(),
            Some("2.0")
        );
        assert!(ics.lines().all(|l| l.len() <= 75), "lines are folded");
        assert_eq!(calendar.timezones.len(), 1);
        assert_eq!(
            prop(&calendar.timezones[0].properties, "TZID")
                .value
                .as_deref(),
            Some("Europe/Copenhagen")
        );
        let event = &calendar.events[0];
        assert_eq!(
            prop(&event.properties, "UID").value,
            Some(format!("{}@mouse", booked.id))
        );
        let start = prop(&event.properties, "DTSTART");
        assert_eq!(start.value.as_deref(), Some("20261110T090000"));
        assert_eq!(
            start.params.as_ref().unwrap()[0],
            ("TZID".to_owned(), vec!["Europe/Copenhagen".to_owned()])
        );
        assert_eq!(
            prop(&event.properties, "DTEND").value.as_deref(),
            Some("20261110T100000")
        );
        assert_eq!(
            prop(&event.properties, "SEQUENCE").value.as_deref(),
            Some("0")
        );
        assert_eq!(
            prop(&event.properties, "STATUS").value.as_deref(),
            Some("CONFIRMED")
        );
        assert_eq!(
            event
                .properties
                .iter()
                .filter(|p| p.name == "ATTENDEE")
                .count(),
            2
        );
        assert!(
            prop(&event.properties, "DESCRIPTION")
                .value
                .as_deref()
                .unwrap()
                .contains("semikolon")
        );

        let moved = booked
            .propose(&cycle, "2026-11-12T13:30", "")
            .unwrap()
            .accept_proposal(&cycle)
            .unwrap();
        let event =
            &parse(&invitation(&moved, &text, &peter, &lane, Utc::now()).unwrap()).events[0];
        assert_eq!(
            prop(&event.properties, "UID").value,
            Some(format!("{}@mouse", booked.id)),
            "the same event"
        );
        assert_eq!(
            prop(&event.properties, "SEQUENCE").value.as_deref(),
            Some("1")
        );
        assert_eq!(
            prop(&event.properties, "DTSTART").value.as_deref(),
            Some("20261112T133000")
        );

        let cancelled = moved.cancel(&cycle).unwrap();
        let calendar = parse(&invitation(&cancelled, &text, &peter, &lane, Utc::now()).unwrap());
        assert_eq!(
            prop(&calendar.properties, "METHOD").value.as_deref(),
            Some("CANCEL")
        );
        assert_eq!(
            prop(&calendar.events[0].properties, "STATUS")
                .value
                .as_deref(),
            Some("CANCELLED")
        );
        assert_eq!(
            prop(&calendar.events[0].properties, "SEQUENCE")
                .value
                .as_deref(),
            Some("2")
        );
        assert!(
            invitation(
                &Conversation::new(&cycle, PersonId::new(), leader),
                &text,
                &peter,
                &lane,
                Utc::now()
            )
            .is_none()
        );
    }
}
