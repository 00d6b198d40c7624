//! The number finder on sentences written for these tests: what a reader checking an article
//! would expect for each kind of figure, qualifier, range and non-quantity.

use quotelens::analysis::numbers::find;
use quotelens::{Document, Figure, FigureKind, Meta, Span};

/// All figures in `text`, with their text.
fn figures(text: &str) -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    find(text, Span::new(0, text.len()), &mut out);
    out.into_iter()
        .map(|f| (f.span.text(text).to_string(), f))
        .collect()
}

/// The figure whose text is exactly `needle`; fails with the list of figures found otherwise.
fn figure(text: &str, needle: &str) -> Figure {
    let all = figures(text);
    all.iter()
        .find(|(t, _)| t == needle)
        .map(|(_, f)| f.clone())
        .unwrap_or_else(|| {
            let found: Vec<_> = all
                .iter()
                .map(|(t, f)| format!("{t:?} {:?}", f.kind))
                .collect();
            panic!("no figure {needle:?} in {text:?}; found {found:?}")
        })
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Checks a figure's kind, value and unit.
#[track_caller]
fn check(text: &str, needle: &str, kind: FigureKind, value: f64, unit: Option<&str>) -> Figure {
    let f = figure(text, needle);
    assert_eq!(f.kind, kind, "kind of {needle:?} in {text:?}");
    let v = f.value.unwrap_or(f64::NAN);
    assert!(
        close(v, value),
        "value of {needle:?}: {v} (expected {value})"
    );
    assert_eq!(f.unit.as_deref(), unit, "unit of {needle:?} in {text:?}");
    f
}

#[track_caller]
fn check_range(text: &str, needle: &str, low: f64, high: f64, unit: Option<&str>) {
    let f = check(text, needle, FigureKind::Range, low, unit);
    let h = f.value_high.unwrap_or(f64::NAN);
    assert!(
        close(h, high),
        "upper bound of {needle:?}: {h} (expected {high})"
    );
}

#[track_caller]
fn check_kind(text: &str, needle: &str, kind: FigureKind) {
    let f = figure(text, needle);
    assert_eq!(f.kind, kind, "kind of {needle:?} in {text:?}");
}

#[track_caller]
fn no_figure(text: &str) {
    let all: Vec<String> = figures(text).into_iter().map(|(t, _)| t).collect();
    assert!(
        all.is_empty(),
        "expected no figure in {text:?}, found {all:?}"
    );
}

use FigureKind::*;

// Digits and words.

#[test]
fn integers_with_separators_and_decimals() {
    let s = "The plant employs 48,500 people and produced 1,463.78 tonnes.";
    check(s, "48,500", Count, 48500.0, Some("people"));
    check(s, "1,463.78 tonnes", Measure, 1463.78, Some("tonne"));
    check("Losses rose to .25 of a point.", ".25", Count, 0.25, None);
}

#[test]
fn magnitudes_in_words_and_letters() {
    check(
        "Some 1.2 million voters stayed home.",
        "Some 1.2 million",
        Count,
        1.2e6,
        Some("voter"),
    );
    check(
        "The deal is worth £7.1m.",
        "£7.1m",
        Money,
        7.1e6,
        Some("GBP"),
    );
    check("A €3bn fund was set up.", "€3bn", Money, 3e9, Some("EUR"));
    check(
        "Crude closed at US$58.24.",
        "US$58.24",
        Money,
        58.24,
        Some("USD"),
    );
    check("It lost $1tn in value.", "$1tn", Money, 1e12, Some("USD"));
    check(
        "There were 4 hundred million viewers.",
        "4 hundred million",
        Count,
        4e8,
        Some("viewer"),
    );
    check(
        "Sales reached 4.3M units.",
        "4.3M",
        Count,
        4.3e6,
        Some("unit"),
    );
}

#[test]
fn numbers_in_words() {
    check(
        "Seventeen people were hurt.",
        "Seventeen",
        Count,
        17.0,
        Some("people"),
    );
    check(
        "She has twenty-six cousins.",
        "twenty-six",
        Count,
        26.0,
        Some("cousin"),
    );
    check(
        "He bought a dozen eggs.",
        "a dozen",
        Count,
        12.0,
        Some("egg"),
    );
    check(
        "It has two million subscribers.",
        "two million",
        Count,
        2e6,
        Some("subscriber"),
    );
    check(
        "It cost five million pounds.",
        "five million pounds",
        Money,
        5e6,
        Some("GBP"),
    );
    check(
        "He lost 30 pounds.",
        "30 pounds",
        Measure,
        30.0,
        Some("pound-mass"),
    );
    check_range(
        "Billions of pounds were lost.",
        "Billions of pounds",
        1e9,
        1e10,
        Some("GBP"),
    );
    check(
        "The village has three hundred and forty-two homes.",
        "three hundred and forty-two",
        Count,
        342.0,
        Some("home"),
    );
    check(
        "It took two and a half years.",
        "two and a half years",
        Duration,
        2.5,
        Some("year"),
    );
    check(
        "Half a million tickets were sold.",
        "Half a million",
        Count,
        5e5,
        Some("ticket"),
    );
}

// Percentages and points.

#[test]
fn percentages() {
    check(
        "Inflation was 6.3% in May.",
        "6.3%",
        Percent,
        6.3,
        Some("%"),
    );
    check(
        "Some 91 percent agreed.",
        "Some 91 percent",
        Percent,
        91.0,
        Some("%"),
    );
    check(
        "Turnout fell 19 per cent.",
        "19 per cent",
        Percent,
        19.0,
        Some("%"),
    );
    check("Gilts yield 1.38pc.", "1.38pc", Percent, 1.38, Some("%"));
    check(
        "Shares fell -1.4% on Monday.",
        "-1.4%",
        Percent,
        -1.4,
        Some("%"),
    );
}

#[test]
fn percentage_and_basis_points() {
    check(
        "Support dropped 2.5 percentage points.",
        "2.5 percentage points",
        PercentagePoints,
        2.5,
        Some("percentage point"),
    );
    check(
        "The bank raised rates by 25 basis points.",
        "25 basis points",
        PercentagePoints,
        25.0,
        Some("basis point"),
    );
}

// Money.

#[test]
fn money_with_symbols_codes_and_words() {
    let s = "Revenue was $51.8 billion, or 333.6 million yen, or HK $5.4m.";
    check(s, "$51.8 billion", Money, 51.8e9, Some("USD"));
    check(s, "333.6 million yen", Money, 333.6e6, Some("JPY"));
    check(s, "HK $5.4m", Money, 5.4e6, Some("HKD"));
    check(
        "A fine of 10.5 million Australian dollars.",
        "10.5 million Australian dollars",
        Money,
        10.5e6,
        Some("AUD"),
    );
    check("The yacht cost USD10m.", "USD10m", Money, 1e7, Some("USD"));
    check(
        "The rate is 110 JPY to the dollar.",
        "110 JPY",
        Money,
        110.0,
        Some("JPY"),
    );
    check(
        "Shares rose to RM23.50.",
        "RM23.50",
        Money,
        23.5,
        Some("MYR"),
    );
    check("A laptop for 1,200€.", "1,200€", Money, 1200.0, Some("EUR"));
    check(
        "Properties worth $A82,615,680.",
        "$A82,615,680",
        Money,
        82_615_680.0,
        Some("AUD"),
    );
    check(
        "Shares fell 19 cents.",
        "19 cents",
        Money,
        19.0,
        Some("cent"),
    );
    check(
        "The stock closed at 118.5p.",
        "118.5p",
        Money,
        118.5,
        Some("pence"),
    );
    check(
        "Debt rose to $-50.8bn.",
        "$-50.8bn",
        Money,
        -50.8e9,
        Some("USD"),
    );
}

#[test]
fn money_rates() {
    check(
        "Oil rose to $58.24 per barrel.",
        "$58.24 per barrel",
        Money,
        58.24,
        Some("USD per barrel"),
    );
    check(
        "They pay a $3500 a month mortgage.",
        "$3500 a month",
        Money,
        3500.0,
        Some("USD per month"),
    );
    check(
        "Profit was 63 cents per share.",
        "63 cents per share",
        Money,
        63.0,
        Some("cent per share"),
    );
    // A time after money is not a rate.
    check(
        "Up from $6.78 billion a year earlier.",
        "$6.78 billion",
        Money,
        6.78e9,
        Some("USD"),
    );
}

// Counts, measures, durations, ages.

#[test]
fn counts_take_the_counted_noun_as_unit() {
    check(
        "The firm cut 120 staff.",
        "120",
        Count,
        120.0,
        Some("staff"),
    );
    check(
        "Over 80 subjects of Russia take part.",
        "Over 80",
        Count,
        80.0,
        Some("subject"),
    );
    check(
        "It looked at seven European countries.",
        "seven",
        Count,
        7.0,
        Some("European country"),
    );
    check(
        "As many as 14 first-team players left.",
        "As many as 14",
        Count,
        14.0,
        Some("first-team player"),
    );
    check(
        "About 60 commercial fishermen work here.",
        "About 60",
        Count,
        60.0,
        Some("commercial fisherman"),
    );
    check(
        "One proposal asks the board to act.",
        "One",
        Count,
        1.0,
        Some("proposal"),
    );
    check(
        "It is one of the two phones around.",
        "one",
        Count,
        1.0,
        Some("phone"),
    );
}

#[test]
fn measures_with_units() {
    check(
        "The range is 287 miles.",
        "287 miles",
        Measure,
        287.0,
        Some("mile"),
    );
    check("A 5 km run.", "5 km", Measure, 5.0, Some("kilometre"));
    check(
        "Winds reached 155mph.",
        "155mph",
        Measure,
        155.0,
        Some("mile per hour"),
    );
    check(
        "It has a top speed of 80km/h.",
        "80km/h",
        Measure,
        80.0,
        Some("kilometre per hour"),
    );
    check(
        "The tuna weighed 278kg.",
        "278kg",
        Measure,
        278.0,
        Some("kilogram"),
    );
    check(
        "It can hit 500 degrees celsius.",
        "500 degrees celsius",
        Measure,
        500.0,
        Some("degree Celsius"),
    );
    check(
        "The angle was 30 degrees.",
        "30 degrees",
        Measure,
        30.0,
        Some("degree"),
    );
    check(
        "The flat is 32m2.",
        "32m2",
        Measure,
        32.0,
        Some("square metre"),
    );
    check("A 6.1-inch screen.", "6.1-inch", Measure, 6.1, Some("inch"));
    check(
        "It dipped to minus 233 Celsius.",
        "minus 233 Celsius",
        Measure,
        -233.0,
        Some("degree Celsius"),
    );
    check(
        "The skeleton is 37m long.",
        "37m",
        Measure,
        37.0,
        Some("metre"),
    );
    check(
        "Fifty million people (50m people) watched.",
        "50m",
        Count,
        5e7,
        Some("people"),
    );
}

#[test]
fn durations() {
    check(
        "She waited nine months.",
        "nine months",
        Duration,
        9.0,
        Some("month"),
    );
    check(
        "He served 12 years.",
        "12 years",
        Duration,
        12.0,
        Some("year"),
    );
    check(
        "A five-year plan.",
        "five-year",
        Duration,
        5.0,
        Some("year"),
    );
    check(
        "It orbits every 33 years.",
        "33 years",
        Duration,
        33.0,
        Some("year"),
    );
}

#[test]
fn ages() {
    check(
        "Ana Silva, 58, said she would stay.",
        "58",
        Age,
        58.0,
        Some("year of age"),
    );
    check(
        "A 33-year-old man was arrested.",
        "33-year-old",
        Age,
        33.0,
        Some("year of age"),
    );
    check(
        "The patient, aged 71, recovered.",
        "71",
        Age,
        71.0,
        Some("year of age"),
    );
    check(
        "He is 58 years old.",
        "58 years old",
        Age,
        58.0,
        Some("year of age"),
    );
    check(
        "Her 18-month-old daughter slept.",
        "18-month-old",
        Age,
        18.0,
        Some("month of age"),
    );
    check_range(
        "For readers aged nine to 11.",
        "nine to 11",
        9.0,
        11.0,
        Some("year of age"),
    );
    check(
        "A man in his 50s was seen.",
        "50s",
        Age,
        50.0,
        Some("year of age"),
    );
}

#[test]
fn fractions() {
    check(
        "Three-quarters of voters agreed.",
        "Three-quarters",
        Fraction,
        0.75,
        None,
    );
    check(
        "A quarter of the budget went.",
        "A quarter",
        Fraction,
        0.25,
        None,
    );
    check(
        "Almost half of them left.",
        "Almost half",
        Fraction,
        0.5,
        None,
    );
    check(
        "Nearly two-thirds of sales.",
        "Nearly two-thirds",
        Fraction,
        2.0 / 3.0,
        None,
    );
    check(
        "A third of staff quit.",
        "A third",
        Fraction,
        1.0 / 3.0,
        None,
    );
    check(
        "One in three adults smoke.",
        "One in three",
        Fraction,
        1.0 / 3.0,
        None,
    );
    check(
        "Eight out of 10 cats agreed.",
        "Eight out of 10",
        Fraction,
        0.8,
        None,
    );
    check("Use 1/16 of a cup.", "1/16", Fraction, 0.0625, None);
}

#[test]
fn multipliers() {
    check("Prices rose tenfold.", "tenfold", Multiplier, 10.0, None);
    check(
        "There were twice as many cases.",
        "twice",
        Multiplier,
        2.0,
        None,
    );
    check(
        "It sold three times as many.",
        "three times",
        Multiplier,
        3.0,
        None,
    );
    check(
        "The stock trades at 6.5 times earnings.",
        "6.5 times",
        Multiplier,
        6.5,
        None,
    );
    check("Exports grew 3-fold.", "3-fold", Multiplier, 3.0, None);
}

// Ranges.

#[test]
fn ranges() {
    check_range(
        "Growth of between 5 and 7 percent.",
        "between 5 and 7 percent",
        5.0,
        7.0,
        Some("%"),
    );
    check_range(
        "The range rose from 252 to 287 miles.",
        "from 252 to 287 miles",
        252.0,
        287.0,
        Some("mile"),
    );
    check_range("A 5-10W laser.", "5-10W", 5.0, 10.0, Some("watt"));
    check_range(
        "It goes 0 to 80km/h fast.",
        "0 to 80km/h",
        0.0,
        80.0,
        Some("kilometre per hour"),
    );
    check_range(
        "A fine of $3-5 million.",
        "$3-5 million",
        3e6,
        5e6,
        Some("USD"),
    );
    check_range(
        "Over the past three or four years.",
        "three or four years",
        3.0,
        4.0,
        Some("year"),
    );
    check_range(
        "There are 1 to 2 thousand people.",
        "1 to 2 thousand",
        1000.0,
        2000.0,
        Some("people"),
    );
    check_range(
        "Prices range from $370,000 to $5.5 million.",
        "from $370,000 to $5.5 million",
        370_000.0,
        5.5e6,
        Some("USD"),
    );
    // A range as the second end: the first number is a figure of its own, in the range's unit.
    let s = "Output should grow from 1.8 to 2-2.5 million tonnes by 2030.";
    check(s, "1.8", Measure, 1.8e6, Some("tonne"));
    check_range(s, "2-2.5 million tonnes", 2e6, 2.5e6, Some("tonne"));
    let s = "Sales are forecast to rise from 40 to 55-60 billion dollars.";
    check(s, "40", Money, 40e9, Some("USD"));
    check_range(s, "55-60 billion dollars", 55e9, 60e9, Some("USD"));
    check_range(
        "Tens of thousands of students study here.",
        "Tens of thousands",
        1e4,
        1e5,
        Some("student"),
    );
    check_range(
        "Dozens of people were hurt.",
        "Dozens",
        12.0,
        120.0,
        Some("people"),
    );
    check_range(
        "Fruit prices will rise between 5% and 6%.",
        "between 5% and 6%",
        5.0,
        6.0,
        Some("%"),
    );
}

#[test]
fn different_units_do_not_make_a_range() {
    let s = "Exports fell 7% to $2.3 billion.";
    check(s, "7%", Percent, 7.0, Some("%"));
    check(s, "$2.3 billion", Money, 2.3e9, Some("USD"));
    let s = "Pluristem rose 8.15% to 3.65.";
    check(s, "8.15%", Percent, 8.15, Some("%"));
    check(s, "3.65", Count, 3.65, None);
}

// Qualifiers.

#[test]
fn qualifiers() {
    let cases = [
        ("nearly 87%", "nearly"),
        ("about 35 miles", "about"),
        ("around 600", "around"),
        ("roughly $2.11", "roughly"),
        ("over $100 million", "over"),
        ("more than 700", "more than"),
        ("less than 20 percent", "less than"),
        ("up to $8 million", "up to"),
        ("at least 40", "at least"),
        ("almost 57%", "almost"),
        ("fewer than 3.5 seconds", "fewer than"),
        ("~45g", "about"),
    ];
    for (needle, q) in cases {
        let text = format!("They said {needle} in total.");
        let f = figure(&text, needle);
        assert_eq!(f.qualifier.as_deref(), Some(q), "qualifier of {needle:?}");
    }
    let f = figure("We expect 50 or more guests.", "50 or more");
    assert_eq!(f.qualifier.as_deref(), Some("or more"));
}

// Not quantities.

#[test]
fn dates_years_and_times() {
    check_kind("Talks were held on 13 March.", "13 March", Date);
    check_kind(
        "It opened on March 3, 2021, in Paris.",
        "March 3, 2021",
        Date,
    );
    check_kind("The year ends Oct. 31.", "Oct. 31", Date);
    check_kind("It was founded in November 2019.", "November 2019", Date);
    check_kind("The ISO date 2021-03-13 is set.", "2021-03-13", Date);
    check_kind("Trade rose in 2024.", "2024", Year);
    check_kind("Keytruda's 2018 sales jumped.", "2018", Year);
    check_kind("The 1990s were different.", "1990s", Year);
    check_kind("They met at 3 p.m. sharp.", "3 p.m.", Time);
    check_kind("Bitcoin fell at 10.45pm.", "10.45pm", Time);
    check_kind("It starts at 5:00 AM PDT.", "5:00 AM PDT", Time);
    let f = figure("Trade rose in 2024.", "2024");
    assert_eq!(f.value, Some(2024.0));
}

#[test]
fn years_between_years_stay_years() {
    let all = figures("Between 1600 and 1900 temperatures dropped by 1 to 1.5 degrees.");
    let kinds: Vec<_> = all.iter().map(|(t, f)| (t.as_str(), f.kind)).collect();
    assert!(kinds.contains(&("1600", Year)), "{kinds:?}");
    assert!(kinds.contains(&("1900", Year)), "{kinds:?}");
    check_range(
        "Between 1600 and 1900 temperatures dropped by 1 to 1.5 degrees.",
        "1 to 1.5 degrees",
        1.0,
        1.5,
        Some("degree"),
    );
}

#[test]
fn ordinals() {
    let f = check("The 80th anniversary.", "80th", Ordinal, 80.0, None);
    assert_eq!(f.value_high, None);
    check("It was the first time.", "first", Ordinal, 1.0, None);
    check(
        "The twenty-first century.",
        "twenty-first",
        Ordinal,
        21.0,
        None,
    );
}

#[test]
fn identifiers() {
    check_kind("Under Section 427 of the code.", "Section 427", Identifier);
    check_kind("Tests for COVID-19 were sent.", "COVID-19", Identifier);
    check_kind("Two F-16 jets flew over.", "F-16", Identifier);
    check_kind("Call 020 7946 0958 today.", "020 7946 0958", Identifier);
    check_kind("Call (555) 123-4567 today.", "(555) 123-4567", Identifier);
    check_kind("Install version 1.2.3 first.", "version 1.2.3", Identifier);
    check_kind("The Big 12 conference.", "Big 12", Identifier);
    check_kind("It tied Game 7 at home.", "Game 7", Identifier);
    check_kind("The iPhone 11 has a good camera.", "iPhone 11", Identifier);
    check_kind(
        "They live at 575 Wilbraham Road, Manchester.",
        "575 Wilbraham Road",
        Identifier,
    );
    check_kind("A new XC40 arrived.", "XC40", Identifier);
    let f = figure("Under Section 427 of the code.", "Section 427");
    assert_eq!(f.value, None);
}

#[test]
fn words_that_are_not_figures() {
    no_figure("They held a one-on-one meeting.");
    no_figure("One side wanted peace and the other one did not.");
    no_figure("It comes up one way or another.");
    no_figure("He spoke to BBC One about it.");
    no_figure("It was the same one as before.");
    no_figure("Each one they lose is a blow.");
    no_figure("They hope for double-digit growth.");
    no_figure("Greenwood scored twice as United won.");
    no_figure("A third-party review was ordered.");
    // "half" as a period of play
    let all = figures("He scored in the first half.");
    assert!(all.iter().all(|(_, f)| f.kind == Ordinal), "{all:?}");
}

// Spans.

#[test]
fn spans_keep_qualifier_currency_and_magnitude() {
    let s = "Nearly 87% voted; trade hit $51.8 billion. Over 80 regions joined.";
    let texts: Vec<String> = figures(s).into_iter().map(|(t, _)| t).collect();
    assert_eq!(texts, ["Nearly 87%", "$51.8 billion", "Over 80"]);
}

#[test]
fn spans_are_on_char_boundaries_in_order() {
    let s =
        "Ngātiwai iwi — about 1½ km from Zürich — paid ₹500 and €3bn; “nearly 87%” said Æsa, 58.";
    let all = figures(s);
    assert!(all.len() >= 4, "{all:?}");
    let mut last = 0;
    for (t, f) in &all {
        assert!(
            s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end),
            "{t:?}"
        );
        assert!(
            f.span.start >= last,
            "figures overlap or are out of order: {all:?}"
        );
        last = f.span.end;
    }
    check(s, "about 1½ km", Measure, 1.5, Some("kilometre"));
    check(s, "₹500", Money, 500.0, Some("INR"));
}

#[test]
fn only_the_given_span_is_read() {
    let s = "First 12 apples. Then 13 pears.";
    let start = s.find("Then").unwrap_or(0);
    let mut out = Vec::new();
    find(s, Span::new(start, s.len()), &mut out);
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].span.text(s), "13");
}

// Sources, through the whole engine.

fn analyze(text: &str) -> quotelens::Analysis {
    quotelens::analyze(&Document::from_text(text, Meta::default()))
}

fn source_of(a: &quotelens::Analysis, text: &str, needle: &str) -> Option<String> {
    let doc_text = text;
    let f = a
        .numbers
        .iter()
        .find(|f| f.span.text(doc_text) == needle)
        .unwrap_or_else(|| panic!("no figure {needle:?}"));
    f.source.map(|s| a.speakers[s].name.clone())
}

#[test]
fn sources_come_from_quotes_and_reported_speech() {
    let text = "Maria Lopez, the finance minister, said: “Exports rose 12% this year.”\n\n\
                Ben Carter said that nearly 40 factories would close.\n\n\
                According to Ben Carter, the plan costs $2 billion.\n\n\
                The river is 300 miles long.\n";
    let a = analyze(text);
    assert_eq!(source_of(&a, text, "12%").as_deref(), Some("Maria Lopez"));
    assert_eq!(
        source_of(&a, text, "nearly 40").as_deref(),
        Some("Ben Carter")
    );
    assert_eq!(
        source_of(&a, text, "$2 billion").as_deref(),
        Some("Ben Carter")
    );
    assert_eq!(source_of(&a, text, "300 miles"), None);
}

#[test]
fn the_sample_article_cites_its_numbers() {
    let text = include_str!("../assets/kremlin-talks.txt");
    let a = analyze(text);
    let get = |needle: &str| -> Vec<&Figure> {
        a.numbers
            .iter()
            .filter(|f| f.span.text(text) == needle)
            .collect()
    };
    let one = |needle: &str| -> &Figure {
        get(needle)
            .first()
            .copied()
            .unwrap_or_else(|| panic!("no figure {needle:?}"))
    };
    assert_eq!(one("13 March").kind, Date);
    assert_eq!(one("9 May").kind, Date);
    assert_eq!(one("2024").kind, Year);
    assert_eq!(get("80th").len(), 2);
    let nearly = one("nearly 87%");
    assert_eq!((nearly.kind, nearly.value), (Percent, Some(87.0)));
    assert_eq!(nearly.qualifier.as_deref(), Some("nearly"));
    let money = one("$51.8 billion");
    assert_eq!((money.kind, money.unit.as_deref()), (Money, Some("USD")));
    let over = one("Over 80");
    assert_eq!(
        (over.kind, over.qualifier.as_deref()),
        (Count, Some("over"))
    );
    let name = |f: &Figure| f.source.map(|s| a.speakers[s].name.clone());
    assert_eq!(name(nearly).as_deref(), Some("Aleksandr Lukashenko"));
    assert!(
        name(money).is_some(),
        "the trade figure is cited by the Belarusian side"
    );
    assert_eq!(name(over), None);
}

// Issue 13: units and currencies from the generated table, ranges and scales read whole,
// idioms, compounds, escape leftovers and German and French quotes. One test per example of
// the issue, then sentences of our own in the same styles.

#[track_caller]
fn dimension_of(text: &str, needle: &str, dimension: &str) {
    let f = figure(text, needle);
    assert_eq!(
        f.dimension,
        Some(dimension),
        "dimension of {needle:?} in {text:?}"
    );
}

#[test]
fn a_currency_range_with_a_scale_is_one_figure() {
    let s = "The fund says it will raise €7–9 billion by next spring.";
    check_range(s, "€7–9 billion", 7e9, 9e9, Some("EUR"));
    dimension_of(s, "€7–9 billion", "money");
}

#[test]
fn between_two_percentages_is_one_range() {
    let s = "Inflation will stay between 2% and 4% next year, the bank said.";
    check_range(s, "between 2% and 4%", 2.0, 4.0, Some("%"));
    dimension_of(s, "between 2% and 4%", "ratio");
}

#[test]
fn a_range_with_the_sign_twice_and_a_letter_scale() {
    check_range(
        "Analysts expect $10-$12bn in annual sales.",
        "$10-$12bn",
        10e9,
        12e9,
        Some("USD"),
    );
}

#[test]
fn a_scale_and_a_currency_word_after_it() {
    check(
        "The mine was sold for 1.2bn rand.",
        "1.2bn rand",
        Money,
        1.2e9,
        Some("ZAR"),
    );
    check(
        "Volvo's profit rose to 3.1 billion kronor.",
        "3.1 billion kronor",
        Money,
        3.1e9,
        Some("SEK"),
    );
}

#[test]
fn share_prices_in_pence_and_index_points() {
    let s = "Shares in the grocer fell 4p to 245p, while the FTSE 100 lost 50 points.";
    check(s, "4p", Money, 4.0, Some("pence"));
    check(s, "245p", Money, 245.0, Some("pence"));
    let points = check(s, "50 points", Measure, 50.0, Some("point"));
    assert_eq!(points.dimension, Some("index"));
}

#[test]
fn the_counted_noun_survives_of_its() {
    check(
        "The airline will cut 300 of its staff this winter.",
        "300",
        Count,
        300.0,
        Some("staff"),
    );
    check(
        "The club sold 12 of their players in the summer.",
        "12",
        Count,
        12.0,
        Some("player"),
    );
}

#[test]
fn multipliers_in_digits_and_words() {
    let s = "Revenue grew 2.5 times while costs rose fourfold.";
    check(s, "2.5 times", Multiplier, 2.5, None);
    check(s, "fourfold", Multiplier, 4.0, None);
    dimension_of(s, "fourfold", "ratio");
}

#[test]
fn idioms_and_compounds_are_not_quantities() {
    no_figure("He said he had not received a single cent from the deal.");
    no_figure("It is one of the best films of the year.");
    no_figure("She called it one of the proudest moments of her life.");
    no_figure("The two-term president left office quietly.");
    no_figure("A three-time champion, she retired.");
}

#[test]
fn terminal_escape_leftovers_never_reach_the_engine() {
    let doc = quotelens::Document::from_string(
        "The build log said \u{1b}[31mred\u{1b}[0m twice.\n".to_string(),
        Meta::default(),
    );
    let a = quotelens::analyze(&doc);
    assert!(a.numbers.is_empty(), "{:?}", a.numbers);
    assert!(doc.text.contains("␛[…mred␛[…m"), "{}", doc.text);
    assert!(
        doc.meta
            .warnings
            .iter()
            .any(|w| w.contains("escape sequence")),
        "{:?}",
        doc.meta.warnings
    );
}

#[test]
fn german_and_french_quotes() {
    let de = "„Wir haben 12 Jahre gewartet, drei Jahre zu lang“, sagte sie. „Die Inflation liegt bei 3,5 Prozent.“";
    check(de, "12 Jahre", Duration, 12.0, Some("year"));
    check(de, "drei Jahre", Duration, 3.0, Some("year"));
    check(de, "3,5 Prozent", Percent, 3.5, Some("%"));
    let fr = "« Cela coûtera 12 millions d’euros », a-t-il dit.";
    check(fr, "12 millions d’euros", Money, 12e6, Some("EUR"));
    check(
        "„Das kostet 2,5 Milliarden Euro“, sagte er.",
        "2,5 Milliarden Euro",
        Money,
        2.5e9,
        Some("EUR"),
    );
    check(
        "« Il a attendu trois ans », dit-elle.",
        "trois ans",
        Duration,
        3.0,
        Some("year"),
    );
    // German and French number words are not read in English.
    no_figure("The acht and dix teams met.");
    // A comma between small numbers stays a list in English.
    assert_eq!(figures("Read pages 3,5 and 7.").len(), 3);
}

#[test]
fn unit_forms_in_any_case_with_dots_and_hyphens() {
    check(
        "The pack stores 5.5KWH.",
        "5.5KWH",
        Measure,
        5.5,
        Some("kilowatt hour"),
    );
    check(
        "It reached 70 m.p.h. on the bend.",
        "70 m.p.h",
        Measure,
        70.0,
        Some("mile per hour"),
    );
    check(
        "The engine makes 332 lb-ft of torque.",
        "332 lb-ft",
        Measure,
        332.0,
        Some("pound-foot"),
    );
    check(
        "A flat of 850 sq. ft. sold.",
        "850 sq. ft",
        Measure,
        850.0,
        Some("square foot"),
    );
    check(
        "It weighs 12 Kilograms.",
        "12 Kilograms",
        Measure,
        12.0,
        Some("kilogram"),
    );
    check(
        "The ship sailed at 18 Knots.",
        "18 Knots",
        Measure,
        18.0,
        Some("knot"),
    );
    check(
        "A 400 MW plant and a 5 mW laser.",
        "400 MW",
        Measure,
        400.0,
        Some("megawatt"),
    );
    check(
        "A 400 MW plant and a 5 mW laser.",
        "5 mW",
        Measure,
        5.0,
        Some("milliwatt"),
    );
    dimension_of("The ship sailed at 18 Knots.", "18 Knots", "speed");
}

#[test]
fn compound_units_with_per_slash_and_hyphen() {
    check(
        "Winds hit 120 km/h overnight.",
        "120 km/h",
        Measure,
        120.0,
        Some("kilometre per hour"),
    );
    check(
        "Winds hit 75 miles per hour.",
        "75 miles per hour",
        Measure,
        75.0,
        Some("mile per hour"),
    );
    check(
        "The car does 48 mpg.",
        "48 mpg",
        Measure,
        48.0,
        Some("mile per gallon"),
    );
    check(
        "Line speeds of 80 Mbps are promised.",
        "80 Mbps",
        Measure,
        80.0,
        Some("megabit per second"),
    );
    check(
        "The pump moves 30 litres per minute.",
        "30 litres per minute",
        Measure,
        30.0,
        Some("litre per minute"),
    );
    check(
        "The farm covers 40 hectares.",
        "40 hectares",
        Measure,
        40.0,
        Some("hectare"),
    );
}

#[test]
fn currencies_from_the_table_by_code_symbol_name_and_nickname() {
    check("He owed 40 quid.", "40 quid", Money, 40.0, Some("GBP"));
    check(
        "They paid 500 bucks for it.",
        "500 bucks",
        Money,
        500.0,
        Some("USD"),
    );
    check(
        "The fine was 2m zloty.",
        "2m zloty",
        Money,
        2e6,
        Some("PLN"),
    );
    check(
        "Rents reached 9,000 Swiss francs.",
        "9,000 Swiss francs",
        Money,
        9000.0,
        Some("CHF"),
    );
    check(
        "Wages rose to 40,000 Norwegian kroner.",
        "40,000 Norwegian kroner",
        Money,
        40000.0,
        Some("NOK"),
    );
    check(
        "A loan of 3 billion Egyptian pounds.",
        "3 billion Egyptian pounds",
        Money,
        3e9,
        Some("EGP"),
    );
    check(
        "Prices are 150 CZK a night.",
        "150 CZK a night",
        Money,
        150.0,
        Some("CZK per night"),
    );
    check("The bill was ₺450.", "₺450", Money, 450.0, Some("TRY"));
    check(
        "It cost RM23.50 in Kuala Lumpur.",
        "RM23.50",
        Money,
        23.5,
        Some("MYR"),
    );
    check(
        "Exports hit 100 trillion won.",
        "100 trillion won",
        Money,
        1e14,
        Some("KRW"),
    );
    check(
        "He won 5 games and in 2004 won the cup.",
        "5",
        Count,
        5.0,
        Some("game"),
    );
    assert!(
        !figures("In 2004 won the cup.")
            .iter()
            .any(|(_, f)| f.kind == Money)
    );
    check(
        "The budget is 40 billion rupees.",
        "40 billion rupees",
        Money,
        40e9,
        Some("INR"),
    );
}

#[test]
fn rates_and_ranges_of_our_own() {
    check(
        "Rents of £1,200 a month are common.",
        "£1,200 a month",
        Money,
        1200.0,
        Some("GBP per month"),
    );
    check(
        "Israel's 9 billion shekels ($2.4 billion) a year industry.",
        "9 billion shekels",
        Money,
        9e9,
        Some("ILS per year"),
    );
    check_range(
        "Growth of 1.5-2% is expected.",
        "1.5-2%",
        1.5,
        2.0,
        Some("%"),
    );
    check_range(
        "A range of 3 to 5 miles.",
        "3 to 5 miles",
        3.0,
        5.0,
        Some("mile"),
    );
    check_range(
        "Costs of £2m-£3m were cited.",
        "£2m-£3m",
        2e6,
        3e6,
        Some("GBP"),
    );
    check_range(
        "between 40 and 50 km/h",
        "between 40 and 50 km/h",
        40.0,
        50.0,
        Some("kilometre per hour"),
    );
    check(
        "Oil rose 19 cents to $58.24 a barrel.",
        "19 cents",
        Money,
        19.0,
        Some("cent"),
    );
    check(
        "Oil rose 19 cents to $58.24 a barrel.",
        "$58.24 a barrel",
        Money,
        58.24,
        Some("USD per barrel"),
    );
    check(
        "The angle was -1.4 degrees in May and 2.1 in June.",
        "2.1",
        Measure,
        2.1,
        Some("degree"),
    );
}

#[test]
fn currency_letters_written_after_the_number() {
    // As the territories using the currency write them (CLDR's formats put ¤ after the number).
    check(
        "A tram ticket in Kraków is 6 zł now.",
        "6 zł",
        Money,
        6.0,
        Some("PLN"),
    );
    check(
        "The guesthouse asks 1,800 Kč a night.",
        "1,800 Kč a night",
        Money,
        1800.0,
        Some("CZK per night"),
    );
    check(
        "Dinner for two came to 420 kr with wine.",
        "420 kr",
        Money,
        420.0,
        Some("SEK"),
    );
    check(
        "Before the euro, a coffee in Split was 12 kn.",
        "12 kn",
        Money,
        12.0,
        Some("HRK"),
    );
    check(
        "The matatu fare rose to 80 Ksh.",
        "80 Ksh",
        Money,
        80.0,
        Some("KES"),
    );
    // Letters that are a unit as written stay the unit ("ft" is feet, "KM" kilometres).
    check(
        "The mast is 40 ft tall.",
        "40 ft",
        Measure,
        40.0,
        Some("foot"),
    );
}

/// No figure of `text` is a measurement.
#[track_caller]
fn no_measure(text: &str) {
    let all = figures(text);
    assert!(all.iter().all(|(_, f)| f.kind != Measure), "{all:?}");
}

#[test]
fn a_symbol_takes_the_reading_its_sentence_names() {
    // "F" is degrees Fahrenheit unless the sentence is about capacitors.
    check(
        "Each capacitor in the bank stores 4.7 F at most.",
        "4.7 F",
        Measure,
        4.7,
        Some("farad"),
    );
    check(
        "By noon it was 91 F on the porch.",
        "91 F",
        Measure,
        91.0,
        Some("degree Fahrenheit"),
    );
    // Letters that are words or other symbols are units only with their cue.
    check(
        "The raw video file weighs 12 billion b.",
        "12 billion b",
        Measure,
        12e9,
        Some("bit"),
    );
    check(
        "Gusts of 45 kn tore the sails off the yacht.",
        "45 kn",
        Measure,
        45.0,
        Some("knot"),
    );
    check(
        "The scanner's magnet runs at 7 T for research.",
        "7 T",
        Measure,
        7.0,
        Some("tesla"),
    );
    check(
        "Replace the fuse with a 13 A one.",
        "13 A",
        Measure,
        13.0,
        Some("ampere"),
    );
    check(
        "The new display peaks at 2,000 nits outdoors.",
        "2,000 nits",
        Measure,
        2000.0,
        Some("candela per square metre"),
    );
    dimension_of(
        "The scanner's magnet runs at 7 T for research.",
        "7 T",
        "magnetic field",
    );
    // Without the cue they are not units.
    check(
        "Their 45 kn bill was split.",
        "45 kn",
        Money,
        45.0,
        Some("HRK"),
    );
    no_measure("Gate 7 T was closed and row 12 A was empty.");
    // "current" is an everyday adjective, not a word about amperes.
    no_measure("In the current season, seat 12 A was never sold.");
    // A symbol read as written keeps that reading: "C" on a boat is Celsius, not "c".
    check(
        "On the deck of the boat it was 31 C by ten.",
        "31 C",
        Measure,
        31.0,
        Some("degree Celsius"),
    );
}

#[test]
fn a_that_starts_no_noun_phrase_is_the_annum() {
    check(
        "She ran the lab for 12 a and then retired.",
        "12 a",
        Duration,
        12.0,
        Some("year"),
    );
    check(
        "The sediment layer formed over 4,000 a.",
        "over 4,000 a",
        Duration,
        4000.0,
        Some("year"),
    );
    // The article, "a.m." and a list of letters are not.
    check("Take 2 a day with food.", "2", Count, 2.0, None);
    check_kind("The shop opens at 9 a.m. daily.", "9 a.m.", Time);
    check("See items 4 a, b and d.", "4", Count, 4.0, None);
    assert!(
        figures("Under clause 4 a) the fee is waived.")
            .iter()
            .all(|(_, f)| f.unit.as_deref() != Some("year")),
        "{:?}",
        figures("Under clause 4 a) the fee is waived.")
    );
}

// Any input: no panic, spans inside the block, on char boundaries, in order.

mod any_text {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn spans_are_sound(
            text in "[a-zA-Z0-9 ,.:;/%$£€¥½²°′″’“”—–\\-()\\n]{0,120}( one| two-thirds| 1.5m| US\\$3| 13 March| between 5 and 7)?[ a-z0-9.,-]{0,40}",
            cut in 0usize..20,
        ) {
            // Read a block that starts and ends inside the text.
            let start = text.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(0);
            let end = text.len();
            let mut out = Vec::new();
            find(&text, Span::new(start, end), &mut out);
            let mut last = start;
            for f in &out {
                prop_assert!(f.span.start >= last && f.span.start < f.span.end && f.span.end <= end, "{:?} in {:?}", f, text);
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                prop_assert!(f.value.is_none_or(f64::is_finite));
                last = f.span.end;
            }
        }
    }
}
