//! Publication dates written in metadata and URLs.

use chronicle_model::Date;

/// Month names and abbreviations in English, German, French and Spanish.
const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
];

/// How far after the month name the year may come, in words ("November 19, 2019": two).
const YEAR_REACH: usize = 4;

/// The earliest and latest years taken for a publication date.
const YEARS: std::ops::RangeInclusive<i16> = 1990..=2100;

/// The date at the start of a metadata value: `2019-11-19`, `2019-11-19T10:00:00Z`, `2019/11/19`, `20191119`,
/// an RFC 2822 date-time (`Tue, 19 Nov 2019 10:00:00 +0000`), or a written date (`November 19, 2019, 9:02 AM`,
/// `19. November 2019`, `19 de noviembre de 2019`).
pub(crate) fn parse_date(value: &str) -> Option<Date> {
    let value = value.trim();
    let bytes = value.as_bytes();
    let field = |from: usize, to: usize| bytes.get(from..to).and_then(number);
    let ymd = |year: (usize, usize), month: (usize, usize), day: (usize, usize)| {
        date(field(year.0, year.1)?, field(month.0, month.1)?, field(day.0, day.1)?)
    };
    let separated = bytes.len() >= 10 && bytes[4] == bytes[7] && matches!(bytes[4], b'-' | b'/' | b'.');
    let compact = bytes.len() >= 8 && bytes.get(8).is_none_or(|b| !b.is_ascii_digit());
    let numeric = if separated {
        ymd((0, 4), (5, 7), (8, 10))
    } else if compact {
        ymd((0, 4), (4, 6), (6, 8))
    } else {
        None
    };
    numeric
        .or_else(|| {
            let date = jiff::fmt::rfc2822::parse(value).ok()?.date();
            YEARS.contains(&date.year()).then_some(date)
        })
        .or_else(|| written_date(value))
}

/// The month number of a month's name or abbreviation, in any case.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    let word = word.to_lowercase();
    MONTHS.iter().find(|(name, _)| *name == word).map(|&(_, month)| month)
}

/// A date written with the month's name: the day just before it (`19 November`, `19 de noviembre`) or just after
/// it (`November 19`), and the year soon after.
fn written_date(value: &str) -> Option<Date> {
    let words: Vec<&str> = value.split(|c: char| !c.is_alphanumeric()).filter(|word| !word.is_empty()).collect();
    let day_at = |index: usize| {
        let word = words.get(index)?;
        let digits = word.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        number(digits.as_bytes()).filter(|day| (1..=31).contains(day) && digits.len() <= 2)
    };
    words.iter().enumerate().find_map(|(index, word)| {
        let month = month_number(word)?;
        let before = index.checked_sub(1).and_then(day_at);
        let before_de = index.checked_sub(2).filter(|&i| words[i + 1] == "de").and_then(day_at);
        let day = before.or(before_de).or_else(|| day_at(index + 1))?;
        let year = words
            .iter()
            .skip(index + 1)
            .take(YEAR_REACH)
            .find_map(|word| (word.len() == 4).then(|| number(word.as_bytes())).flatten())?;
        date(year, i32::from(month), day)
    })
}

/// The date in a URL path: `/2019/11/19/`, `/2019/nov/19/`, `/2019/11/19-title`, or a segment starting `2019-11-19`.
pub(crate) fn date_in_url(url: &str) -> Option<Date> {
    let path = url.split(['?', '#']).next()?;
    let segments: Vec<&str> = path.split('/').collect();
    (0..segments.len()).find_map(|i| slashed_date(&segments[i..]).or_else(|| dashed_date(segments[i])))
}

/// `2019`, `11` (or `nov`), `19…` as the first three segments.
fn slashed_date(segments: &[&str]) -> Option<Date> {
    let [year, month, day, ..] = segments else { return None };
    let day = &day[..day.bytes().take_while(u8::is_ascii_digit).count()];
    let month = match month.len() {
        2 => number(month.as_bytes())?,
        _ => i32::from(month_number(month)?),
    };
    if year.len() != 4 || day.len() != 2 {
        return None;
    }
    date(number(year.as_bytes())?, month, number(day.as_bytes())?)
}

/// A segment that starts with `2019-11-19`, alone or followed by more words.
fn dashed_date(segment: &str) -> Option<Date> {
    let bytes = segment.as_bytes();
    let stands_alone = bytes.get(10).is_none_or(|b| !b.is_ascii_digit());
    (bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && stands_alone)
        .then(|| parse_date(segment.get(..10)?))?
}

fn number(digits: &[u8]) -> Option<i32> {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn date(year: i32, month: i32, day: i32) -> Option<Date> {
    let year = i16::try_from(year).ok().filter(|year| YEARS.contains(year))?;
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(date: Option<Date>) -> Option<String> {
        date.map(|date| date.to_string())
    }

    #[test]
    fn parses_metadata_dates() {
        assert_eq!(show(parse_date("2019-11-19T14:02:11.000Z")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date(" 2019/11/19 ")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date("20191119")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date("Tue, 19 Nov 2019 10:00:00 +0000")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date("November 19, 2019, 07:47 PM EST")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date("Fri 6:45 PM, Feb 16, 2018")).as_deref(), Some("2018-02-16"));
        assert_eq!(show(parse_date("Monday, November 18th, 2019 at 11:08 a.m.")).as_deref(), Some("2019-11-18"));
        assert_eq!(show(parse_date("19. November 2019, 14:02 Uhr")).as_deref(), Some("2019-11-19"));
        assert_eq!(show(parse_date("mis à jour le 3 mars 2023")).as_deref(), Some("2023-03-03"));
        assert_eq!(show(parse_date("martes, 19 de noviembre de 2019")).as_deref(), Some("2019-11-19"));
        assert_eq!(parse_date("in March 2023"), None);
        assert_eq!(parse_date("2019-13-01"), None);
        assert_eq!(parse_date("1573920000"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2019-11-1é"), None);
    }

    #[test]
    fn finds_dates_in_urls() {
        let day = |url| show(date_in_url(url));
        assert_eq!(day("https://www.nytimes.com/2019/11/19/opinion/x.html").as_deref(), Some("2019-11-19"));
        assert_eq!(day("https://www.latimes.com/business/story/2019-11-19/disney-plus").as_deref(), Some("2019-11-19"));
        assert_eq!(day("https://example.com/2019/11/19-something").as_deref(), Some("2019-11-19"));
        assert_eq!(day("https://example.com/statements/2019/nov/18/someone/").as_deref(), Some("2019-11-18"));
        assert_eq!(day("https://example.com/news/244592.html"), None);
        assert_eq!(day("https://example.com/2019/11/"), None);
    }
}
