//! Relations between organisations and the network metrics over them.

use wieg::{
    Domain, Error, NewOrganisation, NewRelation, OrgKind, RelationKind, ValidationCode, Workspace,
};

use crate::workspace;

fn org(ws: &mut Workspace, name: &str, domain: Domain) -> uuid::Uuid {
    let input = NewOrganisation {
        name: name.into(),
        kind: Some(OrgKind::Overig),
        domain: Some(domain),
        ..Default::default()
    };
    ws.create_organisation(&input).unwrap().id
}

fn link(ws: &mut Workspace, from: uuid::Uuid, to: uuid::Uuid) -> wieg::Result<wieg::Relation> {
    ws.create_relation(&NewRelation {
        from_org: from,
        to_org: to,
        ..Default::default()
    })
}

fn refused(result: wieg::Result<wieg::Relation>) -> (String, ValidationCode) {
    match result {
        Err(Error::Validation(v)) => (v.field, v.code),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[test]
fn relations_are_checked_and_follow_their_organisations() {
    let (_dir, mut ws) = workspace();
    let a = org(&mut ws, "Verloskundigen A", Domain::Medisch);
    let b = org(&mut ws, "Wijkteam B", Domain::Sociaal);
    let r = ws
        .create_relation(&NewRelation {
            from_org: a,
            to_org: b,
            kind: Some(RelationKind::Verwijzing),
            strength: Some(4),
            start_date: Some("01-03-2023".into()),
            note: Some("Warme overdracht".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (r.kind, r.strength, r.start_date.unwrap().to_string()),
        (RelationKind::Verwijzing, 4, "2023-03-01".into())
    );
    assert_eq!(
        refused(link(&mut ws, a, a)),
        ("to_org".into(), ValidationCode::InvalidChoice)
    );
    assert_eq!(
        refused(link(&mut ws, a, uuid::Uuid::now_v7())),
        ("to_org".into(), ValidationCode::InvalidChoice)
    );
    let too_strong = NewRelation {
        from_org: a,
        to_org: b,
        strength: Some(6),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.create_relation(&too_strong)),
        ("strength".into(), ValidationCode::InvalidChoice)
    );
    let backwards = NewRelation {
        from_org: a,
        to_org: b,
        start_date: Some("2024-01-01".into()),
        end_date: Some("2023-01-01".into()),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.create_relation(&backwards)),
        ("end_date".into(), ValidationCode::DateOrder)
    );

    assert_eq!(ws.list_relations(Some(b)).unwrap(), vec![r.clone()]);
    ws.delete_organisation(b).unwrap();
    assert!(
        ws.list_relations(None).unwrap().is_empty(),
        "a relation of a deleted organisation is not listed"
    );
    ws.restore_organisation(b).unwrap();
    assert_eq!(ws.list_relations(None).unwrap().len(), 1);
    ws.delete_relation(r.id).unwrap();
    assert!(ws.list_relations(None).unwrap().is_empty());
}

#[test]
fn metrics_find_the_bridge_between_the_domains() {
    let (_dir, mut ws) = workspace();
    // midwife — hospital — GGD — social team — debt help; GGD is the only way across.
    let midwife = org(&mut ws, "Verloskundigen", Domain::Medisch);
    let hospital = org(&mut ws, "Ziekenhuis", Domain::Medisch);
    let ggd = org(&mut ws, "GGD", Domain::PubliekeGezondheid);
    let team = org(&mut ws, "Sociaal team", Domain::Sociaal);
    let debt = org(&mut ws, "Schuldhulp", Domain::Sociaal);
    for (a, b) in [
        (midwife, hospital),
        (hospital, ggd),
        (ggd, team),
        (team, debt),
    ] {
        link(&mut ws, a, b).unwrap();
    }
    let m = ws.network_metrics().unwrap();
    assert_eq!(
        (m.organisations, m.relations, m.medical_social_links),
        (5, 4, 0)
    );
    // Pairs across: 2 medical × 2 social = 4, all through the GGD and the team's
    // side; the hospital carries the midwife's two, the team the pairs to debt help.
    let scores: Vec<(&str, f64)> = m
        .bridge_builders
        .iter()
        .map(|b| (b.name.as_str(), b.score))
        .collect();
    assert_eq!(
        scores,
        [("GGD", 4.0), ("Sociaal team", 2.0), ("Ziekenhuis", 2.0)]
    );
    link(&mut ws, midwife, team).unwrap();
    let m = ws.network_metrics().unwrap();
    assert_eq!(
        m.medical_social_links, 1,
        "a direct medical–social link counts"
    );
    assert_eq!(m.bridge_builders[0].name, "Sociaal team");
}

#[test]
fn the_demo_network_has_relations_and_bridges() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open(dir.path()).unwrap();
    ws.load_demo().unwrap();
    let m = ws.network_metrics().unwrap();
    assert!(m.relations >= 70, "{}", m.relations);
    assert!(m.medical_social_links >= 5, "{}", m.medical_social_links);
    assert!(!m.bridge_builders.is_empty());
}
