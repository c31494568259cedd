//! Every token window and count threshold of the quotation layer, named,
//! with the example it exists for. (The pairing of marks keeps its own two
//! limits in `marks.rs`.) Distances are in tokens unless a name says words
//! (tokens of class WORD) or sentences.

// ------------------------------------------------------------- token classes

/// Longest lower-case particle joined to a name by a hyphen: "al-Amr",
/// "el-Sisi", "abu-…".
pub const MAX_NAME_PARTICLE: usize = 3;
/// Longest punctuation token that is an inverted clitic's hyphen ("-t-").
pub const MAX_HYPHEN_TOKEN: usize = 5;
/// Letters a present participle has before its ending ("adding": more than
/// two; "sing" is no participle).
pub const MIN_PARTICIPLE_STEM: usize = 2;
/// Letters of an initial ("C.", "J.-P.").
pub const MAX_INITIAL_LETTERS: usize = 2;

// ------------------------------------------------------------- noun phrases and names

/// Longest noun phrase looked at.
pub const MAX_NP: usize = 10;
/// Extra room a noun phrase gets, going back, once it holds a modifier with
/// its complement ("two officials briefed on the talks").
pub const MODIFIER_EXTRA: usize = 4;
/// Adverbs skipped before a speaker phrase ("…, a écrit ainsi Jean Valmont").
pub const MAX_LEADING_ADVERBS: usize = 3;
/// Lower-case words of a phrase without determiner: "team member Rodaba
/// Noori", "local officials".
pub const MAX_BARE_NP_WORDS: usize = 3;
/// Words of a name found by capitalisation ("Charles de Gaulle").
pub const MAX_NAME_TOKENS: usize = 6;

// ------------------------------------------------------------- reporting clauses

/// How far before a quotation a reporting verb is looked for.
pub const MAX_BEFORE: usize = 40;
/// Longest signature line under a quotation standing alone in its paragraph
/// ("« … » ¶ — Porte-parole des marins-pompiers"), dash excluded.
pub const MAX_SIGNATURE: usize = 12;
/// How far after a closing mark a reporting verb with a postposed name is
/// looked for ("« … » a salué pour sa part le Premier ministre Manuel Valls").
pub const MAX_POSTPOSED_VERB: usize = 4;
/// Commas and dashes skipped after a closing mark ("…», — a-t-il dit").
pub const MAX_PUNCT_AFTER_QUOTE: usize = 2;
/// Auxiliaries, adverbs and clitics before a verb that comes first after a
/// quotation: "…», a-t-il ensuite ajouté".
pub const MAX_BEFORE_FIRST_VERB: usize = 5;
/// Auxiliaries, adverbs and clitics between a subject and its verb after a
/// quotation: "…,” Smith has also said".
pub const MAX_AUX_AFTER_SUBJECT: usize = 4;
/// Tokens walked back from a verb to its subject over auxiliaries, adverbs
/// and clitics ("X ne lui a pas encore dit").
pub const MAX_SUBJECT_GAP: usize = 6;
/// Tokens walked back over comma-separated appositions to a subject
/// ("Cynthia Thompson, curator at the University of Arkansas, Fayetteville,
/// said").
pub const MAX_APPOSITION_SPAN: usize = 30;
/// Complements between a verb and its inverted subject: "a déclaré jeudi à
/// l'AFP le ministre".
pub const MAX_INVERSION_COMPLEMENTS: usize = 3;
/// Words a reporting clause may have in the sentence after a quotation
/// ending in "?" or "!": "“…?” Forte said." (not a new sentence).
pub const MAX_ASKED_CLAUSE_TAIL: usize = 3;

// ------------------------------------------------------------- reported speech

/// Tokens between a reporting verb and its "que"/"that": "X a indiqué
/// vendredi soir que …".
pub const MAX_VERB_TO_COMPLEMENTIZER: usize = 6;
/// Words a clause after a bare "said" must have ("X said Sudan had
/// progressed", not "X said late Thursday.").
pub const MIN_BARE_CLAUSE_WORDS: usize = 4;
/// Fewest tokens of reported content after "que"/"that".
pub const MIN_REPORTED_TOKENS: usize = 3;
/// Fewest words reported content keeps once trimmed.
pub const MIN_REPORTED_WORDS: usize = 2;
/// Tokens a "selon X" may stand after the sentence start, behind a comma
/// ("Mais, selon X, …").
pub const MAX_SOURCE_OFFSET: usize = 2;
/// A leading "selon X," frames content only when more tokens than this
/// follow it.
pub const MIN_AFTER_SOURCE: usize = 3;
/// A trailing ", selon X." frames content only when more tokens than this
/// precede it.
pub const MIN_BEFORE_TRAILING_SOURCE: usize = 2;
/// Longest participle clause after "According to X," ("quoting Y,").
pub const MAX_PARTICIPLE_CLAUSE: usize = 20;
/// Fewest tokens before the comma of "…, a-t-il dit."
pub const MIN_BEFORE_TRAILING_CLAUSE: usize = 3;
/// Words a bare trailing clause may have after its verb ("…, the minister
/// said on Tuesday").
pub const MAX_BARE_TAIL_WORDS: usize = 3;
/// Words a trailing clause may have after its verb as one adverbial ("…, a
/// déclaré X lors d'une conférence de presse").
pub const MAX_ADVERBIAL_TAIL_WORDS: usize = 8;
/// Longest lone prepositional phrase before a comma that is an adverbial,
/// not content ("In a statement to the ABC, the Church denied …").
pub const MAX_LONE_ADVERBIAL: usize = 8;
/// Longest wire dateline ("MOSCOW (AP) —").
pub const MAX_DATELINE_TOKENS: usize = 8;

// ------------------------------------------------------------- speech or term

/// How far from a short quotation a reporting verb of its sentence makes it
/// speech ("Il dénonçait les « cures d'austérité »"); further on, in a long
/// sentence, the verb reports something else ("L'ancien général, controversé
/// pour sa position sur le « waterboarding », …, dont la nomination …
/// avait été critiquée").
pub const MAX_REPORTING_GAP: usize = 40;
/// Words from which a quotation is speech unless it looks like a name or
/// title.
pub const MIN_SPEECH_WORDS: usize = 4;
/// Longest all-capitalised quotation read as a title ("« Le Monde
/// diplomatique »"), not speech.
pub const MAX_TITLE_WORDS: usize = 8;

// ------------------------------------------------------------- coreference

/// Sentences the last quoted person stays salient for a pronoun after its
/// quotation.
pub const SALIENCE_SENTENCES: usize = 3;
