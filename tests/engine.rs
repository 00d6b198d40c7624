//! The engine on sentences a reader would meet: every attribution pattern, the speaker behind
//! descriptions and pronouns, titles and scare quotes, reported speech, and the sample article.

use quotelens::{Analysis, Document, Meta, QuoteKind, analyze};

fn run(text: &str) -> (Document, Analysis) {
    let doc = Document::from_text(text, Meta::default());
    let a = analyze(&doc);
    (doc, a)
}

/// (quote content, kind, speaker name, method) for every quote that is not reported speech.
fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>, &'static str)> {
    let (doc, a) = run(text);
    a.quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Reported)
        .map(|q| {
            (
                q.content.text(&doc.text).to_string(),
                q.kind.as_str(),
                q.speaker.map(|s| a.speakers[s].name.clone()),
                q.method.as_str(),
            )
        })
        .collect()
}

fn speaker_of(text: &str, content_start: &str) -> Option<String> {
    quotes(text)
        .into_iter()
        .find(|q| q.0.starts_with(content_start))
        .unwrap_or_else(|| panic!("no quote starting {content_start:?} in {:?}", quotes(text)))
        .2
}

fn method_of(text: &str, content_start: &str) -> &'static str {
    quotes(text)
        .into_iter()
        .find(|q| q.0.starts_with(content_start))
        .map(|q| q.3)
        .unwrap_or("missing")
}

fn kind_of(text: &str, content_start: &str) -> &'static str {
    quotes(text)
        .into_iter()
        .find(|q| q.0.starts_with(content_start))
        .map(|q| q.1)
        .unwrap_or("missing")
}

#[test]
fn cue_after_with_name_pronoun_and_inversion() {
    let t = "Sara Lindqvist runs the firm. “We will hire 40 people,” Lindqvist said. “It is a good year,” she added. “Next year too,” said Ms Lindqvist.";
    assert_eq!(
        speaker_of(t, "We will hire").as_deref(),
        Some("Sara Lindqvist")
    );
    assert_eq!(method_of(t, "We will hire"), "cue-after");
    assert_eq!(
        speaker_of(t, "It is a good").as_deref(),
        Some("Sara Lindqvist")
    );
    assert_eq!(
        speaker_of(t, "Next year").as_deref(),
        Some("Sara Lindqvist")
    );
}

#[test]
fn cue_after_with_apposition() {
    let t = "“The strike will go on,” Tom Okafor, the union's treasurer, said on Monday.";
    assert_eq!(speaker_of(t, "The strike").as_deref(), Some("Tom Okafor"));
}

#[test]
fn cue_before_with_colon_reporters_and_that() {
    let t = "Mayor Ana Silva said: “The bridge opens in May.”\n\nSilva told reporters, “Nobody will pay a toll.”\n\nShe said that “the city will pay for it.”";
    assert_eq!(speaker_of(t, "The bridge").as_deref(), Some("Ana Silva"));
    assert_eq!(method_of(t, "The bridge"), "cue-before");
    assert_eq!(speaker_of(t, "Nobody").as_deref(), Some("Ana Silva"));
    assert_eq!(speaker_of(t, "the city").as_deref(), Some("Ana Silva"));
}

#[test]
fn according_to_names_the_source() {
    let t = "According to the ministry, “the reserves are sufficient for the winter.”";
    let q = quotes(t);
    assert_eq!(q[0].2.as_deref(), Some("the ministry"));
    assert_eq!(q[0].3, "according-to");
}

#[test]
fn questions_are_attributed_by_asked() {
    let t = "“Where is the money?” asked Senator Maria Ortiz.";
    assert_eq!(speaker_of(t, "Where is").as_deref(), Some("Maria Ortiz"));
}

#[test]
fn a_quote_cut_by_its_attribution_is_two_quotes_with_one_speaker() {
    let t = "“We tried,” said Dr. Kwame Mensah, “and we will try again.”";
    let q = quotes(t);
    assert_eq!(q.len(), 2);
    assert_eq!(q[0].2.as_deref(), Some("Kwame Mensah"));
    assert_eq!(q[1].2.as_deref(), Some("Kwame Mensah"));
    assert_eq!(q[1].3, "split");
}

#[test]
fn a_cueless_quote_continues_the_previous_speaker() {
    let t = "“The vote was fair,” Governor Jane Holt said.\n\n“We counted every ballot twice.”";
    assert_eq!(speaker_of(t, "We counted").as_deref(), Some("Jane Holt"));
    assert_eq!(method_of(t, "We counted"), "continuation");
}

#[test]
fn the_subject_of_the_neighbouring_sentence_speaks() {
    let t = "Coach Luis Herrera was furious after the match. “That was not a penalty.”";
    assert_eq!(
        speaker_of(t, "That was not").as_deref(),
        Some("Luis Herrera")
    );
    assert_eq!(method_of(t, "That was not"), "paragraph-subject");
}

#[test]
fn a_vocative_is_the_addressee_not_the_speaker() {
    let t = "President Ilona Varga met Prime Minister Piotr Nowak. “Dear Piotr, welcome to Budapest,” she said.";
    assert_eq!(speaker_of(t, "Dear Piotr").as_deref(), Some("Ilona Varga"));
    let (doc, a) = run(t);
    let addressee = a.quotes[0].addressee.map(|s| s.text(&doc.text).to_string());
    assert_eq!(addressee.as_deref(), Some("Piotr"));
}

#[test]
fn words_inside_a_quote_never_attribute_it() {
    // "he says" inside the quote must not make the quote his; the cue outside decides.
    let t = "“He says the plan is dead, but he is wrong,” the minister, Eva Lund, said.";
    assert_eq!(speaker_of(t, "He says").as_deref(), Some("Eva Lund"));
}

#[test]
fn descriptions_pick_the_person_whose_titles_fit() {
    let t = "French President Claire Dubois met German Chancellor Markus Weber in Paris.\n\n“We agree on energy,” the German leader said.\n\n“And on trade,” the French President added.";
    assert_eq!(speaker_of(t, "We agree").as_deref(), Some("Markus Weber"));
    assert_eq!(
        speaker_of(t, "And on trade").as_deref(),
        Some("Claire Dubois")
    );
}

#[test]
fn a_counterpart_is_found_by_nationality() {
    let t = "Polish President Adam Kowal welcomed Lithuanian President Rasa Petraite.\n\nKowal thanked his Lithuanian counterpart. “Our borders are safe,” the Lithuanian leader said.";
    assert_eq!(
        speaker_of(t, "Our borders").as_deref(),
        Some("Rasa Petraite")
    );
}

#[test]
fn pronouns_pick_the_salient_compatible_person() {
    let t = "Hillary Morgan debated John Pike on Tuesday. “I have a plan,” she said. “So do I,” he said.";
    assert_eq!(
        speaker_of(t, "I have a plan").as_deref(),
        Some("Hillary Morgan")
    );
    assert_eq!(speaker_of(t, "So do I").as_deref(), Some("John Pike"));
}

#[test]
fn surnames_and_honorifics_match_back_to_the_full_name() {
    let t = "Dr. Ngozi Okonjo leads the study.\n\n“The data are clear,” Okonjo said.\n\n“We need more funding,” said Dr. Okonjo.";
    let (_, a) = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].name, "Ngozi Okonjo");
    assert_eq!(a.speakers[0].quotes.len(), 2);
}

#[test]
fn organisations_and_groups_speak() {
    let t = "“The decision is final,” the ministry said in a statement.\n\n“We will appeal,” officials said.";
    assert_eq!(
        speaker_of(t, "The decision").as_deref(),
        Some("the ministry")
    );
    let (_, a) = run(t);
    let kinds: Vec<&str> = a.speakers.iter().map(|s| s.kind.as_str()).collect();
    assert!(kinds.contains(&"organization"), "{kinds:?}");
    assert!(kinds.contains(&"group"), "{kinds:?}");
}

#[test]
fn titles_and_scare_quotes_are_not_speech() {
    let t =
        "She appeared on “Shark Tank” last year. Critics mocked the so-called “reforms” as empty.";
    assert_eq!(kind_of(t, "Shark Tank"), "title");
    assert_eq!(kind_of(t, "reforms"), "term");
}

#[test]
fn a_fragment_in_reported_speech_is_a_partial_quote_of_that_speaker() {
    let t = "Mayor Ben Adeyemi called the plan “reckless” on Monday.";
    assert_eq!(kind_of(t, "reckless"), "partial");
    assert_eq!(speaker_of(t, "reckless").as_deref(), Some("Ben Adeyemi"));
}

#[test]
fn nested_quotes_have_a_parent() {
    let (doc, a) = run("“She told me ‘never again’ twice,” Paul Grant said.");
    let nested = a
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Nested)
        .expect("a nested quote");
    assert_eq!(nested.content.text(&doc.text), "never again");
    let parent = nested.parent.expect("a parent");
    assert_eq!(a.quotes[parent].kind, QuoteKind::Direct);
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let t =
        "Chief Inspector Mira Holm said:\n\n“The first site was clean.\n\n“The second was not.”";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Mira Holm"));
}

#[test]
fn reported_speech_with_its_speaker() {
    let t = "Finance Minister Olga Berg pointed out that inflation had fallen. According to the central bank, growth will return next year. She said that wages would rise.";
    let (doc, a) = run(t);
    let reported: Vec<(String, Option<String>)> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .map(|q| {
            (
                q.content.text(&doc.text).to_string(),
                q.speaker.map(|s| a.speakers[s].name.clone()),
            )
        })
        .collect();
    assert!(
        reported.iter().any(
            |(t, s)| t.starts_with("inflation had fallen") && s.as_deref() == Some("Olga Berg")
        ),
        "{reported:?}"
    );
    assert!(
        reported
            .iter()
            .any(|(t, s)| t.starts_with("growth will return")
                && s.as_deref() == Some("the central bank")),
        "{reported:?}"
    );
    assert!(
        reported
            .iter()
            .any(|(t, s)| t.starts_with("wages would rise") && s.as_deref() == Some("Olga Berg")),
        "{reported:?}"
    );
}

#[test]
fn apostrophes_and_unclosed_marks_do_not_make_quotes() {
    let t = "It's the kids' day: rock 'n' roll from the '90s. 'Tis true.\n\nHe said “this never closes\n\nThe next paragraph is narration.";
    let q = quotes(t);
    assert!(q.iter().all(|q| !q.0.contains("narration")), "{q:?}");
    assert!(q.iter().all(|q| !q.0.contains("roll")), "{q:?}");
}

#[test]
fn the_sample_article_names_the_person_behind_every_quote() {
    let text = include_str!("../assets/kremlin-talks.txt");
    let (doc, a) = run(text);
    let direct: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .collect();
    assert_eq!(direct.len(), 13);
    let who: Vec<&str> = direct
        .iter()
        .map(|q| {
            q.speaker
                .map(|s| a.speakers[s].name.as_str())
                .unwrap_or("-")
        })
        .collect();
    assert_eq!(
        who,
        [
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Aleksandr Lukashenko",
            "Vladimir Putin",
            "Vladimir Putin",
            "Vladimir Putin",
            "Vladimir Putin",
            "Vladimir Putin",
        ]
    );
    // "Dear Aleksandr Grigorievich" is the addressee of Putin's quote.
    let dear = direct
        .iter()
        .find(|q| q.content.text(&doc.text).starts_with("Dear"))
        .expect("the Dear quote");
    assert_eq!(
        dear.addressee.map(|s| s.text(&doc.text)),
        Some("Aleksandr Grigorievich")
    );
    // The speakers carry their descriptions as aliases.
    let luk = a
        .speakers
        .iter()
        .find(|s| s.name == "Aleksandr Lukashenko")
        .expect("Lukashenko");
    assert!(
        luk.aliases.iter().any(|x| x == "the head of state"),
        "{:?}",
        luk.aliases
    );
    assert!(
        luk.aliases.iter().any(|x| x.contains("Belarusian leader")),
        "{:?}",
        luk.aliases
    );
}

#[test]
fn fiction_dialogue_alternates_between_the_two_speakers() {
    let t = "Elin Stark stood at the rail beside the old captain.\n\n“We should have left at dawn,” said the old captain.\n\n“You said the tide was wrong,” Elin replied.\n\n“I said a great many things.”\n\n“And most of them were wrong.”\n\nHe laughed and lit his pipe. “You sound like your mother.”\n\n“Someone has to.”\n\nThe captain said nothing for a while.";
    let q = quotes(t);
    let who: Vec<&str> = q.iter().map(|q| q.2.as_deref().unwrap_or("-")).collect();
    assert_eq!(
        who,
        [
            "the old captain",
            "Elin Stark",
            "the old captain",
            "Elin Stark",
            "the old captain",
            "Elin Stark"
        ]
    );
    assert_eq!(q[2].3, "alternation");
    let (_, a) = run(t);
    assert!(
        a.quotes.iter().all(|q| q.kind != QuoteKind::Reported),
        "\"said nothing\" is not speech"
    );
}

#[test]
fn news_paragraphs_continue_the_previous_speaker() {
    // The same shape as dialogue, but long quotes in a news report: the speaker goes on.
    let long =
        "the council will publish the full accounts of the project before the end of the year";
    let t = format!(
        "“First, {long},” the mayor, Ana Ruiz, said.\n\n“Second, {long}.”\n\n“Third, {long}.”"
    );
    let q = quotes(&t);
    assert!(
        q.iter().all(|q| q.2.as_deref() == Some("Ana Ruiz")),
        "{q:?}"
    );
}

#[test]
fn a_surname_that_is_also_a_first_name_matches_back() {
    let t = "“We will build the bridge before winter,” said Mayor Ann Lee.\n\n“Taxes stay as they are,” Lee added.";
    let (_, a) = run(t);
    assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
    assert_eq!(a.speakers[0].quotes.len(), 2);
}

#[test]
fn german_guillemets_give_a_quote_and_its_speaker() {
    let t = "»Wir schaffen das«, sagte Merkel.";
    assert_eq!(
        quotes(t),
        [(
            "Wir schaffen das".to_string(),
            "direct",
            Some("Merkel".to_string()),
            "cue-after"
        )]
    );
    // German low marks too: „…“, sagte X.
    assert_eq!(
        speaker_of("„Wir schaffen das“, sagte Merkel.", "Wir").as_deref(),
        Some("Merkel")
    );
}

#[test]
fn a_japanese_quotation_inside_its_sentence_is_a_quote() {
    let t = "田中首相は「経済は回復している」と述べた。";
    let q = quotes(t);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "経済は回復している");
    assert_eq!(q[0].1, "direct");
}
