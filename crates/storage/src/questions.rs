//! Question sets: a set lives on through immutable, numbered versions.

use crate::db::{Conn, Db, now};
use crate::schema::{QuestionSetVersions, QuestionSets, Questions};
use crate::{Result, StorageError};
use chrono::{DateTime, Utc};
use domain::questions::{Bilingual, Question, QuestionKind, QuestionSet, Version};
use domain::{OrgId, QuestionSetId, VersionId};
use sea_query::{Expr, Order, Query};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct QuestionRow {
    version_id: Uuid,
    section: String,
    kind: String,
    text_da: String,
    text_en: String,
    low_da: String,
    low_en: String,
    high_da: String,
    high_en: String,
}

impl TryFrom<QuestionRow> for Question {
    type Error = StorageError;
    fn try_from(row: QuestionRow) -> Result<Self> {
        let kind = match row.kind.as_str() {
            "text" => QuestionKind::Text,
            "goals" => QuestionKind::Goals,
            "scale" => QuestionKind::Scale {
                low: Bilingual::new(&row.low_da, &row.low_en),
                high: Bilingual::new(&row.high_da, &row.high_en),
            },
            other => return Err(StorageError::Corrupt(format!("question kind {other}"))),
        };
        Ok(Question {
            section: row
                .section
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("section {}", row.section)))?,
            kind,
            text: Bilingual {
                da: row.text_da,
                en: row.text_en,
            },
        })
    }
}

/// One version in a set's history.
#[derive(Clone, Debug)]
pub struct VersionInfo {
    pub number: u32,
    pub created_at: DateTime<Utc>,
}

impl Db {
    /// The organisation's question sets, each with its newest version.
    pub async fn question_sets(&self, org: OrgId) -> Result<Vec<QuestionSet>> {
        let sets: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([QuestionSets::Id, QuestionSets::Name])
                    .from(QuestionSets::Table)
                    .and_where(Expr::col(QuestionSets::OrgId).eq(org.0))
                    .order_by(QuestionSets::Name, Order::Asc),
            )
            .await?;
        let versions: Vec<(Uuid, Uuid, i32)> = self
            .all(
                Query::select()
                    .columns([
                        (QuestionSetVersions::Table, QuestionSetVersions::Id),
                        (QuestionSetVersions::Table, QuestionSetVersions::SetId),
                        (QuestionSetVersions::Table, QuestionSetVersions::Number),
                    ])
                    .from(QuestionSetVersions::Table)
                    .inner_join(
                        QuestionSets::Table,
                        Expr::col((QuestionSets::Table, QuestionSets::Id))
                            .equals((QuestionSetVersions::Table, QuestionSetVersions::SetId)),
                    )
                    .and_where(Expr::col((QuestionSets::Table, QuestionSets::OrgId)).eq(org.0)),
            )
            .await?;
        let mut newest: HashMap<Uuid, (Uuid, i32)> = HashMap::new();
        for (id, set, number) in versions {
            let entry = newest.entry(set).or_insert((id, number));
            if number > entry.1 {
                *entry = (id, number);
            }
        }
        let mut out = Vec::new();
        for (id, name) in sets {
            let Some((version, number)) = newest.get(&id).copied() else {
                return Err(StorageError::Corrupt(format!(
                    "question set {id} without versions"
                )));
            };
            out.push(QuestionSet {
                id: QuestionSetId(id),
                org_id: org,
                name,
                current: Version {
                    id: VersionId(version),
                    number: number as u32,
                    questions: self.version_questions(version).await?,
                },
            });
        }
        Ok(out)
    }

    pub async fn question_set(&self, org: OrgId, id: QuestionSetId) -> Result<QuestionSet> {
        self.question_sets(org)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or(StorageError::NotFound)
    }

    /// A version of one of the organisation's sets, as a conversation prepared with it sees it.
    /// Versions never change, so each is read once and kept in memory.
    pub async fn version(&self, org: OrgId, id: VersionId) -> Result<Version> {
        if let Some((owner, kept)) = self.memory.versions.lock().expect("versions").get(&id)
            && *owner == org
        {
            return Ok(kept.clone());
        }
        let version = self.read_version(org, id).await?;
        self.memory
            .versions
            .lock()
            .expect("versions")
            .insert(id, (org, version.clone()));
        Ok(version)
    }

    async fn read_version(&self, org: OrgId, id: VersionId) -> Result<Version> {
        let row: Option<(i32,)> = self
            .optional(
                Query::select()
                    .column((QuestionSetVersions::Table, QuestionSetVersions::Number))
                    .from(QuestionSetVersions::Table)
                    .inner_join(
                        QuestionSets::Table,
                        Expr::col((QuestionSets::Table, QuestionSets::Id))
                            .equals((QuestionSetVersions::Table, QuestionSetVersions::SetId)),
                    )
                    .and_where(Expr::col((QuestionSets::Table, QuestionSets::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((QuestionSetVersions::Table, QuestionSetVersions::Id)).eq(id.0),
                    ),
            )
            .await?;
        let (number,) = row.ok_or(StorageError::NotFound)?;
        Ok(Version {
            id,
            number: number as u32,
            questions: self.version_questions(id.0).await?,
        })
    }

    async fn version_questions(&self, version: Uuid) -> Result<Vec<Question>> {
        let rows: Vec<QuestionRow> = self
            .all(
                Query::select()
                    .columns([
                        Questions::VersionId,
                        Questions::Section,
                        Questions::Kind,
                        Questions::TextDa,
                        Questions::TextEn,
                        Questions::LowDa,
                        Questions::LowEn,
                        Questions::HighDa,
                        Questions::HighEn,
                    ])
                    .from(Questions::Table)
                    .and_where(Expr::col(Questions::VersionId).eq(version))
                    .order_by(Questions::Position, Order::Asc),
            )
            .await?;
        debug_assert!(rows.iter().all(|r| r.version_id == version));
        rows.into_iter().map(Question::try_from).collect()
    }

    /// The history of a set, newest first.
    pub async fn versions(&self, org: OrgId, set: QuestionSetId) -> Result<Vec<VersionInfo>> {
        let rows: Vec<(i32, DateTime<Utc>)> = self
            .all(
                Query::select()
                    .columns([
                        (QuestionSetVersions::Table, QuestionSetVersions::Number),
                        (QuestionSetVersions::Table, QuestionSetVersions::CreatedAt),
                    ])
                    .from(QuestionSetVersions::Table)
                    .inner_join(
                        QuestionSets::Table,
                        Expr::col((QuestionSets::Table, QuestionSets::Id))
                            .equals((QuestionSetVersions::Table, QuestionSetVersions::SetId)),
                    )
                    .and_where(Expr::col((QuestionSets::Table, QuestionSets::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((QuestionSetVersions::Table, QuestionSetVersions::SetId))
                            .eq(set.0),
                    )
                    .order_by(
                        (QuestionSetVersions::Table, QuestionSetVersions::Number),
                        Order::Desc,
                    ),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(number, created_at)| VersionInfo {
                number: number as u32,
                created_at,
            })
            .collect())
    }

    /// Creates a set with its first version.
    pub async fn create_question_set(
        &self,
        org: OrgId,
        name: &str,
        questions: &[Question],
    ) -> Result<QuestionSet> {
        let id = QuestionSetId::new();
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::insert()
                    .into_table(QuestionSets::Table)
                    .columns([
                        QuestionSets::Id,
                        QuestionSets::OrgId,
                        QuestionSets::Name,
                        QuestionSets::CreatedAt,
                    ])
                    .values_panic([id.0.into(), org.0.into(), name.into(), now().into()]),
            )
            .await?;
        let version = write_version(&mut tx.c(), id, 1, questions).await?;
        tx.commit().await?;
        Ok(QuestionSet {
            id,
            org_id: org,
            name: name.to_owned(),
            current: Version {
                id: version,
                number: 1,
                questions: questions.to_vec(),
            },
        })
    }

    /// Adds the version after the set's current one. If someone else saved a version in
    /// the meantime, the number is taken and this gives [`StorageError::Conflict`].
    pub async fn add_version(&self, set: &QuestionSet, questions: &[Question]) -> Result<Version> {
        let number = set.current.number + 1;
        let mut tx = self.begin().await?;
        let id = write_version(&mut tx.c(), set.id, number, questions).await?;
        tx.commit().await?;
        Ok(Version {
            id,
            number,
            questions: questions.to_vec(),
        })
    }
}

async fn write_version(
    c: &mut Conn<'_>,
    set: QuestionSetId,
    number: u32,
    questions: &[Question],
) -> Result<VersionId> {
    let id = VersionId::new();
    c.exec(
        Query::insert()
            .into_table(QuestionSetVersions::Table)
            .columns([
                QuestionSetVersions::Id,
                QuestionSetVersions::SetId,
                QuestionSetVersions::Number,
                QuestionSetVersions::CreatedAt,
            ])
            .values_panic([
                id.0.into(),
                set.0.into(),
                (number as i32).into(),
                now().into(),
            ]),
    )
    .await?;
    for (position, question) in questions.iter().enumerate() {
        let (low, high) = match &question.kind {
            QuestionKind::Scale { low, high } => (low.clone(), high.clone()),
            _ => (Bilingual::default(), Bilingual::default()),
        };
        c.exec(
            Query::insert()
                .into_table(Questions::Table)
                .columns([
                    Questions::VersionId,
                    Questions::Position,
                    Questions::Section,
                    Questions::Kind,
                    Questions::TextDa,
                    Questions::TextEn,
                    Questions::LowDa,
                    Questions::LowEn,
                    Questions::HighDa,
                    Questions::HighEn,
                ])
                .values_panic([
                    id.0.into(),
                    (position as i32).into(),
                    question.section.as_str().into(),
                    question.kind.as_str().into(),
                    question.text.da.clone().into(),
                    question.text.en.clone().into(),
                    low.da.into(),
                    low.en.into(),
                    high.da.into(),
                    high.en.into(),
                ]),
        )
        .await?;
    }
    Ok(id)
}
