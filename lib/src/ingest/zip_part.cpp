// SPDX-License-Identifier: MIT
#include "ingest/zip_part.hpp"

#include <normdoc/error.hpp>

#include <fmt/format.h>

namespace normdoc::ingest {

namespace {

int read_part(void* context, char* buffer, int length)
{
  auto& input = *static_cast<ZipPackage::Input*>(context);
  const zip_int64_t got = zip_fread(input.file, buffer, static_cast<zip_uint64_t>(length));
  if (got < 0 || input.read + static_cast<zip_uint64_t>(got) > input.limit) {
    input.failed = true;
    return -1;
  }
  input.read += static_cast<zip_uint64_t>(got);
  return static_cast<int>(got);
}

} // namespace

std::string_view as_view(const xmlChar* text)
{
  return text ? std::string_view(reinterpret_cast<const char*>(text)) : std::string_view();
}

ZipPackage::ZipPackage(std::string_view bytes, std::string_view kind) : m_kind(kind)
{
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
  if (!archive) {
    if (source) {
      zip_source_free(source);
    }
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    throw DataError(fmt::format("不是有效的 {} 文件（{}）", m_kind, why));
  }
  m_archive.reset(archive);
}

bool ZipPackage::has(const std::string& name) const
{
  return zip_name_locate(m_archive.get(), name.c_str(), 0) >= 0;
}

ZipPackage::Part ZipPackage::open(const std::string& name, std::uint64_t limit) const
{
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(m_archive.get(), name.c_str(), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0) {
    throw DataError(fmt::format("{} 中缺少 {}", m_kind, name));
  }
  if (stat.size > limit) {
    throw DataError(fmt::format("{} 的 {} 超过 {} MB，不像是一份文件的内容", m_kind, name, limit >> 20U));
  }
  Part part;
  part.file.reset(zip_fopen(m_archive.get(), name.c_str(), 0));
  if (!part.file) {
    throw DataError(fmt::format("{} 的 {} 已损坏", m_kind, name));
  }
  part.input = std::make_unique<Input>(Input{part.file.get(), 0, stat.size, false});
  // The reader owns no input of its own: the zip part is closed by `part.file`.
  part.reader.reset(xmlReaderForIO(read_part, nullptr, part.input.get(), nullptr, nullptr,
                                   XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE));
  if (!part.reader) {
    throw DataError(fmt::format("{} 的 {} 不是有效的 XML", m_kind, name));
  }
  return part;
}

void ZipPackage::finish(const Part& part, const std::string& name, int status) const
{
  const bool complete = status == 0;
  if (part.input->failed || (complete && part.input->read != part.input->limit)) {
    throw DataError(fmt::format("{} 的 {} 已损坏", m_kind, name));
  }
  if (!complete) {
    throw DataError(fmt::format("{} 的 {} 不是有效的 XML", m_kind, name));
  }
}

} // namespace normdoc::ingest
