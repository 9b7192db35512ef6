//! Each rule of matching and comparison, as an article, a reference and
//! the verdicts expected. The earlier stages build the claims and facts, so
//! the tables read as a user would write them.

use std::fmt::Write as _;
use std::path::Path;

use claimcheck_core::vocab::Synonyms;
use claimcheck_core::{Span, Verdict};

use crate::{FactIndex, check};

const HEADER: &str = "id,value,low,high,unit,keywords,as_of\n";

/// The verdicts of an article against reference rows under `HEADER`, as
/// `(text, verdict, fact, reason)`.
fn verdicts(article: &str, rows: &str) -> Vec<(String, Verdict, Option<String>, String)> {
    verdicts_against_csv(article, &format!("{HEADER}{rows}"))
}

/// The verdicts of an article against a whole reference CSV.
fn verdicts_against_csv(
    article: &str,
    csv: &str,
) -> Vec<(String, Verdict, Option<String>, String)> {
    let (facts, problems) = claimcheck_reference::parse(Path::new("test.csv"), csv.as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let index = FactIndex::new(&facts, Synonyms::default());
    let extraction = claimcheck_extract::extract(article, claimcheck_extract::Format::Plain);
    let normalized =
        claimcheck_normalize::normalize(extraction.mentions, extraction.declared_date.as_deref());
    check(
        article,
        Span::new(0, article.len()),
        normalized.claims,
        normalized.date.map(|date| date.date),
        &index,
    )
    .into_iter()
    .map(|assessment| {
        (
            assessment.claim.span.of(article).to_string(),
            assessment.verdict,
            assessment.fact.map(|fact| fact.id.clone()),
            assessment.reason,
        )
    })
    .collect()
}

fn verdict_of(article: &str, rows: &str, text: &str) -> (Verdict, Option<String>) {
    let all = verdicts(article, rows);
    let (_, verdict, fact, _) = all
        .into_iter()
        .find(|(claim, ..)| claim == text)
        .unwrap_or_else(|| panic!("no assessment of {text:?}"));
    (verdict, fact)
}

const DEATHS: &str = "deaths,6731,6500,7300,troops|soldiers,war;2020|six-week,\n";

#[test]
fn intervals_decide_the_verdict() {
    use Verdict::{Contradicted, Supported};
    let exact = |value: &str| format!("f,{value},,,peacekeepers,,\n");
    // (sentence, reference row, claim text, verdict)
    let cases = [
        (
            "More than 6,500 soldiers died in the war of 2020.",
            DEATHS.to_string(),
            "More than 6,500",
            Supported,
        ),
        (
            "More than 6,500 soldiers died in the war of 2020.",
            "deaths,6000,,,soldiers,war,\n".to_string(),
            "More than 6,500",
            Contradicted,
        ),
        (
            "It sent 2,000 peacekeepers.",
            exact("1960"),
            "2,000",
            Supported,
        ),
        (
            "It sent 286 peacekeepers.",
            exact("386"),
            "286",
            Contradicted,
        ),
        (
            "It sent 286 peacekeepers.",
            "f,286,284,287,peacekeepers,,\n".to_string(),
            "286",
            Supported,
        ),
        (
            "It sent around 30,000 peacekeepers.",
            exact("29000"),
            "around 30,000",
            Supported,
        ),
        (
            "It sent around 30,000 peacekeepers.",
            exact("40000"),
            "around 30,000",
            Contradicted,
        ),
        (
            "It sent up to 500 peacekeepers.",
            exact("500"),
            "up to 500",
            Supported,
        ),
        (
            "It sent fewer than 500 peacekeepers.",
            exact("501"),
            "fewer than 500",
            Contradicted,
        ),
        // A round reference value is a figure a source reported, and may
        // have been "more than 500" there.
        (
            "It sent more than 500 peacekeepers.",
            exact("500"),
            "more than 500",
            Supported,
        ),
        (
            "It sent more than 600 peacekeepers.",
            exact("500"),
            "more than 600",
            Contradicted,
        ),
        (
            "It sent between 400 and 600 peacekeepers.",
            exact("650"),
            "between 400 and 600",
            Contradicted,
        ),
    ];
    for (sentence, row, text, expected) in cases {
        assert_eq!(
            verdict_of(sentence, &row, text).0,
            expected,
            "{sentence} against {row}"
        );
    }
}

#[test]
fn tolerance_widens_an_exact_fact() {
    let article = "It sent 1,040 peacekeepers.";
    assert_eq!(
        verdict_of(article, "f,1000,,,peacekeepers,,\n", "1,040").0,
        Verdict::Contradicted
    );
    let tolerant =
        verdicts_against_csv(article, "id,value,unit,tolerance\nf,1000,peacekeepers,5%\n");
    assert_eq!(tolerant[0].1, Verdict::Supported);
    let absolute =
        verdicts_against_csv(article, "id,value,unit,tolerance\nf,1000,peacekeepers,30\n");
    assert_eq!(absolute[0].1, Verdict::Contradicted);
}

#[test]
fn durations_compare_across_units() {
    let row = "duration,44,44,45,days,war,\n";
    assert_eq!(
        verdict_of("A six-week war ended.", row, "six-week").0,
        Verdict::Supported
    );
    assert_eq!(
        verdict_of("A nine-week war ended.", row, "nine-week").0,
        Verdict::Contradicted
    );
    assert_eq!(
        verdict_of("The war lasted 44 days.", row, "44 days").0,
        Verdict::Supported
    );
    // Two months written to the month is at least 1.5 months, 45.7 days.
    assert_eq!(
        verdict_of("The war lasted two months.", row, "two months").0,
        Verdict::Contradicted
    );
    assert_eq!(
        verdict_of("The war lasted about six weeks.", row, "about six weeks").0,
        Verdict::Supported
    );
}

#[test]
fn dates_compare_with_dates_and_years() {
    let rows = "geneva,2022-10-02,,,date,geneva,\ndissolution,1991,,,year,soviet union,\n";
    let article = "October 31, 2022\n\nMinisters met on Oct. 3 in Geneva.\n\nThe Soviet Union collapsed in 1991.";
    assert_eq!(
        verdict_of(article, rows, "Oct. 3"),
        (Verdict::Contradicted, Some("geneva".into()))
    );
    assert_eq!(verdict_of(article, rows, "1991").0, Verdict::Supported);
    let year_against_date = "started,2020-09-27,,,date,war,\n";
    assert_eq!(
        verdict_of("The war started in 2020.", year_against_date, "2020").0,
        Verdict::Supported
    );
    assert_eq!(
        verdict_of("The war started in 2021.", year_against_date, "2021").0,
        Verdict::Contradicted
    );
}

#[test]
fn a_year_never_matches_a_count() {
    let all = verdicts("The war of 2020 was long.", "f,2020,,,troops,war,\n");
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn keywords_must_all_be_in_the_article() {
    let all = verdicts(
        "It sent 2,000 peacekeepers.",
        "f,1960,,,peacekeepers,deploy|deployed;russia,\n",
    );
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].1, &all[0].3),
        (
            Verdict::Unverified,
            &"no fact applies: f measures the same but needs `deploy|deployed` in the article"
                .to_string()
        )
    );
    let supported = verdicts(
        "Russia deployed 2,000 peacekeepers.",
        "f,1960,,,peacekeepers,deploy|deployed;russia,\n",
    );
    assert_eq!(supported[0].1, Verdict::Supported);
}

#[test]
fn a_fact_whose_every_group_stands_in_the_sentence_is_never_passed_over() {
    // Many facts sharing a measure, each anchored on a word of its own,
    // as in a large reference: the anchor and the word-set filter must
    // pass over none that stands whole in the sentence.
    let mut fillers = String::new();
    for number in 0..70 {
        let _ = writeln!(fillers, "filler{number},1,,,troops,fillerword{number},");
    }
    let cases = [
        (
            "Russia sent 2,000 troops in a six-week war.",
            "war;six-week",
        ),
        (
            "Russia sent 2,000 troops in a six-week war.",
            "six;week|month",
        ),
        ("The Soviet Union's 2,000 troops left.", "soviet union;left"),
        (
            "Its 2,000 troops stayed for weeks of war.",
            "week;war|conflict",
        ),
        (
            "Its 2,000 troops stayed for weeks of war.",
            "war;stay|stayed;week",
        ),
    ];
    for (article, keywords) in cases {
        let rows = format!("{fillers}target,2000,,,troops,{keywords},\n");
        assert_eq!(
            verdict_of(article, &rows, "2,000"),
            (Verdict::Supported, Some("target".into())),
            "{keywords}"
        );
    }
}

#[test]
fn the_fact_with_most_keyword_groups_wins() {
    let rows = "broad,500,,,troops,war,\nnarrow,2000,,,troops,war;russia,\n";
    assert_eq!(
        verdict_of("Russia sent 2,000 troops to the war.", rows, "2,000"),
        (Verdict::Supported, Some("narrow".into()))
    );
}

#[test]
fn among_equally_fitting_facts_the_value_decides() {
    let rows = "one,2000,,,troops,war,\nother,5000,,,troops,war,\n";
    let all = verdicts("It sent 2,000 troops to the war.", rows);
    assert_eq!(
        (all[0].1, all[0].2.as_deref(), all[0].3.as_str()),
        (
            Verdict::Supported,
            Some("one"),
            "reference: 2,000 troops (1,980–2,020) (one); \"2,000\" is a round figure for 1,900–2,100 troops; as close a fit: other (5,000 troops (4,950–5,050))"
        )
    );
    let reversed = "other,5000,,,troops,war,\none,2000,,,troops,war,\n";
    assert_eq!(
        verdict_of("It sent 2,000 troops to the war.", reversed, "2,000"),
        (Verdict::Supported, Some("one".into()))
    );
    // Whatever it refers to, a figure no fitting fact allows is wrong.
    let all = verdicts("It sent 3,000 troops to the war.", rows);
    assert_eq!(
        (all[0].1, all[0].2.as_deref()),
        (Verdict::Contradicted, Some("one"))
    );
    let agreeing = "one,2000,,,troops,war,\nother,1990,,,troops,war,\n";
    assert_eq!(
        verdict_of("It sent 2,000 troops to the war.", agreeing, "2,000"),
        (Verdict::Supported, Some("one".into()))
    );
}

#[test]
fn within_a_sentence_a_fact_goes_to_the_figure_that_names_its_keyword() {
    let row = "duration,44,44,45,days,war;2020|six-week,\n";
    let article = "A six-week war in 2020 ended a rule of several decades.";
    let all = verdicts(article, row);
    let texts: Vec<(&str, Verdict)> = all
        .iter()
        .map(|(text, verdict, ..)| (text.as_str(), *verdict))
        .collect();
    assert_eq!(
        texts,
        [
            ("six-week", Verdict::Supported),
            ("several decades", Verdict::Unverified)
        ]
    );
    assert_eq!(
        all[1].3,
        "duration applies to \"six-week\" in the same sentence, not to this figure"
    );
}

#[test]
fn without_a_named_noun_the_nearest_figure_takes_the_fact() {
    let row = "f,12,,,days,siege,\n";
    let all = verdicts("After 3 days of talks, the siege lasted 12 days.", row);
    let texts: Vec<(&str, Verdict)> = all
        .iter()
        .map(|(text, verdict, ..)| (text.as_str(), *verdict))
        .collect();
    assert_eq!(
        texts,
        [
            ("3 days", Verdict::Unverified),
            ("12 days", Verdict::Supported)
        ]
    );
}

#[test]
fn a_fact_goes_to_a_figure_of_its_own_kind_before_a_nearer_one() {
    // "2020" stands nearer "expires" than "November" does, but a date fact
    // tells of a day, which the month says and the year does not.
    let row = "expiry,2022-11-10,,,date,ceasefire;expires,\n";
    let article = "October 31, 2022\n\nThe ceasefire, agreed in 2020, expires in November.";
    let all = verdicts(article, row);
    let texts: Vec<(&str, Verdict)> = all
        .iter()
        .map(|(text, verdict, ..)| (text.as_str(), *verdict))
        .collect();
    assert_eq!(texts, [("November", Verdict::Supported)]);
    // Without a figure of its kind, a date fact still meets a year.
    let (verdict, _) = verdict_of(
        "October 31, 2022\n\nThe ceasefire, agreed in 2020, expires soon.",
        "agreed,2020-11-10,,,date,ceasefire;agreed,\n",
        "2020",
    );
    assert_eq!(verdict, Verdict::Supported);
}

#[test]
fn a_forecast_is_never_held_against_an_outcome_nor_takes_one() {
    let row = "toll,286,,,deaths|people,toll,\n";
    let all = verdicts("The toll of 286 deaths could reach 1,000.", row);
    let found: Vec<(&str, Verdict, &str)> = all
        .iter()
        .map(|(text, verdict, _, reason)| (text.as_str(), *verdict, reason.as_str()))
        .collect();
    assert_eq!((found[0].0, found[0].1), ("286", Verdict::Supported));
    assert_eq!(
        found[1],
        (
            "1,000",
            Verdict::Unverified,
            "\"could\" puts it as a forecast, which no reference value confirms or rules out"
        )
    );
    // Nearer the keyword than the count, the forecast still leaves the
    // fact to it.
    let (verdict, fact) = verdict_of(
        "The toll could reach 1,000 people; 286 people died.",
        row,
        "286",
    );
    assert_eq!(
        (verdict, fact.as_deref()),
        (Verdict::Supported, Some("toll"))
    );
}

#[test]
fn a_denied_figure_is_never_held_against_a_fact_nor_takes_one() {
    let row = "clashes,286,,,people,killed;clashes,\n";
    let article =
        "Officials said 286 people were killed in the clashes, not 386 people as first reported.";
    let all = verdicts(article, row);
    let found: Vec<(&str, Verdict, &str)> = all
        .iter()
        .map(|(text, verdict, _, reason)| (text.as_str(), *verdict, reason.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("286", Verdict::Supported, found[0].2),
            (
                "386",
                Verdict::Unverified,
                "\"not\" denies it: the article does not assert it"
            )
        ]
    );
}

#[test]
fn a_part_of_a_whole_takes_the_fact_before_the_whole_it_restates() {
    let row = "seats,237,,,seats,coalition;house,\n";
    let (verdict, fact) = verdict_of(
        "The coalition won 237 of the 400 seats in the lower house.",
        row,
        "237",
    );
    assert_eq!(
        (verdict, fact.as_deref()),
        (Verdict::Supported, Some("seats"))
    );
}

#[test]
fn a_fact_goes_to_the_figure_nearest_all_its_keywords() {
    // "prices" stands nearest the 0.4%, but "year" is the 8.2%'s.
    let rows = "yoy,8.2,,,percent,prices;year,\nmom,0.4,,,percent,prices;month,\n";
    let all = verdicts(
        "Consumer prices rose 0.4% on the month and 8.2% on the year.",
        rows,
    );
    let found: Vec<(&str, Verdict, Option<&str>)> = all
        .iter()
        .map(|(text, verdict, fact, _)| (text.as_str(), *verdict, fact.as_deref()))
        .collect();
    assert_eq!(
        found,
        [
            ("0.4%", Verdict::Supported, Some("mom")),
            ("8.2%", Verdict::Supported, Some("yoy"))
        ]
    );
}

#[test]
fn a_fact_goes_to_the_figure_a_change_ended_at() {
    let row = "cpi,10.1,,,percent,inflation,\n";
    for article in [
        "UK inflation rose from 9.9% to 10.1%.",
        "UK inflation hit 10.1%, up from 9.9%.",
    ] {
        let all = verdicts(article, row);
        let found: Vec<(&str, Verdict)> = all
            .iter()
            .map(|(text, verdict, ..)| (text.as_str(), *verdict))
            .collect();
        assert!(found.contains(&("10.1%", Verdict::Supported)), "{found:?}");
        assert!(found.contains(&("9.9%", Verdict::Unverified)), "{found:?}");
    }
}

#[test]
fn a_span_of_days_holds_every_day_in_it() {
    let article = "October 31, 2022\n\nThe summit was held from Oct. 5 to Oct. 7 in Prague.";
    let verdict = |value| {
        verdict_of(
            article,
            &format!("s,{value},,,date,summit;prague,\n"),
            "Oct. 5 to Oct. 7",
        )
        .0
    };
    assert_eq!(verdict("2022-10-06"), Verdict::Supported);
    assert_eq!(verdict("2022-10-07"), Verdict::Supported);
    assert_eq!(verdict("2022-10-08"), Verdict::Contradicted);
}

#[test]
fn context_figures_get_no_verdict_without_a_fact() {
    let all = verdicts(
        "October 31, 2022\n\nIn 2020 the two countries fought a second war.",
        "f,2,,,wars,fought,\n",
    );
    assert!(all.is_empty(), "{all:?}");
}

#[test]
fn a_fact_dated_after_the_article_says_so() {
    let row = "f,30000,20000,36000,lives,conflict,2024-01-01\n";
    let all = verdicts(
        "October 31, 2022\n\nThe conflict claimed around 30,000 lives.",
        row,
    );
    assert!(
        all[0]
            .3
            .ends_with("; the reference is as of 2024-01-01, after the article's date 2022-10-31"),
        "{}",
        all[0].3
    );
}

#[test]
fn reasons_say_what_each_side_allows() {
    let all = verdicts("It sent 2,000 peacekeepers.", "f,1960,,,peacekeepers,,\n");
    assert_eq!(
        all[0].3,
        "reference: 1,960 peacekeepers (1,955–1,965) (f); \"2,000\" is a round figure for 1,900–2,100 peacekeepers"
    );
    let all = verdicts(
        "It sent 386 peacekeepers.",
        "f,286,284,287,peacekeepers,,\n",
    );
    assert_eq!(
        all[0].3,
        "reference: 286 peacekeepers (284–287) (f); \"386\" says 386 peacekeepers, which the reference rules out"
    );
}

#[test]
fn unverified_claims_say_what_is_missing() {
    let all = verdicts("It sent 2,000 peacekeepers.", "f,12,,,days,,\n");
    assert_eq!(all[0].3, "no reference fact for a count of peacekeepers");
}

#[test]
fn synonyms_let_killed_meet_deaths() {
    let row = "clashes,286,284,287,deaths,clashes,\n";
    assert_eq!(
        verdict_of("286 killed in the clashes.", row, "286"),
        (Verdict::Supported, Some("clashes".into()))
    );
    assert_eq!(
        verdict_of("The clashes claimed 286 lives.", row, "286").0,
        Verdict::Supported
    );
    assert_eq!(
        verdict_of("The clashes claimed 386 lives.", row, "386").0,
        Verdict::Contradicted
    );
}

/// The rows `suggest` proposes for an article against reference rows.
fn suggested(article: &str, rows: &str) -> Vec<claimcheck_core::Suggestion> {
    let (facts, problems) =
        claimcheck_reference::parse(Path::new("test.csv"), format!("{HEADER}{rows}").as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let index = FactIndex::new(&facts, Synonyms::default());
    let extraction = claimcheck_extract::extract(article, claimcheck_extract::Format::Plain);
    let normalized = claimcheck_normalize::normalize(extraction.mentions, None);
    let assessments = check(
        article,
        Span::new(0, article.len()),
        normalized.claims,
        None,
        &index,
    );
    let drafts = crate::suggest::drafts(article, &assessments, |offset| format!("a.md:{offset}"));
    crate::suggest::suggestions(drafts, &std::collections::HashSet::new())
}

#[test]
fn suggestions_cover_unverified_claims_with_their_figure_and_specific_words() {
    let article = "Russia deployed 2,000 peacekeepers to Karabakh. The six-week war in 2020 killed more than 6,500 troops.";
    let rows = suggested(article, "f,1960,,,peacekeepers,russia,\n");
    let summary: Vec<(&str, &str, &str, String)> = rows
        .iter()
        .map(|row| {
            (
                row.id.as_str(),
                row.value.as_str(),
                row.unit.as_str(),
                row.keywords.join(";"),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("weeks-war-2020", "6", "weeks", "war;2020".to_string()),
            (
                "troops-killed-2020",
                "6500",
                "troops",
                "killed;2020".to_string()
            ),
        ]
    );
    assert_eq!(rows[0].claim, "a.md:52");
}

#[test]
fn suggestions_write_ranges_shares_and_unique_ids() {
    let rows = suggested(
        "Between 200 and 300 people fled. Between 400 and 600 people fled.",
        "",
    );
    let cells: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|row| {
            (
                row.id.as_str(),
                row.value.as_str(),
                row.low.as_str(),
                row.high.as_str(),
            )
        })
        .collect();
    assert_eq!(
        cells,
        [
            ("people-fled", "250", "200", "300"),
            ("people-fled-2", "500", "400", "600")
        ]
    );
    let share = suggested("Two-thirds of voters backed the plan.", "");
    assert_eq!(
        (share[0].value.as_str(), share[0].unit.as_str()),
        ("66.666667", "percent")
    );
}

/// The texts found inconsistent when `articles` are cross-checked in order
/// against reference rows.
fn inconsistent(articles: &[&str], rows: &str) -> Vec<(usize, String)> {
    let (facts, problems) =
        claimcheck_reference::parse(Path::new("test.csv"), format!("{HEADER}{rows}").as_bytes());
    assert!(problems.is_empty(), "{problems:?}");
    let index = FactIndex::new(&facts, Synonyms::default());
    let mut cross = crate::cross::CrossCheck::new(&index);
    for (position, article) in articles.iter().enumerate() {
        let extraction = claimcheck_extract::extract(article, claimcheck_extract::Format::Plain);
        let claims = claimcheck_normalize::normalize(extraction.mentions, None).claims;
        let assessments = check(article, Span::new(0, article.len()), claims, None, &index);
        cross.add(position, article, &assessments, |offset| {
            format!("{position}:{offset}")
        });
    }
    cross
        .inconsistencies()
        .into_iter()
        .map(|(position, assessment)| {
            (
                position,
                assessment.claim.span.of(articles[position]).to_string(),
            )
        })
        .collect()
}

#[test]
fn cross_check_compares_claims_holding_the_same_fact() {
    let row = "clashes,286,284,287,deaths|people,clashes,\n";
    let articles = [
        "286 people were killed in the clashes.",
        "In the clashes 386 people were killed.",
    ];
    assert_eq!(inconsistent(&articles, row), [(1, "386".to_string())]);
    let agreeing = [
        "286 people were killed in the clashes.",
        "The clashes killed 286 people.",
    ];
    assert!(inconsistent(&agreeing, row).is_empty());
    // Both agree with the reference's range, but as exact counts they
    // cannot both be right.
    let exact_neighbours = [
        "286 people were killed in the clashes.",
        "The clashes killed 287 people.",
    ];
    assert_eq!(
        inconsistent(&exact_neighbours, row),
        [(1, "287".to_string())]
    );
}

#[test]
fn cross_check_leaves_forecasts_out() {
    let row = "clashes,286,284,287,deaths|people,clashes,\n";
    let articles = [
        "286 people were killed in the clashes.",
        "The clashes could kill 1,000 people.",
    ];
    assert!(inconsistent(&articles, row).is_empty());
}

#[test]
fn cross_check_without_a_fact_needs_shared_topic_words() {
    let first = "The Daugava bridge in Riga cost 40 million euros.";
    let disagreeing = "Riga's bridge over the Daugava cost 65 million euros.";
    let elsewhere = "A school in Tartu cost 65 million euros.";
    assert_eq!(
        inconsistent(&[first, disagreeing], ""),
        [(1, "65 million euros".to_string())]
    );
    assert!(
        inconsistent(&[first, elsewhere], "").is_empty(),
        "one shared word is not enough"
    );
    let both_in_one = format!("{first} {disagreeing}");
    assert!(
        inconsistent(&[both_in_one.as_str()], "").is_empty(),
        "one article is not compared with itself"
    );
}

#[test]
fn money_compares_across_scales() {
    let row = "aid,1200,,,million usd,aid,\n";
    assert_eq!(
        verdict_of("The aid package was worth $1.2bn.", row, "$1.2bn").0,
        Verdict::Supported
    );
    assert_eq!(
        verdict_of(
            "The aid package was worth 1.2 billion dollars.",
            row,
            "1.2 billion dollars"
        )
        .0,
        Verdict::Supported
    );
    assert_eq!(
        verdict_of("The aid package was worth $2bn.", row, "$2bn").0,
        Verdict::Contradicted
    );
    // Euros are not dollars: the reference's own figure in another
    // currency is the wrong currency, and another figure cannot be
    // converted without a rate.
    let (verdict, reason) = verdicts("The aid package was worth €1.2bn.", row)
        .into_iter()
        .map(|(_, verdict, _, reason)| (verdict, reason))
        .next()
        .unwrap();
    assert_eq!(verdict, Verdict::Contradicted, "{reason}");
    assert!(reason.contains("the currency is wrong"), "{reason}");
    assert_eq!(
        verdict_of("The aid package was worth €1.5bn.", row, "€1.5bn").0,
        Verdict::Unverified
    );
}

/// A fact's own figure in another currency is that fact miswritten, and
/// takes it from a figure beside it in the right currency that is about
/// something else.
#[test]
fn the_facts_own_figure_in_another_currency_takes_it() {
    let csv = "id,value,unit,keywords\nnhs,22.6,billion gbp,nhs|health\n";
    assert_verdicts(
        "The NHS gets $22.6 billion and housing £5 billion.",
        csv,
        &[
            ("$22.6 billion", Verdict::Contradicted, Some("nhs")),
            ("£5 billion", Verdict::Unverified, None),
        ],
    );
}

/// Whether each `(text, verdict, fact)` of `expected` is how `article`
/// fares against the reference `csv`.
fn assert_verdicts(article: &str, csv: &str, expected: &[(&str, Verdict, Option<&str>)]) {
    let all = verdicts_against_csv(article, csv);
    for (text, verdict, fact) in expected {
        let found = all
            .iter()
            .find(|(claim, ..)| claim == text)
            .unwrap_or_else(|| panic!("no assessment of {text:?} in {article:?}: {all:#?}"));
        assert_eq!(
            (found.1, found.2.as_deref()),
            (*verdict, *fact),
            "{text:?} in {article:?}: {}",
            found.3
        );
    }
}

#[test]
fn several_figures_of_a_sentence_each_find_their_own_fact() {
    use Verdict::{Contradicted, Supported};
    let results = "id,value,unit,keywords\n\
        revenue,91.8,billion usd,revenue\n\
        revenue-earlier,84.3,billion usd,revenue\n\
        income,22.2,billion usd,income\n\
        income-earlier,20.0,billion usd,income\n";
    assert_verdicts(
        "Revenue rose to $91.8 billion from $84.3 billion a year earlier, and net income to $22.2 billion from $20.0 billion.",
        results,
        &[
            ("$91.8 billion", Supported, Some("revenue")),
            ("$84.3 billion", Supported, Some("revenue-earlier")),
            ("$22.2 billion", Supported, Some("income")),
            ("$20.0 billion", Supported, Some("income-earlier")),
        ],
    );
    assert_verdicts(
        "Revenue rose to $93.8 billion from $84.3 billion a year earlier.",
        results,
        &[
            ("$93.8 billion", Contradicted, Some("revenue")),
            ("$84.3 billion", Supported, Some("revenue-earlier")),
        ],
    );
    let seats = "id,value,unit,keywords\n\
        labour,412,seats,labour\n\
        conservatives,121,seats,conservatives\n\
        liberal-democrats,72,seats,liberal democrats\n";
    assert_verdicts(
        "Labour won 412 seats, the Conservatives 121 and the Liberal Democrats 72.",
        seats,
        &[
            ("412", Supported, Some("labour")),
            ("121", Supported, Some("conservatives")),
            ("72", Supported, Some("liberal-democrats")),
        ],
    );
    assert_verdicts(
        "Labour won 412 seats, the Conservatives 131 and the Liberal Democrats 72.",
        seats,
        &[("131", Contradicted, Some("conservatives"))],
    );
    let parties = "id,value,unit,keywords\n\
        akp,317,seats,akp\nchp,134,seats,chp\nmhp,40,seats,mhp\n";
    assert_verdicts(
        "The AKP won 317 seats, the CHP 134 and the MHP 40.",
        parties,
        &[
            ("317", Supported, Some("akp")),
            ("134", Supported, Some("chp")),
            ("40", Supported, Some("mhp")),
        ],
    );
}

#[test]
fn the_counted_noun_meets_its_fact_as_a_reader_would() {
    use Verdict::Supported;
    let crash = "id,value,unit,keywords\n\
        iranians,82,people,iranian|iranians\n\
        canadians,63,canadians,crash\n\
        on-board,176,deaths|people,crash\n";
    assert_verdicts(
        "The crash killed all 176 on board, including 82 Iranians and the 63 Canadians on board.",
        crash,
        &[
            ("176", Supported, Some("on-board")),
            ("82", Supported, Some("iranians")),
            ("63", Supported, Some("canadians")),
        ],
    );
    assert_verdicts(
        "Eighteen more died overnight in the storm.",
        "id,value,unit,keywords\novernight,18,deaths,overnight\n",
        &[("Eighteen", Supported, Some("overnight"))],
    );
    assert_verdicts(
        "The valley's 2,300 farms were flooded.",
        "id,value,unit,keywords\nfarms,2300,farms,valley\n",
        &[("2,300", Supported, Some("farms"))],
    );
    assert_verdicts(
        "As many as 33 million were affected by the floods.",
        "id,value,unit,keywords\naffected,33000000,people,floods\n",
        &[("As many as 33 million", Supported, Some("affected"))],
    );
    assert_verdicts(
        "Payrolls grew by 187,000 in August and 263,000 in September.",
        "id,value,unit,keywords\n\
         august,187000,jobs|payrolls,august\nseptember,263000,jobs|payrolls,september\n",
        &[
            ("187,000", Supported, Some("august")),
            ("263,000", Supported, Some("september")),
        ],
    );
    assert_verdicts(
        "Unemployment was 9.1%, up from 7.8% a year earlier.",
        "id,value,unit,keywords\nnow,9.1,percent,unemployment\nbefore,7.8,percent,unemployment\n",
        &[
            ("9.1%", Supported, Some("now")),
            ("7.8%", Supported, Some("before")),
        ],
    );
}

#[test]
fn a_round_figure_is_no_licence() {
    use Verdict::{Contradicted, Supported};
    // (sentence, reference row under "id,value,unit,keywords", figure, verdict)
    let cases = [
        (
            "The storm killed 10 people.",
            "f,12,people,storm",
            "10",
            Contradicted,
        ),
        (
            "The plan cost $10m.",
            "f,12500000,usd,plan",
            "$10m",
            Contradicted,
        ),
        (
            "The storm dumped 200 mm of rain.",
            "f,240,mm,rain",
            "200 mm",
            Contradicted,
        ),
        (
            "It was a ten-week war.",
            "f,44,days,war",
            "ten-week",
            Contradicted,
        ),
        (
            "Russia sent 2,000 peacekeepers.",
            "f,1960,peacekeepers,russia",
            "2,000",
            Supported,
        ),
        (
            "It was a six-week war.",
            "f,44,days,war",
            "six-week",
            Supported,
        ),
        (
            "It rained about 220 mm.",
            "f,240,mm,rained",
            "about 220 mm",
            Supported,
        ),
        // A reference value is often itself a figure a source reported.
        (
            "More than 13,000 people were killed.",
            "f,13000,people,killed",
            "More than 13,000",
            Supported,
        ),
        (
            "Nearly 6.5 million fled the fighting.",
            "f,6500000,people,fled",
            "Nearly 6.5 million",
            Supported,
        ),
        (
            "More than 14.6 million fled the fighting.",
            "f,14600000,people,fled",
            "More than 14.6 million",
            Supported,
        ),
        (
            "More than 20,000 people were killed.",
            "f,13000,people,killed",
            "More than 20,000",
            Contradicted,
        ),
        // ... but seldom of a "fewer than": that is held to the value.
        (
            "Fewer than 13,000 people were killed.",
            "f,13000,people,killed",
            "Fewer than 13,000",
            Contradicted,
        ),
    ];
    for (sentence, row, text, verdict) in cases {
        let csv = format!("id,value,unit,keywords\n{row}\n");
        assert_verdicts(sentence, &csv, &[(text, verdict, Some("f"))]);
    }
}

#[test]
fn forecasts_pledges_and_targets_are_facts_too() {
    use Verdict::{Contradicted, Supported, Unverified};
    let forecast = "id,value,unit,keywords,role\nimf,3.2,percent,imf;growth,forecast\n";
    assert_verdicts(
        "The IMF now forecasts growth of 3.2% this year.",
        forecast,
        &[("3.2%", Supported, Some("imf"))],
    );
    assert_verdicts(
        "The IMF now forecasts growth of 4% this year.",
        forecast,
        &[("4%", Contradicted, Some("imf"))],
    );
    // A row that names what it holds needs no role column.
    assert_verdicts(
        "The IMF now forecasts growth of 4% this year.",
        "id,value,unit,keywords\nimf-growth-forecast,3.2,percent,imf;growth\n",
        &[("4%", Contradicted, Some("imf-growth-forecast"))],
    );
    assert_verdicts(
        "It would provide $15m for the dam.",
        "id,value,unit,keywords,role\ndam,12.5,million usd,dam,pledge\n",
        &[("$15m", Contradicted, Some("dam"))],
    );
    // Across an outcome and a forecast, a difference proves nothing.
    assert_verdicts(
        "The IMF now forecasts growth of 4% this year.",
        "id,value,unit,keywords,role\nimf,3.2,percent,imf;growth,outcome\n",
        &[("4%", Unverified, None)],
    );
}

#[test]
fn ages_times_multiples_and_conversions_meet_their_own_kind() {
    use Verdict::{Contradicted, Supported, Unverified};
    let race = "id,value,unit,keywords\n\
        kiptum-time,7235,seconds,kiptum\n\
        kiptum-age,23,years,kiptum\n\
        margin,23,seconds,margin\n";
    assert_verdicts(
        "Kiptum finished in 2:00:35, and the 23-year-old won by a margin of 36 seconds.",
        race,
        &[
            ("2:00:35", Supported, Some("kiptum-time")),
            ("23-year-old", Supported, Some("kiptum-age")),
            ("36 seconds", Contradicted, Some("margin")),
        ],
    );
    assert_verdicts(
        "Sales nearly tripled at the company.",
        "id,value,unit,keywords\nsales,2.9,times,sales\n",
        &[("nearly tripled", Supported, Some("sales"))],
    );
    assert_verdicts(
        "The epicentre was about 72 km (54 miles) from Marrakech.",
        "id,value,unit,keywords\nepicentre,72,km,epicentre\n",
        &[
            ("about 72 km", Supported, Some("epicentre")),
            ("54 miles", Contradicted, Some("epicentre")),
        ],
    );
    // A length of time far from the fact's unit is about something else.
    assert_verdicts(
        "She had won in Budapest six weeks earlier, and Kiptum finished in 2:00:35.",
        race,
        &[("six weeks", Unverified, None)],
    );
}

#[test]
fn suggested_rows_keep_qualifiers_and_never_contradict_their_article() {
    let article = "Nearly 90% of voters backed the plan. Unemployment rose to 9.1% from 7.8% in 2019, officials said. More than 6,500 troops died in the war.";
    let rows = suggested(article, "");
    let by_value = |value: &str| {
        rows.iter()
            .find(|row| row.value == value)
            .unwrap_or_else(|| panic!("no row of {value}: {rows:#?}"))
    };
    let nearly = by_value("90");
    assert_eq!((nearly.low.as_str(), nearly.high.as_str()), ("81", "90"));
    let more_than = by_value("6500");
    assert_eq!(
        (more_than.low.as_str(), more_than.high.as_str()),
        ("6500", "")
    );
    // Keywords come from the figure's own context, never a verb of change:
    // the year the rate rose from is the earlier value's.
    assert_eq!(by_value("9.1").keywords, ["unemployment"]);
    let earlier = &by_value("7.8").keywords;
    assert!(
        earlier.contains(&"2019".to_string()) && !earlier.contains(&"unemployment".to_string()),
        "{earlier:?}"
    );
    assert!(
        rows.iter()
            .all(|row| !row.keywords.iter().any(|word| word == "rose"))
    );
    // Taken as a reference, the rows support every figure they came from.
    let mut csv = String::from("id,value,low,high,unit,keywords\n");
    for row in &rows {
        let _ = writeln!(
            csv,
            "{},{},{},{},{},{}",
            row.id,
            row.value,
            row.low,
            row.high,
            row.unit,
            row.keywords.join(";")
        );
    }
    for (text, verdict, ..) in verdicts_against_csv(article, &csv) {
        assert!(
            !matches!(text.as_str(), "2019"),
            "a year is context, not a claim"
        );
        assert_eq!(verdict, Verdict::Supported, "{text} against\n{csv}");
    }
}

#[test]
fn equal_figures_that_fit_equally_well_are_ambiguous_when_one_is_wrong() {
    // Two figures of 1,200 fit the two counts of the border equally; one
    // of the two is wrong, and the paragraph cannot tell which.
    let rows = "id,value,unit,keywords\n\
        border-agency,1200,refugees,border\n\
        aid-groups,1500,refugees,border\n";
    let all = verdicts_against_csv(
        "Two counts came from the border. Officials found 1,200 refugees at one crossing and 1,200 at the other.",
        rows,
    );
    let verdicts: Vec<Verdict> = all.iter().map(|(_, verdict, ..)| *verdict).collect();
    assert!(verdicts.contains(&Verdict::Ambiguous), "{all:#?}");
    assert!(!verdicts.contains(&Verdict::Contradicted), "{all:#?}");
}

/// A figure its sentence puts in a year before any the fact is of is
/// another year's figure: it cannot rule the fact out. A year a period
/// starts in, a year the article does not write, and an age put no figure
/// in a year.
#[test]
fn another_years_figure_is_not_contradicted() {
    let csv = "id,value,unit,keywords,as_of\n\
               lepen-share-2022,41.45,percent,le pen,2022-04-25\n\
               labour-seats,412,seats,labour,2024-07-06\n\
               illiteracy-2010,4.08,percent,illiteracy,2010-11-01\n";
    let cases = [
        ("Le Pen won 33.9% in 2017.", "33.9%", Verdict::Unverified),
        ("In 2017, Le Pen won 33.9%.", "33.9%", Verdict::Unverified),
        ("Le Pen won 33.9% in 2022.", "33.9%", Verdict::Contradicted),
        (
            "Le Pen won 33.9% this year.",
            "33.9%",
            Verdict::Contradicted,
        ),
        // A year's total is often reported in the next.
        (
            "Labour won 413 seats in 2023.",
            "413",
            Verdict::Contradicted,
        ),
        ("Labour won 413 seats in 2001.", "413", Verdict::Unverified),
        // The year a period starts in places nothing.
        (
            "Labour won 413 seats, its best since 2001.",
            "413",
            Verdict::Contradicted,
        ),
        // A year places what comes before it in its clause.
        (
            "Labour has 413 seats, behind the 418 seats it won in 2001.",
            "413",
            Verdict::Contradicted,
        ),
        // A year that opens a sentence or a "when" clause places what
        // follows it.
        (
            "The margin was narrower than in 2017, when Macron won 66.1% to Le Pen's 33.9%.",
            "33.9%",
            Verdict::Unverified,
        ),
        (
            "In 2017, Le Pen won 21.3% and then 33.9%.",
            "33.9%",
            Verdict::Unverified,
        ),
        (
            "In 2017 she lost, and in 2022 Le Pen won 33.9%.",
            "33.9%",
            Verdict::Contradicted,
        ),
        // The year of the earlier figure is not the current one's.
        (
            "The illiteracy rate fell to 2.67% from 4.8% in 2010.",
            "2.67%",
            Verdict::Unverified,
        ),
        (
            "The illiteracy rate fell to 4.8% in 2010 from 6.7%.",
            "4.8%",
            Verdict::Contradicted,
        ),
    ];
    assert_each_verdict(csv, &cases);
}

/// "More than" a reference's own value agrees with it: the reference took
/// the source's bound for its value ("more than three years" as 3 years).
/// "Fewer than" it does not, and a bound past the value does not either.
#[test]
fn more_than_the_references_value_agrees_with_it() {
    let csv = "id,value,unit,keywords\nwar-length,3,years,war\ntoll,12,people,storm\n";
    let cases = [
        (
            "The war has lasted more than three years.",
            "more than three years",
            Verdict::Supported,
        ),
        (
            "The war has lasted more than four years.",
            "more than four years",
            Verdict::Contradicted,
        ),
        (
            "The storm killed more than 12 people.",
            "more than 12",
            Verdict::Supported,
        ),
        (
            "The storm killed fewer than 12 people.",
            "fewer than 12",
            Verdict::Contradicted,
        ),
    ];
    assert_each_verdict(csv, &cases);
}

/// Whether each `(article, text, verdict)` is how the figure `text` of
/// its one-sentence `article` fares against the reference `csv`.
fn assert_each_verdict(csv: &str, cases: &[(&str, &str, Verdict)]) {
    for &(article, text, verdict) in cases {
        let found = verdicts_against_csv(article, csv)
            .into_iter()
            .find(|(claim, ..)| claim == text)
            .unwrap_or_else(|| panic!("no assessment of {text:?} in {article:?}"));
        assert_eq!(found.1, verdict, "{text:?} in {article:?}: {}", found.3);
    }
}
