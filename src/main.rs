//! The `ogi` command line: parses arguments, builds a `Config`, calls the library.

mod cli;

use std::process::ExitCode;

use anyhow::Context;
use clap::Parser;

use cli::{Cli, Command};

/// Extraction allocates many short strings on every thread; mimalloc's
/// thread-local free lists serve them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    without_huge_pages();
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("ogi: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Lets a closed pipe end the process as it ends other command-line tools
/// (`ogi eval … | head`): Rust ignores SIGPIPE, so a print to a reader that
/// has gone would panic instead.
fn quiet_on_closed_pipe() {
    #[cfg(target_os = "linux")]
    // SAFETY: restores the default action of one signal before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Turns transparent huge pages off for this process. The allocator asks for them,
/// and the kernel then zeroes 2 MiB at the first touch of each, where a batch's
/// short-lived strings touch a few KiB: with them, zeroing pages was 10% to 13% of
/// an extraction's time and peak RSS a quarter higher (BENCHMARKS.md).
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes integer arguments only and changes no memory.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let quiet = cli.quiet;
    let verbose = cli.verbose;
    match cli.command {
        Command::Run(args) => {
            let config = args.config(quiet)?;
            finish(ogi::run(&config).context("run failed")?, quiet, verbose)
        }
        Command::Extract(args) => {
            let config = args.config(quiet)?;
            finish(ogi::run(&config).context("extract failed")?, quiet, verbose)
        }
        Command::Stats(args) => {
            let data = args.data.unwrap_or_else(ogi::stats::default_data_dir);
            let stats = ogi::stats::run(&data).with_context(|| format!("statistics over {}", data.display()))?;
            if !quiet {
                print!("{}", stats.table);
            }
            let summary = ogi::Summary { stats: Some(stats), ..ogi::Summary::default() };
            eprintln!("{}", summary.checks_line().unwrap_or_default());
            Ok(ExitCode::SUCCESS)
        }
        Command::Summary(args) => {
            let data = args.data.unwrap_or_else(ogi::stats::default_data_dir);
            let keys: Vec<&str> = args.by.iter().map(String::as_str).collect();
            print!("{}", ogi::stats::summary(&data, &keys).with_context(|| format!("summary of {}", data.display()))?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(args) => {
            let score = match ogi::eval::score(&args.gold, &args.out) {
                Ok(s) => s,
                Err(ogi::Error::Data { message, .. }) if message == "no reports table" => {
                    println!("score: 0.000 no reports table under {}", args.out.display());
                    return Ok(ExitCode::from(2));
                }
                Err(e) => return Err(e).context("eval failed"),
            };
            if !quiet {
                for m in &score.misses {
                    println!("{m}");
                }
            }
            for label in &args.by {
                let groups = ogi::eval::score_by(&args.gold, &args.out, label).context("eval failed")?;
                println!("{}", ogi::eval::table(label, &groups));
            }
            // Not score.py's: on the error stream, so that the output stays its.
            if !quiet {
                score.unasked.iter().for_each(|u| eprintln!("{u}"));
            }
            eprintln!("unasked flags: {} (the contract's issue codes on complete gold that does not list them)", score.unasked.len());
            println!("{}", score.line());
            Ok(match args.min {
                Some(min) if score.value() < min => ExitCode::from(1),
                _ => ExitCode::SUCCESS,
            })
        }
        Command::Gen(args) => {
            let opts = ogi::gen::Options { reports: args.reports, seed: args.seed, out: args.out.clone(), error_rate: args.error_rate };
            let g = ogi::gen::generate(&opts).with_context(|| format!("writing {}", args.out.display()))?;
            let layouts: Vec<String> = g.by_layout.iter().map(|(l, n)| format!("{l} {n}")).collect();
            eprintln!(
                "{} files under {} (synthetic; {} with a seeded error): {}",
                g.files,
                args.out.display(),
                g.seeded_errors,
                layouts.join(", ")
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Show(args) => {
            let (report, text) = ogi::extract_file(&args.file);
            print!("{}", ogi::show::render(&report, text.as_deref().unwrap_or("")));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn finish(summary: ogi::Summary, quiet: bool, verbose: u8) -> anyhow::Result<ExitCode> {
    if verbose > 0 {
        if let Some(stats) = &summary.stats {
            eprint!("{}", stats.table);
        }
    }
    if !quiet {
        if let Some(issues) = summary.issue_line() {
            eprintln!("{issues}");
        }
    }
    if let Some(checks) = summary.checks_line() {
        eprintln!("{checks}");
    }
    eprintln!("{}", summary.line());
    Ok(ExitCode::SUCCESS)
}
