//! Typed identifiers, so that a unit id can never be passed where a person id is meant.

use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub Uuid);

        impl $name {
            /// A fresh, time-ordered identifier (UUID v7 keeps index inserts local).
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl FromStr for $name {
            type Err = uuid::Error;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Uuid::parse_str(s).map(Self)
            }
        }
    };
}

id_type!(
    /// An organisation: the unit of strict data isolation.
    OrgId
);
id_type!(
    /// A unit in an organisation's tree (the organisation itself, a department, a team).
    UnitId
);
id_type!(
    /// A person in an organisation; a user is a person who can log in.
    PersonId
);
id_type!(
    /// A strategic goal, at organisation level or a unit's own sub-goal.
    GoalId
);
id_type!(
    /// A yearly MUS cycle (*MUS-runde*).
    CycleId
);
id_type!(
    /// A question set, which lives on through its versions.
    QuestionSetId
);
id_type!(
    /// One immutable version of a question set: what a conversation was prepared with.
    VersionId
);
id_type!(
    /// One employee's conversation in one cycle.
    ConversationId
);
id_type!(
    /// A competence in the organisation's catalogue, which HR maintains.
    CompetenceId
);
id_type!(
    /// A development goal, action or commitment of an agreement; it keeps its id through
    /// amendments, so that follow-ups and progress history can refer to it.
    ItemId
);
id_type!(
    /// A follow-up meeting on a development agreement.
    FollowUpId
);
