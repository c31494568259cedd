#![cfg(not(target_arch = "wasm32"))]
//! Languages the engine does not read: with `LangChoice::Auto`, a text
//! clearly in another language gives an empty document naming that
//! language, and French, English, short and mixed texts are annotated as
//! before. (The seeds and every eval set are checked by `tests/seeds.rs` and
//! `scripts/snapshot.py`; the news paragraphs here were written for the
//! test.)

use article_annotator::{annotate, Annotator, Lang, LangChoice};

/// (expected ISO 639-1 code, text).
const FOREIGN: &[(&str, &str)] = &[
    (
        "de",
        "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos um ein weiteres Jahr zu \
         verlängern. Nach Angaben des Wirtschaftsministeriums sollen die Mittel bis Ende 2027 reichen. Kritiker \
         werfen der Koalition vor, die Industrie einseitig zu begünstigen. „Wir haben keine andere Wahl“, sagte \
         Minister Klaus Becker in Berlin.",
    ),
    (
        "es",
        "El Gobierno aprobó el martes una reforma de las pensiones que, según el ministro de Economía, garantiza la \
         sostenibilidad del sistema durante las próximas décadas. Los sindicatos anunciaron una huelga general para \
         el mes que viene. «No vamos a aceptar más recortes», dijo la secretaria general en Madrid.",
    ),
    (
        "it",
        "Il governo ha approvato martedì la riforma delle pensioni che, secondo il ministro dell'Economia, \
         garantisce la sostenibilità del sistema per i prossimi anni. I sindacati hanno annunciato uno sciopero \
         generale per il mese prossimo. «Non accetteremo altri tagli», ha detto la segretaria generale a Roma.",
    ),
    (
        "pt",
        "O governo aprovou na terça-feira uma reforma das pensões que, segundo o ministro da Economia, garante a \
         sustentabilidade do sistema nos próximos anos. Os sindicatos anunciaram uma greve geral para o mês que \
         vem. «Não vamos aceitar mais cortes», disse a secretária-geral em Lisboa.",
    ),
    (
        "nl",
        "De regering heeft dinsdag een hervorming van de pensioenen goedgekeurd die volgens de minister van \
         Financiën het stelsel voor de komende jaren betaalbaar houdt. De vakbonden kondigden een algemene staking \
         aan voor volgende maand. „Wij accepteren geen nieuwe bezuinigingen”, zei de voorzitter in Den Haag.",
    ),
    (
        "ru",
        "Правительство России заявило в среду, что переговоры о поставках газа будут продолжены на следующей \
         неделе. По словам министра, стороны близки к соглашению.",
    ),
];

fn unsupported(text: &str) -> Option<&'static str> {
    annotate(text).unsupported_language()
}

#[test]
fn foreign_news_is_unsupported_and_not_annotated() {
    for &(code, text) in FOREIGN {
        let doc = annotate(text);
        assert_eq!(doc.unsupported_language(), Some(code), "{text}");
        assert!(doc.annotations.is_empty(), "{code}: annotated anyway");
        assert!(Lang::ALL.contains(&doc.lang), "lang stays a supported code");
        let contract = serde_json::to_value(doc.to_contract(text)).unwrap();
        assert_eq!(contract["unsupported_language"], code);
        assert_eq!(contract["annotations"], serde_json::json!([]));
    }
}

#[test]
fn an_explicit_language_is_obeyed() {
    for &(_, text) in FOREIGN {
        for lang in Lang::ALL {
            let doc = Annotator::for_lang(lang).annotate(text);
            assert_eq!((doc.lang, doc.unsupported_language()), (lang, None));
        }
        let doc = Annotator::new(LangChoice::Fixed(Lang::Fr)).annotate(text);
        assert!(serde_json::to_value(doc.to_contract(text)).unwrap().get("unsupported_language").is_none());
    }
}

#[test]
fn french_and_english_news_are_supported() {
    let texts = [
        "Le gouvernement a adopté mardi la réforme des retraites qui, selon le ministre de l'Économie, garantit la \
         pérennité du système. Les syndicats ont annoncé une grève générale. « Nous n'accepterons pas de nouvelles \
         coupes », a déclaré la secrétaire générale à Paris.",
        "The government approved the pension reform on Tuesday, which the economy minister said guarantees the \
         sustainability of the system. Unions announced a general strike for next month. \"We will not accept \
         more cuts,\" the general secretary said in London.",
        // Full of Spanish, Italian and German names and places, but French.
        "Pedro Sánchez et Giorgia Meloni ont rencontré Olaf Scholz à Santiago de Compostela, puis à Reggio di \
         Calabria, avant de rejoindre la Banca d'Italia et la Deutsche Bundesbank à Francfort-sur-le-Main.",
    ];
    for text in texts {
        assert_eq!(unsupported(text), None, "{text}");
        assert!(!annotate(text).annotations.is_empty());
    }
}

#[test]
fn mixed_french_and_english_is_supported() {
    let fr_quoting_en = "« We will not back down », a lancé le président américain lors d'une conférence de presse \
        à la Maison Blanche, avant d'ajouter : « This is not over. » Le Premier ministre britannique a réagi dans la \
        soirée, selon un communiqué de Downing Street.";
    let en_quoting_fr = "\"Nous ne céderons pas,\" the French president told reporters at the Élysée, adding that \
        the reform would go ahead. \"C'est une question de responsabilité,\" he said, according to the AFP.";
    let half_and_half = "The minister resigned on Monday. Le ministre a démissionné lundi. The inquiry continues. \
        L'enquête se poursuit, selon le parquet de Paris.";
    for text in [fr_quoting_en, en_quoting_fr, half_and_half] {
        assert_eq!(unsupported(text), None, "{text}");
    }
    assert_eq!(annotate(fr_quoting_en).lang, Lang::Fr);
    assert_eq!(annotate(en_quoting_fr).lang, Lang::En);
}

#[test]
fn short_texts_keep_the_french_or_english_choice() {
    for text in [
        "Guten Morgen, Frau Müller!",
        "Buenos días, señora García.",
        "Grazie mille, signor Rossi.",
        "Grève générale lundi à Marseille",
        "Apple shares rose sharply on Monday",
        "Olaf Scholz, Pedro Sánchez, Giorgia Meloni.",
        "",
        "12345 !!!",
    ] {
        assert_eq!(unsupported(text), None, "{text:?}");
    }
}
