//! What an employee chooses to share with HR from their conversation. HR sees a conversation's
//! stage and dates and nothing of its content, except the parts the employee shares here.

/// A part of the conversation the employee may share with HR.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Agreement,
    Contract,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Agreement, Part::Contract];

    pub fn as_str(self) -> &'static str {
        match self {
            Part::Agreement => "agreement",
            Part::Contract => "contract",
        }
    }
}

impl std::str::FromStr for Part {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|p| p.as_str() == s).ok_or(())
    }
}
