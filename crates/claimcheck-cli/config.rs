//! `claimcheck.toml`: where a repository keeps its reference, which files
//! are its articles, and what fails its checks. Found by walking up from
//! the working directory, so that a run from any subfolder reads the same
//! file; paths in it are relative to the folder that holds it.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use anyhow::Context as _;
use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;
use walkdir::WalkDir;

use crate::terminal::Color;
use crate::{FailOn, VerifyFormat};

pub(crate) const FILE_NAME: &str = "claimcheck.toml";

/// What `claimcheck init` writes: every key, explained.
pub(crate) const STARTER: &str = include_str!("starter.toml");

/// Which configuration a run reads.
#[derive(Debug)]
pub(crate) enum Choice {
    /// The nearest `claimcheck.toml`, from the working directory up.
    Nearest,
    /// This file.
    File(PathBuf),
    /// None: only the command line counts.
    Ignored,
}

/// The file as written. Every table denies unknown keys, so that a typo is
/// an error at its line rather than a setting silently not applied.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Written {
    #[serde(default)]
    reference: OneOrMany,
    synonyms: Option<PathBuf>,
    color: Option<Color>,
    #[serde(default)]
    articles: WrittenArticles,
    #[serde(default)]
    verify: WrittenVerify,
}

#[derive(Debug, Default, Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    #[default]
    None,
    One(PathBuf),
    Many(Vec<PathBuf>),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenArticles {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WrittenVerify {
    format: Option<VerifyFormat>,
    fail_on: Option<Vec<FailOn>>,
}

/// A configuration read and resolved: its paths are as the working
/// directory sees them.
#[derive(Debug)]
pub(crate) struct Config {
    /// The file, as the working directory sees it.
    pub(crate) path: PathBuf,
    /// Its folder, the one its paths are relative to (empty for the
    /// working directory itself, so that paths read as they are written).
    folder: PathBuf,
    pub(crate) references: Vec<PathBuf>,
    pub(crate) synonyms: Option<PathBuf>,
    pub(crate) color: Option<Color>,
    pub(crate) format: Option<VerifyFormat>,
    pub(crate) fail_on: Option<Vec<FailOn>>,
    include: Vec<String>,
    exclude: GlobSet,
    included: GlobSet,
}

impl Choice {
    /// The configuration chosen, if there is one.
    pub(crate) fn load(self) -> anyhow::Result<Option<Config>> {
        let path = match self {
            Choice::Ignored => return Ok(None),
            Choice::File(path) => path,
            Choice::Nearest => match nearest()? {
                Some(path) => path,
                None => return Ok(None),
            },
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        Config::parse(path, &text).map(Some)
    }
}

/// The nearest `claimcheck.toml` from the working directory up, named
/// relative to it (`claimcheck.toml`, `../claimcheck.toml`, …) so that the
/// paths it gives read as short as they can.
fn nearest() -> anyhow::Result<Option<PathBuf>> {
    let here = std::env::current_dir().context("cannot read the working directory")?;
    for (up, folder) in here.ancestors().enumerate() {
        if folder.join(FILE_NAME).is_file() {
            let mut path: PathBuf = std::iter::repeat_n(Component::ParentDir, up).collect();
            path.push(FILE_NAME);
            return Ok(Some(path));
        }
    }
    Ok(None)
}

impl Config {
    fn parse(path: PathBuf, text: &str) -> anyhow::Result<Config> {
        let written: Written =
            toml::from_str(text).map_err(|error| anyhow::anyhow!("{}: {error}", path.display()))?;
        let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let references = match written.reference {
            OneOrMany::None => Vec::new(),
            OneOrMany::One(reference) => vec![reference],
            OneOrMany::Many(references) => references,
        };
        let globs = |patterns: &[String], key: &str| {
            glob_set(patterns).with_context(|| format!("{}: [articles] {key}", path.display()))
        };
        let included = globs(&written.articles.include, "include")?;
        let exclude = globs(&written.articles.exclude, "exclude")?;
        Ok(Config {
            references: references
                .iter()
                .map(|reference| folder.join(reference))
                .collect(),
            synonyms: written.synonyms.map(|synonyms| folder.join(synonyms)),
            color: written.color,
            format: written.verify.format,
            fail_on: written.verify.fail_on,
            include: written.articles.include,
            included,
            exclude,
            folder,
            path,
        })
    }

    /// The articles the `[articles]` globs name, sorted by path; `None`
    /// when the file names none.
    pub(crate) fn articles(&self) -> anyhow::Result<Option<Vec<PathBuf>>> {
        if self.include.is_empty() {
            return Ok(None);
        }
        let mut found = BTreeSet::new();
        for pattern in &self.include {
            let root = self.folder.join(literal_prefix(pattern));
            if !root.exists() {
                continue;
            }
            for entry in WalkDir::new(&root).sort_by_file_name() {
                let entry = entry.with_context(|| {
                    format!("{}: [articles] include `{pattern}`", self.path.display())
                })?;
                let within = entry
                    .path()
                    .strip_prefix(&self.folder)
                    .unwrap_or(entry.path());
                if entry.file_type().is_file()
                    && self.included.is_match(within)
                    && !self.exclude.is_match(within)
                {
                    found.insert(entry.into_path());
                }
            }
        }
        if found.is_empty() {
            anyhow::bail!(
                "{}: [articles] include matches no file ({})",
                self.path.display(),
                self.include.join(", ")
            );
        }
        Ok(Some(found.into_iter().collect()))
    }
}

/// `*` stays within a folder and `**` crosses folders, as in `.gitignore`.
fn glob_set(patterns: &[String]) -> anyhow::Result<GlobSet> {
    let mut set = GlobSetBuilder::new();
    for pattern in patterns {
        set.add(
            globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .with_context(|| format!("`{pattern}`"))?,
        );
    }
    Ok(set.build()?)
}

/// The folders a glob starts with before its first wildcard, where the
/// files it can match are looked for (`data/articles` for
/// `data/articles/**/*.md`), so that a run never walks the whole tree.
fn literal_prefix(pattern: &str) -> &Path {
    match pattern.find(['*', '?', '[', '{']) {
        None => Path::new(pattern),
        Some(wildcard) => Path::new(
            pattern[..wildcard]
                .rsplit_once('/')
                .map_or("", |(folders, _)| folders),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glob_is_looked_for_under_its_literal_folders() {
        assert_eq!(
            literal_prefix("data/articles/**/*.md"),
            Path::new("data/articles")
        );
        assert_eq!(literal_prefix("*.md"), Path::new(""));
        assert_eq!(literal_prefix("docs/a?.md"), Path::new("docs"));
        assert_eq!(literal_prefix("docs/one.md"), Path::new("docs/one.md"));
    }

    #[test]
    fn paths_are_relative_to_the_file() {
        let config = Config::parse(
            PathBuf::from("../../claimcheck.toml"),
            "reference = [\"data/a.csv\", \"/abs/b.csv\"]\nsynonyms = \"data/s.csv\"\n",
        )
        .unwrap();
        assert_eq!(
            config.references,
            [
                PathBuf::from("../../data/a.csv"),
                PathBuf::from("/abs/b.csv")
            ]
        );
        assert_eq!(config.synonyms, Some(PathBuf::from("../../data/s.csv")));
    }

    #[test]
    fn an_unknown_key_is_an_error_at_its_line() {
        let error = Config::parse(
            PathBuf::from("claimcheck.toml"),
            "reference = \"r.csv\"\n\n[verify]\nfail-on = [\"ambiguous\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("claimcheck.toml: "), "{error}");
        assert!(error.contains("line 4"), "{error}");
        assert!(error.contains("fail-on"), "{error}");
    }

    #[test]
    fn the_starter_file_is_a_valid_configuration() {
        let config = Config::parse(PathBuf::from(FILE_NAME), STARTER).unwrap();
        assert_eq!(config.references, [PathBuf::from("data/reference.csv")]);
        assert!(!config.include.is_empty());
    }
}
