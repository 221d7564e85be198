//! The effect the leadership group wants from a cycle: a few measurable intentions, each a
//! figure of the dashboards with a target, so that the dashboards can say whether the cycle
//! did what it was meant to do.

use crate::effect::{Figure, Figures, Share};
use crate::evaluation::Question;
use crate::ids::{CycleId, GoalId};
use uuid::Uuid;

/// What an intention measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Metric {
    /// A share of the dashboards, in per cent.
    Share(Figure),
    /// The share of development goals serving a strategic goal, in per cent.
    Served(GoalId),
    /// The employees' average evaluation of a question, 1 to 5.
    Evaluation(Question),
}

impl Metric {
    /// How the metric is stored and chosen in forms: `share:held`, `served:<goal>`,
    /// `evaluation:worth`.
    pub fn code(self) -> String {
        match self {
            Metric::Share(f) => format!("share:{}", f.as_str()),
            Metric::Served(g) => format!("served:{g}"),
            Metric::Evaluation(q) => format!("evaluation:{}", q.as_str()),
        }
    }

    pub fn parse(code: &str) -> Result<Metric, IntentionError> {
        let (kind, value) = code.split_once(':').ok_or(IntentionError::BadMetric)?;
        match kind {
            "share" => Figure::parse(value)
                .map(Metric::Share)
                .ok_or(IntentionError::BadMetric),
            "served" => value
                .parse::<Uuid>()
                .map(|id| Metric::Served(GoalId(id)))
                .map_err(|_| IntentionError::BadMetric),
            "evaluation" => Question::ALL
                .into_iter()
                .find(|q| q.as_str() == value)
                .map(Metric::Evaluation)
                .ok_or(IntentionError::BadMetric),
            _ => Err(IntentionError::BadMetric),
        }
    }

    /// The highest target: 100 per cent, or 5 on the evaluation scale.
    pub fn ceiling(self) -> f64 {
        match self {
            Metric::Evaluation(_) => 5.0,
            _ => 100.0,
        }
    }

    /// Lower is better only for figures that count what went wrong.
    pub fn lower_is_better(self) -> bool {
        matches!(
            self,
            Metric::Share(Figure::Overdue) | Metric::Share(Figure::Stale)
        )
    }

    /// The measured value for a group from its figures; evaluation averages come from
    /// elsewhere, since whether they may be shown depends on more than the group.
    pub fn measure(self, figures: &Figures) -> Option<f64> {
        let percent = |s: Share| s.percent().map(|p| p as f64);
        match self {
            Metric::Share(f) => percent(figures.share(f)),
            Metric::Served(goal) => {
                let served = figures
                    .red_thread
                    .iter()
                    .find(|g| g.goal == goal)
                    .map_or(0, |g| g.dev_goals);
                percent(Share {
                    part: served,
                    whole: figures.dev_goals,
                })
            }
            Metric::Evaluation(_) => None,
        }
    }
}

/// One intention of a cycle.
#[derive(Clone, Debug, PartialEq)]
pub struct Intention {
    pub id: Uuid,
    pub cycle_id: CycleId,
    /// In the leadership's words: what should be different, and why.
    pub text: String,
    pub metric: Metric,
    pub target: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IntentionError {
    #[error("describe the intention")]
    MissingText,
    #[error("the text is too long")]
    TooLong,
    #[error("not one of the measures")]
    BadMetric,
    #[error("the target is outside the measure's range")]
    BadTarget,
}

impl IntentionError {
    pub fn message_key(self) -> &'static str {
        match self {
            IntentionError::MissingText => "error-intention-text",
            IntentionError::TooLong => "error-too-long",
            IntentionError::BadMetric => "error-bad-form",
            IntentionError::BadTarget => "error-intention-target",
        }
    }
}

impl Intention {
    /// Reads an intention as typed; the target accepts a decimal comma.
    pub fn read(
        cycle_id: CycleId,
        text: &str,
        metric: &str,
        target: &str,
    ) -> Result<Intention, IntentionError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(IntentionError::MissingText);
        }
        if text.chars().count() > 500 {
            return Err(IntentionError::TooLong);
        }
        let metric = Metric::parse(metric)?;
        let floor = match metric {
            Metric::Evaluation(_) => 1.0,
            _ => 0.0,
        };
        let target: f64 = target
            .trim()
            .replace(',', ".")
            .parse()
            .ok()
            .filter(|t: &f64| t.is_finite() && *t >= floor && *t <= metric.ceiling())
            .ok_or(IntentionError::BadTarget)?;
        Ok(Intention {
            id: Uuid::now_v7(),
            cycle_id,
            text: text.to_owned(),
            metric,
            target,
        })
    }

    /// Whether a measured value meets the target.
    pub fn met(&self, measured: f64) -> bool {
        if self.metric.lower_is_better() {
            measured <= self.target
        } else {
            measured >= self.target
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metrics_round_trip_through_their_codes() {
        let goal = GoalId::new();
        for metric in [
            Metric::Share(Figure::Held),
            Metric::Served(goal),
            Metric::Evaluation(Question::Worth),
        ] {
            assert_eq!(Metric::parse(&metric.code()), Ok(metric));
        }
        for bad in [
            "",
            "share:nothing",
            "served:not-a-uuid",
            "evaluation:mood",
            "other:x",
        ] {
            assert_eq!(Metric::parse(bad), Err(IntentionError::BadMetric), "{bad}");
        }
    }

    #[test]
    fn targets_stay_within_the_measure() {
        let cycle = CycleId::new();
        let read = |metric, target| Intention::read(cycle, "Flere samtaler", metric, target);
        assert_eq!(read("share:held", "90").unwrap().target, 90.0);
        assert_eq!(read("evaluation:worth", "4,2").unwrap().target, 4.2);
        assert_eq!(read("share:held", "120"), Err(IntentionError::BadTarget));
        assert_eq!(
            read("evaluation:worth", "0.5"),
            Err(IntentionError::BadTarget)
        );
        assert_eq!(read("share:held", "mange"), Err(IntentionError::BadTarget));
        assert_eq!(
            Intention::read(cycle, "  ", "share:held", "90"),
            Err(IntentionError::MissingText)
        );
    }

    #[test]
    fn fewer_overdue_actions_is_better() {
        let cycle = CycleId::new();
        let overdue = Intention::read(cycle, "Færre over frist", "share:overdue", "10").unwrap();
        assert!(overdue.met(5.0) && !overdue.met(20.0));
        let held = Intention::read(cycle, "Alle holdt", "share:held", "95").unwrap();
        assert!(held.met(96.0) && !held.met(80.0));
    }
}
