//! Where reports go: standard output, with the styles of the text format
//! kept for a terminal and stripped for a pipe or a file.

use std::io::{self, StdoutLock};

use anstream::AutoStream;
use claimcheck_report::Format;
use clap::ValueEnum;

/// When the text format is written in colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Color {
    /// On a terminal, unless the `NO_COLOR` environment variable is set
    /// (`CLICOLOR_FORCE` asks for colour anywhere).
    #[default]
    Auto,
    /// Also into a pipe or a file, for `less -R` and the like.
    Always,
    Never,
}

/// Standard output for a report in `format`. Only the text format has
/// styles to keep or strip; the machine formats' bytes are data, which
/// pass through untouched.
pub(crate) fn stdout(format: Format, color: Color) -> AutoStream<StdoutLock<'static>> {
    let out = io::stdout().lock();
    if !matches!(format, Format::Text(_)) {
        return AutoStream::always_ansi(out);
    }
    match color {
        Color::Auto => AutoStream::auto(out),
        Color::Always => AutoStream::always(out),
        Color::Never => AutoStream::never(out),
    }
}
