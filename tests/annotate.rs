//! The annotate pass: mentions marked in the document model, text untouched, explicit
//! annotations obeyed.

use courtview::Lang;
use courtview::content::Catalog;
use courtview::document::markdown::parse;
use courtview::document::{Block, Inline};
use courtview::entities::EntityType;
use courtview::entities::annotate::annotate;

fn first_paragraph(markdown: &str, lang: Lang) -> Vec<Inline> {
    let doc = annotate(&parse(markdown), lang, 2025);
    match doc.blocks.into_iter().next() {
        Some(Block::Paragraph { inlines, .. }) => inlines,
        other => panic!("expected a paragraph, got {other:?}"),
    }
}

fn entity(id: &str, kind: EntityType, text: &str) -> Inline {
    Inline::Entity {
        id: id.into(),
        kind,
        children: vec![Inline::Text(text.into())],
    }
}

#[test]
fn every_shipped_article_keeps_its_text_and_has_mentions() {
    for entry in Catalog::shipped().entries() {
        for lang in entry.languages() {
            let article = entry.resolve(lang).unwrap().article;
            let annotated = annotate(&article.document, lang, article.meta.date.year);
            assert_eq!(
                annotated.plain_text(),
                article.document.plain_text(),
                "{} {lang}",
                entry.slug
            );
            let kinds: Vec<_> = annotated.mentions().iter().map(|m| m.kind).collect();
            for kind in [
                EntityType::Person,
                EntityType::Org,
                EntityType::Place,
                EntityType::Event,
                EntityType::Date,
            ] {
                assert!(
                    kinds.contains(&kind),
                    "{} {lang}: no {kind} mention",
                    entry.slug
                );
            }
        }
    }
}

#[test]
fn matches_inflected_forms_in_running_text() {
    assert_eq!(
        first_paragraph("Қазақстанның тәжірибесі.", Lang::Kk),
        [
            entity("kazakhstan", EntityType::Place, "Қазақстанның"),
            Inline::Text(" тәжірибесі.".into())
        ]
    );
}

#[test]
fn explicit_annotation_overrides_the_matcher() {
    // The matcher cannot know that this lower-case phrase means the body; the editor can.
    assert_eq!(
        first_paragraph(
            "[сот әкімшілігі](entity:judicial-administration) шешті",
            Lang::Kk
        ),
        [
            entity("judicial-administration", EntityType::Org, "сот әкімшілігі"),
            Inline::Text(" шешті".into())
        ]
    );
    // `entity:-` keeps the matcher out.
    assert_eq!(
        first_paragraph("[Қазақстан](entity:-) елі", Lang::Kk),
        [
            Inline::NoEntity(vec![Inline::Text("Қазақстан".into())]),
            Inline::Text(" елі".into())
        ]
    );
    // An unknown id keeps its text and marks nothing.
    assert_eq!(
        first_paragraph("[X](entity:no-such-thing)", Lang::En),
        [Inline::Text("X".into())]
    );
}

#[test]
fn code_and_links_are_left_alone() {
    let inlines = first_paragraph("`Kazakhstan` [Kazakhstan](https://example.org)", Lang::En);
    assert!(matches!(&inlines[0], Inline::Code(t) if t == "Kazakhstan"));
    assert!(
        matches!(&inlines[2], Inline::Link { children, .. } if children == &[Inline::Text("Kazakhstan".into())])
    );
}

#[test]
fn dates_resolve_to_the_knowledge_base_entity() {
    let inlines = first_paragraph("17–19 November in Dubai", Lang::En);
    assert_eq!(
        inlines[0],
        entity("2025-11-17-19", EntityType::Date, "17–19 November")
    );
    // A date the knowledge base does not list keeps its ISO form as its id.
    let inlines = first_paragraph("On 3 March", Lang::En);
    assert!(
        matches!(&inlines[1], Inline::Entity { id, kind: EntityType::Date, .. } if id == "2025-03-03"),
        "{inlines:?}"
    );
}

/// The site generator marks each article's mentions with the matcher, in every shipped
/// article and language, and the data file the browser reads holds exactly those marks.
#[test]
fn data_files_carry_the_matchers_mentions() {
    use courtview::content::Catalog;
    use courtview::content::page_data::{self, PageData};
    use courtview::entities::annotate::annotate;
    let site = courtview::site::annotated(Catalog::shipped().clone());
    let mut checked = 0;
    for entry in site.entries() {
        for lang in courtview::Lang::ALL {
            let Some(Ok(plain)) = Catalog::shipped().entry(&entry.slug).unwrap().version(lang)
            else {
                continue;
            };
            let bytes = page_data::encode(&courtview::site::article_data(entry, lang));
            let Ok(PageData::Article(data)) = page_data::decode(&bytes) else {
                panic!("{} ({lang}) decodes", entry.slug);
            };
            let shown = data.version.expect("readable");
            let live = annotate(&plain.document, lang, plain.meta.date.year);
            assert_eq!(shown.document, live, "{} ({lang})", entry.slug);
            assert!(
                !live.mentions().is_empty(),
                "{} ({lang}) has mentions",
                entry.slug
            );
            checked += 1;
        }
    }
    assert!(checked >= 3);
}
