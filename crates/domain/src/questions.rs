//! Question sets: the MOUSE frame for preparing a conversation, in five sections – M
//! (employee), O (organisation), U (development), S (conversation), E (effect).
//!
//! A set changes only by gaining a new version; versions never change. A conversation keeps
//! the version it was prepared with, so editing the set later rewrites nobody's preparation.

use crate::ids::{OrgId, QuestionSetId, VersionId};
use crate::locale::Locale;
use std::fmt;
use std::str::FromStr;

/// The five letters of MOUSE.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Employee,
    Organisation,
    Development,
    Conversation,
    Effect,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Employee,
        Section::Organisation,
        Section::Development,
        Section::Conversation,
        Section::Effect,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Section::Employee => "m",
            Section::Organisation => "o",
            Section::Development => "u",
            Section::Conversation => "s",
            Section::Effect => "e",
        }
    }
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Section {
    type Err = QuestionError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Section::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .ok_or(QuestionError::UnknownSection)
    }
}

/// A text in both of MOUSE's languages.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Bilingual {
    pub da: String,
    pub en: String,
}

impl Bilingual {
    pub fn new(da: &str, en: &str) -> Bilingual {
        Bilingual {
            da: da.trim().to_owned(),
            en: en.trim().to_owned(),
        }
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::Da => &self.da,
            Locale::En => &self.en,
        }
    }

    fn is_complete(&self) -> bool {
        !self.da.is_empty() && !self.en.is_empty()
    }
}

/// How a question is answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Free text.
    Text,
    /// 1–5, with words for the two ends.
    Scale { low: Bilingual, high: Bilingual },
    /// "Pick the strategic goals this concerns."
    Goals,
}

impl QuestionKind {
    pub fn as_str(&self) -> &'static str {
        match self {
            QuestionKind::Text => "text",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Goals => "goals",
        }
    }
}

/// One question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub section: Section,
    pub kind: QuestionKind,
    pub text: Bilingual,
}

impl Question {
    /// A question from form input: text in both languages, scale labels for a scale.
    pub fn parse(
        section: &str,
        kind: &str,
        text: Bilingual,
        low: Bilingual,
        high: Bilingual,
    ) -> Result<Question, QuestionError> {
        let section = section.parse()?;
        if !text.is_complete() {
            return Err(QuestionError::MissingText);
        }
        if text.da.chars().count() > 1000 || text.en.chars().count() > 1000 {
            return Err(QuestionError::TooLong);
        }
        let kind = match kind {
            "text" => QuestionKind::Text,
            "goals" => QuestionKind::Goals,
            "scale" if low.is_complete() && high.is_complete() => QuestionKind::Scale { low, high },
            "scale" => return Err(QuestionError::MissingScaleLabels),
            _ => return Err(QuestionError::UnknownKind),
        };
        Ok(Question {
            section,
            kind,
            text,
        })
    }
}

/// Why a question could not be saved. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum QuestionError {
    #[error("unknown section")]
    UnknownSection,
    #[error("unknown kind of question")]
    UnknownKind,
    #[error("the question needs its text in Danish and English")]
    MissingText,
    #[error("a scale needs words for both ends in Danish and English")]
    MissingScaleLabels,
    #[error("text is too long")]
    TooLong,
    #[error("no such question")]
    NoSuchQuestion,
    #[error("the set needs a name")]
    EmptyName,
}

impl QuestionError {
    pub fn message_key(self) -> &'static str {
        match self {
            QuestionError::UnknownSection => "error-question-section",
            QuestionError::UnknownKind => "error-question-kind",
            QuestionError::MissingText => "error-question-text",
            QuestionError::MissingScaleLabels => "error-question-scale",
            QuestionError::TooLong => "error-too-long",
            QuestionError::NoSuchQuestion => "error-not-found",
            QuestionError::EmptyName => "error-question-set-name",
        }
    }
}

/// A question set and its current version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSet {
    pub id: QuestionSetId,
    pub org_id: OrgId,
    pub name: String,
    pub current: Version,
}

/// An immutable version of a set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    pub id: VersionId,
    pub number: u32,
    pub questions: Vec<Question>,
}

/// The questions a cycle marks as this year's focus, as positions in one version of its set.
/// The rest of the set stays optional.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Focus {
    pub version: VersionId,
    pub positions: Vec<usize>,
}

/// A few questions keep the preparation light.
pub const MAX_FOCUS_QUESTIONS: usize = 6;

impl Focus {
    /// Marks these positions of `version`; positions outside it are dropped. Refused when more
    /// than [`MAX_FOCUS_QUESTIONS`] are marked.
    pub fn new(version: &Version, mut positions: Vec<usize>) -> Option<Focus> {
        positions.retain(|p| *p < version.questions.len());
        positions.sort_unstable();
        positions.dedup();
        (positions.len() <= MAX_FOCUS_QUESTIONS).then_some(Focus {
            version: version.id,
            positions,
        })
    }

    /// The focus positions in `other`, a version the conversation was pinned to: the same
    /// positions if it is the marked version, otherwise the questions with the same Danish text.
    pub fn positions_in(&self, marked: &Version, other: &Version) -> Vec<usize> {
        if other.id == self.version {
            return self.positions.clone();
        }
        let texts: Vec<&str> = self
            .positions
            .iter()
            .filter_map(|p| marked.questions.get(*p))
            .map(|q| q.text.da.as_str())
            .collect();
        other
            .questions
            .iter()
            .enumerate()
            .filter(|(_, q)| texts.contains(&q.text.da.as_str()))
            .map(|(i, _)| i)
            .collect()
    }
}

/// A change to a set's questions; applying it yields the next version's questions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    Add(Question),
    Replace(usize, Question),
    Remove(usize),
    /// Moves a question one place up (towards the start) within the list.
    MoveUp(usize),
}

impl Version {
    /// The questions after an edit, kept in section order.
    pub fn apply(&self, edit: Edit) -> Result<Vec<Question>, QuestionError> {
        let mut questions = self.questions.clone();
        let exists = |i: usize| {
            if i < questions.len() {
                Ok(())
            } else {
                Err(QuestionError::NoSuchQuestion)
            }
        };
        match edit {
            Edit::Add(question) => questions.push(question),
            Edit::Replace(i, question) => {
                exists(i)?;
                questions[i] = question;
            }
            Edit::Remove(i) => {
                exists(i)?;
                questions.remove(i);
            }
            Edit::MoveUp(i) => {
                exists(i)?;
                if i > 0 && questions[i - 1].section == questions[i].section {
                    questions.swap(i - 1, i);
                }
            }
        }
        // A stable sort keeps the order within each section.
        questions.sort_by_key(|q| q.section);
        Ok(questions)
    }
}

/// A set's name, validated.
pub fn set_name(raw: &str) -> Result<String, QuestionError> {
    let name = raw.trim();
    match name.chars().count() {
        0 => Err(QuestionError::EmptyName),
        n if n > 200 => Err(QuestionError::TooLong),
        _ => Ok(name.to_owned()),
    }
}

fn text(section: Section, da: &str, en: &str) -> Question {
    Question {
        section,
        kind: QuestionKind::Text,
        text: Bilingual::new(da, en),
    }
}

fn scale(section: Section, da: &str, en: &str, low: (&str, &str), high: (&str, &str)) -> Question {
    Question {
        section,
        kind: QuestionKind::Scale {
            low: Bilingual::new(low.0, low.1),
            high: Bilingual::new(high.0, high.1),
        },
        text: Bilingual::new(da, en),
    }
}

fn goals(section: Section, da: &str, en: &str) -> Question {
    Question {
        section,
        kind: QuestionKind::Goals,
        text: Bilingual::new(da, en),
    }
}

/// MOUSE's own question set, written from the source's questions for each letter and turned
/// towards the person preparing: short enough to prepare in well under an hour.
pub fn default_questions() -> Vec<Question> {
    use Section::*;
    vec![
        text(
            Employee,
            "Hvad kan du regne med som medarbejder her – og hvad har du brug for at kunne regne med?",
            "What can you count on as an employee here – and what do you need to be able to count on?",
        ),
        text(
            Employee,
            "Hvad forventes der af dig, og hvad forventer du selv af dit næste år?",
            "What is expected of you, and what do you expect of your coming year?",
        ),
        text(
            Employee,
            "Hvad kan du forvente fra organisationen og fra din leder?",
            "What can you expect from the organisation and from your leader?",
        ),
        scale(
            Employee,
            "Hvor godt trives du i dit arbejde?",
            "How well are you doing in your work?",
            ("Slet ikke", "Not at all"),
            ("Rigtig godt", "Very well"),
        ),
        goals(
            Organisation,
            "Hvilke af årets strategiske mål hænger tættest sammen med dit arbejde?",
            "Which of this year's strategic goals are closest to your work?",
        ),
        text(
            Organisation,
            "Hvordan bidrager du til målene i dag – og hvornår er det svært at handle efter strategien i konkrete situationer?",
            "How do you contribute to the goals today – and when is it hard to act on the strategy in concrete situations?",
        ),
        text(
            Organisation,
            "Hvilke muligheder og barrierer ser du for at nå målene?",
            "Which opportunities and barriers do you see for reaching the goals?",
        ),
        scale(
            Organisation,
            "Hvor klar er strategien for dig i dit daglige arbejde?",
            "How clear is the strategy to you in your daily work?",
            ("Helt uklar", "Not clear at all"),
            ("Helt klar", "Completely clear"),
        ),
        text(
            Organisation,
            "Hvilke kompetencer kalder fremtiden på hos os – fra brugere, borgere eller samfundet?",
            "Which competences will the future ask of us – from users, citizens or society?",
        ),
        text(
            Development,
            "Hvad vil du gerne blive bedre til det næste år, og hvorfor?",
            "What would you like to get better at in the coming year, and why?",
        ),
        text(
            Development,
            "Hvilke veje kunne hjælpe dig: kursus, oplæring i hverdagen, mentor, projekt?",
            "Which paths could help you: a course, learning on the job, a mentor, a project?",
        ),
        scale(
            Development,
            "I hvor høj grad er der tid og rum til udvikling i din hverdag?",
            "How much time and room for development is there in your everyday work?",
            ("Ingen", "None"),
            ("Rigeligt", "Plenty"),
        ),
        goals(
            Development,
            "Hvilke strategiske mål skal din udvikling især støtte?",
            "Which strategic goals should your development support most?",
        ),
        text(
            Conversation,
            "Hvad vil du gerne have på dagsordenen til vores samtale?",
            "What would you like on the agenda of our conversation?",
        ),
        text(
            Conversation,
            "Hvad skal der til, for at samtalen bliver god for dig?",
            "What would make the conversation a good one for you?",
        ),
        text(
            Effect,
            "Hvad blev der af sidste års aftale – hvad lykkedes, og hvad gjorde det svært?",
            "What became of last year's agreement – what worked, and what made it hard?",
        ),
        text(
            Effect,
            "Hvilken forskel skal årets aftale gøre – for dig, dit team og organisationen?",
            "What difference should this year's agreement make – for you, your team and the organisation?",
        ),
        text(
            Effect,
            "Hvordan og hvornår vil du følge op på aftalen?",
            "How and when would you like to follow up on the agreement?",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version() -> Version {
        Version {
            id: VersionId::new(),
            number: 1,
            questions: default_questions(),
        }
    }

    #[test]
    fn the_default_set_covers_all_five_letters_in_both_languages() {
        let questions = default_questions();
        for section in Section::ALL {
            assert!(questions.iter().any(|q| q.section == section), "{section}");
        }
        assert!(questions.iter().all(|q| q.text.is_complete()));
        assert!(
            questions.windows(2).all(|w| w[0].section <= w[1].section),
            "in MOUSE order"
        );
        for kind in ["text", "scale", "goals"] {
            assert!(questions.iter().any(|q| q.kind.as_str() == kind), "{kind}");
        }
    }

    #[test]
    fn edits_make_new_question_lists_and_keep_section_order() {
        let v = version();
        let added = Question::parse(
            "m",
            "text",
            Bilingual::new("Ny?", "New?"),
            Bilingual::default(),
            Bilingual::default(),
        )
        .unwrap();
        let after = v.apply(Edit::Add(added.clone())).unwrap();
        assert_eq!(after.len(), v.questions.len() + 1);
        let last_m = after
            .iter()
            .rposition(|q| q.section == Section::Employee)
            .unwrap();
        assert_eq!(after[last_m], added, "added at the end of its section");
        assert_eq!(
            v.questions,
            default_questions(),
            "the version itself never changes"
        );
        let moved = v.apply(Edit::MoveUp(1)).unwrap();
        assert_eq!(
            (moved[0].clone(), moved[1].clone()),
            (v.questions[1].clone(), v.questions[0].clone())
        );
        let first_o = v
            .questions
            .iter()
            .position(|q| q.section == Section::Organisation)
            .unwrap();
        assert_eq!(
            v.apply(Edit::MoveUp(first_o)).unwrap(),
            v.questions,
            "never across sections"
        );
        assert_eq!(
            v.apply(Edit::Remove(99)),
            Err(QuestionError::NoSuchQuestion)
        );
        assert_eq!(
            v.apply(Edit::Remove(0)).unwrap().len(),
            v.questions.len() - 1
        );
    }

    #[test]
    fn focus_follows_its_questions_into_a_later_version() {
        let first = Version {
            id: VersionId::new(),
            number: 1,
            questions: default_questions(),
        };
        assert!(
            Focus::new(&first, (0..7).collect()).is_none(),
            "a few, not all"
        );
        let focus = Focus::new(&first, vec![5, 3, 3, 99]).unwrap();
        assert_eq!(focus.positions, vec![3, 5]);
        let mut moved = first.questions.clone();
        moved.remove(0);
        let second = Version {
            id: VersionId::new(),
            number: 2,
            questions: moved,
        };
        assert_eq!(focus.positions_in(&first, &first), vec![3, 5]);
        assert_eq!(focus.positions_in(&first, &second), vec![2, 4]);
    }

    #[test]
    fn questions_need_both_languages_and_scale_words() {
        let none = Bilingual::default();
        assert_eq!(
            Question::parse(
                "x",
                "text",
                Bilingual::new("a", "b"),
                none.clone(),
                none.clone()
            ),
            Err(QuestionError::UnknownSection)
        );
        assert_eq!(
            Question::parse(
                "m",
                "text",
                Bilingual::new("a", " "),
                none.clone(),
                none.clone()
            ),
            Err(QuestionError::MissingText)
        );
        assert_eq!(
            Question::parse(
                "m",
                "scale",
                Bilingual::new("a", "b"),
                Bilingual::new("lav", "low"),
                none.clone()
            ),
            Err(QuestionError::MissingScaleLabels)
        );
        assert_eq!(
            Question::parse("m", "essay", Bilingual::new("a", "b"), none.clone(), none),
            Err(QuestionError::UnknownKind)
        );
        assert_eq!(set_name("  "), Err(QuestionError::EmptyName));
    }
}
