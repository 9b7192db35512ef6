//! The run shared by every command: reading inputs in parallel, running
//! the stages on them, and handing results on in input order.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use claimcheck_core::vocab::Synonyms;
use claimcheck_core::{Claim, Fact, calendar::Date};
use claimcheck_report::Document;
use rayon::prelude::*;

use crate::Outcome;
use crate::inputs;

/// Where the synonyms file is looked for when none is given.
const DEFAULT_SYNONYMS: &str = "data/synonyms.csv";

/// Reads the reference CSV, reporting its problems and counting them.
pub(crate) fn load_reference(path: &Path, outcome: &mut Outcome) -> anyhow::Result<Vec<Fact>> {
    let (facts, problems) = claimcheck_reference::load(path)?;
    for problem in &problems {
        eprintln!("claimcheck: {problem}");
    }
    outcome.problems += problems.len();
    Ok(facts)
}

/// Reads the synonyms CSV, or the default one when it exists, on top of the
/// built-in groups.
pub(crate) fn load_synonyms(
    path: Option<&Path>,
    outcome: &mut Outcome,
) -> anyhow::Result<Synonyms> {
    let default = Path::new(DEFAULT_SYNONYMS);
    let Some(path) = path.or_else(|| default.exists().then_some(default)) else {
        return Ok(Synonyms::default());
    };
    let (synonyms, problems) = claimcheck_reference::load_synonyms(path)?;
    for problem in &problems {
        eprintln!("claimcheck: {problem}");
    }
    outcome.problems += problems.len();
    Ok(synonyms)
}

/// Extracts and normalizes one document.
pub(crate) fn read_claims(document: Document<'_>) -> (Option<Date>, Vec<Claim>) {
    let format = if document.path == inputs::STDIN_NAME {
        claimcheck_extract::Format::Markdown
    } else {
        claimcheck_extract::Format::of_path(Path::new(document.path))
    };
    let extraction = claimcheck_extract::extract(document.source, format);
    let normalized =
        claimcheck_normalize::normalize(extraction.mentions, extraction.declared_date.as_deref());
    (normalized.date.map(|date| date.date), normalized.claims)
}

/// Runs `work` on every document in parallel and hands the results to
/// `render` in input order, a batch at a time, so output is the same for
/// any number of threads and memory stays bounded by the batch.
pub(crate) fn for_each_document<T: Send>(
    paths: &[PathBuf],
    outcome: &mut Outcome,
    work: impl Fn(Document<'_>) -> anyhow::Result<T> + Sync,
    mut render: impl FnMut(Document<'_>, T) -> io::Result<()>,
) -> anyhow::Result<()> {
    let inputs = inputs::collect(paths);
    let batch_size = rayon::current_num_threads() * 16;
    for batch in inputs.chunks(batch_size) {
        let results: Vec<anyhow::Result<(String, String, T)>> = batch
            .par_iter()
            .map(|input| {
                let (name, source) = input.read()?;
                let result = work(Document {
                    path: &name,
                    source: &source,
                })?;
                Ok((name, source, result))
            })
            .collect();
        for result in results {
            match result {
                Ok((name, source, result)) => render(
                    Document {
                        path: &name,
                        source: &source,
                    },
                    result,
                )
                .context("cannot write the report")?,
                Err(error) => {
                    outcome.problems += 1;
                    eprintln!("claimcheck: {error:#}");
                }
            }
        }
        io::stdout().flush().context("cannot write the report")?;
    }
    Ok(())
}
