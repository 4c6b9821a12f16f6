//! `wieg bench`: the benchmarks, built only with `--features bench`, so
//! the library and the program a coordinator installs carry none of them.

use std::path::PathBuf;

use clap::Subcommand;

use crate::print_json;

#[derive(Subcommand)]
pub enum BenchCommand {
    /// Files for partners: the plan of 60 and of N actions in every format,
    /// the progress report of the demo coalition and of one ten times bigger
    Exports {
        #[arg(long, default_value_t = 5_000)]
        actions: usize,
        #[arg(long)]
        json: bool,
    },
    /// Search and meeting pages over N meetings with M agenda items of minutes
    Meetings {
        #[arg(long, default_value_t = 10_000)]
        meetings: usize,
        #[arg(long, default_value_t = 100_000)]
        agenda_items: usize,
        #[arg(long)]
        json: bool,
    },
    /// The plan page and roll-out matrix of a plan of N actions
    Plan {
        #[arg(long, default_value_t = 5_000)]
        actions: usize,
        #[arg(long, default_value_t = 100)]
        municipalities: usize,
        #[arg(long, default_value_t = 30)]
        interventions: usize,
        #[arg(long)]
        json: bool,
        /// Keep the coalition in DIR/data (to open it in the app) instead of a temporary folder
        #[arg(long, value_name = "DIR")]
        keep: Option<PathBuf>,
    },
    /// Lists, metrics and files of a network of N organisations and M relations
    Network {
        #[arg(long, default_value_t = 10_000)]
        organisations: usize,
        #[arg(long, default_value_t = 50_000)]
        relations: usize,
        #[arg(long)]
        json: bool,
    },
    /// Join, sync round and folder size for a coalition of N changes
    Sync {
        #[arg(long, default_value_t = 1_000_000)]
        changes: u64,
        #[arg(long)]
        json: bool,
        /// Keep the laptops and the shared folder in DIR (to profile a join of it) instead of a temporary folder
        #[arg(long, value_name = "DIR")]
        keep: Option<PathBuf>,
    },
}

pub fn run(command: &BenchCommand) -> wieg::Result<()> {
    match command {
        BenchCommand::Exports { actions, json } => {
            let b = in_bench_dir(None, |dir| wieg::bench::exports(*actions, dir))?;
            if *json {
                return print_json(&b);
            }
            for t in &b.timings {
                println!(
                    "{:<34} {:<5} {:>9.1} ms {:>10} bytes  peak {}",
                    t.what,
                    t.format,
                    t.ms,
                    t.bytes,
                    t.peak_mib
                        .map(|m| format!("{m:.0} MiB"))
                        .unwrap_or_else(|| "?".into())
                );
            }
        }
        BenchCommand::Meetings {
            meetings,
            agenda_items,
            json,
        } => {
            let b = in_bench_dir(None, |dir| {
                wieg::bench::meetings(*meetings, *agenda_items, dir)
            })?;
            if *json {
                return print_json(&b);
            }
            println!(
            "meetings:                {} meetings, {} agenda items with minutes (built in {:.1} s)",
            b.meetings, b.agenda_items, b.build_s
        );
            println!(
            "database:                {:.0} MiB (word index {:.0} MiB, compound index {:.0} MiB)",
            b.database_mib, b.word_index_mib, b.compound_index_mib
        );
            println!("search, common word:     {:.2} ms", b.search_common_ms);
            println!("search, no match:        {:.2} ms", b.search_rare_ms);
            println!(
                "search, two prefixes:    {:.2} ms",
                b.search_prefix_two_words_ms
            );
            println!("search, in compounds:    {:.2} ms", b.search_compound_ms);
            println!(
                "search, no compound:     {:.2} ms",
                b.search_compound_absent_ms
            );
            println!("open a meeting page:     {:.2} ms", b.open_meeting_ms);
        }
        BenchCommand::Plan {
            actions,
            municipalities,
            interventions,
            json,
            keep,
        } => {
            let b = in_bench_dir(keep.as_deref(), |dir| {
                wieg::bench::plan(*actions, *municipalities, *interventions, dir)
            })?;
            if *json {
                return print_json(&b);
            }
            println!(
            "plan:                    {} actions, {} municipalities x {} interventions (built in {:.1} s)",
            b.actions, b.municipalities, b.interventions, b.build_s
        );
            println!("plan page (overview):    {:.1} ms", b.overview_ms);
            println!("plan page, filtered:     {:.1} ms", b.overview_filtered_ms);
            println!("roll-out matrix:         {:.1} ms", b.matrix_ms);
            println!("dashboard summary:       {:.1} ms", b.summary_ms);
        }
        BenchCommand::Network {
            organisations,
            relations,
            json,
        } => {
            let b = in_bench_dir(None, |dir| {
                wieg::bench::network(*organisations, *relations, dir)
            })?;
            if *json {
                return print_json(&b);
            }
            println!(
                "network:                 {} organisations, {} relations (built in {:.1} s)",
                b.organisations, b.relations, b.build_s
            );
            println!("list all:                {:.1} ms", b.list_all_ms);
            println!("list, text search:       {:.1} ms", b.list_text_ms);
            println!(
                "list, domain+gemeente:   {:.1} ms",
                b.list_domain_municipality_ms
            );
            println!("metrics (betweenness):   {:.1} ms", b.metrics_ms);
            println!("growth per month:        {:.1} ms", b.growth_ms);
            println!("export Kumu workbook:    {:.1} ms", b.export_xlsx_ms);
            println!("import preview of it:    {:.1} ms", b.import_preview_ms);
        }
        BenchCommand::Sync {
            changes,
            json,
            keep,
        } => {
            let b = in_bench_dir(keep.as_deref(), |dir| wieg::bench::sync(*changes, dir))?;
            if *json {
                print_json(&b)?;
            } else {
                println!("changes:                 {}", b.changes);
                println!(
                    "local writes:            {:.0} changes/s",
                    b.local_write_per_s
                );
                println!("export to folder:        {:.2} s", b.export_s);
                println!(
                    "folder size:             {} bytes ({:.1} bytes/change)",
                    b.folder_bytes, b.bytes_per_change
                );
                println!(
                "join (new laptop):       {:.2} s = {:.0} changes/s (reading and decoding files: {:.2} s, alongside); median of 3",
                b.join_s, b.join_per_s, b.decode_s
            );
                if let Some(mib) = b.join_peak_mib {
                    println!("join peak memory:        {mib:.0} MiB");
                }
                println!(
                    "plain SQLite insert:     {:.2} s, median of 3 (join is {:.2}x)",
                    b.plain_insert_s, b.join_vs_plain
                );
                println!(
                    "round of 100 changes:    export {:.1} ms, import {:.1} ms",
                    b.round_export_ms, b.round_import_ms
                );
            }
        }
    }
    Ok(())
}

/// Run a benchmark in `keep` (left for the app to open) or in a temporary
/// folder that is removed afterwards, whatever the outcome.
fn in_bench_dir<T>(
    keep: Option<&std::path::Path>,
    run: impl FnOnce(&std::path::Path) -> wieg::Result<T>,
) -> wieg::Result<T> {
    let dir = keep
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| std::env::temp_dir().join(format!("wieg-bench-{}", std::process::id())));
    let result = run(&dir);
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    result
}
