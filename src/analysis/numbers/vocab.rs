//! Word lists the grammar consults around a number: month and weekday names, qualifiers,
//! function words (where a counted noun phrase stops), labels that make a number an identifier
//! ("Section 427", "Game 7") and street words that make it an address.

use super::table::table;
use super::words::lower;

/// A month name, full or abbreviated, capitalised ("March", "Oct", "Sept"): the lexicon's
/// month list (assets/lexicon/en/months.toml), shared with the engine.
pub fn month(w: &str) -> Option<u8> {
    crate::analysis::lexicon::month(w)
}

/// The month names that are also abbreviations and may take a full stop ("Oct. 31").
pub fn month_abbrev(w: &str) -> bool {
    crate::analysis::lexicon::is_month_abbreviation(w)
}

pub fn weekday(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && matches!(
            w,
            "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "Mon"
                | "Tue"
                | "Tues"
                | "Wed"
                | "Thu"
                | "Thur"
                | "Thurs"
                | "Fri"
                | "Sat"
                | "Sun"
        )
}

/// Time-zone and clock words written after a time ("5:00 AM PDT", "3 p.m. GMT").
pub fn time_zone(w: &str) -> bool {
    matches!(
        w,
        "GMT"
            | "BST"
            | "UTC"
            | "CET"
            | "CEST"
            | "EET"
            | "MSK"
            | "ET"
            | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "AEST"
            | "AEDT"
            | "IST"
            | "JST"
            | "HKT"
            | "SGT"
    )
}

/// Qualifiers written before a number, longest first. The figure keeps them in lower case.
pub const QUALIFIERS: &[&[&str]] = &[
    &["a", "little", "over"],
    &["a", "little", "under"],
    &["a", "little", "more", "than"],
    &["slightly", "more", "than"],
    &["slightly", "less", "than"],
    &["slightly", "over"],
    &["slightly", "under"],
    &["no", "more", "than"],
    &["not", "more", "than"],
    &["no", "less", "than"],
    &["no", "fewer", "than"],
    &["not", "less", "than"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["as", "little", "as"],
    &["as", "high", "as"],
    &["as", "low", "as"],
    &["in", "excess", "of"],
    &["just", "shy", "of"],
    &["well", "over"],
    &["well", "under"],
    &["well", "above"],
    &["well", "below"],
    &["just", "over"],
    &["just", "under"],
    &["just", "above"],
    &["just", "below"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["greater", "than"],
    &["higher", "than"],
    &["lower", "than"],
    &["up", "to"],
    &["at", "least"],
    &["at", "most"],
    &["upwards", "of"],
    &["close", "to"],
    &["an", "estimated"],
    &["nearly"],
    &["almost"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["approx"],
    &["circa"],
    &["some"],
    &["over"],
    &["under"],
    &["above"],
    &["below"],
    &["barely"],
    &["exactly"],
    &["precisely"],
    &["maximum"],
    &["minimum"],
    &["estimated"],
];

/// The last words of `QUALIFIERS`, checked first.
const QUALIFIER_ENDS: &[(&str, ())] = &[
    ("over", ()),
    ("under", ()),
    ("than", ()),
    ("to", ()),
    ("least", ()),
    ("most", ()),
    ("as", ()),
    ("of", ()),
    ("above", ()),
    ("below", ()),
    ("estimated", ()),
    ("nearly", ()),
    ("almost", ()),
    ("about", ()),
    ("around", ()),
    ("roughly", ()),
    ("approximately", ()),
    ("approx", ()),
    ("circa", ()),
    ("some", ()),
    ("barely", ()),
    ("exactly", ()),
    ("precisely", ()),
    ("maximum", ()),
    ("minimum", ()),
];

table!(qualifier_ends: () = QUALIFIER_ENDS);

/// A word that ends some qualifier phrase ("than", "to", "nearly").
pub fn qualifier_end(w: &str) -> bool {
    qualifier_ends().get_lower(w).is_some()
}

/// Qualifiers written as symbols: "~45g", "≈ 32m2", "<10", ">60%".
pub fn symbol_qualifier(s: &str) -> Option<&'static str> {
    Some(match s {
        "~" | "≈" | "∼" => "about",
        "<" => "less than",
        ">" => "more than",
        "≤" => "at most",
        "≥" => "at least",
        _ => return None,
    })
}

/// Function words: a counted noun phrase ("120 staff") never contains them, so they end it.
const STOPWORDS: &[(&str, ())] = &[
    ("a", ()),
    ("an", ()),
    ("the", ()),
    ("this", ()),
    ("that", ()),
    ("these", ()),
    ("those", ()),
    ("and", ()),
    ("or", ()),
    ("but", ()),
    ("nor", ()),
    ("so", ()),
    ("yet", ()),
    ("if", ()),
    ("as", ()),
    ("than", ()),
    ("then", ()),
    ("of", ()),
    ("in", ()),
    ("on", ()),
    ("at", ()),
    ("to", ()),
    ("for", ()),
    ("from", ()),
    ("by", ()),
    ("with", ()),
    ("without", ()),
    ("within", ()),
    ("into", ()),
    ("onto", ()),
    ("over", ()),
    ("under", ()),
    ("about", ()),
    ("above", ()),
    ("below", ()),
    ("after", ()),
    ("before", ()),
    ("since", ()),
    ("until", ()),
    ("during", ()),
    ("between", ()),
    ("among", ()),
    ("against", ()),
    ("across", ()),
    ("through", ()),
    ("throughout", ()),
    ("per", ()),
    ("via", ()),
    ("including", ()),
    ("like", ()),
    ("off", ()),
    ("out", ()),
    ("up", ()),
    ("down", ()),
    ("back", ()),
    ("ago", ()),
    ("later", ()),
    ("earlier", ()),
    ("each", ()),
    ("apiece", ()),
    ("every", ()),
    ("all", ()),
    ("both", ()),
    ("some", ()),
    ("any", ()),
    ("no", ()),
    ("not", ()),
    ("more", ()),
    ("less", ()),
    ("fewer", ()),
    ("most", ()),
    ("least", ()),
    ("much", ()),
    ("many", ()),
    ("other", ()),
    ("others", ()),
    ("another", ()),
    ("such", ()),
    ("only", ()),
    ("just", ()),
    ("also", ()),
    ("even", ()),
    ("still", ()),
    ("already", ()),
    ("now", ()),
    ("here", ()),
    ("there", ()),
    ("where", ()),
    ("when", ()),
    ("while", ()),
    ("who", ()),
    ("whom", ()),
    ("whose", ()),
    ("which", ()),
    ("what", ()),
    ("why", ()),
    ("how", ()),
    ("whether", ()),
    ("because", ()),
    ("although", ()),
    ("though", ()),
    ("i", ()),
    ("me", ()),
    ("my", ()),
    ("we", ()),
    ("us", ()),
    ("our", ()),
    ("you", ()),
    ("your", ()),
    ("he", ()),
    ("him", ()),
    ("his", ()),
    ("she", ()),
    ("her", ()),
    ("it", ()),
    ("its", ()),
    ("they", ()),
    ("them", ()),
    ("their", ()),
    ("one", ()),
    ("ones", ()),
    ("is", ()),
    ("are", ()),
    ("was", ()),
    ("were", ()),
    ("be", ()),
    ("been", ()),
    ("being", ()),
    ("am", ()),
    ("has", ()),
    ("have", ()),
    ("had", ()),
    ("having", ()),
    ("do", ()),
    ("does", ()),
    ("did", ()),
    ("will", ()),
    ("would", ()),
    ("shall", ()),
    ("should", ()),
    ("can", ()),
    ("could", ()),
    ("may", ()),
    ("might", ()),
    ("must", ()),
    ("said", ()),
    ("says", ()),
    ("say", ()),
    ("told", ()),
    ("according", ()),
    ("respectively", ()),
    // Past tenses that cannot be part of a noun phrase ("one study found that").
    ("found", ()),
    ("made", ()),
    ("took", ()),
    ("gave", ()),
    ("got", ()),
    ("came", ()),
    ("went", ()),
    ("saw", ()),
    ("knew", ()),
    ("thought", ()),
    ("became", ()),
    ("felt", ()),
    ("kept", ()),
    ("held", ()),
    ("brought", ()),
    ("began", ()),
    ("showed", ()),
    ("wrote", ()),
    ("stood", ()),
    ("heard", ()),
    ("meant", ()),
    ("met", ()),
    ("ran", ()),
    ("paid", ()),
    ("sat", ()),
    ("spoke", ()),
    ("led", ()),
    ("grew", ()),
    ("fell", ()),
    ("sent", ()),
    ("built", ()),
    ("spent", ()),
    ("rose", ()),
    ("drove", ()),
    ("broke", ()),
    ("bought", ()),
    ("caught", ()),
    ("chose", ()),
    ("fought", ()),
    ("sold", ()),
    ("sought", ()),
    ("taught", ()),
    ("threw", ()),
    ("wore", ()),
    ("won", ()),
    ("thereafter", ()),
    ("afterwards", ()),
    ("afterward", ()),
    ("annually", ()),
    ("instead", ()),
    ("together", ()),
    ("apart", ()),
    ("aside", ()),
    ("yet", ()),
    ("then", ()),
    ("away", ()),
    ("left", ()),
    ("remaining", ()),
    ("ahead", ()),
    ("behind", ()),
    ("overall", ()),
    ("total", ()),
    ("altogether", ()),
    ("alone", ()),
    ("too", ()),
    ("very", ()),
    ("again", ()),
    ("once", ()),
    ("twice", ()),
    ("last", ()),
    ("next", ()),
    ("s", ()),
    ("t", ()),
    ("re", ()),
    ("ve", ()),
    ("ll", ()),
    ("d", ()),
];

table!(stopwords: () = STOPWORDS);

pub fn stopword(w: &str) -> bool {
    // Acronyms are names, not function words: "US", "IT".
    if w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    stopwords().get_lower(w).is_some()
}

/// Lower-case words that label a number as an identifier when written just before it
/// ("section 427", "category 4", "room 101", "No. 10").
pub fn label(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(l) = lower(w, &mut buf) else {
        return false;
    };
    matches!(
        l,
        "section"
            | "article"
            | "chapter"
            | "page"
            | "paragraph"
            | "clause"
            | "amendment"
            | "rule"
            | "route"
            | "highway"
            | "interstate"
            | "room"
            | "flight"
            | "gate"
            | "platform"
            | "terminal"
            | "level"
            | "stage"
            | "phase"
            | "category"
            | "class"
            | "grade"
            | "tier"
            | "type"
            | "version"
            | "model"
            | "series"
            | "season"
            | "episode"
            | "game"
            | "round"
            | "lane"
            | "unit"
            | "number"
            | "no"
            | "nos"
            | "item"
            | "figure"
            | "fig"
            | "table"
            | "bus"
            | "line"
            | "channel"
            | "district"
            | "ward"
            | "precinct"
            | "zone"
            | "block"
            | "lot"
            | "apartment"
            | "apt"
            | "suite"
            | "floor"
            | "pier"
            | "exit"
            | "act"
            | "scene"
            | "volume"
            | "vol"
            | "issue"
            | "part"
            | "step"
            | "option"
            | "question"
            | "proposition"
            | "prop"
            | "bill"
            | "resolution"
            | "code"
            | "zip"
            | "postcode"
            | "ios"
            | "android"
            | "windows"
            | "v"
            | "ver"
    )
}

/// Street words that end an address after a house number ("575 Wilbraham Road", "22 Ave Foch").
pub fn street(w: &str) -> bool {
    matches!(
        w,
        "Street"
            | "St"
            | "Road"
            | "Rd"
            | "Avenue"
            | "Ave"
            | "Av"
            | "Lane"
            | "Ln"
            | "Drive"
            | "Dr"
            | "Boulevard"
            | "Blvd"
            | "Way"
            | "Place"
            | "Pl"
            | "Square"
            | "Sq"
            | "Court"
            | "Ct"
            | "Terrace"
            | "Crescent"
            | "Close"
            | "Highway"
            | "Hwy"
            | "Parkway"
            | "Pkwy"
            | "Row"
            | "Mews"
            | "Walk"
            | "Circle"
            | "Trail"
            | "Plaza"
            | "Gardens"
    )
}

/// Nouns whose plural has no final "s".
pub fn irregular_plural(l: &str) -> bool {
    matches!(
        l,
        "people"
            | "men"
            | "women"
            | "staff"
            | "police"
            | "personnel"
            | "children"
            | "cattle"
            | "sheep"
            | "fish"
            | "deer"
            | "teeth"
            | "mice"
            | "geese"
            | "data"
            | "media"
            | "criteria"
            | "alumni"
            | "bacteria"
            | "crew"
            | "aircraft"
            | "livestock"
            | "offspring"
            | "troops"
            | "head"
    ) || (l.ends_with("men") && l.len() > 3 && !matches!(l, "specimen" | "abdomen" | "regimen"))
}

/// A plural noun: the head of a counted noun phrase ("staff", "subjects", "fishermen").
pub fn plural(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(l) = lower(w, &mut buf) else {
        return w.ends_with('s');
    };
    if irregular_plural(l) {
        return true;
    }
    l.len() > 2
        && l.ends_with('s')
        && !l.ends_with("ss")
        && !l.ends_with("us")
        && !l.ends_with("is")
        && !matches!(
            l,
            "news" | "series" | "species" | "was" | "has" | "does" | "says" | "goes"
        )
}

/// The singular of a plural noun ("countries" → "country", "fishermen" → "fisherman",
/// "viruses" → "virus"), for counted nouns used as units. Words that are not plural come back
/// unchanged.
pub fn singular(w: &str) -> String {
    if !plural(w) {
        return w.to_string();
    }
    let mut buf = [0u8; 16];
    let Some(l) = lower(w, &mut buf) else {
        return w.strip_suffix('s').unwrap_or(w).to_string();
    };
    let irregular = match l {
        "people" | "staff" | "police" | "personnel" | "cattle" | "sheep" | "fish" | "deer"
        | "data" | "media" | "aircraft" | "livestock" | "offspring" | "crew" | "head" => {
            return w.to_string();
        }
        "children" => Some("child"),
        "teeth" => Some("tooth"),
        "mice" => Some("mouse"),
        "geese" => Some("goose"),
        "criteria" => Some("criterion"),
        "alumni" => Some("alumnus"),
        "bacteria" => Some("bacterium"),
        "wolves" => Some("wolf"),
        "lives" => Some("life"),
        "knives" => Some("knife"),
        "halves" => Some("half"),
        "leaves" => Some("leaf"),
        "shelves" => Some("shelf"),
        "thieves" => Some("thief"),
        "wives" => Some("wife"),
        "calves" => Some("calf"),
        "loaves" => Some("loaf"),
        "selves" => Some("self"),
        "scarves" => Some("scarf"),
        "hooves" => Some("hoof"),
        "heroes" => Some("hero"),
        "potatoes" => Some("potato"),
        "tomatoes" => Some("tomato"),
        "echoes" => Some("echo"),
        "vetoes" => Some("veto"),
        "torpedoes" => Some("torpedo"),
        "volcanoes" => Some("volcano"),
        "mosquitoes" => Some("mosquito"),
        "embargoes" => Some("embargo"),
        "cargoes" => Some("cargo"),
        "tornadoes" => Some("tornado"),
        _ => None,
    };
    let stem_len = if let Some(s) = irregular {
        return keep_case(w, s);
    } else if l.ends_with("men") {
        return format!("{}an", &w[..w.len() - 2]);
    } else if l.ends_with("ies") && l.len() > 4 && !ie_noun(&l[..l.len() - 1]) {
        return format!("{}y", &w[..w.len() - 3]);
    } else if (l.ends_with("ches") && !che_noun(&l[..l.len() - 1]))
        || l.ends_with("shes")
        || l.ends_with("sses")
        || l.ends_with("xes")
        || l.ends_with("zzes")
        || (l.ends_with("uses") && us_noun(&l[..l.len() - 2]))
    {
        w.len() - 2
    } else {
        w.len() - 1
    };
    w[..stem_len].to_string()
}

/// Copies the case of the first letter of `like` onto `s`.
fn keep_case(like: &str, s: &str) -> String {
    if like.starts_with(|c: char| c.is_uppercase()) {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    } else {
        s.to_string()
    }
}

/// Singular nouns in "-ie" ("movies" → "movie", not "movy").
fn ie_noun(s: &str) -> bool {
    matches!(
        s,
        "movie"
            | "cookie"
            | "rookie"
            | "zombie"
            | "calorie"
            | "pie"
            | "tie"
            | "lie"
            | "selfie"
            | "hoodie"
            | "goalie"
            | "brownie"
            | "freebie"
            | "smoothie"
            | "auntie"
            | "newbie"
            | "techie"
            | "foodie"
            | "birdie"
            | "prairie"
            | "genie"
            | "budgie"
            | "veggie"
    )
}

/// Singular nouns in "-che" ("niches" → "niche").
fn che_noun(s: &str) -> bool {
    matches!(
        s,
        "niche"
            | "cache"
            | "avalanche"
            | "headache"
            | "moustache"
            | "quiche"
            | "cliche"
            | "creche"
            | "ache"
            | "psyche"
            | "microfiche"
            | "tranche"
    )
}

/// Singular nouns in "-us" whose plural adds "-es" ("viruses" → "virus").
fn us_noun(s: &str) -> bool {
    matches!(
        s,
        "virus"
            | "bonus"
            | "campus"
            | "status"
            | "bus"
            | "census"
            | "surplus"
            | "stimulus"
            | "chorus"
            | "circus"
            | "genius"
            | "nexus"
            | "octopus"
            | "apparatus"
            | "cactus"
            | "focus"
            | "syllabus"
            | "terminus"
            | "sinus"
            | "walrus"
            | "corpus"
            | "abacus"
            | "exodus"
            | "lotus"
            | "prospectus"
            | "consensus"
            | "fetus"
            | "foetus"
            | "hiatus"
            | "uterus"
            | "phallus"
            | "thesaurus"
    )
}

/// Articles and possessives that open a noun phrase ("the", "its", "their").
pub fn determiner(w: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        lower(w, &mut buf).unwrap_or(""),
        "the"
            | "a"
            | "an"
            | "its"
            | "his"
            | "her"
            | "their"
            | "our"
            | "your"
            | "my"
            | "this"
            | "that"
            | "these"
            | "those"
    )
}

/// A superlative adjective ("best", "largest", "most"): "one of the best" praises, it does not
/// count. Nouns in "-est" ("forest", "interest") are not.
pub fn superlative(w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(l) = lower(w, &mut buf) else {
        return false;
    };
    match l {
        "best" | "worst" | "most" | "least" | "finest" | "greatest" => true,
        "forest" | "interest" | "contest" | "protest" | "request" | "harvest" | "guest"
        | "west" | "test" | "chest" | "nest" | "quest" | "crest" | "vest" | "honest" | "modest"
        | "arrest" | "conquest" | "inquest" | "manifest" | "digest" | "suggest" | "invest"
        | "rest" | "unrest" | "priest" | "midwest" | "northwest" | "southwest" | "behest" => false,
        _ => l.len() >= 6 && l.ends_with("est"),
    }
}

/// Words after which a quantity is a change ("rose by 80,000 barrels", "fell 4p to 245p"), so a
/// "to" after it gives the new level, not the end of a range.
pub fn change_verb(w: &str) -> bool {
    let mut buf = [0u8; 16];
    matches!(
        lower(w, &mut buf).unwrap_or(""),
        "by" | "rose"
            | "fell"
            | "dropped"
            | "climbed"
            | "gained"
            | "lost"
            | "slipped"
            | "jumped"
            | "added"
            | "shed"
            | "slid"
            | "sank"
            | "soared"
            | "surged"
            | "tumbled"
            | "plunged"
            | "eased"
            | "edged"
            | "advanced"
            | "declined"
            | "down"
            | "up"
            | "increased"
            | "decreased"
            | "grew"
            | "rising"
            | "falling"
            | "higher"
            | "lower"
    )
}
