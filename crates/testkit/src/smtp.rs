//! A real SMTP server on a loopback port that keeps what it receives, for tests of mail. It
//! can be told to fail for a while, as a struggling mail server does.

use mailin_embedded::response::{INTERNAL_ERROR, NO_MAILBOX, OK};
use mailin_embedded::{Handler, Response, Server, SslConfig};
use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A mail as the server received it.
#[derive(Clone, Debug)]
pub struct Received {
    pub to: Vec<String>,
    /// The whole message, headers and body, as sent.
    pub data: String,
}

/// How the server answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Accept,
    /// 451 for every recipient: try again later.
    TemporaryFailure,
    /// 550 for every recipient: a bounce.
    RejectRecipients,
}

#[derive(Clone)]
struct Sink {
    inbox: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    delay: Arc<Mutex<Duration>>,
    to: Vec<String>,
    data: Vec<u8>,
}

impl Sink {
    fn mode(&self) -> Mode {
        *self.mode.lock().unwrap()
    }
}

impl Handler for Sink {
    fn rcpt(&mut self, to: &str) -> Response {
        match self.mode() {
            Mode::RejectRecipients => return NO_MAILBOX,
            Mode::TemporaryFailure => return INTERNAL_ERROR,
            Mode::Accept => {}
        }
        self.to.push(to.to_owned());
        OK
    }

    fn data_start(&mut self, _: &str, _: &str, _: bool, _: &[String]) -> Response {
        self.data.clear();
        OK
    }

    fn data(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.data.extend_from_slice(buf);
        Ok(())
    }

    fn data_end(&mut self) -> Response {
        let delay = *self.delay.lock().unwrap();
        std::thread::sleep(delay);
        self.inbox.lock().unwrap().push(Received {
            to: std::mem::take(&mut self.to),
            data: String::from_utf8_lossy(&self.data).into_owned(),
        });
        OK
    }

    fn helo(&mut self, _: IpAddr, _: &str) -> Response {
        OK
    }
}

/// The running server; it serves until the test process ends.
pub struct SmtpSink {
    port: u16,
    inbox: Arc<Mutex<Vec<Received>>>,
    mode: Arc<Mutex<Mode>>,
    delay: Arc<Mutex<Duration>>,
}

impl SmtpSink {
    pub fn start() -> SmtpSink {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let port = listener.local_addr().unwrap().port();
        let inbox = Arc::new(Mutex::new(Vec::new()));
        let mode = Arc::new(Mutex::new(Mode::Accept));
        let delay = Arc::new(Mutex::new(Duration::ZERO));
        let mut server = Server::new(Sink {
            inbox: inbox.clone(),
            mode: mode.clone(),
            delay: delay.clone(),
            to: Vec::new(),
            data: Vec::new(),
        });
        server
            .with_name("sink.test")
            .with_ssl(SslConfig::None)
            .expect("no TLS")
            // Pooled client connections each hold a thread while idle.
            .with_num_threads(64)
            .with_tcp_listener(listener);
        std::thread::spawn(move || {
            // Serving ends only with the test process; an error here shows as mail not arriving.
            let _ = server.serve();
        });
        SmtpSink {
            port,
            inbox,
            mode,
            delay,
        }
    }

    /// The URL MOUSE sends to.
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    pub fn set_mode(&self, mode: Mode) {
        *self.mode.lock().unwrap() = mode;
    }

    /// Makes the server take this long to accept each message, as a busy server does, so that
    /// several senders overlap.
    pub fn set_delay(&self, delay: Duration) {
        *self.delay.lock().unwrap() = delay;
    }

    pub fn received(&self) -> Vec<Received> {
        self.inbox.lock().unwrap().clone()
    }
}
