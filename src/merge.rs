//! The merge rule, as pure functions over one field's history: no SQL, no
//! clock, no domain. [`crate::changes`] reads the history from the log, asks
//! here what it means, and writes the answer back; the rule itself can be
//! tested (and reasoned about) on its own.
//!
//! - Per field, the version with the highest HLC wins (last writer wins).
//! - A version already in the history is a duplicate: applying twice changes
//!   nothing.
//! - A losing value that no later edit was based on (no version names it as
//!   its `prev`), and that differs from the winner and from every value an
//!   edit was based on, is *lost*: it is listed as a conflict until someone
//!   restores it or keeps the winner (either makes it a value that was seen).
//! - A delete records the newest change its laptop had seen; edits after
//!   that, made elsewhere, *raced* the delete.

use std::collections::{BTreeSet, HashSet};

use crate::hlc::Hlc;

/// One version of one field: when it was written, its value (as the log
/// stores it, JSON text), and the version its editor saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version<'a> {
    pub hlc: Hlc,
    pub value: &'a str,
    pub prev: Option<Hlc>,
}

/// What a merge of new versions into a field's history decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMerge {
    /// The winning version's HLC.
    pub winner: Hlc,
    /// Whether the winner is not the one the history had (the row changes).
    pub winner_changed: bool,
    /// The field's lost values now, or `None` when the new versions cannot
    /// have changed them (the common cases: a field's first value, and one
    /// edit on top of the only value before it), so nothing need be read.
    pub lost: Option<BTreeSet<Hlc>>,
}

/// Merge `new` versions (not in `old`) into a field's `old` history. Both
/// in any order. `None` when there is nothing to merge.
pub fn merge_field(old: &[Version], new: &[Version]) -> Option<FieldMerge> {
    let old_winner = old.iter().map(|v| v.hlc).max();
    let winner = old.iter().chain(new).max_by_key(|v| v.hlc)?;
    let winner_changed = old_winner != Some(winner.hlc);
    let first = old.is_empty() && new.len() == 1;
    let on_top = old.len() == 1 && new.len() == 1 && new[0].prev == Some(old[0].hlc);
    if new.is_empty() || first || on_top {
        return Some(FieldMerge {
            winner: winner.hlc,
            winner_changed,
            lost: None,
        });
    }
    Some(FieldMerge {
        winner: winner.hlc,
        winner_changed,
        lost: Some(lost_values(old.iter().chain(new), winner.hlc)),
    })
}

/// The versions whose value nobody built on and nobody ever had in front of
/// them: not the winner, no version based on it, and no winning or
/// based-on version with the same value. (So a value that was put back
/// stays settled after later edits.)
pub fn lost_values<'a>(
    all: impl Iterator<Item = &'a Version<'a>> + Clone,
    winner: Hlc,
) -> BTreeSet<Hlc> {
    let based_on: HashSet<Hlc> = all.clone().filter_map(|v| v.prev).collect();
    let seen = |v: &Version| v.hlc == winner || based_on.contains(&v.hlc);
    let seen_values: HashSet<&str> = all.clone().filter(|v| seen(v)).map(|v| v.value).collect();
    all.filter(|v| !seen(v) && !seen_values.contains(v.value))
        .map(|v| v.hlc)
        .collect()
}

/// Which of `incoming` (sorted by HLC) are new to a `history` sorted by
/// HLC: the indexes of the first copy of each HLC not in the history.
pub fn fresh_indexes(history: &[Hlc], incoming: &[Hlc]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(incoming.len());
    for (i, hlc) in incoming.iter().enumerate() {
        let again = out.last().is_some_and(|&j| incoming[j] == *hlc);
        if !again && history.binary_search(hlc).is_err() {
            out.push(i);
        }
    }
    out
}

/// The edits that raced a delete: of `changes` (field, HLC) of a deleted
/// entity, those after `seen` (the newest change the deleting laptop had
/// seen; `None`: it had seen nothing), newest per field, oldest field first.
/// The delete's own bookkeeping fields are not edits.
pub fn raced_edits<'a>(seen: Option<Hlc>, changes: &[(&'a str, Hlc)]) -> Vec<(&'a str, Hlc)> {
    let mut edits: Vec<(&str, Hlc)> = changes
        .iter()
        .copied()
        .filter(|(field, hlc)| {
            !matches!(*field, "deleted" | "deleted_seen") && seen.is_none_or(|s| *hlc > s)
        })
        .collect();
    edits.sort_by_key(|(_, hlc)| *hlc);
    let mut out: Vec<(&str, Hlc)> = Vec::new();
    for edit in edits {
        // Later ones are newer: keep the newest edit per field.
        out.retain(|(field, _)| *field != edit.0);
        out.push(edit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use uuid::Uuid;

    fn hlc(ms: u64, laptop: u8) -> Hlc {
        Hlc {
            wall_ms: ms,
            counter: 0,
            replica: Uuid::from_bytes([laptop; 16]),
        }
    }

    fn v(hlc: Hlc, value: &'static str, prev: Option<Hlc>) -> Version<'static> {
        Version { hlc, value, prev }
    }

    /// A field's state on one laptop, as the engine keeps it: its history
    /// and its listed conflicts.
    #[derive(Default, Clone, PartialEq, Debug)]
    struct Field {
        history: Vec<Version<'static>>,
        lost: BTreeSet<Hlc>,
    }

    impl Field {
        /// Receive a batch the way the engine does: drop duplicates, merge.
        fn receive(&mut self, batch: &[Version<'static>]) {
            let mut batch = batch.to_vec();
            batch.sort_by_key(|v| v.hlc);
            let mut known: Vec<Hlc> = self.history.iter().map(|v| v.hlc).collect();
            known.sort();
            let hlcs: Vec<Hlc> = batch.iter().map(|v| v.hlc).collect();
            let new: Vec<Version> = fresh_indexes(&known, &hlcs)
                .into_iter()
                .map(|i| batch[i])
                .collect();
            if new.is_empty() {
                return;
            }
            let merged = merge_field(&self.history, &new).expect("something to merge");
            if let Some(lost) = merged.lost {
                self.lost = lost;
            }
            self.history.extend(new);
        }

        fn winner(&self) -> Option<&str> {
            self.history.iter().max_by_key(|v| v.hlc).map(|v| v.value)
        }
    }

    /// A base value, two laptops editing it without seeing each other, a
    /// third building on the winner, and a duplicate.
    fn story() -> Vec<Version<'static>> {
        let base = hlc(100, 1);
        let a = hlc(200, 2);
        let b = hlc(210, 3);
        vec![
            v(base, "\"Het Nest\"", None),
            v(a, "\"Kraamzorg Het Nest\"", Some(base)),
            v(b, "\"Het Nest B.V.\"", Some(base)),
            v(hlc(300, 1), "\"Het Nest BV\"", Some(b)),
        ]
    }

    fn permutations(items: &[Version<'static>]) -> Vec<Vec<Version<'static>>> {
        if items.len() <= 1 {
            return vec![items.to_vec()];
        }
        let mut out = Vec::new();
        for i in 0..items.len() {
            let mut rest = items.to_vec();
            let first = rest.remove(i);
            for mut p in permutations(&rest) {
                p.insert(0, first);
                out.push(p);
            }
        }
        out
    }

    #[test]
    fn every_order_and_every_batching_ends_the_same() {
        let story = story();
        let mut ends: BTreeMap<(Option<String>, Vec<Hlc>), usize> = BTreeMap::new();
        for order in permutations(&story) {
            // Every way of cutting this order into consecutive batches.
            for cuts in 0..(1u32 << (order.len() - 1)) {
                let mut field = Field::default();
                let mut batch = Vec::new();
                for (i, version) in order.iter().enumerate() {
                    batch.push(*version);
                    if i + 1 == order.len() || cuts & (1 << i) != 0 {
                        field.receive(&batch);
                        batch.clear();
                    }
                }
                let end = (
                    field.winner().map(str::to_string),
                    field.lost.iter().copied().collect(),
                );
                *ends.entry(end).or_default() += 1;
            }
        }
        assert_eq!(ends.len(), 1, "one end state, whatever the order: {ends:?}");
        let ((winner, lost), _) = ends.into_iter().next().unwrap();
        assert_eq!(winner.as_deref(), Some("\"Het Nest BV\""));
        assert_eq!(lost, vec![hlc(200, 2)], "the edit nobody saw is listed");
    }

    #[test]
    fn applying_twice_is_a_no_op() {
        let mut field = Field::default();
        field.receive(&story());
        let once = field.clone();
        field.receive(&story());
        field.receive(&story()[1..3]);
        assert_eq!(field, once);
        assert_eq!(
            fresh_indexes(&[hlc(1, 1)], &[hlc(1, 1), hlc(2, 1), hlc(2, 1)]),
            vec![1]
        );
    }

    #[test]
    fn concurrent_edits_list_the_loser_until_it_is_seen() {
        let base = hlc(100, 1);
        let (a, b) = (hlc(200, 2), hlc(210, 3));
        let old = [v(base, "1", None)];
        let merged = merge_field(&old, &[v(a, "2", Some(base)), v(b, "3", Some(base))]).unwrap();
        assert_eq!(merged.winner, b);
        assert!(merged.winner_changed);
        assert_eq!(merged.lost, Some(BTreeSet::from([a])));

        // Restoring the loser: its value again, on top of the winner.
        let all = [
            v(base, "1", None),
            v(a, "2", Some(base)),
            v(b, "3", Some(base)),
        ];
        let restored = merge_field(&all, &[v(hlc(400, 1), "2", Some(b))]).unwrap();
        assert_eq!(restored.lost, Some(BTreeSet::new()));
        // Keeping the winner: the winner's value again, based on the loser.
        let kept = merge_field(&all, &[v(hlc(400, 1), "3", Some(a))]).unwrap();
        assert_eq!(kept.lost, Some(BTreeSet::new()));
    }

    #[test]
    fn the_same_value_twice_is_no_conflict() {
        let base = hlc(100, 1);
        let merged = merge_field(
            &[v(base, "1", None)],
            &[
                v(hlc(200, 2), "2", Some(base)),
                v(hlc(210, 3), "2", Some(base)),
            ],
        )
        .unwrap();
        assert_eq!(merged.lost, Some(BTreeSet::new()));
    }

    #[test]
    fn the_common_cases_read_no_conflicts() {
        let base = hlc(100, 1);
        let first = merge_field(&[], &[v(base, "1", None)]).unwrap();
        assert_eq!(
            (first.winner, first.winner_changed, first.lost),
            (base, true, None)
        );
        let on_top =
            merge_field(&[v(base, "1", None)], &[v(hlc(200, 1), "2", Some(base))]).unwrap();
        assert_eq!(on_top.lost, None);
        // An old edit arriving late loses, and the row does not change.
        let late = merge_field(&[v(hlc(300, 2), "3", None)], &[v(base, "1", None)]).unwrap();
        assert!(!late.winner_changed);
        assert_eq!(late.lost, Some(BTreeSet::from([base])));
        assert_eq!(merge_field(&[], &[]), None);
    }

    #[test]
    fn edits_after_what_the_deleter_saw_raced_the_delete() {
        let seen = hlc(200, 1);
        let changes = [
            ("name", hlc(100, 1)),
            ("deleted_seen", hlc(250, 1)),
            ("deleted", hlc(250, 1)),
            ("name", hlc(220, 2)),
            ("website", hlc(230, 2)),
            ("name", hlc(240, 2)),
        ];
        assert_eq!(
            raced_edits(Some(seen), &changes),
            vec![("website", hlc(230, 2)), ("name", hlc(240, 2))]
        );
        // A deleter that had seen everything raced nothing.
        assert!(raced_edits(Some(hlc(300, 1)), &changes).is_empty());
        // One that had seen nothing raced every edit.
        assert_eq!(raced_edits(None, &changes).len(), 2);
    }
}
