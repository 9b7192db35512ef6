//! Finds the number phrases in prose and records what they say as written.
//!
//! [`extract`] takes the text of one file and returns a [`Mention`] for
//! every figure a reader would see: counts, amounts of money, percentages,
//! durations, measures, dates, years, decades and ordinals. Each mention
//! knows its span in the file, its sentence, its qualifier, its unit and the
//! noun it counts. Nothing is interpreted here: "2,000" is the figure 2,000
//! written to the nearest thousand, and "Oct. 3" is 3 October of no year;
//! `normalize` decides what they assert.
//!
//! Markdown is parsed first so that code, HTML, link targets and front
//! matter yield nothing; addresses, file names, version strings, phone
//! numbers and clock times are skipped in any format.

mod grammar;
mod lexicon;
mod prose;
mod sentences;
mod tokens;

use std::path::Path;

use claimcheck_core::Mention;

/// How a file's text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Plain,
}

impl Format {
    /// Markdown for `.md` and `.markdown`, plain text otherwise.
    #[must_use]
    pub fn of_path(path: &Path) -> Format {
        match path.extension().and_then(|extension| extension.to_str()) {
            Some(extension)
                if extension.eq_ignore_ascii_case("md")
                    || extension.eq_ignore_ascii_case("markdown") =>
            {
                Format::Markdown
            }
            _ => Format::Plain,
        }
    }
}

/// The mentions of one file, in source order.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    pub mentions: Vec<Mention>,
    /// The `date:` of the front matter, as written, when there is one.
    pub declared_date: Option<String>,
}

#[must_use]
pub fn extract(source: &str, format: Format) -> Extraction {
    let prose = match format {
        Format::Markdown => prose::markdown(source),
        Format::Plain => prose::plain(source),
    };
    let mut mentions = Vec::new();
    for block in &prose.blocks {
        for sentence in sentences::split(&prose.text, *block) {
            let tokens = tokens::tokenize(&prose.text, sentence);
            grammar::mentions(&tokens, sentence, &mut mentions);
        }
    }
    Extraction {
        mentions,
        declared_date: prose.declared_date,
    }
}

#[cfg(test)]
mod tests;
