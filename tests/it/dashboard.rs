//! The dashboard in one call shows what the separate reads show.

use wieg::meetings::{ActionItemFilter, ActionItemStatus};

use crate::demo;

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap()
}

#[test]
fn the_dashboard_shows_what_each_page_counts() {
    let (_dir, ws) = demo();
    let d = ws.dashboard().unwrap();
    assert_eq!(d.metrics, ws.network_metrics().unwrap());
    assert!(d.metrics.organisations >= 40, "the demo's network");
    assert_eq!(d.growth, ws.network_growth().unwrap());
    assert_eq!(json(&d.plan), json(&ws.plan_summary().unwrap()));
    let open = ws.list_action_items(&ActionItemFilter::default()).unwrap();
    assert!(!open.is_empty(), "the demo has open action items");
    assert_eq!(d.action_items.open as usize, open.len());
    assert_eq!(
        d.action_items.overdue as usize,
        open.iter().filter(|a| a.overdue).count()
    );
}

#[test]
fn an_action_item_done_leaves_the_open_count() {
    let (_dir, mut ws) = demo();
    let before = ws.dashboard().unwrap().action_items;
    let item = ws
        .list_action_items(&ActionItemFilter::default())
        .unwrap()
        .into_iter()
        .find(|a| a.overdue)
        .expect("the demo has an overdue action item");
    ws.set_action_item_status(item.id, ActionItemStatus::Gedaan)
        .unwrap();
    let after = ws.dashboard().unwrap().action_items;
    assert_eq!(
        (after.open, after.overdue),
        (before.open - 1, before.overdue - 1)
    );
}
