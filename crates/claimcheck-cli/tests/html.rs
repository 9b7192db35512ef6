//! The review page of `verify --format html`: its snapshots, the whole
//! text of each document in it, its escaping, and the page as headless
//! Chromium builds it.
//!
//! The Chromium test needs Debian's `chromium` on the `PATH` (or its path
//! in `CHROMIUM`); without it the test says on standard error why it is
//! skipped, except under CI (`CI` set), where it fails. Its screenshots
//! land in `target/tmp/html-review/`.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;

mod common;

use common::{ROOT, claimcheck};

const FIXTURE: &str = "data/fixtures/every-verdict.md";
const FIXTURE_REFERENCE: &str = "data/fixtures/every-verdict.csv";
const SEED_REFERENCE: &str = "data/reference.csv";

fn page(article: &str, reference: &str) -> String {
    let output = claimcheck(&[
        "verify",
        "--format",
        "html",
        "--reference",
        reference,
        article,
    ]);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("the page is UTF-8")
}

/// The JSON Lines records of the same run.
fn records(article: &str, reference: &str) -> Vec<serde_json::Value> {
    let output = claimcheck(&[
        "verify",
        "--format",
        "jsonl",
        "--reference",
        reference,
        article,
    ]);
    String::from_utf8(output.stdout)
        .expect("output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect()
}

/// The article of `data/articles/` and the fixture with every verdict,
/// each with its reference.
fn cases() -> Vec<(String, &'static str)> {
    let mut cases: Vec<(String, &str)> = std::fs::read_dir(Path::new(ROOT).join("data/articles"))
        .expect("data/articles is readable")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (format!("data/articles/{name}"), SEED_REFERENCE)
        })
        .collect();
    cases.sort();
    cases.push((FIXTURE.to_string(), FIXTURE_REFERENCE));
    cases
}

#[test]
fn html_snapshots() {
    for (article, reference) in cases() {
        let name = Path::new(&article)
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(Path::new(ROOT).join("snapshots/html"));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.set_input_file(Path::new(ROOT).join(&article));
        settings
            .bind(|| insta::assert_snapshot!(format!("html@{name}"), page(&article, reference)));
    }
}

/// The text a page shows of its documents, in order: each `<pre>` with
/// its figures' notes and its tags taken out and its references read
/// back.
fn texts_shown(page: &str) -> Vec<String> {
    let notes = Regex::new(r#"(?s)<small class="note".*?</small>"#).unwrap();
    let texts = Regex::new(r#"(?s)<pre class="text">\n(.*?)</pre>"#).unwrap();
    let tags = Regex::new(r"<[^>]*>").unwrap();
    let without_notes = notes.replace_all(page, "");
    texts
        .captures_iter(&without_notes)
        .map(|text| unescape(&tags.replace_all(&text[1], "")))
        .collect()
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#13;", "\r")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[test]
fn the_page_shows_each_document_whole_and_once() {
    for (article, reference) in cases() {
        let source = std::fs::read_to_string(Path::new(ROOT).join(&article)).unwrap();
        assert_eq!(
            texts_shown(&page(&article, reference)),
            [source],
            "{article}"
        );
    }
}

/// A document read in several pieces is shown whole, each figure marked
/// once, the same whatever the threads.
#[test]
fn a_document_read_in_pieces_is_shown_whole() {
    let fixture = std::fs::read_to_string(Path::new(ROOT).join(FIXTURE)).unwrap();
    let copies = 2_000;
    let large = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("large-every-verdict.md");
    // A carriage return and markup between blocks must come back as they are.
    let source = format!("{}\r\n<div>&amp;</div>\n", fixture.repeat(copies));
    assert!(
        source.len() > 2 * (256 << 10),
        "too small to be read in pieces"
    );
    std::fs::write(&large, &source).unwrap();
    let large = large.to_str().unwrap();
    let run = |threads: &str| {
        let arguments = ["--threads", threads, "verify", "--format", "html"];
        let arguments = [&arguments[..], &["--reference", FIXTURE_REFERENCE, large]].concat();
        claimcheck(&arguments).stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"), "byte-identical whatever the threads");
    let one = String::from_utf8(one).unwrap();
    assert_eq!(texts_shown(&one), [source]);
    let marks = one.matches("<mark class=\"fig ").count();
    assert_eq!(marks, records(large, FIXTURE_REFERENCE).len());
}

#[test]
fn several_documents_are_the_same_whatever_the_threads() {
    let run = |threads: &str| {
        claimcheck(&["--threads", threads, "verify", "--format", "html", "data"]).stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let page = String::from_utf8(one).unwrap();
    let sections = page.matches("<section class=\"article\" id=\"d").count();
    assert!(sections > 1, "every file of data/ has its section");
    assert!(page.contains(&format!("<li><a href=\"#d{sections}\">")));
}

#[test]
fn claims_inconsistent_across_articles_are_listed_after_them() {
    let output = claimcheck(&[
        "verify",
        "--cross-check",
        "--format",
        "html",
        "data/fixtures/cross-check",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an inconsistency fails the run"
    );
    let page = String::from_utf8(output.stdout).unwrap();
    let across = page
        .split("<section class=\"across\">")
        .nth(1)
        .expect("a list of claims inconsistent across articles");
    let marked = across.matches("<mark class=\"fig inconsistent\"").count();
    assert!(marked > 0);
    assert_eq!(
        page.matches("<mark class=\"fig inconsistent\"").count(),
        marked
    );
    assert!(page.contains("<a href=\"#x1\">"));
    assert!(page.contains(&format!("; {marked} inconsistent across articles</p>")));
}

#[test]
fn hostile_text_is_escaped_and_only_web_sources_are_linked() {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-hostile");
    std::fs::create_dir_all(&folder).unwrap();
    let article = folder.join("hostile.md");
    std::fs::write(
        &article,
        "<script>alert('article')</script>\n\n\
         The flood displaced 4,500 families & \"more\", the <b>authority</b> said.\n\n\
         Rebuilding the bridges took 18 months, engineers said.\n",
    )
    .unwrap();
    let reference = folder.join("hostile.csv");
    std::fs::write(
        &reference,
        "id,value,unit,keywords,subject,source,as_of\n\
         bridges,2,years,rebuilding;bridges,\"<img src=x onerror=alert(1)> \"\"bridges\"\"\",javascript:alert(document.domain),2024-05-10\n\
         flood,4500,families,flood;displaced,Families & <script>,\"https://example.org/a?b=1&c=\"\"2\"\"\",2024-05-03\n",
    )
    .unwrap();
    let page = page(article.to_str().unwrap(), reference.to_str().unwrap());
    for raw in [
        "<script",
        "<img",
        "<b>",
        "javascript:alert(document.domain)\"",
    ] {
        assert!(!page.contains(raw), "{raw} is in the page unescaped");
    }
    assert!(page.contains("&lt;script&gt;alert('article')&lt;/script&gt;"));
    assert!(page.contains("4,500</mark>"));
    assert!(
        page.contains("families &amp; &quot;more&quot;, the &lt;b&gt;authority&lt;/b&gt; said")
    );
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt; &quot;bridges&quot;"));
    assert!(page.contains("<i>source</i> javascript:alert(document.domain)</span>"));
    assert!(
        page.contains(
            "<a href=\"https://example.org/a?b=1&amp;c=&quot;2&quot;\" rel=\"noreferrer\">"
        )
    );
    let hrefs = Regex::new(r#"href="([^"]*)""#).unwrap();
    for href in hrefs.captures_iter(&page) {
        assert!(
            href[1].starts_with('#') || href[1].starts_with("https://"),
            "{}",
            &href[1]
        );
    }
}

/// Chromium, or why there is none. Under CI a missing Chromium fails.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
            .map(|folder| folder.join("chromium"))
            .find(|path| path.is_file())
    });
    if found.is_none() {
        let why = "headless Chromium test: no `chromium` on the PATH (apt-get install chromium)";
        assert!(std::env::var_os("CI").is_none(), "{why}; CI must run it");
        // Past the test harness's capture, so that a passing run shows it.
        let _ = writeln!(std::io::stderr(), "skipped: {why}");
    }
    found
}

/// Runs headless Chromium on `url` with `arguments` in a profile of its
/// own, and returns what it printed; a run that hangs is stopped.
fn run_chromium(chromium: &Path, profile: &Path, arguments: &[&str], url: &str) -> String {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            // Any request for the network fails: the page must need none.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(arguments)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    while child
        .try_wait()
        .expect("chromium can be waited for")
        .is_none()
    {
        if Instant::now() > deadline {
            child.kill().ok();
            panic!("chromium took over 90 seconds on {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let output = child.wait_with_output().expect("chromium's output");
    assert!(output.status.success(), "chromium failed on {url}");
    String::from_utf8(output.stdout).expect("chromium prints UTF-8")
}

/// Every figure of the JSON Lines report is marked in the page as
/// Chromium builds it, with its verdict and its text, and the page
/// refers to nothing outside itself.
#[test]
fn chromium_shows_every_figure_with_its_verdict() {
    let Some(chromium) = chromium() else { return };
    let review = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("html-review");
    std::fs::create_dir_all(&review).unwrap();
    std::thread::scope(|scope| {
        for (article, reference) in cases() {
            let (chromium, review) = (&chromium, &review);
            scope.spawn(move || check_in_chromium(chromium, review, &article, reference));
        }
    });
}

fn check_in_chromium(chromium: &Path, review: &Path, article: &str, reference: &str) {
    let name = Path::new(article)
        .file_stem()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let file = review.join(format!("{name}.html"));
    std::fs::write(&file, page(article, reference)).unwrap();
    let url = format!("file://{}", file.display());
    // A fresh profile for each run of Chromium.
    let profiles = review.join(format!("profiles-{name}"));
    std::fs::remove_dir_all(&profiles).ok();
    let dom = run_chromium(chromium, &profiles.join("dom"), &["--dump-dom"], &url);

    let records = records(article, reference);
    let expected: BTreeMap<u64, (String, String)> = records
        .iter()
        .map(|record| {
            let text = record["text"].as_str().unwrap().to_string();
            let verdict = record["verdict"].as_str().unwrap().to_string();
            (record["start"].as_u64().unwrap(), (verdict, text))
        })
        .collect();
    assert_eq!(expected.len(), records.len(), "one figure per start");
    let marks = Regex::new(
        r#"<mark class="fig ([a-z]+)" tabindex="0" id="d1-([0-9]+)" aria-describedby="d1-[0-9]+-note">([^<]*)</mark>"#,
    )
    .unwrap();
    let shown: BTreeMap<u64, (String, String)> = marks
        .captures_iter(&dom)
        .map(|mark| {
            let start = mark[2].parse().unwrap();
            (start, (mark[1].to_string(), unescape(&mark[3])))
        })
        .collect();
    assert_eq!(
        dom.matches("<mark ").count(),
        shown.len(),
        "{article}: every mark is a figure with its verdict"
    );
    assert_eq!(shown, expected, "{article}");
    for start in expected.keys() {
        assert_eq!(
            dom.matches(&format!("href=\"#d1-{start}\"")).count(),
            1,
            "{article}: the list links to the figure at {start}"
        );
    }

    // Links to the reference's sources are for the reader to follow; the
    // page loads nothing.
    let mut csv = csv::Reader::from_path(Path::new(ROOT).join(reference)).unwrap();
    let column = csv
        .headers()
        .unwrap()
        .iter()
        .position(|name| name == "source");
    let sources: Vec<String> = csv
        .records()
        .filter_map(|row| Some(row.unwrap().get(column?)?.to_string()))
        .collect();
    for external in [
        "src=", "<link", "<script", "url(", "@import", "<iframe", "<object",
    ] {
        assert!(
            !dom.contains(external),
            "{article}: the page has {external}"
        );
    }
    let hrefs = Regex::new(r#"href="([^"]*)""#).unwrap();
    for href in hrefs.captures_iter(&dom) {
        let href = unescape(&href[1]);
        assert!(
            href.starts_with('#') || sources.contains(&href),
            "{article}: the page links to {href}"
        );
    }

    let screenshot = |run: &str, url: &str| {
        let png = review.join(format!("{name}{run}.png"));
        std::fs::remove_file(&png).ok();
        let arguments = [
            format!("--screenshot={}", png.display()),
            "--window-size=1280,1000".to_string(),
        ];
        let arguments: Vec<&str> = arguments.iter().map(String::as_str).collect();
        run_chromium(
            chromium,
            &profiles.join(format!("screenshot{run}")),
            &arguments,
            url,
        );
        let bytes = std::fs::read(&png).expect("chromium wrote the screenshot");
        assert!(bytes.starts_with(b"\x89PNG"), "{}", png.display());
    };
    screenshot("", &url);
    // A contradicted figure with its note shown by :target. Headless
    // Chromium paints a page scrolled to its target blank, so this is
    // taken only where the figure is in the first screen.
    let contradicted = records
        .iter()
        .find(|record| record["verdict"] == "contradicted");
    if let (FIXTURE, Some(figure)) = (article, contradicted) {
        screenshot("-focused", &format!("{url}#d1-{}", figure["start"]));
    }
    std::fs::remove_dir_all(&profiles).ok();
}
