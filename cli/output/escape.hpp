// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace normdoc::cli {

// Every value that came from a user or a file (a title, a reason, a bundle's field, a text)
// is escaped for the format it is written in, by the one function of that format below, so
// that it cannot move a terminal's cursor, run as a spreadsheet formula, end an iCalendar
// property or add markup to a rendered Markdown or HTML page.

enum class Newlines
{
  keep,
  escape
};

// Text for a terminal: C0 controls (ESC, CR, TAB…), DEL and bytes that are not UTF-8 shown
// as `\xNN`, C1 controls (U+0080–U+009F, which some terminals obey) as `\uNNNN`. A line
// feed is kept, or shown as `\n` where one line is expected (a table cell).
std::string terminal_text(std::string_view text, Newlines newlines = Newlines::keep);

// One CSV field (RFC 4180: quoted when it holds a comma, quote or line break, quotes
// doubled). A field a spreadsheet would run as a formula — starting with = + - @, tab or CR —
// gets a leading apostrophe (OWASP, "CSV Injection"); a plain number such as -3 stays a number.
std::string csv_field(std::string_view field);

// An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, CR LF,
// CR and LF as `\n`, other controls shown as terminal_text does (the RFC allows none).
std::string ics_text(std::string_view text);

// HTML element content: & < > " ' as entities, a line feed as <br>.
std::string html_text(std::string_view text);

// XML character data or an attribute value (WordprocessingML): & < > " as entities; the
// controls XML 1.0 cannot carry (C0 but tab and line feed, U+FFFE, U+FFFF) left out and bytes
// that are not UTF-8 written as U+FFFD, so any title still makes a well-formed part. Tab and
// line feed are the caller's (a run turns them into <w:tab/> and <w:br/>).
std::string xml_text(std::string_view text);

// Markdown inline text (CommonMark): the HTML specials & < > as entities, so no tag or
// autolink reaches the rendered page, and \ ` * _ [ ] | backslash-escaped, so no link, image,
// emphasis, code span or table cell boundary comes from the value. Line feeds are the
// caller's (a paragraph keeps them, a table cell cannot).
std::string markdown_text(std::string_view text);

} // namespace normdoc::cli
