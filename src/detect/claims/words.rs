//! The claim layer's named windows and the few words it tests by spelling.
//!
//! Word classes that hold many words live in `data/<lang>/word-classes.txt`
//! (`lexicon::class`). What stays here is compared by spelling, exactly as
//! written (a class look-up would treat "OF" in a headline as an acronym):
//! short closed lists, each with the construction it serves. Windows are
//! counted in tokens.

use super::lexicon::class;

/// Function words: none of them is an adjective after a source noun.
pub(super) const FUNCTION: u64 = class::COMP
    | class::CONJ
    | class::DET
    | class::AUX
    | class::NEG
    | class::CLITIC
    | class::PRON
    | class::ADV
    | class::PREP
    | class::REL
    | class::SUB;

// -------------------------------------------------------------- scan limits

/// The longest stretch of tokens a clause scan looks at, so that time stays
/// linear on pathological input (one endless sentence).
pub(super) const MAX_SCAN: usize = 120;
/// The longest source noun phrase, in tokens.
pub(super) const MAX_SOURCE: usize = 12;
/// The longest clause segment (between commas) a look-back scans.
pub(super) const MAX_SEGMENT: usize = 40;
/// How many sentences back a back-reference ("ces affirmations") looks.
pub(super) const MAX_BACK: usize = 3;

// -------------------------------------------------------------- claim verbs

/// Adverbs a passive auxiliary may stand before its participle by ("are
/// also accused of").
pub(super) const PASSIVE_ADVERBS: usize = 3;
/// The prepositions after a passive claim verb that make it a predicate:
/// "accused of / by", "accusé de / par" (not "was denied visas").
pub(super) const PASSIVE_COMPLEMENTS: &[&str] = &["of", "by", "de", "d'", "d’", "par"];
/// Marks closing a quotation before an inverted reporting clause ("« … »
/// clame-t-il").
pub(super) const CLOSING_QUOTE_TOKENS: &[&str] = &["»", "”", "\""];
/// Quotation marks that open a quoted complement ("assure que « … »").
pub(super) const OPENING_QUOTES: &[char] = &['«', '"', '“'];
/// Quotation marks that close one.
pub(super) const CLOSING_QUOTES: &[char] = &['»', '"', '”'];
/// Endings of a lone adverb closing the sentence after a claim verb ("X
/// dément catégoriquement.", "He denied it strongly."), longer than
/// [`LONE_ADVERB_MIN_CHARS`] characters.
pub(super) const LONE_ADVERB_ENDINGS: &[&str] = &["ment", "ly"];
/// See [`LONE_ADVERB_ENDINGS`].
pub(super) const LONE_ADVERB_MIN_CHARS: usize = 5;
/// The longest parenthetical between commas after a claim verb ("claimed,
/// without providing evidence, that …").
pub(super) const PARENTHETICAL: usize = 10;
/// Determiners before the object of a demanding claim verb ("revendiquent
/// une forte hausse").
pub(super) const DEMAND_DETERMINERS: usize = 3;
/// Words after them that may be the demand object.
pub(super) const DEMAND_OBJECT_WORDS: usize = 2;
/// What may follow an English claim verb for it to be a verb ("claims to
/// have", "accused of", "claimed responsibility", "took credit").
pub(super) const EN_VERB_OBJECT_WORDS: &[&str] = &["to", "of", "responsibility", "credit"];
/// The window in which "of" and a gerund follow an object ("accused
/// ministers of ignoring …").
pub(super) const OBJECT_THEN_OF: usize = 4;
/// Endings of a French infinitive complement ("assure avoir coupé",
/// "affirme n'avoir rien vu").
pub(super) const FR_INFINITIVE_ENDINGS: &[&str] = &["avoir", "être", "er", "ir", "re"];
/// The negation before an infinitive ("affirme n'avoir rien vu").
pub(super) const FR_INFINITIVE_NEGATION: &[&str] = &["n'", "ne"];
/// How far before and after a claim verb an adverb of disowning counts ("a
/// teacher mistakenly thought").
pub(super) const DISOWN_WINDOW: usize = 2;
/// How far before a belief verb an "if" makes it hypothetical ("si elle
/// estime que …").
pub(super) const HYPOTHETICAL_WINDOW: usize = 4;
/// The longest noun phrase a relative pronoun subject stands for ("The
/// chief executive, who has denied wrongdoing, …").
pub(super) const RELATIVE_ANTECEDENT: usize = 6;
/// The longest tail after a claim verb whose source comes before the clause
/// ("[X], Reuters reported on Monday.").
pub(super) const POSTPOSED_TAIL: usize = 5;
/// The longest source noun phrase before such a verb.
pub(super) const POSTPOSED_SOURCE: usize = 6;

// -------------------------------------------------------------- source frames

/// The longest parenthesised acronym after a frame's source ("selon l'Office
/// national des forêts (ONF)").
pub(super) const ACRONYM: usize = 6;
/// Prepositions by which an anonymous source names the body it speaks for
/// ("analysts at Jefferies", "des experts de l'OMS").
pub(super) const BODY_PREPOSITIONS: &[&str] = &["at", "from", "of", "with", "chez", "de", "du"];
/// How many sentences before "selon la même source" its source may be named.
pub(super) const SAME_SOURCE_SENTENCES: usize = 2;
/// Determiners before the name of a frame's source ("According to the
/// Saudi Interior Ministry").
pub(super) const FRAME_DETERMINERS: usize = 2;
/// The longest name a frame without a comma takes as its source.
pub(super) const FRAME_NAME: usize = 6;
/// The longest apposition on a frame's source ("Pour Jeanne Dupont,
/// économiste à l'Insee, …").
pub(super) const SOURCE_APPOSITION: usize = 16;
/// Relative pronouns after a frame's preposition ("selon lequel", "according
/// to which"): the source is their antecedent.
pub(super) const FRAME_RELATIVES: &[&str] = &["lequel", "laquelle", "lesquels", "lesquelles", "which", "whom"];
/// What ends an apposition on a frame's source besides a comma.
pub(super) const APPOSITION_ENDS: &[char] = &[';', ':'];
/// "l'un des conseillers", "one of the organisers": an apposition making a
/// frame's source one of a group (the numeral, then the preposition).
pub(super) const MEMBER_OF_GROUP: (&[&str], &[&str]) = (&["un", "une", "one"], &["des", "de", "d'", "of"]);
/// A clause before "…, according to X, …" longer than this is the claim.
pub(super) const FRAME_CLOSES_CLAUSE: usize = 6;
/// The longest source of "Pour X, …".
pub(super) const POUR_SOURCE: usize = 8;
/// The window of "Pour le sociologue Jean Dupont": a title, then the name.
pub(super) const POUR_TITLE_THEN_NAME: usize = 4;

// -------------------------------------------------------------- unnamed sources

/// Modifiers before a bare plural source ("senior U.S. officials").
pub(super) const SOURCE_MODIFIERS: usize = 3;
/// The longest complement of common nouns after one ("officials in the
/// region said", "critics in both the north and south said").
pub(super) const SOURCE_COMPLEMENT: usize = 6;
/// French adjectives after one ("des responsables américains").
pub(super) const FR_POSTNOMINAL_ADJECTIVES: usize = 2;
/// Words between a reporting verb and its complementizer ("said on
/// Thursday that").
pub(super) const COMP_AFTER_VERB: usize = 4;
/// The longest subject that a source between commas interrupts ("The
/// combination, say economists, marks …").
pub(super) const SHORT_SUBJECT: usize = 4;

// -------------------------------------------------------------- noun-phrase cues

/// How far before a noun-phrase cue a frame makes it its source ("Selon
/// l'accusation").
pub(super) const NP_FRAME_BEFORE: usize = 2;
/// How far after a noun-phrase cue the verb of an apposition it heads may
/// be ("[X], an allegation the group denies").
pub(super) const APPOSITION_HEAD: usize = 7;
/// How far before it the apposition's comma may be.
pub(super) const NP_COMMA_BEFORE: usize = 2;
/// How far before a noun-phrase cue its determiner may be.
pub(super) const NP_DETERMINER_BEFORE: usize = 3;
/// How far after a noun-phrase cue a reporting verb may be ("Unconfirmed
/// local reports said").
pub(super) const NP_TO_REPORT_VERB: usize = 4;
/// How far before it the news-item noun may be.
pub(super) const NP_INFO_BEFORE: usize = 2;
/// The longest noun before a participle cue ("cheaper Lite model rumoured").
pub(super) const NOUN_BEFORE_PARTICIPLE: usize = 5;
/// The longest complement of a noun-phrase cue.
pub(super) const NP_COMPLEMENT: usize = 6;
/// How far after an unidentified source phrase its complementizer may be.
pub(super) const ANON_TO_COMP: usize = 10;
/// How far before the phrase the comma closing its clause may be.
pub(super) const ANON_COMMA_BEFORE: usize = 4;
/// The same, with an inverted reporting clause between ("…, a-t-on appris
/// de source policière").
pub(super) const ANON_INVERTED_BEFORE: usize = 8;
/// Quantifiers before the phrase ("Several witnesses", "Two witnesses").
pub(super) const ANON_QUANTIFIERS: usize = 2;
/// How far before the phrase a relative word may be ("Two players who
/// spoke on condition of anonymity").
pub(super) const ANON_RELATIVE_BEFORE: usize = 3;
/// The longest subject of "spoke on condition of anonymity".
pub(super) const HOW_SPOKEN_SUBJECT: usize = 5;
/// Verbs saying how a source spoke, not what it said ("The person spoke on
/// condition of anonymity to discuss …").
pub(super) const SPOKE_VERBS: &[&str] = &["spoke", "talked", "exprimé", "exprimée", "exprimait"];

// -------------------------------------------------------------- predicate cues

/// How far before a modal a word of purpose may open its clause ("so our
/// readers may learn more").
pub(super) const PURPOSE_BEFORE: usize = 6;
/// How far before a non-verification the comma opening its relative clause
/// may be ("The video, which could not be independently verified, …").
pub(super) const RELATIVE_OPEN_BEFORE: usize = 4;
/// How far after it the comma closing it may be.
pub(super) const RELATIVE_CLOSE_AFTER: usize = 6;

// -------------------------------------------------------------- clauses

/// The longest wire dateline before its dash ("KELDMOOR, Dec. 3 —").
pub(super) const DATELINE: usize = 8;
/// How far before its verb an apposition's comma may be, and the verb after
/// it ("[X], a claim the group denies").
pub(super) const APPOSITION_TO_VERB: usize = 8;
/// The longest inverted subject after the verb of an apposition ("[X], ce
/// que dément le ministère").
pub(super) const INVERTED_SUBJECT: usize = 6;
/// The longest subject of the verb of an apposition ("the group has").
pub(super) const APPOSITION_SUBJECT: usize = 5;
/// The longest apposed participle phrase ("Le maire, interrogé par l'AFP,
/// a assuré").
pub(super) const PARTICIPLE_APPOSITION: usize = 12;
/// The longest name or noun phrase opening a sentence before an apposition
/// ("Mr Smith, 52, denies …").
pub(super) const APPOSED_NAME: usize = 4;
/// The longest such apposition.
pub(super) const SHORT_APPOSITION: usize = 6;
/// Endings of a participle opening an apposed phrase ("interrogé",
/// "reached").
pub(super) const PARTICIPLE_ENDINGS: &[&str] = &["é", "ée", "és", "ées", "ed"];
/// Endings of the past participle in a passive cue whose agent is its
/// source ("jugé … par", "perçu comme … par", "claimed by", "seen by").
pub(super) const PASSIVE_PARTICIPLE_ENDINGS: &[&str] = &["é", "ée", "és", "ées", "u", "ue", "us", "ues", "ed", "en"];
/// The prepositions of a passive's agent.
pub(super) const AGENT_PREPS: &[&str] = &["par", "by"];
/// Words ending a cue before its infinitive ("expected to", "reproché d'").
pub(super) const INFINITIVE_MARKERS: &[&str] = &["to", "de", "d'", "d’"];
/// Words before a gerund ("en affirmant", "by claiming").
pub(super) const GERUND_MARKERS: &[&str] = &["en", "by"];
/// Contracted prepositions that never open a source ("au ministère").
pub(super) const SOURCE_LEADING_PREPS: &[&str] = &["au", "aux"];
/// Endings of an adverb that may open a subject span ("Récemment il").
pub(super) const LEADING_ADVERB_ENDINGS: &[&str] = &["ment"];
/// Further French participle endings ("saisi", "surpris", "détenu").
pub(super) const FR_PARTICIPLE_ENDINGS: &[&str] = &["i", "ie", "is", "it", "int", "u", "ue", "us"];
/// Endings of a French past participle of the first group ("accusé",
/// "démentie").
pub(super) const FR_PAST_PARTICIPLE_ENDINGS: &[&str] = &["é", "ée", "és", "ées"];
/// Quotation marks that open a quotation right after a colon.
pub(super) const QUOTE_OPENERS: &[char] = &['«', '“', '"'];
/// Punctuation trimmed from the start of a claim.
pub(super) const LEADING_PUNCT: &[char] = &[',', ';', ':', '.', '-', '–', '—'];
/// Punctuation trimmed from the end of a claim.
pub(super) const TRAILING_PUNCT: &[char] = &[',', ';', ':', '.', '!', '?', '…', '-', '–', '—'];
/// Demonstrative determiners ("ces critiques", "this report").
pub(super) const DEMONSTRATIVES: &[&str] = &["ce", "cet", "cette", "ces", "this", "that", "these", "those"];
/// The longest adverbial lead-in to a quotation that leaves a span only the
/// quotation ("By this time, “her skin was weeping …”").
pub(super) const LEAD_IN_WORDS: usize = 3;
/// A determiner and a quotation of more words than this (the marks
/// counted) are a quoted clause, not a quoted term.
pub(super) const QUOTED_CLAUSE_WORDS: usize = 6;
/// An English "-ly" adverb is longer than this ("only" is not one).
pub(super) const LY_ADVERB_MIN_BYTES: usize = 4;
/// Fewer words between quotation marks are a term, not a quotation.
pub(super) const MIN_QUOTATION_WORDS: usize = 3;
/// A source longer than this (bytes) is not named in the explanation.
pub(super) const MAX_SOURCE_IN_EXPLANATION: usize = 80;

// -------------------------------------------------------------- reporting clauses

/// How far after a comma the verb of a reporting clause closing the
/// sentence may be ("…, police said in a statement.").
pub(super) const TRAILING_REPORT_VERB: usize = 10;
/// Words after such a verb ("on Monday", "in a statement").
pub(super) const REPORT_TAIL_WORDS: usize = 5;
/// How far before its verb the comma before a postposed subject may be
/// ("[X], the military claimed").
pub(super) const POSTPOSED_SUBJECT: usize = 7;
/// Auxiliaries and adverbs before a verb that a negation may stand among.
pub(super) const NEGATION_BEFORE: usize = 4;
/// The longest addressee name after "told" ("told BBC News").
pub(super) const ADDRESSEE_NAME: usize = 4;
/// The longest adverbial between a verb and its complementizer ("denied on
/// Tuesday that").
pub(super) const ADVERBIAL: usize = 6;
/// How far after a bare noun object a figure or "to" makes it a clause
/// ("expects revenue to rise").
pub(super) const BARE_NOUN_FIGURE: usize = 6;
/// English claim verb forms that no noun shares.
pub(super) const UNAMBIGUOUS_VERBS: &[&str] = &["deny", "denies", "insist", "insists", "contends"];
/// Forms of "be" before a passive ("were denied visas").
pub(super) const FORMS_OF_BE: &[&str] = &["was", "were", "been", "being", "is", "are", "be"];
/// How far before a complementizer the reporting verb may be ("X told the
/// Gazette that").
pub(super) const VERB_BEFORE_COMP: usize = 5;
/// How far before a complementizer a past verb makes a conditional a
/// future-in-the-past ("a estimé que cela contraindrait").
pub(super) const PAST_VERB_BEFORE_COMP: usize = 6;
/// How far before a conditional a proposal noun may be ("la réforme
/// permettrait").
pub(super) const PROPOSAL_BEFORE: usize = 6;
/// Determiners that also stand alone as a subject ("Certains estiment
/// que …", "Some believe that …").
pub(super) const STANDALONE_QUANTIFIERS: &[&str] = &["certains", "certaines", "plusieurs", "some", "many"];
/// Quantifiers before a noun that are not in the determiner class ("tout
/// risque de …").
pub(super) const NOUN_QUANTIFIERS: &[&str] = &["tout", "toute"];
/// Prepositions (and contracted articles) opening a noun's complement
/// ("le passage de la loi", "l'adoption du texte").
pub(super) const NOUN_COMPLEMENT_PREPOSITIONS: &[&str] = &["de", "du", "des", "d'"];
/// A proposal noun among the first tokens of the clause heads it ("Ce
/// dispositif – … – permettrait").
pub(super) const PROPOSAL_HEADS_CLAUSE: usize = 3;

// -------------------------------------------------------------- silences and back-references

/// The object right after a silence cue ("did not respond to the claim").
pub(super) const SILENCE_OBJECT: usize = 6;
/// How far before a non-verification the comma of a disowning apposition
/// may be ("[…], a claim that could not be independently verified").
pub(super) const DISOWNING_APPOSITION: usize = 8;
/// How far after a disowned frame's source its closing comma may be.
pub(super) const FRAMED_DISOWNING: usize = 6;
/// How far before a non-verification the comma or semicolon of a
/// contrastive clause may be ("…, though it did not provide evidence").
pub(super) const CONTRAST_COMMA_BEFORE: usize = 6;
/// The longest stretch from that comma to the cue.
pub(super) const CONTRAST_CLAUSE: usize = 5;
/// Relative words of a disowning apposition ("…, ce qui n'a pas pu être
/// vérifié").
pub(super) const RELATIVE_WORDS: &[&str] = &["that", "which", "qui", "que", "qu'"];
/// How many sentences back a silent party's accusation may be.
pub(super) const PARTY_CLAIM_SENTENCES: usize = 2;
/// The first tokens of a report, where its subject names the silent party.
pub(super) const REPORT_SUBJECT: usize = 3;
/// A topic word of a silence is longer than this.
pub(super) const TOPIC_WORD_MIN_CHARS: usize = 3;
/// Nouns after "the" that name the request for comment, not the topic of
/// a silence ("did not respond to the request", "to questions").
pub(super) const REQUEST_NOUNS: &[&str] = &[
    "request",
    "requests",
    "inquiry",
    "inquiries",
    "email",
    "emails",
    "call",
    "calls",
    "questions",
    "query",
    "queries",
];
/// A word naming a silent party is longer than this: shorter words are
/// initials or function words ("M.", "of"), no name of the party.
pub(super) const PARTY_WORD_MIN_CHARS: usize = 2;
/// A report names the silent party only in the sentence just before the
/// silence, or the silence's own.
pub(super) const REPORT_BEFORE_SILENCE: usize = 1;
/// Topic words match on their first letters, so that "closure" meets
/// "closures" and "fermeture" "fermetures".
pub(super) const STEM_CHARS: usize = 5;

// -------------------------------------------------------------- sources

/// How many sentences back a pronoun's antecedent may be.
pub(super) const ANTECEDENT_SENTENCES: usize = 1;
/// Determiners of a short complement ("de l'enquête").
pub(super) const COMPLEMENT_DETERMINERS: usize = 3;
/// Words of a short complement ("du dossier", "le Kremlin").
pub(super) const COMPLEMENT_WORDS: usize = 4;
/// The subject of a claim noun's clause opens within this many tokens of
/// its determiner ("Her accusation that the mayor lied was dismissed").
pub(super) const CLAIM_NOUN_SUBJECT: usize = 3;
/// The longest "of" complement of a claim noun ("claims of unsafe
/// conditions").
pub(super) const CLAIM_NOUN_OF: usize = 8;
/// The longest possessor before "'s" ("the union's claims").
pub(super) const POSSESSOR: usize = 5;
/// A span at least this share quoted (numerator, denominator) is a
/// quotation, not the journalist's claim.
pub(super) const QUOTED_SHARE: (usize, usize) = (4, 5);
/// With a short lead-in, a span at least this share quoted is only the
/// quotation ("By this time, “her skin was weeping …”").
pub(super) const LEAD_IN_QUOTED_SHARE: (usize, usize) = (2, 3);
/// The longest inverted source closing a sentence ("…, ont confié à l'AFP
/// deux diplomates").
pub(super) const INVERTED_SOURCE: usize = 16;

// -------------------------------------------------------------- words by spelling

/// The ending of an English past participle or past tense ("Former
/// detainees interviewed by the group said", "denied", "was accused").
pub(super) const EN_PAST_PARTICIPLE_ENDING: &str = "ed";
/// Endings of a present participle ("denying", "accusant").
pub(super) const PRESENT_PARTICIPLE_ENDINGS: &[&str] = &["ing", "ant"];
/// The French present participle ending after a reflexive elision ("…,
/// s'exprimant sous couvert d'anonymat, a affirmé").
pub(super) const FR_PRESENT_PARTICIPLE_ENDING: &str = "ant";
/// The French reflexive elision ("s'exprimant").
pub(super) const FR_REFLEXIVE_ELISION: &str = "s'";
/// The pronoun of "ce que", which opens an apposition whose subject may be
/// inverted ("[X], ce que dément le ministère").
pub(super) const FR_CE: &str = "ce";
/// The frame "pour", a purpose before an infinitive ("…, pour discuter d'un
/// tracé") and a source only in a few shapes ("Pour X, …").
pub(super) const FR_POUR: &str = "pour";
/// Third-person imperfect endings, longest first: a conditional is a
/// future stem plus one ("serait", "pourraient"), a past verb before a
/// complementizer has one ("disait que").
pub(super) const FR_IMPERFECT_ENDINGS: &[&str] = &["aient", "ait"];
/// The participle "dit" of a reporting verb whose auxiliary is shared ("a
/// présenté un plan … et dit que").
pub(super) const FR_SAID: &str = "dit";
/// "être" between a conditional and a word of fate ("La réforme devrait
/// être adoptée").
pub(super) const FR_BE: &str = "être";
/// The ending of an English "-ly" adverb ("repeatedly").
pub(super) const LY_ENDING: &str = "ly";
/// The English gerund and present participle ending ("denied
/// targeting", "accused ministers of ignoring").
pub(super) const EN_ING_ENDING: &str = "ing";
/// English "to" after a claim verb or noun ("claims to have", "alleged to
/// have fled", "claimed to").
pub(super) const EN_TO: &str = "to";
/// English "of" before a gerund ("accused ministers of ignoring").
pub(super) const EN_OF: &str = "of";
/// English "the", a definite topic of a silence ("declined to comment on
/// the allegations").
pub(super) const EN_THE: &str = "the";
/// English "no", a negative determiner: "No one has claimed" is negated
/// by its subject (class neg-subject), not by a negation before the verb.
pub(super) const EN_NO: &str = "no";
/// English negative clitics, either apostrophe ("didn't", "didn’t").
pub(super) const EN_NEGATIVE_CLITICS: &[&str] = &["n't", "n\u{2019}t"];
/// Quotation marks that may open an English claim verb's object ("claimed
/// “victory”").
pub(super) const EN_OBJECT_QUOTES: &[char] = &['"', '“', '\''];
/// French "de" right after a claim verb, skipped like a complementizer
/// before its complement.
pub(super) const FR_DE: &str = "de";
/// The bracket opening an acronym after a name ("l'Office national des
/// forêts (ONF)"), which also ends a noun phrase's head.
pub(super) const OPENING_BRACKET: &str = "(";
/// The bracket closing it.
pub(super) const CLOSING_BRACKET: &str = ")";
/// The number that leaves a source singular ("1 official"); any other is
/// plural.
pub(super) const SINGULAR_NUMBER: &str = "1";
/// The plural "s" of a news item ("according to reports", "selon des
/// informations").
pub(super) const PLURAL_S: &str = "s";
/// Endings of a plural head noun ("officials", "riverains", "journaux")…
pub(super) const PLURAL_ENDINGS: &[&str] = &[PLURAL_S, "x"];
/// …but not this one ("witness", "press").
pub(super) const SINGULAR_ENDING: &str = "ss";
/// Plural heads without a plural ending.
pub(super) const PLURAL_NOUNS: &[&str] = &["people"];
/// The "de" before an indefinite source, lower-cased ("de nombreux
/// témoins", "d'autres experts").
pub(super) const FR_PARTITIVE: &[&str] = &["de", "d'"];
/// The elided article of "l'une des enquêtrices", as written.
pub(super) const FR_ELIDED_THE: &[&str] = &["l'", "l’", "L'", "L’"];
/// "un"/"une" after it, as written.
pub(super) const FR_ONE: &[&str] = &["un", "une"];
/// "One" of one unnamed member of a group, lower-cased ("one of the
/// people", "une des enquêtrices").
pub(super) const ONE_WORDS: &[&str] = &["one", "un", "une"];
/// The word after it that names the group ("of", "des", "d'entre").
pub(super) const OF_GROUP: &[&str] = &["of", "des", "d'entre"];
/// Prepositions that keep a noun phrase going, besides the elided "d'".
pub(super) const OF_WORDS: &[&str] = &["de", "of"];
