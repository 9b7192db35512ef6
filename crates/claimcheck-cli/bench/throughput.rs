//! `just bench`: how fast claimcheck reads a corpus, against the floor of
//! a plain regex scan over the same bytes, and how much memory it takes.
//!
//! It builds, once, a deterministic corpus in `target/bench/` from the
//! prose under `data/`: about 50 MB of articles of 2 to 20 KB each, one
//! 50 MB article, and a reference of 10,000 facts. Then it measures, on
//! each of the two inputs:
//!
//! 1. the baseline: one pass of `[0-9][0-9,.]*` with the `regex` crate,
//!    single-threaded, reading the files the way claimcheck does;
//!    beside it, the floor of any extractor built as claimcheck is: the
//!    Markdown parse alone, and `serde_json` escaping extract's output alone;
//! 2. `claimcheck extract --format jsonl`, one thread and all threads;
//! 3. `claimcheck verify --format jsonl` against the 10,000 facts, the same;
//! 4. for the many files, the same as one JSON Lines stream on standard
//!    input (`--input-format jsonl`);
//!
//! and prints MB/s, the ratio to the baseline, the speed-up from one thread
//! to all, and the peak resident memory of each run; then verify's time
//! over extract's (with one thread also in processor time, which load from
//! elsewhere does not inflate; and against the few facts of
//! `data/reference.csv`, on the many files with one thread), and verify's
//! peak memory on a quarter of the many files against all of them, which
//! shows whether memory grows with the corpus.
//! Every run is timed three times and the fastest kept, since the machine
//! is shared: with two, a slow first run of one thread showed speed-ups
//! over 2× on two cores. The runs of extract and verify on an input take
//! turns, so that load from elsewhere slows both sides of their ratio.

// The table is this program's output.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rand::seq::IndexedRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const BINARY: &str = env!("CARGO_BIN_EXE_claimcheck");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// Changing how the corpus is made changes this, so an old corpus is rebuilt.
const CORPUS_VERSION: &str = "1";
const MANY_FILES_BYTES: usize = 50_000_000;
const BIG_FILE_BYTES: usize = 50_000_000;
const FACTS: usize = 10_000;
const RUNS: usize = 3;

fn main() {
    let corpus = Corpus::prepare();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    println!(
        "corpus: {} (many files: {} MB in {} files; one file: {} MB); reference: {FACTS} facts; {threads} threads\n",
        corpus.folder.display(),
        corpus.many_bytes / 1_000_000,
        corpus.many_count,
        corpus.big_bytes / 1_000_000
    );
    let mut table = String::new();
    let _ = writeln!(
        table,
        "| input | run | MB/s | × baseline | speed-up | peak memory |"
    );
    let _ = writeln!(table, "| --- | --- | ---: | ---: | ---: | ---: |");
    let mut verify_over_extract = Vec::new();
    let mut against_seed_reference = None;
    for (name, input, bytes) in [
        ("many files", corpus.many.as_path(), corpus.many_bytes),
        ("one 50 MB file", corpus.big.as_path(), corpus.big_bytes),
    ] {
        let baseline_rate = write_floor_rows(&mut table, name, input, bytes);
        let runs = [
            ("extract", 1),
            ("verify", 1),
            ("extract", threads),
            ("verify", threads),
        ]
        .map(|(command, threads)| arguments(command, threads, &corpus.reference, &[input]));
        let [extract_one, verify_one, extract_all, verify_all] = best_of_interleaved(
            &runs
                .each_ref()
                .map(|arguments| || claimcheck(arguments, None)),
        );
        let (extract, verify) = ((extract_one, extract_all), (verify_one, verify_all));
        for (command, runs) in [("extract", extract), ("verify", verify)] {
            write_rows(
                &mut table,
                name,
                command,
                threads,
                runs,
                bytes,
                baseline_rate,
            );
        }
        let over =
            |verify: Run, extract: Run| verify.time.as_secs_f64() / extract.time.as_secs_f64();
        verify_over_extract.push(format!(
            "{name}: {:.2}× with 1 thread ({:.2}× in processor time), {:.2}× with {threads}",
            over(verify.0, extract.0),
            verify.0.processor.as_secs_f64() / extract.0.processor.as_secs_f64(),
            over(verify.1, extract.1),
        ));
        if input == corpus.many {
            // The generated reference meets every claim with about 17
            // facts; the seed's few facts show the cost of checking alone.
            let seed = Path::new(ROOT).join("data/reference.csv");
            let verify_seed =
                best_of_runs(|| claimcheck(&arguments("verify", 1, &seed, &[input]), None));
            against_seed_reference =
                Some(verify_seed.time.as_secs_f64() / extract.0.time.as_secs_f64());
            let stream = |threads| {
                let stdin = Path::new("-");
                let mut arguments = arguments("verify", threads, &corpus.reference, &[stdin]);
                arguments.extend(["--input-format".into(), "jsonl".into()]);
                arguments
            };
            let streams = [stream(1), stream(threads)];
            let [one, all] = best_of_interleaved(
                &streams
                    .each_ref()
                    .map(|arguments| || claimcheck(arguments, Some(&corpus.stream))),
            );
            let label = "verify --input-format jsonl, stdin";
            write_rows(
                &mut table,
                name,
                label,
                threads,
                (one, all),
                bytes,
                baseline_rate,
            );
        }
    }
    println!("{table}");
    println!(
        "verify's time over extract's: {}.",
        verify_over_extract.join("; ")
    );
    if let Some(ratio) = against_seed_reference {
        println!(
            "Against the few facts of data/reference.csv instead: {ratio:.2}× on the many files with 1 thread."
        );
    }
    print_memory_growth(&corpus, threads);
}

/// Verify's peak memory on a quarter of the many files against all of
/// them: streaming keeps it from growing with the corpus.
fn print_memory_growth(corpus: &Corpus, threads: usize) {
    let many_files = files(&corpus.many);
    let quarter: Vec<&Path> = many_files[..corpus.many_count / 4]
        .iter()
        .map(PathBuf::as_path)
        .collect();
    let on_a_quarter = arguments("verify", threads, &corpus.reference, &quarter);
    let peak_on_a_quarter = best_of_runs(|| claimcheck(&on_a_quarter, None)).peak_kb / 1024;
    let on_all = arguments("verify", threads, &corpus.reference, &[&corpus.many]);
    let peak_on_all = best_of_runs(|| claimcheck(&on_all, None)).peak_kb / 1024;
    println!(
        "Peak memory of verify with {threads} threads: {peak_on_a_quarter} MB on a quarter of the many files, {peak_on_all} MB on all of them."
    );
}

/// The rows of one command, run with one thread and with all.
fn write_rows(
    table: &mut String,
    input: &str,
    command: &str,
    threads: usize,
    (one, all): (Run, Run),
    bytes: usize,
    baseline_rate: f64,
) {
    for (label, run, speed_up) in [
        (format!("{command}, 1 thread"), one, String::new()),
        (
            format!("{command}, {threads} threads"),
            all,
            format!("{:.2}×", one.time.as_secs_f64() / all.time.as_secs_f64()),
        ),
    ] {
        let mb_s = rate(bytes, run.time);
        let _ = writeln!(
            table,
            "| {input} | {label} | {mb_s:.1} | {:.3} | {speed_up} | {} MB ({:.1}× input) |",
            mb_s / baseline_rate,
            run.peak_kb / 1024,
            (run.peak_kb * 1024) as f64 / bytes as f64
        );
    }
}

fn rate(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64()
}

fn best_of(mut run: impl FnMut() -> Duration) -> Duration {
    (0..RUNS).map(|_| run()).min().unwrap_or_default()
}

#[derive(Clone, Copy)]
struct Run {
    time: Duration,
    /// User and system time: unlike the time on the clock, it does not
    /// count the time the machine gave to others.
    processor: Duration,
    peak_kb: u64,
}

fn best_of_runs(run: impl Fn() -> Run) -> Run {
    let [best] = best_of_interleaved(&[run]);
    best
}

/// Each of `runs`, timed `RUNS` times in turn (the first, the second, …,
/// then the first again), with its fastest times and its largest peak. In
/// turn, so that a spell of load from elsewhere on this shared machine
/// slows every run it meets rather than one of them: the ratios between
/// them, verify's over extract's above all, then hold still from bench to
/// bench.
fn best_of_interleaved<const N: usize>(runs: &[impl Fn() -> Run; N]) -> [Run; N] {
    let mut best = [Run {
        time: Duration::MAX,
        processor: Duration::MAX,
        peak_kb: 0,
    }; N];
    for _ in 0..RUNS {
        for (run, best) in runs.iter().zip(&mut best) {
            let this = run();
            best.time = best.time.min(this.time);
            best.processor = best.processor.min(this.processor);
            best.peak_kb = best.peak_kb.max(this.peak_kb);
        }
    }
    best
}

/// The floor: every digit run found with the same regex crate, reading each
/// file as claimcheck does.
fn baseline_scan(input: &Path) -> Duration {
    let digits = regex::Regex::new("[0-9][0-9,.]*").expect("the pattern compiles");
    let start = Instant::now();
    let mut found = 0usize;
    for path in files(input) {
        let bytes = fs::read(&path).expect("the corpus is readable");
        let text = String::from_utf8(bytes).expect("the corpus is UTF-8");
        found += digits.find_iter(&text).count();
    }
    assert!(found > 0, "the corpus has figures");
    start.elapsed()
}

/// The floors of an input, with one thread: the baseline scan, whose rate
/// this returns; and what any extractor that parses Markdown with
/// pulldown-cmark and writes claimcheck's records with `serde_json` must
/// spend before it reads a figure: the parse alone, and `serde_json`
/// escaping the bytes that `extract --format jsonl` writes (every string
/// of a record is escaped, its keys too). Those two together bound
/// extract's speed from above.
fn write_floor_rows(table: &mut String, input: &str, path: &Path, bytes: usize) -> f64 {
    let baseline_rate = rate(bytes, best_of(|| baseline_scan(path)));
    let _ = writeln!(
        table,
        "| {input} | baseline: regex digit scan, 1 thread | {baseline_rate:.0} | 1.00 | | |"
    );
    let parse = best_of(|| markdown_parse(path));
    let output = extract_output(path);
    let escape = best_of(|| escape_output(&output));
    let escape_label = format!(
        "floor: `serde_json` escaping extract's {} MB of output only",
        output.len() / 1_000_000
    );
    for (label, time) in [
        ("floor: Markdown parse only (pulldown-cmark)", parse),
        (escape_label.as_str(), escape),
        ("floor: the two together", parse + escape),
    ] {
        let mb_s = rate(bytes, time);
        let _ = writeln!(
            table,
            "| {input} | {label}, 1 thread | {mb_s:.0} | {:.3} | | |",
            mb_s / baseline_rate
        );
    }
    baseline_rate
}

/// Every event of every file, parsed with the options claimcheck-extract
/// gives pulldown-cmark.
fn markdown_parse(input: &Path) -> Duration {
    use pulldown_cmark::{Options, Parser};
    let options =
        Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES | Options::ENABLE_STRIKETHROUGH;
    let start = Instant::now();
    let mut events = 0usize;
    for path in files(input) {
        let text = fs::read_to_string(&path).expect("the corpus is readable");
        events += Parser::new_ext(&text, options).into_offset_iter().count();
    }
    assert!(events > 0, "the corpus has Markdown");
    start.elapsed()
}

/// What `claimcheck extract --format jsonl` writes for `input`.
fn extract_output(input: &Path) -> String {
    let output = Command::new(BINARY)
        .args(arguments("extract", 1, Path::new(""), &[input]))
        .stderr(Stdio::null())
        .output()
        .expect("claimcheck starts");
    assert!(output.status.success(), "claimcheck extract failed");
    String::from_utf8(output.stdout).expect("claimcheck writes UTF-8")
}

/// Each line of `output` written once as a JSON string.
fn escape_output(output: &str) -> Duration {
    let mut written = Vec::with_capacity(1 << 16);
    let mut total = 0;
    let start = Instant::now();
    for line in output.lines() {
        written.clear();
        serde_json::to_writer(&mut written, line).expect("a string is written");
        total += written.len();
    }
    let time = start.elapsed();
    assert!(total >= output.len(), "every byte was written");
    time
}

/// The arguments of a run writing JSON Lines.
fn arguments(command: &str, threads: usize, reference: &Path, inputs: &[&Path]) -> Vec<String> {
    let mut arguments = vec![
        "--threads".to_string(),
        threads.to_string(),
        command.to_string(),
        "--format".into(),
        "jsonl".into(),
    ];
    if command == "verify" {
        arguments.extend(["--reference".to_string(), reference.display().to_string()]);
    }
    arguments.extend(inputs.iter().map(|input| input.display().to_string()));
    arguments
}

/// One run of the binary, reading `stdin` if given, its output thrown
/// away, with its wall time and peak resident memory.
fn claimcheck(arguments: &[String], stdin: Option<&Path>) -> Run {
    let stdin = stdin.map_or_else(Stdio::null, |path| {
        Stdio::from(fs::File::open(path).expect("the stream is readable"))
    });
    forget_own_peak_memory();
    let start = Instant::now();
    // Reaped by `wait4` below, which reports the child's own peak memory.
    #[allow(clippy::zombie_processes)]
    let child = Command::new(BINARY)
        .args(arguments)
        .stdin(stdin)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("claimcheck starts");
    let (status, peak_kb, processor) = wait_with_peak_memory(child.id());
    let time = start.elapsed();
    assert!(
        matches!(status, 0 | 1),
        "claimcheck {arguments:?} exited {status}"
    );
    Run {
        time,
        processor,
        peak_kb,
    }
}

/// Resets this process's peak resident memory to what it holds now. Linux
/// starts a new program's peak from that of the process that spawned it,
/// so without this every run would seem to take at least the most this
/// benchmark ever held (a 50 MB file read for the baseline).
fn forget_own_peak_memory() {
    // "5" resets the peak resident set size; see proc(5), clear_refs.
    fs::write("/proc/self/clear_refs", "5").expect("the peak memory can be reset");
}

/// Waits for a child and returns its exit status, its peak resident memory
/// in KiB and the processor time it took, which only `wait4` reports for
/// one child alone.
fn wait_with_peak_memory(pid: u32) -> (i32, u64, Duration) {
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = libc::pid_t::try_from(pid).expect("a process id fits pid_t");
    // SAFETY: `status` and `usage` are valid for writes for the whole call,
    // and `pid` is a child of this process that nothing else waits for.
    let waited = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
    assert_eq!(waited, pid, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    let seconds = |time: libc::timeval| {
        Duration::new(
            u64::try_from(time.tv_sec).unwrap_or(0),
            u32::try_from(time.tv_usec * 1000).unwrap_or(0),
        )
    };
    let processor = seconds(usage.ru_utime) + seconds(usage.ru_stime);
    (code, u64::try_from(usage.ru_maxrss).unwrap_or(0), processor)
}

fn files(input: &Path) -> Vec<PathBuf> {
    if input.is_file() {
        return vec![input.to_path_buf()];
    }
    let mut files: Vec<PathBuf> = fs::read_dir(input)
        .expect("the corpus folder is readable")
        .map(|entry| entry.expect("a corpus entry").path())
        .collect();
    files.sort();
    files
}

/// The generated inputs.
struct Corpus {
    folder: PathBuf,
    many: PathBuf,
    many_bytes: usize,
    many_count: usize,
    big: PathBuf,
    big_bytes: usize,
    /// The many files as one JSON Lines stream of records.
    stream: PathBuf,
    reference: PathBuf,
}

impl Corpus {
    /// The corpus in `target/bench`, made now unless this version of it is
    /// there already.
    fn prepare() -> Corpus {
        let target = std::env::var_os("CARGO_TARGET_DIR")
            .map_or_else(|| Path::new(ROOT).join("target"), PathBuf::from);
        let folder = target.join("bench");
        let many = folder.join("many");
        let big = folder.join("one-big-article.md");
        let reference = folder.join("reference.csv");
        let stamp = folder.join("version");
        if fs::read_to_string(&stamp).ok().as_deref() != Some(CORPUS_VERSION) {
            eprintln!("building the benchmark corpus in {} …", folder.display());
            let _ = fs::remove_dir_all(&folder);
            fs::create_dir_all(&many).expect("the corpus folder can be made");
            generate(&many, &big, &reference);
            fs::write(&stamp, CORPUS_VERSION).expect("the corpus is stamped");
        }
        let many_files = files(&many);
        let stream = folder.join("many.jsonl");
        if !stream.exists() {
            write_stream(&many_files, &stream);
        }
        let size =
            |path: &PathBuf| fs::metadata(path).map_or(0, |metadata| metadata.len() as usize);
        Corpus {
            many_bytes: many_files.iter().map(size).sum(),
            many_count: many_files.len(),
            big_bytes: size(&big),
            folder,
            many,
            big,
            stream,
            reference,
        }
    }
}

/// The files as JSON Lines records `{"id": file name, "text": …}`.
fn write_stream(files: &[PathBuf], stream: &Path) {
    let mut out = io::BufWriter::new(fs::File::create(stream).expect("the stream can be made"));
    for path in files {
        let record = serde_json::json!({
            "id": path.file_name().map(|name| name.to_string_lossy()),
            "text": fs::read_to_string(path).expect("the corpus is readable"),
        });
        writeln!(out, "{record}").expect("the stream is written");
    }
    out.flush().expect("the stream is written");
}

fn generate(many: &Path, big: &Path, reference: &Path) {
    let mut rng = ChaCha8Rng::seed_from_u64(20_221_031);
    let paragraphs = source_paragraphs();
    let mut written = 0;
    let mut number = 0;
    while written < MANY_FILES_BYTES {
        let size = rng.random_range(2_000..20_000);
        let article = article(&mut rng, &paragraphs, size);
        fs::write(many.join(format!("article-{number:05}.md")), &article)
            .expect("an article is written");
        written += article.len();
        number += 1;
    }
    fs::write(big, article(&mut rng, &paragraphs, BIG_FILE_BYTES))
        .expect("the big article is written");
    fs::write(reference, facts(&mut rng, &paragraphs)).expect("the reference is written");
}

/// The paragraphs of the articles and fixtures under `data/`.
fn source_paragraphs() -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut folders = vec![
        Path::new(ROOT).join("data/articles"),
        Path::new(ROOT).join("data/fixtures"),
    ];
    while let Some(folder) = folders.pop() {
        for path in files(&folder) {
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|extension| extension == "md" || extension == "txt")
            {
                let text = fs::read_to_string(&path).expect("data is readable");
                paragraphs.extend(
                    text.split("\n\n")
                        .map(str::trim)
                        .filter(|paragraph| {
                            paragraph.len() > 40
                                && !paragraph.starts_with(['#', '-', '<', '`', '!'])
                        })
                        .map(str::to_string),
                );
            }
        }
    }
    paragraphs.sort();
    paragraphs.dedup();
    paragraphs
}

/// An article of about `size` bytes: a title, a dateline, and paragraphs
/// drawn at random with their figures changed.
fn article(rng: &mut ChaCha8Rng, paragraphs: &[String], size: usize) -> String {
    let months = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut text = format!(
        "# Report {}\n\n{} {}, {}\n\n",
        rng.random_range(1..100_000),
        months.choose(rng).expect("months"),
        rng.random_range(1..29),
        rng.random_range(1990..2026)
    );
    while text.len() < size {
        let paragraph = paragraphs.choose(rng).expect("paragraphs");
        text.push_str(&vary_figures(rng, paragraph));
        text.push_str("\n\n");
    }
    text
}

/// The paragraph with about half of its digits changed, keeping each
/// figure's shape.
fn vary_figures(rng: &mut ChaCha8Rng, paragraph: &str) -> String {
    let mut varied = String::with_capacity(paragraph.len());
    let mut change = false;
    let mut previous_digit = false;
    for c in paragraph.chars() {
        if c.is_ascii_digit() {
            if !previous_digit {
                change = rng.random_bool(0.5);
            }
            let digit = if change {
                char::from(b'0' + rng.random_range(1..10))
            } else {
                c
            };
            varied.push(digit);
            previous_digit = true;
        } else {
            varied.push(c);
            previous_digit = false;
        }
    }
    varied
}

/// A reference of `FACTS` facts: the seed's, and the rest counting nouns
/// of the corpus with keywords drawn from its words.
fn facts(rng: &mut ChaCha8Rng, paragraphs: &[String]) -> String {
    let seed = fs::read_to_string(Path::new(ROOT).join("data/reference.csv"))
        .expect("the seed reference is readable");
    let mut words: Vec<String> = paragraphs
        .iter()
        .flat_map(|paragraph| paragraph.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.len() >= 5)
        .map(str::to_lowercase)
        .collect();
    words.sort();
    words.dedup();
    let units = [
        "people",
        "troops",
        "peacekeepers",
        "deaths",
        "refugees",
        "homes",
        "votes",
        "soldiers",
        "lives",
        "days",
        "weeks",
        "years",
        "usd",
        "eur",
        "percent",
        "km",
        "tonnes",
    ];
    let mut csv = String::from("id,value,low,high,unit,keywords,subject,source,as_of\n");
    for line in seed.lines().skip(1) {
        csv.push_str(line);
        csv.push('\n');
    }
    let seed_facts = seed.lines().count() - 1;
    for number in seed_facts..FACTS {
        let value: u32 = rng.random_range(1..100_000);
        let spread = value / 10;
        let unit = units.choose(rng).expect("units");
        let group_count = rng.random_range(1..=2);
        let keywords: Vec<&str> = words
            .choose_multiple(rng, group_count)
            .map(String::as_str)
            .collect();
        let _ = writeln!(
            csv,
            "bench-{number:05},{value},{},{},{unit},{},generated,,",
            value - spread,
            value + spread,
            keywords.join(";")
        );
    }
    csv
}
