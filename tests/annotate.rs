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

/// The browser replays the mentions the build found (courtview::prebuilt); they must be exactly
/// what the matcher finds at run time, for every shipped article and language.
#[test]
fn prebuilt_mentions_equal_the_matcher() {
    use courtview::content::Catalog;
    use courtview::entities::annotate::annotate;
    use courtview::prebuilt::annotate_shipped;
    let mut checked = 0;
    for entry in Catalog::shipped().entries() {
        for lang in courtview::Lang::ALL {
            let Some(Ok(article)) = entry.version(lang) else {
                continue;
            };
            let replayed = annotate_shipped(&entry.slug, lang, &article.document)
                .unwrap_or_else(|| panic!("no prebuilt mentions for {} ({lang})", entry.slug));
            let live = annotate(&article.document, lang, article.meta.date.year);
            assert_eq!(replayed, live, "{} ({lang})", entry.slug);
            assert!(
                !replayed.mentions().is_empty(),
                "{} ({lang}) has mentions",
                entry.slug
            );
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

/// A document that is not the one the build saw gets no marks rather than wrong ones.
#[test]
fn prebuilt_mentions_refuse_another_document() {
    use courtview::content::Catalog;
    use courtview::prebuilt::annotate_shipped;
    let entry = &Catalog::shipped().entries()[0];
    let Some(Ok(kk)) = entry.version(courtview::Lang::Kk) else {
        panic!("the first article has Kazakh");
    };
    let Some(Ok(ru)) = entry.version(courtview::Lang::Ru) else {
        panic!("the first article has Russian");
    };
    assert!(annotate_shipped(&entry.slug, courtview::Lang::Kk, &ru.document).is_none());
    assert!(annotate_shipped("no-such-article", courtview::Lang::Kk, &kk.document).is_none());
}

/// The browser's catalog is unpacked from what the build parsed: it must be the catalog.
#[test]
fn prebuilt_catalog_equals_the_shipped_one() {
    use courtview::content::Catalog;
    let (built, shipped) = (courtview::prebuilt::catalog(), Catalog::shipped());
    assert_eq!(built.entries().len(), shipped.entries().len());
    for (a, b) in built.entries().iter().zip(shipped.entries()) {
        assert_eq!(a.slug, b.slug);
        for lang in courtview::Lang::ALL {
            assert_eq!(a.version(lang), b.version(lang), "{} ({lang})", a.slug);
        }
    }
}
