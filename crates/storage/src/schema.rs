//! Table and column names, once, for sea-query.

use sea_query::Iden;

#[derive(Iden, Clone, Copy)]
pub(crate) enum Organisations {
    Table,
    Id,
    Name,
    Slug,
    AnonymityThreshold,
    DraftRetentionDays,
    StaleAfterDays,
    EscalateAfterDays,
    UnitsRevision,
    CyclesRevision,
    GoalsRevision,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Units {
    Table,
    Id,
    OrgId,
    ParentId,
    Name,
    NameKey,
    Kind,
    LeaderId,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum People {
    Table,
    Id,
    OrgId,
    UnitId,
    Name,
    Email,
    JobTitle,
    LeaderId,
    Active,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Users {
    Table,
    PersonId,
    PasswordHash,
    Locale,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum UserRoles {
    Table,
    PersonId,
    Role,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Sessions {
    Table,
    IdHash,
    PersonId,
    CsrfToken,
    Locale,
    CreatedAt,
    ExpiresAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum LoginFailures {
    Table,
    Id,
    Email,
    Ip,
    At,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum AuditEvents {
    Table,
    Id,
    OrgId,
    ActorId,
    Kind,
    Subject,
    Detail,
    Ip,
    At,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum PendingImports {
    Table,
    Id,
    OrgId,
    PersonId,
    Filename,
    Content,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum StrategicGoals {
    Table,
    Id,
    OrgId,
    ParentId,
    UnitId,
    Title,
    Description,
    PeriodFrom,
    PeriodTo,
    Status,
    Retired,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Cycles {
    Table,
    Id,
    OrgId,
    Name,
    Intention,
    State,
    PreparationOpens,
    ConversationsFrom,
    ConversationsTo,
    Evaluation,
    QuestionSetId,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CycleFollowUps {
    Table,
    CycleId,
    Due,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CycleFocusGoals {
    Table,
    CycleId,
    GoalId,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CycleFramings {
    Table,
    CycleId,
    UnitId,
    Text,
    AuthorId,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum QuestionSets {
    Table,
    Id,
    OrgId,
    Name,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum QuestionSetVersions {
    Table,
    Id,
    SetId,
    Number,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Questions {
    Table,
    VersionId,
    Position,
    Section,
    Kind,
    TextDa,
    TextEn,
    LowDa,
    LowEn,
    HighDa,
    HighEn,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Conversations {
    Table,
    Id,
    OrgId,
    CycleId,
    EmployeeId,
    LeaderId,
    StartsAt,
    DurationMinutes,
    Place,
    VideoLink,
    AgendaNote,
    PreparationDeadline,
    ProposedStart,
    ProposalNote,
    Cancelled,
    Sequence,
    VersionId,
    CreatedAt,
    UpdatedAt,
    HeldAt,
    Prepared,
    Agreed,
    Superseded,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Preparations {
    Table,
    ConversationId,
    Side,
    Answers,
    Revision,
    Shared,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Contracts {
    Table,
    ConversationId,
    Items,
    EmployeeConfirmed,
    LeaderConfirmed,
    Revision,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum AgendaPoints {
    Table,
    Id,
    ConversationId,
    Side,
    Text,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Competences {
    Table,
    Id,
    OrgId,
    Name,
    Description,
    Retired,
    CreatedAt,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CompetenceGoals {
    Table,
    CompetenceId,
    GoalId,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum ConversationNotes {
    Table,
    ConversationId,
    Text,
    Revision,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Agreements {
    Table,
    ConversationId,
    Document,
    EmployeeSignedAt,
    LeaderSignedAt,
    Revision,
    UpdatedAt,
    LastActivityAt,
    OpenItems,
    FirstActionDue,
    FirstCommitmentDue,
}

/// The current agreements with what the drawer detector judges (migration 0036).
#[derive(Iden, Clone, Copy)]
pub(crate) enum CurrentAgreements {
    Table,
    OrgId,
    UnitId,
    ConversationId,
    EmployeeId,
    LeaderId,
    CycleId,
    LastActivity,
    OpenItems,
    FirstActionDue,
    FirstCommitmentDue,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum StrategicFeedback {
    Table,
    ConversationId,
    GoalId,
    OrgId,
    CycleId,
    EmployeeId,
    Contribution,
    HardSituations,
    WhatThen,
    Opportunities,
    Barriers,
    Clarity,
    Visibility,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CycleFocusQuestions {
    Table,
    CycleId,
    VersionId,
    Position,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum ConversationHrShares {
    Table,
    ConversationId,
    Part,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum AgreementItems {
    Table,
    ItemId,
    ConversationId,
    Kind,
    Text,
    OwnerId,
    Due,
    Progress,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum DevelopmentGoals {
    Table,
    ItemId,
    ConversationId,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum DevelopmentGoalLinks {
    Table,
    ItemId,
    GoalId,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum DevelopmentGoalCompetences {
    Table,
    ItemId,
    CompetenceId,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum GoalReviews {
    Table,
    FollowUpId,
    ItemId,
    HeldAt,
    Done,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum ProgressUpdates {
    Table,
    Id,
    ConversationId,
    ItemId,
    ById,
    At,
    Progress,
    Note,
    Day,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum FollowUps {
    Table,
    Id,
    ConversationId,
    Due,
    HeldAt,
    Reviews,
    Revision,
    UpdatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum CalendarFeeds {
    Table,
    PersonId,
    TokenHash,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum Outbox {
    Table,
    Id,
    OrgId,
    PersonId,
    EventKey,
    Recipient,
    Subject,
    Body,
    Calendar,
    Status,
    Attempts,
    NextAttemptAt,
    LockedBy,
    LockedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum ReminderOptOuts {
    Table,
    PersonId,
    Kind,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum ConversationEvaluations {
    Table,
    ConversationId,
    Side,
    OrgId,
    CycleId,
    EmployeeId,
    LeaderId,
    Equals,
    Strategy,
    Priorities,
    Worth,
    Comment,
    GivenAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum EffectIntentions {
    Table,
    Id,
    OrgId,
    CycleId,
    Text,
    Metric,
    Target,
    CreatedAt,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum FeedbackResponses {
    Table,
    Handle,
    ConversationId,
    GoalId,
    OrgId,
    TakenUp,
    Answer,
    RoutedUnitId,
    AnsweredBy,
    AnsweredAt,
    SharedAt,
}

/// The columns of every per-cycle counter table.
#[derive(Iden, Clone, Copy)]
pub(crate) enum CycleCounter {
    CycleId,
    Revision,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum AnswersRevisions {
    Table,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum FiguresRevisions {
    Table,
}

#[derive(Iden, Clone, Copy)]
pub(crate) enum FeedbackRevisions {
    Table,
}

/// Which units' effect figures changed at which revision of their cycle's counter.
#[derive(Iden, Clone, Copy)]
pub(crate) enum FiguresChanges {
    Table,
    CycleId,
    UnitId,
    Revision,
}
