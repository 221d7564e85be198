//! Mail: sending what the outbox holds (over SMTP, or into a folder when no server is
//! configured) and planning the reminders that fill it.

mod mailer;
pub mod reminders;
mod sender;

pub use mailer::{Mailer, SendError};
pub use sender::{dispatch_once, worker_name};
