//! Photos (docs/content.md, "Photos"): an image alone in its paragraph is a figure, checked
//! when the article is read (a file in its folder, alternative text), resized by the site
//! generator into WebP and JPEG at a few widths, and rendered as `<figure><picture>` within
//! the allow-lists. The images are generated here, in a temporary folder: we ship no photo.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use courtview::Lang;
use courtview::content::{Article, Catalog};
use courtview::document::markdown::parse;
use courtview::document::{Block, Figure, Inline, Picture, is_photo_name};
use courtview::site::photos::{self, WIDTHS};
use courtview::ui::render_document_html;
use courtview_test_support::html_allow;

/// The `(url, width)` pairs of a `srcset` such as [`Picture::webp`].
fn srcset_files(srcset: &str) -> Vec<(&str, u32)> {
    srcset
        .split(", ")
        .filter_map(|c| {
            let (url, w) = c.rsplit_once(' ')?;
            Some((url, w.strip_suffix('w')?.parse().ok()?))
        })
        .collect()
}

/// An empty temporary folder of its own for `test`.
fn temp(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("courtview-photos-{}-{test}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// A generated photo: a gradient with a square, so that resizing has something to do.
fn photo(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        let square =
            (width / 3..2 * width / 3).contains(&x) && (height / 3..2 * height / 3).contains(&y);
        if square {
            image::Rgb([230, 120, 20])
        } else {
            image::Rgb([(x * 255 / width) as u8, 160, (y * 255 / height) as u8])
        }
    })
}

fn article(body: &str) -> Result<Article, courtview::error::ContentError> {
    let source = format!("---\ntitle: T\ndate: 2025-11-19\n---\n\n{body}");
    Article::parse(&source, "a", Lang::En, "static/articles/a/en.md")
}

#[test]
fn an_image_alone_in_its_paragraph_is_a_figure_that_takes_no_number() {
    let doc = parse("One.\n\n![A court room](room.jpg \"The hall, 2025\")\n\nTwo.\n");
    let Block::Figure(figure) = &doc.blocks[1] else {
        panic!("not a figure: {:?}", doc.blocks[1]);
    };
    assert_eq!(figure.src, "room.jpg");
    assert_eq!(figure.alt, "A court room");
    assert_eq!(figure.caption, [Inline::Text("The hall, 2025".into())]);
    assert!(matches!(doc.blocks[2], Block::Paragraph { number: 2, .. }));
    assert_eq!(doc.paragraph_count(), 2);
    assert_eq!(doc.figures().len(), 1);
    assert_eq!(doc.figures()[0].0, 1, "the photo comes after paragraph 1");
    // The caption is text a reader sees (and searches); the alternative text is not shown.
    assert_eq!(doc.plain_text(), "One.\nThe hall, 2025\nTwo.");
}

#[test]
fn an_image_inside_text_or_with_a_refused_url_stays_in_its_paragraph() {
    let doc = parse("See ![x](a.jpg) here.\n\n![y](javascript:alert(1))\n");
    assert!(doc.figures().is_empty());
    assert_eq!(doc.paragraph_count(), 2);
}

#[test]
fn photo_names_are_files_of_the_article_folder() {
    for ok in ["a.jpg", "Court-2025_1.JPEG", "x.png"] {
        assert!(is_photo_name(ok), "{ok}");
    }
    for bad in [
        "../a.jpg",
        "/a.jpg",
        "sub/a.jpg",
        "https://x.example/a.jpg",
        "//x.example/a.jpg",
        ".jpg",
        ".hidden.jpg",
        "a.gif",
        "a%2F.jpg",
        "a.jpg?x",
        "",
    ] {
        assert!(!is_photo_name(bad), "{bad}");
    }
}

#[test]
fn the_content_check_names_the_line_of_a_bad_photo() {
    // The body starts on line 6 (front matter, then a blank line).
    let e = article("Text.\n\n![](room.jpg \"Caption\")\n").unwrap_err();
    assert_eq!(e.line, Some(8));
    assert!(e.message.contains("alternative text"), "{}", e.message);
    assert_eq!(e.lang, Some(Lang::En));
    assert_eq!(e.path, "static/articles/a/en.md");
    for src in [
        "../other/x.jpg",
        "https://x.example/x.jpg",
        "/x.jpg",
        "x.gif",
    ] {
        let e = article(&format!("![Alt]({src})\n")).unwrap_err();
        assert_eq!(e.line, Some(6), "{src}");
        assert!(e.message.contains("own folder"), "{src}: {}", e.message);
    }
    assert!(article("![Alt](x.jpg \"Caption\")\n\nText.\n").is_ok());
    // An image inside text is not a photo: the rule is about figures.
    assert!(article("Text ![](/x.png) text.\n").is_ok());
}

#[test]
fn photos_are_resized_into_webp_and_jpeg_never_upscaled() {
    let dir = temp("resize");
    let (dist, folder) = (dir.join("dist"), dir.join("src"));
    fs::create_dir_all(&folder).unwrap();
    photo(2000, 1000).save(folder.join("big.png")).unwrap();
    photo(700, 500).save(folder.join("small.jpg")).unwrap();

    let big = photos::picture(&folder.join("big.png"), &dist, "/base").unwrap();
    assert_eq!((big.width, big.height), (1600, 800));
    let (webp, jpeg) = (srcset_files(&big.webp), srcset_files(&big.jpeg));
    let widths: Vec<u32> = jpeg.iter().map(|f| f.1).collect();
    assert_eq!(widths, WIDTHS);
    assert_eq!(webp.len(), jpeg.len());
    for &(url, width) in webp.iter().chain(&jpeg) {
        let name = url.strip_prefix("/base/").expect("under the base path");
        let bytes = fs::read(dist.join(name)).unwrap();
        if name.ends_with(".webp") {
            assert_eq!((&bytes[..4], &bytes[8..12]), (&b"RIFF"[..], &b"WEBP"[..]));
        } else {
            let img = image::load_from_memory(&bytes).unwrap();
            assert_eq!(img.width(), width);
        }
        // Named by a hash of the bytes, like data files: cached for a year.
        let stem = name
            .trim_start_matches("photos/")
            .split('.')
            .next()
            .unwrap();
        assert_eq!(stem.len(), 16, "{name}");
    }
    assert_eq!(big.src, jpeg[1].0);

    let small = photos::picture(&folder.join("small.jpg"), &dist, "").unwrap();
    assert_eq!((small.width, small.height), (700, 500));
    let widths: Vec<u32> = srcset_files(&small.jpeg).iter().map(|f| f.1).collect();
    assert_eq!(widths, [480, 700]);
    assert!(small.src.starts_with("/photos/"));

    fs::write(folder.join("bad.jpg"), b"not a photo").unwrap();
    let e = photos::picture(&folder.join("bad.jpg"), &dist, "").unwrap_err();
    assert!(e.contains("bad.jpg"), "{e}");
    let _ = fs::remove_dir_all(&dir);
}

#[test]
fn the_site_fills_in_each_photo_or_makes_its_article_an_error() {
    let dir = temp("site");
    let articles = dir.join("articles");
    let a = articles.join("with-photo");
    fs::create_dir_all(&a).unwrap();
    photo(1000, 600).save(a.join("p.png")).unwrap();
    let head = "---\ntitle: T\ndate: 2025-11-19\n---\n\n";
    fs::write(
        a.join("en.md"),
        format!("{head}One.\n\n![A photo](p.png \"Caption\")\n"),
    )
    .unwrap();
    fs::write(
        a.join("ru.md"),
        format!("{head}Один.\n\n![Фото](missing.png)\n"),
    )
    .unwrap();
    let catalog = Catalog::load(std::slice::from_ref(&articles)).unwrap();
    let catalog = photos::resize_all(
        catalog,
        std::slice::from_ref(&articles),
        &dir.join("dist"),
        "",
    );
    let entry = catalog.entry("with-photo").unwrap();
    let en = entry.version(Lang::En).unwrap().as_ref().unwrap();
    let figures = en.document.figures();
    let picture = figures[0].1.picture.as_ref().expect("resized");
    assert_eq!((picture.width, picture.height), (1000, 600));
    let e = entry.version(Lang::Ru).unwrap().as_ref().unwrap_err();
    assert_eq!(e.line, Some(8));
    assert!(e.message.contains("missing.png"), "{}", e.message);
    let _ = fs::remove_dir_all(&dir);
}

fn figure(picture: Option<Picture>, alt: &str, caption: &str) -> courtview::document::Document {
    courtview::document::Document {
        blocks: vec![
            Block::Paragraph {
                number: 1,
                inlines: vec![Inline::Text("Lead.".into())],
            },
            Block::Paragraph {
                number: 2,
                inlines: vec![Inline::Text("Two.".into())],
            },
            Block::Figure(Figure {
                src: "p.jpg".into(),
                alt: alt.into(),
                caption: vec![Inline::Text(caption.into())],
                picture,
            }),
        ],
    }
}

#[test]
fn a_figure_renders_a_picture_with_its_box_and_caption_within_the_allow_lists() {
    let files = |ext: &str| -> Vec<(String, u32)> {
        [480, 960]
            .map(|width| (format!("/photos/{width:016x}.{ext}"), width))
            .to_vec()
    };
    let picture = Picture::new(960, 640, &files("webp"), &files("jpg"));
    let html = render_document_html(
        figure(
            Some(picture),
            "A \"hall\" <img onerror=alert(1)>",
            "</figcaption><script>",
        ),
        Lang::En,
    );
    html_allow::check(&html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    for part in [
        "<figure class=\"cv-figure\"><picture><source type=\"image/webp\" srcset=\"/photos/00000000000001e0.webp 480w, /photos/00000000000003c0.webp 960w\" sizes=\"(min-width: 46rem) 43rem, 100vw\">",
        "src=\"/photos/00000000000003c0.jpg\"",
        "width=\"960\" height=\"640\"",
        // The third block is below the first screen.
        "loading=\"lazy\" decoding=\"async\"",
        "<figcaption>&lt;/figcaption&gt;&lt;script&gt;</figcaption></figure>",
    ] {
        assert!(html.contains(part), "{part}\nnot in\n{html}");
    }
    // Not resized (`courtview render`): the file as named.
    let html = render_document_html(figure(None, "Alt", "Caption"), Lang::En);
    html_allow::check(&html).unwrap_or_else(|e| panic!("{e}\n{html}"));
    assert!(html.contains("<img src=\"p.jpg\""), "{html}");
    assert!(!html.contains("<source"), "{html}");
}

#[test]
fn a_photo_near_the_top_loads_at_once() {
    let html = render_document_html(
        parse("Lead.\n\n![Alt](p.jpg \"Caption\")\n\nText.\n"),
        Lang::En,
    );
    assert!(html.contains("loading=\"eager\""), "{html}");
}

/// `courtview check` on a folder of article folders.
fn check(dir: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_courtview"))
        .arg("check")
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn check_wants_the_same_photos_in_the_same_places_in_every_language() {
    let dir = temp("check");
    let a = dir.join("a");
    fs::create_dir_all(&a).unwrap();
    photo(100, 80).save(a.join("p.png")).unwrap();
    let head = "---\ntitle: T\ndate: 2025-11-19\n---\n\n";
    let write = |lang: &str, body: &str| {
        fs::write(a.join(format!("{lang}.md")), format!("{head}{body}")).unwrap()
    };
    write("en", "One.\n\n![A photo](p.png \"Caption\")\n\nTwo.\n");
    write("ru", "Один.\n\n![Фото](p.png \"Подпись\")\n\nДва.\n");
    let (ok, stderr) = check(&dir);
    assert!(ok, "{stderr}");
    // Same paragraphs, but the photo moved.
    write("ru", "Один.\n\nДва.\n\n![Фото](p.png \"Подпись\")\n");
    let (ok, stderr) = check(&dir);
    assert!(!ok);
    assert!(stderr.contains("different photos or places"), "{stderr}");
    // A photo that is not there, named with its line.
    write("ru", "Один.\n\n![Фото](q.png \"Подпись\")\n\nДва.\n");
    let (ok, stderr) = check(&dir);
    assert!(!ok);
    assert!(
        stderr.contains(
            "ru.md:8: article `a` (ru): the photo `q.png` is not in the article's folder"
        ),
        "{stderr}"
    );
    let _ = fs::remove_dir_all(&dir);
}
