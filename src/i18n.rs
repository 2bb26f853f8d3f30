//! Every piece of interface text, in Kazakh, Russian and English.
//!
//! Each message is one `match` arm holding all three languages side by side, so a message
//! cannot be added without its translations, and translators see the three together. The
//! content test checks that none is empty.

use crate::content::page_data::ListKind;
use crate::entities::EntityType;
use crate::lang::Lang;

/// A fixed interface message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Msg {
    /// The site's name in the header.
    SiteName,
    /// The line under the site's name.
    SiteTagline,
    /// The skip link that jumps past the header.
    SkipToContent,
    /// The accessible name of the language switcher.
    LanguageNav,
    /// The heading of the article list.
    NewsHeading,
    /// The accessible name of the breadcrumb trail.
    Breadcrumb,
    /// The link from an article back to the list.
    AllNews,
    /// The label before an article's source.
    SourceLabel,
    /// The accessible name of an article's tag list.
    TagsLabel,
    /// The not-found page's heading.
    NotFoundHeading,
    /// The not-found page's explanation.
    NotFoundText,
    /// The not-found page's way out.
    GoToNewsList,
    /// The list page when there are no articles.
    NoArticles,
    /// The heading of the panel shown when an article file is broken.
    ContentErrorHeading,
    /// The explanation under that heading.
    ContentErrorText,
    /// The footer's statement of where the news comes from.
    FooterSource,
    /// The footer's statement about translations.
    FooterTranslations,
    /// The root page's prompt while it picks a language (and without JavaScript).
    ChooseLanguage,
    /// The heading of the entity legend.
    LegendHeading,
    /// The switch that turns all highlighting on and off.
    HighlightToggle,
    /// The entity card's close button.
    CardClose,
    /// The card's button to the previous mention.
    CardPrevious,
    /// The card's button to the next mention.
    CardNext,
    /// The card's link to the entity's official site.
    OfficialSite,
    /// The card's description of a date that the knowledge base does not list.
    DateDescription,
    /// The notice shown when the app cannot start or stops on an error.
    AppUnavailable,
    /// The button on an article that opens the embed dialog.
    EmbedButton,
    /// The embed dialog's heading.
    EmbedDialogTitle,
    /// What the embed dialog is for.
    EmbedDialogIntro,
    /// What the embed does and does not do on a partner's page.
    EmbedGuestNote,
    /// The heading of the embed dialog's settings.
    EmbedOptionsHeading,
    /// The embed dialog's choice of language.
    EmbedLanguage,
    /// The embed dialog's choice of entity types to highlight.
    EmbedTypes,
    /// The embed dialog's choice of colour scheme.
    EmbedTheme,
    /// The light colour scheme.
    ThemeLight,
    /// The dark colour scheme.
    ThemeDark,
    /// The colour scheme that follows the reader's system setting.
    ThemeAuto,
    /// The embed dialog's choice of the paragraph to open at.
    EmbedParagraph,
    /// Opening an article at its beginning.
    FromTheBeginning,
    /// The heading of the snippet with the loader script.
    LoaderSnippet,
    /// The heading of the plain iframe snippet.
    IframeSnippet,
    /// The button that copies a snippet.
    Copy,
    /// Said when a snippet has been copied.
    Copied,
    /// Said when the browser offers no clipboard.
    CopyUnavailable,
    /// Said when the browser refused to copy.
    CopyFailed,
    /// The heading of the embed dialog's live preview.
    Preview,
    /// The accessible name of the preview's iframe.
    PreviewFrameTitle,
    /// The embed view's link to the article on the full site.
    ReadOnFullSite,
    /// Told to screen-reader users about a link that opens a new tab.
    OpensInNewTab,
    /// The loader's iframe title when the page gives none: kept equal to the table in static/embed/embed.js.
    EmbedFrameTitle,
    /// The accessible name of a list's page links.
    Pagination,
    /// The link to a list's previous page.
    PreviousPage,
    /// The link to a list's next page.
    NextPage,
    /// The accessible name (and heading) of the links to each year's list.
    ArchiveByYear,
    /// The heading of the page of every entity, and the footer's link to it.
    EntitiesHeading,
    /// What the page of every entity shows, under its heading.
    EntitiesIntro,
    /// An entity's page that no article names yet.
    NoArticlesNameIt,
    /// The sepia theme's name.
    ThemeSepia,
    /// The display menu's button and heading.
    DisplaySettings,
    /// The display menu's theme choices: their group's name.
    ThemeHeading,
    /// The theme that follows the reader's system, as the reader's own menu says it.
    ThemeSystem,
    /// The display menu's text sizes: their group's name.
    TextSizeHeading,
    /// The smaller text size.
    TextSmall,
    /// The usual text size.
    TextNormal,
    /// The larger text size.
    TextLarge,
    /// The article's share button.
    Share,
    /// A link was copied (a paragraph's, or the article's where the system cannot share).
    LinkCopied,
    /// A link could not be copied.
    LinkCopyFailed,
    /// The search field's label (the header's and the search page's).
    SearchLabel,
    /// The button that sends a search.
    SearchButton,
    /// The search page's heading.
    SearchHeading,
    /// The search page's advice before anything is typed.
    SearchHint,
    /// The switch that searches the three languages at once.
    SearchAllLanguages,
    /// Said while a search waits for its files.
    Searching,
    /// The button that shows more results.
    SearchMore,
    /// The search page without JavaScript: why nothing is found, and what to do instead.
    SearchNeedsScript,
    /// Search could not read its index (followed by the cause).
    SearchUnavailable,
    /// The accessible name of the switch between Kazakh's Cyrillic and Latin scripts.
    ScriptNav,
    /// The choice of a second language shown beside an article's own (`?with=`).
    WithHeading,
    /// The choice of no second language.
    WithNone,
    /// Said when the second language asked for cannot be shown beside the article.
    WithUnavailable,
}

impl Msg {
    /// Every message, for tests that check translations.
    pub const ALL: [Msg; 81] = [
        Msg::SiteName,
        Msg::SiteTagline,
        Msg::SkipToContent,
        Msg::LanguageNav,
        Msg::NewsHeading,
        Msg::Breadcrumb,
        Msg::AllNews,
        Msg::SourceLabel,
        Msg::TagsLabel,
        Msg::NotFoundHeading,
        Msg::NotFoundText,
        Msg::GoToNewsList,
        Msg::NoArticles,
        Msg::ContentErrorHeading,
        Msg::ContentErrorText,
        Msg::FooterSource,
        Msg::FooterTranslations,
        Msg::ChooseLanguage,
        Msg::LegendHeading,
        Msg::HighlightToggle,
        Msg::CardClose,
        Msg::CardPrevious,
        Msg::CardNext,
        Msg::OfficialSite,
        Msg::DateDescription,
        Msg::AppUnavailable,
        Msg::EmbedButton,
        Msg::EmbedDialogTitle,
        Msg::EmbedDialogIntro,
        Msg::EmbedGuestNote,
        Msg::EmbedOptionsHeading,
        Msg::EmbedLanguage,
        Msg::EmbedTypes,
        Msg::EmbedTheme,
        Msg::ThemeLight,
        Msg::ThemeDark,
        Msg::ThemeAuto,
        Msg::EmbedParagraph,
        Msg::FromTheBeginning,
        Msg::LoaderSnippet,
        Msg::IframeSnippet,
        Msg::Copy,
        Msg::Copied,
        Msg::CopyUnavailable,
        Msg::CopyFailed,
        Msg::Preview,
        Msg::PreviewFrameTitle,
        Msg::ReadOnFullSite,
        Msg::OpensInNewTab,
        Msg::EmbedFrameTitle,
        Msg::Pagination,
        Msg::PreviousPage,
        Msg::NextPage,
        Msg::ArchiveByYear,
        Msg::EntitiesHeading,
        Msg::EntitiesIntro,
        Msg::NoArticlesNameIt,
        Msg::ThemeSepia,
        Msg::DisplaySettings,
        Msg::ThemeHeading,
        Msg::ThemeSystem,
        Msg::TextSizeHeading,
        Msg::TextSmall,
        Msg::TextNormal,
        Msg::TextLarge,
        Msg::Share,
        Msg::LinkCopied,
        Msg::LinkCopyFailed,
        Msg::SearchLabel,
        Msg::SearchButton,
        Msg::SearchHeading,
        Msg::SearchHint,
        Msg::SearchAllLanguages,
        Msg::Searching,
        Msg::SearchMore,
        Msg::SearchNeedsScript,
        Msg::SearchUnavailable,
        Msg::ScriptNav,
        Msg::WithHeading,
        Msg::WithNone,
        Msg::WithUnavailable,
    ];

    /// The message's texts as `[kk, ru, en]`.
    pub const fn texts(self) -> [&'static str; 3] {
        match self {
            Msg::SiteName => ["courtview", "courtview", "courtview"],
            Msg::SiteTagline => [
                "Қазақстан Республикасы Жоғарғы Сотының жаңалықтары",
                "Новости Верховного Суда Республики Казахстан",
                "News of the Supreme Court of the Republic of Kazakhstan",
            ],
            Msg::SkipToContent => [
                "Негізгі мазмұнға өту",
                "Перейти к содержанию",
                "Skip to content",
            ],
            Msg::LanguageNav => ["Тілді таңдау", "Выбор языка", "Choose language"],
            Msg::NewsHeading => ["Жаңалықтар", "Новости", "News"],
            Msg::Breadcrumb => ["Навигация", "Навигация", "Breadcrumb"],
            Msg::AllNews => ["Барлық жаңалықтар", "Все новости", "All news"],
            Msg::SourceLabel => ["Дереккөз:", "Источник:", "Source:"],
            Msg::TagsLabel => ["Тақырыптар", "Темы", "Topics"],
            Msg::NotFoundHeading => ["Бет табылмады", "Страница не найдена", "Page not found"],
            Msg::NotFoundText => [
                "Сұралған мақала немесе бет жоқ. Мекенжайды тексеріңіз немесе жаңалықтар тізіміне өтіңіз.",
                "Запрошенной статьи или страницы нет. Проверьте адрес или перейдите к списку новостей.",
                "The article or page you asked for does not exist. Check the address or go to the list of news.",
            ],
            Msg::GoToNewsList => [
                "Жаңалықтар тізіміне өту",
                "Перейти к списку новостей",
                "Go to the list of news",
            ],
            Msg::NoArticles => [
                "Әзірге жаңалық жоқ.",
                "Новостей пока нет.",
                "There is no news yet.",
            ],
            Msg::ContentErrorHeading => [
                "Мақаланы көрсету мүмкін болмады",
                "Не удалось показать статью",
                "This article cannot be shown",
            ],
            Msg::ContentErrorText => [
                "Мақала файлында қате бар. Төмендегі мәлімет редакцияға оны түзетуге көмектеседі.",
                "В файле статьи есть ошибка. Сведения ниже помогут редакции её исправить.",
                "The article's file has an error. The details below will help the editors fix it.",
            ],
            Msg::FooterSource => [
                "Жаңалықтар Қазақстан Республикасы Жоғарғы Сотының баспасөз қызметінің материалдары бойынша дайындалды.",
                "Новости подготовлены по материалам пресс-службы Верховного Суда Республики Казахстан.",
                "News from materials of the press service of the Supreme Court of the Republic of Kazakhstan.",
            ],
            Msg::FooterTranslations => [
                "Түпнұсқасы — қазақ тілінде; орыс және ағылшын тілдеріне аударған — courtview.",
                "Оригинал — на казахском языке; переводы на русский и английский языки — courtview.",
                "Originals are in Kazakh; the Russian and English translations are by courtview.",
            ],
            Msg::ChooseLanguage => ["Тілді таңдаңыз", "Выберите язык", "Choose a language"],
            Msg::LegendHeading => [
                "Мәтіндегі атаулар",
                "Названия в тексте",
                "Names in this article",
            ],
            Msg::HighlightToggle => ["Белгілеу", "Выделение", "Highlighting"],
            Msg::CardClose => ["Жабу", "Закрыть", "Close"],
            Msg::CardPrevious => ["Алдыңғы", "Предыдущее", "Previous"],
            Msg::CardNext => ["Келесі", "Следующее", "Next"],
            Msg::OfficialSite => ["Ресми сайты", "Официальный сайт", "Official website"],
            Msg::DateDescription => [
                "Мақалада аталған күн.",
                "Дата, упомянутая в статье.",
                "A date the article mentions.",
            ],
            Msg::AppUnavailable => [
                "Интерактивті мүмкіндіктер қолжетімсіз: қосымша іске қосылмады. Мәтін толық \
                 көрсетілген; қайталап көру үшін бетті жаңартыңыз.",
                "Интерактивные функции недоступны: приложение не запустилось. Текст показан \
                 полностью; чтобы попробовать снова, обновите страницу.",
                "Interactive features are unavailable: the app could not start. The text is \
                 shown in full; reload the page to try again.",
            ],
            Msg::EmbedButton => ["Ендіру", "Встроить", "Embed"],
            Msg::EmbedDialogTitle => [
                "Мақаланы сайтқа ендіру",
                "Встроить статью на сайт",
                "Embed this article on your site",
            ],
            Msg::EmbedDialogIntro => [
                "Төмендегі кодтардың бірін өз сайтыңыздың бетіне қойыңыз: ол мақаланы таңдалған баптаулармен көрсетеді.",
                "Вставьте один из фрагментов кода ниже в страницу своего сайта: он покажет статью с выбранными настройками.",
                "Paste one of the snippets below into a page of your site: it shows the article with the settings you choose.",
            ],
            Msg::EmbedGuestNote => [
                "Ендірілген мақала cookie файлдарын орнатпайды, браузерде ештеңе сақтамайды және файлдарды тек осы сайттан жүктейді.",
                "Встроенная статья не устанавливает cookie, ничего не сохраняет в браузере и загружает файлы только с этого сайта.",
                "The embedded article sets no cookies, stores nothing in the browser and loads files only from this site.",
            ],
            Msg::EmbedOptionsHeading => ["Баптаулар", "Настройки", "Settings"],
            Msg::EmbedLanguage => ["Тілі", "Язык", "Language"],
            Msg::EmbedTypes => [
                "Белгіленетін атаулар",
                "Выделяемые названия",
                "Names highlighted",
            ],
            Msg::EmbedTheme => ["Түс схемасы", "Цветовая схема", "Colour scheme"],
            Msg::ThemeLight => ["Ашық", "Светлая", "Light"],
            Msg::ThemeDark => ["Қараңғы", "Тёмная", "Dark"],
            Msg::ThemeAuto => [
                "Оқырманның жүйесіндегідей",
                "Как в системе читателя",
                "As the reader's system",
            ],
            Msg::EmbedParagraph => ["Қай абзацтан ашу", "С какого абзаца открыть", "Open at"],
            Msg::FromTheBeginning => ["Басынан", "С начала", "The beginning"],
            Msg::LoaderSnippet => [
                "Жүктегішпен: биіктігі мәтінге сай өзгереді",
                "С загрузчиком: высота подстраивается под текст",
                "With the loader: the height follows the text",
            ],
            Msg::IframeSnippet => [
                "Қарапайым iframe: биіктігі тұрақты, бетіңізде скрипт қажет емес",
                "Простой iframe: высота постоянная, скрипт на вашей странице не нужен",
                "Plain iframe: fixed height, no script on your page",
            ],
            Msg::Copy => ["Көшіру", "Копировать", "Copy"],
            Msg::Copied => [
                "Код алмасу буферіне көшірілді.",
                "Код скопирован в буфер обмена.",
                "The code has been copied to the clipboard.",
            ],
            Msg::CopyUnavailable => [
                "Бұл браузерде алмасу буферіне көшіру мүмкін емес: кодты белгілеп, өзіңіз көшіріңіз.",
                "В этом браузере копирование в буфер обмена недоступно: выделите код и скопируйте его вручную.",
                "This browser does not allow copying to the clipboard: select the code and copy it yourself.",
            ],
            Msg::CopyFailed => [
                "Көшіру мүмкін болмады: кодты белгілеп, өзіңіз көшіріңіз.",
                "Скопировать не удалось: выделите код и скопируйте его вручную.",
                "The code could not be copied: select it and copy it yourself.",
            ],
            Msg::Preview => ["Алдын ала қарау", "Предварительный просмотр", "Preview"],
            Msg::PreviewFrameTitle => [
                "Ендірілген мақаланы алдын ала қарау",
                "Предварительный просмотр встроенной статьи",
                "Preview of the embedded article",
            ],
            Msg::ReadOnFullSite => [
                "Негізгі сайтта оқу",
                "Читать на основном сайте",
                "Read on the full site",
            ],
            Msg::OpensInNewTab => [
                "(жаңа қойындыда ашылады)",
                "(откроется в новой вкладке)",
                "(opens in a new tab)",
            ],
            Msg::EmbedFrameTitle => [
                "Қазақстан Республикасы Жоғарғы Сотының жаңалығы",
                "Новость Верховного Суда Республики Казахстан",
                "News from the Supreme Court of the Republic of Kazakhstan",
            ],
            Msg::Pagination => ["Беттер", "Страницы", "Pages"],
            Msg::PreviousPage => ["Алдыңғы бет", "Предыдущая страница", "Previous page"],
            Msg::NextPage => ["Келесі бет", "Следующая страница", "Next page"],
            Msg::ArchiveByYear => [
                "Жылдар бойынша мұрағат",
                "Архив по годам",
                "Archive by year",
            ],
            Msg::EntitiesHeading => [
                "Жаңалықтардағы есімдер мен атаулар",
                "Имена и названия в новостях",
                "Names in the news",
            ],
            Msg::EntitiesIntro => [
                "Жаңалықтарда аталатын тұлғалар, ұйымдар, орындар, іс-шаралар мен күндер \
                 және әрқайсысы аталатын мақалалар саны.",
                "Лица, организации, места, события и даты, которые называются в новостях, \
                 и число статей, в которых названо каждое из них.",
                "The people, bodies, places, events and dates the news names, and how many \
                 articles name each.",
            ],
            Msg::ThemeSepia => ["Сепия", "Сепия", "Sepia"],
            Msg::Share => ["Бөлісу", "Поделиться", "Share"],
            Msg::LinkCopied => [
                "Сілтеме алмасу буферіне көшірілді.",
                "Ссылка скопирована в буфер обмена.",
                "The link has been copied to the clipboard.",
            ],
            Msg::LinkCopyFailed => [
                "Сілтемені көшіру мүмкін болмады: оны браузердің мекенжай жолынан алыңыз.",
                "Скопировать ссылку не удалось: возьмите её из адресной строки браузера.",
                "The link could not be copied: take it from the browser's address bar.",
            ],
            Msg::DisplaySettings => ["Көрініс", "Вид", "Display"],
            Msg::ThemeHeading => ["Түс схемасы", "Цветовая схема", "Colours"],
            Msg::ThemeSystem => ["Жүйедегідей", "Как в системе", "As the system"],
            Msg::TextSizeHeading => ["Мәтін өлшемі", "Размер текста", "Text size"],
            Msg::TextSmall => ["Кішірек", "Мельче", "Smaller"],
            Msg::TextNormal => ["Қалыпты", "Обычный", "Standard"],
            Msg::TextLarge => ["Үлкенірек", "Крупнее", "Larger"],
            // Each script's name as the switch writes it, in its own letters.
            Msg::ScriptNav => [
                "Жазу: Кирилл / Latyn",
                "Письмо: кириллица / латиница",
                "Script: Cyrillic / Latin",
            ],
            Msg::WithHeading => [
                "Қатар көрсетілетін тіл",
                "Второй язык рядом",
                "Second language alongside",
            ],
            Msg::WithNone => ["Жоқ", "Нет", "None"],
            Msg::WithUnavailable => [
                "Бұл мақала үшін екінші тіл қолжетімді емес.",
                "Второй язык для этой статьи недоступен.",
                "The second language is not available for this article.",
            ],
            Msg::NoArticlesNameIt => [
                "Бұл атау әзірге бірде-бір жаңалықта аталмаған.",
                "Это имя пока не названо ни в одной новости.",
                "No news item names this yet.",
            ],
            Msg::SearchLabel => [
                "Жаңалықтардан іздеу",
                "Поиск по новостям",
                "Search the news",
            ],
            Msg::SearchButton => ["Іздеу", "Найти", "Search"],
            Msg::SearchHeading => ["Іздеу", "Поиск", "Search"],
            Msg::SearchHint => [
                "Сөзді кез келген тұлғасында жазыңыз: «сот» сұрауы «соттың», «сотқа», \
                 «соттарының» сөздерін де табады. Тіркесті дәл табу үшін оны тырнақшаға алыңыз.",
                "Вводите слово в любой форме: запрос «суд» найдёт и «суда», «судом», «судах». \
                 Чтобы найти фразу целиком, возьмите её в кавычки.",
                "Type a word in any form: “court” also finds “courts” and “court’s”. Put a \
                 phrase in quotes to find it as written.",
            ],
            Msg::SearchAllLanguages => [
                "Үш тілде де іздеу",
                "Искать на всех трёх языках",
                "Search all three languages",
            ],
            Msg::Searching => ["Ізделуде…", "Идёт поиск…", "Searching…"],
            Msg::SearchMore => ["Тағы көрсету", "Показать ещё", "Show more"],
            Msg::SearchNeedsScript => [
                "Іздеу браузерде жұмыс істейді және JavaScript қажет етеді. Жаңалықтарды \
                 күні бойынша немесе оларда аталатын тұлғалар, ұйымдар мен орындар бойынша \
                 қарауға болады.",
                "Поиск работает в браузере и требует JavaScript. Новости можно просматривать \
                 по дате или по лицам, организациям и местам, которые в них названы.",
                "Search runs in your browser and needs JavaScript. You can still browse the \
                 news by date, or by the people, bodies and places they name.",
            ],
            Msg::SearchUnavailable => [
                "Іздеу қазір қолжетімсіз.",
                "Поиск сейчас недоступен.",
                "Search is unavailable right now.",
            ],
        }
    }

    /// The message in `lang`.
    pub const fn text(self, lang: Lang) -> &'static str {
        self.texts()[lang.index()]
    }
}

/// A CLDR plural category: which form of a word agrees with a count.
///
/// Only the categories of courtview's languages: Kazakh and English have `one` and `other`,
/// Russian `one`, `few` and `many` for whole numbers (its `other` is for fractions, which
/// courtview never counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Plural {
    /// 1 (and, in Russian, 21, 31, 101… but not 11).
    One,
    /// Russian 2–4, 22–24… but not 12–14.
    Few,
    /// Russian 0, 5–20, 25–30, 111…
    Many,
    /// Every other number: Kazakh and English other than 1.
    Other,
}

/// The plural category of the whole number `n` in `lang`, by CLDR's rules
/// (<https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html>):
/// kk and en `one` for n = 1; ru `one` for n % 10 = 1 and n % 100 ≠ 11, `few` for n % 10 in
/// 2..=4 and n % 100 not in 12..=14, `many` otherwise.
pub const fn plural(n: u64, lang: Lang) -> Plural {
    match lang {
        Lang::Kk | Lang::En => {
            if n == 1 {
                Plural::One
            } else {
                Plural::Other
            }
        }
        Lang::Ru => match (n % 10, n % 100) {
            (1, tens) if tens != 11 => Plural::One,
            (2..=4, tens) if !matches!(tens, 12..=14) => Plural::Few,
            _ => Plural::Many,
        },
    }
}

/// The form of a word that agrees with `n` in `lang`: `one`, `few`, `many` and `other` are
/// the word's forms for each category ([`plural`]); a language never asks for a category it
/// lacks, so those forms may be anything (by convention, repeat `other`).
pub const fn agree(n: u64, lang: Lang, [one, few, many, other]: [&str; 4]) -> &str {
    match plural(n, lang) {
        Plural::One => one,
        Plural::Few => few,
        Plural::Many => many,
        Plural::Other => other,
    }
}

/// "Reading time: N minutes" in `lang`, the word agreeing with the number.
pub fn reading_time(minutes: u32, lang: Lang) -> String {
    let n = u64::from(minutes);
    match lang {
        // A Kazakh noun after a numeral stays singular: "5 минут".
        Lang::Kk => format!("Оқу уақыты: {minutes} минут"),
        Lang::Ru => {
            let word = agree(n, lang, ["минута", "минуты", "минут", "минуты"]);
            format!("Время чтения: {minutes} {word}")
        }
        Lang::En => {
            let word = agree(n, lang, ["minute", "minutes", "minutes", "minutes"]);
            format!("Reading time: {minutes} {word}")
        }
    }
}

/// The notice on an article shown in `shown` because it does not exist in `requested`; written
/// in `requested`, the reader's language.
pub fn fallback_notice(requested: Lang, shown: Lang) -> String {
    match requested {
        Lang::Kk => {
            // Written capitalised rather than capitalised by code, which would bring Unicode's
            // case tables into the app for three words.
            let shown_name = match shown {
                Lang::Kk => "Қазақ",
                Lang::Ru => "Орыс",
                Lang::En => "Ағылшын",
            };
            format!("Бұл мақала қазақ тілінде әлі жоқ. {shown_name} тіліндегі нұсқасы көрсетілді.")
        }
        Lang::Ru => {
            let name = |l: Lang| match l {
                Lang::Kk => "казахском",
                Lang::Ru => "русском",
                Lang::En => "английском",
            };
            format!(
                "Этой статьи пока нет на {} языке. Показана версия на {} языке.",
                name(requested),
                name(shown)
            )
        }
        Lang::En => {
            let name = |l: Lang| match l {
                Lang::Kk => "Kazakh",
                Lang::Ru => "Russian",
                Lang::En => "English",
            };
            format!(
                "This article is not yet available in {}. Showing the {} version.",
                name(requested),
                name(shown)
            )
        }
    }
}

/// An entity type's name: singular for the card, plural for the legend.
pub fn type_name(kind: EntityType, plural: bool, lang: Lang) -> &'static str {
    let [singular, many] = match kind {
        EntityType::Person => [["Тұлға", "Лицо", "Person"], ["Тұлғалар", "Лица", "People"]],
        EntityType::Org => [
            ["Ұйым", "Организация", "Organisation"],
            ["Ұйымдар", "Организации", "Organisations"],
        ],
        EntityType::Place => [["Орын", "Место", "Place"], ["Орындар", "Места", "Places"]],
        EntityType::Date => [["Күн", "Дата", "Date"], ["Күндер", "Даты", "Dates"]],
        EntityType::Event => [
            ["Іс-шара", "Событие", "Event"],
            ["Іс-шаралар", "События", "Events"],
        ],
        EntityType::Law => [
            ["Құқықтық акт", "Правовой акт", "Law"],
            ["Құқықтық актілер", "Правовые акты", "Laws"],
        ],
    };
    let forms = if plural { many } else { singular };
    forms[lang.index()]
}

/// "Mentioned N times in this article", the words agreeing with the number.
pub fn mention_count(n: usize, lang: Lang) -> String {
    let count = n as u64;
    match lang {
        // Kazakh: "рет" after any numeral.
        Lang::Kk => format!("Мақалада {n} рет аталады"),
        Lang::Ru => {
            let word = agree(count, lang, ["раз", "раза", "раз", "раза"]);
            format!("Упоминается в статье {n} {word}")
        }
        Lang::En => match plural(count, lang) {
            Plural::One => "Mentioned once in this article".to_owned(),
            _ => format!("Mentioned {n} times in this article"),
        },
    }
}

/// "Paragraph N", as the embed dialog offers it.
pub fn paragraph_label(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n}-абзац"),
        Lang::Ru => format!("Абзац {n}"),
        Lang::En => format!("Paragraph {n}"),
    }
}

/// The accessible name of paragraph `n`'s link, which copies its address.
pub fn paragraph_link_label(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n}-абзацтың сілтемесін көшіру"),
        Lang::Ru => format!("Скопировать ссылку на абзац {n}"),
        Lang::En => format!("Copy the link to paragraph {n}"),
    }
}

/// The heading of the list of a year's articles.
pub fn year_heading(year: u16, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{year} жылғы жаңалықтар"),
        Lang::Ru => format!("Новости за {year} год"),
        Lang::En => format!("News of {year}"),
    }
}

/// The heading of the list of the articles with a tag, as the articles write it.
pub fn tag_heading(tag: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("Тақырып: {tag}"),
        Lang::Ru => format!("Тема: {tag}"),
        Lang::En => format!("Topic: {tag}"),
    }
}

/// The heading of a list of articles.
pub fn list_heading(kind: &ListKind, lang: Lang) -> String {
    match kind {
        ListKind::All => Msg::NewsHeading.text(lang).to_owned(),
        ListKind::Year(year) => year_heading(*year, lang),
        ListKind::Tag { name, .. } => tag_heading(name, lang),
        ListKind::Entity { card } => card.named.name.clone(),
    }
}

/// The link from an entity's card to its page: "All news about …".
pub fn all_news_about(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{name} туралы барлық жаңалықтар"),
        // A name is shown as written (nominative): a phrase that keeps it so.
        Lang::Ru => format!("Все новости по теме «{name}»"),
        Lang::En => format!("All news about {name}"),
    }
}

/// "N articles", the word agreeing with the number: how many articles name an entity.
pub fn article_count(n: u32, lang: Lang) -> String {
    let word = agree(
        u64::from(n),
        lang,
        match lang {
            // Kazakh: the noun stays singular after a numeral.
            Lang::Kk => ["мақала"; 4],
            Lang::Ru => ["статья", "статьи", "статей", "статьи"],
            Lang::En => ["article", "articles", "articles", "articles"],
        },
    );
    format!("{n} {word}")
}

/// What a search found: "N articles" for the query `query`, the word agreeing with the
/// number, or that nothing was found.
pub fn search_summary(total: u32, query: &str, lang: Lang) -> String {
    let query = query.trim();
    if total == 0 {
        return match lang {
            Lang::Kk => format!("«{query}» сұрауы бойынша ештеңе табылмады."),
            Lang::Ru => format!("По запросу «{query}» ничего не найдено."),
            Lang::En => format!("Nothing found for “{query}”."),
        };
    }
    let count = article_count(total, lang);
    match lang {
        Lang::Kk => format!("«{query}» сұрауы бойынша: {count}"),
        Lang::Ru => format!("По запросу «{query}»: {count}"),
        Lang::En => format!("{count} for “{query}”"),
    }
}

/// The title of page `page` of a list: its heading, and the page's number from page 2 on.
pub fn list_title(kind: &ListKind, page: u32, lang: Lang) -> String {
    let heading = list_heading(kind, lang);
    if page > 1 {
        format!("{heading} · {}", page_number(page, lang))
    } else {
        heading
    }
}

/// "Page N" of a list.
pub fn page_number(n: u32, lang: Lang) -> String {
    match lang {
        Lang::Kk => format!("{n}-бет"),
        Lang::Ru => format!("Страница {n}"),
        Lang::En => format!("Page {n}"),
    }
}

/// The browser tab's title for a page whose own title is `page`.
pub fn page_title(page: &str) -> String {
    format!("{page} — courtview")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_counts_agree() {
        assert_eq!(article_count(1, Lang::En), "1 article");
        assert_eq!(article_count(3, Lang::En), "3 articles");
        assert_eq!(article_count(21, Lang::Ru), "21 статья");
        assert_eq!(article_count(3, Lang::Ru), "3 статьи");
        assert_eq!(article_count(11, Lang::Ru), "11 статей");
        assert_eq!(article_count(5, Lang::Kk), "5 мақала");
    }

    #[test]
    fn search_summaries_agree_and_say_when_nothing_was_found() {
        assert_eq!(
            search_summary(1, "court ", Lang::En),
            "1 article for “court”"
        );
        assert_eq!(
            search_summary(2, "суд", Lang::Ru),
            "По запросу «суд»: 2 статьи"
        );
        assert_eq!(
            search_summary(5, "сот", Lang::Kk),
            "«сот» сұрауы бойынша: 5 мақала"
        );
        assert_eq!(
            search_summary(0, "судно", Lang::Ru),
            "По запросу «судно» ничего не найдено."
        );
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use Plural::*;
        // CLDR's examples for integers (language_plural_rules.html).
        let ru = [
            (0, Many),
            (1, One),
            (2, Few),
            (3, Few),
            (4, Few),
            (5, Many),
            (11, Many),
            (12, Many),
            (14, Many),
            (19, Many),
            (20, Many),
            (21, One),
            (22, Few),
            (24, Few),
            (25, Many),
            (101, One),
            (102, Few),
            (111, Many),
            (112, Many),
            (1001, One),
            (10_000, Many),
        ];
        for (n, category) in ru {
            assert_eq!(plural(n, Lang::Ru), category, "ru {n}");
        }
        for lang in [Lang::Kk, Lang::En] {
            assert_eq!(plural(1, lang), One);
            for n in [0, 2, 5, 11, 12, 14, 21, 22, 25, 101, 111] {
                assert_eq!(plural(n, lang), Other, "{lang:?} {n}");
            }
        }
    }

    #[test]
    fn counts_agree_with_their_words() {
        let ru = |n| reading_time(n, Lang::Ru);
        assert_eq!(ru(1), "Время чтения: 1 минута");
        assert_eq!(ru(3), "Время чтения: 3 минуты");
        assert_eq!(ru(5), "Время чтения: 5 минут");
        assert_eq!(ru(11), "Время чтения: 11 минут");
        assert_eq!(ru(21), "Время чтения: 21 минута");
        assert_eq!(ru(22), "Время чтения: 22 минуты");
        assert_eq!(reading_time(1, Lang::En), "Reading time: 1 minute");
        assert_eq!(reading_time(2, Lang::En), "Reading time: 2 minutes");
        assert_eq!(reading_time(1, Lang::Kk), "Оқу уақыты: 1 минут");
        assert_eq!(reading_time(7, Lang::Kk), "Оқу уақыты: 7 минут");

        assert_eq!(mention_count(1, Lang::Ru), "Упоминается в статье 1 раз");
        assert_eq!(mention_count(2, Lang::Ru), "Упоминается в статье 2 раза");
        assert_eq!(mention_count(5, Lang::Ru), "Упоминается в статье 5 раз");
        assert_eq!(mention_count(12, Lang::Ru), "Упоминается в статье 12 раз");
        assert_eq!(mention_count(23, Lang::Ru), "Упоминается в статье 23 раза");
        assert_eq!(mention_count(1, Lang::En), "Mentioned once in this article");
        assert_eq!(
            mention_count(2, Lang::En),
            "Mentioned 2 times in this article"
        );
        assert_eq!(mention_count(3, Lang::Kk), "Мақалада 3 рет аталады");
    }

    #[test]
    fn notices_name_both_languages() {
        assert_eq!(
            fallback_notice(Lang::En, Lang::Ru),
            "This article is not yet available in English. Showing the Russian version."
        );
        assert_eq!(
            fallback_notice(Lang::Kk, Lang::Ru),
            "Бұл мақала қазақ тілінде әлі жоқ. Орыс тіліндегі нұсқасы көрсетілді."
        );
        assert!(fallback_notice(Lang::Ru, Lang::Kk).contains("казахском"));
    }
}
