//! The security-relevant events MOUSE records: who did what, and when.

use std::fmt;
use std::str::FromStr;

/// What happened. New kinds are added as the product grows (e.g. who opened which conversation).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AuditKind {
    Login,
    LoginFailed,
    Logout,
    RolesChanged,
    PasswordSet,
    PersonCreated,
    PersonChanged,
    PersonDeactivated,
    PersonReactivated,
    UnitCreated,
    UnitChanged,
    Import,
    GoalCreated,
    GoalChanged,
    GoalDeleted,
    CycleCreated,
    CycleChanged,
    CycleStateChanged,
    CompetenceCreated,
    CompetenceChanged,
    SettingsChanged,
}

impl AuditKind {
    pub const ALL: [AuditKind; 21] = [
        AuditKind::Login,
        AuditKind::LoginFailed,
        AuditKind::Logout,
        AuditKind::RolesChanged,
        AuditKind::PasswordSet,
        AuditKind::PersonCreated,
        AuditKind::PersonChanged,
        AuditKind::PersonDeactivated,
        AuditKind::PersonReactivated,
        AuditKind::UnitCreated,
        AuditKind::UnitChanged,
        AuditKind::Import,
        AuditKind::GoalCreated,
        AuditKind::GoalChanged,
        AuditKind::GoalDeleted,
        AuditKind::CycleCreated,
        AuditKind::CycleChanged,
        AuditKind::CycleStateChanged,
        AuditKind::CompetenceCreated,
        AuditKind::CompetenceChanged,
        AuditKind::SettingsChanged,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditKind::Login => "login",
            AuditKind::LoginFailed => "login-failed",
            AuditKind::Logout => "logout",
            AuditKind::RolesChanged => "roles-changed",
            AuditKind::PasswordSet => "password-set",
            AuditKind::PersonCreated => "person-created",
            AuditKind::PersonChanged => "person-changed",
            AuditKind::PersonDeactivated => "person-deactivated",
            AuditKind::PersonReactivated => "person-reactivated",
            AuditKind::UnitCreated => "unit-created",
            AuditKind::UnitChanged => "unit-changed",
            AuditKind::Import => "import",
            AuditKind::GoalCreated => "goal-created",
            AuditKind::GoalChanged => "goal-changed",
            AuditKind::GoalDeleted => "goal-deleted",
            AuditKind::CycleCreated => "cycle-created",
            AuditKind::CycleChanged => "cycle-changed",
            AuditKind::CycleStateChanged => "cycle-state-changed",
            AuditKind::CompetenceCreated => "competence-created",
            AuditKind::CompetenceChanged => "competence-changed",
            AuditKind::SettingsChanged => "settings-changed",
        }
    }
}

impl fmt::Display for AuditKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AuditKind {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL.into_iter().find(|k| k.as_str() == s).ok_or(())
    }
}
