//! `wieg bench sync`: how fast a new laptop joins a big coalition, how long
//! a small sync round takes in it, and how many bytes a change costs in the
//! shared folder. Figures, never assertions: timings belong here, not in tests.

use std::path::Path;
use std::time::Instant;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::network::{Domain, OrgKind, OrganisationInput};
use crate::workspace::Workspace;

#[derive(Debug, Serialize)]
pub struct SyncBench {
    pub changes: u64,
    /// Local edits through the change path, in changes per second.
    pub local_write_per_s: f64,
    pub export_s: f64,
    pub folder_bytes: u64,
    pub bytes_per_change: f64,
    pub join_s: f64,
    /// Of the join: reading, checking and decoding the batch files alone.
    pub decode_s: f64,
    pub join_per_s: f64,
    /// Peak resident memory during the join, in MiB (Linux only).
    pub join_peak_mib: Option<f64>,
    /// The same rows inserted into a plain table in one transaction.
    pub plain_insert_s: f64,
    pub join_vs_plain: f64,
    /// One round of 100 new changes: the writer's export and the reader's import.
    pub round_export_ms: f64,
    pub round_import_ms: f64,
}

/// Build a coalition of about `changes` changes in `dir` and measure.
pub fn sync(changes: u64, dir: &Path) -> Result<SyncBench> {
    let shared = dir.join("shared");
    std::fs::create_dir_all(&shared).map_err(|e| Error::io(&shared, e))?;
    let mut a = Workspace::open(dir.join("a"))?;
    a.create_coalition("Kansrijke Start Benchmark")?;
    let count = |ws: &Workspace| -> Result<u64> {
        let n: i64 = ws
            .conn()
            .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))?;
        Ok(n as u64)
    };
    let started = Instant::now();
    let mut made: u64 = 0;
    // Organisations in chunks until the log holds the changes asked for.
    loop {
        let have = count(&a)?;
        if have >= changes {
            break;
        }
        let per_org = have.checked_div(made).unwrap_or(12).max(1);
        let wanted = ((changes - have) / per_org).clamp(1, 10_000);
        let chunk: Vec<OrganisationInput> = (made..made + wanted)
            .map(|i| OrganisationInput {
                name: Some(format!("Organisatie {i}")),
                kind: Some(OrgKind::ALL[i as usize % OrgKind::ALL.len()]),
                domain: Some(Domain::ALL[i as usize % Domain::ALL.len()]),
                website: Some(format!("www.organisatie-{i}.example.nl")),
                notes: Some(format!("Notitie bij organisatie {i}")),
                ..Default::default()
            })
            .collect();
        made += chunk.len() as u64;
        a.create_organisations(&chunk)?;
    }
    let total: i64 = a
        .conn()
        .query_row("SELECT count(*) FROM changes", [], |r| r.get(0))?;
    let total = total as u64;
    let local_write_per_s = total as f64 / started.elapsed().as_secs_f64();

    a.set_sync_folder(&shared)?;
    let started = Instant::now();
    a.sync()?;
    let export_s = started.elapsed().as_secs_f64();
    let folder_bytes = dir_bytes(&shared);

    // Each timing is the median of three runs: one run on this kind of
    // machine varies by a quarter.
    reset_peak_memory();
    let started = Instant::now();
    let (mut b, _) = Workspace::join(&dir.join("b"), &shared, None)?;
    let mut joins = vec![started.elapsed().as_secs_f64()];
    let join_peak_mib = peak_memory_mib();
    for run in 1..RUNS {
        let again = dir.join(format!("b{run}"));
        let started = Instant::now();
        drop(Workspace::join(&again, &shared, None)?);
        joins.push(started.elapsed().as_secs_f64());
        std::fs::remove_dir_all(&again).map_err(|e| Error::io(&again, e))?;
    }
    let join_s = median(joins);
    let coalition = a.require_coalition()?.id;
    let decode_s = median((0..RUNS).map(|_| decode_all(&shared, coalition)).collect());
    let plain_insert_s = median(
        (0..RUNS)
            .map(|run| plain_insert(&a, &dir.join(format!("plain{run}.sqlite"))))
            .collect::<Result<_>>()?,
    );

    let ids: Vec<uuid::Uuid> = a
        .list_organisations(&Default::default())?
        .into_iter()
        .take(100)
        .map(|o| o.id)
        .collect();
    for (i, id) in ids.iter().enumerate() {
        a.update_organisation(
            *id,
            &OrganisationInput {
                notes: Some(format!("Bijgewerkt {i}")),
                ..Default::default()
            },
        )?;
    }
    let started = Instant::now();
    a.sync()?;
    let round_export_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    b.sync()?;
    let round_import_ms = started.elapsed().as_secs_f64() * 1000.0;

    Ok(SyncBench {
        changes: total,
        local_write_per_s,
        export_s,
        folder_bytes,
        bytes_per_change: folder_bytes as f64 / total as f64,
        join_s,
        decode_s,
        join_per_s: total as f64 / join_s,
        join_peak_mib,
        plain_insert_s,
        join_vs_plain: join_s / plain_insert_s,
        round_export_ms,
        round_import_ms,
    })
}

/// How often the join, the decoding and the baseline are timed.
const RUNS: usize = 3;

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The baseline: the log's rows as it stores them, into a plain table keyed
/// by HLC alone, in one transaction.
fn plain_insert(from: &Workspace, path: &Path) -> Result<f64> {
    let rows: Vec<Vec<rusqlite::types::Value>> = from
        .conn()
        .prepare("SELECT hlc, entity, entity_id, field, value, prev FROM changes")?
        .query_map([], |r| (0..6).map(|i| r.get(i)).collect())?
        .collect::<rusqlite::Result<_>>()?;
    let mut conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // The same page cache as a workspace's connection, for a fair comparison.
    conn.pragma_update(None, "cache_size", -65_536)?;
    conn.execute_batch(
        "CREATE TABLE plain (hlc BLOB PRIMARY KEY, entity TEXT, entity_id BLOB, field TEXT, value TEXT, prev BLOB) WITHOUT ROWID",
    )?;
    let started = Instant::now();
    let tx = conn.transaction()?;
    {
        let mut insert = tx.prepare("INSERT INTO plain VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
        for r in &rows {
            insert.execute(rusqlite::params_from_iter(r))?;
        }
    }
    tx.commit()?;
    Ok(started.elapsed().as_secs_f64())
}

fn decode_all(shared: &Path, coalition: uuid::Uuid) -> f64 {
    let started = Instant::now();
    for path in files_under(shared) {
        if path
            .extension()
            .is_some_and(|x| x == crate::sync::batch::EXTENSION)
        {
            if let Ok(bytes) = std::fs::read(&path) {
                let _ = crate::sync::batch::decode(&bytes, coalition);
            }
        }
    }
    started.elapsed().as_secs_f64()
}

fn dir_bytes(dir: &Path) -> u64 {
    files_under(dir)
        .iter()
        .filter_map(|p| p.metadata().ok())
        .map(|m| m.len())
        .sum()
}

fn files_under(root: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.push(e.path());
            }
        }
    }
    out
}

/// The median time of `runs` calls, in milliseconds.
fn median_of(runs: usize, f: &mut dyn FnMut() -> Result<()>) -> Result<f64> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let started = Instant::now();
        f()?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    Ok(median(times))
}

/// Linux keeps a high-water mark of resident memory; "5" resets it.
fn reset_peak_memory() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[derive(Debug, Serialize)]
pub struct NetworkBench {
    pub organisations: usize,
    pub relations: usize,
    pub build_s: f64,
    /// Median of 20 runs each, in milliseconds.
    pub list_all_ms: f64,
    pub list_text_ms: f64,
    pub list_domain_municipality_ms: f64,
    pub metrics_ms: f64,
    pub growth_ms: f64,
    pub export_xlsx_ms: f64,
    pub import_preview_ms: f64,
}

/// A network of `organisations` partners (each serving one or two of 40
/// municipalities) and `relations` random relations, built through the
/// change path in `dir`, then its lists, metrics and files timed.
pub fn network(organisations: usize, relations: usize, dir: &Path) -> Result<NetworkBench> {
    use crate::network::{MunicipalityInput, OrganisationFilter, RelationInput, RelationKind};

    let mut ws = Workspace::open(dir.join("data"))?;
    ws.create_coalition("Kansrijke Start Benchmark")?;
    let started = Instant::now();
    let municipalities: Vec<uuid::Uuid> = (0..40)
        .map(|i| {
            ws.create_municipality(&MunicipalityInput {
                name: Some(format!("Gemeente {i}")),
                cbs_code: Some(format!("GM{:04}", 1000 + i)),
                ..Default::default()
            })
            .map(|m| m.id)
        })
        .collect::<Result<_>>()?;
    let mut ids = Vec::with_capacity(organisations);
    for start in (0..organisations).step_by(5_000) {
        let chunk: Vec<OrganisationInput> = (start..organisations.min(start + 5_000))
            .map(|i| OrganisationInput {
                name: Some(format!("Organisatie {i:05}")),
                kind: Some(OrgKind::ALL[i % OrgKind::ALL.len()]),
                domain: Some(Domain::ALL[i % Domain::ALL.len()]),
                signed_on: (i % 3 == 0).then(|| format!("2023-{:02}-15", 1 + i % 12)),
                involved_since: Some(format!("2022-{:02}-01", 1 + i % 12)),
                ..Default::default()
            })
            .collect();
        ids.extend(ws.create_organisations(&chunk)?);
    }
    ws.write(|w| {
        for (i, id) in ids.iter().enumerate() {
            let served = [municipalities[i % 40], municipalities[(i * 7) % 40]];
            crate::network::set_served_in(w, *id, &served)?;
        }
        Ok(())
    })?;
    // A deterministic spread of pairs (a linear congruence), no self-links.
    let mut seed: u64 = 42;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let mut made = 0;
    while made < relations {
        let batch = (relations - made).min(10_000);
        let inputs: Vec<RelationInput> = (0..batch)
            .map(|_| {
                let from = next(ids.len());
                let to = (from + 1 + next(ids.len() - 1)) % ids.len();
                RelationInput {
                    from_org: Some(ids[from]),
                    to_org: Some(ids[to]),
                    kind: Some(RelationKind::ALL[next(RelationKind::ALL.len())]),
                    strength: Some(1 + next(5) as u8),
                    ..Default::default()
                }
            })
            .collect();
        ws.create_relations(&inputs)?;
        made += batch;
    }
    let build_s = started.elapsed().as_secs_f64();

    let median_ms = |f: &mut dyn FnMut() -> Result<()>| median_of(20, f);
    let list_all_ms = median_ms(&mut || ws.list_organisations(&Default::default()).map(drop))?;
    let list_text_ms = median_ms(&mut || {
        ws.list_organisations(&OrganisationFilter {
            text: Some("organisatie 012".into()),
            ..Default::default()
        })
        .map(drop)
    })?;
    let list_domain_municipality_ms = median_ms(&mut || {
        ws.list_organisations(&OrganisationFilter {
            domain: Some(Domain::Sociaal),
            municipality: Some(municipalities[3]),
            ..Default::default()
        })
        .map(drop)
    })?;
    let metrics_ms = median_ms(&mut || ws.network_metrics().map(drop))?;
    let growth_ms = median_ms(&mut || ws.network_growth().map(drop))?;
    let xlsx = dir.join("netwerk.xlsx");
    let started = Instant::now();
    ws.export_network_xlsx(&xlsx)?;
    let export_xlsx_ms = started.elapsed().as_secs_f64() * 1000.0;
    let started = Instant::now();
    ws.preview_import(&xlsx)?;
    let import_preview_ms = started.elapsed().as_secs_f64() * 1000.0;
    Ok(NetworkBench {
        organisations,
        relations,
        build_s,
        list_all_ms,
        list_text_ms,
        list_domain_municipality_ms,
        metrics_ms,
        growth_ms,
        export_xlsx_ms,
        import_preview_ms,
    })
}

#[derive(Debug, Serialize)]
pub struct PlanBench {
    pub actions: usize,
    pub municipalities: usize,
    pub interventions: usize,
    pub build_s: f64,
    /// Median of 20 runs each, in milliseconds.
    pub overview_ms: f64,
    pub overview_filtered_ms: f64,
    pub matrix_ms: f64,
    pub summary_ms: f64,
}

/// A plan of `actions` actions (each in a few municipalities, with two
/// milestones) and a roll-out of `municipalities` × `interventions`, built
/// through the change path in `dir`; the plan page's and the matrix's
/// queries timed.
pub fn plan(
    actions: usize,
    municipalities: usize,
    interventions: usize,
    dir: &Path,
) -> Result<PlanBench> {
    use crate::plan::{ActionFilter, ActionStatus};

    let started = Instant::now();
    let (ws, plan, municipality_ids) = build_plan(actions, municipalities, interventions, dir)?;
    let build_s = started.elapsed().as_secs_f64();
    let median_ms = |f: &mut dyn FnMut() -> Result<()>| median_of(20, f);
    let overview_ms =
        median_ms(&mut || ws.plan_overview(plan, &ActionFilter::default()).map(drop))?;
    let overview_filtered_ms = median_ms(&mut || {
        ws.plan_overview(
            plan,
            &ActionFilter {
                municipality: Some(municipality_ids[5 % municipality_ids.len()]),
                status: Some(ActionStatus::Loopt),
                ..Default::default()
            },
        )
        .map(drop)
    })?;
    let matrix_ms = median_ms(&mut || ws.rollout_matrix().map(drop))?;
    let summary_ms = median_ms(&mut || ws.plan_summary().map(drop))?;
    Ok(PlanBench {
        actions,
        municipalities,
        interventions,
        build_s,
        overview_ms,
        overview_filtered_ms,
        matrix_ms,
        summary_ms,
    })
}

/// A coalition with a plan of `actions` actions (each in a few
/// municipalities, with two milestones) and a roll-out of `municipalities`
/// × `interventions`, built through the change path in `dir`.
fn build_plan(
    actions: usize,
    municipalities: usize,
    interventions: usize,
    dir: &Path,
) -> Result<(Workspace, uuid::Uuid, Vec<uuid::Uuid>)> {
    use crate::network::MunicipalityInput;
    use crate::plan::{
        add_milestone_in, create_action_in, set_rollout_in, ActionInput, ActionStatus,
        InterventionInput, MilestoneInput, PlanInput, RolloutInput, RolloutStatus,
    };

    let mut ws = Workspace::open(dir.join("data"))?;
    ws.create_coalition("Kansrijke Start Benchmark")?;
    let plan = ws.create_plan(&PlanInput {
        title: Some("Benchmarkplan".into()),
        period_start: Some(Some(2024)),
        period_end: Some(Some(2027)),
        ..Default::default()
    })?;
    let pillars: Vec<uuid::Uuid> = ws.pillars(plan.id)?.into_iter().map(|p| p.id).collect();
    let owners = ws.create_organisations(
        &(0..50)
            .map(|i| OrganisationInput {
                name: Some(format!("Partner {i}")),
                kind: Some(OrgKind::ALL[i % OrgKind::ALL.len()]),
                domain: Some(Domain::ALL[i % Domain::ALL.len()]),
                ..Default::default()
            })
            .collect::<Vec<_>>(),
    )?;
    let municipality_ids: Vec<uuid::Uuid> = (0..municipalities)
        .map(|i| {
            ws.create_municipality(&MunicipalityInput {
                name: Some(format!("Gemeente {i}")),
                cbs_code: Some(format!("GM{:04}", 1000 + i)),
                ..Default::default()
            })
            .map(|m| m.id)
        })
        .collect::<Result<_>>()?;
    let mut intervention_ids: Vec<uuid::Uuid> =
        ws.list_interventions()?.into_iter().map(|i| i.id).collect();
    for i in intervention_ids.len()..interventions {
        intervention_ids.push(
            ws.create_intervention(&InterventionInput {
                name: Some(format!("Interventie {i}")),
                action_line: Some(crate::plan::ActionLine::ALL[i % 3]),
                ..Default::default()
            })?
            .id,
        );
    }
    intervention_ids.truncate(interventions);
    let today = ws.today();
    for chunk in (0..actions).collect::<Vec<_>>().chunks(1_000) {
        ws.write(|w| {
            for &i in chunk {
                let input = ActionInput {
                    pillar: Some(pillars[i % pillars.len()]),
                    title: Some(format!("Actie {i}")),
                    owner: Some(owners[i % owners.len()].to_string()),
                    partners: Some(vec![owners[(i + 7) % owners.len()]]),
                    municipalities: Some(
                        (0..3)
                            .map(|k| municipality_ids[(i * 3 + k) % municipality_ids.len()])
                            .collect(),
                    ),
                    status: Some(ActionStatus::ALL[i % ActionStatus::ALL.len()]),
                    start_date: Some(format!("2025-{:02}-01", 1 + i % 12)),
                    end_date: Some(format!("2026-{:02}-28", 1 + i % 12)),
                    budget_cents: Some(format!("{}", 1_000 + i)),
                    ..Default::default()
                };
                let id = create_action_in(w, &input, today)?;
                for (quarter, title) in [("2025-K3", "Tussenstand"), ("2026-K1", "Evaluatie")] {
                    let milestone = MilestoneInput {
                        action: Some(id),
                        quarter: Some(quarter.into()),
                        title: Some(title.into()),
                        done: None,
                    };
                    add_milestone_in(w, &milestone)?;
                }
            }
            Ok(())
        })?;
    }
    ws.write(|w| {
        for (mi, m) in municipality_ids.iter().enumerate() {
            for (ii, i) in intervention_ids.iter().enumerate() {
                let input = RolloutInput {
                    status: Some(RolloutStatus::ALL[(mi + ii) % RolloutStatus::ALL.len()]),
                    target_per_year: Some(Some(20)),
                    ..Default::default()
                };
                set_rollout_in(w, *m, *i, &input)?;
            }
        }
        Ok(())
    })?;
    Ok((ws, plan.id, municipality_ids))
}

#[derive(Debug, Serialize)]
pub struct MeetingsBench {
    pub meetings: usize,
    pub agenda_items: usize,
    pub build_s: f64,
    /// The database file once its log is checkpointed, and in it the word
    /// index (with the searched text) and the compound (trigram) index.
    pub database_mib: f64,
    pub word_index_mib: f64,
    pub compound_index_mib: f64,
    /// Median of 50 searches each, in milliseconds.
    pub search_common_ms: f64,
    pub search_rare_ms: f64,
    pub search_prefix_two_words_ms: f64,
    /// A word found only inside compounds ("gezondheid" in most minutes,
    /// as part of "jeugdgezondheidszorg").
    pub search_compound_ms: f64,
    /// The slowest kind: a word that is nowhere although every three of its
    /// letters are in most minutes ("ouderschap": "ouders", "zwangerschap"),
    /// so every candidate is checked.
    pub search_compound_absent_ms: f64,
    /// Opening one meeting page (median of 50).
    pub open_meeting_ms: f64,
}

/// `meetings` meetings with `agenda_items` agenda items of made-up Dutch
/// minutes, through the change path; search and a meeting page timed.
pub fn meetings(meetings: usize, agenda_items: usize, dir: &Path) -> Result<MeetingsBench> {
    use crate::meetings::{AgendaItemInput, MeetingInput, MeetingKind};

    const WORDS: &[&str] = &[
        "zwangerschap",
        "kraamzorg",
        "verloskundige",
        "wijkteam",
        "gemeente",
        "ouders",
        "baby",
        "armoede",
        "schulden",
        "huisbezoek",
        "training",
        "overdracht",
        "signaleren",
        "zorgpad",
        "convenant",
        "subsidie",
        "jeugdgezondheidszorg",
        "consultatiebureau",
        "afspraak",
        "voortgang",
        "evaluatie",
        "bijeenkomst",
        "werkgroep",
        "stuurgroep",
        "rookvrij",
        "voeding",
        "kinderwens",
        "anticonceptie",
        "café",
        "coördinatie",
    ];
    let mut ws = Workspace::open(dir.join("data"))?;
    ws.create_coalition("Kansrijke Start Benchmark")?;
    let started = Instant::now();
    let mut seed: u64 = 11;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let per_meeting = agenda_items.div_ceil(meetings.max(1));
    let mut ids = Vec::with_capacity(meetings);
    for chunk in (0..meetings).collect::<Vec<_>>().chunks(500) {
        let mut texts = Vec::new();
        for &i in chunk {
            for k in 0..per_meeting {
                let words: Vec<&str> = (0..40).map(|_| WORDS[next(WORDS.len())]).collect();
                texts.push((i, k, words.join(" ")));
            }
        }
        ws.write(|w| {
            let mut made = Vec::new();
            for &i in chunk {
                let id = uuid::Uuid::now_v7();
                let input = MeetingInput {
                    title: Some(format!("Overleg {i}")),
                    kind: Some(MeetingKind::ALL[i % MeetingKind::ALL.len()]),
                    date: Some(format!("20{:02}-{:02}-15", 20 + i % 8, 1 + i % 12)),
                    ..Default::default()
                };
                crate::meetings::create_meeting_in(w, id, &input)?;
                made.push(id);
            }
            for (i, k, minutes) in &texts {
                let meeting = made[i - chunk[0]];
                let input = AgendaItemInput {
                    meeting: Some(meeting),
                    title: Some(format!("Agendapunt {k}")),
                    minutes: Some(minutes.clone()),
                    ..Default::default()
                };
                crate::meetings::add_agenda_item_in(w, *k as i64 + 1, &input)?;
            }
            ids.extend(made);
            Ok(())
        })?;
    }
    let build_s = started.elapsed().as_secs_f64();
    ws.conn()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    let mib = |bytes: i64| bytes as f64 / (1024.0 * 1024.0);
    let database_mib = mib(dir_bytes(&dir.join("data")) as i64);
    let index_mib = |prefix: &str| -> Result<f64> {
        let bytes: i64 = ws.conn().query_row(
            "SELECT coalesce(sum(d.pgsize), 0) FROM sqlite_schema t, dbstat(?1, 1) d \
             WHERE t.type = 'table' AND t.name LIKE ?2 || '%' AND d.name = t.name",
            ["main", prefix],
            |r| r.get(0),
        )?;
        Ok(mib(bytes))
    };
    let word_index_mib = index_mib("search_index")?;
    let compound_index_mib = index_mib("search_parts")?;
    let median_ms = |f: &mut dyn FnMut() -> Result<()>| median_of(50, f);
    let search_common_ms = median_ms(&mut || ws.search("zwangerschap", 50).map(drop))?;
    let search_rare_ms = median_ms(&mut || ws.search("walvis", 50).map(drop))?;
    let search_prefix_two_words_ms = median_ms(&mut || ws.search("kraam verlos", 50).map(drop))?;
    let search_compound_ms = median_ms(&mut || ws.search("gezondheid", 50).map(drop))?;
    let search_compound_absent_ms = median_ms(&mut || ws.search("ouderschap", 50).map(drop))?;
    let mut i = 0;
    let open_meeting_ms = median_ms(&mut || {
        i += 1;
        ws.meeting_detail(ids[(i * 7919) % ids.len()]).map(drop)
    })?;
    Ok(MeetingsBench {
        meetings,
        agenda_items: per_meeting * meetings,
        build_s,
        database_mib,
        word_index_mib,
        compound_index_mib,
        search_common_ms,
        search_rare_ms,
        search_prefix_two_words_ms,
        search_compound_ms,
        search_compound_absent_ms,
        open_meeting_ms,
    })
}

/// One export: how long, how big, how much memory at the peak.
#[derive(Debug, Serialize)]
pub struct ExportTiming {
    pub what: String,
    pub format: String,
    pub ms: f64,
    pub bytes: usize,
    pub peak_mib: Option<f64>,
}

#[derive(Debug, Serialize)]
pub struct ExportsBench {
    pub timings: Vec<ExportTiming>,
}

/// The action plan of 60 and of `actions` actions in every format, and the
/// progress report over three years of the demo coalition and of one ten
/// times its size.
pub fn exports(actions: usize, dir: &Path) -> Result<ExportsBench> {
    use crate::export::{ExportFormat, ExportRequest};

    let created = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    let mut timings = Vec::new();
    let mut time = |ws: &Workspace,
                    what: &str,
                    request: &ExportRequest,
                    formats: &[ExportFormat]|
     -> Result<()> {
        for format in formats {
            reset_peak_memory();
            let started = Instant::now();
            let file = ws.export_file(request, *format, created)?;
            timings.push(ExportTiming {
                what: what.to_string(),
                format: format.code().to_string(),
                ms: started.elapsed().as_secs_f64() * 1000.0,
                bytes: file.bytes.len(),
                peak_mib: peak_memory_mib(),
            });
        }
        Ok(())
    };
    // Smallest first and PDF last: the allocator keeps what a big export
    // used, so a peak is only exact when nothing bigger ran before it.
    use ExportFormat::*;
    let all = [Csv, Xlsx, Docx, Odt, Pdf];
    let documents = [Docx, Odt, Pdf];
    let report = ExportRequest::Report {
        from: "2024-01-01".into(),
        to: "2026-12-31".into(),
    };
    let (small, _, _) = build_plan(60, 15, 12, &dir.join("small"))?;
    time(&small, "actieplan, 60 acties", &ExportRequest::Plan, &all)?;
    let mut demo = Workspace::open(dir.join("demo"))?;
    demo.load_demo()?;
    time(&demo, "voortgangsrapportage, demo", &report, &documents)?;
    let scaled = scaled_coalition(&dir.join("scaled"))?;
    time(
        &scaled,
        "voortgangsrapportage, demo x10",
        &report,
        &documents,
    )?;
    let (large, _, _) = build_plan(actions, 15, 12, &dir.join("large"))?;
    time(
        &large,
        &format!("actieplan, {actions} acties"),
        &ExportRequest::Plan,
        &all,
    )?;
    Ok(ExportsBench { timings })
}

/// About ten times the demo coalition over 2024–2026: 970 organisations
/// (half signed), 2,050 relations, 300 meetings held with 600 decisions and
/// 1,200 action items, 600 actions in 15 municipalities × 12 interventions.
fn scaled_coalition(dir: &Path) -> Result<Workspace> {
    use crate::meetings::{
        add_action_item_in, add_decision_in, create_meeting_in, ActionItemInput, ActionItemStatus,
        DecisionInput, FollowUp, MeetingInput, MeetingKind, MeetingStatus,
    };
    use crate::network::RelationInput;

    let (mut ws, _, _) = build_plan(600, 15, 12, dir)?;
    let day = |i: usize| format!("{}-{:02}-{:02}", 2024 + i % 3, 1 + i % 12, 1 + i % 28);
    let orgs = ws.create_organisations(
        &(0..970)
            .map(|i| OrganisationInput {
                name: Some(format!("Organisatie {i}")),
                kind: Some(OrgKind::ALL[i % OrgKind::ALL.len()]),
                domain: Some(Domain::ALL[i % Domain::ALL.len()]),
                involved_since: Some(day(i)),
                signed_on: (i % 2 == 0).then(|| day(i)),
                ..Default::default()
            })
            .collect::<Vec<_>>(),
    )?;
    ws.create_relations(
        &(0..2_050)
            .map(|i| RelationInput {
                from_org: Some(orgs[i % orgs.len()]),
                to_org: Some(orgs[(i * 7 + 1) % orgs.len()]),
                ..Default::default()
            })
            .filter(|r| r.from_org != r.to_org)
            .collect::<Vec<_>>(),
    )?;
    let owner = orgs[0];
    ws.write(|w| {
        for i in 0..300 {
            let id = uuid::Uuid::now_v7();
            let input = MeetingInput {
                title: Some(format!("Overleg {i}")),
                kind: Some(MeetingKind::ALL[i % MeetingKind::ALL.len()]),
                date: Some(day(i)),
                status: Some(MeetingStatus::Gehouden),
                ..Default::default()
            };
            create_meeting_in(w, id, &input)?;
            for k in 0..2 {
                let input = DecisionInput {
                    meeting: Some(id),
                    text: Some(format!("Besluit {k} van overleg {i}")),
                    follow_up: Some(FollowUp::Uitgevoerd),
                    ..Default::default()
                };
                add_decision_in(w, &input)?;
            }
            for k in 0..4 {
                let status = ActionItemStatus::ALL[(i + k) % ActionItemStatus::ALL.len()];
                // No day done, also for the done ones.
                let input = ActionItemInput {
                    meeting: Some(id),
                    text: Some(format!("Actiepunt {k}")),
                    owner: Some(owner.to_string()),
                    status: Some(status),
                    done_on: Some(String::new()),
                    ..Default::default()
                };
                add_action_item_in(w, &input)?;
            }
        }
        Ok(())
    })?;
    Ok(ws)
}
