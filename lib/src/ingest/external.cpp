// SPDX-License-Identifier: MIT
#include "ingest/external.hpp"

#include "ingest/layout.hpp"
#include "ingest/readers.hpp"

#include <normdoc/error.hpp>
#include <normdoc/util/file.hpp>
#include <normdoc/util/process.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <dlfcn.h>
#include <new>
#include <unistd.h>

namespace normdoc::ingest {

namespace {

namespace fs = std::filesystem;

// A document's text is a few megabytes; the helper's output beyond this is not a document.
constexpr std::size_t k_max_output = std::size_t{256} << 20U;

// A helper built and installed with normdoc: the environment's choice, the one beside the
// running program (a build tree), or the one in normdoc's libexec directory.
fs::path helper_path(const char* variable, const char* name, int access_mode)
{
  if (const char* set = std::getenv(variable); set && *set) {
    return set;
  }
  if (const auto dir = util::own_directory()) {
    if (::access((*dir / name).c_str(), access_mode) == 0) {
      return *dir / name;
    }
  }
  return fs::path(NORMDOC_LIBEXECDIR) / name;
}

// The readers module's entry point: linked into this program (the unit tests and fuzz targets
// export it), or loaded once from normdoc-readers.so, found as the PDF helper is. The module
// stays loaded until the process ends.
ReadersEntry readers_entry()
{
  if (void* linked = ::dlsym(RTLD_DEFAULT, k_readers_entry)) {
    return reinterpret_cast<ReadersEntry>(linked);
  }
  const fs::path module = helper_path("NORMDOC_READERS", "normdoc-readers.so", R_OK);
  void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* why = ::dlerror();
    throw DataError(
      fmt::format("无法加载读取 HTML、.docx、OFD 文件的模块 {}（{}）", module.string(), why ? why : "未知原因"), {},
      "重新安装 normdoc，或用 NORMDOC_READERS 指明模块的位置");
  }
  void* entry = ::dlsym(handle, k_readers_entry);
  if (!entry) {
    throw DataError(fmt::format("模块 {} 与本程序的版本不符（没有 {}）", module.string(), k_readers_entry), {},
                    "重新安装 normdoc");
  }
  return reinterpret_cast<ReadersEntry>(entry);
}

// "pages=3 ocr_pages=1 confidence=87 scanned=0": the helper's summary line on stderr.
int summary_field(std::string_view err, std::string_view key)
{
  const std::string needle = fmt::format(" {}=", key);
  const std::size_t at = err.rfind(needle);
  return at == std::string_view::npos ? -1 : std::atoi(std::string(err.substr(at + needle.size(), 12)).c_str());
}

// The helper's own error line, without its "normdoc-read: error: " prefix.
std::string helper_error(const std::string& err)
{
  constexpr std::string_view k_prefix = "normdoc-read: error: ";
  const std::size_t at = err.find(k_prefix);
  if (at == std::string::npos) {
    return std::string(util::trim(err.substr(0, 200)));
  }
  const std::size_t end = err.find('\n', at);
  return err.substr(at + k_prefix.size(), end == std::string::npos ? std::string::npos : end - at - k_prefix.size());
}

// A temporary folder, removed with everything in it when the holder goes.
class TemporaryFolder
{
public:
  TemporaryFolder()
  {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = fmt::format("{}/normdoc-XXXXXX", base && *base ? base : "/tmp");
    if (!mkdtemp(pattern.data())) {
      throw DataError(fmt::format("无法创建临时目录 {}", pattern));
    }
    m_path = pattern;
  }
  TemporaryFolder(const TemporaryFolder&) = delete;
  TemporaryFolder& operator=(const TemporaryFolder&) = delete;
  ~TemporaryFolder()
  {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }

private:
  fs::path m_path;
};

} // namespace

Extracted read_pdf(const fs::path& path, const ExtractOptions& options)
{
  std::vector<std::string> argv{helper_path("NORMDOC_READER", "normdoc-read", X_OK).string(), "pdf", path.string()};
  if (!options.ocr) {
    argv.emplace_back("--no-ocr");
  }
  if (::access(argv[0].c_str(), X_OK) != 0) {
    throw DataError(fmt::format("找不到读取 PDF 的辅助程序 {}", argv[0]));
  }
  // OCR takes seconds a page: a long scanned document gets minutes.
  const util::ProcessResult run = util::run_process(argv, "PDF 读取程序", std::chrono::seconds(1800), k_max_output);
  if (run.exit_code != 0) {
    throw DataError(run.exit_code == 3
                      ? helper_error(run.err)
                      : fmt::format("读取 PDF 失败（辅助程序退出码 {}）：{}", run.exit_code, helper_error(run.err)));
  }
  Extracted extracted;
  extracted.format = Format::pdf;
  extracted.pages = summary_field(run.err, "pages");
  extracted.ocr_pages = std::max(0, summary_field(run.err, "ocr_pages"));
  if (const int scanned = summary_field(run.err, "scanned"); scanned > 0) {
    throw DataError(fmt::format("有{}页是扫描图像（没有文字层），按要求未做文字识别", scanned), {},
                    Hint(fmt::format("去掉 {} 以文字识别（OCR）读取，识别结果须人工核对", k_remedy_mark),
                         {{Action::same, {}, {{"no_ocr", ""}}}}));
  }
  if (extracted.ocr_pages > 0) {
    extracted.ocr_confidence = summary_field(run.err, "confidence");
  }
  extracted.encoding = extracted.ocr_pages > 0 ? "ocr" : "pdf";
  PageLines pages;
  for (const auto& page : util::split(run.out, '\f')) {
    std::vector<std::string> lines;
    for (const auto& line : util::split(page, '\n')) {
      lines.emplace_back(line);
    }
    pages.push_back(std::move(lines));
  }
  extracted.text = text_of_pages(pages);
  return extracted;
}

std::string read_in_module(Format format, std::string_view bytes)
{
  static const ReadersEntry k_entry = readers_entry();
  Conversion conversion;
  conversion.format = format;
  conversion.bytes = bytes;
  switch (static_cast<ConversionStatus>(k_entry(&conversion))) {
  case ConversionStatus::ok:
    return std::move(conversion.text);
  case ConversionStatus::data_error:
    throw DataError(conversion.error, {}, conversion.hint);
  case ConversionStatus::out_of_memory:
    throw std::bad_alloc();
  case ConversionStatus::failed:
    break;
  }
  throw Error(fmt::format("读取模块出错：{}", conversion.error));
}

std::string read_with_libreoffice(const fs::path& path)
{
  const auto soffice = util::find_on_path({"soffice", "libreoffice"});
  if (!soffice) {
    throw DataError("读取 .doc/.wps 文件需要 LibreOffice（apt-get install libreoffice-writer-nogui），本机未安装", {},
                    "安装 LibreOffice，或在 Word/WPS 中另存为 .docx 后再读取");
  }
  // A profile of its own, kept for the process: LibreOffice refuses to start beside a running
  // instance that uses the user's profile, and writing a profile is most of a first start
  // (12 s against 2 s for each next file of a folder).
  static const TemporaryFolder k_profile;
  TemporaryFolder work;
  const std::vector<std::string> argv{soffice->string(),
                                      "--headless",
                                      "--norestore",
                                      "--nolockcheck",
                                      fmt::format("-env:UserInstallation=file://{}", k_profile.path().string()),
                                      "--convert-to",
                                      "txt:Text (encoded):UTF8",
                                      "--outdir",
                                      work.path().string(),
                                      fs::absolute(path).string()};
  const util::ProcessResult run = util::run_process(argv, "LibreOffice 转换", std::chrono::seconds(300), k_max_output);
  const fs::path converted = work.path() / path.filename().replace_extension(".txt");
  std::error_code ec;
  if (run.exit_code != 0 || !fs::is_regular_file(converted, ec)) {
    throw DataError(fmt::format("LibreOffice 无法转换此文件（损坏或不是 Word/WPS 文档）{}",
                                run.err.empty() ? "" : fmt::format("：{}", util::trim(run.err.substr(0, 200)))));
  }
  std::string text = util::read_file(converted, "转换结果");
  // LibreOffice starts its text export with a byte order mark.
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) {
    text.erase(0, 3);
  }
  return text;
}

} // namespace normdoc::ingest
