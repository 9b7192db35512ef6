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

mod cuts;
mod grammar;
mod lexicon;
mod prose;
mod sentences;
mod tokens;

use std::ops::Range;
use std::path::Path;

use claimcheck_core::{Mention, Noun, NounRole, Reading, Span};

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

/// Extracts every mention of a file.
#[must_use]
pub fn extract(source: &str, format: Format) -> Extraction {
    let prepared = prepare(source, format);
    Extraction {
        mentions: prepared.mentions(0..prepared.block_count()),
        declared_date: prepared.declared_date().map(str::to_string),
    }
}

/// A file's prose, ready to be read a range of blocks at a time, so that
/// parts of a large file can be read in parallel and let go of in turn.
#[derive(Debug)]
pub struct Prepared {
    prose: prose::Prose,
}

/// Parses Markdown (or takes plain text as it is) and sets the prose apart.
#[must_use]
pub fn prepare(source: &str, format: Format) -> Prepared {
    let prose = match format {
        Format::Markdown => prose::markdown(source),
        Format::Plain => prose::plain(source),
    };
    Prepared { prose }
}

impl Prepared {
    /// The `date:` of the front matter, as written.
    #[must_use]
    pub fn declared_date(&self) -> Option<&str> {
        self.prose.declared_date.as_deref()
    }

    /// Whether a `<!-- claimcheck: ignore -->` comment before its block (or
    /// `<!-- claimcheck: ignore-file -->` anywhere in a Markdown file) sets
    /// the figure at `span` aside.
    #[must_use]
    pub fn is_ignored(&self, span: Span) -> bool {
        let ignored = &self.prose.suppressed.ignored;
        // Top-level blocks do not overlap, so only the last one to start
        // before the figure can hold it.
        let before = ignored.partition_point(|ignored| ignored.start <= span.start);
        before
            .checked_sub(1)
            .is_some_and(|last| span.end <= ignored[last].end)
    }

    /// `<!-- claimcheck: … -->` comments that name no directive this
    /// version knows (`ignore`, `ignore-file`).
    #[must_use]
    pub fn unknown_directives(&self) -> &[Span] {
        &self.prose.suppressed.unknown
    }

    /// How many blocks (paragraphs, headings, items, cells) the prose has.
    #[must_use]
    pub fn block_count(&self) -> usize {
        self.prose.blocks.len()
    }

    /// The blocks that start before a byte offset, from the first.
    #[must_use]
    pub fn blocks_before(&self, offset: usize) -> Range<usize> {
        0..self
            .prose
            .blocks
            .partition_point(|block| block.start < offset)
    }

    /// The text a range of blocks covers, from the start of the first to
    /// the end of the last.
    #[must_use]
    pub fn span_of(&self, blocks: Range<usize>) -> Span {
        let blocks = &self.prose.blocks[blocks];
        match (blocks.first(), blocks.last()) {
            (Some(first), Some(last)) => first.cover(*last),
            _ => Span::default(),
        }
    }

    /// Consecutive ranges of blocks of about `bytes` of text each, covering
    /// every block in order. A block is never split, since a sentence never
    /// crosses one.
    #[must_use]
    pub fn chunks(&self, bytes: usize) -> Vec<Range<usize>> {
        let mut chunks = Vec::new();
        let mut start = 0;
        let mut size = 0;
        for (index, block) in self.prose.blocks.iter().enumerate() {
            size += block.len();
            if size >= bytes {
                chunks.push(start..index + 1);
                start = index + 1;
                size = 0;
            }
        }
        if start < self.prose.blocks.len() || chunks.is_empty() {
            chunks.push(start..self.prose.blocks.len());
        }
        chunks
    }

    /// The mentions of a range of blocks, in source order.
    #[must_use]
    pub fn mentions(&self, blocks: Range<usize>) -> Vec<Mention> {
        let mut mentions = Vec::new();
        let blocks = &self.prose.blocks[blocks];
        let (Some(first), Some(last)) = (blocks.first(), blocks.last()) else {
            return mentions;
        };
        let lowered = tokens::Lowered::new(&self.prose.text, first.cover(*last));
        let mut tokens = Vec::new();
        for block in blocks {
            let from = mentions.len();
            for sentence in sentences::split(&self.prose.text, *block) {
                tokens::tokenize(&lowered, sentence, &mut tokens);
                grammar::mentions(&tokens, sentence, *block, &mut mentions);
            }
            if let Some(cell) = self.table_cell(*block) {
                let header = cell.header.map(|header| header.of(&self.prose.text));
                // "Share of the vote (%)": the column is in percent.
                let in_percent = header.is_some_and(|header| header.contains('%'));
                let noun = header.and_then(|text| header_noun(text, cell.header?));
                for mention in &mut mentions[from..] {
                    // The words of its row name what a figure is about.
                    mention.paragraph = cell.row;
                    let counts_nothing = mention.noun.is_none()
                        && mention.unit.is_none()
                        && matches!(
                            mention.reading,
                            Reading::Figure { .. } | Reading::Range { .. } | Reading::Vague { .. }
                        );
                    if counts_nothing && in_percent {
                        mention.unit = Some("%".to_string());
                    } else if counts_nothing {
                        mention.noun.clone_from(&noun);
                    }
                }
            }
        }
        mentions
    }

    fn table_cell(&self, block: Span) -> Option<prose::TableCell> {
        let cells = &self.prose.cells;
        let at = cells
            .binary_search_by_key(&block.start, |cell| cell.cell.start)
            .ok()?;
        Some(cells[at]).filter(|cell| cell.cell == block)
    }
}

/// What a figure alone in a table cell counts: the last word of its
/// column's header `text`, standing at `header`, when the header is words
/// alone ("Seats", "Deaths reported").
fn header_noun(text: &str, header: Span) -> Option<Noun> {
    let text = text.trim_end();
    let words_alone = text
        .chars()
        .all(|c| c.is_alphabetic() || c == ' ' || c == '-');
    let word = text.rsplit([' ', '-']).next()?;
    (words_alone && word.len() > 1).then(|| Noun {
        word: word.to_lowercase(),
        span: Span::new(
            header.start + text.len() - word.len(),
            header.start + text.len(),
        ),
        role: NounRole::Counted,
    })
}

#[cfg(test)]
mod tests;
