//! Statistics over the samples, and the report in Markdown (to read) and JSON (to compare runs
//! by script). Both are made from the same [`Report`], so they cannot disagree.

use crate::load::Sampled;
use anyhow::{Context, Result};
use serde::Serialize;
use std::fmt::Write as _;
use std::path::Path;

#[derive(Serialize, Debug)]
pub struct Report {
    pub machine: Machine,
    pub date: String,
    pub command: String,
    pub schedule: String,
    pub data: DataSummary,
    pub backends: Vec<BackendRun>,
    pub errors: u64,
    /// Informational: pages whose p99 is above their target.
    pub targets_missed: Vec<Miss>,
}

#[derive(Serialize, Debug)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub memory_gb: f64,
    pub kernel: String,
}

/// What the generator made, from the (first) manifest.
#[derive(Serialize, Debug)]
pub struct DataSummary {
    pub shape: String,
    pub people: u64,
    pub units: u64,
    pub cycles: u64,
    pub seed: u64,
}

#[derive(Serialize, Debug)]
pub struct BackendRun {
    pub backend: String,
    pub database: String,
    pub manifest: String,
    pub generated_seconds: f64,
    pub startup_ms: f64,
    /// The kernel's high-water mark of the server's resident memory (VmHWM).
    pub peak_memory_mb: f64,
    /// The largest of the once-a-second VmRSS samples.
    pub max_sampled_rss_mb: f64,
    pub users_logged_in: usize,
    pub login_seconds: f64,
    pub phases: Vec<PhaseResult>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub small_summary: Vec<SmallRow>,
}

#[derive(Serialize, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum PhaseKind {
    /// One page (or `/livez`, or draft saves) with the whole load to itself.
    Alone,
    /// All pages and draft saves at once.
    Mixed,
    OneConnection,
    EightConnections,
}

#[derive(Serialize, Debug)]
pub struct PhaseResult {
    pub kind: PhaseKind,
    /// 1, 2, 3 for repeated runs.
    pub run: usize,
    pub keep_alive: bool,
    pub connections: usize,
    pub seconds: f64,
    pub pages: Vec<PageStats>,
}

#[derive(Serialize, Debug, Clone)]
pub struct PageStats {
    pub page: String,
    pub connections: usize,
    pub requests: u64,
    pub errors: u64,
    /// Requests per second of the phase's duration.
    pub throughput: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

/// One page in one connection mode of the small schedule.
#[derive(Serialize, Debug)]
pub struct SmallRow {
    pub page: String,
    pub keep_alive: bool,
    pub one_p50_ms: f64,
    pub one_throughput: f64,
    /// Fewer than eight when there are fewer draft users.
    pub eight_connections: usize,
    pub eight_throughput_median: f64,
    pub eight_throughput_min: f64,
    pub eight_throughput_max: f64,
    pub eight_p50_ms_median: f64,
    pub eight_p99_ms_median: f64,
    pub errors: u64,
}

#[derive(Serialize, Debug)]
pub struct Miss {
    pub backend: String,
    pub phase: String,
    pub page: String,
    pub p99_ms: f64,
    pub target_ms: f64,
}

/// p99 targets: the reports for leadership and HR read much more and may take longer.
#[derive(Debug, Clone, Copy)]
pub struct Targets {
    pub page_ms: f64,
    pub reports_ms: f64,
}

impl Targets {
    fn for_page(&self, page: &str) -> f64 {
        let lower = page.to_lowercase();
        if lower.starts_with("leadership") || lower.starts_with("hr") {
            self.reports_ms
        } else {
            self.page_ms
        }
    }
}

impl PageStats {
    pub fn new(mut sampled: Sampled, seconds: f64) -> PageStats {
        sampled.latencies.sort_unstable();
        let ms = |p: f64| percentile(&sampled.latencies, p) as f64 / 1000.0;
        PageStats {
            throughput: sampled.requests as f64 / seconds,
            p50_ms: ms(50.0),
            p95_ms: ms(95.0),
            p99_ms: ms(99.0),
            max_ms: sampled.latencies.last().copied().unwrap_or(0) as f64 / 1000.0,
            page: sampled.name,
            connections: sampled.tasks,
            requests: sampled.requests,
            errors: sampled.errors,
        }
    }
}

/// Nearest rank: the smallest sample with at least p % of the samples at or below it.
fn percentile(sorted: &[u64], p: f64) -> u64 {
    if sorted.is_empty() {
        return 0;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted
        .get(rank.clamp(1, sorted.len()) - 1)
        .copied()
        .unwrap_or(0)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => 0.0,
        _ if n % 2 == 1 => values[n / 2],
        _ => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

impl PhaseResult {
    pub fn label(&self) -> String {
        let mode = mode(self.keep_alive);
        match self.kind {
            PhaseKind::Alone => "alone".to_owned(),
            PhaseKind::Mixed => "mixed".to_owned(),
            PhaseKind::OneConnection => format!("1 connection, {mode}"),
            PhaseKind::EightConnections => format!("8 connections run {}, {mode}", self.run),
        }
    }
}

fn mode(keep_alive: bool) -> &'static str {
    if keep_alive {
        "keep-alive"
    } else {
        "new connection per request"
    }
}

/// The small schedule's rows: per page and connection mode, the single-connection run and the
/// median (and spread) of the three eight-connection runs.
pub fn small_summary(phases: &[PhaseResult]) -> Vec<SmallRow> {
    let mut keys: Vec<(&str, bool)> = Vec::new();
    for phase in phases {
        for page in &phase.pages {
            if !keys.contains(&(page.page.as_str(), phase.keep_alive)) {
                keys.push((page.page.as_str(), phase.keep_alive));
            }
        }
    }
    keys.into_iter()
        .map(|(name, keep_alive)| {
            let runs = |kind: PhaseKind| -> Vec<&PageStats> {
                phases
                    .iter()
                    .filter(|p| p.kind == kind && p.keep_alive == keep_alive)
                    .flat_map(|p| p.pages.iter().filter(|s| s.page == name))
                    .collect()
            };
            let one = runs(PhaseKind::OneConnection);
            let eight = runs(PhaseKind::EightConnections);
            let eight_of = |f: fn(&PageStats) -> f64| eight.iter().map(|s| f(s)).collect();
            let throughputs: Vec<f64> = eight_of(|s| s.throughput);
            SmallRow {
                page: name.to_owned(),
                keep_alive,
                one_p50_ms: one.first().map_or(0.0, |s| s.p50_ms),
                one_throughput: one.first().map_or(0.0, |s| s.throughput),
                eight_connections: eight.first().map_or(0, |s| s.connections),
                eight_throughput_min: throughputs.iter().copied().reduce(f64::min).unwrap_or(0.0),
                eight_throughput_max: throughputs.iter().copied().reduce(f64::max).unwrap_or(0.0),
                eight_throughput_median: median(throughputs),
                eight_p50_ms_median: median(eight_of(|s| s.p50_ms)),
                eight_p99_ms_median: median(eight_of(|s| s.p99_ms)),
                errors: one.iter().chain(&eight).map(|s| s.errors).sum(),
            }
        })
        .collect()
}

/// Every measured page whose p99 is above its target, in run order. The small schedule is
/// judged by its summary (the median of the three eight-connection runs), not run by run.
pub fn targets_missed(backends: &[BackendRun], targets: Targets) -> Vec<Miss> {
    let mut missed = Vec::new();
    for run in backends {
        for row in &run.small_summary {
            let target_ms = targets.for_page(&row.page);
            if row.eight_p99_ms_median > target_ms {
                missed.push(Miss {
                    backend: run.backend.clone(),
                    phase: format!("8 connections (median of 3), {}", mode(row.keep_alive)),
                    page: row.page.clone(),
                    p99_ms: row.eight_p99_ms_median,
                    target_ms,
                });
            }
        }
        if !run.small_summary.is_empty() {
            continue;
        }
        for phase in &run.phases {
            for page in &phase.pages {
                let target_ms = targets.for_page(&page.page);
                if page.p99_ms > target_ms {
                    missed.push(Miss {
                        backend: run.backend.clone(),
                        phase: phase.label(),
                        page: page.page.clone(),
                        p99_ms: page.p99_ms,
                        target_ms,
                    });
                }
            }
        }
    }
    missed
}

impl Machine {
    /// Best effort: a field that cannot be read says so instead of failing the run.
    pub fn detect() -> Machine {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let cpu = read("/proc/cpuinfo")
            .lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == "model name").then(|| value.trim().to_owned())
            })
            .unwrap_or_else(|| "unknown CPU".to_owned());
        let memory_kb: u64 = read("/proc/meminfo")
            .lines()
            .find_map(|line| {
                let value = line.strip_prefix("MemTotal:")?;
                value.trim().strip_suffix("kB")?.trim().parse().ok()
            })
            .unwrap_or(0);
        let kernel = read("/proc/sys/kernel/osrelease").trim().to_owned();
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(0, usize::from),
            memory_gb: memory_kb as f64 / 1024.0 / 1024.0,
            kernel: if kernel.is_empty() {
                "unknown".to_owned()
            } else {
                kernel
            },
        }
    }
}

impl Report {
    pub fn markdown(&self) -> Result<String, std::fmt::Error> {
        let mut out = String::new();
        let m = &self.machine;
        let d = &self.data;
        writeln!(out, "# MOUSE benchmark, {} schedule\n", self.schedule)?;
        writeln!(
            out,
            "- Machine: {}, {} cores, {:.1} GB memory, Linux {}",
            m.cpu, m.cores, m.memory_gb, m.kernel
        )?;
        writeln!(out, "- Date: {}", self.date)?;
        writeln!(out, "- Command: `{}`", self.command)?;
        let generated: Vec<String> = self
            .backends
            .iter()
            .map(|b| format!("{:.1} s ({})", b.generated_seconds, b.backend))
            .collect();
        writeln!(
            out,
            "- Data: shape {}, {} people, {} units, {} cycles, seed {}; generated in {}",
            d.shape,
            d.people,
            d.units,
            d.cycles,
            d.seed,
            generated.join(", ")
        )?;
        for run in &self.backends {
            writeln!(out, "\n## {}\n", run.backend)?;
            writeln!(
                out,
                "- Startup: {:.0} ms (spawn to the first 200 from /livez)",
                run.startup_ms
            )?;
            writeln!(
                out,
                "- Peak memory: {:.1} MB (VmHWM); largest once-a-second RSS sample {:.1} MB",
                run.peak_memory_mb, run.max_sampled_rss_mb
            )?;
            writeln!(
                out,
                "- Log-in: {} users in {:.1} s",
                run.users_logged_in, run.login_seconds
            )?;
            if run.small_summary.is_empty() {
                large_tables(&mut out, run)?;
            } else {
                small_table(&mut out, run)?;
            }
        }
        writeln!(out, "\n## Targets missed (informational)\n")?;
        if self.targets_missed.is_empty() {
            writeln!(out, "None: every p99 is within its target.")?;
        }
        for miss in &self.targets_missed {
            writeln!(
                out,
                "- {}, {}, {}: p99 {:.2} ms > {:.0} ms",
                miss.backend, miss.phase, miss.page, miss.p99_ms, miss.target_ms
            )?;
        }
        writeln!(out, "\nFailed requests: {}", self.errors)?;
        Ok(out)
    }

    /// Writes `<dir>/<name>.md` and `<dir>/<name>.json`.
    pub fn write(&self, markdown: &str, dir: &Path, name: &str) -> Result<()> {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        let md = dir.join(format!("{name}.md"));
        std::fs::write(&md, markdown).with_context(|| format!("cannot write {}", md.display()))?;
        let json = dir.join(format!("{name}.json"));
        let text = serde_json::to_string_pretty(self).context("cannot serialise the report")?;
        std::fs::write(&json, text).with_context(|| format!("cannot write {}", json.display()))?;
        eprintln!("Report written to {} and {}", md.display(), json.display());
        Ok(())
    }
}

fn large_tables(out: &mut String, run: &BackendRun) -> std::fmt::Result {
    let alone: Vec<&PhaseResult> = run
        .phases
        .iter()
        .filter(|p| p.kind == PhaseKind::Alone)
        .collect();
    let livez = alone
        .iter()
        .flat_map(|p| &p.pages)
        .find(|s| s.page == crate::schedule::LIVEZ)
        .map(|s| s.throughput);
    if let Some(first) = alone.first() {
        writeln!(
            out,
            "\n### Pages alone ({} connections, {:.0} s each, keep-alive)\n",
            first.connections, first.seconds
        )?;
        writeln!(
            out,
            "| page | conn. | requests | errors | req/s | ratio to /livez | p50 ms | p95 ms | p99 ms | max ms |"
        )?;
        writeln!(out, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")?;
        for stats in alone.iter().flat_map(|p| &p.pages) {
            let ratio = match livez {
                Some(livez) if livez > 0.0 => format!("{:.2}", stats.throughput / livez),
                _ => "–".to_owned(),
            };
            large_row(out, stats, Some(&ratio))?;
        }
    }
    for mixed in run.phases.iter().filter(|p| p.kind == PhaseKind::Mixed) {
        writeln!(
            out,
            "\n### Mixed load ({} connections over all pages and draft saves, {:.0} s, keep-alive)\n",
            mixed.connections, mixed.seconds
        )?;
        writeln!(
            out,
            "| page | conn. | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms |"
        )?;
        writeln!(out, "|---|--:|--:|--:|--:|--:|--:|--:|--:|")?;
        for stats in &mixed.pages {
            large_row(out, stats, None)?;
        }
    }
    Ok(())
}

/// One page's line in the large schedule's tables, with the ratio column where it has one.
fn large_row(out: &mut String, stats: &PageStats, ratio: Option<&str>) -> std::fmt::Result {
    let ratio = ratio.map(|r| format!(" {r} |")).unwrap_or_default();
    writeln!(
        out,
        "| {} | {} | {} | {} | {:.1} |{ratio} {:.2} | {:.2} | {:.2} | {:.2} |",
        stats.page,
        stats.connections,
        stats.requests,
        stats.errors,
        stats.throughput,
        stats.p50_ms,
        stats.p95_ms,
        stats.p99_ms,
        stats.max_ms
    )
}

fn small_table(out: &mut String, run: &BackendRun) -> std::fmt::Result {
    let seconds = |kind: PhaseKind| {
        run.phases
            .iter()
            .find(|p| p.kind == kind)
            .map_or(0.0, |p| p.seconds)
    };
    writeln!(
        out,
        "\n### Per page (1 connection for {:.0} s; 8 connections for {:.0} s, three runs)\n",
        seconds(PhaseKind::OneConnection),
        seconds(PhaseKind::EightConnections)
    )?;
    writeln!(
        out,
        "| page | connections | 1 conn. p50 ms | 1 conn. req/s | 8 conn. req/s (median) | 8 conn. req/s (min–max) | 8 conn. p50 ms (median) | 8 conn. p99 ms (median) | errors |"
    )?;
    writeln!(out, "|---|---|--:|--:|--:|--:|--:|--:|--:|")?;
    for row in &run.small_summary {
        writeln!(
            out,
            "| {} | {} | {:.3} | {:.1} | {:.1} | {:.1}–{:.1} | {:.3} | {:.3} | {} |",
            row.page,
            if row.keep_alive {
                "keep-alive"
            } else {
                "new per request"
            },
            row.one_p50_ms,
            row.one_throughput,
            row.eight_throughput_median,
            row.eight_throughput_min,
            row.eight_throughput_max,
            row.eight_p50_ms_median,
            row.eight_p99_ms_median,
            row.errors
        )?;
    }
    for row in &run.small_summary {
        if row.keep_alive && row.eight_connections != 8 {
            writeln!(
                out,
                "\n{}: {} connections instead of 8, one per user.",
                row.page, row.eight_connections
            )?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&samples, 50.0), 50);
        assert_eq!(percentile(&samples, 95.0), 95);
        assert_eq!(percentile(&samples, 99.0), 99);
        assert_eq!(percentile(&samples, 100.0), 100);
        assert_eq!(percentile(&[7], 99.0), 7);
        assert_eq!(percentile(&[], 99.0), 0);
        assert_eq!(percentile(&[1, 2, 3], 50.0), 2);
    }

    #[test]
    fn medians() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0]), 2.5);
        assert_eq!(median(vec![]), 0.0);
    }

    #[test]
    fn leadership_and_hr_pages_have_the_report_target() {
        let targets = Targets {
            page_ms: 20.0,
            reports_ms: 150.0,
        };
        assert_eq!(targets.for_page("leadership overview"), 150.0);
        assert_eq!(targets.for_page("HR report"), 150.0);
        assert_eq!(targets.for_page("employee home"), 20.0);
    }
}
