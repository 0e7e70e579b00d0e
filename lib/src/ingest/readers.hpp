// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/ingest/extract.hpp>

#include <string>
#include <string_view>

namespace normdoc::ingest {

// One file converted by the normdoc-readers module (readers.cpp): the module and normdoc are
// built together, and the entry point's name carries a version that changes with this struct.
struct Conversion
{
  Format format = Format::html; // html, docx or ofd
  std::string_view bytes;
  std::string text;  // set on success
  std::string error; // a DataError's message (without a file name) or another failure's
  std::string hint;  // a DataError's hint
};

enum class ConversionStatus
{
  ok = 0,
  data_error = 1,
  out_of_memory = 2,
  failed = 3
};

// The module's entry point, looked up by this name.
constexpr const char* k_readers_entry = "normdoc_readers_convert_v1";
using ReadersEntry = int (*)(Conversion*);

} // namespace normdoc::ingest

extern "C" int normdoc_readers_convert_v1(normdoc::ingest::Conversion* conversion);
