//! One test per family of rules, through the public API, on sentences in the style of news copy.

use chronicle_model::{Date, Span, TimeType};
use chronicle_time::{estimate_dct, tag};

/// The expressions of `text` (one sentence) as (covered text, type, value).
fn tags(text: &str, dct: Option<&str>) -> Vec<(String, TimeType, String)> {
    let dct: Option<Date> = dct.map(|d| d.parse().expect("date"));
    tag(text, &[Span::new(0, text.len())], dct)
        .into_iter()
        .map(|t| (t.span.slice(text).to_string(), t.kind, t.value))
        .collect()
}

/// The single expression of `text`, as (covered text, value).
fn one(text: &str, dct: &str) -> (String, String) {
    let found = tags(text, Some(dct));
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    (found[0].0.clone(), found[0].2.clone())
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[test]
fn calendar_dates() {
    let dct = "2023-03-15";
    assert_eq!(one("The quake struck on 6 February 2023.", dct), pair("6 February 2023", "2023-02-06"));
    assert_eq!(one("It was signed on March 15, 2023, in Moscow.", dct), pair("March 15, 2023", "2023-03-15"));
    assert_eq!(one("Talks began on Wednesday, March 15, 2023.", dct), pair("Wednesday, March 15, 2023", "2023-03-15"));
    assert_eq!(one("Its 3rd of March deadline passed.", dct), pair("3rd of March", "2023-03-03"));
    assert_eq!(one("He visited in September 2021.", dct), pair("September 2021", "2021-09"));
    assert_eq!(one("The war began in 2011 and has not ended.", dct), pair("2011", "2011"));
    assert_eq!(one("The file is dated 2023-03-14.", dct), pair("2023-03-14", "2023-03-14"));
    assert_eq!(one("The report of 25/12/2022 was leaked.", dct), pair("25/12/2022", "2022-12-25"));
    assert_eq!(one("The report of 03/12/2023 was leaked.", dct), pair("03/12/2023", "2023-03-12"));
    assert_eq!(one("He has lived there since '82.", dct), pair("'82", "1982"));
}

#[test]
fn ambiguous_words_need_context() {
    let dct = "2023-03-15";
    assert!(tags("They may march on the capital.", Some(dct)).is_empty());
    assert!(tags("They said 2000 people march every May Day.", Some(dct)).iter().all(|t| t.0 != "2000"));
    assert_eq!(one("The vote is due in May.", dct), pair("May", "2023-05"));
    assert!(tags("Prices rose 2,015 points, or 12.5%.", Some(dct)).is_empty());
    assert!(tags("The Arab Spring protests spread.", Some(dct)).is_empty());
    assert!(tags("He scored twice in the first half.", Some(dct)).is_empty());
    assert!(tags("He told the Daily News that the 1000-member church was full.", Some(dct)).is_empty());
    assert!(tags("Prices could fall further.", Some(dct)).is_empty());
}

#[test]
fn partial_dates_take_their_year_from_tense() {
    let dct = "2023-03-15";
    assert_eq!(one("In December the ministers met.", dct), pair("December", "2022-12"));
    assert_eq!(one("The ministers will meet in December.", dct), pair("December", "2023-12"));
    assert_eq!(one("The quake of February 6 killed thousands.", dct), pair("February 6", "2023-02-06"));
    assert_eq!(one("It struck last February.", dct), pair("last February", "2023-02"));
    assert_eq!(one("They meet next March.", dct), pair("next March", "2024-03"));
    assert_eq!(one("Licences end after October of next year.", dct), pair("October of next year", "2024-10"));
    assert_eq!(
        one("It lost money in the first quarter of last year.", dct),
        pair("the first quarter of last year", "2022-Q1")
    );
    assert_eq!(one("Erdogan would meet Assad in August.", "2024-07-25"), pair("August", "2024-08"));
}

#[test]
fn deictic_expressions() {
    let dct = "2023-03-15";
    assert_eq!(one("The announcement came last week.", dct), pair("last week", "2023-W10"));
    assert_eq!(one("They meet this week.", dct), pair("this week", "2023-W11"));
    assert_eq!(one("The talks resume next month.", dct), pair("next month", "2023-04"));
    assert_eq!(one("Growth slowed last year.", dct), pair("last year", "2022"));
    assert_eq!(one("He spoke yesterday.", dct), pair("yesterday", "2023-03-14"));
    assert_eq!(one("He speaks tomorrow.", dct), pair("tomorrow", "2023-03-16"));
    assert_eq!(one("They met two years ago.", dct), pair("two years ago", "2021"));
    assert_eq!(one("He said so earlier this month.", dct), pair("earlier this month", "2023-03"));
    assert_eq!(one("He has recently said so.", dct), pair("recently", "PAST_REF"));
    assert_eq!(one("Prices are currently high.", dct), pair("currently", "PRESENT_REF"));
    assert_eq!(one("He met Putin in the last week.", dct), pair("the last week", "2023-W10"));
    assert_eq!(one("Sales fell in the third quarter of 2009.", dct), pair("the third quarter of 2009", "2009-Q3"));
    assert_eq!(one("Sales rose in Q3 2022.", dct), pair("Q3 2022", "2022-Q3"));
    assert_eq!(one("Chips ship in the second half of the year.", dct), pair("the second half of the year", "2023-H2"));
    assert_eq!(one("Fighting resumed in spring.", dct), pair("spring", "2023-SP"));
    assert_eq!(tags("Fighting resumed in spring.", None)[0].2, "XXXX-SP");
}

#[test]
fn weekdays_follow_tense() {
    // 2023-03-14 is a Tuesday.
    let dct = "2023-03-14";
    assert_eq!(one("Putin will hold talks with Assad on Wednesday.", dct), pair("Wednesday", "2023-03-15"));
    assert_eq!(one("The Kremlin said so on Tuesday.", dct), pair("Tuesday", "2023-03-14"));
    assert_eq!(one("The deal was announced on Friday.", dct), pair("Friday", "2023-03-10"));
    assert_eq!(one("They met last Tuesday.", dct), pair("last Tuesday", "2023-03-07"));
    assert_eq!(one("They arrived Friday morning.", dct), pair("Friday morning", "2023-03-10TMO"));
    assert_eq!(tags("They met on Friday.", None)[0].2, "XXXX-WXX-5");
    assert_eq!(one("Shells fell over the weekend.", dct), pair("the weekend", "2023-W10-WE"));
    assert_eq!(one("Shells fell last night.", dct), pair("last night", "2023-03-13TNI"));
}

#[test]
fn fuzzy_periods() {
    let dct = "2023-03-15";
    assert_eq!(one("They met in late December.", dct), pair("late December", "2022-12"));
    assert_eq!(one("The visit was made in early March.", dct), pair("early March", "2023-03"));
    assert_eq!(one("A deal is expected by mid-2024.", dct), pair("mid-2024", "2024"));
    assert_eq!(one("They met at the end of December.", dct), pair("the end of December", "2022-12"));
    assert_eq!(one("Shares fell late yesterday.", dct), pair("late yesterday", "2023-03-14"));
    assert_eq!(one("Profit rose by the end of the quarter.", dct), pair("the end of the quarter", "2023-Q1"));
    assert_eq!(one("He rose to power in the early 2000s.", dct), pair("the early 2000s", "200"));
    assert_eq!(one("It was built in the 1990s.", dct), pair("the 1990s", "199"));
    assert_eq!(one("It is a problem of the 21st century.", dct), pair("the 21st century", "20"));
    let values = |text: &str| -> Vec<String> { tags(text, Some(dct)).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("The car sold well in the 70s and 80s."), ["197", "198"]);
    assert!(values("He scored 70 and 80s were common.").iter().all(|v| v != "198"));
}

/// The single expression of `text` as (covered text, value, TIMEX3 mod).
fn with_mod(text: &str, dct: &str) -> (String, String, Option<String>) {
    let found = tag(text, &[Span::new(0, text.len())], Some(dct.parse().expect("date")));
    assert_eq!(found.len(), 1, "{text:?}: {found:?}");
    (found[0].span.slice(text).to_string(), found[0].value.clone(), found[0].modifier.clone())
}

#[test]
fn modifiers_follow_timeml() {
    let dct = "2023-03-15";
    let cases = [
        ("They met in late December.", "late December", "2022-12", Some("END")),
        ("The visit was made in early March.", "early March", "2023-03", Some("START")),
        ("It was delayed to mid-2020.", "mid-2020", "2020", Some("MID")),
        ("They met at the end of December.", "the end of December", "2022-12", Some("END")),
        ("He spoke at the beginning of the year.", "the beginning of the year", "2023", Some("START")),
        ("The talks lasted about three hours.", "about three hours", "PT3H", Some("APPROX")),
        ("The war lasted more than two years.", "more than two years", "P2Y", Some("MORE_THAN")),
        ("It took less than a week.", "less than a week", "P1W", Some("LESS_THAN")),
        ("It took nearly a decade.", "nearly a decade", "P10Y", Some("LESS_THAN")),
        ("The strike will last at least three days.", "at least three days", "P3D", Some("EQUAL_OR_MORE")),
        ("The strike will last at most three days.", "at most three days", "P3D", Some("EQUAL_OR_LESS")),
        ("He left about two years ago.", "about two years ago", "2021", Some("APPROX")),
        ("The talks lasted three hours.", "three hours", "PT3H", None),
        ("Growth slowed last year.", "last year", "2022", None),
        ("Ties have grown for several years.", "several years", "PXY", None),
    ];
    for (text, span, value, modifier) in cases {
        assert_eq!(with_mod(text, dct), (span.to_string(), value.to_string(), modifier.map(str::to_string)), "{text}");
    }
    assert!(tags("He sat at most meetings.", Some(dct)).is_empty());
}

#[test]
fn clock_times() {
    let dct = "2023-03-15";
    assert_eq!(one("Talks started after 17:00 Moscow time.", dct), pair("17:00 Moscow time", "2023-03-15T17:00"));
    assert_eq!(one("The meeting began at around 14:00 GMT.", dct), pair("14:00 GMT", "2023-03-15T14:00Z"));
    assert_eq!(one("He will speak at 3 p.m.", dct), pair("3 p.m.", "2023-03-15T15:00"));
    assert_eq!(one("The blast came at 10.30pm.", dct), pair("10.30pm", "2023-03-15T22:30"));
    assert!(tags("Shares rose 10.30 points.", Some(dct)).is_empty());
    assert_eq!(one("Trading ended at 4:30 p.m. EST.", dct), pair("4:30 p.m. EST", "2023-03-15T16:30"));
    assert_eq!(one("It filed at 12:00 UTC Monday.", dct), pair("12:00 UTC Monday", "2023-03-13T12:00Z"));
    assert_eq!(one("It landed at 6:40 p.m. (GMT +8) in Taipei.", dct), pair("6:40 p.m. (GMT +8)", "2023-03-15T18:40"));
    assert_eq!(one("It landed at 9:15 GMT-5.", dct), pair("9:15 GMT-5", "2023-03-15T09:15"));
    assert_eq!(one("It landed at 9:15 (GMT in London.", dct), pair("9:15", "2023-03-15T09:15"));
    let found = tags("Talks began at 14:00 GMT on Monday.", Some(dct));
    assert_eq!(found[0].2, "2023-03-13T14:00Z", "a clock time takes the day named right after it");
    let found = tags("On Friday the vote closed at 0800 UTC.", Some(dct));
    assert_eq!(found[1].2, "2023-03-10T08:00Z", "a clock time takes the day named before it");
}

#[test]
fn durations() {
    let dct = "2023-03-15";
    assert_eq!(one("The talks lasted about three hours.", dct), pair("about three hours", "PT3H"));
    assert_eq!(one("Syria's 12-year war goes on.", dct), pair("12-year", "P12Y"));
    assert_eq!(one("It took two and a half years.", dct), pair("two and a half years", "P2.5Y"));
    assert_eq!(one("The siege lasted a year and a half.", dct), pair("a year and a half", "P1.5Y"));
    assert_eq!(one("It took twenty-five days.", dct), pair("twenty-five days", "P25D"));
    assert_eq!(one("They talked for two weeks.", dct), pair("two weeks", "P2W"));
    assert_eq!(one("After decades of tension they met.", dct), pair("decades", "PXDE"));
    assert_eq!(one("Prices rose over the past several months.", dct), pair("the past several months", "PXM"));
    assert_eq!(one("It was his third leave in the past decade.", dct), pair("the past decade", "P10Y"));
    assert_eq!(one("Stocks fell for six straight days.", dct), pair("six straight days", "P6D"));
    assert_eq!(one("It lost money for two fiscal years.", dct), pair("two fiscal years", "P2Y"));
    assert!(tags("A second attempt failed.", Some(dct)).is_empty());
    assert!(tags("He cut about a quarter of the jobs.", Some(dct)).is_empty());
}

#[test]
fn sets() {
    let dct = "2023-03-15";
    assert_eq!(one("They meet each week.", dct), pair("each week", "P1W"));
    assert_eq!(one("It is held every year.", dct), pair("every year", "P1Y"));
    assert_eq!(one("Reports are published daily.", dct), pair("daily", "P1D"));
    assert_eq!(one("Claims are counted weekly.", dct), pair("weekly", "P1W"));
    assert_eq!(one("They meet every Monday.", dct), pair("every Monday", "XXXX-WXX-1"));
    assert_eq!(one("They meet twice a year.", dct), pair("a year", "P1Y"));
    assert_eq!(tags("They meet twice a year.", Some(dct))[0].1, TimeType::Set);
}

#[test]
fn anaphora_follow_the_last_date() {
    let text = "The quake struck on February 6. The next day, aid arrived. On that day, roads were shut. \
                The following week, talks began.";
    let found = tags(text, Some("2023-03-15"));
    let values: Vec<&str> = found.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["2023-02-06", "2023-02-07", "2023-02-07", "2023-W07"]);
    let market = "Stocks fell yesterday but rebounded late in the day, ending the day down 31 points.";
    let found = tags(market, Some("2023-03-15"));
    let values: Vec<(&str, &str)> = found.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(values, [("yesterday", "2023-03-14"), ("late in the day", "2023-03-14"), ("the day", "2023-03-14")]);
    assert!(tags("They met the day before the vote.", Some("2023-03-15")).is_empty());
    assert!(tags("He spent the day reading.", Some("2023-03-15")).is_empty());
}

#[test]
fn same_periods_follow_the_last_period_named() {
    let dct = "2010-03-03";
    let values = |text: &str| -> Vec<(String, String)> {
        tags(text, Some(dct)).into_iter().map(|(span, _, value)| (span, value)).collect()
    };
    assert_eq!(
        values("Sales rose 43% in February compared to the same period last year."),
        [pair("February", "2010-02"), pair("the same period last year", "2009-02")]
    );
    assert_eq!(
        values("Profit rose in the third quarter from the year-earlier period."),
        [pair("the third quarter", "2009-Q3"), pair("the year-earlier period", "2008-Q3")]
    );
    assert_eq!(
        values("Sales fell in January, compared to the same month a year ago."),
        [pair("January", "2010-01"), pair("the same month a year ago", "2009-01")]
    );
    assert_eq!(one("Revenue beat the year-ago quarter.", dct), pair("the year-ago quarter", "2009-Q1"));
    assert_eq!(
        values("The deal closed on June 10, 2011. At that time, shares rose."),
        [pair("June 10, 2011", "2011-06-10"), pair("that time", "2011-06-10")]
    );
    assert!(tags("They spoke at the same time.", Some(dct)).is_empty(), "'at the same time' is 'simultaneously'");
}

#[test]
fn news_conventions() {
    let dct = "2010-03-03";
    assert_eq!(one("The firm lost money in fiscal 2009.", dct), pair("fiscal 2009", "FY2009"));
    assert_eq!(one("Sales rose in the current fiscal year.", dct), pair("the current fiscal year", "FY2010"));
    assert_eq!(one("Mr. Smith, 45 years old, was named chairman.", dct), pair("45 years old", "P45Y"));
    assert_eq!(one("Revenue for the first nine months rose.", dct), pair("the first nine months", "P9M"));
    assert_eq!(one("This past weekend, crowds gathered.", dct), pair("This past weekend", "2010-W08-WE"));
    assert_eq!(one("The attack happened early Tuesday.", dct), pair("early Tuesday", "2010-03-02"));
    assert_eq!(one("Prices will rise soon.", dct), pair("soon", "FUTURE_REF"));
    assert_eq!(one("Sales fell in the last week of February.", dct), pair("the last week of February", "2010-W08"));
    assert_eq!(one("Prices will rise in the near future.", dct), pair("the near future", "FUTURE_REF"));
    assert_eq!(one("The 2010-11 season was his best.", dct), pair("2010", "2010"));
    assert!(tags("The Russell 2000 Index fell.", Some(dct)).is_empty());
    assert!(tags("They met at the soon-to-open terminal.", Some(dct)).is_empty());
    // TimeBank reads "the near/long term" as the future and "the time being" as the present.
    assert_eq!(one("Growth in the near term looks good.", dct), pair("the near term", "FUTURE_REF"));
    assert_eq!(one("It will help Ford for the long term.", dct), pair("the long term", "FUTURE_REF"));
    assert_eq!(one("Rates will stay low for the time being.", dct), pair("the time being", "PRESENT_REF"));
    assert!(tags("They refinanced the long-term debt.", Some(dct)).is_empty());
    // A named day in history is not last week's weekday.
    assert!(tags("Stocks fell on the anniversary of 'Black Monday'.", Some(dct)).is_empty());
    assert_eq!(one("Markets in Asia Monday fell.", dct), pair("Monday", "2010-03-01"));
    let values = |text: &str| -> Vec<String> { tags(text, Some(dct)).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("Dealers have 60 to 90 days to close."), ["P60D", "P90D"]);
    assert_eq!(values("It may close in two or three years."), ["P2Y", "P3Y"]);
    assert_eq!(values("The quake struck on February 6. That night, aid arrived."), ["2010-02-06", "2010-02-06TNI"]);
    assert_eq!(values("He spoke at 16:15 UTC, June 1st, in New York."), ["2009-06-01T16:15Z", "2009-06-01"]);
    assert_eq!(values("It will be done by year-end, and at the very beginning of 2011."), ["2010", "2011"]);
    assert_eq!(tags("Prices will rise very soon.", Some(dct))[0].0, "very soon");
    assert_eq!(values("In 2005 GM lost money for the entire year."), ["2005", "2005"]);
    assert_eq!(values("It took five full days."), ["P5D"]);
    assert!(values("Soon after we moved here we went to a festival.").is_empty());
    assert_eq!(values("It took a couple of days, and a couple hours later it ended."), ["P2D", "2010-03-03"]);
    assert_eq!(
        values("Workers earn $28 an hour; prices rose 3% a year, seven days a week."),
        ["PT1H", "P1Y", "P7D", "P1W"]
    );
    assert_eq!(values("He won 3-1 a week ago; sales rose 5% a year earlier."), ["2010-02-24", "2009"]);
    assert_eq!(values("The meeting is set for 10:30 a.m. ET Tuesday."), ["2010-03-09T10:30"]);
}

#[test]
fn years_in_ranges_and_before_nouns() {
    let values = |text: &str| -> Vec<String> { tags(text, Some("2007-06-09")).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("Between 2014 and 2016 it will take six jets."), ["2014", "2016"]);
    assert_eq!(values("Output fell in the 2009-2011 period."), ["2009", "2011"]);
    assert_eq!(values("The sentence stems from a 1999 incident and his 2005 rampage."), ["1999", "2005"]);
    assert!(values("He said 2000 workers and some 1990 others were paid.").is_empty());
}

#[test]
fn days_near_the_dct_keep_its_year_whatever_the_tense() {
    let dct = "2013-03-20";
    // A date days before the document in a future clause is this year's, not next year's.
    let values = |text: &str| -> Vec<String> { tags(text, Some(dct)).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("Obama will travel to Israel a week after the vote on March 12."), ["P1W", "2013-03-12"]);
    assert_eq!(values("The plant was set for April 5."), ["2013-04-05"]);
    // Further away, the tense decides.
    assert_eq!(values("The plant was opened on May 5."), ["2012-05-05"]);
    assert_eq!(values("The plant will open on February 5."), ["2014-02-05"]);
}

#[test]
fn weekdays_counted_from_the_last_date_named() {
    let values = |text: &str| -> Vec<String> { tags(text, Some("2013-03-20")).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("He was arrested on March 3 and charged the following Monday."), ["2013-03-03", "2013-03-04"]);
    assert_eq!(
        values("The deal closed on March 12; the previous Friday, talks had failed."),
        ["2013-03-12", "2013-03-08"]
    );
    assert_eq!(tags("He was charged the following Monday.", Some("2013-03-20"))[0].0, "the following Monday");
}

#[test]
fn by_a_day_is_to_come_unless_the_clause_is_past() {
    let values = |text: &str| -> Vec<String> { tags(text, Some("2013-03-20")).into_iter().map(|t| t.2).collect() };
    assert_eq!(values("Ford is cutting 500 jobs by Friday."), ["2013-03-22"]);
    assert_eq!(values("GM is seeking to cut 31,500 jobs by Friday."), ["2013-03-22"]);
    assert_eq!(values("By Saturday, 6,000 sites had been infected."), ["2013-03-16"]);
    assert_eq!(values("The governor stopped by Saturday."), ["2013-03-16"]);
    assert_eq!(values("Markets stayed closed until Friday."), ["2013-03-22"]);
}

#[test]
fn game_clocks_and_names_are_no_times() {
    let found = |text: &str| -> Vec<String> { tags(text, Some("2013-03-20")).into_iter().map(|t| t.0).collect() };
    assert_eq!(found("He scored with 4:48 remaining, at the 2:15 mark, after the 7:30 p.m. tip-off."), ["7:30 p.m."]);
    assert!(found("The bout ended when referee Tony Weeks stepped in, Us Weekly said.").is_empty());
    assert_eq!(found("The 2006 second-overall pick played 10 games, two seconds apart."), ["2006", "two seconds"]);
}

#[test]
fn the_next_day_of_a_story_sets_no_tense() {
    let text = "A vigil was held Monday evening; a protest followed the next night; another on Wednesday night.";
    let values: Vec<String> = tags(text, Some("2013-03-22")).into_iter().map(|t| t.2).collect();
    assert_eq!(values, ["2013-03-18TEV", "2013-03-19TNI", "2013-03-20TNI"]);
}

#[test]
fn anaphora_follow_the_last_period() {
    let values = |text: &str| -> Vec<String> { tags(text, Some("2013-06-12")).into_iter().map(|t| t.2).collect() };
    assert_eq!(
        values("In 2005 he joined the board. The following year he became chairman. That year, sales doubled."),
        ["2005", "2006", "2006"]
    );
    assert_eq!(
        values("He was arrested in March 2009. The following month he was freed. Two years later he died."),
        ["2009-03", "2009-04", "2011"]
    );
    assert_eq!(
        values("The deal closed on Feb. 3, 2009. Sales in that month beat the same month a year ago."),
        ["2009-02-03", "2009-02", "2008-02"]
    );
}

#[test]
fn quarters_are_the_nearest_unless_said_to_be_over() {
    let dct = "2007-02-27";
    // Results due or discussed are of the nearest quarter; a past quarter later in the year is last year's.
    assert_eq!(one("Ford will report fourth-quarter results.", dct), pair("fourth-quarter", "2006-Q4"));
    assert_eq!(one("Our third-quarter results show progress.", "2009-11-03"), pair("third-quarter", "2009-Q3"));
    assert_eq!(one("Sales rose in the third quarter.", dct), pair("the third quarter", "2006-Q3"));
    assert_eq!(one("Production starts in the first quarter.", "2009-11-03"), pair("the first quarter", "2010-Q1"));
    assert_eq!(one("It cut its estimate of fourth-quarter 2006 growth.", dct), pair("fourth-quarter 2006", "2006-Q4"));
    assert_eq!(one("Profit rose in the latest quarter.", dct), pair("the latest quarter", "2006-Q4"));
}

#[test]
fn fiscal_years_and_parts_of_the_day_follow_the_text() {
    let values = |text: &str| -> Vec<(String, String)> {
        tags(text, Some("2007-01-18")).into_iter().map(|(span, _, value)| (span, value)).collect()
    };
    assert_eq!(
        values("Sales doubled at the beginning of the financial year from the same period of the last year."),
        [pair("the beginning of the financial year", "FY2007"), pair("the same period of the last year", "FY2006")]
    );
    assert_eq!(
        values("Shares rose on Tuesday in morning trading and fell in the afternoon."),
        [pair("Tuesday", "2007-01-16"), pair("morning", "2007-01-16TMO"), pair("the afternoon", "2007-01-16TAF")]
    );
    assert!(tags("He works the night shift.", Some("2007-01-18")).is_empty());
    assert_eq!(
        one("She was shot on the night of May 29th.", "2010-06-15"),
        pair("the night of May 29th", "2010-05-29TNI")
    );
    assert!(tags("He was home on the night of the shooting.", Some("2010-06-15")).is_empty());
    assert_eq!(one("He died on Christmas Day.", "2007-01-18"), pair("Christmas Day", "2006-12-25"));
    // Holidays, fixed or moveable, by tense or by their year.
    let dct = "2013-03-22";
    assert_eq!(one("The pope will celebrate Mass at Easter.", dct), pair("Easter", "2013-03-31"));
    assert_eq!(one("Shops were closed on Good Friday 2012.", dct), pair("Good Friday 2012", "2012-04-06"));
    assert_eq!(one("Sales rose after Thanksgiving.", dct), pair("Thanksgiving", "2012-11-22"));
    let text = "He spoke on Easter Sunday, April 8, 2012.";
    assert_eq!(one(text, dct), pair("Easter Sunday, April 8, 2012", "2012-04-08"));
    assert_eq!(one("The law took effect on New Year's Day.", dct), pair("New Year's Day", "2013-01-01"));
    assert_eq!(one("Parades were held on St. Patrick's Day.", dct), pair("St. Patrick's Day", "2013-03-17"));
    assert!(tags("He joined the Easter Rising society and the good fight.", Some(dct)).len() == 1);
    // The period the text is about: the document's, or the one it last named.
    assert_eq!(one("Ford beat predictions earlier in the week.", "2006-01-27"), pair("the week", "2006-W04"));
    assert_eq!(
        values("Sales fell in the fourth quarter of 2005, and profit for the year was flat."),
        [pair("the fourth quarter of 2005", "2005-Q4"), pair("the year", "2005")]
    );
    assert!(tags("It was the year of the iPhone, a Man of the Year.", Some("2007-01-18")).is_empty());
}

#[test]
fn a_weekday_settles_the_year_of_its_date() {
    let dct = "2013-03-22";
    // The future tense would put March 20 next year, but only 2013's falls on a Wednesday.
    let text = "The government said it would announce the budget on Wednesday, March 20.";
    assert_eq!(one(text, dct), pair("Wednesday, March 20", "2013-03-20"));
    assert_eq!(one("The vote will be held on Thursday, March 20.", dct), pair("Thursday, March 20", "2014-03-20"));
}

#[test]
fn parts_of_a_date_are_no_durations() {
    let dct = "2013-03-22";
    assert_eq!(one("The deal was struck in the early hours of Wednesday.", dct), pair("Wednesday", "2013-03-20"));
    assert_eq!(one("Growth slowed in the final months of 2012.", dct), pair("2012", "2012"));
    assert_eq!(one("It came after months of talks.", dct), pair("months", "PXM"));
}

#[test]
fn counts_of_decades_and_halves() {
    let dct = "2013-03-22";
    assert_eq!(one("The plant closed a decade ago.", dct), pair("a decade ago", "2003"));
    assert_eq!(one("The war ended half a century ago.", dct), pair("half a century ago", "1963"));
    assert_eq!(one("The meeting lasted half an hour.", dct), pair("half an hour", "PT30M"));
    assert_eq!(one("They talked for an hour and a half.", dct), pair("an hour and a half", "PT90M"));
    assert!(tags("Half a dozen people came in the first half.", Some(dct)).is_empty());
    // A weekday joined to a shifted one shares its shift.
    let values: Vec<String> =
        tags("The summit is next Thursday and Friday.", Some(dct)).into_iter().map(|t| t.2).collect();
    assert_eq!(values, ["2013-03-28", "2013-03-29"]);
}

#[test]
fn a_present_progressive_states_an_arrangement() {
    let dct = "2013-03-22";
    assert_eq!(one("The company is holding a press conference on Thursday.", dct), pair("Thursday", "2013-03-28"));
    assert_eq!(one("The plant was holding a sale on Thursday.", dct), pair("Thursday", "2013-03-21"));
    assert_eq!(one("He is being questioned over Monday's crash.", dct), pair("Monday", "2013-03-18"));
    // Without a past or future verb, the nearer one.
    let text = "The drop is the largest since June, but an expected report Friday could lift stocks.";
    assert_eq!(tags(text, Some("2008-09-04"))[1], (String::from("Friday"), TimeType::Date, "2008-09-05".into()));
    assert_eq!(one("Apple unveils new iPhone on Tuesday", dct), pair("Tuesday", "2013-03-19"));
}

#[test]
fn without_a_dct_values_stay_underspecified() {
    let found = tags("Yesterday he said talks would resume next week, in December, two years ago.", None);
    let values: Vec<&str> = found.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["PAST_REF", "FUTURE_REF", "XXXX-12", "PAST_REF"]);
}

#[test]
fn bad_input_never_panics() {
    let text = "Ünïcödé 2023-02-30 99/99/9999 32 March 25:99 \u{0}\u{feff} 99999999999999999999 years — '";
    let spans = [Span::new(0, 3), Span::new(1, 2), Span::new(2, 1000), Span::new(5, 5)];
    for dct in [None, Some(Date::MIN), Some(Date::MAX)] {
        for t in tag(text, &spans, dct) {
            assert!(text.get(t.span.start..t.span.end).is_some(), "span on char boundaries");
        }
    }
    assert!(tag("", &[], None).is_empty());
    assert_eq!(estimate_dct("", &[]), None);
    let odd = "In December 9999 and in 1000 and on January 1, 1000, yesterday, last week, two thousand years ago.";
    for dct in [Some(Date::MIN), Some(Date::MAX)] {
        let _ = tag(odd, &[], dct);
    }
    let _ = estimate_dct(odd, &[]);
}

#[test]
fn random_token_soup_never_panics() {
    let vocab = [
        "the",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "-",
        "2023",
        "99",
        "9999",
        "1000",
        "0",
        "31",
        "32",
        "12",
        "/",
        ":",
        "'",
        "’",
        "s",
        "th",
        "of",
        "March",
        "May",
        "December",
        "Monday",
        "week",
        "weeks",
        "year",
        "decade",
        "century",
        "quarter",
        "half",
        "a",
        "and",
        "ago",
        "later",
        "earlier",
        "every",
        "p",
        ".",
        "m",
        "GMT",
        "time",
        "Moscow",
        "will",
        "said",
        "to",
        "end",
        "day",
        "that",
        "past",
        "future",
        "Q",
        "4",
        "spring",
        "fall",
        "night",
        "yesterday",
        "tonight",
        "twenty",
        "five",
        "several",
        "per",
        "twice",
        "ü",
        ",",
        "\n",
        "since",
        "in",
        "12:00",
        "same",
        "period",
        "fiscal",
        "old",
        "Christmas",
        "Eve",
        "-",
        "soon",
        "at",
        "least",
        "or",
        "first",
        "this",
        "2010",
        "11",
        "the",
        "Easter",
        "Good",
        "Friday",
        "'",
        "s",
        "Day",
        "New",
        "Year",
        "half",
        "a",
        "ET",
        "night",
        "of",
        "is",
        "holding",
        ",",
        "March",
        "20",
        "fourth-quarter",
        "for",
        "year",
        "decade",
        "ago",
        "and",
    ];
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..2000 {
        let len = (next() % 12) as usize;
        let words: Vec<&str> = (0..len).map(|_| vocab[(next() % vocab.len() as u64) as usize]).collect();
        let glue = if next() % 2 == 0 { " " } else { "" };
        let text = words.join(glue);
        for dct in [None, Some(Date::MIN), Some(Date::MAX), "2023-03-15".parse().ok()] {
            for t in tag(&text, &[Span::new(0, text.len())], dct) {
                assert!(t.span.start < t.span.end && text.get(t.span.start..t.span.end).is_some(), "{text:?}");
            }
        }
        let _ = estimate_dct(&text, &[]);
    }
}

#[test]
fn estimates_need_evidence() {
    assert_eq!(estimate_dct("Talks went well on Wednesday, officials said.", &[]), None);
    let text = "The ministers met on March 3, 2021. On Friday they signed a deal.";
    let estimate = estimate_dct(text, &[]).expect("an explicit date");
    assert_eq!(estimate.earliest.to_string(), "2021-03-03");
    assert_eq!(estimate.best.map(|d| d.to_string()), Some("2021-03-05".to_string()));
    let future = "The ministers met on March 3, 2021. They will meet again in June 2021.";
    let estimate = estimate_dct(future, &[]).expect("an explicit date");
    assert_eq!(estimate.latest.map(|d| d.to_string()), Some("2021-06-30".to_string()));
    // A day written in full is no writing date unless the text tells of the days around it.
    let history = estimate_dct("The treaty was signed on July 24, 2003.", &[]).expect("an explicit date");
    assert_eq!((history.earliest.to_string(), history.best), ("2003-07-24".to_string(), None));
    let today = "Shares closed up from March 12 2009. Today was a mixed day.";
    assert_eq!(estimate_dct(today, &[]).and_then(|e| e.best).map(|d| d.to_string()), Some("2009-03-12".into()));
    // Beside a recent day written in full, a later yearless month is of the year before.
    let text = "The index rose from March 12 2009, after a crash in September.";
    let estimate = estimate_dct(text, &[]).expect("an explicit date");
    assert_eq!(estimate.earliest.to_string(), "2009-03-12");
}

#[test]
fn a_date_line_dates_the_text() {
    let text = "Cheeks returns as Sixers' fixer\nPosted: May 24, 2005 9:09 AM ET\nKing fired O'Brien on Monday.";
    let estimate = estimate_dct(text, &[]).expect("a date line");
    assert_eq!((estimate.best, estimate.earliest), (Some(Date::constant(2005, 5, 24)), Date::constant(2005, 5, 24)));
    let text = "Tuesday, August 7, 2012\nA fire destroyed the dairy. It will reopen in June 2013.";
    let estimate = estimate_dct(text, &[]).expect("a date line");
    assert_eq!((estimate.best, estimate.latest), (Some(Date::constant(2012, 8, 7)), Some(Date::constant(2013, 6, 30))));
    // A date in a sentence is no date line; nor is one the text reports news after.
    let text = "The treaty was signed on\nJuly 24, 2003.";
    let history = estimate_dct(text, &[Span::new(0, text.len())]).expect("an explicit date");
    assert_eq!(history.best, None);
    let text = "Updated: May 16, 2005\nThe NCAA said on June 8, 2005 that it had found violations.";
    let estimate = estimate_dct(text, &[]).expect("dates");
    assert_eq!((estimate.best, estimate.earliest), (None, Date::constant(2005, 6, 8)));
}

/// `estimate_dct` on `text` split into sentences at ". ".
fn estimate_sentences(text: &str) -> Option<chronicle_time::DateEstimate> {
    let mut sentences = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        sentences.push(Span::new(start, i + 1));
        start = i + 2;
    }
    sentences.push(Span::new(start, text.len()));
    estimate_dct(text, &sentences)
}

#[test]
fn estimates_stay_honest() {
    // A hope bounds nothing; the reported flight does.
    let text = "Boeing had hoped to deliver the plane in 2015. It first flew on March 3, 2009, the company said.";
    let estimate = estimate_sentences(text).expect("an explicit date");
    assert_eq!((estimate.earliest.to_string(), estimate.latest), ("2009-03-03".to_string(), None));
    // "until" ends a past state here: April 2009 need not be still to come.
    let text = "He joined Apple in November 2008, but a judge barred him from working until April 2009.";
    let estimate = estimate_sentences(text).expect("an explicit date");
    assert_eq!((estimate.earliest.to_string(), estimate.latest), ("2008-11-01".to_string(), None));
    // A yearless day soon after the latest dated report is later news.
    let text = "As of January 2008, iTunes held 19 percent of the market, according to figures released April 3.";
    assert_eq!(estimate_sentences(text).map(|e| e.earliest.to_string()), Some("2008-04-03".to_string()));
    // One further on may be of the year before: it bounds nothing.
    let text = "Lehman collapsed in September. Stocks rallied on March 12, 2009.";
    assert_eq!(estimate_sentences(text).map(|e| e.earliest.to_string()), Some("2009-03-12".to_string()));
    // A date that describes a thing is no news of the days around the writing.
    let text = "On Monday the index closed at 743, above its November 20, 2008 low.";
    let estimate = estimate_sentences(text).expect("an explicit date");
    assert_eq!((estimate.earliest.to_string(), estimate.best), ("2008-11-20".to_string(), None));
    // A bare year names a date only after a preposition.
    let text = "Apple released the 2011 version of iLife, which it first sold in 2008.";
    assert_eq!(estimate_sentences(text).map(|e| e.earliest.to_string()), Some("2008-01-01".to_string()));
}
