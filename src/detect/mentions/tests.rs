//! Unit cases of the mention layer (names, pronouns, descriptions, roles, clusters).

use super::*;
use crate::lang::Lang;

fn ent(text: &str, name: &str, label: EntityLabel, id: u32) -> Vec<Entity> {
    text.match_indices(name).map(|(i, _)| Entity { span: Span::new(i, i + name.len()), label, entity_id: id }).collect()
}

fn show(text: &str, ms: &Mentions) -> Vec<(String, Kind, Role, Option<u32>)> {
    ms.all().iter().map(|m| (m.span.slice(text).to_string(), m.kind, m.role, m.entity)).collect()
}

#[test]
fn names_pronouns_and_descriptions_with_roles() {
    let t = "Selon la mère du suspect, il est innocent. Le ministre Jean Roe a déclaré qu'il viendrait.";
    let a = Analysis::new(t, Lang::Fr);
    let ms = Mentions::build(&a, &ent(t, "Jean Roe", EntityLabel::Per, 4));
    let got = show(t, &ms);
    assert!(got.contains(&("la mère du suspect".into(), Kind::Description, Role::Source, None)), "{got:?}");
    assert!(got.contains(&("Le ministre".into(), Kind::Description, Role::Reporting, Some(4))), "{got:?}");
    assert!(got.iter().any(|g| g.0 == "il" && g.1 == Kind::Pronoun(Pronoun::Masculine)), "{got:?}");
}

#[test]
fn inverted_subject_after_a_reporting_verb() {
    let t = "« Nous partons », a déclaré une source policière.";
    let a = Analysis::new(t, Lang::Fr);
    let ms = Mentions::build(&a, &[]);
    let got = show(t, &ms);
    assert_eq!(got, vec![("une source policière".into(), Kind::Description, Role::Inverted, None)]);
}

#[test]
fn an_object_clitic_is_no_subject() {
    let t = "Le chef de l'opposition, Jean Roe, lui a proposé de travailler ensemble. Paul est, lui, parti.";
    let a = Analysis::new(t, Lang::Fr);
    let ms = Mentions::build(&a, &ent(t, "Jean Roe", EntityLabel::Per, 4));
    let got = show(t, &ms);
    let luis: Vec<_> = got.iter().filter(|g| g.0 == "lui").map(|g| g.2).collect();
    assert_eq!(luis.first(), Some(&Role::Object), "{got:?}");
    assert!(luis.get(1).is_some_and(|r| *r != Role::Object), "the stressed 'lui' before a comma: {got:?}");
}

#[test]
fn a_repeated_description_keeps_its_name() {
    let t = "Jean Roe, le Premier ministre irakien, est arrivé. Le ministre de la Justice, Paul Dor, aussi. \
             Le Premier ministre a parlé. Le chef de l'armée a parlé. Le Premier ministre de Malte a parlé.";
    let a = Analysis::new(t, Lang::Fr);
    let mut ents = ent(t, "Jean Roe", EntityLabel::Per, 4);
    ents.extend(ent(t, "Paul Dor", EntityLabel::Per, 5));
    ents.sort_by_key(|e| e.span.start);
    let ms = Mentions::build(&a, &ents);
    let got = show(t, &ms);
    let later: Vec<_> = got.iter().filter(|g| g.0 == "Le Premier ministre").map(|g| g.3).collect();
    assert_eq!(later.first(), Some(&Some(4)), "{got:?}");
    assert!(got.iter().any(|g| g.0.starts_with("Le chef") && g.3.is_none()), "{got:?}");
    let malta = got.iter().find(|g| g.0.starts_with("Le Premier ministre de"));
    assert!(malta.is_some_and(|g| g.3.is_none()), "someone else: {got:?}");
}

#[test]
fn a_pronoun_agrees_with_the_gender_the_text_shows() {
    let t = "La ministre Marie Roe est arrivée. Le directeur Paul Dor l'attendait. Elle a dit qu'elle restait.";
    let a = Analysis::new(t, Lang::Fr);
    let mut ents = ent(t, "Marie Roe", EntityLabel::Per, 7);
    ents.extend(ent(t, "Paul Dor", EntityLabel::Per, 8));
    ents.sort_by_key(|e| e.span.start);
    let ms = Mentions::build(&a, &ents);
    let elle = Span::new(t.find("Elle").unwrap(), t.find("Elle").unwrap() + 4);
    assert_eq!(ms.resolve(t, elle, None), Some(7));
    assert_eq!(ms.resolve(t, elle, Some((8, 0))), Some(7), "a salient man is no 'elle'");
    let t = "Mr. Dor met Jane Roe on Monday. She said she would stay.";
    let a = Analysis::new(t, Lang::En);
    let mut ents = ent(t, "Dor", EntityLabel::Per, 8);
    ents.extend(ent(t, "Jane Roe", EntityLabel::Per, 7));
    ents.sort_by_key(|e| e.span.start);
    let ms = Mentions::build(&a, &ents);
    let she = Span::new(t.find("She").unwrap(), t.find("She").unwrap() + 3);
    assert_eq!(ms.resolve(t, she, Some((8, 0))), Some(7));
}

#[test]
fn english_description_apposed_to_a_name() {
    let t = "Jane Doe, the company's spokeswoman, said the company would appeal.";
    let a = Analysis::new(t, Lang::En);
    let ms = Mentions::build(&a, &ent(t, "Jane Doe", EntityLabel::Per, 2));
    let got = show(t, &ms);
    assert_eq!(got[0], ("Jane Doe".into(), Kind::Name, Role::Reporting, Some(2)), "{got:?}");
    assert!(got.iter().any(|g| g.0 == "the company" && g.2 == Role::Subject && g.3 == Some(2)), "{got:?}");
}

#[test]
fn name_of_a_source_phrase() {
    let t = "Selon le ministre Jean Roe, il pleut. Selon le procureur, Paul Dax, il neige. Selon Jean Roe et Paul Dax, rien.";
    let a = Analysis::new(t, Lang::Fr);
    let mut es = ent(t, "Jean Roe", EntityLabel::Per, 1);
    es.extend(ent(t, "Paul Dax", EntityLabel::Per, 2));
    es.sort_by_key(|e| e.span.start);
    let ms = Mentions::build(&a, &es);
    let span = |s: &str| {
        let i = t.find(s).unwrap();
        Span::new(i, i + s.len())
    };
    let name = |s: &str| ms.name_of(t, span(s)).map(|n| n.slice(t).to_string());
    assert_eq!(name("le ministre Jean Roe").as_deref(), Some("Jean Roe"), "a name ending the phrase");
    assert_eq!(name("le procureur").as_deref(), Some("Paul Dax"), "the name apposed to a description");
    assert_eq!(name("Jean Roe et Paul Dax"), None, "two names stay whole");
}

#[test]
fn a_pronoun_resolves_to_the_last_person_subject() {
    let t = "Marie Curie est arrivée à Paris. Elle a dit qu'elle restait.";
    let a = Analysis::new(t, Lang::Fr);
    let ms = Mentions::build(&a, &ent(t, "Marie Curie", EntityLabel::Per, 7));
    let elle = Span::new(t.find("Elle").unwrap(), t.find("Elle").unwrap() + 4);
    assert_eq!(ms.resolve(t, elle, None), Some(7));
    assert_eq!(ms.resolve(t, elle, Some((3, 0))), Some(7), "a person of the sentence before beats the salient one");
    let t = "Marie Curie est arrivée à Paris. La foule attendait. Elle a dit qu'elle restait.";
    let a = Analysis::new(t, Lang::Fr);
    let ms = Mentions::build(&a, &ent(t, "Marie Curie", EntityLabel::Per, 7));
    let elle = Span::new(t.find("Elle").unwrap(), t.find("Elle").unwrap() + 4);
    assert_eq!(ms.resolve(t, elle, None), Some(7));
    assert_eq!(ms.resolve(t, elle, Some((3, 0))), Some(3), "further back, the salient person first");
    assert_eq!(ms.resolve(t, elle, None), Some(7));
}

#[test]
fn agent_of_a_participle_does_not_report() {
    let t = "A leaked letter seen by Sky News says the claim may be withdrawn.";
    let a = Analysis::new(t, Lang::En);
    let ms = Mentions::build(&a, &ent(t, "Sky News", EntityLabel::Org, 1));
    let got = show(t, &ms);
    assert!(got.iter().any(|g| g.0 == "Sky News" && g.2 == Role::Object), "{got:?}");
}
