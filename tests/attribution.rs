//! Who said it: one test per kind of attribution error the engine used to make on unseen news and
//! fiction, each written as the sentences a reader would meet (issue 11's list, in our own words).

use quotelens::{Analysis, Document, Meta, QuoteKind, SpeakerKind, analyze};

fn run(text: &str) -> (Document, Analysis) {
    let doc = Document::from_text(text, Meta::default());
    let a = analyze(&doc);
    (doc, a)
}

/// (content, kind, speaker) of every quote, reported speech included.
fn quotes(text: &str) -> Vec<(String, QuoteKind, Option<String>)> {
    let (doc, a) = run(text);
    a.quotes
        .iter()
        .map(|q| {
            (
                q.content.text(&doc.text).to_string(),
                q.kind,
                q.speaker.map(|s| a.speakers[s].name.clone()),
            )
        })
        .collect()
}

/// The speaker of the quote whose content starts with `start`.
fn speaker_of(text: &str, start: &str) -> Option<String> {
    let all = quotes(text);
    all.iter()
        .find(|q| q.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?} in {all:?}"))
        .2
        .clone()
}

/// A story: its opening, then one scene per item, the item and its number written in.
fn story<T>(opening: &str, items: &[T], scene: impl Fn(usize, &T) -> String) -> String {
    let mut t = opening.to_string();
    for (i, item) in items.iter().enumerate() {
        t.push_str(&scene(i, item));
    }
    t
}

/// The speaker of the quote whose content starts with `start`, and the words that name them.
fn speaker_and_mention(text: &str, start: &str) -> (Option<String>, Option<String>) {
    let (doc, a) = run(text);
    let q = a
        .quotes
        .iter()
        .find(|q| q.content.text(&doc.text).starts_with(start))
        .unwrap_or_else(|| panic!("no quote starting {start:?}"));
    (
        q.speaker.map(|s| a.speakers[s].name.clone()),
        q.speaker_mention.map(|m| m.text(&doc.text).to_string()),
    )
}

/// The first reported speech among `all` (from `quotes`).
fn first_reported(
    all: &[(String, QuoteKind, Option<String>)],
) -> &(String, QuoteKind, Option<String>) {
    all.iter()
        .find(|q| q.1 == QuoteKind::Reported)
        .unwrap_or_else(|| panic!("no reported speech in {all:?}"))
}

fn speaker_names(text: &str) -> Vec<String> {
    let (_, a) = run(text);
    a.speakers.iter().map(|s| s.name.clone()).collect()
}

// Pronouns agree with the person they stand for.

#[test]
fn she_is_the_woman_not_the_man_named_last() {
    let t = "Maria Costa met her landlord, Peter Hale, on Friday.\n\n\
             “I won’t sell,” she said.";
    assert_eq!(
        speaker_of(t, "I won’t sell").as_deref(),
        Some("Maria Costa")
    );
}

#[test]
fn she_may_be_a_surname_that_was_just_seen_speaking() {
    let t = "Hillary Clinton spoke first. Asked later about the leak, Feinstein said “I don’t know \
             anything about the emails,” she said.";
    assert_eq!(speaker_of(t, "I don’t know").as_deref(), Some("Feinstein"));
}

// Dialogue: action beats, alternation, vocatives.

#[test]
fn an_action_beat_names_the_speaker_of_its_paragraph() {
    let t = "Anna Berg looked at the clock.\n\n\
             Tom put down his cup. “That isn’t what I meant.”";
    assert_eq!(speaker_of(t, "That isn’t").as_deref(), Some("Tom"));
}

#[test]
fn untagged_lines_alternate_between_the_two_speakers() {
    let t = "“Where were you last night?” asked Elena.\n\n\
             “At the mill,” said Marcus.\n\n\
             “All night?”\n\n\
             “Until the storm passed.”\n\n\
             “And then?”";
    assert_eq!(speaker_of(t, "All night").as_deref(), Some("Elena"));
    assert_eq!(speaker_of(t, "Until the storm").as_deref(), Some("Marcus"));
    assert_eq!(speaker_of(t, "And then").as_deref(), Some("Elena"));
}

#[test]
fn the_one_addressed_is_not_the_speaker_but_answers_next() {
    // Lou acts just before the line, but the line speaks to Lou: it is Martha's.
    let t = "“It is late,” said Martha.\n\n\
             “Not yet,” said Lou.\n\n\
             “Everyone has gone home,” said Martha.\n\n\
             Lou put the letter down.\n\n\
             “Don’t blame me, Lou.”\n\n\
             “I blame nobody.”";
    assert_eq!(speaker_of(t, "Don’t blame me").as_deref(), Some("Martha"));
    assert_eq!(speaker_of(t, "I blame nobody").as_deref(), Some("Lou"));
}

#[test]
fn the_one_addressed_is_not_the_he_that_tags_the_line() {
    // "he" would go to Lou, the man in view, but the line speaks to Lou: it is Tom's, though
    // Tom sits two paragraphs up.
    let t = "Tom Reed sat by the stove and said nothing.\n\n\
             Lou Carter came in from the rain. Lou shook the water from his coat.\n\n\
             “Don’t blame me, Lou,” he said.\n\n\
             “I blame nobody,” said Lou.";
    assert_eq!(speaker_of(t, "Don’t blame me").as_deref(), Some("Tom Reed"));
    assert_eq!(
        speaker_of(t, "I blame nobody").as_deref(),
        Some("Lou Carter")
    );
}

#[test]
fn a_name_cut_off_by_a_typed_dash_is_still_the_one_addressed() {
    // Etexts write a dash as two hyphens: "Lou--you know" speaks to Lou as "Lou, you know" does.
    let t = "“It is late,” said Martha.\n\n\
             “Not yet,” said Lou.\n\n\
             “Lou--you know it is.”";
    assert_eq!(speaker_of(t, "Lou--you know").as_deref(), Some("Martha"));
}

#[test]
fn a_name_called_out_at_the_start_of_a_line_is_the_one_who_answers() {
    // "Ann! Ann!" calls Ann: the answer is hers, and the order after it Harriet's again.
    let t = "Harriet came into the garden. Ann was reading under the tree, and Ben was mending \
             the fence.\n\n\
             “Good morning,” said Ben.\n\n\
             “Good morning,” said Harriet. “Have you seen the cat?”\n\n\
             “Not since breakfast.”\n\n\
             Harriet looked about her.\n\n\
             “Ann! Ann! Where have you put my scissors?”\n\n\
             “They are on the table where Ben left them.”\n\n\
             “Then fetch them, and do not sit there like a heron.”\n\n\
             Ann went indoors.";
    assert_eq!(
        speaker_of(t, "They are on the table").as_deref(),
        Some("Ann")
    );
    assert_eq!(speaker_of(t, "Then fetch them").as_deref(), Some("Harriet"));
}

#[test]
fn a_named_line_later_on_never_gives_a_line_to_the_one_it_calls_by_name() {
    // Ruth's named line at the end anchors the untagged lines before it by turns, but the line
    // that asks "Ruth?" is not Ruth's, whatever the count of turns says.
    let t = "“Ann,” said Ruth, “the minister called while you were down at the pond.”\n\n\
             Ann came in from the porch with a basket of eggs.\n\n\
             “Did he? Why didn't you send for me, Ruth?”\n\n\
             “I did not think of it.”\n\n\
             “You never think of it.”\n\n\
             “That is unkind.”\n\n\
             “It is true, Ann, and you know it,” said Ruth.\n\n\
             Ann set the basket down.";
    assert_eq!(speaker_of(t, "Did he?").as_deref(), Some("Ann"));
}

#[test]
fn her_mother_is_never_the_one_the_story_calls_miss() {
    // The only other Marlow woman is Miss Marlow, Anne's sister: "her mother" is someone else.
    let t = "Anne Marlow came home late from the village. Miss Ellen Marlow was at the window, \
             and saw her come up the path.\n\n\
             “You are wet through,” said Miss Marlow.\n\n\
             “It rained all the way from the mill,” said Anne.\n\n\
             She went into the kitchen, where a fire was burning.\n\n\
             “Take off those boots at once,” said her mother.";
    assert_ne!(
        speaker_of(t, "Take off those boots").as_deref(),
        Some("Ellen Marlow")
    );
}

#[test]
fn an_exclamation_opening_a_line_names_nobody() {
    // "Rubbish!" opens a line as "Ann!" does, but nobody is called Rubbish: the narrator, whom
    // the captain answers so three times, does not take it as a name.
    let t = "I went down to the harbour with Captain Hale.\n\n\
             “The boat will sink,” I said.\n\n\
             “Rubbish! She has sailed for forty years,” said the captain.\n\n\
             “Then she is old,” I said.\n\n\
             “Rubbish! Old boats are the best boats,” said the captain.\n\n\
             “We shall see,” I said.\n\n\
             “Rubbish! You will see nothing from the quay,” said the captain.\n\n\
             “I shall see you sink,” I said.\n\n\
             The captain laughed and went aboard.";
    let (_, a) = run(t);
    assert!(
        a.speakers.iter().all(|s| !s.name.contains("Rubbish")),
        "{:?}",
        a.speakers.iter().map(|s| &s.name).collect::<Vec<_>>()
    );
}

#[test]
fn miss_and_a_family_name_address_the_woman_of_the_family_not_her_brother() {
    // "Miss Marlow" is Ellen, though her brother Tom is the Marlow named last: she is spoken
    // to, so the line is not hers.
    let t = "“Good morning,” said Mr Grey.\n\n\
             “We want a lamp for the cottage,” Ellen Marlow told him. She had come with her \
             brother, Tom Marlow.\n\n\
             “Miss Marlow, that one will not do for a cottage.”";
    assert_ne!(
        speaker_of(t, "Miss Marlow, that one").as_deref(),
        Some("Ellen Marlow")
    );
}

#[test]
fn one_silent_for_six_turns_is_still_in_the_conversation() {
    // The last line speaks to both who have been talking: it is Harriet's, who spoke first.
    let t = "“We should wait for the tide,” said Harriet.\n\n\
             “The tide will not wait for us,” said Ann.\n\n\
             “Then we row,” said Ben.\n\n\
             “Row? With one oar?” said Ann.\n\n\
             “One oar is enough for a man who knows how,” said Ben.\n\n\
             “And you know how?” said Ann.\n\n\
             “I know how,” said Ben.\n\n\
             “Ann, Ben, you are both talking nonsense.”";
    assert_eq!(
        speaker_of(t, "Ann, Ben, you are").as_deref(),
        Some("Harriet")
    );
}

#[test]
fn a_line_that_names_someone_in_the_third_person_is_not_theirs() {
    // Ben's action beat stands before the line, but people say "I", not their own name: the
    // line is Nell's, about him.
    let t = "“You are late again,” said Nell.\n\n\
             “The cart lost a wheel,” said Ben.\n\n\
             “Then you should have walked.”\n\n\
             “Walked? Four miles in this rain?”\n\n\
             “Other men do.”\n\n\
             Ben put down his cup and looked at the fire.\n\n\
             “Ben never listens to anybody, and he never will.”\n\n\
             “I listen to you,” said Ben.";
    assert_eq!(speaker_of(t, "Ben never listens").as_deref(), Some("Nell"));
    assert_eq!(speaker_of(t, "I listen to you").as_deref(), Some("Ben"));
}

#[test]
fn said_i_in_a_first_person_story_is_the_narrator() {
    let t = "I went down to the harbour at dawn. I saw the boats come in, and I waited.\n\n\
             “Where are you going?” asked Tom.\n\n\
             “Home,” said I.";
    assert_eq!(speaker_of(t, "Where are").as_deref(), Some("Tom"));
    assert_eq!(speaker_of(t, "Home").as_deref(), Some("the narrator"));
}

// A speaker named after the quotation.

#[test]
fn the_first_i_said_of_a_first_person_story_is_the_narrators() {
    // The story is known to be told by "I" only a few lines in; its first line is theirs too.
    let t = "I walked along the quay with Harold Finch in the evening.\n\n\
             “They sail at dawn,” I said.\n\n\
             “Then we must be early,” said Harold.\n\n\
             “We must,” I said. “The tide will not wait for us.”\n\n\
             “Nor for anyone,” he said.";
    assert_eq!(speaker_of(t, "They sail").as_deref(), Some("the narrator"));
    assert_eq!(
        speaker_of(t, "Then we must").as_deref(),
        Some("Harold Finch")
    );
}

#[test]
fn a_long_quotation_takes_the_speaker_named_after_it() {
    let t = "The strike entered its third week.\n\n\
             “We have asked for a fair wage, nothing more, and we will stay out for as long as it \
             takes, whatever the company says about the cost to the town,” said Jo Park, the \
             union’s chair.";
    assert_eq!(speaker_of(t, "We have asked").as_deref(), Some("Jo Park"));
}

#[test]
fn the_tag_that_ends_the_sentence_names_who_said_its_quoted_words() {
    let t = "Lena Ortiz has run the harbour board since 2019.\n\n\
             Shipping firms grew more “cautious” about the new berths as fuel costs rose, Ortiz \
             said.\n\n\
             “It will take time” for the port, said Omar Haddad, a dock foreman.";
    assert_eq!(speaker_of(t, "cautious").as_deref(), Some("Lena Ortiz"));
    assert_eq!(
        speaker_of(t, "It will take").as_deref(),
        Some("Omar Haddad")
    );
}

#[test]
fn the_closing_tag_may_carry_an_adjunct_and_a_tag_between_commas_names_the_speaker() {
    let t = "Ruth Adeyemi spoke last.\n\n\
             Parties had “put the biggest crack” yet in the wall, she said in a video message to \
             the convention.\n\n\
             Tom Reyes chaired the session. Funding, Adeyemi noted, has long been what keeps \
             the party’s “old guard” loyal.";
    assert_eq!(
        speaker_of(t, "put the biggest").as_deref(),
        Some("Ruth Adeyemi")
    );
    assert_eq!(speaker_of(t, "old guard").as_deref(), Some("Ruth Adeyemi"));
}

#[test]
fn fragments_share_the_tag_that_ends_their_sentence_with_its_listener() {
    let t = "Critics should bring evidence instead of words like “maybe” and “perhaps”, Ana \
             Ruiz told reporters.";
    assert_eq!(speaker_of(t, "maybe").as_deref(), Some("Ana Ruiz"));
    assert_eq!(speaker_of(t, "perhaps").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_paper_told_at_the_end_of_the_sentence_is_the_listener() {
    let t = "“We are not going anywhere,” Ana Ruiz, who chairs the tenants’ group, told The \
             Herald.";
    assert_eq!(speaker_of(t, "We are not").as_deref(), Some("Ana Ruiz"));
}

// Contractions and initialisms: "She’ll" is a pronoun, "7 p.m. He says" two sentences.

#[test]
fn a_contracted_pronoun_is_the_pronoun_never_a_name() {
    let t = "Nora Vance ran the night shelter for a decade. Tom Reyes ran the kitchen.\n\n\
             She’d never liked the new rules. “We are leaving.”";
    assert!(!speaker_names(t).iter().any(|n| n.contains('’')));
    assert_eq!(
        speaker_of(t, "We are leaving").as_deref(),
        Some("Nora Vance")
    );
}

#[test]
fn a_sentence_ends_after_pm_when_a_pronoun_follows() {
    let t = "Tom Reyes says he will wait for the count after the polls close at 8 p.m. He says \
             “it is too close to call.”";
    let (_, a) = run(t);
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial || q.kind == QuoteKind::Direct)
        .expect("the quotation is found");
    let m = q.speaker_mention.expect("a speaker mention");
    assert_eq!(&t[m.start..m.end], "He");
}

#[test]
fn an_adverb_before_the_verb_and_a_tag_that_belongs_to_the_next_quote() {
    let t = "After the audit, Mayor Lena Ortiz emphatically declared at a press conference, “No \
             money went missing.” The chief auditor, Paul Weir, replied: “We will see.”\n\n\
             Ortiz, exasperated, famously answered: “What difference does it make?” Her critics \
             cited it as evidence of contempt.";
    assert_eq!(speaker_of(t, "No money").as_deref(), Some("Lena Ortiz"));
    assert_eq!(speaker_of(t, "We will see").as_deref(), Some("Paul Weir"));
    assert_eq!(
        speaker_of(t, "What difference").as_deref(),
        Some("Lena Ortiz")
    );
}

// Places in appositions are never speakers.

#[test]
fn a_town_in_an_apposition_is_not_the_speaker() {
    let t = "Helen Marsh leads the party.\n\n\
             At a rally in the river town of Marlow, the party leader said: “We will win.”";
    let names = speaker_names(t);
    assert!(!names.iter().any(|n| n == "Marlow"), "{names:?}");
}

#[test]
fn a_state_before_a_role_noun_is_not_a_person() {
    // "The former New Mexico governor" is a governor from New Mexico, and "he" is that man.
    let t = "Libertarian presidential candidate Gary Jonas has a clean bill of health.\n\n\
             The former New Mexico governor is a triathlete and has climbed many peaks. He \
             released a letter from his doctor on Friday that says he has \"extraordinarily good \
             health\" for his age.";
    let names = speaker_names(t);
    assert!(!names.iter().any(|n| n.contains("Mexico")), "{names:?}");
    assert_eq!(
        speaker_of(t, "extraordinarily").as_deref(),
        Some("Gary Jonas")
    );
}

// The right referent, joined to its name.

#[test]
fn the_chief_is_the_fire_chief_named_before() {
    let t = "Fire Chief Ana Ruiz arrived at noon.\n\n\
             “The roof could fall at any moment,” the chief said.";
    assert_eq!(speaker_of(t, "The roof could").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_first_name_later_is_the_same_person() {
    let t = "“We start on Monday,” said Ana Ruiz.\n\n\
             “It will take a month,” Ana added.";
    assert_eq!(speaker_of(t, "It will take").as_deref(), Some("Ana Ruiz"));
    assert_eq!(speaker_names(t), ["Ana Ruiz"]);
}

#[test]
fn the_company_is_the_company_named_a_sentence_before() {
    let t = "Northwind Energy cut 300 jobs on Tuesday.\n\n\
             “The decision was not taken lightly,” the company said in a statement.";
    assert_eq!(
        speaker_of(t, "The decision").as_deref(),
        Some("Northwind Energy")
    );
}

#[test]
fn a_mrs_and_a_miss_with_one_surname_are_two_people() {
    let t = "“I am going out,” said Miss Daisy Hale.\n\n\
             “You will do no such thing,” said Mrs. Hale.\n\n\
             “Then come with me,” said Daisy.";
    let going = speaker_of(t, "I am going");
    let mother = speaker_of(t, "You will do");
    assert_eq!(going.as_deref(), Some("Daisy Hale"));
    assert_ne!(mother, going);
    assert_eq!(speaker_of(t, "Then come"), going);
}

// Titles and kinds.

#[test]
fn titles_are_not_part_of_the_name() {
    let t = "“The budget is balanced,” said Councillor James Whitfield.";
    assert_eq!(
        speaker_of(t, "The budget").as_deref(),
        Some("James Whitfield")
    );
}

#[test]
fn he_is_not_the_organisation_named_last() {
    let t = "Daniel Okafor runs the clinic.\n\n\
             The health ministry has cut its grant.\n\n\
             “We will have to close on Sundays,” he said.";
    assert_eq!(
        speaker_of(t, "We will have to").as_deref(),
        Some("Daniel Okafor")
    );
}

// Reported speech.

#[test]
fn a_titled_subject_after_the_clause_reports_it() {
    let t = "Profits will fall next year, chief financial officer Pia Lund warned.";
    let all = quotes(t);
    let reported = first_reported(&all);
    assert!(reported.0.starts_with("Profits will fall"), "{all:?}");
    assert_eq!(reported.2.as_deref(), Some("Pia Lund"));
}

#[test]
fn the_name_set_after_a_role_of_an_organisation_is_the_speaker() {
    // The subject is "the chief executive of the association", and Tom Okafor is that person.
    let t = "The chief executive of the Harbour Road Traders' Association, Tom Okafor, warned \
             that several shops would close.";
    let all = quotes(t);
    let reported = first_reported(&all);
    assert!(reported.0.starts_with("several shops"), "{all:?}");
    assert_eq!(reported.2.as_deref(), Some("Tom Okafor"));
    // "said that" puts what was said after the verb, never the words before the name.
    let all =
        quotes("The union's chief executive, Tom Okafor, said that several shops would close.");
    assert!(
        all.iter()
            .filter(|q| q.1 == QuoteKind::Reported)
            .all(|q| q.0.starts_with("several shops")),
        "{all:?}"
    );
}

#[test]
fn that_before_a_plural_opens_a_clause_and_is_not_part_of_the_speaker() {
    let all = quotes("The council approved a plan that shop owners say will cost them customers.");
    let reported = first_reported(&all);
    assert_eq!(reported.2.as_deref(), Some("shop owners"), "{all:?}");
}

#[test]
fn a_company_that_speaks_first_is_the_company_and_one_name_however_spaced() {
    // One company, written two ways and then called "the company": one speaker, an organisation.
    let t = "Quarterly profits at NorthStar jumped 12% in the three months to December.\n\n\
             \"This was our best quarter in a decade,\" NorthStar said in a statement.\n\n\
             North Star said on Friday that it would open two new plants. However, the company \
             said that costs had risen by 8%.\n\n\
             \"We expect a harder year,\" the company said.";
    let (_, a) = run(t);
    let speakers: Vec<(&str, quotelens::SpeakerKind)> = a
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.kind))
        .collect();
    assert_eq!(
        speakers,
        [("North Star", quotelens::SpeakerKind::Organization)],
        "{speakers:?}"
    );
}

#[test]
fn what_was_told_is_not_who_it_was_told_to() {
    let t = "Senator Ruth Adler told reporters outside the chamber that the bill would pass.";
    let all = quotes(t);
    assert!(all.iter().all(|q| !q.0.starts_with("reporters")), "{all:?}");
    let reported = first_reported(&all);
    assert!(reported.0.contains("the bill would pass"), "{all:?}");
    assert_eq!(reported.2.as_deref(), Some("Ruth Adler"));
}

#[test]
fn when_or_where_something_was_said_is_not_what_was_said() {
    // After the listener, "after the vote" and "during an interview" say when, not what.
    for t in [
        "“We will build it,” Mayor Ana Ruiz told reporters after the vote.",
        "Ruiz told the paper during an interview on Sunday.",
        "Ruiz told reporters outside the chamber.",
    ] {
        let all = quotes(t);
        assert!(
            all.iter().all(|q| q.1 != QuoteKind::Reported),
            "{t}: {all:?}"
        );
    }
    // What follows such an adjunct may still be what was said.
    let all = quotes("Ruiz told reporters after the vote that the lanes would open in March.");
    assert!(
        all.iter()
            .any(|q| q.1 == QuoteKind::Reported && q.0.contains("the lanes would open")),
        "{all:?}"
    );
}

// A story calls its people by their given names.

#[test]
fn a_given_name_alone_is_the_person_with_that_given_name() {
    // "With Mrs. Allan Anne fell in love" runs two names together; "Anne" after it is still
    // Anne Shirley.
    let t = "Anne Shirley came to the farm in June, and Marilla met her at the gate.\n\n\
             “Are you tired?” asked Marilla.\n\n\
             “Not a bit,” said Anne.\n\n\
             “Then come in.”\n\n\
             “May I see the orchard first?”\n\n\
             The new minister’s wife came to tea on Sunday. With Mrs. Allan Anne fell in love \
             at once.\n\n\
             “You must call me whenever you like,” said Mrs. Allan.\n\n\
             “I will,” said Anne. “I will come every week.”";
    assert_eq!(speaker_of(t, "I will,").as_deref(), Some("Anne Shirley"));
    assert_eq!(
        speaker_of(t, "I will come every week").as_deref(),
        Some("Anne Shirley")
    );
}

// A person called by a first name alone is of that name's gender.

#[test]
fn she_is_not_the_boy_called_by_his_first_name() {
    let t = "Mrs. Honeychurch sat by the window, and Freddy sat by the fire.\n\n\
             “So would I,” asserted Freddy.\n\n\
             “And I have been thinking,” she added rather nervously.\n\n\
             “To the sea,” she answered.";
    assert_eq!(speaker_of(t, "So would I").as_deref(), Some("Freddy"));
    assert_eq!(
        speaker_of(t, "And I have been").as_deref(),
        Some("Honeychurch")
    );
    assert_eq!(speaker_of(t, "To the sea").as_deref(), Some("Honeychurch"));
}

// An epithet ("the young girl") is the named person of that sex the story is about.

#[test]
fn the_young_girl_is_the_named_girl_in_view() {
    let lines = [
        "Are you going to Italy?",
        "Yes, in the spring.",
        "We shall see the Alps.",
        "It is a fine view.",
    ];
    let t = story(
        "Winterbourne walked down to the lake.\n\n",
        &lines,
        |i, line| {
            format!(
                "Daisy Miller came along the path, and Winterbourne waited.\n\n\
             Daisy stopped by the wall number {i}, and she smiled.\n\n\
             “{line}” said the young girl.\n\n"
            )
        },
    );
    assert_eq!(
        speaker_of(&t, "Are you going").as_deref(),
        Some("Daisy Miller")
    );
    assert_eq!(
        speaker_of(&t, "It is a fine").as_deref(),
        Some("Daisy Miller")
    );
    // Someone new, told apart from the named: "a man" is never joined to anyone.
    let t = "Winterbourne stood by the door.\n\n“Tickets,” said a man.\n\n“Here,” said a man.";
    assert_ne!(speaker_of(t, "Tickets").as_deref(), Some("Winterbourne"));
}

#[test]
fn the_child_who_speaks_before_she_is_named_is_the_child_named_after() {
    // The story calls her "the child" before it names her, and still does once it has.
    let t = "Thomas drove down to the ferry landing in the rain.\n\n\
             “Are you the man from the farm?” asked the child.\n\n\
             “I am,” said Thomas.\n\n\
             “I thought nobody would come for me,” said the child.\n\n\
             Thomas lifted the bag into the cart. The child climbed up beside him.\n\n\
             “What do they call you?” asked Thomas.\n\n\
             “Tilly.”\n\n\
             Her name, it turned out, was Ottilie Brandt. Ottilie, poor child, talked all the \
             way up the hill while Thomas listened.\n\n\
             “Is that the farm?” said the child, pointing at the lights.\n\n\
             “That is the farm,” said Thomas.";
    for line in ["Are you the man", "I thought nobody", "Is that the farm"] {
        assert_eq!(speaker_of(t, line).as_deref(), Some("Ottilie"), "{line}");
    }
    assert_eq!(speaker_of(t, "I am").as_deref(), Some("Thomas"));
    // Someone named later whom the story never calls by the description is someone else.
    let t = t.replace("Ottilie, poor child,", "Ottilie");
    assert_eq!(
        speaker_of(&t, "Are you the man").as_deref(),
        Some("the child")
    );
}

#[test]
fn his_companion_is_the_one_he_is_with() {
    let t = "Tom walked along the quay with Eliza Grant in the evening. He pointed at the \
             boats.\n\n\
             “They sail at dawn,” he said.\n\n\
             “Then we must be early,” said his companion.\n\n\
             “We must,” said Tom.";
    assert_eq!(
        speaker_of(t, "Then we must").as_deref(),
        Some("Eliza Grant")
    );
    // In a first-person story, "my companion" is whoever the narrator is with.
    let t = "I walked along the quay with Harold Finch in the evening. The boats were coming \
             in.\n\n\
             “They sail at dawn,” I said.\n\n\
             “Then we must be early,” said my companion.\n\n\
             “We must,” I said. “The tide will not wait for us.”\n\n\
             “Nor for anyone,” said my companion.\n\n\
             “Have you the tickets?” I asked.";
    assert_eq!(
        speaker_of(t, "Nor for anyone").as_deref(),
        Some("Harold Finch")
    );
    assert_eq!(speaker_of(t, "Have you").as_deref(), Some("the narrator"));
}

#[test]
fn a_role_set_after_a_name_without_a_comma_is_that_persons() {
    // "Hobbs the blacksmith": the role is Hobbs's, so "the blacksmith" is Hobbs.
    let t = "Tom ran up the lane to Hobbs the blacksmith. He was out of breath.\n\n\
             “Have you seen the cart?” he asked.\n\n\
             “What cart?” said the blacksmith, putting down his hammer.";
    assert_eq!(speaker_of(t, "What cart").as_deref(), Some("Hobbs"));
    // Not when the role begins a clause of its own.
    let t = "Tom told Hobbs the blacksmith was late.\n\n\
             “Late again?” said the blacksmith.";
    assert_ne!(speaker_of(t, "Late again").as_deref(), Some("Hobbs"));
}

#[test]
fn the_old_lady_is_the_one_the_story_calls_the_grandmother() {
    // A capitalised description in mid-sentence is how the story names her: the epithet stands
    // for her as it would for a name.
    let opening = "The family waited in the hall of the hotel.\n\n\
                   “Good morning,” said the Grandmother.\n\n\
                   “Good morning, madam,” said Pavel.\n\n";
    let lines = [
        "Where is my room?",
        "Bring the chair here.",
        "I shall play at once.",
        "Take me to the tables.",
    ];
    let t = story(opening, &lines, |i, line| {
        format!(
            "Pavel bowed, and the Grandmother looked at the stairs number {i}.\n\n\
             “{line}” said the old lady.\n\n"
        )
    });
    assert_eq!(
        speaker_of(&t, "Where is my room").as_deref(),
        Some("the Grandmother")
    );
    assert_eq!(
        speaker_of(&t, "Take me to").as_deref(),
        Some("the Grandmother")
    );
}

#[test]
fn the_girl_is_not_the_woman_who_spoke_the_line_before() {
    // Miss Bartlett is named last before every "said the girl", but as the other side of the
    // exchange: the girl is Lucy.
    let exchanges = [
        ("Shall we go out?", "Not yet."),
        ("Is it raining?", "A little."),
        ("Will you read to me?", "Gladly."),
        ("Are you tired, dear?", "Not at all."),
    ];
    let opening = "The two ladies had come to Florence in the spring.\n\n";
    let t = story(opening, &exchanges, |i, (asked, answered)| {
        format!(
            "Lucy stood by the window of room number {i}.\n\n\
             “{asked}” said Miss Bartlett.\n\n\
             “{answered}” said the girl.\n\n"
        )
    });
    assert_eq!(speaker_of(&t, "Not yet").as_deref(), Some("Lucy"));
    assert_eq!(speaker_of(&t, "Gladly").as_deref(), Some("Lucy"));
}

// A paragraph that ends on narration about someone hands them the next line.

#[test]
fn the_line_after_she_spoke_is_hers() {
    let t = "“Shall we walk back by the wood?” asked Cecil.\n\n\
             “If you like,” said Lucy.\n\n\
             They walked on in silence for a long while. He waited for her to say something \
             about the view. At last she spoke.\n\n\
             “Emerson was the name, not Harris.”";
    assert_eq!(
        speaker_of(t, "Emerson was the name").as_deref(),
        Some("Lucy")
    );
}

// A name whose last word is a noun for a person is a person of that sex.

#[test]
fn he_is_the_frenchman_not_the_woman_beside_him() {
    let t = "The Frenchman stood at the table while Polina counted the coins.\n\n\
             “Nothing more tonight,” he said.";
    assert_eq!(speaker_of(t, "Nothing more").as_deref(), Some("Frenchman"));
    // …through the pronoun of the tag, which agrees with him (it clashed with an institution).
    let (doc, a) = run(t);
    let mention = a.quotes[0].speaker_mention.map(|m| m.text(&doc.text));
    assert_eq!(mention, Some("he"));
}

// A titled surname after "Mrs" and the same surname alone is her husband.

#[test]
fn admiral_croft_is_not_mrs_croft() {
    let t = "Mrs Croft came in first, and the Admiral followed her.\n\n\
             “We have been walking by the sea,” said Mrs Croft.\n\n\
             “A fine morning for it,” said Admiral Croft.";
    let (doc, a) = run(t);
    let speaker = |start: &str| {
        a.quotes
            .iter()
            .find(|q| q.content.text(&doc.text).starts_with(start))
            .and_then(|q| q.speaker)
    };
    assert!(speaker("We have been").is_some());
    assert_ne!(speaker("We have been"), speaker("A fine morning"));
}

// "He" in a story told by "I" is never the narrator.

#[test]
fn he_after_the_narrators_question_is_the_man_named_paragraphs_before() {
    let t = "I had lodged in Baker Street for a year. I knew my friend well. I had learned his \
             habits.\n\n\
             Sherlock Holmes took his bottle from the mantel-piece. He adjusted the needle.\n\n\
             I had watched this performance for many months. I had become irritable at the \
             sight. I had made a vow. I could hold out no longer.\n\n\
             I looked at the fire for a long time. The clock struck nine. The rain fell on the \
             street. The fire burned low. A cab passed outside. The lamps were lit.\n\n\
             “Which is it to-day?” I asked.\n\n\
             He raised his eyes from the old volume.\n\n\
             “It is cocaine,” he said.";
    assert_eq!(
        speaker_of(t, "It is cocaine").as_deref(),
        Some("Sherlock Holmes")
    );
    assert_eq!(
        speaker_of(t, "Which is it").as_deref(),
        Some("the narrator")
    );
}

// A noun for what was said, with its possessor, attributes like a speech verb.

#[test]
fn was_her_answer_names_the_possessor() {
    let t = "Anne sat down beside her old friend Mrs Smith and Mary Musgrove.\n\n\
             “I have not seen him these three years,” was Mrs Smith’s answer.\n\n\
             Mary’s declaration was, “I hate sending the children to the Great House.”";
    assert_eq!(speaker_of(t, "I have not seen").as_deref(), Some("Smith"));
    assert_eq!(
        speaker_of(t, "I hate sending").as_deref(),
        Some("Mary Musgrove")
    );
}

#[test]
fn the_possessor_of_what_is_spoken_about_is_not_the_speaker() {
    let t = "Mayor Lena Ortiz, speaking to reporters on Tuesday, said of Paul Weir's latest \
             request: “The audit settled all of this.”";
    assert_eq!(speaker_of(t, "The audit").as_deref(), Some("Lena Ortiz"));
}

// A quotation inside a relative clause is said by the clause's antecedent.

#[test]
fn the_relative_clause_quote_is_said_by_its_antecedent_through_who() {
    let t = "“Donald Trump is a danger,” said Glenn Beck, who called the plan “a disaster for \
             everyone.”";
    assert_eq!(
        speaker_and_mention(t, "a disaster"),
        (Some("Glenn Beck".into()), Some("who".into()))
    );
}

#[test]
fn an_organisations_relative_clause_quote_is_said_through_which() {
    let t = "To settle it, the fact-checkers turned to the Ashby Police Department which \
             reported “2,521 incidents” between January and September.";
    assert_eq!(
        speaker_and_mention(t, "2,521 incidents"),
        (Some("Ashby Police Department".into()), Some("which".into()))
    );
}

#[test]
fn a_paragraph_subject_is_named_by_their_mention_in_the_quotes_sentence() {
    // The words are hers by the paragraph, and "she" in their own sentence is what says so.
    let t = "Senator Ana Ruiz has been cagey about where she stands on the tax, offering few \
             details beyond a letter in May, in which she asked for the program to get \"back on \
             course.\"";
    assert_eq!(
        speaker_and_mention(t, "back on course"),
        (Some("Ana Ruiz".into()), Some("she".into()))
    );
}

// Older fiction introduces a line with "X said--" at the end of the paragraph before it.

#[test]
fn a_paragraph_ending_said_dash_introduces_the_next_line() {
    let t = "Anne looked at the sea.\n\n\
             After a moment's pause, Captain Wentworth said--\n\n\
             \"It is a fine day for it.\"";
    assert_eq!(
        speaker_of(t, "It is a fine day").as_deref(),
        Some("Wentworth")
    );
    // "After a moment's pause" is no reported speech.
    assert!(
        quotes(t).iter().all(|q| q.1 != QuoteKind::Reported),
        "{:?}",
        quotes(t)
    );
}

// Dialogue tags with an adverb, a progressive or an object pronoun.

#[test]
fn dialogue_tags_with_an_adverb_a_progressive_or_an_object() {
    let t = "Freddy and Lucy sat at the table.\n\n\
             \"Try the jam,\" Freddy was saying.\n\n\
             \"Do you really want this?\" Lucy asked him.\n\n\
             \"What on earth are you so grave about?\" Freddy suddenly demanded.";
    assert_eq!(speaker_of(t, "Try the jam").as_deref(), Some("Freddy"));
    assert_eq!(speaker_of(t, "Do you really").as_deref(), Some("Lucy"));
    assert_eq!(speaker_of(t, "What on earth").as_deref(), Some("Freddy"));
}

// A dialogue tag's pronoun decides against the alternation: "she said" is never the man's line.

#[test]
fn she_said_is_the_womans_line_even_out_of_turn() {
    let t = "Tom Reed and Anna Berg stood at the gate.\n\n\
             \"It is late,\" said Tom.\n\n\
             \"The bus has gone,\" said Anna.\n\n\
             \"We can walk,\" she said.";
    assert_eq!(speaker_of(t, "We can walk").as_deref(), Some("Anna Berg"));
}

// Who reports the words: the outer speaker of a nested report, the subject of a participle.

#[test]
fn the_one_who_reports_another_is_the_source() {
    let t = "Rep. Ana Ruiz said Mayor Tom Bell called on members to be “closely coordinated.”";
    assert_eq!(
        speaker_of(t, "closely coordinated").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_statement_saying_is_its_authors() {
    let t = "Maria Costa issued a statement saying the plan was “a betrayal of every tenant.”\n\n\
             Peter Hale sent an email to supporters saying, “We are not done yet.”";
    assert_eq!(speaker_of(t, "a betrayal").as_deref(), Some("Maria Costa"));
    assert_eq!(
        speaker_of(t, "We are not done").as_deref(),
        Some("Peter Hale")
    );
}

#[test]
fn with_x_calling_it_is_xs_own_word() {
    let t = "Republicans were quick to react, with Maria Costa calling the deal “a disaster.”";
    assert_eq!(speaker_of(t, "a disaster").as_deref(), Some("Maria Costa"));
}

#[test]
fn a_question_ends_its_sentence_but_not_its_attribution() {
    let t = "Maria Costa spoke first on Monday.\n\n\
             “It looks like we will not get along, who knows?” Peter Hale told the station in an \
             interview.\n\n\
             “Why now?” Peter Hale asked. Maria Costa then wrote back, “Because it is time.”";
    assert_eq!(
        speaker_of(t, "It looks like").as_deref(),
        Some("Peter Hale")
    );
    assert_eq!(speaker_of(t, "Why now").as_deref(), Some("Peter Hale"));
    assert_eq!(
        speaker_of(t, "Because it is").as_deref(),
        Some("Maria Costa")
    );
}

#[test]
fn who_said_during_an_event_that_another_spoke_is_the_source() {
    let t = "Mayor Dana Okafor said during a town meeting in Leeds that Colin Marsh once called \
             the tunnel plan “a gift to the region.”";
    assert_eq!(speaker_of(t, "a gift").as_deref(), Some("Dana Okafor"));
}

// A voice: "her voice said" is hers.

#[test]
fn her_voice_is_the_woman_in_view_not_a_speaker_called_her_voice() {
    let t = "Mara Lind and Tom Reyes sat by the fire.\n\n\
             “It is late,” said Tom.\n\n\
             A long silence followed. Then her voice said, “We should go.”";
    assert_eq!(speaker_of(t, "We should go").as_deref(), Some("Mara Lind"));
    assert!(!speaker_names(t).iter().any(|n| n.contains("voice")));
}

// Relatives: "her mother" is the one of her family the story has named.

#[test]
fn her_mother_is_the_mrs_of_her_family() {
    let t = "Lucy Honeychurch came home on Friday. Mrs. Honeychurch was in the garden with \
             Freddy Honeychurch.\n\n\
             “I am back,” said Lucy.\n\n\
             “So I see,” said her mother. “Was Florence warm?”\n\n\
             “Very warm,” said Lucy.\n\n\
             “It always is,” said her mother.";
    let (doc, a) = run(t);
    let speaker = |start: &str| {
        let q = a
            .quotes
            .iter()
            .find(|q| q.content.text(&doc.text).starts_with(start))
            .unwrap_or_else(|| panic!("no quote starting {start:?}"));
        q.speaker.map(|s| &a.speakers[s])
    };
    let mother = speaker("So I see").expect("the mother's line has a speaker");
    assert!(
        mother.aliases.iter().any(|n| n == "Mrs. Honeychurch"),
        "her mother is Mrs. Honeychurch, not {:?} {:?}",
        mother.name,
        mother.aliases
    );
    let lucy = speaker("Very warm").expect("Lucy's line has a speaker");
    assert_eq!(lucy.name, "Lucy Honeychurch");
    assert_eq!(speaker("Was Florence").map(|s| &s.name), Some(&mother.name));
}

#[test]
fn in_the_news_mrs_clinton_is_hillary_clinton() {
    let t = "Hillary Clinton spoke in Ohio on Monday. Hillary promised jobs.\n\n\
             “We will win this state,” Mrs. Clinton said.";
    assert_eq!(
        speaker_of(t, "We will win").as_deref(),
        Some("Hillary Clinton")
    );
}

#[test]
fn an_online_commenter_is_a_speaker() {
    let t = "Chinese social media lit up after the debate. Officials in Beijing said little.\n\n\
             “It is great fun watching the fight,” one user wrote. “This is their democracy.”";
    let who = speaker_of(t, "It is great fun").unwrap_or_default();
    assert!(who.ends_with("user"), "spoken by {who:?}");
    assert_eq!(
        speaker_of(t, "This is their").as_deref(),
        Some(who.as_str())
    );
}

#[test]
fn a_document_that_states_and_a_newspapers_reporter() {
    let t = "Maria Costa spoke first.\n\n\
             “Leave becomes available after one year,” the document states.\n\n\
             “It was a coup,” The Harbour Post's Ed Barnes explained.";
    assert_eq!(
        speaker_of(t, "Leave becomes").as_deref(),
        Some("the document")
    );
    assert_eq!(speaker_of(t, "It was a coup").as_deref(), Some("Ed Barnes"));
}

#[test]
fn a_given_name_takes_the_full_name_the_story_gives_once() {
    // The heading names her in full; the story calls her Lucy and, in others' mouths, Miss
    // Honeychurch — one person. Her mother is Mrs. Honeychurch, someone else.
    let opening = "Chapter II. In Which Miss Lucy Honeychurch Takes a Walk\n\n\
                   Miss Honeychurch stood at the window. Mrs. Honeychurch sat by the fire.\n\n";
    let lines = [
        ("“It is raining again,”", "said Lucy"),
        ("“It always rains in June,”", "said Mrs. Honeychurch"),
        ("“Then I shall walk in the rain,”", "said Lucy"),
        ("“You will catch a cold,”", "said Mrs. Honeychurch"),
    ];
    let t = story(opening, &lines, |_, (line, tag)| {
        format!("{line} {tag}.\n\n")
    });
    let names = speaker_names(&t);
    assert!(
        names.iter().any(|n| n == "Lucy Honeychurch"),
        "Lucy is Lucy Honeychurch: {names:?}"
    );
    assert_eq!(
        speaker_of(&t, "It is raining"),
        speaker_of(&t, "Then I shall")
    );
    assert_ne!(
        speaker_of(&t, "It is raining"),
        speaker_of(&t, "It always rains")
    );
}

#[test]
fn mr_emerson_is_not_george_when_the_story_calls_george_by_his_name() {
    let opening = "Chapter IV. Mr. George Emerson Goes Boating\n\n\
                   Mr. Emerson sat on the bank. George rowed.\n\n";
    let lines = [
        ("“The river is high,”", "said Mr. Emerson"),
        ("“It was higher last year,”", "said George"),
        ("“Row on, then,”", "said Mr. Emerson"),
        ("“I am rowing,”", "said George"),
    ];
    let t = story(opening, &lines, |_, (line, tag)| {
        format!("{line} {tag}.\n\n")
    });
    assert_eq!(
        speaker_of(&t, "It was higher").as_deref(),
        Some("George Emerson")
    );
    assert_ne!(
        speaker_of(&t, "The river is high"),
        speaker_of(&t, "It was higher")
    );
}

#[test]
fn the_young_man_is_not_the_old_man() {
    let t = "An old man and a young man sat in the pension.\n\n\
             “I have a view,” said the old man.\n\n\
             “So have I,” said the young man.\n\n\
             “Then we are lucky,” said the old man.\n\n\
             “We are,” said the young man.";
    assert_ne!(speaker_of(t, "I have a view"), speaker_of(t, "So have I"));
    assert_eq!(speaker_of(t, "So have I"), speaker_of(t, "We are"));
}

#[test]
fn according_to_a_paper_the_paper_reports_what_the_spokesman_said() {
    let t = "According to the Harbour Post, spokesman Ivo Brandt said on Friday that the mayor \
             “would sign this bill if it came to her desk.”";
    assert_eq!(speaker_of(t, "would sign").as_deref(), Some("Harbour Post"));
}

#[test]
fn according_to_after_the_tag_scopes_the_whole_claim_and_keeps_who_said_it() {
    // The paper vouches that the mayor said it, whichever end of the sentence names the paper;
    // the mayor stays on the quote as the one whose words they are.
    let t = "Mayor Lena Ortiz spoke to the harbour board on Monday.\n\n\
             “We will not raise the dock fees this year,” Ortiz said, according to the Harbour \
             Post. “The berths are full.”";
    assert_eq!(
        speaker_of(t, "We will not").as_deref(),
        Some("Harbour Post")
    );
    let (doc, a) = run(t);
    let q = a
        .quotes
        .iter()
        .find(|q| q.content.text(&doc.text).starts_with("We will not"))
        .expect("the quote is found");
    let original = q.original.as_ref().expect("the mayor's words are relayed");
    assert_eq!(original.name, "Lena Ortiz");
    assert_eq!(original.mention.text(&doc.text), "Ortiz");
    // Said without "according to", the words are hers outright.
    let t = "“We will not raise the dock fees this year,” Ortiz said on Monday.";
    assert_eq!(speaker_of(t, "We will not").as_deref(), Some("Ortiz"));
}

#[test]
fn her_mother_after_an_epithet_is_the_married_woman_of_the_named_familys() {
    // "her" is the young lady, whom the story named Nora Halden: her mother is the other Halden
    // woman, the married one — not a new person called "her mother".
    let t = "Miss Nora Halden had come down to the lake after breakfast, and Mrs. Halden followed \
             her. For a while neither spoke.\n\n\
             “Do you think it will rain?” asked Nora.\n\n\
             “I couldn’t say,” said Mrs. Halden.\n\n\
             Nora looked at the water. Nora was near her, folding her shawl. “Why do you always \
             bring that shawl?” this young lady inquired.\n\n\
             “I don’t know,” said her mother, turning toward the lake again.";
    let mother = speaker_of(t, "I couldn’t say");
    assert!(mother.is_some());
    assert_eq!(speaker_of(t, "I don’t know"), mother);
    assert!(!speaker_names(t).contains(&"her mother".to_string()));
}

#[test]
fn a_relative_named_in_apposition_is_who_his_aunt_is_from_then_on() {
    // An aunt does not share his family name; the apposition says who she is.
    let t = "Peter Vale had come to Lucerne to see his aunt. He went up to present his aunt, \
             Mrs. Harrow, to the other guests.\n\n\
             “They are very common people,” Mrs. Harrow declared.\n\n\
             “They are my friends,” said Peter.\n\n\
             “Then I pity you,” said his aunt.";
    let aunt = speaker_of(t, "They are very common");
    assert!(aunt.is_some());
    assert_eq!(speaker_of(t, "Then I pity you"), aunt);
}

#[test]
fn a_company_before_the_role_is_not_the_speaker_and_the_listener_is_not_what_was_said() {
    // "Harbourline co-founder Mia Sand told The Ledger." — the company premodifies the person
    // who speaks; the paper she told is neither the speaker nor reported speech.
    let t = "“Nobody can prove a negative,” Harbourline co-founder Mia Sand told The Ledger in \
             Leeds. “Even the original would not settle it.”";
    let all = quotes(t);
    let direct: Vec<_> = all
        .iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|q| q.2.as_deref())
        .collect();
    assert_eq!(direct, [Some("Mia Sand"), Some("Mia Sand")], "{all:?}");
    assert!(
        all.iter().all(|q| q.1 != QuoteKind::Reported),
        "the listener is not reported speech: {all:?}"
    );
    // After the listener, a clause is what was said.
    let said = quotes("Mia Sand told The Ledger the harbour deal was dead.");
    assert_eq!(said[0].0, "the harbour deal was dead");
}

#[test]
fn a_description_no_word_list_holds_speaks_when_it_is_the_subject_of_the_tag() {
    // "neurosurgeon" and "suit" are on no list of roles; before "told" and "says" they are the
    // subject, and neither the channel told nor a name from the sentence before is the speaker.
    let t = "Dana Holt filed papers against Harbourline on Monday.\n\n\
             “We were never consulted,” the retired neurosurgeon told Radio Leeds in a video. \
             “The plaintiff was the only one punished,” the suit says.";
    assert_eq!(
        speaker_of(t, "We were never").as_deref(),
        Some("the retired neurosurgeon")
    );
    assert_eq!(speaker_of(t, "The plaintiff").as_deref(), Some("the suit"));
    // Not an object: "delivered a snappy retort" leaves the speaker who delivered it.
    let t = "Dana Holt delivered a snappy retort: “No one is tearing this up.”";
    assert_eq!(speaker_of(t, "No one").as_deref(), Some("Dana Holt"));
}

#[test]
fn a_channel_inside_the_subject_or_before_a_speech_noun_is_not_the_speaker() {
    // "speaking to Radio Leeds" modifies the subject; "a Twitter comment" is what she posted.
    let t = "A second harbour official speaking to Radio Leeds said, “The cranes were never \
             inspected.”";
    assert_eq!(
        speaker_of(t, "The cranes").as_deref(),
        Some("a second harbour official")
    );
    let t = "Mia Sand immediately posted a Twitter comment of her own, saying, “We are so proud!”";
    assert_eq!(speaker_of(t, "We are").as_deref(), Some("Mia Sand"));
}

#[test]
fn words_in_the_clause_of_someones_claim_are_theirs() {
    let t = "Tom Reyes runs the port. The fact-checkers examined Mara Holt’s claim that there \
             were “thousands of ferries” in the bay last year.";
    assert_eq!(
        speaker_of(t, "thousands of ferries").as_deref(),
        Some("Mara Holt")
    );
    let t = "Tom Reyes runs the port. Ana Ruiz came under fire over her assertion during the \
             debate that “the port is safe” now.";
    assert_eq!(
        speaker_of(t, "the port is safe").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn referenced_is_a_cue_like_cited() {
    let t = "The Harbour Fund cut its forecast on Tuesday. Although the Harbour Fund did not \
             single out the mayor’s plans, it referenced “political tensions” in port cities.";
    let (doc, a) = run(t);
    let q = a
        .quotes
        .iter()
        .find(|q| q.kind == QuoteKind::Partial)
        .expect("the quoted words are found");
    let m = q.speaker_mention.expect("a speaker mention");
    assert_eq!(m.text(&doc.text), "it");
    assert_eq!(
        q.speaker.map(|s| a.speakers[s].name.as_str()),
        Some("Harbour Fund")
    );
}

#[test]
fn new_before_york_stays_in_the_description_of_the_speaker() {
    let t = "“He is funny,” New York attorney Eli Brandt said of the mayor.";
    let (doc, a) = run(t);
    let q = a.quotes.first().expect("the quotation is found");
    let m = q.speaker_mention.expect("a speaker mention");
    assert_eq!(m.text(&doc.text), "New York attorney Eli Brandt");
}

// House styles: the typewriter's two apostrophes are the New York Times archive's double marks.

#[test]
fn quotations_between_doubled_apostrophes_have_their_speakers() {
    let t = "Ana Ruiz, the fire chief, spoke on Monday.\n\n\
             ''We will rebuild the station,'' Ms. Ruiz said. ''It will take a year.''\n\n\
             ''I told him, 'Not this winter,''' recalled Tom Hale, her deputy.";
    let all = quotes(t);
    let direct: Vec<(&str, Option<&str>)> = all
        .iter()
        .filter(|q| q.1 == QuoteKind::Direct)
        .map(|q| (q.0.as_str(), q.2.as_deref()))
        .collect();
    assert_eq!(
        direct,
        [
            ("We will rebuild the station,", Some("Ana Ruiz")),
            ("It will take a year.", Some("Ana Ruiz")),
            ("I told him, 'Not this winter,'", Some("Tom Hale")),
        ]
    );
    // The words he reports inside his own are nested, not a quotation of their own.
    assert!(
        all.iter()
            .any(|q| q.0 == "Not this winter," && q.1 == QuoteKind::Nested)
    );
}

#[test]
fn a_story_character_named_with_the_is_someone_not_an_institution() {
    // News reads "the Pentagon said" as an institution; a story's "the Mock Turtle" is a
    // character, whose split line stays theirs.
    let t = "“Once,” said the Mock Turtle at last, with a deep sigh, “I was a real Turtle.”\n\n\
             “Indeed?” said Alice.\n\n\
             “We went to school in the sea,” said the Mock Turtle.\n\n\
             “I never heard of that,” said Alice.\n\n\
             The Mock Turtle sighed again and wiped his eyes. “The master was an old Turtle,” \
             he went on.\n\n\
             “Why did you call him Tortoise, if he wasn’t one?” asked Alice.";
    let (_, a) = run(t);
    let turtle = a
        .speakers
        .iter()
        .find(|s| s.name.ends_with("Mock Turtle"))
        .expect("the Mock Turtle speaks");
    assert_eq!(turtle.kind, SpeakerKind::Person);
    assert_eq!(
        speaker_of(t, "I was a real Turtle").as_deref(),
        Some(turtle.name.as_str())
    );
    assert_eq!(
        speaker_of(t, "The master was").as_deref(),
        Some(turtle.name.as_str())
    );
}

#[test]
fn a_speech_whose_paragraph_breaks_were_lost_is_one_speaker_throughout() {
    // A copy that joined the paragraphs of a long quotation: each reopening mark stays.
    let text = "Harbour master Ruth Kell spoke after the storm.\n\nShe said: \"The sea wall held. \"We lost two boats and a shed. \"I never want to see another night like it.\" The port reopens on Monday.\n";
    let all = quotes(text);
    let speech: Vec<_> = all.iter().filter(|q| q.1 == QuoteKind::Direct).collect();
    assert_eq!(speech.len(), 1, "{all:?}");
    assert!(speech[0].0.ends_with("another night like it."), "{all:?}");
    assert_eq!(speech[0].2.as_deref(), Some("Ruth Kell"));
}

#[test]
fn titles_joined_by_and_belong_to_the_description_that_speaks() {
    // "of A and B" completes "the star": neither film is the speaker.
    let text = "The star of Harbour Lights and Tidewater said the industry was in trouble.\n";
    assert_eq!(
        speaker_of(text, "the industry").as_deref(),
        Some("the star of Harbour Lights and Tidewater")
    );
    // A person's name after "and" is a second subject, not part of the description.
    let text = "The head of the Port Authority and John Smith said the ferry would run again.\n";
    assert_ne!(
        speaker_of(text, "the ferry").as_deref(),
        Some("the head of the Port Authority and John Smith")
    );
}

#[test]
fn a_surname_alone_is_the_person_before_the_organisation_named_after_them() {
    // "Marlow" is Ann Marlow, not Marlow University, though the university spoke last.
    let text = "Ann Marlow founded a school in 2001.\n\nMarlow University said in a statement that the claims were false.\n\n\"We will win this case,\" Marlow said.\n";
    assert_eq!(
        speaker_of(text, "We will win").as_deref(),
        Some("Ann Marlow")
    );
    assert_eq!(
        speaker_of(text, "the claims").as_deref(),
        Some("Marlow University")
    );
}
