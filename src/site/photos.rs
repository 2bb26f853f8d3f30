//! Photos: each article's `![alt](file.jpg "caption")` files, resized once at build time.
//!
//! A photo is decoded (JPEG or PNG), scaled down to each of [`WIDTHS`] narrower than itself
//! (never up) plus its own width up to the largest, and written as lossy WebP and as JPEG, the
//! fallback every browser reads, under `photos/<hash>.webp|jpg`, named by a hash of their bytes
//! like data files, so that they are cached for a year. The document's [`Figure`] gets the
//! [`Picture`] (URLs, widths, the box's width and height) the page renders from, in the
//! browser as in the prerender.

use std::collections::HashMap;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::imageops::FilterType;
use image::{DynamicImage, ImageFormat, RgbImage};

use super::template::fnv1a;
use crate::content::Catalog;
use crate::document::{Figure, Picture};
use crate::error::ContentError;

/// The widths a photo is written at, when it is wider: a phone's column at 1× and 2×, and a
/// desktop's column at 2×. The article column is 43rem at most (`sizes` in the view).
pub const WIDTHS: [u32; 3] = [480, 960, 1600];

/// The folder of photos in `dist/`.
pub const PHOTO_DIR: &str = "photos";

/// JPEG quality: photos at 80 look like the original on screen at a third of its bytes.
const JPEG_QUALITY: u8 = 80;

/// WebP quality: 75 matches JPEG at 80 for about two thirds of the bytes.
const WEBP_QUALITY: f32 = 75.0;

/// Fills in the [`Picture`] of every photo of every readable article, writing the files into
/// `dist`, with URLs under `prefix`. A photo that is missing or cannot be decoded makes its
/// article's version a content error, like a broken front matter: its page says so.
pub fn resize_all(catalog: Catalog, articles: &[PathBuf], dist: &Path, prefix: &str) -> Catalog {
    let mut done: HashMap<PathBuf, Result<Picture, String>> = HashMap::new();
    catalog.try_map_articles(|mut article| {
        let Some(folder) = articles
            .iter()
            .map(|dir| dir.join(&article.slug))
            .find(|f| f.is_dir())
        else {
            return Ok(article);
        };
        for figure in article.document.figures_mut() {
            let file = folder.join(&figure.src);
            let made = done
                .entry(file.clone())
                .or_insert_with(|| picture(&file, dist, prefix));
            match made {
                Ok(picture) => figure.picture = Some(picture.clone()),
                Err(message) => {
                    let md = folder.join(format!("{}.md", article.lang.tag()));
                    return Err(ContentError {
                        path: md.display().to_string(),
                        line: line_naming(&md, figure),
                        slug: article.slug.clone(),
                        lang: Some(article.lang),
                        message: message.clone(),
                    });
                }
            }
        }
        Ok(article)
    })
}

/// The first line of the Markdown file `md` that names the photo's file.
fn line_naming(md: &Path, figure: &Figure) -> Option<usize> {
    let text = fs::read_to_string(md).ok()?;
    text.lines()
        .position(|l| l.contains(&figure.src))
        .map(|i| i + 1)
}

/// Resizes the photo `file` and writes its variants into `dist`.
pub fn picture(file: &Path, dist: &Path, prefix: &str) -> Result<Picture, String> {
    let name = file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let bytes = fs::read(file)
        .map_err(|e| format!("the photo `{name}` cannot be read beside the article ({e})"))?;
    // JPEG or PNG, by the file's first bytes rather than its name.
    let format = match image::guess_format(&bytes) {
        Ok(f @ (ImageFormat::Jpeg | ImageFormat::Png)) => f,
        _ => {
            return Err(format!(
                "the photo `{name}` is neither a JPEG nor a PNG file"
            ));
        }
    };
    let image = image::load_from_memory_with_format(&bytes, format)
        .map_err(|e| format!("the photo `{name}` cannot be decoded: {e}"))?;
    let image = opaque(image);
    let (width, height) = image.dimensions();
    let (mut webp_files, mut jpeg_files) = (Vec::new(), Vec::new());
    let mut largest = (0, 0);
    for w in widths(width) {
        // Rounded, at least a pixel: the box keeps the photo's proportions.
        let h = ((u64::from(height) * u64::from(w) + u64::from(width) / 2) / u64::from(width))
            .max(1) as u32;
        let scaled = if w == width {
            image.clone()
        } else {
            image::imageops::resize(&image, w, h, FilterType::CatmullRom)
        };
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(
            &mut Cursor::new(&mut jpeg),
            JPEG_QUALITY,
        )
        .encode_image(&DynamicImage::ImageRgb8(scaled.clone()))
        .map_err(|e| format!("the photo `{name}` cannot be written as JPEG: {e}"))?;
        let webp = webp::Encoder::from_rgb(scaled.as_raw(), w, h).encode(WEBP_QUALITY);
        jpeg_files.push((write(dist, prefix, &jpeg, "jpg")?, w));
        webp_files.push((write(dist, prefix, &webp, "webp")?, w));
        largest = (w, h);
    }
    let picture = Picture::new(largest.0, largest.1, &webp_files, &jpeg_files);
    Ok(picture)
}

/// The widths a photo `width` pixels wide is written at, narrowest first: each of [`WIDTHS`]
/// clearly narrower than it (within a tenth, the photo itself serves), then its own width up
/// to the largest of them. Never wider than the photo: upscaling adds bytes, not detail.
pub fn widths(width: u32) -> Vec<u32> {
    let largest = width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut out: Vec<u32> = WIDTHS
        .iter()
        .copied()
        .filter(|&w| u64::from(w) * 10 < u64::from(largest) * 9)
        .collect();
    out.push(largest);
    out
}

/// The photo in RGB; a transparent PNG is laid on white, the page's light background, since
/// JPEG has no transparency.
fn opaque(image: DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let on_white =
            |c: u8| ((u32::from(c) * u32::from(a) + 255 * (255 - u32::from(a))) / 255) as u8;
        image::Rgb([on_white(r), on_white(g), on_white(b)])
    })
}

/// Writes `bytes` as `photos/<hash>.<ext>` (unless it is there: same bytes) and returns its URL.
fn write(dist: &Path, prefix: &str, bytes: &[u8], ext: &str) -> Result<String, String> {
    let name = format!("{PHOTO_DIR}/{:016x}.{ext}", fnv1a(bytes));
    let path = dist.join(&name);
    if !path.exists() {
        super::put(&path, bytes)?;
    }
    Ok(format!("{prefix}/{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_upscales_and_skips_near_duplicates() {
        assert_eq!(widths(3000), [480, 960, 1600]);
        assert_eq!(widths(1600), [480, 960, 1600]);
        assert_eq!(widths(1200), [480, 960, 1200]);
        assert_eq!(widths(1000), [480, 1000]);
        assert_eq!(widths(500), [500]);
        assert_eq!(widths(120), [120]);
    }
}
