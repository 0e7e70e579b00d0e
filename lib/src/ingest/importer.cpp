// SPDX-License-Identifier: MIT
#include <normdoc/ingest/importer.hpp>

#include "toml_source.hpp"

#include <normdoc/error.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/acknowledgement.hpp>
#include <normdoc/registry/doc_no.hpp>
#include <normdoc/registry/meta_file.hpp>
#include <normdoc/search/search.hpp>
#include <normdoc/util/csv.hpp>
#include <normdoc/util/named.hpp>
#include <normdoc/util/sha256.hpp>
#include <normdoc/util/text.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <set>

namespace normdoc::ingest {

namespace {

// Files per transaction: large enough that a big import is not bound by commits, small
// enough that an interruption loses little.
constexpr std::size_t k_batch = 200;

constexpr std::array<util::Named<Status>, 4> k_statuses{{
  {Status::added, "added", "已登记"},
  {Status::would_add, "would-add", "将登记"},
  {Status::duplicate, "duplicate", "重复"},
  {Status::error, "error", "出错"},
}};

const std::vector<std::string> k_override_fields{"title",     "issuer", "doc_no",  "drafting_unit", "published",
                                                 "effective", "reg_no", "subject", "index_no",      "concerns_business",
                                                 "kind"};

void check_field(const std::string& field, const Location& where)
{
  if (std::find(k_override_fields.begin(), k_override_fields.end(), field) == k_override_fields.end()) {
    const auto suggestion = util::closest_match(field, k_override_fields);
    throw DataError(fmt::format("未知的字段“{}”", field), where,
                    suggestion ? fmt::format("是否想写“{}”？", *suggestion)
                               : fmt::format("可用：{}", fmt::join(k_override_fields, " ")));
  }
}

std::map<std::string, Override> overrides_from_csv(std::string_view text, const std::string& source)
{
  const auto rows = util::parse_csv(text, source);
  std::map<std::string, Override> overrides;
  if (rows.empty()) {
    return overrides;
  }
  const util::CsvColumns columns(rows.front(), {"file"}, source);
  for (const auto& name : rows.front().fields) {
    const std::string field(util::trim(name));
    if (field != "file") {
      check_field(field, Location{source, rows.front().line, 0, field});
    }
  }
  for (std::size_t i = 1; i < rows.size(); ++i) {
    Override entry{{}, fmt::format("{}:{}", source, rows[i].line)};
    for (const auto& name : rows.front().fields) {
      const std::string field(util::trim(name));
      const std::string value = columns.get(rows[i], field);
      if (field != "file" && !value.empty()) {
        entry.fields[field] = value;
      }
    }
    overrides[columns.get(rows[i], "file")] = std::move(entry);
  }
  return overrides;
}

std::map<std::string, Override> overrides_from_toml(std::string_view text, const std::string& source)
{
  const toml::table table = parse_toml(text, source);
  std::map<std::string, Override> overrides;
  for (const auto& [file, node] : table) {
    const auto* fields = node.as_table();
    if (!fields) {
      throw DataError("每个文件应为一个表，例如 [\"通知.docx\"]", location_of(node, source, file.str()));
    }
    Override entry{{}, fmt::format("{}:{}", source, node.source().begin.line)};
    for (const auto& [key, value] : *fields) {
      check_field(std::string(key.str()), location_of(value, source, key.str()));
      if (const auto* text_value = value.as_string()) {
        entry.fields[std::string(key.str())] = text_value->get();
      } else if (const auto* date = value.as_date()) {
        entry.fields[std::string(key.str())] =
          fmt::format("{:04}-{:02}-{:02}", date->get().year, date->get().month, date->get().day);
      } else if (const auto* flag = value.as_boolean()) {
        entry.fields[std::string(key.str())] = flag->get() ? "true" : "false";
      } else {
        throw DataError("应为字符串、日期或 true/false", location_of(value, source, key.str()));
      }
    }
    overrides[std::string(file.str())] = std::move(entry);
  }
  return overrides;
}

const Override* override_for(const ImportSettings& settings, const std::filesystem::path& path)
{
  for (const std::string& key : {path.string(), path.filename().string()}) {
    if (const auto found = settings.overrides.find(key); found != settings.overrides.end()) {
      return &found->second;
    }
  }
  return nullptr;
}

std::optional<std::int64_t> registered_text(store::Database& db, const std::string& sha256)
{
  auto stmt = db.prepare("SELECT document FROM document_text WHERE sha256 = ? ORDER BY document LIMIT 1");
  stmt.bind(1, sha256);
  return stmt.step() == store::Step::row ? std::optional(stmt.integer(0)) : std::nullopt;
}

// The issuer of the registered documents whose 文号 has the same agency code ("菏政办发" of
// 菏政办发〔2009〕72号), the most frequent one: a 文号 names its issuer (党政机关公文处理工作条例
// 第九条: 发文字号由发文机关代字、年份、发文顺序号组成), so the registry's own documents
// teach the table; used when the text names no issuer (no signature, no issuer in the title).
std::optional<std::string> issuer_of_agency(store::Database& db, const std::string& doc_no)
{
  std::string agency;
  try {
    agency = registry::DocNo::parse(doc_no).agency;
  } catch (const DataError&) {
    return std::nullopt;
  }
  auto stmt = db.prepare("SELECT issuer FROM document WHERE substr(doc_no, 1, length(?1) + 1) = ?1 || '〔' "
                         "GROUP BY issuer ORDER BY count(*) DESC, issuer LIMIT 1");
  stmt.bind(1, agency);
  return stmt.step() == store::Step::row ? std::optional(stmt.text(0)) : std::nullopt;
}

// What to register for one file: the extracted metadata, corrected by the override.
registry::DocumentMeta plan(const std::filesystem::path& path, const Extracted& extracted, const Metadata& meta,
                            const ImportSettings& settings, const config::Config& config)
{
  std::map<std::string, std::string> fields;
  std::string origin = path.string();
  if (const Override* entry = override_for(settings, path)) {
    fields = entry->fields;
    origin = entry->source;
  }
  const auto value = [&](const std::string& key,
                         const std::optional<Field>& extracted_field) -> std::optional<std::string> {
    if (const auto found = fields.find(key); found != fields.end()) {
      return found->second;
    }
    return extracted_field ? std::optional(extracted_field->value) : std::nullopt;
  };
  const auto date = [&](const std::string& key,
                        const std::optional<Field>& extracted_field) -> std::optional<util::Date> {
    const auto text = value(key, extracted_field);
    if (!text) {
      return std::nullopt;
    }
    try {
      return util::Date::parse(*text);
    } catch (const DataError& e) {
      throw e.located(Location{origin, 0, 0, key});
    }
  };
  registry::DocumentMeta planned;
  registry::NewDocument& doc = planned.document;
  doc.title = value("title", meta.title).value_or("");
  doc.issuer = value("issuer", meta.issuer).value_or(settings.issuer.value_or(config.office_name));
  doc.doc_no = value("doc_no", meta.doc_no);
  doc.drafting_unit = value("drafting_unit", std::nullopt);
  doc.subject = value("subject", std::nullopt);
  doc.index_no = value("index_no", std::nullopt);
  doc.kind = value("kind", std::nullopt).value_or("normative");
  doc.concerns_business = value("concerns_business", std::nullopt) == "true";
  doc.drafted = settings.as_published ? std::nullopt : date("published", meta.date);
  // A text read by OCR says so wherever its source is shown: it is to be checked against the scan.
  doc.text = registry::DocumentText{
    extracted.text, extracted.ocr_pages > 0 ? fmt::format("{}（文字识别{}页，平均置信度 {}）", path.filename().string(),
                                                          extracted.ocr_pages, extracted.ocr_confidence.value_or(0))
                                            : path.filename().string()};
  if (doc.title.empty()) {
    throw DataError("无法确定标题", Location{path.string(), 0, 0, "title"}, "在覆盖文件中给出 title");
  }
  if (doc.issuer.empty()) {
    throw DataError("无法确定制定机关", Location{path.string(), 0, 0, "issuer"},
                    Hint(fmt::format("用 {} 给出，或在覆盖文件中给出 issuer", k_remedy_mark),
                         {{Action::same, {}, {{"issuer", ""}}}}));
  }
  if (settings.as_published) {
    const auto published = date("published", meta.date);
    if (!published) {
      throw DataError("没有找到成文日期，无法登记为已发布", Location{path.string(), 0, 0, "published"},
                      "在覆盖文件中给出 published");
    }
    planned.publication = registry::Publication{*published, date("effective", std::nullopt)};
    planned.publication->reg_no = value("reg_no", std::nullopt);
  }
  apply_stated_terms(planned, stated_terms(meta.validity));
  return planned;
}

FileResult import_one(store::Database& db, store::Transaction* txn, const registry::Registry& registry,
                      const std::filesystem::path& path, const ImportSettings& settings, const config::Config& config,
                      const audit::Stamp& stamp, std::set<std::string>& seen)
{
  FileResult result{path.string()};
  try {
    const Extracted extracted = extract(path, ExtractOptions{settings.ocr, config.max_text_bytes});
    result.format = extracted.format;
    result.encoding = extracted.encoding;
    result.pages = extracted.pages;
    result.ocr_pages = extracted.ocr_pages;
    result.ocr_confidence = extracted.ocr_confidence;
    result.metadata = extract_metadata(extracted.text, path.filename().string(), config.trial_markers);
    if (!result.metadata.issuer && result.metadata.doc_no) {
      if (auto known = issuer_of_agency(db, result.metadata.doc_no->value)) {
        result.metadata.issuers = {*known};
        result.metadata.issuer = Field{std::move(*known), "文号代字（已登记文件）", 0.6};
      }
    }
    const std::string sha256 = util::sha256_hex(extracted.text);
    result.document = registered_text(db, sha256);
    if (result.document || seen.contains(sha256)) {
      result.status = Status::duplicate;
      return result;
    }
    const registry::DocumentMeta planned = plan(path, extracted, result.metadata, settings, config);
    if (!txn) {
      result.status = Status::would_add;
    } else {
      store::Savepoint part(db);
      registry::Document doc = registry.add(*txn, planned.document, stamp);
      if (planned.publication) {
        // 公平竞争审查条例 第十八条 holds for imports too: a business document needs its review.
        procedure::require_publication_gate(*txn, doc, planned.publication->date, settings.override_reason, stamp);
        doc = registry.publish(*txn, doc, *planned.publication, stamp);
        if (settings.as_filed) {
          // History without a flood: offices importing years of documents filed on paper.
          registry::record_acknowledgement(*txn, doc.id, registry::k_ack_filed_before, *doc.published,
                                           "使用 normdoc 之前已报送备案（import --as-filed）", stamp);
        }
      }
      part.release();
      result.status = Status::added;
      result.document = doc.id;
    }
    seen.insert(sha256);
  } catch (const DataError& e) {
    result.status = Status::error;
    result.error = e.located(Location{path.string(), 0, 0, {}}).what();
  }
  return result;
}

} // namespace

std::string_view status_key(Status status)
{
  return util::named(k_statuses, status).key;
}

std::string_view status_label(Status status)
{
  return util::named(k_statuses, status).label;
}

std::map<std::string, Override> parse_overrides(std::string_view text, const std::string& source)
{
  const std::string_view ext = std::string_view(source).substr(std::min(source.size(), source.rfind('.')));
  return ext == ".toml" ? overrides_from_toml(text, source) : overrides_from_csv(text, source);
}

std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& paths)
{
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<fs::path> found;
    for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
         it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && !it->path().filename().string().starts_with('.')) {
        found.push_back(it->path());
      }
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::vector<FileResult> import_files(store::Database& db, const registry::Registry& registry,
                                     const std::vector<std::filesystem::path>& files, const ImportSettings& settings,
                                     const config::Config& config, const audit::Stamp& stamp,
                                     const std::function<void(std::size_t, const FileResult&)>& progress)
{
  std::vector<FileResult> results;
  std::set<std::string> seen;
  for (std::size_t begin = 0; begin < files.size(); begin += k_batch) {
    const std::size_t end = std::min(files.size(), begin + k_batch);
    std::optional<store::Transaction> txn;
    std::optional<search::BulkLoad> bulk;
    if (!settings.dry_run) {
      txn.emplace(db);
      bulk.emplace(*txn, end - begin);
    }
    for (std::size_t i = begin; i < end; ++i) {
      results.push_back(import_one(db, txn ? &*txn : nullptr, registry, files[i], settings, config, stamp, seen));
      if (progress) {
        progress(i + 1, results.back());
      }
    }
    if (txn) {
      // An import only adds documents.
      bulk->finish(false);
      txn->commit();
    }
  }
  return results;
}

} // namespace normdoc::ingest
