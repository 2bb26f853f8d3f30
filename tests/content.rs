//! The shipped content: every article parses, languages align, every UI string is translated.

use courtview::Lang;
use courtview::content::Catalog;
use courtview::i18n::Msg;

#[test]
fn every_shipped_article_parses() {
    let catalog = Catalog::shipped();
    let errors: Vec<String> = catalog.errors().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert!(!catalog.entries().is_empty());
}

#[test]
fn languages_have_the_same_paragraphs() {
    for entry in Catalog::shipped().entries() {
        let counts: Vec<(Lang, u32)> = entry
            .languages()
            .map(|l| {
                let article = entry.resolve(l).unwrap().article;
                (l, article.document.paragraph_count())
            })
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0].1 == w[1].1),
            "article `{}`: paragraph counts differ: {counts:?}",
            entry.slug
        );
    }
}

#[test]
fn the_first_article_exists_in_all_three_languages() {
    let entry = Catalog::shipped()
        .entry("iaca-2025-dubai")
        .expect("first article");
    for lang in Lang::ALL {
        let resolved = entry.resolve(lang).unwrap();
        assert!(!resolved.is_fallback(), "{lang} missing");
        let article = resolved.article;
        assert_eq!(article.meta.date.to_string(), "2025-11-19");
        assert_eq!(article.document.paragraph_count(), 8, "{lang}");
        assert!(
            article.meta.source.is_some() && !article.meta.tags.is_empty(),
            "{lang}"
        );
    }
    let kk = entry
        .resolve(Lang::Kk)
        .unwrap()
        .article
        .document
        .plain_text();
    // The lead comes first, and the misprint `IASA` stays as printed.
    assert!(kk.starts_with("17-19 қараша аралығында Дубайда"), "{kk}");
    assert!(kk.contains("IASA президенті Памела Харрис"));
    for lang in [Lang::Ru, Lang::En] {
        let text = entry.resolve(lang).unwrap().article.document.plain_text();
        assert!(
            !text.contains("IASA"),
            "{lang}: the translation names IACA correctly"
        );
    }
}

#[test]
fn every_ui_string_is_translated() {
    for msg in Msg::ALL {
        let texts = msg.texts();
        for (lang, text) in Lang::ALL.iter().zip(texts) {
            assert!(!text.trim().is_empty(), "{msg:?} has no {lang} text");
        }
        // Apart from the product's name, a message identical in Kazakh and English or Russian
        // and English was almost certainly left untranslated.
        if msg != Msg::SiteName {
            assert_ne!(texts[0], texts[2], "{msg:?}: Kazakh equals English");
            assert_ne!(texts[1], texts[2], "{msg:?}: Russian equals English");
        }
    }
}

#[test]
fn every_entity_type_is_named_in_every_language() {
    use courtview::entities::EntityType;
    use courtview::i18n::type_name;
    for kind in EntityType::ALL {
        for plural in [false, true] {
            let names: Vec<_> = Lang::ALL
                .iter()
                .map(|&l| type_name(kind, plural, l))
                .collect();
            assert!(names.iter().all(|n| !n.is_empty()), "{kind:?}");
            assert_ne!(names[0], names[2], "{kind:?} untranslated");
        }
    }
}

#[test]
fn msg_all_lists_every_message() {
    // Adding a variant without listing it in Msg::ALL would skip its translation check; this
    // match has no wildcard, so such a variant fails to compile here until it is counted.
    let count = |m: Msg| match m {
        Msg::SiteName
        | Msg::SiteTagline
        | Msg::SkipToContent
        | Msg::LanguageNav
        | Msg::NewsHeading
        | Msg::Breadcrumb
        | Msg::AllNews
        | Msg::SourceLabel
        | Msg::TagsLabel
        | Msg::NotFoundHeading
        | Msg::NotFoundText
        | Msg::GoToNewsList
        | Msg::NoArticles
        | Msg::ContentErrorHeading
        | Msg::ContentErrorText
        | Msg::FooterSource
        | Msg::FooterTranslations
        | Msg::ChooseLanguage
        | Msg::LegendHeading
        | Msg::HighlightToggle
        | Msg::CardClose
        | Msg::CardPrevious
        | Msg::CardNext
        | Msg::OfficialSite
        | Msg::DateDescription
        | Msg::AppUnavailable
        | Msg::EmbedButton
        | Msg::EmbedDialogTitle
        | Msg::EmbedDialogIntro
        | Msg::EmbedGuestNote
        | Msg::EmbedOptionsHeading
        | Msg::EmbedLanguage
        | Msg::EmbedTypes
        | Msg::EmbedTheme
        | Msg::ThemeLight
        | Msg::ThemeDark
        | Msg::ThemeAuto
        | Msg::EmbedParagraph
        | Msg::FromTheBeginning
        | Msg::LoaderSnippet
        | Msg::IframeSnippet
        | Msg::Copy
        | Msg::Copied
        | Msg::CopyUnavailable
        | Msg::CopyFailed
        | Msg::Preview
        | Msg::PreviewFrameTitle
        | Msg::Pagination
        | Msg::PreviousPage
        | Msg::NextPage
        | Msg::ArchiveByYear
        | Msg::ReadOnFullSite
        | Msg::OpensInNewTab
        | Msg::EmbedFrameTitle
        | Msg::EntitiesHeading
        | Msg::EntitiesIntro
        | Msg::NoArticlesNameIt
        | Msg::ThemeSepia
        | Msg::DisplaySettings
        | Msg::ThemeHeading
        | Msg::ThemeSystem
        | Msg::TextSizeHeading
        | Msg::TextSmall
        | Msg::TextNormal
        | Msg::TextLarge
        | Msg::Share
        | Msg::LinkCopied
        | Msg::LinkCopyFailed
        | Msg::SearchLabel
        | Msg::SearchButton
        | Msg::SearchHeading
        | Msg::SearchHint
        | Msg::SearchAllLanguages
        | Msg::Searching
        | Msg::SearchMore
        | Msg::SearchNeedsScript
        | Msg::SearchUnavailable
        | Msg::ScriptNav
        | Msg::WithHeading
        | Msg::WithNone
        | Msg::WithUnavailable => 1,
    };
    assert_eq!(Msg::ALL.iter().map(|&m| count(m)).sum::<usize>(), 81);
    let mut unique = Msg::ALL.to_vec();
    unique.dedup();
    assert_eq!(unique.len(), Msg::ALL.len());
}
