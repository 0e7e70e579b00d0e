// SPDX-License-Identifier: MIT
// normdoc-read: the PDF reader normdoc runs for each PDF, so that poppler and tesseract load
// only when a PDF is read (not at every command's start) and a PDF that crashes them ends
// this process, not normdoc.
//
//   normdoc-read pdf FILE [--no-ocr]
//
// Writes each page's text to stdout, pages separated by a form feed, and on stderr a summary
// line "normdoc-read: pages=N ocr_pages=K confidence=C scanned=S". A page without a text
// layer (a scan) is read by OCR (tesseract, chi_sim) unless --no-ocr, which counts it as
// scanned instead. Exit 0, 2 (usage) or 3 (the file cannot be read, with one error line).
#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>
#include <tesseract/baseapi.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>

namespace {

constexpr int k_usage = 2;
constexpr int k_data = 3;
// A page with fewer characters than this has no text layer worth the name (a scan may carry
// a stray page number).
constexpr std::size_t k_min_text_bytes = 16;
constexpr double k_ocr_dpi = 300;

int fail(const std::string& message)
{
  std::cerr << "normdoc-read: error: " << message << '\n';
  return k_data;
}

bool is_cjk_lead(std::string_view text, std::size_t at)
{
  // A UTF-8 lead byte of a three-byte sequence: CJK characters and punctuation.
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xF0U) == 0xE0U;
}

bool ends_cjk(std::string_view text)
{
  return text.size() >= 3 && is_cjk_lead(text, text.size() - 3);
}

// Tesseract separates Chinese characters by spaces; Chinese text has none.
std::string join_cjk(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && ends_cjk(out) && is_cjk_lead(text, i + 1)) {
      continue;
    }
    out += text[i];
  }
  return out;
}

class Ocr
{
public:
  bool ready()
  {
    if (!m_started) {
      m_started = true;
      m_ready = m_api.Init(nullptr, "chi_sim") == 0;
    }
    return m_ready;
  }
  std::string read(const poppler::image& image, int& confidence)
  {
    m_api.SetImage(reinterpret_cast<const unsigned char*>(image.const_data()), image.width(), image.height(), 4,
                   image.bytes_per_row());
    m_api.SetSourceResolution(static_cast<int>(k_ocr_dpi));
    const std::unique_ptr<char[]> text(m_api.GetUTF8Text());
    confidence = m_api.MeanTextConf();
    return text ? join_cjk(text.get()) : std::string();
  }
  ~Ocr() { m_api.End(); }

private:
  tesseract::TessBaseAPI m_api;
  bool m_started = false;
  bool m_ready = false;
};

} // namespace

int main(int argc, char** argv)
{
  const std::string_view usage = "用法: normdoc-read pdf FILE [--no-ocr]";
  if (argc < 3 || argc > 4 || std::string_view(argv[1]) != "pdf" ||
      (argc == 4 && std::string_view(argv[3]) != "--no-ocr")) {
    std::cerr << usage << '\n';
    return k_usage;
  }
  const bool ocr = argc != 4;
  const std::unique_ptr<poppler::document> document(poppler::document::load_from_file(argv[2]));
  if (!document) {
    return fail("不是有效的 PDF 文件（无法打开或已损坏）");
  }
  if (document->is_locked()) {
    return fail("PDF 已加密，需要密码才能读取");
  }
  const int pages = document->pages();
  int ocr_pages = 0;
  int scanned = 0;
  long confidence_sum = 0;
  Ocr reader;
  for (int i = 0; i < pages; ++i) {
    const std::unique_ptr<poppler::page> page(document->create_page(i));
    if (!page) {
      return fail("PDF 第" + std::to_string(i + 1) + "页已损坏");
    }
    const poppler::byte_array bytes =
      page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
    std::string text(bytes.begin(), bytes.end());
    if (text.size() < k_min_text_bytes) {
      if (!ocr) {
        ++scanned;
      } else if (!reader.ready()) {
        return fail("扫描页需要文字识别，但没有找到 tesseract 的中文数据（apt-get install tesseract-ocr-chi-sim）");
      } else {
        poppler::page_renderer renderer;
        const poppler::image image = renderer.render_page(page.get(), k_ocr_dpi, k_ocr_dpi);
        if (!image.is_valid()) {
          return fail("PDF 第" + std::to_string(i + 1) + "页无法渲染为图像");
        }
        int confidence = 0;
        text = reader.read(image, confidence);
        confidence_sum += confidence;
        ++ocr_pages;
      }
    }
    if (i > 0) {
      std::cout << '\f';
    }
    std::cout << text;
  }
  std::cout << std::flush;
  if (!std::cout) {
    return fail("无法写出文字");
  }
  std::cerr << "normdoc-read: pages=" << pages << " ocr_pages=" << ocr_pages
            << " confidence=" << (ocr_pages > 0 ? confidence_sum / ocr_pages : 0) << " scanned=" << scanned << '\n';
  return 0;
}
