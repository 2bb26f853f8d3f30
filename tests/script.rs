//! The Kazakh Latin transliterator (`courtview::script`): the examples of `docs/morphology.md`
//! §4, the casing rules, and properties over any text: Kazakh letters never survive, ASCII is
//! untouched, offsets only grow and mentions stay on their words.

use courtview::Lang;
use courtview::document::markdown::parse;
use courtview::document::{Block, Document, Inline};
use courtview::entities::annotate::annotate;
use courtview::script::{
    TABLE, Transliteration, document_to_latin, to_latin, to_latin_with_ranges,
};
use courtview_test_support::invariants::{each_block, each_inline};
use proptest::prelude::*;

#[test]
fn worked_examples_of_the_morphology_notes() {
    // docs/morphology.md §4.4, "Worked outputs".
    for (cyrillic, latin) in [
        ("Қазақстан", "Qazaqstan"),
        ("Жоғарғы Сот", "Joğarğy Sot"),
        ("Мерғалиев", "Merğaliev"),
        ("Дубай", "Dubai"),
        ("Алматы", "Almaty"),
        ("Шымкент", "Şymkent"),
        ("Түркістан", "Türkıstan"),
        ("Өскемен", "Öskemen"),
        ("Ұлытау", "Ūlytau"),
        (
            "Халықаралық сот әкімшілігі қауымдастығы",
            "Halyqaralyq sot äkımşılıgı qauymdastyğy",
        ),
        ("Қазақстан Республикасы", "Qazaqstan Respublikasy"),
    ] {
        assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn every_letter() {
    for (cyrillic, latin) in [
        (
            "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
            "aäbvgğdeiojziikqlmnñoöprstuūüfhhtsşşşşyıeiuia",
        ),
        ("Ә Ғ Ң Ө Ұ Ү Һ І И Й", "Ä Ğ Ñ Ö Ū Ü H I İ İ"),
        // The old shapes of Ң and Ғ.
        ("ӊ Ҥ ӻ", "ñ Ñ ğ"),
    ] {
        assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn dotted_and_dotless_i_are_cased_by_hand() {
    // І is the dotless pair I/ı, И and Й the dotted pair İ/i, never Unicode's I/i.
    assert_eq!(to_latin("Іле іс"), "Ile ıs");
    assert_eq!(to_latin("ІС"), "IS");
    assert_eq!(to_latin("Ирина Йемен"), "İrina İemen");
    assert_eq!(to_latin("ИІМ"), "İIM");
    // İ is one character, not i + U+0307.
    assert_eq!(to_latin("И").chars().count(), 1);
}

#[test]
fn words_in_capitals_stay_in_capitals() {
    for (cyrillic, latin) in [
        ("ХСӘҚ", "HSÄQ"),
        ("ХСӘҚ-ның", "HSÄQ-nyñ"),
        ("ЯНВАРЬ", "İANVAR"),
        ("ЦЕХ", "TSEH"),
        ("ЮНЕСКО-ға", "İUNESKO-ğa"),
        ("ЩИТ", "ŞŞİT"),
        ("ҚАЗАҚСТАННЫҢ ЖОҒАРҒЫ СОТЫ", "QAZAQSTANNYÑ JOĞARĞY SOTY"),
        ("ҚазҰУ", "QazŪU"),
    ] {
        assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn two_letter_renderings_are_title_case_in_ordinary_words() {
    for (cyrillic, latin) in [
        ("Ярослав", "İaroslav"),
        ("Юрий", "İurii"),
        ("Ёлка", "İolka"),
        ("Цой", "Tsoi"),
        ("Щербаков", "Şşerbakov"),
        ("Я.", "İa."),
        ("Чехия", "Şehiia"),
    ] {
        assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn russian_only_letters() {
    for (cyrillic, latin) in [
        ("съезд", "sezd"),
        ("пьеса", "pesa"),
        ("Эмираттары", "Emirattary"),
        ("Федерация", "Federatsiia"),
        ("Чемпионат", "Şempionat"),
        ("шахмат", "şahmat"),
        ("Һ", "H"),
    ] {
        assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
    }
}

#[test]
fn digits_punctuation_and_latin_are_untouched() {
    assert_eq!(
        to_latin("2025 жылғы 14–16 қазанда «DIFC» (Дубай): 3,5%!"),
        "2025 jylğy 14–16 qazanda «DIFC» (Dubai): 3,5%!"
    );
    assert_eq!(to_latin("DIFC-тің"), "DIFC-tıñ");
}

#[test]
fn mentions_stay_on_their_words() {
    let text = "ХСӘҚ-ның төрағасы Мерғалиев Дубайда болды.";
    let find = |word: &str| {
        let start = text.find(word).unwrap();
        start..start + word.len()
    };
    let (latin, ranges) = to_latin_with_ranges(
        text,
        &[find("ХСӘҚ-ның"), find("Мерғалиев"), find("Дубайда")],
    );
    let words: Vec<&str> = ranges.iter().map(|r| &latin[r.clone().unwrap()]).collect();
    assert_eq!(words, ["HSÄQ-nyñ", "Merğaliev", "Dubaida"]);
    // A range that cuts a character in two is refused, not moved.
    let (_, bad) = to_latin_with_ranges(text, &[0..8, 1..4]);
    assert_eq!(bad, [Some(0..5), None]);
}

/// Every text of a document a reader sees: the blocks' own (code, raw HTML), then the
/// inlines'. The same order for a document and its transliteration.
fn texts(document: &Document) -> Vec<String> {
    let mut out = Vec::new();
    each_block(&document.blocks, &mut |b| {
        if let Block::CodeBlock { text, .. } | Block::RawHtml(text) = b {
            out.push(text.clone());
        }
    });
    each_inline(&document.blocks, &mut |i| match i {
        Inline::Text(t) | Inline::Code(t) | Inline::RawHtml(t) => out.push(t.clone()),
        Inline::Image { alt, title, .. } => out.extend([alt.clone(), title.clone()]),
        _ => {}
    });
    out
}

#[test]
fn a_document_keeps_its_shape_in_latin() {
    let markdown = "ХСӘҚ төрағасы Дубайда болды.\n\n\
                    > **Жоғарғы Сот** [сайты](https://sud.gov.kz/ \"Сот\") `код` <b>Қ</b>\n\n\
                    - Алматы\n- ![Сурет](a.png)\n\n\
                    | Қала | Күн |\n|---|---|\n| Астана | 2025 жылғы 19 қараша |\n\n\
                    ```\nЯ\n```\n";
    let cyrillic = annotate(&parse(markdown), Lang::Kk, 2025);
    let latin = document_to_latin(&cyrillic);
    // The same paragraphs and the same mentions (ids, types, paragraphs), in the same order.
    assert_eq!(latin.paragraph_count(), cyrillic.paragraph_count());
    assert_eq!(latin.mentions(), cyrillic.mentions());
    assert!(!cyrillic.mentions().is_empty());
    // Every text node is its own transliteration, and no Cyrillic is left.
    let (before, after) = (texts(&cyrillic), texts(&latin));
    assert_eq!(before.len(), after.len());
    for (c, l) in before.iter().zip(&after) {
        assert_eq!(&to_latin(c), l);
        assert!(
            !l.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{l}"
        );
    }
    // URLs are not text.
    let plain = latin.plain_text();
    assert!(
        plain.contains("Joğarğy Sot") && plain.contains("Dubaida"),
        "{plain}"
    );
    assert_eq!(
        format!("{latin:?}").matches("https://sud.gov.kz/").count(),
        1
    );
}

/// Any text: Kazakh letters, Russian-only letters, Latin, digits, punctuation, spaces, emoji.
fn any_text() -> impl Strategy<Value = String> {
    let letters: Vec<char> = TABLE.iter().flat_map(|l| [l.lower, l.upper]).collect();
    let others: Vec<char> = "aZ09 -.,«»()\n\t'’—🙂ñİı"
        .chars()
        .chain(['\u{0301}', '\u{00a0}'])
        .collect();
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(letters),
            1 => prop::sample::select(others),
        ],
        0..60,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn no_cyrillic_letter_survives(text in any_text()) {
        let latin = to_latin(&text);
        prop_assert!(
            !latin.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{text:?} -> {latin:?}"
        );
    }

    #[test]
    fn ascii_is_unchanged(text in "[ -~\n\t]{0,80}") {
        prop_assert_eq!(to_latin(&text), text);
    }

    #[test]
    fn offsets_only_grow_and_ranges_compose(text in any_text()) {
        let t = Transliteration::new(&text);
        prop_assert_eq!(t.text(), to_latin(&text));
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mapped: Vec<usize> = boundaries.iter().map(|&i| t.offset(i).unwrap()).collect();
        prop_assert_eq!(mapped[0], 0);
        prop_assert_eq!(*mapped.last().unwrap(), t.text().len());
        prop_assert!(mapped.windows(2).all(|w| w[0] <= w[1]));
        // Every mapped offset is a boundary of the Latin text, and a range of the original
        // becomes the Latin of exactly those characters when its words are cut at its ends.
        for &m in &mapped {
            prop_assert!(t.text().is_char_boundary(m));
        }
        for w in boundaries.windows(2) {
            prop_assert!(t.offset(w[0] + 1).is_none() || w[1] == w[0] + 1);
        }
    }

    #[test]
    fn lower_case_text_transliterates_piece_by_piece(text in any_text(), cut in 0usize..60) {
        // Casing looks at whole words, so only in lower case is the result of a piece its
        // own transliteration; that is what lets a mention be rendered on its own.
        let lower: String = text.chars().flat_map(char::to_lowercase).collect();
        let cut = lower.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(lower.len());
        let t = Transliteration::new(&lower);
        let at = t.offset(cut).unwrap();
        prop_assert_eq!(&t.text()[..at], to_latin(&lower[..cut]));
        prop_assert_eq!(&t.text()[at..], to_latin(&lower[cut..]));
    }
}
