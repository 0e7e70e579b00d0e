// SPDX-License-Identifier: MIT
#pragma once

#include "output/printed.hpp"
#include "output/render_options.hpp"

#include <normdoc/registry/document.hpp>
#include <normdoc/util/json.hpp>

#include <string>
#include <vector>

// Building blocks shared by the renderers in output/; not for commands.
namespace normdoc::cli {

// Every document field as key/value pairs into an open JSON object.
void write_document_fields(util::JsonWriter& json, const registry::Document& doc, const util::Date& as_of);
void write_document_json(util::JsonWriter& json, const registry::Document& doc, const util::Date& as_of);
// Labelled lines, one per non-empty field.
std::string render_document_text(const registry::Document& doc, const RenderOptions& options);
// A stored UTC time (2026-12-01T09:02:15Z) as people read it: in the local time zone (TZ,
// set from the config's time_zone when the environment has none), 2026-12-01 17:02:15. Text
// that is not such a time is returned as it is.
std::string local_time(std::string_view utc);
// ISO text of a date that may be missing (empty then).
std::string iso(const std::optional<util::Date>& date);
// A printed document as md, html or (otherwise) terminal text, with the footer
// options.printed_on asks for (md, html).
std::string render_printed(Printed printed, const RenderOptions& options);

} // namespace normdoc::cli
