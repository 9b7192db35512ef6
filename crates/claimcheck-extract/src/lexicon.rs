//! The words the grammar knows, all lower case.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use claimcheck_core::{Qualifier, Tense};

pub(crate) fn unit_number(word: &str) -> Option<f64> {
    let value = match word {
        "zero" | "nought" | "naught" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    };
    Some(f64::from(value))
}

pub(crate) fn tens(word: &str) -> Option<f64> {
    let value = match word {
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Words that multiply what comes before them ("two thousand").
pub(crate) fn scale(word: &str) -> Option<f64> {
    claimcheck_core::vocab::scale(word)
}

/// Abbreviated magnitudes written after digits: "30k", "$2bn", "€3m",
/// "2mil". One-letter ones count only when glued to the digits.
pub(crate) fn magnitude_abbreviation(word: &str) -> Option<f64> {
    match word {
        "k" => Some(1e3),
        "m" | "mn" | "mln" | "mil" | "mio" => Some(1e6),
        "b" | "bn" | "bln" => Some(1e9),
        "tn" | "trn" | "tln" => Some(1e12),
        _ => None,
    }
}

/// The denominator an ordinal word names in a fraction ("three fifths",
/// "a quarter"), and whether the word is plural.
pub(crate) fn denominator(word: &str) -> Option<(f64, bool)> {
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let value = match singular {
        "half" => 2.0,
        "halve" if plural => 2.0,
        "quarter" => 4.0,
        // "first" and "second" name no fraction: "a second" is a moment.
        "first" | "second" => return None,
        other => ordinal(other)?,
    };
    Some((value, plural))
}

pub(crate) fn ordinal(word: &str) -> Option<f64> {
    if word == "trillionth" {
        return Some(1e12);
    }
    let value = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" | "nineth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        "fortieth" => 40,
        "fiftieth" => 50,
        "sixtieth" => 60,
        "seventieth" => 70,
        "eightieth" => 80,
        "ninetieth" => 90,
        "hundredth" => 100,
        "thousandth" => 1000,
        "millionth" => 1_000_000,
        "billionth" => 1_000_000_000,
        _ => return None,
    };
    Some(f64::from(value))
}

/// Loose amounts and the bounds they are read as. "several" is more than
/// two and fewer than ten; a plural of a round number ("hundreds") is at
/// least two of them and fewer than ten.
pub(crate) fn vague_amount(word: &str) -> Option<(f64, f64)> {
    match word {
        "several" => Some((3.0, 9.0)),
        "dozens" => Some((24.0, 119.0)),
        "scores" => Some((40.0, 199.0)),
        "hundreds" => Some((200.0, 999.0)),
        "thousands" => Some((2e3, 9_999.0)),
        "millions" => Some((2e6, 9_999_999.0)),
        "billions" => Some((2e9, 9_999_999_999.0)),
        _ => None,
    }
}

pub(crate) fn month(word: &str) -> Option<u8> {
    let number = match word {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(number)
}

/// Whether a month is written in full: abbreviations alone ("in Aug") are
/// too rare in prose to risk reading "Mar" or "Dec" as names.
pub(crate) fn is_full_month_name(word: &str) -> bool {
    word.len() > 4 || matches!(word, "may" | "june" | "july")
}

/// Words that narrow a decade to part of it ("the early 1990s"), as the
/// first and last year of the part, counted from the decade's first.
pub(crate) fn part_of_decade(word: &str) -> Option<(i32, i32)> {
    match word {
        "early" => Some((0, 3)),
        "mid" => Some((3, 6)),
        "late" => Some((6, 9)),
        _ => None,
    }
}

/// Words that open a range: "between 2 and 3", "from 200 to 300".
pub(crate) fn is_range_opener(word: &str) -> bool {
    matches!(word, "between" | "from")
}

/// Words that make the figure after them negative: "minus 40".
pub(crate) fn is_negation(word: &str) -> bool {
    matches!(word, "minus" | "negative")
}

/// "a" and "an", which stand for one before a scale or a fraction: "a
/// hundred", "a third".
pub(crate) fn is_indefinite_article(word: &str) -> bool {
    matches!(word, "a" | "an")
}

/// Loose multiples of a plural scale after "of": "tens of thousands",
/// "hundreds of millions".
pub(crate) fn vague_multiple(word: &str) -> Option<f64> {
    match word {
        "tens" => Some(10.0),
        "hundreds" => Some(100.0),
        _ => None,
    }
}

/// Qualifier phrases, longest first so that "just over" wins over "over".
pub(crate) const QUALIFIERS: &[QualifierPhrase] = &[
    (
        &["greater", "than", "or", "equal", "to"],
        Qualifier::AtLeast,
    ),
    (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["larger", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["bigger", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["higher", "than", "or", "equal", "to"], Qualifier::AtLeast),
    (&["less", "than", "or", "equal", "to"], Qualifier::UpTo),
    (&["fewer", "than", "or", "equal", "to"], Qualifier::UpTo),
    (&["smaller", "than", "or", "equal", "to"], Qualifier::UpTo),
    (&["lower", "than", "or", "equal", "to"], Qualifier::UpTo),
    (&["equal", "to", "or", "more", "than"], Qualifier::AtLeast),
    (
        &["equal", "to", "or", "greater", "than"],
        Qualifier::AtLeast,
    ),
    (&["equal", "to", "or", "higher", "than"], Qualifier::AtLeast),
    (&["equal", "to", "or", "less", "than"], Qualifier::UpTo),
    (&["equal", "to", "or", "fewer", "than"], Qualifier::UpTo),
    (&["equal", "to", "or", "lower", "than"], Qualifier::UpTo),
    (&["equal", "to", "or", "smaller", "than"], Qualifier::UpTo),
    (&["at", "least", "or", "equal", "to"], Qualifier::AtLeast),
    (&["at", "most", "or", "equal", "to"], Qualifier::UpTo),
    (&["greater", "or", "equal", "than"], Qualifier::AtLeast),
    (&["bigger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["larger", "or", "equal", "than"], Qualifier::AtLeast),
    (&["higher", "or", "equal", "than"], Qualifier::AtLeast),
    (&["more", "or", "equal", "than"], Qualifier::AtLeast),
    (&["less", "or", "equal", "than"], Qualifier::UpTo),
    (&["smaller", "or", "equal", "than"], Qualifier::UpTo),
    (&["lower", "or", "equal", "than"], Qualifier::UpTo),
    (&["fewer", "or", "equal", "than"], Qualifier::UpTo),
    (&["in", "the", "region", "of"], Qualifier::Approx),
    (&["on", "the", "order", "of"], Qualifier::Approx),
    (&["a", "little", "more", "than"], Qualifier::JustOver),
    (&["a", "little", "less", "than"], Qualifier::JustUnder),
    (&["slightly", "more", "than"], Qualifier::JustOver),
    (&["slightly", "less", "than"], Qualifier::JustUnder),
    (&["slightly", "fewer", "than"], Qualifier::JustUnder),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["as", "high", "as"], Qualifier::UpTo),
    (&["a", "maximum", "of"], Qualifier::UpTo),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["upward", "of"], Qualifier::MoreThan),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["higher", "than"], Qualifier::MoreThan),
    (&["larger", "than"], Qualifier::MoreThan),
    (&["bigger", "than"], Qualifier::MoreThan),
    (&["no", "greater", "than"], Qualifier::UpTo),
    (&["no", "larger", "than"], Qualifier::UpTo),
    (&["no", "higher", "than"], Qualifier::UpTo),
    (&["no", "smaller", "than"], Qualifier::AtLeast),
    (&["no", "lower", "than"], Qualifier::AtLeast),
    (&["equal", "to"], Qualifier::Exactly),
    (&["equals", "to"], Qualifier::Exactly),
    (&["equaling", "to"], Qualifier::Exactly),
    (&["equalling", "to"], Qualifier::Exactly),
    (&["just", "over"], Qualifier::JustOver),
    (&["just", "above"], Qualifier::JustOver),
    (&["just", "under"], Qualifier::JustUnder),
    (&["just", "below"], Qualifier::JustUnder),
    (&["just", "shy", "of"], Qualifier::JustUnder),
    (&["at", "least"], Qualifier::AtLeast),
    (&["at", "most"], Qualifier::UpTo),
    (&["up", "to"], Qualifier::UpTo),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["lower", "than"], Qualifier::LessThan),
    (&["smaller", "than"], Qualifier::LessThan),
    (&["close", "to"], Qualifier::Nearly),
    // "an estimated 7.19 million": the source's estimate, as precise as
    // its digits, not the writer's rounding.
    (&["an", "estimated"], Qualifier::Exact),
    (&["an", "approximate"], Qualifier::Approx),
    (&["just", "about"], Qualifier::Approx),
    (&["exactly"], Qualifier::Exactly),
    (&["precisely"], Qualifier::Exactly),
    (&["equals"], Qualifier::Exactly),
    (&["equaling"], Qualifier::Exactly),
    (&["equalling"], Qualifier::Exactly),
    (&["exceed"], Qualifier::MoreThan),
    (&["exceeds"], Qualifier::MoreThan),
    (&["exceeded"], Qualifier::MoreThan),
    (&["surpass"], Qualifier::MoreThan),
    (&["surpasses"], Qualifier::MoreThan),
    (&["surpassed"], Qualifier::MoreThan),
    (&["surpassing"], Qualifier::MoreThan),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["exceeding"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["approaching"], Qualifier::Nearly),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["approx"], Qualifier::Approx),
    (&["some"], Qualifier::Approx),
    (&["estimated"], Qualifier::Exact),
    (&["circa"], Qualifier::Approx),
];

const FILLERS: &[&str] = &["another", "a", "further", "additional", "extra", "an"];

/// A qualifier phrase, word by word, and what it means.
pub(crate) type QualifierPhrase = (&'static [&'static str], Qualifier);

/// The qualifier phrases that start with `word`, longest first.
pub(crate) fn qualifiers_starting_with(word: &str) -> &'static [QualifierPhrase] {
    static BY_FIRST_WORD: LazyLock<FxHashMap<&'static str, Vec<QualifierPhrase>>> =
        LazyLock::new(|| {
            let mut by_first_word: FxHashMap<&str, Vec<_>> = FxHashMap::default();
            for &(words, qualifier) in QUALIFIERS {
                by_first_word
                    .entry(words[0])
                    .or_default()
                    .push((words, qualifier));
            }
            by_first_word
        });
    BY_FIRST_WORD.get(word).map_or(&[], Vec::as_slice)
}

/// Qualifiers written after the figure: "500 or more", "5,000 or less".
pub(crate) const POSTFIX_QUALIFIERS: &[QualifierPhrase] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "greater"], Qualifier::AtLeast),
    (&["or", "higher"], Qualifier::AtLeast),
    (&["or", "above"], Qualifier::AtLeast),
    (&["or", "over"], Qualifier::AtLeast),
    (&["or", "upwards"], Qualifier::AtLeast),
    (&["and", "more"], Qualifier::AtLeast),
    (&["and", "above"], Qualifier::AtLeast),
    (&["and", "over"], Qualifier::AtLeast),
    (&["and", "up"], Qualifier::AtLeast),
    (&["and", "upwards"], Qualifier::AtLeast),
    (&["or", "less"], Qualifier::UpTo),
    (&["or", "fewer"], Qualifier::UpTo),
    (&["or", "lower"], Qualifier::UpTo),
    (&["or", "below"], Qualifier::UpTo),
    (&["or", "under"], Qualifier::UpTo),
    (&["and", "less"], Qualifier::UpTo),
    (&["and", "fewer"], Qualifier::UpTo),
    (&["and", "below"], Qualifier::UpTo),
    (&["and", "under"], Qualifier::UpTo),
];

/// Words between a qualifier and its figure that leave the figure's
/// meaning alone: "up to another two decades".
pub(crate) fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word)
}

const REFERRING_DETERMINERS: &[&str] = &[
    "the", "these", "those", "its", "their", "his", "her", "our", "your", "my", "both", "all",
];

/// Determiners that point back to something already named: "the two
/// countries" restates a number rather than asserting one.
pub(crate) fn refers_back(word: &str) -> bool {
    REFERRING_DETERMINERS.contains(&word)
}

/// Words that put what follows them in time: "in 2020", "since August".
const TIME_PREPOSITIONS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "of",
    "to",
    "before",
    "after",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "between",
    "and",
];

/// Words that make a bare four-digit figure after them a year ("autumn 2020").
const YEAR_ONLY_INTRODUCERS: &[&str] = &[
    "spring", "summer", "autumn", "fall", "winter", "year", "circa",
];

/// Words before a bare four-digit figure that make it a year.
pub(crate) fn introduces_year(word: &str) -> bool {
    TIME_PREPOSITIONS.contains(&word)
        || YEAR_ONLY_INTRODUCERS.contains(&word)
        || month(word).is_some()
}

/// Words that make a month name after them a date ("last August").
const MONTH_ONLY_INTRODUCERS: &[&str] = &["last", "next", "this"];

/// Words before a month name alone that make it a date: "in August".
pub(crate) fn introduces_month(word: &str) -> bool {
    TIME_PREPOSITIONS.contains(&word) || MONTH_ONLY_INTRODUCERS.contains(&word)
}

/// The time a word marks, for a date without a year after it, besides the
/// words of [`puts_as_forecast`], which look ahead too: "next",
/// "scheduled", "due" look ahead; "last", a verb in the past ("met",
/// "signed") looks back. Nothing for any other word.
pub(crate) fn tense_of(word: &str) -> Option<Tense> {
    // Asked of words around dates and of each word of a noun phrase: a
    // match, which the compiler sorts by length, rather than list scans.
    match word {
        "next" | "upcoming" | "coming" | "scheduled" | "due" | "plan" | "intends" => {
            Some(Tense::Future)
        }
        // Words that put what follows in the past, and common verbs whose
        // past does not end in "-ed".
        "since" | "last" | "ago" | "was" | "were" | "had" | "did" | "met" | "held" | "said"
        | "told" | "took" | "came" | "began" | "became" | "won" | "lost" | "fought" | "left"
        | "went" | "saw" | "made" | "gave" | "brought" | "sent" | "spent" | "fell" | "rose"
        | "broke" | "kept" | "led" | "paid" | "ran" | "struck" | "wrote" | "spoke" | "chose"
        | "drew" | "flew" | "grew" | "knew" | "stood" | "sought" | "sold" | "found" | "got"
        | "heard" | "shot" | "built" | "caught" => Some(Tense::Past),
        // Words ending in "-ed" that are no past tense.
        "hundred" | "need" | "speed" | "seed" | "feed" | "indeed" | "proceed" | "exceed"
        | "succeed" | "breed" | "greed" | "bleed" | "deed" | "shed" | "embed" => None,
        _ => (word.len() >= 4 && word.ends_with("ed")).then_some(Tense::Past),
    }
}

/// Words that put a figure after them as expected or possible rather than
/// as fact: "could reach 1,000", "is expected to rise to 500", "a target
/// of 2%".
pub(crate) fn puts_as_forecast(word: &str) -> bool {
    // Asked of every word before an amount, back to the clause's start: a
    // match, which the compiler sorts by length, is far cheaper than
    // scanning a list.
    matches!(
        word,
        "could"
            | "may"
            | "might"
            | "would"
            | "will"
            | "shall"
            | "expected"
            | "expects"
            | "expect"
            | "expecting"
            | "predicted"
            | "predicts"
            | "predict"
            | "predicting"
            | "forecast"
            | "forecasts"
            | "forecasting"
            | "projected"
            | "projects"
            | "projection"
            | "likely"
            | "unlikely"
            | "feared"
            | "fears"
            | "hope"
            | "hopes"
            | "hoped"
            | "plans"
            | "planned"
            | "aims"
            | "target"
            | "targets"
            | "goal"
            | "possibly"
            | "perhaps"
            | "potentially"
    ) || word.ends_with("'ll")
        || word.ends_with("’ll")
}

/// Words between a toll and the figure they give it: "the toll was 286",
/// "has now risen to 286", "stood at 286". Not "from": in "rose from 120
/// to 286" the first figure is what the toll is no longer.
pub(crate) fn gives_a_toll(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "is"
            | "stood"
            | "stands"
            | "at"
            | "rose"
            | "rises"
            | "risen"
            | "reaches"
            | "climbs"
            | "passes"
            | "passed"
            | "tops"
            | "topped"
            | "has"
            | "had"
            | "have"
            | "reached"
            | "climbed"
            | "jumped"
            | "increased"
            | "grew"
            | "grown"
            | "hit"
            | "remains"
            | "remained"
            | "now"
            | "to"
    )
}

/// Verbs in the past whose object a figure counts when no noun follows
/// it: "killed 1,700", "wounded 11", "displaced 8 million".
pub(crate) fn counts_whom_it_befell(word: &str) -> bool {
    matches!(
        word,
        "killed"
            | "wounded"
            | "injured"
            | "displaced"
            | "evacuated"
            | "arrested"
            | "detained"
            | "rescued"
            | "executed"
            | "kidnapped"
    )
}

/// Punctuation between clauses.
pub(crate) fn ends_clause(punct: &str) -> bool {
    claimcheck_core::vocab::ends_clause(punct)
}

/// A verb of change as a verb, not a noun or another word of the same
/// stem: "raised", "rises", "falling", "fell", not "government".
pub(crate) fn is_change_verb_form(word: &str) -> bool {
    is_change_verb(word)
        && (tense_of(word) == Some(Tense::Past)
            || word.ends_with('s')
            || word.ends_with("ing")
            || matches!(word, "cut" | "shrunk"))
}

/// Verbs of change: "rose from 200 to 300" gives two figures, not a range.
pub(crate) fn is_change_verb(word: &str) -> bool {
    let stems = [
        "rise", "rose", "risen", "fall", "fell", "fallen", "increas", "decreas", "grow", "grew",
        "drop", "declin", "climb", "jump", "soar", "plung", "plummet", "cut", "reduc", "rais",
        "lower", "went", "go", "shr", "swell", "doubl", "tripl", "halv", "slid", "slump", "surg",
        "boost", "expand", "chang", "mov", "revis",
    ];
    stems.iter().any(|stem| word.starts_with(stem))
}

const LABEL_WORDS: &[&str] = &[
    "article",
    "resolution",
    "chapter",
    "section",
    "flight",
    "route",
    "highway",
    "interstate",
    "room",
    "page",
    "gate",
    "platform",
    "terminal",
    "paragraph",
    "clause",
    "rule",
    "item",
    "level",
    "phase",
    "stage",
    "episode",
    "season",
    "volume",
    "vol",
    "act",
    "amendment",
    "protocol",
    "regulation",
    "directive",
    "block",
    "unit",
    "suite",
    "floor",
    "channel",
    "category",
    "class",
    "type",
    "model",
    "version",
    "no",
    "nos",
    "number",
    "grade",
    "division",
    "brigade",
    "battalion",
    "regiment",
    "corps",
    "army",
    "district",
    "ward",
    "zone",
    "sector",
    "building",
    "apartment",
    "line",
    "bus",
    "train",
    "track",
    "exhibit",
    "figure",
    "table",
    "appendix",
    "annex",
    "part",
    "title",
];

/// Capitalized words that make the figure after them a name, not an
/// amount: "Resolution 2334", "Flight 17", "Article 5".
pub(crate) fn is_label(word: &str) -> bool {
    LABEL_WORDS.contains(&word)
}

/// Words that end a noun phrase: the counted noun is before them.
pub(crate) fn ends_noun_phrase(word: &str) -> bool {
    claimcheck_core::vocab::is_function_word(word)
}

const NOUN_PREFIXES: &[&str] = &[
    "more",
    "additional",
    "extra",
    "other",
    "new",
    "fewer",
    "further",
];

/// Words between a figure and its noun that do not change what is
/// counted: "2,000 more troops", "300 additional staff".
pub(crate) fn is_noun_prefix(word: &str) -> bool {
    NOUN_PREFIXES.contains(&word)
}

/// Verbs that only help another ("were" in "286 were killed"), which a
/// figure's noun may stand after.
pub(crate) fn is_auxiliary(word: &str) -> bool {
    matches!(
        word,
        "are" | "were" | "was" | "is" | "have" | "has" | "had" | "been" | "be" | "being"
    )
}

/// The language data kept as files, as `(name, text)`: each a CSV with a
/// header and rows kept sorted, unique and lower case.
pub(crate) const FILES: [(&str, &str); 7] = [
    (
        "lexicon/en/longer-than.csv",
        include_str!("../lexicon/en/longer-than.csv"),
    ),
    (
        "lexicon/en/markers.csv",
        include_str!("../lexicon/en/markers.csv"),
    ),
    (
        "lexicon/en/multiples.csv",
        include_str!("../lexicon/en/multiples.csv"),
    ),
    (
        "lexicon/en/repetitions.csv",
        include_str!("../lexicon/en/repetitions.csv"),
    ),
    (
        "lexicon/en/results.csv",
        include_str!("../lexicon/en/results.csv"),
    ),
    (
        "lexicon/en/timed.csv",
        include_str!("../lexicon/en/timed.csv"),
    ),
    (
        "lexicon/en/up-to-a-level.csv",
        include_str!("../lexicon/en/up-to-a-level.csv"),
    ),
];

/// How many times a word says something happens: "once" 1, "twice" 2.
pub(crate) fn repetitions(word: &str) -> Option<f64> {
    static WORDS: LazyLock<FxHashMap<&'static str, f64>> = LazyLock::new(|| {
        rows_of("repetitions.csv")
            .filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?)))
            .collect()
    });
    WORDS.get(word).copied()
}

/// The words of the first column of a lexicon file.
fn word_set(name: &str) -> rustc_hash::FxHashSet<&'static str> {
    rows_of(name).map(|row| row[0]).collect()
}

/// The rows after the header of the lexicon file whose name ends in
/// `name`, each split at commas.
fn rows_of(name: &str) -> impl Iterator<Item = Vec<&'static str>> {
    let (_, text) = FILES
        .iter()
        .find(|(path, _)| path.ends_with(name))
        .expect("a lexicon file of that name is bundled");
    rows(text)
}

/// The multiple a word says: "tripled" is 3 times, "twice" 2.
pub(crate) fn multiple(word: &str) -> Option<f64> {
    static MULTIPLES: LazyLock<FxHashMap<&'static str, f64>> = LazyLock::new(|| {
        rows_of("multiples.csv")
            .filter_map(|row| Some((row[0], row.get(1)?.parse().ok()?)))
            .collect()
    });
    MULTIPLES.get(word).copied()
}

/// Whether a word before two numbers joined by a hyphen makes them a
/// score ("won 2-1", "beat him 6-4").
pub(crate) fn names_a_result(word: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| word_set("results.csv"));
    WORDS.contains(word)
}

/// Whether a verb before "up to" makes it the level something went to
/// ("ticked up to 5.4%", "went up to $4") rather than a ceiling ("cut up
/// to 700 jobs").
pub(crate) fn goes_up_to_a_level(word: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| word_set("up-to-a-level.csv"));
    WORDS.contains(word)
}

/// Whether a word before "over" and a length of time makes it "more
/// than" ("for over three years", "lasted over two hours"); elsewhere
/// "over three days" is the time something took.
pub(crate) fn makes_over_longer(word: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| word_set("longer-than.csv"));
    WORDS.contains(word)
}

/// Whether a word before minutes and seconds ("3:43") makes them a time
/// taken rather than a time of day: "in 59:47", "a 3:43 mile".
pub(crate) fn times_a_race(word: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<&'static str>> =
        LazyLock::new(|| word_set("timed.csv"));
    WORDS.contains(word)
}

/// The rows of a lexicon file after its header, each split at commas.
fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .skip(1)
        .filter(|line| !line.is_empty())
        .map(|line| line.split(',').collect())
}

/// What a phrase around a figure says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Marker {
    /// After a figure, what befell those it counts: "Eighteen more died".
    Befell,
    /// After a figure, that it counts people on a craft: "all 176 on board".
    Aboard,
    /// After a figure, that it is an earlier value: "7.8% a year earlier".
    Earlier,
    /// After a figure's "of", that it is part of what came before: "65 of
    /// them children".
    Partitive,
    /// A word for an amount rather than a thing counted, whose "of" names
    /// what a figure counts: "the number of people killed rose to 2,901";
    /// alone, it counts nothing ("a loss of 140,000", "the waiting list
    /// fell to 7.19 million").
    Tally,
    /// A word between a verb and the figure it gives: "rose to", "stood
    /// at", "fell slightly to an estimated".
    Lead,
    /// After a figure, that it is a difference: "$5 billion bigger than",
    /// "20 seconds off".
    Difference,
    /// Before a year or date, that it is a point of comparison: "since
    /// 2014", "than in 2011".
    Comparison,
    /// Before a length of time, that it is a span within another: "the
    /// first three days", "the past 24 hours".
    Within,
}

impl Marker {
    fn named(role: &str) -> Option<Marker> {
        Some(match role {
            "befell" => Marker::Befell,
            "aboard" => Marker::Aboard,
            "earlier" => Marker::Earlier,
            "partitive" => Marker::Partitive,
            "tally" => Marker::Tally,
            "lead" => Marker::Lead,
            "difference" => Marker::Difference,
            "comparison" => Marker::Comparison,
            "within" => Marker::Within,
            _ => return None,
        })
    }
}

/// The markers by phrase, and the most words a phrase has.
static MARKERS: LazyLock<(FxHashMap<&'static str, Marker>, usize)> = LazyLock::new(|| {
    let markers: FxHashMap<&str, Marker> = rows_of("markers.csv")
        .filter_map(|row| Some((row[0], Marker::named(row.get(1)?)?)))
        .collect();
    let longest = markers
        .keys()
        .map(|phrase| phrase.split(' ').count())
        .max()
        .unwrap_or(1);
    (markers, longest)
});

/// What a phrase of lower-case words joined by single spaces marks.
pub(crate) fn marker(phrase: &str) -> Option<Marker> {
    MARKERS.0.get(phrase).copied()
}

/// The most words a marker phrase has.
pub(crate) fn longest_marker() -> usize {
    MARKERS.1
}

const ONE_AS_PRONOUN_AFTER: &[&str] = &[
    "no", "any", "every", "each", "some", "the", "this", "that", "which", "at",
];

/// Words after which "one" is a pronoun: "no one", "the one", "at one".
pub(crate) fn makes_one_a_pronoun(word: &str) -> bool {
    ONE_AS_PRONOUN_AFTER.contains(&word)
}

/// Single-character fractions, with numerator and denominator.
pub(crate) const VULGAR_FRACTIONS: &[(char, f64, f64)] = &[
    ('½', 1.0, 2.0),
    ('⅓', 1.0, 3.0),
    ('⅔', 2.0, 3.0),
    ('¼', 1.0, 4.0),
    ('¾', 3.0, 4.0),
    ('⅕', 1.0, 5.0),
    ('⅖', 2.0, 5.0),
    ('⅗', 3.0, 5.0),
    ('⅘', 4.0, 5.0),
    ('⅙', 1.0, 6.0),
    ('⅚', 5.0, 6.0),
    ('⅐', 1.0, 7.0),
    ('⅛', 1.0, 8.0),
    ('⅜', 3.0, 8.0),
    ('⅝', 5.0, 8.0),
    ('⅞', 7.0, 8.0),
    ('⅑', 1.0, 9.0),
    ('⅒', 1.0, 10.0),
];

pub(crate) fn is_vulgar_fraction(c: char) -> bool {
    VULGAR_FRACTIONS.iter().any(|(fraction, ..)| *fraction == c)
}

/// Whether a word is how a number is written ("two", "dozen", "million",
/// "fifth"), so never the noun it counts.
pub(crate) fn is_number_word(word: &str) -> bool {
    unit_number(word).is_some()
        || tens(word).is_some()
        || scale(word).is_some()
        || ordinal(word).is_some()
        || denominator(word).is_some()
        || vague_amount(word).is_some()
        || is_dozen(word)
        || is_negation(word)
        || word == "point"
}

/// "dozen" and how it is written after a figure: "3 dozens", "5 doz".
pub(crate) fn is_dozen(word: &str) -> bool {
    matches!(word, "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs")
}
