//! The `wieg` command line, run as a real process on a temp data dir.

use std::process::{Command, Output};

fn wieg(data: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wieg"))
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("run wieg")
}

fn ok(data: &std::path::Path, args: &[&str]) -> String {
    let out = wieg(data, args);
    assert!(
        out.status.success(),
        "wieg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn fails(data: &std::path::Path, args: &[&str]) -> String {
    let out = wieg(data, args);
    assert!(!out.status.success(), "wieg {args:?} should fail");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        !stderr.contains("panicked"),
        "errors are reported, never a panic: {stderr}"
    );
    stderr
}

#[test]
fn organisations_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Kansrijke Start Venlo"]);
    let id = ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "GGD Maas",
            "--kind",
            "GGD",
            "--domain",
            "Publieke-Gezondheid",
            "--website",
            "ggdmaas.nl",
        ],
    )
    .trim()
    .to_string();
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "Wijkteam Oost",
            "--kind",
            "wijkteam",
            "--domain",
            "sociaal",
        ],
    );

    let list: serde_json::Value =
        serde_json::from_str(&ok(data, &["org", "list", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["id"], id.as_str());
    assert_eq!(list[0]["name"], "GGD Maas");
    assert_eq!(
        list[0]["kind"], "jgz/ggd",
        "kinds are the Dutch words the UI shows"
    );
    assert_eq!(list[0]["domain"], "publieke gezondheid");
    assert_eq!(list[0]["website"], "https://ggdmaas.nl");
    assert!(list[0]["created_at"].is_string() && list[0]["deleted"] == false);

    ok(
        data,
        &[
            "org",
            "set",
            &id,
            "--name",
            "GGD Maas en Peel",
            "--notes",
            "JGZ 0-4",
        ],
    );
    ok(data, &["org", "rm", "Wijkteam Oost"]);
    let text = ok(data, &["org", "list"]);
    assert!(
        text.contains("GGD Maas en Peel") && !text.contains("Wijkteam Oost"),
        "{text}"
    );
    ok(data, &["org", "restore", "wijkteam oost"]);
    let sociaal: serde_json::Value =
        serde_json::from_str(&ok(data, &["org", "list", "--json", "--domain", "sociaal"])).unwrap();
    assert_eq!(sociaal.as_array().unwrap().len(), 1);

    let dump = ok(data, &["dump"]);
    assert!(dump.contains("GGD Maas en Peel") && dump.contains("\"organisations\""));
    assert_eq!(dump, ok(data, &["dump"]), "a dump is stable");
}

/// `--set field=value` reaches any declared field, after the named flags.
#[test]
fn any_declared_field_is_set_by_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Kansrijke Start Venlo"]);
    let add = [
        "org", "add", "--name", "GGD Maas", "--kind", "ggd", "--domain", "medisch",
    ];
    ok(
        data,
        &[&add[..], &["--set", "notes=Ook kraamzorg"]].concat(),
    );
    ok(
        data,
        &[
            "org", "set", "GGD Maas", "--set", "kind=ggz", "--place", "Venlo",
        ],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(data, &["org", "list", "--json"])).unwrap();
    let org = &list[0];
    assert_eq!(
        (&org["notes"], &org["kind"], &org["place"]),
        (
            &serde_json::json!("Ook kraamzorg"),
            &serde_json::json!("ggz"),
            &serde_json::json!("Venlo")
        )
    );
    let unknown = fails(data, &["org", "set", "GGD Maas", "--set", "kleur=rood"]);
    assert!(
        unknown.contains("onbekend veld \"kleur\"") && unknown.contains("website"),
        "{unknown}"
    );
    let shape = fails(data, &["org", "set", "GGD Maas", "--set", "notes"]);
    assert!(shape.contains("veld=waarde"), "{shape}");
    let word = fails(data, &["org", "set", "GGD Maas", "--set", "kind=bakkerij"]);
    assert!(word.contains("bakkerij"), "{word}");
}

#[test]
fn bad_input_gets_a_clear_error_and_a_non_zero_exit() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    assert!(fails(
        data,
        &[
            "org",
            "add",
            "--name",
            "X",
            "--kind",
            "kraamzorg",
            "--domain",
            "medisch"
        ]
    )
    .contains("coalitie"));
    ok(data, &["init", "--name", "Test"]);
    assert!(fails(data, &["init", "--name", "Nog een"]).contains("al een coalitie"));
    let err = fails(
        data,
        &[
            "org", "add", "--name", "X", "--kind", "bakkerij", "--domain", "medisch",
        ],
    );
    assert!(
        err.contains("bakkerij") && err.contains("kraamzorg"),
        "lists the valid kinds: {err}"
    );
    let err = fails(
        data,
        &[
            "org",
            "add",
            "--name",
            " ",
            "--kind",
            "kraamzorg",
            "--domain",
            "medisch",
        ],
    );
    assert!(err.contains("naam"), "{err}");
    let err = fails(
        data,
        &[
            "org",
            "add",
            "--name",
            "Y",
            "--kind",
            "kraamzorg",
            "--domain",
            "medisch",
            "--website",
            "niet geldig",
        ],
    );
    assert!(err.contains("webadres"), "{err}");
    assert!(
        fails(data, &["org", "rm", "0196a1b2-c3d4-7e8f-9a0b-1c2d3e4f5a6b"])
            .contains("niet gevonden")
    );
}

#[test]
fn demo_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["demo"]);
    let status: serde_json::Value = serde_json::from_str(&ok(data, &["status", "--json"])).unwrap();
    assert_eq!(
        status["coalition"]["name"],
        "Kansrijke Start Noord- en Midden-Limburg"
    );
    assert!(status["replica"]["id"].is_string());
    let orgs: serde_json::Value =
        serde_json::from_str(&ok(data, &["org", "list", "--json"])).unwrap();
    assert!(orgs.as_array().unwrap().len() >= 40);
}

#[test]
fn data_dir_comes_from_wieg_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_wieg"))
        .env("WIEG_DATA", dir.path())
        .args(["init", "--name", "Via omgeving"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(dir.path().join("wieg.sqlite").exists());
}

#[test]
fn municipalities_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Gemeenten"]);
    ok(
        data,
        &["gemeente", "add", "--name", "Venray", "--cbs", "GM0984"],
    );
    ok(
        data,
        &[
            "gemeente",
            "add",
            "--name",
            "Arcen en Velden",
            "--cbs",
            "885",
            "--not-in-coalition",
            "--to",
            "2009-12-31",
        ],
    );
    let list: serde_json::Value =
        serde_json::from_str(&ok(data, &["gemeente", "list", "--json"])).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(
        (list[0]["name"].as_str(), list[0]["cbs_code"].as_str()),
        (Some("Arcen en Velden"), Some("GM0885"))
    );
    assert_eq!(list[0]["in_coalition"], false);
    assert_eq!(list[0]["valid_to"], "2009-12-31");
    assert!(
        fails(data, &["gemeente", "add", "--name", "X", "--cbs", "GM0984"])
            .contains("al een gemeente")
    );
    assert!(fails(
        data,
        &["gemeente", "add", "--name", "X", "--cbs", "GM0001", "--from", "morgen"]
    )
    .contains("geen datum"));
    ok(data, &["gemeente", "rm", "GM0984"]);
    assert!(!ok(data, &["gemeente", "list"]).contains("Venray"));
}

#[test]
fn relations_and_metrics_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Verbindingen"]);
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "Verloskundigen",
            "--kind",
            "verloskundigenpraktijk",
            "--domain",
            "medisch",
        ],
    );
    ok(
        data,
        &[
            "org", "add", "--name", "Wijkteam", "--kind", "wijkteam", "--domain", "sociaal",
        ],
    );
    ok(
        data,
        &[
            "relation",
            "add",
            "--from",
            "Verloskundigen",
            "--to",
            "wijkteam",
            "--type",
            "verwijzing",
            "--strength",
            "4",
        ],
    );
    assert!(fails(
        data,
        &[
            "relation",
            "add",
            "--from",
            "Verloskundigen",
            "--to",
            "Wijkteam",
            "--type",
            "vriendschap"
        ]
    )
    .contains("verwijzing"));
    let list: serde_json::Value = serde_json::from_str(&ok(
        data,
        &["relation", "list", "--json", "--org", "Wijkteam"],
    ))
    .unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        (list[0]["kind"].as_str(), list[0]["strength"].as_u64()),
        (Some("verwijzing"), Some(4))
    );
    assert!(ok(data, &["relation", "list"]).contains("Verloskundigen —verwijzing(4)→ Wijkteam"));
    let metrics: serde_json::Value =
        serde_json::from_str(&ok(data, &["network", "metrics", "--json"])).unwrap();
    assert_eq!(metrics["medical_social_links"], 1);
    assert_eq!(metrics["relations"], 1);
}

#[test]
fn organisations_serve_municipalities_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["demo"]);
    let in_venray = |data: &std::path::Path| -> Vec<serde_json::Value> {
        let list: serde_json::Value = serde_json::from_str(&ok(
            data,
            &["org", "list", "--json", "--gemeente", "GM0984"],
        ))
        .unwrap();
        list.as_array().unwrap().clone()
    };
    let before = in_venray(data).len();
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "Nieuw Wijkteam",
            "--kind",
            "wijkteam",
            "--domain",
            "sociaal",
            "--municipalities",
            "Venlo, GM0984",
        ],
    );
    let venray = in_venray(data);
    assert_eq!(venray.len(), before + 1);
    let new = venray
        .iter()
        .find(|o| o["name"] == "Nieuw Wijkteam")
        .unwrap();
    assert_eq!(new["municipalities"].as_array().unwrap().len(), 2);
    ok(
        data,
        &["org", "set", "Nieuw Wijkteam", "--municipalities", ""],
    );
    assert_eq!(in_venray(data).len(), before);
    assert!(fails(
        data,
        &[
            "org",
            "set",
            "Nieuw Wijkteam",
            "--municipalities",
            "Atlantis"
        ]
    )
    .contains("niet gevonden"));
}

#[test]
fn contact_persons_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Kansrijke Start Leiden"]);
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "GGD Hollands Midden",
            "--kind",
            "ggd",
            "--domain",
            "publieke gezondheid",
        ],
    );
    let id = ok(
        data,
        &[
            "contact",
            "add",
            "--name",
            "Inge Bakker",
            "--org",
            "GGD Hollands Midden",
            "--email",
            "i.bakker@ggdhm.nl",
            "--role",
            "jeugdarts",
            "--coalition-role",
            "kartrekker",
        ],
    )
    .trim()
    .to_string();
    let err = fails(
        data,
        &[
            "contact",
            "add",
            "--name",
            "X",
            "--org",
            "GGD Hollands Midden",
            "--email",
            "nee",
        ],
    );
    assert!(err.contains("e-mailadres"), "{err}");
    ok(data, &["contact", "set", &id, "--phone", "071-5161234"]);
    let list = ok(data, &["contact", "list", "--org", "GGD Hollands Midden"]);
    assert!(
        list.contains("Inge Bakker") && list.contains("jeugdarts"),
        "{list}"
    );

    let out = dir.path().join("inzage.json");
    ok(
        data,
        &["contact", "export", &id, "--out", out.to_str().unwrap()],
    );
    let inzage: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(inzage["contact"]["phone"], "071-5161234");
    assert_eq!(inzage["organisation_name"], "GGD Hollands Midden");

    let erased = ok(data, &["contact", "erase", &id]);
    assert!(erased.contains("Vergeten: Inge Bakker"), "{erased}");
    assert!(!ok(data, &["contact", "list"]).contains("Inge"));
    assert!(!ok(data, &["dump"]).contains("Inge"));
    fails(data, &["contact", "export", &id]);
}

#[test]
fn import_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    ok(&data, &["init", "--name", "Kansrijke Start Leiden"]);
    let csv = dir.path().join("partners.csv");
    std::fs::write(
        &csv,
        "Naam;Soort\nGGD Hollands Midden;ggd\nBuurtteam Leiden;wijkteam\nFout;onbekend\n",
    )
    .unwrap();
    let dry = ok(&data, &["import", csv.to_str().unwrap(), "--dry-run"]);
    assert!(
        dry.contains("regel 4  fout  Fout: onbekende waarde"),
        "{dry}"
    );
    assert!(
        dry.contains("2 nieuw, 0 bijwerken, 0 ongewijzigd, 1 fout"),
        "{dry}"
    );
    let err = fails(&data, &["import", csv.to_str().unwrap()]);
    assert!(err.contains("niets geïmporteerd"), "{err}");
    assert!(!ok(&data, &["org", "list"]).contains("GGD"));

    std::fs::write(
        &csv,
        "Naam;Soort\nGGD Hollands Midden;ggd\nBuurtteam Leiden;wijkteam\n",
    )
    .unwrap();
    let done = ok(&data, &["import", csv.to_str().unwrap()]);
    assert!(done.contains("2 nieuw"), "{done}");
    let id = done.split_whitespace().nth(1).unwrap().to_string();
    assert!(ok(&data, &["org", "list"]).contains("Buurtteam Leiden"));

    let xlsx = dir.path().join("netwerk.xlsx");
    ok(
        &data,
        &[
            "export",
            "network",
            "--format",
            "xlsx",
            "--out",
            xlsx.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK"));
    let out = ok(
        &data,
        &[
            "export",
            "network",
            "--format",
            "csv",
            "--out",
            dir.path().join("n.csv").to_str().unwrap(),
        ],
    );
    assert!(
        out.contains("n-organisaties.csv") && out.contains("n-verbindingen.csv"),
        "{out}"
    );

    ok(&data, &["import", "--undo", &id]);
    assert!(!ok(&data, &["org", "list"]).contains("Buurtteam"));
    assert!(ok(&data, &["import", "--list"]).contains("[ongedaan]"));
}

#[test]
fn the_action_plan_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Kansrijke Start Leiden"]);
    assert!(fails(data, &["plan", "show"]).contains("wieg plan create"));
    ok(
        data,
        &[
            "plan",
            "create",
            "--title",
            "Plan van aanpak",
            "--from",
            "2024",
            "--to",
            "2027",
        ],
    );
    ok(
        data,
        &["gemeente", "add", "--name", "Leiden", "--cbs", "GM0546"],
    );
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "GGD Hollands Midden",
            "--kind",
            "ggd",
            "--domain",
            "publieke gezondheid",
        ],
    );
    let pillars = ok(data, &["pillar", "list"]);
    assert!(pillars.contains("2  Nu Niet Zwanger"), "{pillars}");
    let id = ok(
        data,
        &[
            "action",
            "add",
            "--pillar",
            "2",
            "--title",
            "NNZ-gesprekken trainen",
            "--owner",
            "GGD Hollands Midden",
            "--gemeenten",
            "Leiden",
            "--budget",
            "€ 12.500",
            "--status",
            "gepland",
            "--start",
            "01-02-2025",
            "--end",
            "30-06-2025",
        ],
    )
    .trim()
    .to_string();
    let err = fails(
        data,
        &[
            "action", "add", "--pillar", "2", "--title", "x", "--budget", "veel",
        ],
    );
    assert!(err.contains("geen bedrag"), "{err}");
    ok(
        data,
        &[
            "action",
            "milestone",
            &id,
            "--quarter",
            "2025-Q1",
            "--title",
            "Eerste training",
        ],
    );
    let shown = ok(data, &["plan", "show"]);
    assert!(
        shown.contains("Pijler 2: Nu Niet Zwanger — 1 acties, budget € 12.500"),
        "{shown}"
    );
    let listed = ok(data, &["action", "list", "--gemeente", "GM0546"]);
    assert!(
        listed.contains("NNZ-gesprekken trainen  [gepland]"),
        "{listed}"
    );

    ok(
        data,
        &[
            "rollout",
            "set",
            "Leiden",
            "centeringzwangerschap",
            "actief",
            "--provider",
            "GGD Hollands Midden",
            "--target",
            "40",
        ],
    );
    let matrix = ok(data, &["rollout", "matrix"]);
    assert!(
        matrix.contains("CenteringZwangerschap: actief in 1 van 1 gemeenten — Leiden"),
        "{matrix}"
    );
    assert!(fails(
        data,
        &["rollout", "set", "Leiden", "Bestaat Niet", "actief"]
    )
    .contains("niet gevonden"));
    ok(data, &["pillar", "move", "4", "--to", "1"]);
    assert!(ok(data, &["pillar", "list"]).starts_with("1  Duurzame start jonge kind"));
    assert!(
        fails(data, &["pillar", "rm", "3"]).contains("acties"),
        "pillar 2 moved to 3 and has an action"
    );
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["demo"]);
    // The dump is far larger than a pipe's buffer: the writer meets the
    // closed end, as with `wieg dump | head`.
    let mut child = Command::new(env!("CARGO_BIN_EXE_wieg"))
        .arg("--data")
        .arg(dir.path())
        .arg("dump")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success());
}

#[test]
fn funding_and_indicators_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.as_path();
    ok(data, &["init", "--name", "Kansrijke Start Leiden"]);
    ok(
        data,
        &[
            "plan", "create", "--title", "Plan", "--from", "2024", "--to", "2027",
        ],
    );
    ok(
        data,
        &["gemeente", "add", "--name", "Leiden", "--cbs", "GM0546"],
    );
    let action = ok(
        data,
        &[
            "action", "add", "--pillar", "1", "--title", "Zorgpad", "--budget", "40.000",
        ],
    )
    .trim()
    .to_string();
    ok(
        data,
        &[
            "funding",
            "add",
            "--kind",
            "provincie",
            "--funder",
            "Provincie Zuid-Holland",
            "--amount",
            "130.680",
            "--from",
            "01-01-2024",
            "--to",
            "31-12-2026",
            "--deadline",
            "01-04-2027",
            "--actions",
            &action,
        ],
    );
    let list = ok(data, &["funding", "list"]);
    assert!(list.contains("Provincie Zuid-Holland (provincie)  € 130.680  1 acties, verantwoorden vóór 01-04-2027"), "{list}");
    let overview = ok(data, &["funding", "overview"]);
    assert!(
        overview.contains("Pijler 1: begroot € 40.000, toegekend € 130.680"),
        "{overview}"
    );

    // Spending on the action lands on its only grant; what is left shows.
    let grant = list.split_whitespace().next().unwrap().to_string();
    ok(
        data,
        &[
            "spending",
            "add",
            "--action",
            &action,
            "--date",
            "2024-06-01",
            "--amount",
            "4.000,50",
            "--description",
            "Scholing",
        ],
    );
    ok(
        data,
        &[
            "spending",
            "add",
            "--funding",
            &grant,
            "--date",
            "2024-07-01",
            "--amount",
            "1.000",
            "--description",
            "Drukwerk",
            "--committed",
        ],
    );
    let list = ok(data, &["funding", "list"]);
    assert!(
        list.contains("betaald € 4.000,50, verplicht € 1.000, over € 125.679,50"),
        "{list}"
    );
    let spent = ok(
        data,
        &[
            "spending",
            "list",
            "--funding",
            &grant,
            "--from",
            "2024-06-15",
        ],
    );
    assert!(
        spent.contains("01-07-2024") && spent.contains("Drukwerk (verplicht)"),
        "{spent}"
    );
    assert!(!spent.contains("Scholing"), "before the period: {spent}");
    assert!(
        spent.ends_with("Betaald € 0, verplicht € 1.000\n"),
        "{spent}"
    );
    let all = ok(data, &["spending", "list", "--funding", &grant]);
    assert!(
        all.ends_with("Betaald € 4.000,50, verplicht € 1.000\n"),
        "{all}"
    );
    let refused = wieg(
        data,
        &[
            "spending",
            "add",
            "--date",
            "2024-07-01",
            "--amount",
            "5",
            "--description",
            "x",
        ],
    );
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("kies de financiering"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    ok(data, &["funding", "report", &grant, "ingediend"]);
    assert!(ok(data, &["funding", "list"]).contains("(ingediend)"));

    ok(
        data,
        &[
            "indicator",
            "add",
            "--name",
            "Roken in de zwangerschap",
            "--unit",
            "%",
            "--source",
            "Perined",
        ],
    );
    ok(
        data,
        &[
            "indicator",
            "set",
            "roken in de zwangerschap",
            "Leiden",
            "2024",
            "37",
            "900",
        ],
    );
    let csv = dir.path().join("waarden.csv");
    std::fs::write(
        &csv,
        "Indicator;Gemeente;Jaar;Teller;Noemer\nRoken in de zwangerschap;GM0546;2025;4;8\n",
    )
    .unwrap();
    ok(data, &["indicator", "import", csv.to_str().unwrap()]);
    let shown = ok(data, &["indicator", "show", "Roken in de zwangerschap"]);
    assert!(shown.contains("Leiden  2024: 4,1 %  2025: < 10"), "{shown}");
    assert!(fails(
        data,
        &[
            "indicator",
            "set",
            "Roken in de zwangerschap",
            "Leiden",
            "2024",
            "1000",
            "900"
        ]
    )
    .contains("noemer"));
}

#[test]
fn meetings_minutes_action_items_and_search_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.as_path();
    ok(data, &["init", "--name", "Kansrijke Start Leiden"]);
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "GGD Hollands Midden",
            "--kind",
            "ggd",
            "--domain",
            "publieke gezondheid",
        ],
    );
    ok(
        data,
        &[
            "contact",
            "add",
            "--name",
            "Inge Bakker",
            "--org",
            "GGD Hollands Midden",
        ],
    );
    let first = ok(
        data,
        &[
            "meeting",
            "add",
            "--title",
            "Stuurgroep",
            "--kind",
            "stuurgroep",
            "--date",
            "15-01-2026",
            "--start",
            "14:00",
            "--end",
            "15:30",
            "--invite",
            "Inge Bakker",
            "--agenda",
            "Opening|Voortgang pijler 2",
        ],
    )
    .trim()
    .to_string();
    let minutes = dir.path().join("notulen.txt");
    std::fs::write(&minutes, "De café-avond over zwangerschap trok 40 ouders.").unwrap();
    ok(
        data,
        &[
            "minutes",
            "set",
            &first,
            "2",
            "--file",
            minutes.to_str().unwrap(),
        ],
    );
    ok(
        data,
        &[
            "meeting",
            "decide",
            &first,
            "--text",
            "We herhalen de avond in het najaar.",
        ],
    );
    let item = ok(
        data,
        &[
            "actionitem",
            "add",
            "--meeting",
            &first,
            "--text",
            "Zaal reserveren",
            "--owner",
            "Inge Bakker",
            "--due",
            "01-02-2026",
        ],
    )
    .trim()
    .to_string();

    let next = ok(
        data,
        &["meeting", "add", "--from", &first, "--date", "15-04-2026"],
    )
    .trim()
    .to_string();
    let shown = ok(data, &["meeting", "show", &next]);
    assert!(shown.contains("2. Voortgang pijler 2"), "{shown}");
    assert!(
        shown.contains("Openstaande actiepunten van eerder:\n  Zaal reserveren — Inge Bakker"),
        "{shown}"
    );
    assert!(ok(data, &["actionitem", "list", "--overdue"]).contains("Zaal reserveren"));

    let found = ok(data, &["search", "Cafe ZWANGER"]);
    assert!(
        found.contains("15-01-2026  Stuurgroep  (agendapunt)"),
        "{found}"
    );
    assert!(
        found.contains("[café]") && found.contains("[zwangerschap]"),
        "{found}"
    );
    assert!(ok(data, &["search", "walvis"]).contains("Niets gevonden"));

    ok(data, &["actionitem", "done", &item]);
    assert!(!ok(data, &["actionitem", "list"]).contains("Zaal reserveren"));
    assert!(!ok(data, &["meeting", "show", &next]).contains("Openstaande actiepunten"));
}

#[test]
fn the_coalition_is_renamed_and_given_its_start_date() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    ok(data, &["init", "--name", "Kansrijke Start Venlo"]);
    let out = ok(
        data,
        &[
            "coalition",
            "set",
            "--name",
            "Kansrijke Start Noord- en Midden-Limburg",
            "--start",
            "1-3-2020",
        ],
    );
    assert_eq!(
        out.trim(),
        "Coalitie \"Kansrijke Start Noord- en Midden-Limburg\", gestart op 01-03-2020"
    );
    let status: serde_json::Value = serde_json::from_str(&ok(data, &["status", "--json"])).unwrap();
    assert_eq!(status["coalition"]["start_date"], "2020-03-01");
    assert_eq!(
        status["coalition"]["name"],
        "Kansrijke Start Noord- en Midden-Limburg"
    );
    // A rename alone keeps the date; a day to come and an empty name are refused.
    ok(data, &["coalition", "set", "--name", "Kansrijke Start NML"]);
    let status: serde_json::Value = serde_json::from_str(&ok(data, &["status", "--json"])).unwrap();
    assert_eq!(status["coalition"]["start_date"], "2020-03-01");
    assert!(fails(data, &["coalition", "set", "--start", "1-1-2999"]).contains("toekomst"));
    assert!(fails(data, &["coalition", "set", "--name", " "]).contains("naam"));
    // An empty start counts from the day it was made in Wieg.
    let out = ok(data, &["coalition", "set", "--start", ""]);
    assert!(out.contains("geen datum"), "{out}");
}

#[test]
fn parents_groups_and_gatherings_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let data = data.as_path();
    ok(data, &["init", "--name", "Kansrijke Start Leiden"]);
    ok(data, &["plan", "create", "--title", "Plan"]);
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "GGD Hollands Midden",
            "--kind",
            "jgz/ggd",
            "--domain",
            "publieke gezondheid",
        ],
    );
    ok(
        data,
        &[
            "org",
            "add",
            "--name",
            "Sociaal team Leiden",
            "--kind",
            "wijkteam/sociaal team",
            "--domain",
            "sociaal",
        ],
    );

    let group = ok(
        data,
        &[
            "group",
            "add",
            "--name",
            "Ouderpanel Leiden",
            "--kind",
            "ouderpanel",
        ],
    )
    .trim()
    .to_string();
    ok(
        data,
        &[
            "group",
            "year",
            &group,
            "2025",
            "--members",
            "9",
            "--sessions",
            "4",
        ],
    );
    ok(data, &["group", "year", &group, "2026", "--members", "12"]);
    let err = fails(
        data,
        &["group", "year", &group, "2026", "--members", "twaalf"],
    );
    assert!(err.contains("geen aantal"), "{err}");
    let list = ok(data, &["group", "list"]);
    assert!(list.contains("2025: 9, 2026: 12"), "{list}");

    let err = fails(
        data,
        &[
            "gathering",
            "add",
            "--title",
            "Scholing",
            "--date",
            "01-03-2026",
            "--kind",
            "scholing",
        ],
    );
    assert!(err.contains("kies de interventie"), "{err}");
    let training = ok(
        data,
        &[
            "gathering",
            "add",
            "--title",
            "Scholing NNZ",
            "--date",
            "01-03-2026",
            "--kind",
            "scholing",
            "--intervention",
            "Nu Niet Zwanger",
        ],
    )
    .trim()
    .to_string();
    ok(
        data,
        &[
            "gathering",
            "turnout",
            &training,
            "--organisation",
            "GGD Hollands Midden",
            "--registered",
            "14",
            "--attended",
            "12",
        ],
    );
    let out = ok(
        data,
        &[
            "gathering",
            "turnout",
            &training,
            "--organisation",
            "Sociaal team Leiden",
            "--registered",
            "5",
            "--attended",
            "4",
            "--welcomed",
        ],
    );
    assert_eq!(
        out.trim(),
        "Scholing NNZ: 19 aangemeld, 16 aanwezig, 1 nieuw in het netwerk"
    );
    let list = ok(data, &["gathering", "list", "--from", "2026-01-01"]);
    assert!(
        list.contains("Getraind in Nu Niet Zwanger: 16 professionals van 2 organisaties"),
        "{list}"
    );
    let none = ok(data, &["gathering", "list", "--to", "2025-12-31"]);
    assert!(none.trim().is_empty(), "{none}");
}
