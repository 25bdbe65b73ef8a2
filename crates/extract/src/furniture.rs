//! One multilingual vocabulary of site furniture (English, German, French, Spanish), shared by the plain-text and
//! HTML paths: whole short lines such as "Share", "2 min read" or "Leave a Reply", and the class and id names of
//! page elements that hold furniture (share bars, cookie banners, related-article lists…).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::dates::month_number;

/// Whole lines that are furniture, normalised (lowercase, words separated by single spaces, no punctuation).
const LINES: &[&str] = &[
    // Navigation and accessibility.
    "skip to main content",
    "skip to content",
    "skip to navigation",
    "skip to main navigation",
    "skip to footer",
    "jump to content",
    "zum inhalt springen",
    "zum hauptinhalt springen",
    "direkt zum inhalt",
    "aller au contenu",
    "aller au contenu principal",
    "passer au contenu",
    "saltar al contenido",
    "saltar al contenido principal",
    "ir al contenido",
    "menu",
    "main menu",
    "hauptmenü",
    "menú",
    "search",
    "suche",
    "rechercher",
    "recherche",
    "buscar",
    "home",
    "startseite",
    "accueil",
    "inicio",
    "back to top",
    "nach oben",
    "retour en haut",
    "volver arriba",
    "close",
    "schließen",
    "fermer",
    "cerrar",
    "log in",
    "login",
    "sign in",
    "sign up",
    "register",
    "anmelden",
    "registrieren",
    "se connecter",
    "connexion",
    "s inscrire",
    "iniciar sesión",
    "registrarse",
    // Sharing, printing, listening.
    "share this",
    "share this article",
    "share this story",
    "share article",
    "share on facebook",
    "share on twitter",
    "share on linkedin",
    "share on whatsapp",
    "share via email",
    "artikel teilen",
    "diesen artikel teilen",
    "partager cet article",
    "partager l article",
    "compartir este artículo",
    "compartir en facebook",
    "compartir en twitter",
    "copy link",
    "link copied",
    "link kopieren",
    "copier le lien",
    "copiar enlace",
    "listen to this article",
    "listen",
    "artikel anhören",
    "anhören",
    "écouter cet article",
    "écouter",
    "escuchar artículo",
    "escuchar",
    "save",
    "save article",
    "speichern",
    "merken",
    "sauvegarder",
    "guardar",
    "gift this article",
    // Reading aids and section labels.
    "speedread",
    "speed read",
    "in brief",
    "key points",
    "advertisement",
    "advert",
    "this slideshow requires javascript",
    "please enable javascript",
    "javascript is disabled",
    "tell us what you think",
    "don t miss",
    "nicht verpassen",
    "à ne pas manquer",
    "no te lo pierdas",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "anuncio",
    "read more",
    "read more here",
    "continue reading",
    "weiterlesen",
    "mehr lesen",
    "mehr erfahren",
    "lire la suite",
    "lire plus",
    "leer más",
    "seguir leyendo",
    "sigue leyendo",
    "see also",
    "siehe auch",
    "voir aussi",
    "ver también",
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "lee también",
    "auch interessant",
    "das könnte sie auch interessieren",
    "mehr zum thema",
    "zum thema",
    "sur le même sujet",
    "dans la même rubrique",
    "te puede interesar",
    "también te puede interesar",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "more stories",
    "top stories",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "meistgelesen",
    "ähnliche artikel",
    "verwandte artikel",
    "articles similaires",
    "articles liés",
    "les plus lus",
    "artículos relacionados",
    "noticias relacionadas",
    "lo más leído",
    "más leídas",
    "topics",
    "tags",
    "themen",
    "sujets",
    "temas",
    "etiquetas",
    // Comments.
    "comments",
    "comment",
    "add a comment",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "show comments",
    "view comments",
    "join the conversation",
    "kommentare",
    "kommentar",
    "kommentieren",
    "kommentar schreiben",
    "commentaires",
    "commentaire",
    "laisser un commentaire",
    "réagir",
    "comentarios",
    "comentario",
    "deja un comentario",
    "dejar un comentario",
    "deja una respuesta",
    "your email address will not be published",
    "your email address will not be published required fields are marked",
    "required fields are marked",
    "ihre e mail adresse wird nicht veröffentlicht",
    "votre adresse e mail ne sera pas publiée",
    "votre adresse de messagerie ne sera pas publiée",
    "tu dirección de correo electrónico no será publicada",
    "cancel reply",
    // Legal and follow.
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "follow us",
    "folgen sie uns",
    "suivez nous",
    "síguenos",
    "privacy policy",
    "datenschutz",
    "datenschutzerklärung",
    "impressum",
    "politique de confidentialité",
    "mentions légales",
    "política de privacidad",
    "aviso legal",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "contact us",
    "kontakt",
    "contact",
    "contacto",
    "about us",
    "über uns",
    "qui sommes nous",
    "quiénes somos",
    "accept",
    "accept all",
    "accept cookies",
    "reject all",
    "alle akzeptieren",
    "akzeptieren",
    "ablehnen",
    "tout accepter",
    "accepter",
    "tout refuser",
    "aceptar",
    "aceptar todo",
    "aceptar todas",
    "rechazar todo",
    "manage preferences",
    "manage cookies",
    "cookie settings",
    "cookie einstellungen",
    "paramètres des cookies",
    "configuración de cookies",
];

/// Words whose lines, made of nothing else and numbers, are share bars and counters ("Share", "Facebook Twitter
/// Email", "Teilen", "12 Comments").
const ACTION_WORDS: &[&str] = &[
    "share",
    "shares",
    "tweet",
    "twitter",
    "x",
    "facebook",
    "whatsapp",
    "linkedin",
    "email",
    "e",
    "mail",
    "print",
    "pinterest",
    "reddit",
    "telegram",
    "messenger",
    "flipboard",
    "pocket",
    "xing",
    "bluesky",
    "threads",
    "teilen",
    "drucken",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "correo",
    "courriel",
    "copy",
    "link",
    "sms",
    "comments",
    "comment",
    "replies",
    "reply",
    "kommentare",
    "kommentar",
    "commentaires",
    "commentaire",
    "comentarios",
    "comentario",
    "likes",
    "like",
];

/// Openings of short lines that lead to other pages ("More from the Post", "Latest from Blog", "Mehr aus Politik").
const LEAD_INS: &[&str] = &[
    "more from",
    "latest from",
    "latest news",
    "more in",
    "more on",
    "more news",
    "read also",
    "read next",
    "also read",
    "related to",
    "mehr aus",
    "mehr zu",
    "mehr von",
    "neueste aus",
    "plus de",
    "à lire",
    "lire aussi",
    "les dernières",
    "más de",
    "más noticias",
    "lo último",
    "lea también",
];

/// Short lines mentioning one of these are newsletter sign-ups or cookie notices.
const NOTICE_WORDS: &[&str] = &[
    "newsletter",
    "newsletters",
    "subscribe",
    "subscribers",
    "abonnieren",
    "abonnez",
    "abonnement",
    "suscríbete",
    "suscribirse",
    "suscríbase",
    "boletín",
    "cookie",
    "cookies",
];

/// Short lines mentioning one of these are newsletter sign-ups, cookie notices or invitations to follow, up to
/// this many words.
const MAX_NOTICE_WORDS: usize = 30;

const FOLLOW_WORDS: &[&str] = &["follow", "folgen", "folge", "suivez", "suivre", "síguenos", "sigue", "siga", "seguir"];
const SOCIAL_NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "linkedin",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "telegram",
];

/// First and last words of short headings over lists of other stories.
const MORE_WORDS: &[&str] = &[
    "more",
    "other",
    "related",
    "latest",
    "top",
    "popular",
    "recommended",
    "weitere",
    "mehr",
    "andere",
    "autres",
    "plus",
    "más",
    "otras",
    "otros",
    "últimas",
];
const STORY_WORDS: &[&str] = &[
    "stories",
    "articles",
    "news",
    "reads",
    "videos",
    "headlines",
    "posts",
    "artikel",
    "nachrichten",
    "beiträge",
    "meldungen",
    "actualités",
    "infos",
    "artículos",
    "noticias",
    "historias",
];

/// Words that open a caption credit ("Photo: Reuters", "Bild: dpa", "Foto: EFE").
const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "picture",
    "image",
    "images",
    "credit",
    "credits",
    "photo credit",
    "image credit",
    "image source",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "bildquelle",
    "crédit",
    "crédits",
    "crédit photo",
    "imagen",
    "video",
    "vidéo",
];

/// Weekday names: with month names, numbers and [`DATE_FILLERS`], the words of a line that says only when the
/// article was published or updated ("Updated 3:15 PM ET, Tue November 19, 2019", "19. November 2019, 14:02 Uhr",
/// "mis à jour le 19 novembre 2019", "martes, 19 de noviembre de 2019").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];
const DATE_FILLERS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "am",
    "pm",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "bst",
    "cet",
    "cest",
    "at",
    "on",
    "of",
    "the",
    "uhr",
    "um",
    "aktualisiert",
    "veröffentlicht",
    "stand",
    "le",
    "à",
    "h",
    "mis",
    "jour",
    "publié",
    "de",
    "el",
    "a",
    "las",
    "publicado",
    "actualizado",
    "st",
    "nd",
    "rd",
    "th",
];

/// Heads of filing lines ("Filed under: …", "Tags: …").
const FILING_WORDS: &[&str] = &[
    "filed under",
    "tags",
    "tagged",
    "topics",
    "categories",
    "category",
    "themen",
    "schlagwörter",
    "schlagworte",
    "mots clés",
    "étiquettes",
    "catégories",
    "etiquetas",
    "temas",
    "categorías",
];

/// The longest caption line, and the longest credit at its end ("Credit: Getty Images - Contributor").
const MAX_CAPTION_BYTES: usize = 300;
const MAX_CREDIT_BYTES: usize = 60;

/// Units of a reading or listening time ("4 min read", "3 Min. Lesezeit", "5 min de lecture", "lectura: 2 min").
const TIME_UNITS: &[&str] = &["min", "mins", "minute", "minutes", "minuten", "minutos", "minuto"];
const TIME_WORDS: &[&str] = &["read", "reading", "listen", "lesezeit", "lesedauer", "lecture", "lectura", "leer"];
const TIME_FILLERS: &[&str] = &["de", "time", "temps", "tiempo", "of", "to"];

/// Class and id fragments of page elements that hold furniture.
const BOX_NAMES: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "comment",
    "newsletter",
    "cookie",
    "consent",
    "gdpr",
    "promo",
    "advert",
    "sponsor",
    "breadcrumb",
    "footer",
    "masthead",
    "navbar",
    "sidebar",
    "subscribe",
    "signup",
    "paywall",
    "popup",
    "modal",
    "banner",
    "outbrain",
    "taboola",
    "byline",
    "toolbar",
    "skip",
    "teaser",
    "widget",
    "trending",
    "most-read",
    "mostread",
    "popular",
    "tags",
    "author-bio",
    "disqus",
    "print",
    "hidden",
    "caption",
    "credit",
    "kommentar",
    "comentario",
    "teilen",
    "partage",
    "compartir",
    "empfehlung",
    "boletin",
    "lire-aussi",
    "relacionad",
    "mas-leido",
    "meistgelesen",
    "werbung",
    "anzeige",
    "publicite",
    "publicidad",
];

/// Class and id words matched only as whole words ("nav", "ad", "menu"), since they are parts of other words.
const BOX_WORDS: &[&str] = &[
    "nav", "ad", "ads", "menu", "header", "more", "meta", "tools", "rating", "login", "sr-only", "pied", "pie",
    "lateral", "bandeau", "pub",
];

/// Class and id fragments that mark the article body itself and so never mark furniture.
const BODY_NAMES: &[&str] =
    &["article-body", "articlebody", "article__body", "story-body", "post-content", "entry-content"];

/// Furniture lines are short: longer lines are never furniture.
const MAX_LINE_BYTES: usize = 400;

/// Lowercase words of a line, separated by single spaces, without punctuation.
pub fn normalise(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    each_normalised_char(line, |c| {
        out.push(c);
        true
    });
    out
}

/// Whether `line` [`normalise`]s to `key`, without building its normalised form: most lines differ early.
pub fn normalises_to(line: &str, key: &str) -> bool {
    let mut expected = key.chars();
    each_normalised_char(line, |c| expected.next() == Some(c)) && expected.next().is_none()
}

/// Feeds the characters of `line` [`normalise`]d to `visit` until it returns false; false if it did.
fn each_normalised_char(line: &str, mut visit: impl FnMut(char) -> bool) -> bool {
    let (mut started, mut gap) = (false, false);
    for c in line.chars() {
        if !c.is_alphanumeric() {
            gap = true;
            continue;
        }
        if gap && started && !visit(' ') {
            return false;
        }
        (started, gap) = (true, false);
        let fed = if c.is_ascii() { visit(c.to_ascii_lowercase()) } else { c.to_lowercase().all(&mut visit) };
        if !fed {
            return false;
        }
    }
    true
}

/// Whether a whole line is site furniture: a known phrase, a share bar, a reading time, a credit, a sign-up or
/// cookie notice, or a short lead-in to other pages. Lines without any letter or digit are furniture too.
pub fn is_furniture_line(line: &str) -> bool {
    let line = line.trim();
    if line.len() > MAX_LINE_BYTES {
        return false;
    }
    let words = normalise(line);
    if words.is_empty() {
        return true;
    }
    let word_list: Vec<&str> = words.split(' ').collect();
    let count = word_list.len();
    LINES.contains(&words.as_str())
        || (word_list.iter().all(|word| ACTION_WORDS.contains(word) || word.bytes().all(|b| b.is_ascii_digit()))
            && word_list.iter().any(|word| ACTION_WORDS.contains(word)))
        || is_reading_time(&word_list)
        || is_date_line(&word_list)
        || is_credit(line)
        || (count <= 6 && LEAD_INS.iter().any(|lead| starts_with_words(&words, lead)))
        || (count <= MAX_NOTICE_WORDS && word_list.iter().any(|word| NOTICE_WORDS.contains(word)))
        || (count <= MAX_NOTICE_WORDS && is_follow_invitation(&word_list))
        || (count <= 6 && is_more_stories(&word_list))
        || (count <= 20 && (words.starts_with("copyright") || line.starts_with('©')))
}

/// "Follow us on Twitter", "Follow The Times on Facebook and Instagram", "Folgen Sie uns auf Instagram".
fn is_follow_invitation(words: &[&str]) -> bool {
    words.iter().any(|word| FOLLOW_WORDS.contains(word)) && words.iter().any(|word| SOCIAL_NETWORKS.contains(word))
}

/// "More Great WIRED Stories", "Other news", "Weitere Artikel", "Autres actualités", "Más noticias".
fn is_more_stories(words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else { return false };
    MORE_WORDS.contains(first) && STORY_WORDS.contains(last)
}

/// Whether a class or id attribute names a furniture box (share bar, cookie banner, related list, comments…).
pub fn is_furniture_name(name: &str) -> bool {
    static BODY: LazyLock<AhoCorasick> = LazyLock::new(|| fragments(BODY_NAMES));
    static BOXES: LazyLock<AhoCorasick> = LazyLock::new(|| fragments(BOX_NAMES));
    let is_box_word = |word: &str| BOX_WORDS.iter().any(|box_word| box_word.eq_ignore_ascii_case(word));
    if name.is_empty() || BODY.is_match(name) {
        return false;
    }
    BOXES.is_match(name)
        || name.split(|c: char| !c.is_ascii_alphanumeric()).any(is_box_word)
        || name.split_whitespace().any(is_box_word)
}

/// A matcher of any of the fragments, in any case.
fn fragments(fragments: &[&str]) -> AhoCorasick {
    AhoCorasick::builder().ascii_case_insensitive(true).build(fragments).expect("fixed fragments build a matcher")
}

fn starts_with_words(words: &str, lead: &str) -> bool {
    words.strip_prefix(lead).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// "4 min read", "3 min lesezeit", "lesezeit 3 min", "5 min de lecture", "reading time 4 minutes", "lectura 2 min".
fn is_reading_time(words: &[&str]) -> bool {
    if words.len() > 6 {
        return false;
    }
    let has_number = words.iter().any(|word| word.bytes().all(|b| b.is_ascii_digit()));
    let has_unit = words.iter().any(|word| TIME_UNITS.contains(word));
    let has_reading = words.iter().any(|word| TIME_WORDS.contains(word));
    let rest_is_filler = words.iter().all(|word| {
        word.bytes().all(|b| b.is_ascii_digit())
            || TIME_UNITS.contains(word)
            || TIME_WORDS.contains(word)
            || TIME_FILLERS.contains(word)
    });
    has_number && has_unit && has_reading && rest_is_filler
}

/// A line of dates, times and their fillers only, with a month or weekday name, a year and a day.
fn is_date_line(words: &[&str]) -> bool {
    if words.len() > 12 {
        return false;
    }
    let is_number = |word: &&str| {
        let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        digits.starts_with(|c: char| c.is_ascii_digit()) && digits.bytes().all(|b| b.is_ascii_digit() || b == b'h')
    };
    let numbers = words.iter().filter(|word| is_number(word)).count();
    let has_year = words.iter().any(|word| word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()));
    has_year
        && numbers >= 2
        && words.iter().any(|word| is_date_word(word))
        && words.iter().all(|word| is_number(word) || is_date_word(word) || DATE_FILLERS.contains(word))
}

fn is_date_word(word: &str) -> bool {
    WEEKDAYS.contains(&word) || month_number(word).is_some()
}

/// "Photo: Reuters", "Bild: picture alliance/dpa", "Crédit photo : AFP", "Image source, Getty Images".
/// Also a caption that ends with its credit: "… sought treatment (Image: GETTY)", "… in Moscow. Credit: EPA".
/// And a filing line: "Filed under: Politics", "Tags: Syria, Turkey", "Schlagwörter: …".
fn is_credit(line: &str) -> bool {
    if line.len() > MAX_CAPTION_BYTES {
        return false;
    }
    let head = line.find([':', ',', '|']).map(|cut| &line[..cut]);
    let opens_with = |heads: &[&str]| head.is_some_and(|head| heads.iter().any(|key| normalises_to(head, key)));
    let credit_at_end = line.rfind(':').is_some_and(|colon| {
        let last_word = line[..colon].split(|c: char| !c.is_alphabetic()).next_back().unwrap_or("");
        let glued = last_word.char_indices().rev().find(|(_, c)| c.is_uppercase()).map_or("", |(i, _)| &last_word[i..]);
        line.len() - colon <= MAX_CREDIT_BYTES
            && [last_word, glued].iter().any(|word| CREDIT_WORDS.iter().any(|credit| normalises_to(word, credit)))
    });
    opens_with(CREDIT_WORDS) || opens_with(FILING_WORDS) || credit_at_end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_multilingual_furniture_lines() {
        for line in [
            "Share",
            "  Teilen ",
            "Partager",
            "Compartir",
            "2 min read",
            "3 Min. Lesezeit",
            "Lesezeit: 4 Min.",
            "5 min de lecture",
            "4 min de lectura",
            "Reading time: 6 minutes",
            "Skip to main content",
            "Zum Inhalt springen",
            "Aller au contenu",
            "Saltar al contenido",
            "Leave a Reply",
            "Your email address will not be published.",
            "Latest from Blog",
            "SPEEDREAD",
            "MORE FROM THE POST",
            "Facebook Twitter Email",
            "Related articles",
            "Noticias relacionadas",
            "Advertisement",
            "Anzeige",
            "Read more »",
            "Lire la suite",
            "Leer más",
            "We use cookies to improve your experience. By continuing you accept our cookie policy.",
            "Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.",
            "Sign up for our daily newsletter",
            "Inscrivez-vous à notre newsletter",
            "Suscríbete a nuestro boletín",
            "Photo: Reuters",
            "Bild: picture alliance/dpa",
            "Crédit photo : AFP",
            "12 Comments",
            "Kommentare",
            "Yersinia pestis causes the plague (Image: GETTY)",
            "The hospital where the patients sought treatmentCredit: EPA",
            "Filed under: Politics |",
            "Follow The Times Opinion section on Facebook, Twitter (@NYTopinion) and Instagram.",
            "More Great WIRED Stories",
            "Weitere Artikel",
            "Copyright © 2019 Example TV. All rights reserved.",
            "***",
            "Updated 3:15 PM ET, Tue November 19, 2019",
            "19. November 2019, 14:02 Uhr",
            "mis à jour le 19 novembre 2019 à 14h02",
            "martes, 19 de noviembre de 2019",
        ] {
            assert!(is_furniture_line(line), "{line:?} should be furniture");
        }
    }

    #[test]
    fn keeps_body_lines_and_in_body_headings() {
        for line in [
            "What do we know about the meeting?",
            "Possible restoration of Syria-Turkey ties",
            "Damascus is a staunch ally of Moscow, which intervened in the Syrian conflict in 2015. (AFP)",
            "Putin to hold talks with Syria's Assad on Wednesday: Kremlin",
            "The talks lasted three hours, and the leaders shared a read of the situation.",
            "More than 50,000 people were killed in the earthquake.",
            "Moscow (AFP)",
            "Damascus is a staunch ally of Moscow, which intervened in the Syrian conflict in 2015. (AFP)",
            "The minister said: \"We will follow the talks closely.\"",
            "More than 50,000 people were killed in the earthquake, officials said on Twitter, citing new figures.",
            "March 2023",
            "On Wednesday, March 15",
            "Share prices fell sharply in Moscow on Wednesday after the talks.",
            "Die Regierung will die Cookies-Richtlinie der EU umsetzen, sagte der Minister am Mittwoch in Berlin vor Journalisten, die seit Wochen auf eine Entscheidung warten und nun endlich Klarheit haben wollen.",
        ] {
            assert!(!is_furniture_line(line), "{line:?} should be kept");
        }
    }

    #[test]
    fn normalised_lines_compare_without_being_built() {
        assert_eq!(normalise("  Crédit PHOTO : AFP/Getty -- 2023 "), "crédit photo afp getty 2023");
        assert_eq!(normalise("İSTANBUL, Türkiye"), "i\u{307}stanbul türkiye");
        assert_eq!(normalise("*** | ***"), "");
        let seeds = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds/000_075b59d9bae29bd8.txt");
        let text = std::fs::read_to_string(seeds).expect("seed 000");
        let lines: Vec<&str> = text.lines().chain(["İSTANBUL, Türkiye", "Share", " share! ", ""]).collect();
        for line in &lines {
            for other in &lines {
                let key = normalise(other);
                assert_eq!(normalises_to(line, &key), normalise(line) == key, "{line:?} against {other:?}");
            }
        }
    }

    #[test]
    fn recognises_furniture_boxes_by_class_and_id() {
        for name in ["share-bar", "social-links", "related-articles", "comments", "cookie-banner", "site-nav", "ad"] {
            assert!(is_furniture_name(name), "{name:?}");
        }
        for name in ["article-body", "story", "content main", "headline", "loaded", "article-body shared"] {
            assert!(!is_furniture_name(name), "{name:?}");
        }
    }
}
