//! `courtview ingest`: PDF-extracted text → Markdown body.

use std::path::Path;

use courtview::ingest::{IngestError, IngestOptions, ingest};

fn plain(text: &str) -> String {
    ingest(text, IngestOptions::default()).unwrap()
}

#[test]
fn the_seed_gives_exactly_the_kazakh_article_body() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("tests/fixtures/ingest/iaca-2025-dubai.seed.txt"))
        .unwrap();
    let article =
        std::fs::read_to_string(root.join("static/articles/iaca-2025-dubai/kk.md")).unwrap();
    // The body is everything after the front matter's closing line and one blank line.
    let body = article
        .splitn(3, "---\n")
        .nth(2)
        .unwrap()
        .strip_prefix('\n')
        .unwrap();
    // Editors may mark what the matcher cannot know, `[text](entity:id)`: markup, not words.
    assert_eq!(
        ingest(&seed, IngestOptions { lead_last: true }).unwrap(),
        without_annotations(body)
    );
}

/// `[text](entity:id)` → `text`.
fn without_annotations(markdown: &str) -> String {
    let mut out = String::new();
    let mut rest = markdown;
    while let Some(close) = rest.find("](entity:") {
        let open = rest[..close]
            .rfind('[')
            .expect("an annotation opens with [");
        let end = close
            + rest[close..]
                .find(')')
                .expect("an annotation closes with )");
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn undoes_splits_inside_words_and_keeps_real_hyphens() {
    assert_eq!(plain("инно\nвацияларды енгізу"), "инновацияларды енгізу\n");
    assert_eq!(plain("ХСӘҚ вице-\nпрезиденті"), "ХСӘҚ вице-президенті\n");
    assert_eq!(plain("сот \nжүйесі"), "сот жүйесі\n");
    // A dash set off by spaces is punctuation, not a hyphenated word.
    assert_eq!(plain("басшысы -\nвице"), "басшысы - вице\n");
    // A soft hyphen left by extraction marks a split too.
    assert_eq!(plain("инно\u{ad}\nвация"), "инновация\n");
}

#[test]
fn a_line_ending_in_punctuation_ends_a_word() {
    assert_eq!(plain("барды.\nКонференцияда"), "барды. Конференцияда\n");
    assert_eq!(plain("(DIFC Courts)\nсоттары"), "(DIFC Courts) соттары\n");
    assert_eq!(plain("«Сот»\nәкімшілігі,\nдеп"), "«Сот» әкімшілігі, деп\n");
}

#[test]
fn a_line_ending_in_a_number_ends_a_word() {
    assert_eq!(plain("17-19\nқараша"), "17-19 қараша\n");
    assert_eq!(plain("80\nелден"), "80 елден\n");
}

#[test]
fn latin_text_is_rejoined_like_cyrillic() {
    assert_eq!(
        plain("digital transfor\nmation of IACA \nmembers"),
        "digital transformation of IACA members\n"
    );
    assert_eq!(
        plain("Dubai Interna\ntional Financial \nCentre"),
        "Dubai International Financial Centre\n"
    );
}

#[test]
fn crlf_and_cr_line_ends() {
    assert_eq!(
        plain("инно\r\nвация \r\n\r\nекінші\r\n"),
        "инновация\n\nекінші\n"
    );
    assert_eq!(plain("a \rb"), "a b\n");
}

#[test]
fn single_paragraph_and_lead_last() {
    assert_eq!(
        ingest("Жалғыз абзац.", IngestOptions { lead_last: true }).unwrap(),
        "Жалғыз абзац.\n"
    );
    assert_eq!(
        ingest("бір\n\nекі\n\n\n\nлид", IngestOptions { lead_last: true }).unwrap(),
        "лид\n\nбір\n\nекі\n"
    );
}

#[test]
fn whitespace_is_normalised() {
    assert_eq!(plain("  a\t\tb   c  \n   d  "), "a b c d\n");
    assert_eq!(plain("\u{feff}a\n \t \nb"), "a\n\nb\n");
}

#[test]
fn an_empty_file_gets_a_clear_error() {
    for empty in ["", "   ", "\n\n\r\n", "\u{feff}"] {
        let err = ingest(empty, IngestOptions::default()).unwrap_err();
        assert_eq!(err, IngestError::Empty);
        assert!(err.to_string().contains("empty"));
    }
}

#[test]
fn markdown_punctuation_is_escaped_so_the_text_renders_as_printed() {
    use courtview::document::markdown::parse;
    let text =
        "1. пункт *жұлдыз* _асты_ [жақша] <тег> & `код` ~тильда~ | құбыр\n\n# тор\n\n- сызық";
    let body = plain(text);
    let doc = parse(&body);
    assert_eq!(
        doc.plain_text(),
        "1. пункт *жұлдыз* _асты_ [жақша] <тег> & `код` ~тильда~ | құбыр\n# тор\n- сызық"
    );
    assert_eq!(doc.paragraph_count(), 3);
}
