//! A generated archive of articles, for building and measuring the site at archive scale
//! (`cargo xtask stress` adds one to its test articles; `cargo xtask bench --articles N`
//! builds a second site from one).
//!
//! Article `i` (from 1) has the slug `archive-000i` and is the same whatever the archive's size:
//! its text comes from a small PRNG seeded with `i` alone, so a larger archive holds a smaller
//! one, and two runs write the same bytes. Each article is in kk, ru and en; its paragraphs are
//! made of sentences picked from aligned per-language templates, so paragraph *n* in one
//! language translates paragraph *n* in the others, as in the real articles. The templates are
//! filled with numbers, years, topics and the names of known entities (the stress articles'
//! names), so the text varies the way news does and compresses like it, rather than like one
//! sentence repeated; some paragraphs name entities, for the matcher to find.
//!
//! Everything written is self-contained: nothing reads `../shared` or any fixture.

use std::fs;
use std::path::Path;

use crate::stress::TEXT;
use crate::workspace::Failure;

/// Paragraphs per article, inclusive.
const PARAGRAPHS: (usize, usize) = (3, 12);
/// Sentences per paragraph, inclusive.
const SENTENCES: (usize, usize) = (2, 6);
/// Years the articles are dated in, inclusive.
const YEARS: (usize, usize) = (2021, 2026);
/// Tags per article, inclusive.
const TAGS_PER_ARTICLE: (usize, usize) = (1, 3);

/// One language's phrases. Every list is aligned across [`LANGS`]: item *k* in one language
/// translates item *k* in the others. Templates take `{n}` (a count), `{pct}` (a percentage),
/// `{year}`, `{topic}` (one of `topics`) and `{name}` (a known entity, in its dictionary form,
/// placed where that form is grammatical).
struct Phrases {
    /// The language tag, also the file name (`kk.md`).
    lang: &'static str,
    /// Sentence openers; the clause after one loses its capital.
    openers: [&'static str; 6],
    /// Whole sentences, with slots.
    clauses: [&'static str; 20],
    /// Subjects of discussion; inserted in quotes or after a colon, so no case ending is needed.
    topics: [&'static str; 12],
    /// Article titles, with slots.
    titles: [&'static str; 8],
    /// Tags; no commas or brackets, which the front matter's list syntax uses.
    tags: [&'static str; 8],
    /// Sources.
    sources: [&'static str; 3],
}

/// The three languages, in the order of [`TEXT`].
const LANGS: [Phrases; 3] = [
    Phrases {
        lang: "kk",
        openers: [
            "",
            "Сонымен қатар, ",
            "Бұл ретте ",
            "Хабарланғандай, ",
            "Сонымен бірге ",
            "Сондай-ақ ",
        ],
        clauses: [
            "Тоқсан ішінде «{topic}» тақырыбы бойынша қаралған істер саны {n} болды.",
            "Судьялар {year} жылы заңнаманы қолдану тәжірибесін талқылады.",
            "Тараптардың татуласуымен аяқталған істердің үлесі {pct} пайызға дейін өсті.",
            "Кездесу қатысушылары «{topic}» тақырыбының азаматтар үшін маңызын атап өтті.",
            "Қатысушылардың айтуынша, {name} талқылаудың басты тақырыбы болып қала береді.",
            "Отырысқа қатысушылар саны {n} адамнан асты.",
            "{name} атқаратын рөл жеке атап өтілді.",
            "Электрондық сервистер істерді қарау мерзімін {pct} пайызға қысқартты.",
            "Жаңа ережелер қоғамдық талқылаудан кейін {year} жылы күшіне енеді.",
            "«{topic}» тақырыбы бойынша баяндама сот сайтында жарияланады.",
            "Алқа төрағасы журналистердің сұрақтарына жауап берді.",
            "Тараптар ынтымақтастық пен тәжірибе алмасуды жалғастыруға келісті.",
            "Апелляциялық сатылар шағым жасалған шешімдердің {pct} пайызын өзгертті.",
            "{year} жылдан бері өңірлердегі медиация орталықтарының саны {n} болды.",
            "Сарапшылар шағымдарды қарау тәртібін нақтылауды ұсынды.",
            "Әр елдің судьялары тәжірибе бөлісті, барлығы {n} делегация.",
            "Іс бойынша шешім ашық сот отырысында жарияланды.",
            "Отырыстың онлайн-трансляциясын {n} адамнан астам көрді.",
            "{name}: бұл тақырып баяндамаларда тағы да айтылды.",
            "Мұндай даулар бойынша {year} жылғы сот тәжірибесі жинақталды.",
        ],
        topics: [
            "сот төрелігінің қолжетімділігі",
            "цифрлық сот",
            "медиация және татуласу",
            "сот актілерінің сапасы",
            "судьялардың тәуелсіздігі",
            "әкімшілік әділет",
            "алқабилер соты",
            "балалардың құқықтарын қорғау",
            "инвестициялық даулар",
            "сот шешімдерін орындау",
            "халықаралық тәжірибе",
            "сот практикасының бірізділігі",
        ],
        titles: [
            "Жоғарғы Сот «{topic}» бойынша қорытынды шығарды",
            "«{topic}»: Жоғарғы Сотта талқылау",
            "Судьялар «{topic}» мәселесін талқылады",
            "{year} жылдың қорытындысы: {topic}",
            "Астанада «{topic}» дөңгелек үстелі өтті",
            "{name}: «{topic}» тақырыбы бойынша жаңалықтар",
            "Судьяларға арналған семинар: «{topic}»",
            "Тәжірибедегі жаңалық: «{topic}»",
        ],
        tags: [
            "цифрландыру",
            "халықаралық ынтымақтастық",
            "сот реформасы",
            "медиация",
            "азаматтық істер",
            "қылмыстық істер",
            "әкімшілік әділет",
            "сот ашықтығы",
        ],
        sources: [
            "Қазақстан Республикасы Жоғарғы Сотының баспасөз қызметі",
            "Жоғарғы Соттың азаматтық істер жөніндегі алқасы",
            "Сот төрелігі академиясы",
        ],
    },
    Phrases {
        lang: "ru",
        openers: [
            "",
            "Кроме того, ",
            "При этом ",
            "Как сообщается, ",
            "Вместе с тем ",
            "Также ",
        ],
        clauses: [
            "Число рассмотренных дел по теме «{topic}» за квартал составило {n}.",
            "Судьи обсудили практику применения законодательства в {year} году.",
            "Доля дел, завершённых примирением сторон, выросла до {pct} процентов.",
            "Участники встречи подчеркнули значение темы «{topic}» для граждан.",
            "По словам участников, {name} остаётся в центре обсуждения.",
            "Число участников заседания превысило {n}.",
            "Отдельно была отмечена роль, которую играет {name}.",
            "Электронные сервисы сократили сроки рассмотрения дел на {pct} процентов.",
            "Новые правила вступят в силу в {year} году после общественного обсуждения.",
            "Доклад по теме «{topic}» будет опубликован на сайте суда.",
            "Председатель коллегии ответил на вопросы журналистов.",
            "Стороны договорились продолжить сотрудничество и обмен опытом.",
            "Апелляционные инстанции изменили {pct} процентов обжалованных решений.",
            "Число центров медиации в регионах с {year} года достигло {n}.",
            "Эксперты предложили уточнить порядок рассмотрения жалоб.",
            "Опытом поделились судьи из разных стран, всего {n} делегаций.",
            "Решение по делу было оглашено в открытом судебном заседании.",
            "Онлайн-трансляцию заседания посмотрели более {n} человек.",
            "{name}: эта тема вновь прозвучала в выступлениях.",
            "Судебная практика по таким спорам за {year} год обобщена.",
        ],
        topics: [
            "доступность правосудия",
            "цифровой суд",
            "медиация и примирение",
            "качество судебных актов",
            "независимость судей",
            "административная юстиция",
            "суд присяжных",
            "защита прав детей",
            "инвестиционные споры",
            "исполнение судебных решений",
            "международный опыт",
            "единообразие судебной практики",
        ],
        titles: [
            "Верховный суд подвёл итоги по теме «{topic}»",
            "«{topic}»: обсуждение в Верховном суде",
            "Судьи обсудили тему «{topic}»",
            "Итоги {year} года: {topic}",
            "В Астане прошёл круглый стол «{topic}»",
            "{name}: новости по теме «{topic}»",
            "Семинар для судей: «{topic}»",
            "Новое в практике: «{topic}»",
        ],
        tags: [
            "цифровизация",
            "международное сотрудничество",
            "судебная реформа",
            "медиация",
            "гражданские дела",
            "уголовные дела",
            "административная юстиция",
            "открытость судов",
        ],
        sources: [
            "Пресс-служба Верховного суда Республики Казахстан",
            "Судебная коллегия по гражданским делам Верховного суда",
            "Академия правосудия",
        ],
    },
    Phrases {
        lang: "en",
        openers: [
            "",
            "In addition, ",
            "At the same time, ",
            "As reported, ",
            "Meanwhile, ",
            "Also, ",
        ],
        clauses: [
            "The number of cases on “{topic}” heard this quarter reached {n}.",
            "Judges discussed how the legislation was applied in {year}.",
            "The share of cases settled by reconciliation rose to {pct} per cent.",
            "The participants stressed what “{topic}” means for citizens.",
            "According to the participants, {name} remains at the centre of the discussion.",
            "More than {n} people took part in the session.",
            "The role played by {name} was noted separately.",
            "Electronic services cut the time taken to hear cases by {pct} per cent.",
            "The new rules will take effect in {year} after a public consultation.",
            "A report on “{topic}” will be published on the court's website.",
            "The chair of the panel answered questions from journalists.",
            "The parties agreed to continue their cooperation and exchange of experience.",
            "Courts of appeal changed {pct} per cent of the decisions appealed.",
            "Since {year}, the number of mediation centres in the regions has reached {n}.",
            "Experts proposed clarifying how complaints are handled.",
            "Judges from various countries shared their experience, {n} delegations in all.",
            "The decision in the case was announced in open court.",
            "More than {n} people watched the hearing online.",
            "{name}: the subject came up again in the speeches.",
            "The case law on such disputes for {year} has been summarised.",
        ],
        topics: [
            "access to justice",
            "the digital court",
            "mediation and reconciliation",
            "the quality of judgments",
            "judicial independence",
            "administrative justice",
            "trial by jury",
            "protecting children's rights",
            "investment disputes",
            "enforcing judgments",
            "international experience",
            "consistent case law",
        ],
        titles: [
            "The Supreme Court sums up “{topic}”",
            "“{topic}”: a discussion at the Supreme Court",
            "Judges discuss “{topic}”",
            "{year} in review: {topic}",
            "Round table on “{topic}” held in Astana",
            "{name}: news on “{topic}”",
            "A seminar for judges: “{topic}”",
            "New in practice: “{topic}”",
        ],
        tags: [
            "digitalisation",
            "international cooperation",
            "judicial reform",
            "mediation",
            "civil cases",
            "criminal cases",
            "administrative justice",
            "open courts",
        ],
        sources: [
            "Press service of the Supreme Court of the Republic of Kazakhstan",
            "Civil Cases Panel of the Supreme Court",
            "Academy of Justice",
        ],
    },
];

/// xorshift64*: small, fast and good enough to vary text; never cryptographic.
struct Rng(u64);

impl Rng {
    /// A generator for article `index`; splitmix64 spreads neighbouring seeds apart (and never
    /// yields the all-zero state xorshift cannot leave).
    fn new(index: usize) -> Self {
        let mut z = (index as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n` > 0); the modulo bias is irrelevant at these sizes.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, (lo, hi): (usize, usize)) -> usize {
        lo + self.below(hi - lo + 1)
    }
}

/// The values a template's slots take, drawn once and used in every language.
#[derive(Clone, Copy)]
struct Slots {
    n: usize,
    pct: usize,
    year: usize,
    topic: usize,
    name: usize,
}

impl Slots {
    fn draw(rng: &mut Rng, year: usize) -> Self {
        Slots {
            n: rng.between((3, 999)),
            pct: rng.between((5, 95)),
            year: year - rng.below(3),
            topic: rng.below(12),
            name: rng.below(5),
        }
    }

    /// `template` with its slots filled in language `lang` (an index into [`LANGS`]).
    fn fill(self, template: &str, lang: usize) -> String {
        template
            .replace("{n}", &self.n.to_string())
            .replace("{pct}", &self.pct.to_string())
            .replace("{year}", &self.year.to_string())
            .replace("{topic}", LANGS[lang].topics[self.topic])
            .replace("{name}", TEXT[lang].3[self.name])
    }
}

/// One sentence: an opener (or none), a clause and its slot values.
struct Sentence {
    opener: usize,
    clause: usize,
    slots: Slots,
}

/// Everything drawn for one article, before it is written in any language.
struct Plan {
    title: usize,
    title_slots: Slots,
    date: (usize, usize, usize),
    source: usize,
    tags: Vec<usize>,
    paragraphs: Vec<Vec<Sentence>>,
}

impl Plan {
    /// The draws for article `index`; depends on nothing else.
    fn new(index: usize) -> Self {
        let mut rng = Rng::new(index);
        let year = rng.between(YEARS);
        let month = rng.between((1, 12));
        let day = rng.between((1, days_in_month(year, month)));
        let title = rng.below(8);
        let title_slots = Slots::draw(&mut rng, year);
        let source = rng.below(3);
        let mut tags = Vec::new();
        for _ in 0..rng.between(TAGS_PER_ARTICLE) {
            let tag = rng.below(8);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        }
        let paragraphs = (0..rng.between(PARAGRAPHS))
            .map(|_| {
                (0..rng.between(SENTENCES))
                    .map(|_| Sentence {
                        // Half the sentences start bare.
                        opener: rng.below(10).saturating_sub(4),
                        clause: rng.below(20),
                        slots: Slots::draw(&mut rng, year),
                    })
                    .collect()
            })
            .collect();
        Plan {
            title,
            title_slots,
            date: (year, month, day),
            source,
            tags,
            paragraphs,
        }
    }

    /// The article in language `lang` (an index into [`LANGS`]): front matter, then the
    /// paragraphs separated by blank lines.
    fn render(&self, lang: usize) -> String {
        let phrases = &LANGS[lang];
        let (year, month, day) = self.date;
        let tags: Vec<&str> = self.tags.iter().map(|&t| phrases.tags[t]).collect();
        let mut out = format!(
            "---\ntitle: {}\ndate: {year:04}-{month:02}-{day:02}\nsource: {}\ntags: [{}]\n---\n\n",
            self.title_slots.fill(phrases.titles[self.title], lang),
            phrases.sources[self.source],
            tags.join(", "),
        );
        for paragraph in &self.paragraphs {
            let sentences: Vec<String> = paragraph
                .iter()
                .map(|s| {
                    let clause = s.slots.fill(phrases.clauses[s.clause], lang);
                    let opener = phrases.openers[s.opener];
                    // A clause that begins with a name or a year stands alone: an opener
                    // would lower a name's capital, or read oddly before "NAME: …".
                    if opener.is_empty() || phrases.clauses[s.clause].starts_with('{') {
                        clause
                    } else {
                        format!("{opener}{}", lower_first(&clause))
                    }
                })
                .collect();
            out.push_str(&sentences.join(" "));
            out.push_str("\n\n");
        }
        out
    }
}

/// `text` with its first letter in lower case.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Days in `month` of `year` (Gregorian).
fn days_in_month(year: usize, month: usize) -> usize {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

/// The slug of article `index` (from 1): `archive-0001`; wider past 9999.
pub fn slug(index: usize) -> String {
    format!("archive-{index:04}")
}

/// Article `index` (from 1) in kk, ru and en (the order of [`TEXT`]).
fn article(index: usize) -> [String; 3] {
    let plan = Plan::new(index);
    [0, 1, 2].map(|lang| plan.render(lang))
}

/// Articles 1 to `count`, each as its slug and its kk, ru and en text.
pub fn articles(count: usize) -> Vec<(String, [String; 3])> {
    (1..=count).map(|i| (slug(i), article(i))).collect()
}

/// Writes an archive of `count` generated articles into `dir` (emptied first, so no article of
/// a larger archive stays), as `<slug>/<lang>.md`: what the site binary's `--articles` reads.
pub fn write_archive(dir: &Path, count: usize) -> Result<(), Failure> {
    if dir.exists() {
        fs::remove_dir_all(dir).map_err(|e| io_failure(dir, e))?;
    }
    write(dir, articles(count))
}

/// Writes each `(slug, [kk, ru, en])` as `dir/<slug>/<lang>.md`, adding to what is there; an
/// empty text writes no file (an article not translated into that language).
pub fn write(dir: &Path, articles: Vec<(String, [String; 3])>) -> Result<(), Failure> {
    for (slug, versions) in articles {
        let folder = dir.join(&slug);
        fs::create_dir_all(&folder).map_err(|e| io_failure(&folder, e))?;
        for (phrases, text) in LANGS.iter().zip(versions) {
            if text.is_empty() {
                continue;
            }
            let file = folder.join(format!("{}.md", phrases.lang));
            fs::write(&file, text).map_err(|e| io_failure(&file, e))?;
        }
    }
    Ok(())
}

/// A failure naming the path it happened on.
pub fn io_failure(path: &Path, e: std::io::Error) -> Failure {
    Failure::new(format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body's paragraphs (after the front matter).
    fn paragraphs(text: &str) -> Vec<&str> {
        let body = text.split_once("\n---\n\n").unwrap().1;
        body.split("\n\n").filter(|p| !p.is_empty()).collect()
    }

    /// The value of front matter key `key`.
    fn field<'a>(text: &'a str, key: &str) -> &'a str {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}: ")))
            .unwrap()
    }

    #[test]
    fn the_languages_line_up() {
        assert_eq!(LANGS.map(|l| l.lang), TEXT.map(|t| t.0));
    }

    #[test]
    fn articles_are_deterministic_and_independent_of_the_archive_size() {
        let small = articles(5);
        let large = articles(45);
        assert_eq!(small[..], large[..5]);
        assert_eq!(articles(5), small);
        assert_eq!(large[0].0, "archive-0001");
        assert_eq!(large[44].0, "archive-0045");
        assert_eq!(slug(12345), "archive-12345");
    }

    #[test]
    fn every_language_has_the_same_paragraphs_and_well_formed_front_matter() {
        let mut years = std::collections::BTreeSet::new();
        let mut titles = std::collections::BTreeSet::new();
        for (slug, versions) in articles(200) {
            let counts: Vec<usize> = versions.iter().map(|t| paragraphs(t).len()).collect();
            assert!(counts.iter().all(|&c| c == counts[0]), "{slug}: {counts:?}");
            assert!((PARAGRAPHS.0..=PARAGRAPHS.1).contains(&counts[0]), "{slug}");
            let dates: Vec<&str> = versions.iter().map(|t| field(t, "date")).collect();
            assert!(dates.iter().all(|d| *d == dates[0]), "{slug}");
            let (y, rest) = dates[0].split_once('-').unwrap();
            let (m, d) = rest.split_once('-').unwrap();
            let (y, m, d): (usize, usize, usize) =
                (y.parse().unwrap(), m.parse().unwrap(), d.parse().unwrap());
            assert!(
                (YEARS.0..=YEARS.1).contains(&y) && (1..=12).contains(&m),
                "{slug}"
            );
            assert!(
                d >= 1 && d <= days_in_month(y, m) && dates[0].len() == 10,
                "{slug}"
            );
            years.insert(y);
            for (lang, text) in versions.iter().enumerate() {
                assert!(text.starts_with("---\ntitle: "), "{slug}");
                titles.insert(field(text, "title").to_owned());
                assert!(!field(text, "source").is_empty());
                let tags = field(text, "tags");
                let inner = tags.strip_prefix('[').unwrap().strip_suffix(']').unwrap();
                for tag in inner.split(", ") {
                    assert!(LANGS[lang].tags.contains(&tag), "{slug}: {tag}");
                }
                assert!(!text.contains('{'), "{slug}: an unfilled slot");
            }
        }
        assert_eq!(years.len(), YEARS.1 - YEARS.0 + 1, "dates cover every year");
        assert!(titles.len() > 300, "titles vary: {}", titles.len());
    }

    #[test]
    fn the_ith_tag_translates_in_every_language() {
        let versions = article(7);
        let tag_lists: Vec<Vec<usize>> = versions
            .iter()
            .enumerate()
            .map(|(lang, text)| {
                let tags = field(text, "tags");
                tags[1..tags.len() - 1]
                    .split(", ")
                    .map(|t| LANGS[lang].tags.iter().position(|x| *x == t).unwrap())
                    .collect()
            })
            .collect();
        assert!(tag_lists.iter().all(|l| *l == tag_lists[0]));
        for phrases in &LANGS {
            for tag in phrases.tags {
                assert!(!tag.contains([',', '[', ']']), "{tag}");
            }
        }
    }

    #[test]
    fn the_text_varies_and_names_known_entities() {
        let all = articles(45);
        let kk: String = all.iter().map(|(_, v)| v[0].as_str()).collect();
        assert!(kk.contains("Қазақстан") && kk.contains("Асламбек Мерғалиев"));
        let named = all
            .iter()
            .flat_map(|(_, v)| paragraphs(&v[2]))
            .filter(|p| TEXT[2].3.iter().any(|n| p.contains(n)))
            .count();
        let total: usize = all.iter().map(|(_, v)| paragraphs(&v[2]).len()).sum();
        assert!(named > total / 10 && named < total, "{named} of {total}");
        // Few sentences repeat: the numbers and topics make most of them unique.
        let sentences: Vec<&str> = all
            .iter()
            .flat_map(|(_, v)| paragraphs(&v[1]))
            .flat_map(|p| p.split_inclusive(". "))
            .collect();
        let unique: std::collections::BTreeSet<&str> = sentences.iter().copied().collect();
        assert!(
            unique.len() * 10 > sentences.len() * 6,
            "{} of {}",
            unique.len(),
            sentences.len()
        );
    }

    #[test]
    fn openers_lower_the_clause_but_never_a_name() {
        assert_eq!(lower_first("Число"), "число");
        assert_eq!(lower_first("Әр"), "әр");
        assert_eq!(lower_first(""), "");
        let all = articles(45);
        assert!(all.iter().any(|(_, v)| v[1].contains(", число")));
        for (slug, versions) in &all {
            for (lang, text) in versions.iter().enumerate() {
                for name in TEXT[lang].3 {
                    assert!(!text.contains(&lower_first(name)), "{slug}: {name}");
                }
            }
        }
    }

    #[test]
    fn the_archive_is_written_as_article_folders() {
        let dir = std::env::temp_dir().join(format!("courtview-archive-{}", std::process::id()));
        write_archive(&dir, 3).unwrap();
        fs::write(dir.join("stale"), "x").unwrap();
        write_archive(&dir, 2).unwrap();
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["archive-0001", "archive-0002"]);
        for lang in ["kk", "ru", "en"] {
            let text = fs::read_to_string(dir.join("archive-0002").join(format!("{lang}.md")));
            assert_eq!(
                text.unwrap(),
                article(2)[LANGS.iter().position(|l| l.lang == lang).unwrap()]
            );
        }
        fs::remove_dir_all(&dir).unwrap();
    }
}
