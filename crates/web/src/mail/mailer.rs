//! Turning a queued mail into a message and handing it to an SMTP server, or writing it to a
//! folder when MOUSE runs without one.

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::AsyncSmtpTransport;
use lettre::{AsyncFileTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
use std::time::Duration;
use storage::Outgoing;

/// Where mail goes.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
        timeout: Duration,
    },
    /// No SMTP server configured: each mail is written as an `.eml` file.
    Folder { path: PathBuf, from: Mailbox },
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Mailer::Smtp { from, .. } => write!(f, "Mailer::Smtp(from {from})"),
            Mailer::Folder { path, .. } => write!(f, "Mailer::Folder({})", path.display()),
        }
    }
}

/// Why a mail was not sent. A permanent failure (a refused address) is not tried again.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct SendError {
    pub permanent: bool,
    pub message: String,
}

impl SendError {
    fn permanent(message: impl ToString) -> SendError {
        SendError {
            permanent: true,
            message: message.to_string(),
        }
    }
}

impl Mailer {
    /// An SMTP mailer from a URL such as `smtp://user:pass@host:587?tls=required` or
    /// `smtps://host`, sending from `from`. A server that does not answer within `timeout` is
    /// given up on for now, and the mail tried again later.
    pub fn smtp(url: &str, from: &str, timeout: Duration) -> Result<Mailer, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("SMTP URL: {e}"))?
            .timeout(Some(timeout))
            .build();
        Ok(Mailer::Smtp {
            transport,
            from: from.parse().map_err(|e| format!("sender address: {e}"))?,
            timeout,
        })
    }

    /// A mailer that writes each mail to `path`.
    pub fn folder(path: PathBuf, from: &str) -> Result<Mailer, String> {
        std::fs::create_dir_all(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(Mailer::Folder {
            path,
            from: from.parse().map_err(|e| format!("sender address: {e}"))?,
        })
    }

    fn from(&self) -> &Mailbox {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Folder { from, .. } => from,
        }
    }

    fn message(&self, mail: &Outgoing) -> Result<Message, SendError> {
        let to: Mailbox = mail.recipient.parse().map_err(SendError::permanent)?;
        let text = SinglePart::plain(mail.body.clone());
        let builder = Message::builder()
            .from(self.from().clone())
            .to(to)
            .subject(mail.subject.clone());
        let message = match &mail.calendar {
            None => builder.singlepart(text),
            Some(ics) => builder.multipart(
                MultiPart::mixed().singlepart(text).singlepart(
                    Attachment::new("invitation.ics".to_owned()).body(
                        ics.clone(),
                        ContentType::parse("text/calendar; charset=utf-8; method=REQUEST")
                            .map_err(SendError::permanent)?,
                    ),
                ),
            ),
        };
        message.map_err(SendError::permanent)
    }

    pub async fn send(&self, mail: &Outgoing) -> Result<(), SendError> {
        let message = self.message(mail)?;
        match self {
            // The whole exchange is bounded too: a server that accepts the connection and then
            // says nothing must not hold the sender.
            Mailer::Smtp {
                transport, timeout, ..
            } => match tokio::time::timeout(*timeout, transport.send(message)).await {
                Ok(sent) => sent.map(|_| ()).map_err(|e| SendError {
                    permanent: e.is_permanent(),
                    message: e.to_string(),
                }),
                Err(_) => Err(SendError {
                    permanent: false,
                    message: format!("no answer from the mail server within {timeout:?}"),
                }),
            },
            Mailer::Folder { path, .. } => AsyncFileTransport::<Tokio1Executor>::new(path)
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| SendError {
                    permanent: false,
                    message: e.to_string(),
                }),
        }
    }
}
