//! `mouse serve` as a child process: started on a free port, timed until it answers, watched
//! for memory, and killed when dropped, so that no error path leaves a server running.

use anyhow::{Context, Result, bail};
use reqwest::{StatusCode, Url};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};
use tokio::task::JoinHandle;

/// How long the server may take to print its address and answer `/livez`; it migrates first.
const STARTUP_LIMIT: Duration = Duration::from_secs(120);
const POLL: Duration = Duration::from_millis(5);
const ADDRESS_LINE: &str = "MOUSE is running at ";

/// A running server. Dropping it kills the process.
pub struct Server {
    process: Process,
    pub base: Url,
    pub startup: Duration,
    rss_peak_kb: Arc<AtomicU64>,
    sampler: JoinHandle<()>,
}

/// The server's memory: the kernel's high-water mark and the largest once-a-second sample.
#[derive(Debug, Clone, Copy)]
pub struct Memory {
    pub peak_mb: f64,
    pub sampled_rss_mb: f64,
}

/// Owns the child from the moment it is spawned, so that a failure while waiting kills it too.
struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.sampler.abort();
    }
}

impl Server {
    /// Starts `mouse serve` on 127.0.0.1:0 and returns once `GET /livez` answers 200; the time
    /// from spawn to that answer is the startup time.
    pub async fn start(mouse: &Path, database_url: &str, mail_folder: &Path) -> Result<Server> {
        let began = Instant::now();
        let child = Command::new(mouse)
            .arg("serve")
            .args(["--database", database_url, "--bind", "127.0.0.1:0"])
            .arg("--mail-folder")
            .arg(mail_folder)
            .env("MOUSE_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .with_context(|| format!("cannot start {} serve", mouse.display()))?;
        let mut process = Process(child);
        let stdout = process
            .0
            .stdout
            .take()
            .context("the server's standard output is not a pipe")?;
        let (address_tx, address_rx) = mpsc::channel();
        // Keep reading after the address line, so that the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(address) = line.strip_prefix(ADDRESS_LINE) {
                    let _ = address_tx.send(address.trim().to_owned());
                }
            }
        });

        let address = loop {
            match address_rx.try_recv() {
                Ok(address) => break address,
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => {
                    bail!(
                        "mouse serve closed its output without printing its address ({})",
                        exit_status(&mut process)
                    )
                }
            }
            process.check_running()?;
            if began.elapsed() > STARTUP_LIMIT {
                bail!("mouse serve printed no address within {STARTUP_LIMIT:?}");
            }
            tokio::time::sleep(POLL).await;
        };
        let base = Url::parse(&format!("{address}/"))
            .with_context(|| format!("mouse serve printed an odd address: {address}"))?;
        let livez = base.join("livez").context("cannot build the /livez URL")?;
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(1))
            .build()
            .context("cannot build an HTTP client")?;
        loop {
            if let Ok(response) = client.get(livez.clone()).send().await
                && response.status() == StatusCode::OK
            {
                break;
            }
            process.check_running()?;
            if began.elapsed() > STARTUP_LIMIT {
                bail!("{livez} did not answer 200 within {STARTUP_LIMIT:?}");
            }
            tokio::time::sleep(POLL).await;
        }
        let startup = began.elapsed();

        let pid = process.0.id();
        let rss_peak_kb = Arc::new(AtomicU64::new(0));
        let peak = Arc::clone(&rss_peak_kb);
        let sampler = tokio::spawn(async move {
            loop {
                if let Ok(kb) = status_kb(pid, "VmRSS") {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
        Ok(Server {
            process,
            base,
            startup,
            rss_peak_kb,
            sampler,
        })
    }

    /// Reads the memory figures while the process still exists, then kills it.
    pub fn stop(self) -> Result<Memory> {
        let pid = self.process.0.id();
        let peak_kb = status_kb(pid, "VmHWM")?;
        if let Ok(kb) = status_kb(pid, "VmRSS") {
            self.rss_peak_kb.fetch_max(kb, Ordering::Relaxed);
        }
        let sampled_kb = self.rss_peak_kb.load(Ordering::Relaxed);
        drop(self);
        Ok(Memory {
            peak_mb: peak_kb as f64 / 1024.0,
            sampled_rss_mb: sampled_kb as f64 / 1024.0,
        })
    }
}

impl Process {
    fn check_running(&mut self) -> Result<()> {
        match self.0.try_wait() {
            Ok(None) => Ok(()),
            Ok(Some(status)) => bail!("mouse serve exited ({status}) before it answered"),
            Err(error) => Err(error).context("cannot check on the mouse serve process"),
        }
    }
}

fn exit_status(process: &mut Process) -> String {
    match process.0.try_wait() {
        Ok(Some(status)) => status.to_string(),
        Ok(None) => "still running".to_owned(),
        Err(error) => error.to_string(),
    }
}

/// A `kB` line of `/proc/<pid>/status`, such as `VmHWM:   81234 kB`.
fn status_kb(pid: u32, key: &str) -> Result<u64> {
    let path = format!("/proc/{pid}/status");
    let status = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    parse_status_kb(&status, key).with_context(|| format!("no {key} in {path}"))
}

fn parse_status_kb(status: &str, key: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let value = line.strip_prefix(key)?.strip_prefix(':')?;
        value.trim().strip_suffix("kB")?.trim().parse().ok()
    })
}

#[cfg(test)]
mod tests {
    use super::parse_status_kb;

    #[test]
    fn reads_kilobyte_lines() {
        let status = "Name:\tmouse\nVmHWM:\t   81234 kB\nVmRSS:\t   70000 kB\n";
        assert_eq!(parse_status_kb(status, "VmHWM"), Some(81234));
        assert_eq!(parse_status_kb(status, "VmRSS"), Some(70000));
        assert_eq!(parse_status_kb(status, "VmSwap"), None);
    }
}
