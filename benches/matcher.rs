//! Matcher throughput: 1 MB of Kazakh text against 10,000 names (issue 3 goal: ≥ 50 MB/s
//! natively). The text and names are generated deterministically, without network or files:
//! common Kazakh words with, every few words, a name in an inflected form.

use courtview::Lang;
use courtview::entities::matcher::Matcher;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

const WORDS: &[&str] = &[
    "сот",
    "жүйесінің",
    "өкілдері",
    "қатысты",
    "және",
    "халықаралық",
    "ынтымақтастықты",
    "нығайту",
    "бойынша",
    "тәжірибе",
    "алмасты",
    "делегация",
    "конференцияда",
    "цифрлық",
    "қызметтер",
    "саласындағы",
    "ұлттық",
    "жетістіктерді",
    "таныстыру",
    "үшін",
    "жеке",
    "сессия",
    "ұсынылды",
    "елдердің",
    "атап",
    "өтті",
    "реформалар",
    "мен",
    "басты",
    "тақырып",
    "болды",
    "сондай-ақ",
    "әртүрлі",
    "жаңғыртудағы",
    "елеулі",
    "2025",
    "жылғы",
    "қараша,",
    "төрағасы",
    "басшысы",
    "«жаһандық»",
    "перспективалары.",
];
const SYLLABLES: &[&str] = &[
    "қа", "зақ", "стан", "ду", "бай", "ас", "та", "на", "мер", "ға", "ли", "ев", "жо", "ғар", "ғы",
    "сот", "ах", "мет", "за", "ки", "ров", "ер", "тіс", "бір", "лік", "ал", "ма", "ты",
];
const SUFFIXES: &[&str] = &["", "ның", "да", "ға", "дан", "мен", "дағы", "ды", "-ның"];

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 as usize
    }
}

fn name(rng: &mut Rng) -> String {
    let words = 1 + rng.next() % 3;
    (0..words)
        .map(|_| {
            let n = 2 + rng.next() % 3;
            let w: String = (0..n)
                .map(|_| SYLLABLES[rng.next() % SYLLABLES.len()])
                .collect();
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn setup() -> (Vec<String>, String) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let names: Vec<String> = (0..10_000).map(|_| name(&mut rng)).collect();
    let mut text = String::with_capacity(1 << 20);
    while text.len() < 1 << 20 {
        if rng.next().is_multiple_of(12) {
            text.push_str(&names[rng.next() % names.len()]);
            text.push_str(SUFFIXES[rng.next() % SUFFIXES.len()]);
        } else {
            text.push_str(WORDS[rng.next() % WORDS.len()]);
        }
        text.push(if rng.next().is_multiple_of(15) {
            '\n'
        } else {
            ' '
        });
    }
    (names, text)
}

fn bench(c: &mut Criterion) {
    let (names, text) = setup();
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let matcher = Matcher::new(Lang::Kk, &refs);
    assert!(matcher.find(&text).len() > 1000, "the text has mentions");
    let mut group = c.benchmark_group("matcher");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("kk_1MB_10k_names", |b| {
        b.iter(|| black_box(matcher.find(black_box(&text))))
    });
    group.finish();
    let mut build = c.benchmark_group("build");
    build.sample_size(10);
    build.bench_function("kk_10k_names", |b| {
        b.iter(|| black_box(Matcher::new(Lang::Kk, black_box(&refs))))
    });
    build.bench_function("kk_100_names", |b| {
        b.iter(|| black_box(Matcher::new(Lang::Kk, black_box(&refs[..100]))))
    });
    build.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
