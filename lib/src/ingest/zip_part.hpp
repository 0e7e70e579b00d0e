// SPDX-License-Identifier: MIT
#pragma once

#include <libxml/xmlreader.h>
#include <zip.h>

#include <memory>
#include <string>
#include <string_view>

namespace normdoc::ingest {

// A zip package held in memory (.docx, .ofd) whose XML parts are read as streams of nodes.
// Errors are DataErrors without a file name (the caller adds it) naming `kind`.
class ZipPackage
{
public:
  ZipPackage(std::string_view bytes, std::string_view kind);

  bool has(const std::string& name) const;

  // Walks one XML part: `visit` is called for each node of the part's reader. The part is
  // streamed, never held, and read at most `limit` bytes whatever the archive's directory
  // says (a damaged archive or a zip bomb).
  template<typename Visit> void walk(const std::string& name, Visit&& visit, std::uint64_t limit = k_max_part) const
  {
    Part part = open(name, limit);
    int status = 0;
    while ((status = xmlTextReaderRead(part.reader.get())) == 1) {
      visit(part.reader.get());
    }
    finish(part, name, status);
  }

  static constexpr std::uint64_t k_max_part = 256U << 20U;

  // The state of one part being read, for libxml2's read callback.
  struct Input
  {
    zip_file_t* file = nullptr;
    zip_uint64_t read = 0;
    zip_uint64_t limit = 0;
    bool failed = false;
  };

private:
  struct FreeReader
  {
    void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
  };
  struct Part
  {
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file{nullptr, zip_fclose};
    std::unique_ptr<Input> input;
    std::unique_ptr<xmlTextReader, FreeReader> reader;
  };

  Part open(const std::string& name, std::uint64_t limit) const;
  void finish(const Part& part, const std::string& name, int status) const;

  std::unique_ptr<zip_t, int (*)(zip_t*)> m_archive{nullptr, zip_close};
  std::string m_kind;
};

std::string_view as_view(const xmlChar* text);

} // namespace normdoc::ingest
