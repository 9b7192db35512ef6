//! The synonyms table: nouns that count the same thing.

use std::path::Path;

use claimcheck_core::vocab::Synonyms;

use crate::ReferenceError;
use crate::table::{self, Row};

const COLUMNS: [&str; 2] = ["noun", "synonyms"];

pub(crate) fn synonyms(path: &Path, bytes: &[u8]) -> (Synonyms, Vec<ReferenceError>) {
    let mut errors = Vec::new();
    let groups = table::read_table(path, bytes, (&COLUMNS, &COLUMNS), &mut errors, |row| {
        row.synonym_group()
    });
    let mut synonyms = Synonyms::default();
    for group in &groups {
        let words: Vec<&str> = group.iter().map(String::as_str).collect();
        synonyms.add_group(&words);
    }
    (synonyms, errors)
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
