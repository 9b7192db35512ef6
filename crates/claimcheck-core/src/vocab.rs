//! Words that several stages must read the same way.
//!
//! `extract` asks whether a word after a figure is a unit of measure,
//! `normalize` converts claims into base units with the same table, and
//! `reference` reads the `unit` column of the CSV with it. Counted nouns are
//! folded to one form by [`fold_noun`] on both sides of every comparison.

use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::RefCell;
use std::sync::LazyLock;

use crate::{Dimension, FactRole, Kind};

/// A unit of measure or currency.
#[derive(Debug, PartialEq)]
pub struct Unit {
    /// How the unit is shown, and what claims and facts are compared by
    /// within a dimension (`weeks`, `km`, `usd`).
    pub name: &'static str,
    pub kind: Kind,
    pub dimension: Dimension,
    /// Written figures are multiplied by this to be in `name`: decades are
    /// shown in years, so "two decades" reads 20 years.
    pub scale: f64,
    /// One `name` in the base unit of the dimension.
    pub to_base: f64,
    /// Added after `to_base`; only temperatures need it.
    pub offset: f64,
    /// The base unit of the dimension (`days`, `m`, `kg`, the currency).
    pub base: &'static str,
}

impl Unit {
    /// A value in `name` expressed in the base unit.
    #[must_use]
    pub fn to_base(&self, value: f64) -> f64 {
        value * self.to_base + self.offset
    }
}

/// The unit a lower-cased word or phrase names (`weeks`, `per cent`, `$`,
/// `km`), if any.
#[must_use]
pub fn unit(spelling: &str) -> Option<&'static Unit> {
    UNITS_BY_SPELLING.get(spelling).copied()
}

/// The unit whose `name` is given, for facts and claims already folded.
#[must_use]
pub fn unit_named(name: &str) -> Option<&'static Unit> {
    UNITS
        .iter()
        .map(|(_, unit)| unit)
        .find(|unit| unit.name == name)
}

/// The factor a scale word multiplies by: "million" is 1,000,000; lakh and
/// crore are the Indian 100,000 and 10,000,000.
#[must_use]
pub fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "lakh" | "lakhs" | "lac" | "lacs" => Some(1e5),
        "million" => Some(1e6),
        "crore" | "crores" => Some(1e7),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// The longest unit phrase, in words, that [`unit`] knows.
pub const LONGEST_UNIT_PHRASE: usize = 3;

/// How a counted noun is shown and stored: lower case, no possessive,
/// plural ("war" and "wars" both show as `wars`, "person" as `people`).
///
/// Participles used as nouns ("286 killed") and words with digits stay as
/// they are.
#[must_use]
pub fn fold_noun(word: &str) -> String {
    remembered(
        &SHOWN_NOUNS,
        word,
        |word| {
            let bare = bare_word(word);
            let stays = bare.ends_with("ed") || bare.ends_with("ing") || is_irregular_plural(&bare);
            if !is_inflectable(&bare) || stays {
                return bare;
            }
            pluralizer::pluralize(&bare, 2, false)
        },
        str::to_string,
    )
}

/// The form in which words compare: lower case, no possessive, singular.
/// Claims' nouns, facts' units and keywords, and the words of sentences
/// all meet in this form, so "war" matches "wars" and "lives" matches
/// "life".
#[must_use]
pub fn word_key(word: &str) -> String {
    with_word_key(word, str::to_string)
}

/// Lends [`word_key`]`(word)` to `read`, sparing the copy when the caller
/// only compares it or appends it somewhere.
pub fn with_word_key<R>(word: &str, read: impl FnOnce(&str) -> R) -> R {
    if is_own_key(word) {
        return read(word);
    }
    remembered(
        &WORD_KEYS,
        word,
        |word| {
            let bare = bare_word(word);
            if !is_inflectable(&bare) {
                return bare;
            }
            // A lone letter ("s") would lose itself to the singular rules.
            let singular = pluralizer::pluralize(&bare, 1, false);
            if singular.is_empty() { bare } else { singular }
        },
        read,
    )
}

/// Whether a word is its own [`word_key`]: a run of digits. Figures are so
/// many and so varied that caches skip them, lest they push words out.
#[must_use]
pub fn is_own_key(word: &str) -> bool {
    word.bytes().all(|byte| byte.is_ascii_digit())
}

thread_local! {
    static WORD_KEYS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
    static SHOWN_NOUNS: RefCell<FxHashMap<String, String>> = RefCell::new(FxHashMap::default());
}

/// How many words each per-thread word cache (here, in the grammar, in
/// the fact index) keeps before starting afresh: enough for the working
/// vocabulary of a newsroom's prose, small enough (a few MB) that memory
/// does not grow with the corpus.
pub const REMEMBERED_WORDS: usize = 20_000;

/// `fold(word)`, remembered per thread and lent to `read`: the inflection
/// rules are regular expressions, far slower than a lookup, and prose
/// repeats its words.
fn remembered<R>(
    cache: &'static std::thread::LocalKey<RefCell<FxHashMap<String, String>>>,
    word: &str,
    fold: impl FnOnce(&str) -> String,
    read: impl FnOnce(&str) -> R,
) -> R {
    cache.with(|cache| {
        if let Some(folded) = cache.borrow().get(word) {
            return read(folded);
        }
        let folded = fold(word);
        let answer = read(&folded);
        // A word read while another one's key is lent finds the cache
        // borrowed; it is folded again next time rather than remembered.
        if let Ok(mut cache) = cache.try_borrow_mut() {
            if cache.len() >= REMEMBERED_WORDS {
                cache.clear();
            }
            cache.insert(word.to_string(), folded);
        }
        answer
    })
}

/// Words that carry grammar rather than a topic: they end a noun phrase
/// after a figure, and they make poor keywords.
const FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "from", "by", "for", "with", "without", "into",
    "onto", "over", "under", "after", "before", "during", "since", "until", "across", "against",
    "among", "between", "per", "and", "or", "but", "nor", "so", "yet", "as", "than", "that",
    "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "their", "his", "her",
    "our", "your", "they", "we", "he", "she", "i", "you", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should",
    "may", "might", "must", "shall", "not", "no", "also", "only", "just", "even", "still", "each",
    "every", "all", "both", "either", "neither", "some", "any", "many", "much", "few", "such",
    "there", "here", "when", "where", "while", "if", "then", "ago", "later", "earlier", "last",
    "next", "ahead", "away", "long", "old", "apart", "more", "less", "most", "least", "other",
];

/// Whether a mark of punctuation stands between clauses: "the deal,
/// signed in 2020, expires in December" holds three.
#[must_use]
pub fn ends_clause(punct: &str) -> bool {
    matches!(
        punct,
        "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”"
    )
}

/// Whether a lower-cased word is a function word ("the", "of", "were",
/// "last").
#[must_use]
pub fn is_function_word(word: &str) -> bool {
    // Asked of every word after a figure; a scan of the list cost more than
    // the rest of reading the noun phrase.
    static SET: LazyLock<FxHashSet<&str>> =
        LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());
    SET.contains(word)
}

/// Nouns that count the same thing, so that a claim of "286 killed" meets a
/// fact counting deaths. Each group's first word names it. Users add groups
/// with a synonyms CSV (see the `reference` crate).
const BUILTIN_SYNONYMS: &[&[&str]] = &[
    &["deaths", "dead", "died", "killed", "lives", "fatalities"],
    &["injured", "wounded", "injuries"],
    &["troops", "soldiers", "servicemen", "servicewomen"],
    &["people", "persons", "individuals"],
];

/// Which nouns count the same thing. A claim's noun and a fact's unit meet
/// when their [`Synonyms::key`]s are equal.
#[derive(Clone, Debug)]
pub struct Synonyms {
    group_of: FxHashMap<String, String>,
}

impl Default for Synonyms {
    /// The built-in groups: deaths, injured, troops, people.
    fn default() -> Synonyms {
        let mut synonyms = Synonyms {
            group_of: FxHashMap::default(),
        };
        for group in BUILTIN_SYNONYMS {
            synonyms.add_group(group);
        }
        synonyms
    }
}

impl Synonyms {
    /// Makes the words count the same thing. A word already in a group
    /// brings that whole group along.
    pub fn add_group(&mut self, words: &[&str]) {
        let keys: Vec<String> = words
            .iter()
            .map(|word| word_key(word))
            .filter(|key| !key.is_empty())
            .collect();
        let Some(first) = keys.first() else { return };
        let group = self
            .group_of
            .get(first)
            .cloned()
            .unwrap_or_else(|| first.clone());
        for key in keys {
            if let Some(old_group) = self.group_of.get(&key).cloned().filter(|old| *old != group) {
                for member in self.group_of.values_mut() {
                    if *member == old_group {
                        member.clone_from(&group);
                    }
                }
            }
            self.group_of.insert(key, group.clone());
        }
    }

    /// The form in which a counted noun compares: its [`word_key`], or the
    /// name of the group it belongs to.
    #[must_use]
    pub fn key(&self, noun: &str) -> String {
        self.with_key(noun, str::to_string)
    }

    /// Lends [`Synonyms::key`]`(noun)` to `read`, sparing the copy when
    /// the caller only looks it up.
    pub fn with_key<R>(&self, noun: &str, read: impl FnOnce(&str) -> R) -> R {
        with_word_key(noun, |key| {
            read(self.group_of.get(key).map_or(key, String::as_str))
        })
    }
}

fn bare_word(word: &str) -> String {
    let lower = word.trim().to_lowercase();
    let bare = ["'s", "\u{2019}s", "'", "\u{2019}"]
        .into_iter()
        .find_map(|possessive| lower.strip_suffix(possessive))
        .filter(|bare| !bare.is_empty());
    bare.map_or_else(|| lower.clone(), str::to_string)
}

/// Words with digits ("2020", "1990s") are not nouns, and "1990s" must
/// not meet "1990".
fn is_inflectable(word: &str) -> bool {
    word.chars().any(char::is_alphabetic) && !word.chars().any(|c| c.is_ascii_digit())
}

const fn unit_of(
    name: &'static str,
    kind: Kind,
    dimension: Dimension,
    scale: f64,
    to_base: f64,
    base: &'static str,
) -> Unit {
    Unit {
        name,
        kind,
        dimension,
        scale,
        to_base,
        offset: 0.0,
        base,
    }
}

const fn duration(name: &'static str, scale: f64, days: f64) -> Unit {
    unit_of(
        name,
        Kind::Duration,
        Dimension::Duration,
        scale,
        days,
        "days",
    )
}

const fn money(code: &'static str) -> Unit {
    unit_of(code, Kind::Money, Dimension::Money, 1.0, 1.0, code)
}

const fn measure(
    name: &'static str,
    dimension: Dimension,
    to_base: f64,
    base: &'static str,
) -> Unit {
    unit_of(name, Kind::Measure, dimension, 1.0, to_base, base)
}

/// The mean length of a year, in days.
pub const DAYS_PER_YEAR: f64 = 365.25;

/// Every unit with its spellings. Spellings are lower case; a phrase of
/// several words uses single spaces.
static UNITS: &[(&[&str], Unit)] = &[
    // Time. Months and years are their mean lengths, so "six months" and
    // "26 weeks" compare; the rounding of a figure is far wider than the gap.
    (
        &[
            "year-old",
            "years-old",
            "year old",
            "years old",
            "years of age",
        ],
        unit_of("years old", Kind::Age, Dimension::Age, 1.0, 1.0, "years"),
    ),
    (
        &["per year", "times a year", "per annum"],
        unit_of(
            "per year",
            Kind::Frequency,
            Dimension::Frequency,
            1.0,
            1.0,
            "per year",
        ),
    ),
    (
        &["times", "fold"],
        unit_of(
            "times",
            Kind::Multiple,
            Dimension::Multiple,
            1.0,
            1.0,
            "times",
        ),
    ),
    (
        &["second", "seconds", "sec", "secs"],
        duration("seconds", 1.0, 1.0 / 86_400.0),
    ),
    (
        &["minute", "minutes", "min", "mins"],
        duration("minutes", 1.0, 1.0 / 1_440.0),
    ),
    (
        &["hour", "hours", "hr", "hrs"],
        duration("hours", 1.0, 1.0 / 24.0),
    ),
    (&["day", "days"], duration("days", 1.0, 1.0)),
    (&["week", "weeks"], duration("weeks", 1.0, 7.0)),
    (&["fortnight", "fortnights"], duration("weeks", 2.0, 7.0)),
    (
        &["month", "months"],
        duration("months", 1.0, DAYS_PER_YEAR / 12.0),
    ),
    (
        &["year", "years", "yr", "yrs"],
        duration("years", 1.0, DAYS_PER_YEAR),
    ),
    (
        &["decade", "decades"],
        duration("years", 10.0, DAYS_PER_YEAR),
    ),
    (
        &["century", "centuries"],
        duration("years", 100.0, DAYS_PER_YEAR),
    ),
    (
        &["millennium", "millennia"],
        duration("years", 1000.0, DAYS_PER_YEAR),
    ),
    // Money: symbols, ISO codes and names, all to the ISO code.
    (
        &["$", "us$", "usd", "dollar", "dollars", "us dollars"],
        money("usd"),
    ),
    (&["€", "eur", "euro", "euros"], money("eur")),
    (
        &["£", "gbp", "pound sterling", "pounds sterling", "sterling"],
        money("gbp"),
    ),
    // "a dividend of 13.70 pence": hundredths of a pound.
    (
        &["pence", "penny", "pennies"],
        unit_of("gbp", Kind::Money, Dimension::Money, 0.01, 1.0, "gbp"),
    ),
    (&["¥", "jpy", "yen"], money("jpy")),
    (&["cny", "rmb", "yuan", "renminbi"], money("cny")),
    (
        &["₽", "rub", "ruble", "rubles", "rouble", "roubles"],
        money("rub"),
    ),
    (&["₹", "inr", "rupee", "rupees"], money("inr")),
    (&["₴", "uah", "hryvnia", "hryvnias"], money("uah")),
    (&["₺", "try", "lira", "liras"], money("try")),
    (&["a$", "aud"], money("aud")),
    (&["c$", "cad"], money("cad")),
    (&["hk$", "hkd"], money("hkd")),
    (&["r$", "brl", "reais"], money("brl")),
    (&["s$", "sgd"], money("sgd")),
    (&["nz$", "nzd"], money("nzd")),
    (&["nt$", "twd"], money("twd")),
    (&["mx$", "mex$", "mxn"], money("mxn")),
    (&["chf", "swiss franc", "swiss francs"], money("chf")),
    (&["amd", "dram", "drams"], money("amd")),
    (&["azn", "manat", "manats"], money("azn")),
    // Shares.
    (
        &["%", "percent", "per cent", "pct"],
        unit_of(
            "percent",
            Kind::Percent,
            Dimension::Percent,
            1.0,
            1.0,
            "percent",
        ),
    ),
    (
        &["percentage point", "percentage points", "pp"],
        unit_of(
            "percentage points",
            Kind::PercentagePoints,
            Dimension::PercentagePoints,
            1.0,
            1.0,
            "percentage points",
        ),
    ),
    // Measures, to SI base units.
    (
        &["picometre", "picometres", "picometer", "picometers"],
        measure("pm", Dimension::Length, 1e-12, "m"),
    ),
    (
        &["nm", "nanometre", "nanometres", "nanometer", "nanometers"],
        measure("nm", Dimension::Length, 1e-9, "m"),
    ),
    (
        &[
            "µm",
            "micrometre",
            "micrometres",
            "micrometer",
            "micrometers",
            "micron",
            "microns",
        ],
        measure("µm", Dimension::Length, 1e-6, "m"),
    ),
    (
        &[
            "mm",
            "millimetre",
            "millimetres",
            "millimeter",
            "millimeters",
        ],
        measure("mm", Dimension::Length, 0.001, "m"),
    ),
    (
        &[
            "cm",
            "centimetre",
            "centimetres",
            "centimeter",
            "centimeters",
        ],
        measure("cm", Dimension::Length, 0.01, "m"),
    ),
    (
        &["metre", "metres", "meter", "meters"],
        measure("m", Dimension::Length, 1.0, "m"),
    ),
    (
        &["km", "kilometre", "kilometres", "kilometer", "kilometers"],
        measure("km", Dimension::Length, 1000.0, "m"),
    ),
    (
        &["inch", "inches"],
        measure("inches", Dimension::Length, 0.0254, "m"),
    ),
    (
        &["ft", "foot", "feet"],
        measure("feet", Dimension::Length, 0.3048, "m"),
    ),
    (
        &["yard", "yards"],
        measure("yards", Dimension::Length, 0.9144, "m"),
    ),
    (
        &["mile", "miles"],
        measure("miles", Dimension::Length, 1609.344, "m"),
    ),
    (
        &["nautical mile", "nautical miles"],
        measure("nautical miles", Dimension::Length, 1852.0, "m"),
    ),
    (
        &[
            "km2",
            "km²",
            "sq km",
            "square kilometre",
            "square kilometres",
            "square kilometer",
            "square kilometers",
        ],
        measure("km2", Dimension::Area, 1e6, "m2"),
    ),
    (
        &["square mile", "square miles", "sq mi"],
        measure("square miles", Dimension::Area, 2_589_988.11, "m2"),
    ),
    (
        &["hectare", "hectares", "ha"],
        measure("hectares", Dimension::Area, 1e4, "m2"),
    ),
    (
        &["acre", "acres"],
        measure("acres", Dimension::Area, 4046.856, "m2"),
    ),
    (
        &["litre", "litres", "liter", "liters"],
        measure("litres", Dimension::Volume, 0.001, "m3"),
    ),
    (
        &["barrel", "barrels"],
        measure("barrels", Dimension::Volume, 0.158_987, "m3"),
    ),
    (
        &["cubic metre", "cubic metres", "cubic meter", "cubic meters"],
        measure("m3", Dimension::Volume, 1.0, "m3"),
    ),
    (
        &["g", "gram", "grams", "gramme", "grammes"],
        measure("g", Dimension::Mass, 0.001, "kg"),
    ),
    (
        &["kg", "kilogram", "kilograms", "kilo", "kilos"],
        measure("kg", Dimension::Mass, 1.0, "kg"),
    ),
    (
        &[
            "tonne",
            "tonnes",
            "metric ton",
            "metric tons",
            "ton",
            "tons",
        ],
        measure("tonnes", Dimension::Mass, 1000.0, "kg"),
    ),
    (
        &["km/h", "kph", "kilometres per hour", "kilometers per hour"],
        measure("km/h", Dimension::Speed, 1.0 / 3.6, "m/s"),
    ),
    (
        &["mph", "miles per hour"],
        measure("mph", Dimension::Speed, 0.447_04, "m/s"),
    ),
    (
        &["m/s", "metres per second", "meters per second"],
        measure("m/s", Dimension::Speed, 1.0, "m/s"),
    ),
    (
        &["knot", "knots"],
        measure("knots", Dimension::Speed, 0.514_444, "m/s"),
    ),
    (&["kwh"], measure("kWh", Dimension::Energy, 3.6e6, "J")),
    (&["mwh"], measure("MWh", Dimension::Energy, 3.6e9, "J")),
    (&["gwh"], measure("GWh", Dimension::Energy, 3.6e12, "J")),
    (&["twh"], measure("TWh", Dimension::Energy, 3.6e15, "J")),
    (
        &["kw", "kilowatt", "kilowatts"],
        measure("kW", Dimension::Power, 1e3, "W"),
    ),
    (
        &["mw", "megawatt", "megawatts"],
        measure("MW", Dimension::Power, 1e6, "W"),
    ),
    (
        &["gw", "gigawatt", "gigawatts"],
        measure("GW", Dimension::Power, 1e9, "W"),
    ),
    (
        &[
            "°c",
            "degrees celsius",
            "degree celsius",
            "celsius",
            "degrees c",
            "degrees centigrade",
        ],
        Unit {
            offset: 273.15,
            ..measure("°C", Dimension::Temperature, 1.0, "K")
        },
    ),
    (
        &[
            "°f",
            "degrees fahrenheit",
            "degree fahrenheit",
            "fahrenheit",
            "degrees f",
        ],
        Unit {
            offset: 459.67 * 5.0 / 9.0,
            ..measure("°F", Dimension::Temperature, 5.0 / 9.0, "K")
        },
    ),
];

static UNITS_BY_SPELLING: LazyLock<FxHashMap<&'static str, &'static Unit>> = LazyLock::new(|| {
    UNITS
        .iter()
        .flat_map(|(spellings, unit)| spellings.iter().map(move |spelling| (*spelling, unit)))
        .collect()
});

/// The language data of this module, as `(name, text)`: each a CSV with a
/// header and rows kept sorted, unique and lower case.
pub const LEXICON_FILES: [(&str, &str); 7] = [
    (
        "lexicon/en/ages.csv",
        include_str!("../lexicon/en/ages.csv"),
    ),
    (
        "lexicon/en/differences.csv",
        include_str!("../lexicon/en/differences.csv"),
    ),
    (
        "lexicon/en/expectations.csv",
        include_str!("../lexicon/en/expectations.csv"),
    ),
    (
        "lexicon/en/people.csv",
        include_str!("../lexicon/en/people.csv"),
    ),
    (
        "lexicon/en/period-starts.csv",
        include_str!("../lexicon/en/period-starts.csv"),
    ),
    (
        "lexicon/en/plurals.csv",
        include_str!("../lexicon/en/plurals.csv"),
    ),
    (
        "lexicon/en/verbs.csv",
        include_str!("../lexicon/en/verbs.csv"),
    ),
];

/// The rows after the header of the lexicon file whose name ends in
/// `name`, each split at commas.
fn lexicon_rows(name: &str) -> impl Iterator<Item = Vec<&'static str>> {
    let (_, text) = LEXICON_FILES
        .iter()
        .find(|(path, _)| path.ends_with(name))
        .expect("a lexicon file of that name is bundled");
    text.lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| line.split(',').collect())
}

/// The words of the first column of a lexicon file.
fn word_set(name: &str) -> FxHashSet<&'static str> {
    lexicon_rows(name).map(|row| row[0]).collect()
}

/// What a word in a reference row's id, subject or keywords says the row
/// holds, when it names an expectation ("forecast", "pledge", "target").
#[must_use]
pub fn expectation(word: &str) -> Option<FactRole> {
    static ROLES: LazyLock<FxHashMap<&'static str, FactRole>> = LazyLock::new(|| {
        lexicon_rows("expectations.csv")
            .filter_map(|row| {
                let written = *row.get(1)?;
                let role = FactRole::ALL
                    .into_iter()
                    .find(|role| role.as_str() == written)?;
                Some((row[0], role))
            })
            .collect()
    });
    ROLES.get(word).copied()
}

/// Whether a counted noun counts people: a demonym ("Iranians"), a role
/// ("passengers", "residents") or a word for the dead and hurt. Such a
/// figure also meets facts that count people, and a count of people meets
/// facts that count any of them.
#[must_use]
pub fn counts_people(noun: &str) -> bool {
    static KEYS: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
        lexicon_rows("people.csv")
            .map(|row| word_key(row[0]))
            .collect()
    });
    let keys = &*KEYS;
    with_word_key(noun, |key| keys.contains(key))
}

/// Whether a word of a reference row's id, subject or keywords says its
/// figure is a difference between two others ("time-trial-margin",
/// "below-1986-record", "anomaly").
#[must_use]
pub fn names_difference(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("differences.csv"));
    WORDS.contains(word)
}

/// Whether a word of a reference row's id, subject or keywords says its
/// figure in years is a person's age ("kiptum-age-2023").
#[must_use]
pub fn names_age(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("ages.csv"));
    WORDS.contains(word)
}

/// Verbs that report or change a figure ("rose", "said"), which name no
/// topic: a poor keyword.
#[must_use]
pub fn is_reporting_verb(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("verbs.csv"));
    WORDS.contains(word)
}

/// Plural nouns that do not end in "s" ("cattle", "firemen", "dead"),
/// which are their own folded form.
#[must_use]
pub fn is_irregular_plural(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| word_set("plurals.csv"));
    WORDS.contains(word)
}

/// Whether a word before a year makes it where a period starts ("since
/// 2014"): a figure of the period is of every year since.
#[must_use]
pub fn starts_a_period(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> =
        LazyLock::new(|| word_set("period-starts.csv"));
    WORDS.contains(word)
}

/// Whether a plural of [`is_irregular_plural`] is an adjective standing
/// for people ("the dead", "1,700 homeless"): after another plural it
/// describes that one ("286 people dead").
#[must_use]
pub fn is_adjective_plural(word: &str) -> bool {
    static WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
        lexicon_rows("plurals.csv")
            .filter(|row| row.get(1) == Some(&"yes"))
            .map(|row| row[0])
            .collect()
    });
    WORDS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nouns_fold_to_their_plural_and_irregular_plurals_stay() {
        let cases = [
            ("war", "wars"),
            ("person", "people"),
            ("dead", "dead"),
            ("homeless", "homeless"),
            ("cattle", "cattle"),
            ("firemen", "firemen"),
            ("policemen", "policemen"),
            ("fishermen", "fishermen"),
            ("Iranians", "iranians"),
        ];
        for (word, folded) in cases {
            assert_eq!(fold_noun(word), folded, "{word}");
        }
        assert_eq!(word_key("firemen"), word_key("fireman"));
    }

    #[test]
    fn lexicon_is_canonical() {
        for (name, text) in LEXICON_FILES {
            let rows: Vec<&str> = text.lines().skip(1).collect();
            let mut sorted = rows.clone();
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(rows, sorted, "{name}: keep rows sorted and unique");
            for row in rows {
                assert_eq!(row, row.to_lowercase(), "{name}: `{row}` is not lower case");
            }
        }
        assert_eq!(expectation("pledged"), Some(FactRole::Pledge));
        assert!(counts_people("Iranians") && counts_people("passengers"));
        assert!(!counts_people("seats"));
    }

    #[test]
    fn spellings_are_unique_lower_case_and_short() {
        let mut seen = std::collections::HashSet::new();
        for (spellings, _) in UNITS {
            for spelling in *spellings {
                assert!(seen.insert(*spelling), "`{spelling}` names two units");
                assert_eq!(
                    *spelling,
                    spelling.to_lowercase(),
                    "`{spelling}` must be lower case"
                );
                assert!(
                    spelling.split(' ').count() <= LONGEST_UNIT_PHRASE,
                    "`{spelling}` is too long"
                );
            }
        }
    }

    #[test]
    fn units_convert_to_their_base() {
        let cases = [
            ("weeks", 6.0, 42.0),
            ("decades", 2.0 * 10.0, 20.0 * 365.25),
            ("km", 5.0, 5000.0),
            ("per cent", 12.0, 12.0),
        ];
        for (spelling, written_in_name, in_base) in cases {
            let unit = unit(spelling).unwrap();
            assert!(
                (unit.to_base(written_in_name) - in_base).abs() < 1e-9,
                "{spelling}"
            );
        }
        let celsius = unit("°c").unwrap();
        let fahrenheit = unit("°f").unwrap();
        assert!((celsius.to_base(100.0) - fahrenheit.to_base(212.0)).abs() < 1e-9);
    }

    #[test]
    fn decades_are_shown_in_years() {
        let decades = unit("decades").unwrap();
        assert_eq!((decades.name, decades.scale), ("years", 10.0));
    }

    #[test]
    fn fold_noun_shows_plurals() {
        let cases = [
            ("war", "wars"),
            ("Wars", "wars"),
            ("person", "people"),
            ("people", "people"),
            ("troops", "troops"),
            ("life", "lives"),
            ("peacekeeper's", "peacekeepers"),
            ("killed", "killed"),
            ("2020", "2020"),
        ];
        for (word, folded) in cases {
            assert_eq!(fold_noun(word), folded, "{word}");
        }
    }

    #[test]
    fn synonyms_meet_in_one_key() {
        let mut synonyms = Synonyms::default();
        assert_eq!(synonyms.key("killed"), synonyms.key("deaths"));
        assert_eq!(synonyms.key("lives"), synonyms.key("fatality"));
        assert_eq!(synonyms.key("soldiers"), synonyms.key("troops"));
        assert_ne!(synonyms.key("peacekeepers"), synonyms.key("troops"));
        synonyms.add_group(&["peacekeepers", "blue helmets"]);
        synonyms.add_group(&["servicemen", "peacekeepers"]);
        assert_eq!(
            synonyms.key("blue helmets"),
            synonyms.key("soldiers"),
            "groups that share a word merge"
        );
        assert_eq!(
            synonyms.key("wars"),
            "war",
            "a word in no group is its own key"
        );
    }

    #[test]
    fn word_key_meets_singular_plural_and_possessive() {
        let pairs = [
            ("war", "Wars"),
            ("person", "people"),
            ("life", "lives"),
            ("peacekeeper", "peacekeepers'"),
            ("Russia's", "russia"),
            ("killed", "killed"),
            ("six-week", "six-weeks"),
        ];
        for (one, other) in pairs {
            assert_eq!(word_key(one), word_key(other), "{one} vs {other}");
        }
        assert_ne!(word_key("1990s"), word_key("1990"));
        assert_eq!(word_key("s"), "s", "no word folds to nothing");
        assert_eq!(word_key("2020"), "2020");
    }
}
