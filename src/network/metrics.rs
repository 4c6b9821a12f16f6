//! What the network adds up to: organisations per domain, the links between
//! the medical and the social domain (the programme's core aim), and the
//! *bruggenbouwers* — the organisations that most often lie on the shortest
//! paths from the medical to the social domain (betweenness centrality over
//! the pairs across that boundary, Brandes' algorithm).

use std::collections::{HashMap, HashSet, VecDeque};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::{Domain, DomainCount, Organisation, Relation};
use crate::error::Result;
use crate::workspace::Workspace;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NetworkMetrics {
    pub organisations: u32,
    pub by_domain: Vec<DomainCount>,
    /// Organisations that signed the covenant (and did not leave).
    pub signed: u32,
    pub signed_by_domain: Vec<DomainCount>,
    /// Relations that are current (no end date, or one still to come).
    pub relations: u32,
    /// Current relations with one end in the medical and one in the social domain.
    pub medical_social_links: u32,
    /// The organisations bridging the medical and the social domain most, best first.
    pub bridge_builders: Vec<BridgeBuilder>,
}

/// The coalition at the end of one month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GrowthPoint {
    /// `2024-06`
    pub month: String,
    pub involved: u32,
    pub signed: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BridgeBuilder {
    pub organisation: Uuid,
    pub name: String,
    pub domain: Domain,
    /// How many medical–social pairs' shortest paths run through it
    /// (shared paths count in part).
    pub score: f64,
}

/// Betweenness of every node, counting only shortest paths that start in
/// `sources` and end in a node marked in `targets` (Brandes 2008,
/// source–target variant). An undirected graph as adjacency lists.
pub fn betweenness(adjacency: &[Vec<usize>], sources: &[usize], targets: &[bool]) -> Vec<f64> {
    let n = adjacency.len();
    let mut score = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![usize::MAX; n];
    let mut delta = vec![0.0f64; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut order = Vec::with_capacity(n);
    let mut queue = VecDeque::new();
    for &s in sources {
        for v in 0..n {
            sigma[v] = 0.0;
            dist[v] = usize::MAX;
            delta[v] = 0.0;
            preds[v].clear();
        }
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            order.push(v);
            for &w in &adjacency[v] {
                if dist[w] == usize::MAX {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = order.pop() {
            let through_w = f64::from(u8::from(targets[w])) + delta[w];
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * through_w;
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    score
}

impl Workspace {
    /// The network today: every organisation, relations not ended, and the
    /// partners whose status is *getekend*.
    pub fn network_metrics(&self) -> Result<NetworkMetrics> {
        let orgs = self.list_organisations(&Default::default())?;
        let today = self.today();
        let relations: Vec<Relation> = self
            .list_relations(None)?
            .into_iter()
            .filter(|r| r.end_date.is_none_or(|end| end >= today))
            .collect();
        Ok(metrics_of(&orgs, &relations, |o| {
            o.status == super::CoalitionStatus::Getekend
        }))
    }

    /// The network as its dates say it stood on `day`: organisations
    /// involved by then and not yet left, covenants signed by then, and
    /// relations begun (or of unknown start) and not yet ended. What a
    /// report over a past period shows.
    pub fn network_metrics_on(&self, day: NaiveDate) -> Result<NetworkMetrics> {
        let present = |since, left| present_on(since, left, day);
        let orgs: Vec<Organisation> = self
            .list_organisations(&Default::default())?
            .into_iter()
            .filter(|o| present(o.involved_since, o.left_on))
            .collect();
        let relations: Vec<Relation> = self
            .list_relations(None)?
            .into_iter()
            .filter(|r| {
                r.start_date.is_none_or(|s| s <= day) && r.end_date.is_none_or(|e| e >= day)
            })
            .collect();
        Ok(metrics_of(&orgs, &relations, |o| {
            present(o.signed_on, o.left_on)
        }))
    }
}

/// Whether something that began on `since` and ended on `left` was there at
/// the end of `day` (an unknown start: not yet).
pub(crate) fn present_on(
    since: Option<NaiveDate>,
    left: Option<NaiveDate>,
    day: NaiveDate,
) -> bool {
    since.is_some_and(|s| s <= day) && left.is_none_or(|l| l > day)
}

/// Counts, medical–social links and bridge builders of these organisations
/// and the relations between them.
fn metrics_of(
    orgs: &[Organisation],
    relations: &[Relation],
    signed: impl Fn(&Organisation) -> bool,
) -> NetworkMetrics {
    let index: HashMap<Uuid, usize> = orgs.iter().enumerate().map(|(i, o)| (o.id, i)).collect();
    let mut edges: HashSet<(usize, usize)> = HashSet::new();
    let mut relation_count = 0;
    let mut medical_social_links = 0;
    for r in relations {
        let (Some(&a), Some(&b)) = (index.get(&r.from_org), index.get(&r.to_org)) else {
            continue;
        };
        relation_count += 1;
        let domains = [orgs[a].domain, orgs[b].domain];
        if domains.contains(&Domain::Medisch) && domains.contains(&Domain::Sociaal) {
            medical_social_links += 1;
        }
        edges.insert((a.min(b), a.max(b)));
    }
    let mut adjacency = vec![Vec::new(); orgs.len()];
    for (a, b) in edges {
        adjacency[a].push(b);
        adjacency[b].push(a);
    }
    let sources: Vec<usize> = (0..orgs.len())
        .filter(|&i| orgs[i].domain == Domain::Medisch)
        .collect();
    let targets: Vec<bool> = orgs.iter().map(|o| o.domain == Domain::Sociaal).collect();
    let score = betweenness(&adjacency, &sources, &targets);
    let mut bridge_builders: Vec<BridgeBuilder> = orgs
        .iter()
        .zip(score)
        .filter(|(_, s)| *s > 0.0)
        .map(|(o, s)| BridgeBuilder {
            organisation: o.id,
            name: o.name.clone(),
            domain: o.domain,
            score: (s * 100.0).round() / 100.0,
        })
        .collect();
    bridge_builders.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.name.cmp(&b.name))
    });
    bridge_builders.truncate(10);
    let signed_orgs: Vec<&Organisation> = orgs.iter().filter(|o| signed(o)).collect();
    let per_domain = |of: &[&Organisation]| -> Vec<DomainCount> {
        Domain::ALL
            .iter()
            .map(|&domain| DomainCount {
                domain,
                count: of.iter().filter(|o| o.domain == domain).count() as u32,
            })
            .collect()
    };
    let all: Vec<&Organisation> = orgs.iter().collect();
    NetworkMetrics {
        organisations: orgs.len() as u32,
        by_domain: per_domain(&all),
        signed: signed_orgs.len() as u32,
        signed_by_domain: per_domain(&signed_orgs),
        relations: relation_count,
        medical_social_links,
        bridge_builders,
    }
}

impl Workspace {
    /// Organisations involved and covenants signed at the end of each month,
    /// from the coalition's start to this month.
    pub fn network_growth(&self) -> Result<Vec<GrowthPoint>> {
        let orgs = self.list_organisations(&Default::default())?;
        let today = self.today();
        let first = self
            .coalition()?
            .and_then(|c| c.start_date)
            .into_iter()
            .chain(orgs.iter().filter_map(|o| o.involved_since))
            .min()
            .unwrap_or(today);
        let mut out = Vec::new();
        let (mut year, mut month) = (first.year(), first.month());
        loop {
            let (next_year, next_month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            let Some(end) =
                NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt())
            else {
                break;
            };
            let present = |since, left| present_on(since, left, end);
            out.push(GrowthPoint {
                month: format!("{year:04}-{month:02}"),
                involved: orgs
                    .iter()
                    .filter(|o| present(o.involved_since, o.left_on))
                    .count() as u32,
                signed: orgs
                    .iter()
                    .filter(|o| present(o.signed_on, o.left_on))
                    .count() as u32,
            });
            if end >= today {
                break;
            }
            (year, month) = (next_year, next_month);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Vec<Vec<usize>> {
        let mut adjacency = vec![Vec::new(); n];
        for &(a, b) in edges {
            adjacency[a].push(b);
            adjacency[b].push(a);
        }
        adjacency
    }

    /// Plain betweenness of an undirected graph: all pairs, each once.
    fn all_pairs(adjacency: &[Vec<usize>]) -> Vec<f64> {
        let n = adjacency.len();
        let all: Vec<usize> = (0..n).collect();
        betweenness(adjacency, &all, &vec![true; n])
            .into_iter()
            .map(|s| s / 2.0)
            .collect()
    }

    #[test]
    fn a_path_and_a_star_checked_by_hand() {
        // a - b - c - d: b lies on a-c and a-d, c on a-d and b-d.
        assert_eq!(
            all_pairs(&graph(4, &[(0, 1), (1, 2), (2, 3)])),
            [0.0, 2.0, 2.0, 0.0]
        );
        // A star with centre 0 and four leaves: the centre is on all 6 leaf pairs.
        assert_eq!(
            all_pairs(&graph(5, &[(0, 1), (0, 2), (0, 3), (0, 4)])),
            [6.0, 0.0, 0.0, 0.0, 0.0]
        );
    }

    #[test]
    fn two_shortest_paths_share_the_credit() {
        // A square a-b-d, a-c-d: b and c each carry half of the pair (a, d).
        let square = graph(4, &[(0, 1), (0, 2), (1, 3), (2, 3)]);
        assert_eq!(all_pairs(&square), [0.5, 0.5, 0.5, 0.5]);
    }

    #[test]
    fn only_pairs_across_the_boundary_count() {
        // m1 - x - s1, and m2 - y - m1: y only links two medical partners.
        // Nodes: m1=0, x=1, s1=2, m2=3, y=4. Sources: m1, m2; target: s1.
        let g = graph(5, &[(0, 1), (1, 2), (3, 4), (4, 0)]);
        let score = betweenness(&g, &[0, 3], &[false, false, true, false, false]);
        // (m1, s1) runs through x; (m2, s1) through y, m1 and x.
        assert_eq!(score, [1.0, 2.0, 0.0, 0.0, 1.0]);
    }
}
