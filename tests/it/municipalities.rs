//! Municipalities: CBS codes, periods, duplicates, the demo's real ones.

use wieg::{MunicipalityInput, ValidationCode, Workspace};

use crate::{refused, workspace};

fn add(ws: &mut Workspace, name: &str, code: &str) -> wieg::Result<wieg::Municipality> {
    ws.create_municipality(&MunicipalityInput {
        name: Some(name.into()),
        cbs_code: Some(code.into()),
        ..Default::default()
    })
}

#[test]
fn municipalities_with_codes_periods_and_no_duplicates() {
    let (_dir, mut ws) = workspace();
    let venlo = add(&mut ws, "Venlo", "gm983").unwrap();
    assert_eq!(venlo.cbs_code, "GM0983");
    assert!(venlo.in_coalition);
    assert_eq!(
        refused(add(&mut ws, "Venlo 2", "GM0983")),
        ("cbs_code".into(), ValidationCode::Duplicate)
    );
    assert_eq!(
        refused(add(&mut ws, "Nergens", "NL01")),
        ("cbs_code".into(), ValidationCode::InvalidCode)
    );
    assert_eq!(
        refused(add(&mut ws, " ", "GM0001")),
        ("name".into(), ValidationCode::Required)
    );
    let merged = MunicipalityInput {
        name: Some("Arcen en Velden".into()),
        cbs_code: Some("GM0885".into()),
        in_coalition: Some(false),
        valid_from: Some("01-01-1990".into()),
        valid_to: Some("2009-12-31".into()),
    };
    let arcen = ws.create_municipality(&merged).unwrap();
    assert_eq!(arcen.valid_to.unwrap().to_string(), "2009-12-31");
    assert!(!arcen.in_coalition);
    let backwards = MunicipalityInput {
        valid_from: Some("2010-01-01".into()),
        cbs_code: Some("GM0886".into()),
        ..merged
    };
    assert_eq!(
        refused(ws.create_municipality(&backwards)),
        ("valid_to".into(), ValidationCode::DateOrder)
    );

    assert_eq!(ws.find_municipality("GM0983").unwrap().id, venlo.id);
    assert_eq!(ws.find_municipality("venlo").unwrap().id, venlo.id);
    let names: Vec<String> = ws
        .list_municipalities(false)
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    assert_eq!(names, ["Arcen en Velden", "Venlo"]);
    ws.delete_municipality(venlo.id).unwrap();
    assert_eq!(ws.list_municipalities(false).unwrap().len(), 1);
    add(&mut ws, "Venlo", "GM0983").expect("a deleted municipality's code is free again");
}

#[test]
fn the_demo_has_its_real_municipalities() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.load_demo().unwrap();
    let list = ws.list_municipalities(false).unwrap();
    assert_eq!(list.len(), 15);
    let venlo = list.iter().find(|m| m.name == "Venlo").unwrap();
    assert_eq!(venlo.cbs_code, "GM0983");
}

#[test]
fn organisations_serve_municipalities_and_concurrent_edits_merge() {
    let (_a_dir, mut a) = workspace();
    let venlo = add(&mut a, "Venlo", "GM0983").unwrap().id;
    let venray = add(&mut a, "Venray", "GM0984").unwrap().id;
    let org = a
        .create_organisation(&crate::new_org("JGZ Noord"))
        .unwrap()
        .id;
    a.set_served_municipalities(org, &[venlo]).unwrap();
    assert_eq!(a.organisation(org).unwrap().municipalities, vec![venlo]);
    let filter = |m| wieg::OrganisationFilter {
        municipality: Some(m),
        ..Default::default()
    };
    assert_eq!(a.list_organisations(&filter(venlo)).unwrap().len(), 1);
    assert!(a.list_organisations(&filter(venray)).unwrap().is_empty());

    // Two laptops both add Venray: one membership, no conflict.
    let (_b_dir, mut b) = crate::replica_of(&a);
    a.set_served_municipalities(org, &[venlo, venray]).unwrap();
    b.set_served_municipalities(org, &[venlo, venray]).unwrap();
    crate::exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    assert_eq!(a.served_municipalities(org).unwrap().len(), 2);
    assert!(
        a.conflicts().unwrap().is_empty(),
        "the same add twice is no conflict"
    );

    // A removes Venlo while B removes Venray: both removals stand.
    a.set_served_municipalities(org, &[venray]).unwrap();
    b.set_served_municipalities(org, &[venlo]).unwrap();
    crate::exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    assert!(a.organisation(org).unwrap().municipalities.is_empty());
    // A deleted municipality is no longer served.
    a.set_served_municipalities(org, &[venray]).unwrap();
    a.delete_municipality(venray).unwrap();
    assert!(a.organisation(org).unwrap().municipalities.is_empty());
}

#[test]
fn a_municipality_is_corrected_and_keeps_its_rules() {
    let (_dir, mut ws) = workspace();
    let venlo = add(&mut ws, "Venlo", "GM0983").unwrap();
    let arcen = add(&mut ws, "Arcen en Velden", "GM0885").unwrap();
    // A merger: Arcen en Velden existed until 2009 and left the coalition.
    let ended = ws
        .update_municipality(
            arcen.id,
            &MunicipalityInput {
                in_coalition: Some(false),
                valid_to: Some("2009-12-31".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(ended.name, "Arcen en Velden", "what is left out stays");
    assert!(!ended.in_coalition);
    assert_eq!(ended.valid_to.unwrap().to_string(), "2009-12-31");
    // A start after the end already there is refused, as on create.
    let late = MunicipalityInput {
        valid_from: Some("2010-01-01".into()),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.update_municipality(arcen.id, &late)),
        ("valid_to".into(), ValidationCode::DateOrder)
    );
    // Its own code is no duplicate; another's is.
    let same = MunicipalityInput {
        cbs_code: Some("gm885".into()),
        ..Default::default()
    };
    assert_eq!(
        ws.update_municipality(arcen.id, &same).unwrap().cbs_code,
        "GM0885"
    );
    let taken = MunicipalityInput {
        cbs_code: Some("GM0983".into()),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.update_municipality(arcen.id, &taken)),
        ("cbs_code".into(), ValidationCode::Duplicate)
    );
    let renamed = ws
        .update_municipality(
            venlo.id,
            &MunicipalityInput {
                name: Some("Gemeente Venlo".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(renamed.name, "Gemeente Venlo");
    assert_eq!(renamed.cbs_code, "GM0983");
}
