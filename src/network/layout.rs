//! Where each partner stands on the network map.
//!
//! The map places organisations by stress majorization (Gansner, Koren and
//! North, *Graph drawing by stress majorization*, 2004): two partners stand
//! as far apart as the number of steps between them in the network, as well
//! as a plane allows. It starts from classical scaling (the same distances,
//! solved exactly in two dimensions) and then corrects, one partner at a
//! time, until nothing moves. Separate parts of the network are laid out on
//! their own and packed in rows, the largest first.
//!
//! Why here and not in the map: the browser's force-directed layout took most
//! of a second for the demo coalition, and gave another picture on every
//! opening. This takes milliseconds and gives the same picture for the same
//! network on every laptop, whatever order the organisations come in.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

/// The distance, in map units, between two partners with a direct relation.
/// The map draws a node 20 to 56 units wide with its name below it.
pub const EDGE_LENGTH: f64 = 120.0;

/// Partners closer than this are pushed apart after the layout, so no node
/// hides another.
const MIN_SEPARATION: f64 = EDGE_LENGTH * 0.6;

/// The space kept between two separate parts of the network.
const GAP: f64 = EDGE_LENGTH;

/// The graph the map shows: the organisations passing its filters, and the
/// relations between them as pairs of organisations.
#[derive(Debug, Clone, Default, Deserialize, TS)]
pub struct MapGraphInput {
    pub nodes: Vec<Uuid>,
    pub edges: Vec<(Uuid, Uuid)>,
}

/// One organisation's place on the map, in map units (y points down).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct MapPosition {
    pub id: Uuid,
    pub x: f64,
    pub y: f64,
}

type Point = [f64; 2];

/// A place for every node of `graph`. Edges to unknown nodes and loops are
/// ignored; a repeated edge counts once.
pub fn map_layout(graph: &MapGraphInput) -> Vec<MapPosition> {
    let mut ids = graph.nodes.clone();
    ids.sort();
    ids.dedup();
    let index: HashMap<Uuid, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let mut neighbours = vec![Vec::new(); ids.len()];
    for (a, b) in &graph.edges {
        if let (Some(&a), Some(&b)) = (index.get(a), index.get(b)) {
            if a != b {
                neighbours[a].push(b);
                neighbours[b].push(a);
            }
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }

    let parts: Vec<(Vec<usize>, Vec<Point>)> = components(&neighbours)
        .into_iter()
        .map(|part| {
            let points = separate(stress(&part, &neighbours));
            (part, points)
        })
        .collect();
    let mut positions = vec![[0.0, 0.0]; ids.len()];
    for (part, points) in pack(parts) {
        for (node, point) in part.into_iter().zip(points) {
            positions[node] = point;
        }
    }
    ids.into_iter()
        .zip(positions)
        .map(|(id, [x, y])| MapPosition { id, x, y })
        .collect()
}

/// The connected parts of the graph, largest first, each in node order.
fn components(neighbours: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let mut seen = vec![false; neighbours.len()];
    let mut parts = Vec::new();
    for start in 0..neighbours.len() {
        if seen[start] {
            continue;
        }
        seen[start] = true;
        let mut part = vec![start];
        let mut queue = VecDeque::from([start]);
        while let Some(node) = queue.pop_front() {
            for &next in &neighbours[node] {
                if !seen[next] {
                    seen[next] = true;
                    part.push(next);
                    queue.push_back(next);
                }
            }
        }
        part.sort_unstable();
        parts.push(part);
    }
    // Stable: parts of one size keep the order of their first node.
    parts.sort_by_key(|part| std::cmp::Reverse(part.len()));
    parts
}

/// Steps between every two nodes of one connected part, by breadth-first
/// search from each.
fn steps(part: &[usize], neighbours: &[Vec<usize>]) -> Vec<Vec<f64>> {
    let local: HashMap<usize, usize> = part.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    part.iter()
        .map(|&from| {
            let mut row = vec![f64::INFINITY; part.len()];
            row[local[&from]] = 0.0;
            let mut queue = VecDeque::from([from]);
            while let Some(node) = queue.pop_front() {
                let here = row[local[&node]];
                for next in &neighbours[node] {
                    let slot = &mut row[local[next]];
                    if slot.is_infinite() {
                        *slot = here + 1.0;
                        queue.push_back(*next);
                    }
                }
            }
            row
        })
        .collect()
}

/// The layout of one connected part, in map units.
fn stress(part: &[usize], neighbours: &[Vec<usize>]) -> Vec<Point> {
    let n = part.len();
    if n == 1 {
        return vec![[0.0, 0.0]];
    }
    let target: Vec<Vec<f64>> = steps(part, neighbours)
        .into_iter()
        .map(|row| row.into_iter().map(|s| s * EDGE_LENGTH).collect())
        .collect();
    let mut points = classical_scaling(&target);

    // Each sweep moves every node to the place that best keeps its distances
    // to all others, weighted by 1/d² so near partners count most. Stop when
    // a sweep lowers the stress (the weighted squared misfit, summed on the
    // way as each node is visited) by less than a ten-thousandth, as graph
    // drawing tools do.
    let mut last = f64::INFINITY;
    for _ in 0..500 {
        let mut now = 0.0;
        for i in 0..n {
            let (mut sx, mut sy, mut total) = (0.0, 0.0, 0.0);
            for j in 0..n {
                if i == j {
                    continue;
                }
                let d = target[i][j];
                let w = 1.0 / (d * d);
                let [dx, dy] = [points[i][0] - points[j][0], points[i][1] - points[j][1]];
                let apart = (dx * dx + dy * dy).sqrt();
                now += w * (apart - d) * (apart - d);
                let (ux, uy) = if apart > 1e-9 {
                    (dx / apart, dy / apart)
                } else {
                    unit(i, j)
                };
                sx += w * (points[j][0] + d * ux);
                sy += w * (points[j][1] + d * uy);
                total += w;
            }
            points[i] = [sx / total, sy / total];
        }
        if last - now < 1e-4 * last {
            break;
        }
        last = now;
    }
    points
}

/// A fixed direction for two nodes on the same spot, so they part the same
/// way every time.
fn unit(i: usize, j: usize) -> (f64, f64) {
    let angle = (i * 31 + j * 17) as f64;
    (angle.cos(), angle.sin())
}

/// Classical scaling: the two main axes of the squared distances, found by
/// power iteration. Ties between axes (a star, a ring) are broken by a small
/// fixed spread, so nodes never start on one spot.
fn classical_scaling(distances: &[Vec<f64>]) -> Vec<Point> {
    let n = distances.len();
    let squared: Vec<Vec<f64>> = distances
        .iter()
        .map(|row| row.iter().map(|d| d * d).collect())
        .collect();
    let row_mean: Vec<f64> = squared
        .iter()
        .map(|row| row.iter().sum::<f64>() / n as f64)
        .collect();
    let mean = row_mean.iter().sum::<f64>() / n as f64;
    let centred: Vec<Vec<f64>> = (0..n)
        .map(|i| {
            (0..n)
                .map(|j| -0.5 * (squared[i][j] - row_mean[i] - row_mean[j] + mean))
                .collect()
        })
        .collect();

    let mut axes: Vec<(f64, Vec<f64>)> = Vec::new();
    for axis in 0..2 {
        let mut v: Vec<f64> = (0..n)
            .map(|i| ((i * (axis + 2)) as f64 * 0.7).sin() + 0.01)
            .collect();
        let mut value = 0.0;
        for _ in 0..100 {
            for (_, found) in &axes {
                let along: f64 = v.iter().zip(found).map(|(a, b)| a * b).sum();
                v.iter_mut().zip(found).for_each(|(a, b)| *a -= along * b);
            }
            let next: Vec<f64> = centred
                .iter()
                .map(|row| row.iter().zip(&v).map(|(a, b)| a * b).sum())
                .collect();
            let norm = next.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm < 1e-12 {
                break;
            }
            value = norm;
            let next: Vec<f64> = next.into_iter().map(|x| x / norm).collect();
            // Settled: the axis no longer turns.
            let turned = 1.0 - next.iter().zip(&v).map(|(a, b)| a * b).sum::<f64>().abs();
            v = next;
            if turned < 1e-9 {
                break;
            }
        }
        axes.push((value, v));
    }
    (0..n)
        .map(|i| {
            let spread = EDGE_LENGTH * 0.05;
            let angle = i as f64 * 2.399_963; // the golden angle
            [
                axes[0].1[i] * axes[0].0.sqrt() + spread * angle.cos(),
                axes[1].1[i] * axes[1].0.sqrt() + spread * angle.sin(),
            ]
        })
        .collect()
}

/// Pushes apart nodes closer than [`MIN_SEPARATION`], round after round
/// until none is (or a hundred rounds have passed).
fn separate(mut points: Vec<Point>) -> Vec<Point> {
    for _ in 0..100 {
        let mut moved = false;
        for i in 0..points.len() {
            for j in i + 1..points.len() {
                let [dx, dy] = [points[j][0] - points[i][0], points[j][1] - points[i][1]];
                let apart = dx.hypot(dy);
                if apart >= MIN_SEPARATION {
                    continue;
                }
                let (ux, uy) = if apart > 1e-9 {
                    (dx / apart, dy / apart)
                } else {
                    unit(i, j)
                };
                let push = (MIN_SEPARATION - apart) / 2.0 + 0.01;
                points[i] = [points[i][0] - ux * push, points[i][1] - uy * push];
                points[j] = [points[j][0] + ux * push, points[j][1] + uy * push];
                moved = true;
            }
        }
        if !moved {
            break;
        }
    }
    points
}

/// The separate parts side by side in rows about as wide as the largest
/// part (or the square of all of them), so the map stays roughly square.
fn pack(parts: Vec<(Vec<usize>, Vec<Point>)>) -> Vec<(Vec<usize>, Vec<Point>)> {
    let boxed: Vec<_> = parts
        .into_iter()
        .map(|(part, points)| {
            let (min, max) = bounds(&points);
            (part, points, min, [max[0] - min[0], max[1] - min[1]])
        })
        .collect();
    let area: f64 = boxed
        .iter()
        .map(|(.., s)| (s[0] + GAP) * (s[1] + GAP))
        .sum();
    let row_width = boxed.first().map_or(0.0, |(.., s)| s[0]).max(area.sqrt());
    let (mut x, mut y, mut row_height) = (0.0, 0.0, 0.0_f64);
    boxed
        .into_iter()
        .map(|(part, points, min, size)| {
            if x > 0.0 && x + size[0] > row_width {
                x = 0.0;
                y += row_height + GAP;
                row_height = 0.0;
            }
            let placed = points
                .iter()
                .map(|p| [p[0] - min[0] + x, p[1] - min[1] + y])
                .collect();
            x += size[0] + GAP;
            row_height = row_height.max(size[1]);
            (part, placed)
        })
        .collect()
}

fn bounds(points: &[Point]) -> (Point, Point) {
    points.iter().fold(
        ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]),
        |(min, max), p| {
            (
                [min[0].min(p[0]), min[1].min(p[1])],
                [max[0].max(p[0]), max[1].max(p[1])],
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Uuid> {
        (0..n).map(|i| Uuid::from_u128(i as u128 + 1)).collect()
    }

    fn distance(a: &MapPosition, b: &MapPosition) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }

    #[test]
    fn a_path_is_laid_out_as_a_line_of_even_steps() {
        let nodes = ids(5);
        let edges = nodes.windows(2).map(|w| (w[0], w[1])).collect();
        let at = map_layout(&MapGraphInput { nodes, edges });
        for pair in at.windows(2) {
            let d = distance(&pair[0], &pair[1]);
            assert!((d - EDGE_LENGTH).abs() < 1.0, "{d}");
        }
        assert!((distance(&at[0], &at[4]) - 4.0 * EDGE_LENGTH).abs() < 2.0);
    }

    #[test]
    fn nothing_and_one_and_odd_edges() {
        assert!(map_layout(&MapGraphInput::default()).is_empty());
        let one = ids(1);
        let at = map_layout(&MapGraphInput {
            nodes: one.clone(),
            edges: vec![(one[0], one[0]), (one[0], Uuid::from_u128(99))],
        });
        assert_eq!(at.len(), 1);
        assert!(at[0].x.is_finite() && at[0].y.is_finite());
    }
}
