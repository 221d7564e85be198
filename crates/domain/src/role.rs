//! Roles. Employee and leader follow from the organisation (every person is an employee; whoever
//! leads a unit is a leader); the other three are granted by an administrator.

use std::fmt;
use std::str::FromStr;

/// Everything a user can be. A user usually holds several at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Employee,
    Leader,
    Leadership,
    Hr,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Leader => "leader",
            Role::Leadership => "leadership",
            Role::Hr => "hr",
            Role::Admin => "admin",
        }
    }

    /// The roles an administrator grants; the other two follow from the organisation.
    pub const GRANTABLE: [Role; 3] = [Role::Leadership, Role::Hr, Role::Admin];

    pub fn is_grantable(self) -> bool {
        Self::GRANTABLE.contains(&self)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = UnknownRole;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "employee" => Ok(Role::Employee),
            "leader" => Ok(Role::Leader),
            "leadership" => Ok(Role::Leadership),
            "hr" => Ok(Role::Hr),
            "admin" => Ok(Role::Admin),
            _ => Err(UnknownRole),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown role")]
pub struct UnknownRole;

/// The granted roles of one user.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GrantedRoles {
    pub leadership: bool,
    pub hr: bool,
    pub admin: bool,
}

impl GrantedRoles {
    pub fn from_roles(roles: impl IntoIterator<Item = Role>) -> Self {
        let mut granted = GrantedRoles::default();
        for role in roles {
            match role {
                Role::Leadership => granted.leadership = true,
                Role::Hr => granted.hr = true,
                Role::Admin => granted.admin = true,
                Role::Employee | Role::Leader => {}
            }
        }
        granted
    }

    pub fn roles(self) -> Vec<Role> {
        [
            (self.leadership, Role::Leadership),
            (self.hr, Role::Hr),
            (self.admin, Role::Admin),
        ]
        .into_iter()
        .filter_map(|(has, role)| has.then_some(role))
        .collect()
    }

    pub fn has(self, role: Role) -> bool {
        self.roles().contains(&role)
    }
}
