//! The synonyms table: nouns that count the same thing.

use std::path::Path;

use claimcheck_core::vocab::Synonyms;
use rustc_hash::FxHashMap;

use crate::ReferenceError;
use crate::table::{self, Row};

const COLUMNS: [&str; 2] = ["noun", "synonyms"];

pub(crate) fn synonyms(path: &Path, bytes: &[u8]) -> (Synonyms, Vec<ReferenceError>) {
    let mut errors = Vec::new();
    let groups = table::read_table(path, bytes, (&COLUMNS, &COLUMNS), &mut errors, |row| {
        row.synonym_group()
    });
    let mut synonyms = Synonyms::default();
    for group in joined(&synonyms, &groups) {
        synonyms.add_group(&group);
    }
    (synonyms, errors)
}

/// The rows' groups joined where they share a word or a built-in group, in
/// the order they first appear. [`Synonyms::add_group`] relabels every
/// member of a group it merges into another, which over rows that chain
/// (`b,a` then `c,b` then `d,c` …) takes time quadratic in the rows;
/// joined first, each group meets the ones already there only once.
fn joined<'g>(builtin: &Synonyms, groups: &'g [Vec<String>]) -> Vec<Vec<&'g str>> {
    let mut node_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut parent: Vec<usize> = Vec::new();
    let mut words: Vec<(usize, &str)> = Vec::new();
    for group in groups {
        let mut first = None;
        for word in group {
            let key = builtin.key(word);
            // `add_group` leaves out a word with no letters to compare.
            if key.is_empty() {
                continue;
            }
            let next = parent.len();
            let node = *node_of.entry(key).or_insert(next);
            if node == next {
                parent.push(node);
            }
            words.push((node, word));
            match first {
                None => first = Some(node),
                Some(first) => {
                    let (a, b) = (root(&mut parent, first), root(&mut parent, node));
                    parent[b] = a;
                }
            }
        }
    }
    let mut component_of: FxHashMap<usize, usize> = FxHashMap::default();
    let mut components: Vec<Vec<&str>> = Vec::new();
    for (node, word) in words {
        let next = components.len();
        let component = *component_of.entry(root(&mut parent, node)).or_insert(next);
        if component == next {
            components.push(Vec::new());
        }
        components[component].push(word);
    }
    components
}

/// The representative of `node`'s set, halving the path on the way.
fn root(parent: &mut [usize], mut node: usize) -> usize {
    while parent[node] != node {
        parent[node] = parent[parent[node]];
        node = parent[node];
    }
    node
}

impl Row<'_> {
    /// The noun and its synonyms.
    fn synonym_group(&mut self) -> Option<Vec<String>> {
        let noun = self.required("noun");
        let cell = self.required("synonyms")?;
        let alternatives: Vec<String> = cell
            .split('|')
            .map(|word| word.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect();
        if alternatives.iter().any(String::is_empty) {
            self.errors.push(row_error!(
                self,
                EmptyPart {
                    column: "synonyms",
                    cell: cell.to_owned(),
                    part: "alternative",
                }
            ));
            return None;
        }
        let mut group = vec![noun?.to_owned()];
        group.extend(alternatives);
        Some(group)
    }
}
