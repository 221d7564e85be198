# MOUSE – English

app-name = MOUSE
footer-tagline = MOUSE – employee and organisation development conversations with effect
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Home
nav-people = People
nav-units = Units
nav-import = Import
nav-users = Users
nav-audit = Audit log
logged-in-as = Logged in as { $name }
logout = Log out
language = Language
back-home = Back to the home page
edit = Edit
save = Save
create = Create
yes = Yes
no = No
pagination = Pages
newer = ← Newer
older = Older →
page-previous = ← Previous
page-next = Next →
page-range = { $from }–{ $to } of { $total }
search-label = Search
search-placeholder = Search by name or e-mail
search-submit = Search

# Confirmations
done-saved = Your changes are saved.
done-created = Created.
done-deactivated = The person is deactivated and can no longer log in.
done-activated = The person is active again.
done-imported = The import is done.
done-password = The password is set.
done-roles = The roles are saved.

# Errors
error-title = That did not work
error-status = Error code { $status }
error-login-required = Please log in first.
error-forbidden = You do not have access to this page.
error-not-found = This page does not exist, or you do not have access to it.
error-csrf = The form has expired. Go back, reload the page and try again.
error-too-many-attempts = Too many failed login attempts. Wait a quarter of an hour and try again.
error-too-large = What you sent is too large.
error-internal = Something unexpected went wrong. Try again in a moment; if it persists, contact your administrator.
error-bad-form = The form was not filled in correctly. Please try again.
error-bad-language = Unknown language.
error-deactivate-self = You cannot deactivate yourself.
error-own-admin-role = You cannot remove your own administrator role. Ask another administrator.
error-password-short = The password must be at least { $min } characters.
error-password-mismatch = The two passwords differ.
error-import-conflict = The import could not be applied because the data changed meanwhile. Nothing was written. Check the file again.
error-unit-name-empty = The unit needs a name.
error-unit-name-too-long = The name is too long (at most 120 characters).
error-unit-kind = Unknown kind of unit.
error-unit-name-taken = A unit with that name already exists.
error-unit-parent = The parent unit does not exist.
error-unit-cycle = A unit cannot be moved under itself or one of its own units.
error-unit-root = The organisation is the root of the tree and cannot be moved.
error-unit-kind-order = A department cannot be placed under a team.
error-person-name-empty = The name is missing.
error-too-long = The text is too long.
error-email-invalid = The e-mail address is not valid.
error-email-taken = Another person already uses this e-mail address.
error-unit-unknown = The unit does not exist.
error-leader-unknown = The leader is not in the organisation.
error-leader-self = A person cannot be their own leader.

# Log in
login-title = Log in
login-intro = Log in with your e-mail address and password.
login-submit = Log in
login-failed = Wrong e-mail or password.
field-email = E-mail
field-password = Password

# Roles and unit kinds
role-employee = Employee
role-leader = Leader
role-leadership = Leadership group
role-hr = HR / MUS coordinator
role-admin = Administrator
unit-kind-organisation = Organisation
unit-kind-department = Department
unit-kind-team = Team

# Home
home-title = Home
home-welcome = Welcome, { $name }
home-intro = Your overview of this year's conversations and your place in the organisation.
home-about-you = About you
home-your-profile = See your profile
home-your-people = Your people
home-you-lead = You lead { $units }.
home-no-people = There are no employees in your units yet.
home-organisation = The organisation
home-org-summary = { $count ->
    [one] { $count } active person
   *[other] { $count } active people
}
home-units-top = The { $shown } top units of the organisation's { $total } are listed here.
home-team-first = { $count ->
    [one] the first by name
   *[other] the first { $count } by name
}
home-recent-audit = Recent events
field-name = Name
field-job-title = Job title
field-unit = Unit
field-leader = Leader
field-roles = Roles
field-kind = Kind
field-unit-leader = Unit leader
field-headcount = Directly
field-status = Status
status-active = Active
status-inactive = Deactivated
people-count = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
units-count = { $count ->
    [one] { $count } unit
   *[other] { $count } units
}

# People
people-title = People
people-none = Nobody matches.
people-conversations = Conversations
person-conversations = Conversations
person-conversation-when = When
person-new-title = New person
field-leader-email = Leader's e-mail (optional)
field-leader-email-help = Empty means: the leader of the person's unit.
person-deactivate = Deactivate
person-activate = Activate again

# Units
units-title = Units
unit-new-title = New unit
field-parent = Placed under
field-unit-leader-email = Leader's e-mail (empty: no leader)
back-units = Back to units

# Users
users-title = Users and roles
users-intro = Everyone in the organisation is an employee, and whoever leads a unit is a leader. Here you give access to log in and the other roles.
field-login = Can log in
user-can-log-in = can log in
user-cannot-log-in = has no password yet
roles-help = The leadership group sees the whole organisation; HR maintains units and people; administrators manage users and read the audit log.
password-title = Password
field-new-password = New password
field-confirm-password = Repeat the password
password-help = At least { $min } characters. The person is logged out everywhere.
password-submit = Set password
back-users = Back to users

# Import
import-title = Import people
import-intro = Load people from a CSV file from your HR system. You first see exactly what will happen; nothing is saved until you confirm, and only if the whole file is in order.
import-columns-required = Required columns: name (or first and last name), e-mail and unit.
import-columns-optional = Optional columns: job title and leader's e-mail.
import-formats = Comma or semicolon; UTF-8 (with or without BOM) or Windows-1252.
import-file = CSV file
import-check = Check the file
import-no-file = Choose a file.
import-report-intro = This is how { $file } would change the organisation:
import-creates = { $count ->
    [one] { $count } new person
   *[other] { $count } new people
}
import-updates = { $count ->
    [one] { $count } changed person
   *[other] { $count } changed people
}
import-unchanged = { $count } unchanged
import-errors = { $count ->
    [one] { $count } error
   *[other] { $count } errors
}
import-errors-title = Errors in the file
import-nothing-written = Nothing was saved. Correct the lines below and load the file again.
import-line = Line
import-reason = Reason
import-apply = Apply the import
import-creates-title = New people
import-updates-title = Changed people
import-changes = Changes
import-again = Load another file
import-reactivated = reactivated
import-file-too-large = The file is too large (at most { $limit } MB).
import-file-empty = The file is empty.
import-file-not-text = The file is not a text (CSV) file.
import-file-missing-columns = The file lacks columns: { $columns }. The first line must be a header row.
import-file-duplicate-column = The header row names the column { $column } twice.
import-line-field-count = The line has { $found } fields, but the header has { $expected }.
import-line-malformed = The line cannot be read as CSV.
import-line-unit-empty = The unit is missing.
import-line-unit-unknown = Unknown unit: { $unit }.
import-line-email-duplicate = The e-mail address is also on line { $line }.
import-line-leader-unknown = Unknown leader: { $leader }.

# Audit log
audit-title = Audit log
audit-intro = Security-relevant events: logins, roles, passwords, changes to people and units, and imports.
audit-none = No events yet.
audit-when = When
audit-who = Who
audit-what = Event
audit-subject = Concerns
audit-detail = Details
audit-ip = Address
audit-login = Logged in
audit-login-failed = Failed login
audit-logout = Logged out
audit-roles-changed = Roles changed
audit-password-set = Password set
audit-person-created = Person created
audit-person-changed = Person changed
audit-person-deactivated = Person deactivated
audit-person-reactivated = Person reactivated
audit-unit-created = Unit created
audit-unit-changed = Unit changed
audit-import = Import

# Own account
account-password-title = Change password
account-password-link = Change password
account-password-help = At least { $min } characters. You stay logged in here and are logged out elsewhere.
field-current-password = Current password
error-current-password = The current password is wrong.

# Strategy
nav-strategy = Strategy
strategy-title = Strategy
strategy-intro = The organisation's strategic goals and the units' own sub-goals: the top of the red thread from strategy to each person's development.
strategy-none = There are no strategic goals yet.
goal-new-top = New strategic goal
goal-new-sub = Add a sub-goal for a unit
goal-new-title = New goal
goal-under = Sub-goal of: { $parent }
goal-path = Place in the strategy
goal-subgoals = Sub-goals
goal-no-subgoals = No sub-goals yet.
goal-links = Linked to this goal
goal-links-none = Nothing yet. Conversation cycles, development agreements and strategic feedback linked to the goal appear here.
goal-retired = Retired
goal-retired-help = The goal is no longer offered for new links but stays here for the record.
goal-retire = Retire the goal
goal-retire-help = A retired goal cannot be chosen anew, but everything already linked to it is kept.
goal-delete = Delete the goal
goal-delete-help = Only possible when nothing is linked to the goal; otherwise retire it.
goal-status-active = Active
goal-status-achieved = Achieved
goal-status-dropped = Dropped
field-title = Title
field-description = Description
field-owner-unit = Unit
field-period = Period
field-from = From
field-to = To
done-deleted = Deleted.
error-goal-title-empty = The goal needs a title.
error-period-order = The period ends before it starts.
error-bad-date = The date is not valid.
error-goal-status = Unknown status.
error-goal-parent = The parent goal does not exist.
error-goal-parent-retired = A retired goal cannot get new sub-goals.
error-goal-not-your-unit = You can only add goals for the units you lead.
error-goal-root-only = A strategic goal for the whole organisation belongs to the organisation itself.
error-goal-linked = The goal cannot be deleted because other things are linked to it. Retire it instead.
audit-goal-created = Goal created
audit-goal-changed = Goal changed
audit-goal-deleted = Goal deleted

# Cycles
nav-cycles = Cycles
nav-conversations = Conversations
cycles-title = Conversation cycles
cycles-intro = This year's conversation cycle: the leadership's intention, the strategic goals in focus, the timeline and each leader's framing for their unit.
cycles-none = There are no cycles yet.
cycle-new-title = New cycle
cycle-name-example = e.g. MUS 2026
cycle-state-draft = Draft
cycle-state-open = Open
cycle-state-closed = Closed
cycle-intention = Intention
cycle-intention-question = What should the conversations contribute to here this year?
cycle-focus-goals = Strategic goals in focus
cycle-focus-count = Goals in focus
cycle-no-focus = No goals in focus yet.
cycle-timeline = Timeline
cycle-preparation-opens = Preparation opens
cycle-conversations = Conversations
cycle-conversations-from = Conversations from
cycle-conversations-to = Conversations until
cycle-follow-up = Follow-up
cycle-evaluation = Evaluation
cycle-framings = Framing for the units
cycle-framings-help = Each leader writes what this year's intention and focus goals mean for their own unit. Employees see the framing of their own unit when they prepare.
cycle-framing-for = What does this year's intention mean for { $unit }?
cycle-not-framed = Not framed yet.
cycle-no-framing = There is no framing to show yet.
cycle-manage = Manage the cycle
cycle-open = Open the cycle
cycle-close = Close the cycle
cycle-states-help = A draft is seen only by the leadership group and HR. An open cycle is seen by everyone; its intention and focus goals are then fixed, while its name and dates can be adjusted. A closed cycle cannot change.
cycle-locked-help = The cycle is open, so its intention and focus goals are fixed.
error-cycle-name-empty = The cycle needs a name.
error-cycle-intention-empty = Write the intention: what should the conversations contribute to this year?
error-cycle-timeline-order = The dates must come in order: preparation, conversations, follow-ups and finally evaluation.
error-cycle-state = Unknown state.
error-cycle-no-focus = A cycle needs at least one strategic goal in focus before it opens.
error-cycle-goal = One of the focus goals is not a current goal of the organisation.
error-cycle-not-draft = The cycle is open, so its intention and focus goals cannot change.
error-cycle-closed = The cycle is closed and cannot change.
error-cycle-another-open = Another cycle is already open. Close it first.
error-cycle-transition = That change is not possible.
error-framing-not-your-unit = You can only frame the cycle for units you lead yourself.
error-framing-not-open = The framing is written while the cycle is open.
audit-cycle-created = Cycle created
audit-cycle-changed = Cycle changed
audit-cycle-state-changed = Cycle opened or closed
home-cycle = This year's cycle
home-cycle-your-framing = The intention where you work
goal-links-cycles = Cycles with this goal in focus

# Question sets
nav-question-sets = Question sets
question-sets-title = Question sets
question-sets-intro = The question set frames the preparation, ordered by MOUSE: M for employee, O for organisation, U for development, S for conversation and E for effect. Every change is saved as a new version, so a conversation keeps the questions it was prepared with.
question-sets-none = There are no question sets yet. Create one from MOUSE's default set.
question-set-new = New question set
question-set-source = Start from
question-set-default = MOUSE's default set
question-set-version = Version
question-set-count = Questions
question-set-version-n = version { $version }
question-set-with-version = { $name } (version { $version })
question-set-history = Versions
question-set-versioning-help = Every change is saved as a new version. Conversations already prepared keep their version.
question-section-empty = No questions in this section.
question-kind = Answer type
question-kind-text = free text
question-kind-scale = scale 1–5
question-kind-goals = pick strategic goals
question-text-da = Question in Danish
question-text-en = Question in English
question-low-da = Scale's 1 (Danish)
question-low-en = Scale's 1 (English)
question-high-da = Scale's 5 (Danish)
question-high-en = Scale's 5 (English)
question-add = Add a question
question-remove = Remove
question-move-up = Move up
section-m = M – Employee
section-o = O – Organisation
section-u = U – Development
section-s = S – Conversation
section-e = E – Effect
cycle-question-set = Question set
cycle-no-question-set = No question set chosen yet
error-question-section = Unknown section.
error-question-kind = Unknown answer type.
error-question-text = Write the question in both Danish and English.
error-question-scale = A scale needs words for both ends, in Danish and English.
error-question-set-name = The question set needs a name.
error-question-set-changed = The question set has changed since you opened the page. Look at the new version and try again.
error-cycle-question-set = The question set does not exist in the organisation.

# Conversations and scheduling
overview-title = Overview of the conversations
stage-not-scheduled = not scheduled
stage-scheduled = scheduled
stage-cancelled = cancelled
conversation-title = Conversation with { $name }
conversation-appointment = The appointment
conversation-when = Time
conversation-place = Place
conversation-video = Video link
conversation-duration = Duration (minutes)
conversation-deadline = Share the preparation by
conversation-host = Leader
conversation-agenda = Note for the agenda
conversation-ics = Download calendar invitation (.ics)
conversation-not-scheduled = The conversation is not scheduled yet.
conversation-cancelled = The conversation is cancelled.
conversation-proposal = Proposal for another time
conversation-proposed = The employee proposes { $when }
conversation-accept = Accept the proposed time
conversation-propose = Propose another time
conversation-new-time = New time
conversation-note = Note (optional)
conversation-propose-submit = Send the proposal
conversation-schedule = Schedule the conversation
conversation-reschedule = Move or change the conversation
conversation-save-schedule = Save the appointment
conversation-cancel = Cancel the conversation
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
home-your-conversation = Your conversation is { $when }, { $place }.
home-see-conversation = See the conversation
invitation-summary = Development conversation: { $employee } and { $leader }
invitation-description = Development conversation in { $cycle }. Share your preparation by { $deadline }. { $agenda }
error-schedule-time = The time is not valid.
error-schedule-duration = The duration must be between 15 minutes and 8 hours.
error-schedule-link = The video link must be a web address starting with https://.
error-schedule-place = Give a place or a video link.
error-schedule-window = The time is outside the cycle's period for conversations.
error-schedule-deadline = The preparation deadline must be before the conversation.
error-schedule-cycle = Conversations are scheduled while the cycle is open.
error-schedule-not-scheduled = The conversation is not scheduled.
error-schedule-cancelled = The conversation is cancelled.
error-schedule-no-proposal = There is no proposal to accept.
overview-per-unit = Per unit

# Preparation
error-prep-too-long = An answer is too long.
error-prep-scale = An answer on a scale must be between 1 and 5.
error-prep-goal = One of the chosen goals does not belong to the cycle.
error-prep-stale = The preparation was changed elsewhere (perhaps in another tab). Reload the page to see the newest version; your text below is not saved.
prep-title = Preparation
prep-private = Your preparation is private until you share it.
prep-you-shared = You have shared your preparation.
prep-other-shared = { $name } has shared their preparation.
prep-other-not-shared = { $name } has not shared their preparation yet.
prep-context = This year's intention and focus goals
prep-saved-at = Saved at
prep-unsaved = Saving changes …
prep-offline = Could not save – check the connection. Your text is still here.
prep-autosave-help = Your answers are saved as you type.
prep-save = Save draft
prep-share = Share with { $name }
prep-no-answer = (no answer)
prep-open = Prepare the conversation
error-prep-no-questions = The cycle has no question set yet. Ask HR to choose one.
error-prep-closed = The preparation cannot change: the cycle is closed or the conversation cancelled.
done-shared = Your preparation is shared.
prep-side-by-side = Both have shared: { $name }'s answers stand under yours.
done-scheduled = The appointment is saved and the calendar invitation updated.
done-proposed = Your proposal has been sent to your leader.
done-accepted = The proposed time is accepted.
done-declined = The proposal is declined; the time stands.
done-cancelled = The conversation is cancelled.
conversation-decline = Keep the current time
conversation-cancel-confirm = Cancel the conversation? Both parties get a cancellation in their calendar.
question-remove-confirm = Remove the question? This is saved as a new version of the set.
goal-delete-confirm = Delete the goal?
overview-proposal-waiting = a proposal for a new time is waiting
error-cycle-name-taken = Another cycle already has this name.
import-column-name = name
import-column-first-name = first name
import-column-last-name = last name
import-column-email = e-mail
import-column-job-title = job title
import-column-unit = unit (or department)
import-column-leader-email = leader's e-mail
question-scale-help = Only for a scale: the words for 1 and 5.
field-headcount-total = Total with sub-units

# Psychological contract
contract-title = Psychological contract
contract-intro = Write the contract together: what the employee can count on here, what is expected of the employee, and what the employee can expect from the organisation. Both confirm it.
contract-count-on = What you can count on here
contract-expected = What is expected of you
contract-from-organisation = What you can expect from the organisation
contract-one-per-line = One point per line
contract-changes = Changes since last year
contract-change-unchanged = unchanged
contract-change-added = new
contract-change-changed = changed
contract-change-removed = removed
contract-changed-from = { $after } (before: { $before })
contract-confirm = Confirm the contract
contract-confirm-help = Any change to the points means both must confirm again.
contract-confirmed-both = Both have confirmed the contract.
contract-employee-confirmed = The employee has confirmed.
contract-leader-confirmed = The leader has confirmed.
contract-unconfirmed = Nobody has confirmed the contract yet.
error-contract-too-long = A point is too long (at most 500 characters).
error-contract-too-many = Too many points in one list (at most 30).
error-contract-stale = The other party changed the contract meanwhile. Your text is below; reload to see their changes, and save again.
contract-back = Back to the conversation
agenda-title = Agenda
agenda-empty = No points yet. Both can add points.
agenda-add = Add to the agenda
agenda-placeholder = A point you want to talk about
agenda-remove = Remove
error-agenda-text = An agenda point needs a text of at most 300 characters.
error-agenda-full = The agenda already has 30 points.

## Competence catalogue
nav-competences = Competences
competences-title = Competence catalogue
competences-intro = The competences the organisation develops in its people. Development goals in the development agreements pick their competences from here. HR keeps the catalogue.
competences-none = The catalogue is empty so far.
competence-new-title = New competence
competence-edit-title = Edit competence
competence-serves = Serves the strategic goals
competence-retired = retired
competence-retire = Retired
competence-retire-help = A retired competence stays on the agreements that name it but is not offered for new ones.
error-competence-name = Give the competence a name.
error-competence-name-taken = The catalogue already has a competence with that name.
audit-competence-created = Competence created
audit-competence-changed = Competence changed

## Holding the conversation
stage-preparing = preparing
stage-held = held
stage-agreed = agreed
conversation-held-at = The conversation was held { $at }.
conversation-hold = Mark the conversation as held
conversation-hold-confirm = Has the conversation been held? Its time cannot be moved afterwards.
conversation-hold-help = Once the conversation is held, you can both sign the development agreement.
done-held = The conversation is marked as held.
error-schedule-held = The conversation has been held; its time cannot be changed.
error-schedule-not-yet = The conversation can be marked as held on its day at the earliest.

## Development agreement
agreement-title = Development agreement
agreement-intro = The development goals, the actions and what the organisation contributes. You write it together and both sign it once the conversation is held.
agreement-signatures = Signatures
agreement-signed-by = { $name } signed { $at }.
agreement-not-signed-by = { $name } has not signed yet.
agreement-signed-both = The agreement is signed by you both.
agreement-amend-help = A change is now an amendment that the other party accepts or rejects.
agreement-sign-after-held = The agreement is signed once the conversation is marked as held.
agreement-sign = Sign the agreement
agreement-pending = Amendment awaiting an answer
agreement-proposed-by = proposed by { $name } { $at }
agreement-accept = Accept the amendment
agreement-reject = Reject the amendment
agreement-withdraw = Withdraw the amendment
agreement-accepted-by = accepted by { $name } { $at }
agreement-rejected-by = rejected by { $name } { $at }
agreement-withdrawn-by = withdrawn by { $name } { $at }
agreement-history = Amendments
agreement-goals = Development goals
agreement-no-goals = No development goals yet.
agreement-red-thread = The red thread – strategic goals
agreement-red-thread-help = Choose at least one strategic goal the development goal contributes to.
agreement-focus = this year's focus
agreement-competences = Competences
agreement-success = Success criterion
agreement-success-placeholder = What effect do we expect? How will we see it?
agreement-goal-title = Development goal
agreement-priority = Priority
agreement-priority-high = high
agreement-priority-medium = medium
agreement-priority-low = low
agreement-action = Action
agreement-action-course = Course
agreement-action-on-the-job = On the job
agreement-action-mentoring = Mentoring
agreement-action-project = Project
agreement-action-other = Other
agreement-kind = Kind
agreement-owner = Owner
agreement-due = Due
agreement-due-optional = Due (optional)
agreement-status = Status
agreement-progress-planned = planned
agreement-progress-started = started
agreement-progress-done = done
agreement-progress-dropped = dropped
agreement-update = Update
agreement-remove = Remove
agreement-someone = (a former colleague)
agreement-add-goal = Add a development goal
agreement-change-goal = Edit the development goal
agreement-remove-goal = Remove the development goal
agreement-add-action = Add an action
agreement-propose = Propose the amendment
agreement-propose-goal = Propose a new development goal
agreement-propose-change-goal = Propose a change to the goal
agreement-propose-remove-goal = Propose removing the goal
agreement-propose-action = Propose a new action
agreement-propose-commitment = Propose a new commitment from the organisation
agreement-commitments = The organisation's commitments
agreement-commitments-help = What the organisation does so that the goals can be reached: time, budget, a course place, a changed assignment, a mentor. The owner is the leader or someone the leader names.
agreement-no-commitments = No commitments agreed yet.
agreement-commitment = Commitment
agreement-commitment-time = Time
agreement-commitment-budget = Budget
agreement-commitment-course-place = Course place
agreement-commitment-assignment = Changed assignment
agreement-commitment-mentor = Mentor
agreement-commitment-other = Other
agreement-add-commitment = Add a commitment
agreement-edit-add-goal = New development goal: { $title }
agreement-edit-change-goal = The development goal “{ $title }” changes (now: { $new })
agreement-edit-remove-goal = The development goal “{ $title }” is removed
agreement-edit-add-action = New action for “{ $title }”: { $text }
agreement-edit-remove-action = The action “{ $text }” under “{ $title }” is removed
agreement-edit-add-commitment = New commitment from the organisation: { $text }
agreement-edit-remove-commitment = The commitment “{ $text }” is removed
done-signed = You have signed the agreement.
done-amendment-proposed = The amendment is proposed; the other party accepts or rejects it.
error-agreement-title = Give the development goal a title.
error-agreement-success = Write the success criterion: what effect do you expect?
error-agreement-no-goal = Link the development goal to at least one strategic goal.
error-agreement-text = Write what it is about.
error-agreement-too-many = The agreement cannot hold more of those.
error-agreement-stale = The other party changed the agreement while you were writing. Look at it again – what you wrote is still in the form.
error-agreement-pending = An amendment is awaiting an answer. Answer it before proposing another.
error-agreement-no-amendment = There is no amendment to answer.
error-agreement-own-amendment = Your own amendment is answered by the other party; you can withdraw it.
error-agreement-not-held = The agreement is signed once the conversation is held.
error-agreement-empty = Add at least one development goal before signing.
error-agreement-signed = You have already signed.
error-agreement-not-live = The conversation is not scheduled or is cancelled.

## Shared notes
notes-title = Notes from the conversation
notes-placeholder = Shared notes you can both see and write.
notes-save = Save the notes
error-notes-stale = The other party changed the notes while you were writing. Your text is below; merge it with theirs and save again.
print-open = Printable agreement
agreement-unsaved = What you wrote was not saved:

## Strategic dialogue
dialogue-title = Strategic dialogue
dialogue-intro-employee = How do you see this year's focus goals from where you stand? Write what you want to raise, and choose for each goal who may read it: only the two of you, the leadership group with your name, or the leadership group without it. Without a name it is shown only together with at least four others'.
dialogue-intro-leader = { $name }'s view of this year's focus goals. { $name } writes here and chooses who may read it.
dialogue-no-goals = This cycle has no focus goals that concern this employee.
dialogue-contribution = How do you see your own contribution to the goal?
dialogue-hard = What makes it hard to act on the goal in concrete situations?
dialogue-what-then = What should you then do in those situations?
dialogue-opportunities = Opportunities you see
dialogue-barriers = Barriers you see
dialogue-clarity = How clear is the goal to you?
dialogue-clarity-low = not clear at all
dialogue-clarity-high = entirely clear
dialogue-visibility = Who may read it?
dialogue-visibility-conversation = Only this conversation
dialogue-visibility-named = The leadership group, with my name
dialogue-visibility-anonymous = The leadership group, without my name
error-dialogue-clarity = Clarity is rated from 1 to 5.
feedback-title = Strategic feedback
feedback-intro = What employees chose to share with the leadership group in their conversations, goal by goal. Feedback without a name is never shown with a name, and only in whole groups of { $threshold } people in the order they shared, so that a new answer never stands out as the latest.
feedback-show = Show
feedback-none = The cycle has no focus goals.
feedback-nothing-on-goal = Nobody has shared anything about this goal yet.
feedback-clarity-average = Clarity of the goal (without names): { $average } of 5, { $count } answers
feedback-clarity-one = clarity { $clarity } of 5
feedback-held-back = { $count } answers without a name are held back until there is a whole group of { $threshold } people.
feedback-anonymous = Without a name
feedback-all-goals = All focus goals
feedback-all-items = Read all { $count } answers on this goal
print-title = Development agreement – { $name }, { $cycle }
print-now = Print
print-employee = Employee
print-leader = Leader
print-cycle = Cycle
print-signed = Signed { $at }
print-not-signed = Not signed
agreement-done-count = { $done } of { $total } actions done
prep-framing-of = The framing for { $unit }
last-year-title = Last year's agreement ({ $cycle })
last-year-help = The conversation starts here: how did each goal go, and what do we carry on?
last-year-open = Last year's agreement

## Red thread
thread-title = My red thread
thread-intro = From the organisation's strategic goals, through your unit's goals, to your own development goals, the actions under them and how they stand.
thread-none = You have no development goals yet. They come with the development agreement from your conversation.
thread-signed = signed
thread-draft = draft

## Settings
nav-settings = Settings
settings-title = Confidentiality
settings-intro = The organisation's own rules for what is seen and kept.
settings-threshold = Anonymity threshold
settings-threshold-help = Feedback without a name is shown to the leadership group only once at least this many different people have given it on a goal. At least 3.
settings-retention = Keeping private drafts (days)
settings-retention-help = A preparation that was never shared is deleted entirely this many days after the conversation is held. 0 deletes it at the next clean-up.
error-settings-threshold = The anonymity threshold must be a whole number from 3 to 100.
error-settings-retention = The retention must be a whole number of days from 0 to 3650.
audit-settings-changed = Settings changed
prep-keep-title = What of your preparation is kept?
prep-keep-help = The conversation has been held. You decide which of your answers are kept. Untick what should be deleted – it is deleted entirely and cannot be brought back.
prep-keep-confirm = The answers without a tick are deleted entirely. Continue?
prep-keep-submit = Save my choice
error-prep-keep = You can choose what of your preparation is kept once the conversation is held.
error-prep-keep-stale = The preparation changed meanwhile. Look at the page again and choose again.
agreement-propose-remove = Propose removing
prep-focus-badge = this year's focus
prep-focus-help = This year's focus questions come first. The others are optional – answer them if you have something to say.
prep-optional-questions = { $count ->
    [one] { $count } optional question
   *[other] { $count } optional questions
}
cycle-focus-questions = This year's focus questions
cycle-focus-questions-help = Mark a few questions everyone should consider this year. The rest of the questions become optional in the preparation.
error-focus-too-many = Mark at most { $max } focus questions, so that preparing stays light.
share-hr-title = Share with HR
share-hr-help = HR sees only that the conversation was held, and when – never its content. If you want HR's help, for example with a course, you can share chosen parts here and withdraw them again.
share-hr-agreement = The development agreement
share-hr-contract = The psychological contract
share-hr-read = Shared with HR
progress-note = Note (optional)

## My actions
my-actions-title = My tasks
my-actions-intro = What you own in development agreements: your own actions, and what the organisation promised where you were named. Say here how it stands; every update is kept.
my-actions-none = You own nothing in a development agreement.
my-actions-agreement = Agreement

## Follow-ups
followup-title = Follow-up
followup-heading = Follow-up { $due }
followup-list = Follow-up
followup-none = No follow-ups planned. Add a date.
followup-planned = planned
followup-held-at = Held { $at }.
followup-intro = Go through the agreement goal by goal: how far have you come, how does it stand, and what does each of you say?
followup-progress = How far have we come?
followup-reason = Why dropped? (only when dropped)
followup-my-note = My note
followup-move = Move the follow-up to
followup-move-submit = Move
followup-hold = Mark the follow-up as held
followup-hold-help = Once the follow-up is held, what it recorded stands as history.
followup-hold-confirm = Has the follow-up been held? What it recorded cannot be changed afterwards.
followup-add = Add a follow-up
followup-status-on-track = on track
followup-status-at-risk = at risk
followup-status-done = done
followup-status-dropped = dropped
error-followup-reason = Say why the goal was dropped.
error-followup-stale = The other party changed the follow-up while you were writing. Your text is still in the form; save again.
error-followup-held = The follow-up has been held and cannot be changed.
error-followup-not-signed = Follow-ups are planned once you have both signed the agreement.
settings-stale = An agreement goes into the drawer after (days without activity)
settings-stale-help = When nothing happens on a signed agreement for this long, or an action is past its date, the employee and the leader see it as an agreement going stale.
settings-escalate = Then the leader's leader sees it after (days)
settings-escalate-help = If the agreement is still stalled this many days later, the leader's own leader sees it too. The organisation's own overdue promises go at once to the leader's leader and to HR.
error-settings-patience = The periods must be whole numbers of days from 1 to 730.

## Drawer detector
nav-follow-through = Follow-up
follow-through-title = Follow-up list
follow-through-intro = First, conversations held where both have still not signed the agreement after two weeks; then the signed development agreements, most urgent first: the organisation's own overdue promises, then overdue actions, then agreements where nothing has happened for long. An agreement leaves the list when the employee signs the next one: the new conversation opened with it and renegotiated it.
follow-through-per-unit = Per unit
follow-through-agreements = Agreements
follow-through-stale = Going stale
follow-through-escalated = Escalated
follow-through-none = No signed agreements yet.
drawer-title = Agreements going stale
drawer-stale = going stale
drawer-escalated = escalated to the leader's leader
drawer-fresh = under way
drawer-overdue-actions = { $count ->
    [one] { $count } action overdue
   *[other] { $count } actions overdue
}
drawer-overdue-commitments = { $count ->
    [one] { $count } of the organisation's promises overdue
   *[other] { $count } of the organisation's promises overdue
}
drawer-quiet = { $count ->
    [one] no activity for { $count } day
   *[other] no activity for { $count } days
}
drawer-more = { $count ->
    [one] and { $count } more agreement you are told of: see the follow-up list
   *[other] and { $count } more agreements you are told of: see the follow-up list
}

## Calendar feed
calendar-title = My calendar
calendar-intro = Subscribe to your conversations, follow-ups and deadlines in your own calendar (Outlook, Google, Apple). The address is secret: whoever has it can see the dates and titles.
calendar-none = You have no calendar address.
calendar-active = Your calendar address was made { $at }.
calendar-fresh = Here is your new address. Copy it into your calendar now – it is shown this once only.
calendar-address = Calendar address
calendar-create = Make a calendar address
calendar-renew = Make a new address
calendar-renew-confirm = The old address will stop working. Continue?
calendar-revoke = Close the address
calendar-name = MOUSE – { $name }
calendar-conversation = Conversation with { $name }
calendar-follow-up = Follow-up with { $name }
calendar-deadline = Due: { $text }

## Reminder mails
mail-body = Hello { $name }

    { $text }

    See more in MOUSE: { $link }

    You can choose which reminders you get under Reminders on your home page.
mail-tomorrow-subject = Tomorrow: your development conversation
mail-tomorrow = You have your conversation with { $name } { $when }. The invitation is attached.
mail-preparation-subject = Remember to prepare your conversation
mail-preparation = The deadline for preparing the conversation is { $deadline }, and you have not started yet. It takes less than an hour.
mail-action-subject = An action in your development agreement
mail-action-soon = “{ $text }” is due { $due }.
mail-action-overdue = “{ $text }” was due { $due }. Say how it stands, or agree on a new date.
mail-follow-up-subject = Follow-up on the development agreement
mail-follow-up = The development agreement is followed up { $due }.
mail-stale-subject = A development agreement is going stale
mail-stale = The development agreement with { $name } has stalled: an action is overdue, or nothing has happened for long. Take it up again.
reminders-title = Reminders
reminders-intro = MOUSE reminds you by e-mail of what is coming up – in your own language, with a link straight to the page. Choose what you want.
reminders-legend = E-mail me when
reminders-kind-preparation = the deadline for preparing a conversation is near and I have not started
reminders-kind-tomorrow = I have a conversation tomorrow (with a calendar invitation)
reminders-kind-action = an action I own is due within a week or overdue
reminders-kind-follow-up = a development agreement is followed up within a week
reminders-kind-stale = a development agreement I am party to is going stale
drawer-complete = fulfilled
followup-set-by = Progress and status last set by { $name }
followup-shared-help = You share progress and status; the note is your own.

## Evaluating the conversation
evaluation-title = Evaluation of the conversation
evaluation-open = Evaluate the conversation
evaluation-intro = How did the conversation with { $name } go? Answer from 1 to 5.
evaluation-privacy-employee = Your leader never sees your evaluation on its own – only averages of at least { $threshold } employees' answers.
evaluation-privacy-leader = Your answers count in the organisation's figures of how the conversations go; the employee does not see them.
evaluation-q-equals = The conversation was a dialogue between equals
evaluation-q-strategy = The conversation made the link to the strategy clear
evaluation-q-priorities = The development was prioritised well
evaluation-q-worth = The conversation was worth the time
evaluation-low = not at all
evaluation-high = very much
evaluation-comment = Comment (optional)
evaluation-send = Send the evaluation
evaluation-final = An evaluation cannot be changed once sent.
evaluation-given = You evaluated the conversation { $at }.
evaluation-not-held = The conversation can be evaluated once it has been held.
error-evaluation-missing = Answer all four questions.
error-evaluation-range = Answers go from 1 to 5.
error-evaluation-not-held = A conversation can only be evaluated once it has been held.
error-evaluation-given = You have already evaluated this conversation; an evaluation cannot be changed.
evaluations-title = How your employees experience your conversations
evaluations-intro = The employees' evaluations of the conversations you held. The figures are shown in whole blocks of { $threshold } answers, in the order the answers came, so that no single employee's answer can be worked out – not even by comparing before and after.
evaluations-none = No employee has evaluated your conversations yet.
evaluations-held-back = { $received } answers so far; the figures are shown once there are { $threshold }.
evaluations-shown = The figures are made of { $shown } of { $received } answers.
evaluations-waiting = { $count } newer answers wait until there are { $threshold } new ones.
evaluations-caption = Answers per question (1 = not at all, 5 = very much)
evaluations-question = Question
evaluations-average = Average
evaluations-spread = Spread
evaluations-chart-label = Spread of the answers; average { $average }
evaluations-comments = Comments

## Effect dashboards
nav-effect = Effect
effect-title = Effect
effect-intro = Did the conversations work? Coverage of the cycle, follow-through of the agreements, the red thread from the strategy to development, and goals achieved – for the chosen cycle and the one before. Every figure can be opened.
effect-scope = Whom
effect-scope-me = Myself
effect-cycle = Cycle
effect-show = Show
effect-people = { $count ->
    [one] { $count } person
   *[other] { $count } people
}
effect-export = Download as CSV
effect-coverage = Coverage
effect-follow-through = Follow-through
effect-outcomes = Outcomes
effect-figure = Figure
effect-chart = Comparison
effect-part-of = { $part } of { $whole }
effect-scheduled = Conversations scheduled
effect-held = Conversations held
effect-held-on-time = Held within the cycle
effect-signed = Development agreements signed
effect-actions-done = Actions done
effect-actions-on-time = Actions done on time
effect-overdue = Actions overdue
effect-follow-ups-held = Follow-up meetings held (of those due)
effect-stale = Agreements going stale
effect-achieved = Development goals achieved
effect-red-thread = The red thread
effect-red-thread-intro = How many development goals serve each strategic goal (directly or through a goal below it), and how many different competences they build.
effect-gaps = Focus goals no development goal serves: { $goals }.
effect-goal = Strategic goal
effect-dev-goals = Development goals
effect-competences = Competences
effect-in-focus = in focus
effect-parts-title = What the figure is made of
effect-back = Back to effect
effect-parts-none = There is nothing to count here.
effect-item = What
effect-counted = Counts
effect-yes = yes
effect-no = no
effect-csv-scope = Whom
effect-csv-cycle = Cycle
effect-csv-figure = Figure
effect-csv-part = Part
effect-csv-whole = Whole
effect-csv-percent = Per cent
effect-csv-thread = Development goals serving “{ $goal }”
effect-answers = Evaluation and clarity of the strategy
effect-answers-intro = Averages on a scale of 1 to 5 of the employees' and leaders' evaluation of the conversations, and of how clear the focus goals are to the employees (only what they shared with leadership). The figures are shown only once the cycle is closed, and only for a group of at least { $threshold } answers that cannot be subtracted from another group shown to leave fewer than { $threshold }.
effect-eval-employees = Employees: { $question }
effect-eval-leaders = Leaders: { $question }
effect-clarity = Clarity: { $goal }
effect-average = { $average } ({ $count } answers)
effect-withheld-open = shown once the cycle is closed
effect-withheld-few = too few answers to be shown
evaluation-closed = The cycle is closed, so the conversation can no longer be evaluated; the cycle's figures are final.
error-evaluation-closed = The cycle is closed: its evaluations are final.

## Effect intentions
intentions-title = Intended effect
intentions-back = Back to { $cycle }
intentions-intro = What should the cycle make a difference to? Set a few measurable intentions tied to the cycle's intention and focus goals. The effect pages show the measured value beside the target – for the whole organisation and for each unit.
intentions-none = No intended effect has been set yet.
intentions-text = Intention
intentions-metric = Measured as
intentions-target = Target
intentions-target-help = Per cent (0–100) for shares, 1–5 for evaluations.
intentions-add = Add the intention
intentions-delete = Remove
intentions-delete-confirm = Remove this intention?
intentions-open = Intended effect
intention-metric-share = Share: { $figure }
intention-metric-served = Share of development goals serving “{ $goal }”
intention-metric-evaluation = Employees' evaluation: { $question }
error-intention-text = Describe the intention.
error-intention-target = The target must be a per cent from 0 to 100 – or, for evaluations, a number from 1 to 5.
effect-intentions = The leadership's intended effect
effect-intentions-none = The leadership has not set an intended effect for { $cycle }.
effect-measured = Measured
effect-met = met
effect-not-met = not met
effect-not-measured = cannot be measured yet
effect-status = Status

## Strategic insight: responding to feedback
feedback-counts = Shared by { $people }: barriers { $barriers } · opportunities { $opportunities } · concrete dilemmas { $dilemmas }.
feedback-per-unit = Per unit (only where nobody can be singled out)
feedback-people = People
insight-respond = Answer and send on
insight-taken-up = taken up
insight-taken-up-label = The leadership takes it up
insight-answer = The leadership's answer
insight-route = Send on to the unit
insight-route-none = No unit
insight-save = Save the answer
insight-routed-to = Sent on to { $unit }
insight-leadership-response = The leadership's answer to what you shared
routed-title = Feedback sent on to your units
routed-intro = What employees shared with the leadership and the leadership sent on to a unit you lead – with the leadership's answer. What was given without a name stays without a name.
routed-none = The leadership has not sent feedback on to your units.

## The joint committee's yearly evaluation
report-title = Yearly evaluation for the joint committee
report-intro = The cycle's conversations and competence development unit by unit: did every employee have their conversation and a written, agreed development agreement, how were the agreements followed through, what effect was measured, and what did the strategic feedback raise. No person can be identified.
report-made = Made { $at }. Units and answers are shown only where at least { $threshold } people are included.
report-units = Unit by unit
report-hidden = { $count } units have too few people to stand alone; they count in the unit above them.
report-feedback-title = What the strategic feedback raised
report-feedback = Shared with the leadership by { $people }: barriers { $barriers } · opportunities { $opportunities } · concrete dilemmas { $dilemmas }. Taken up by the leadership: { $taken } · answered: { $answered } · answers without a name held back: { $held }.
effect-no-answers = no answers
report-feedback-none = Nobody shared feedback on this goal with the leadership.
effect-serving = Development goals serving “{ $goal }”
evaluations-csv-answers = Answers in the figures
feedback-csv-goal = Focus goal
feedback-csv-name = Name
effect-trend = Over the cycles
drawer-unsigned = { $count ->
    [one] held { $count } day ago
   *[other] held { $count } days ago
}
drawer-unsigned-leader = the agreement lacks the leader's signature
drawer-unsigned-employee = the agreement lacks the employee's signature
drawer-unsigned-both = there is no signed agreement
follow-through-unsigned = Conversations held without a signed agreement
follow-through-unsigned-longest = Showing the { $shown } that have waited longest, of { $total }.
follow-through-count = { $count ->
    [one] One agreement
   *[other] { $count } agreements
}
follow-through-signed = Signed agreements
home-conversation-held = Your conversation was held { $when }.
home-conversation-overdue = Your conversation was set for { $when }, { $place } – it has not been marked as held yet.

## All conversations, by stage
conversation-list-title = Conversations
conversation-list-every-cycle = Every cycle
conversation-list-none = No conversations yet.
conversation-list-employee = Employee
conversation-list-count = { $count ->
    [one] One conversation
   *[other] { $count } conversations
}
