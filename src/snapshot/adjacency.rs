//! Compressed one-to-many relations ([`Adjacency`]) and the five that tie
//! activities to goals, targets, Action Lines, Matrix cells and countries,
//! built in two passes over the activities (on two threads for a large
//! snapshot).

use super::model::{Activity, ActivityId, LineId};

/// A compressed one-to-many relation from dense keys `0..n` to items.
#[derive(Debug, Clone, Default)]
pub struct Adjacency<T> {
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> Adjacency<T> {
    /// Builds the relation for keys `0..keys` from (key, item) pairs; items of a
    /// key keep the order the pairs came in.
    pub fn build(keys: usize, pairs: impl Iterator<Item = (usize, T)> + Clone) -> Self {
        let mut b = AdjacencyBuilder::new(keys);
        for (k, _) in pairs.clone() {
            b.count(k);
        }
        b.allocate();
        for (k, item) in pairs {
            b.place(k, item);
        }
        b.finish()
    }
}

/// Builds an [`Adjacency`] in two passes over the pairs — [`count`] each
/// key, then [`place`] each item — so that several relations can be built
/// in the same two passes over the records.
///
/// [`count`]: AdjacencyBuilder::count
/// [`place`]: AdjacencyBuilder::place
pub(crate) struct AdjacencyBuilder<T> {
    /// During counting, `counts[k + 1]` is the number of items of key `k`;
    /// after `allocate`, `counts[k]` is where the next item of `k` goes.
    counts: Vec<u32>,
    offsets: Vec<u32>,
    items: Vec<T>,
}

impl<T: Copy + Default> AdjacencyBuilder<T> {
    pub(crate) fn new(keys: usize) -> Self {
        Self {
            counts: vec![0; keys + 1],
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }
    /// Counts one item of `key`.
    pub(crate) fn count(&mut self, key: usize) {
        self.counts[key + 1] += 1;
    }
    /// Ends counting: turns counts into offsets and makes room for the items.
    pub(crate) fn allocate(&mut self) {
        for i in 1..self.counts.len() {
            self.counts[i] += self.counts[i - 1];
        }
        self.offsets = self.counts.clone();
        let total = self.counts.last().copied().unwrap_or(0);
        self.items = vec![T::default(); total as usize];
    }
    /// Places an item of `key`, after the ones placed before it.
    pub(crate) fn place(&mut self, key: usize, item: T) {
        let at = &mut self.counts[key];
        self.items[*at as usize] = item;
        *at += 1;
    }
    pub(crate) fn finish(self) -> Adjacency<T> {
        Adjacency {
            offsets: self.offsets,
            items: self.items,
        }
    }
}

impl<T: Copy> Adjacency<T> {
    /// The items related to `key` (empty for an unknown key).
    pub fn get(&self, key: usize) -> &[T] {
        match (self.offsets.get(key), self.offsets.get(key + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Snapshots from this many activities on build their activity relations
/// on two threads.
pub(super) const PARALLEL_RELATIONS_FROM: usize = 20_000;

/// Calls `f(relation, key, activity)` for every pair of the activity
/// relations in `which` (bit `r` for relation `r`): 0 by goal, 1 by target,
/// 2 by line, 3 by Matrix cell, 4 by country.
fn activity_pairs(
    activities: &[Activity],
    which: u8,
    cell: impl Fn(LineId, u8) -> Option<usize>,
    mut f: impl FnMut(usize, usize, ActivityId),
) {
    let on = |r: u8| which & (1 << r) != 0;
    let (goals, targets, lines, cells, countries) = (on(0), on(1), on(2), on(3), on(4));
    for (i, a) in activities.iter().enumerate() {
        let id = ActivityId(i as u32);
        if goals {
            for s in a.sdgs() {
                f(0, s as usize, id);
            }
        }
        if targets {
            for t in a.targets() {
                f(1, t.ix(), id);
            }
        }
        if lines || cells {
            for &l in a.action_lines() {
                if lines {
                    f(2, l.ix(), id);
                }
                if cells {
                    for s in a.sdgs() {
                        if let Some(c) = cell(l, s) {
                            f(3, c, id);
                        }
                    }
                }
            }
        }
        if countries {
            for &c in a.countries() {
                f(4, c.ix(), id);
            }
        }
    }
}

/// The activity relations in `which` (see [`activity_pairs`]), each
/// counted in one pass over the activities and filled in a second, not two
/// passes each; the relations not asked for are empty.
fn activity_relations(
    activities: &[Activity],
    which: u8,
    keys: [usize; 5],
    cell: impl Fn(LineId, u8) -> Option<usize> + Copy,
) -> [Adjacency<ActivityId>; 5] {
    let mut rel = keys.map(AdjacencyBuilder::new);
    activity_pairs(activities, which, cell, |r, key, _| rel[r].count(key));
    rel.iter_mut().for_each(AdjacencyBuilder::allocate);
    activity_pairs(activities, which, cell, |r, key, id| rel[r].place(key, id));
    rel.map(AdjacencyBuilder::finish)
}

/// The five activity relations (see [`activity_pairs`]). The activities
/// are the bulk of a snapshot and nothing else runs by the time they are
/// related, so with `parallel` a second thread builds the goal and target
/// relations while this one builds the other three.
pub(super) fn all_activity_relations(
    acts: &[Activity],
    keys: [usize; 5],
    cell: impl Fn(LineId, u8) -> Option<usize> + Copy + Send,
    parallel: bool,
) -> [Adjacency<ActivityId>; 5] {
    let relate = move |which| activity_relations(acts, which, keys, cell);
    let ([goals, targets, ..], [_, _, lines, cells, countries]) = if parallel {
        crate::par::join(move || relate(0b00011), || relate(0b11100))
    } else {
        (relate(0b00011), relate(0b11100))
    };
    [goals, targets, lines, cells, countries]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    #[test]
    fn adjacency_groups_items_by_key_in_order() {
        let pairs = [(2usize, 'a'), (0, 'b'), (2, 'c'), (1, 'd')];
        let adj = Adjacency::build(4, pairs.iter().copied());
        assert_eq!(adj.get(0), &['b']);
        assert_eq!(adj.get(1), &['d']);
        assert_eq!(adj.get(2), &['a', 'c']);
        assert_eq!(adj.get(3), &[] as &[char]);
        assert_eq!(adj.get(99), &[] as &[char]);
    }

    #[test]
    fn activity_relations_on_two_threads_are_those_of_each_activity() {
        let s = load_bundled().expect("bundled");
        let acts = s.activities();
        let lines = s.action_lines().len();
        let keys = [
            18,
            s.targets().len(),
            lines,
            lines * 18,
            s.countries().len(),
        ];
        // every (line, goal) is a cell here; the Matrix's own cells are a subset
        let cell = |l: LineId, g: u8| (g != 9).then(|| l.ix() * 18 + usize::from(g));
        let mut want: [Vec<Vec<ActivityId>>; 5] = keys.map(|k| vec![Vec::new(); k]);
        for (i, a) in acts.iter().enumerate() {
            let id = ActivityId(i as u32);
            a.sdgs()
                .iter()
                .for_each(|g| want[0][usize::from(g)].push(id));
            a.targets().iter().for_each(|t| want[1][t.ix()].push(id));
            for &l in a.action_lines() {
                want[2][l.ix()].push(id);
                for g in a.sdgs().iter() {
                    if let Some(c) = cell(l, g) {
                        want[3][c].push(id);
                    }
                }
            }
            a.countries().iter().for_each(|c| want[4][c.ix()].push(id));
        }
        assert!(
            want[4].iter().any(|v| !v.is_empty()),
            "the bundled snapshot names countries"
        );
        for parallel in [true, false] {
            let got = all_activity_relations(acts, keys, cell, parallel);
            for (r, (adj, want)) in got.iter().zip(&want).enumerate() {
                for (k, w) in want.iter().enumerate() {
                    assert_eq!(
                        adj.get(k),
                        w.as_slice(),
                        "relation {r}, key {k}, parallel {parallel}"
                    );
                }
            }
        }
    }
}
