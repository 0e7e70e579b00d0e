// SPDX-License-Identifier: MIT
#pragma once

#include <normdoc/util/duration.hpp>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::config {

// The office's settings (normdoc.toml). Every field has a default, so an office can start
// with an empty file.
struct Config
{
  std::optional<std::string> db;        // database path
  std::optional<std::string> user;      // default actor written into the log
  std::optional<std::string> time_zone; // for times shown to people (TZ wins); Asia/Shanghai
  std::chrono::milliseconds busy_timeout{5000};

  std::string office_name;        // default 制定机关 for `add`
  std::string office_code = "ND"; // {code} in the registration-number pattern
  std::string reg_pattern = "{code}-{year}-{seq:03}";

  // Validity defaults are office settings, not national law: no national rule fixes them
  // (regulations.md 7.1); 5 years and 2 for 暂行/试行 is the common local pattern (7.3).
  util::Duration validity_default{5, util::Duration::Unit::years};
  util::Duration validity_trial{2, util::Duration::Unit::years};
  std::vector<std::string> trial_markers{"暂行", "试行"};

  // Evaluate 6 months before validity ends (regulations.md 7.3, local practice).
  util::Duration evaluation_lead{6, util::Duration::Unit::months};
  util::Duration due_within{30, util::Duration::Unit::days};

  // The office's own calendar files, read after (and overriding) the built-in years.
  std::vector<std::string> calendar_files;

  // Public comment: "一般不少于30日" for documents closely related to business (优化营商环境条例
  // 第六十二条), otherwise "不少于7个工作日" (市县法治政府建设示范指标体系 item 24).
  util::Duration comment_business{30, util::Duration::Unit::days};
  util::Duration comment_general{7, util::Duration::Unit::working_days};
  // Legality review "最长不超过15个工作日" (国办发〔2018〕115号 (五)).
  util::Duration legality_review_limit{15, util::Duration::Unit::working_days};
  // "合法性审核时间一般不少于5个工作日" (115号 (五)): shorter needs an urgency reason.
  util::Duration legality_review_minimum{5, util::Duration::Unit::working_days};

  // Filing "自公布之日起30日内" is local practice (regulations.md 6.2, 6.3: 河南 监督法实施办法
  // 第五十一条); some localities count working days, so any unit is accepted.
  util::Duration filing_deadline{30, util::Duration::Unit::days};
  // The supervising body's review: 30 days (河南 监督法实施办法 第五十四条).
  util::Duration filing_review_period{30, util::Duration::Unit::days};
  // 暂缓办理备案登记: supplement within 15 days (法规规章备案审查条例 第九条).
  util::Duration filing_supplement_period{15, util::Duration::Unit::days};
  // Correction after a review opinion: 30 days (法规规章备案审查条例 第二十一条; 河南 第五十六条).
  util::Duration correction_period{30, util::Duration::Unit::days};
  // Bodies every published document is filed with, e.g. the government and the People's
  // Congress standing committee; empty means "at least one filing".
  std::vector<std::string> filing_bodies;
  // The filing package (regulations.md 6.1–6.3).
  std::vector<std::string> filing_materials{"备案报告", "正式文本",       "起草说明",
                                            "制定依据", "合法性审核意见", "公平竞争审查结论"};

  // A post-evaluation that continues a document restarts its validity; some localities also
  // re-register it under a new number (regulations.md 7.3, 山东).
  bool renumber_on_continue = false;
  // When a cited law is revised or repealed, documents resting on it are reviewed "及时"
  // (河南省优化营商环境条例 第五十一条); the period is the office's setting.
  util::Duration basis_review_within{3, util::Duration::Unit::months};

  // The largest text stored in the registry: a normative document is tens of kilobytes, so
  // anything near this is a wrong file; it keeps search and export responsive. `check`
  // streams its input and has no such limit.
  std::uint64_t max_text_bytes = std::uint64_t{100} << 20U;

  // The office's own place names (济源、示范区…): screening reads them as words for "local"
  // beside 本地、本市…, since drafters write "济源市内企业", "在示范区注册".
  std::vector<std::string> jurisdiction_names;

  // The office's Ed25519 key for signing log checkpoints, and the file the checkpoints are
  // appended to: both outside the database (default beside the configuration file).
  std::optional<std::string> audit_key;
  std::optional<std::string> audit_checkpoints;
  // `due` reminds when no checkpoint was made for this long (a default: no rule fixes it).
  util::Duration checkpoint_every{30, util::Duration::Unit::days};

  std::string source; // file it was read from; empty for defaults
};

// Parses TOML `text`; `source` names it in errors. Unknown keys and wrong types throw
// DataError with file:line and the key.
Config parse(std::string_view text, const std::string& source);

// Reads and parses `path`. Throws DataError when it cannot be read.
Config load(const std::filesystem::path& path);

// A commented starter file for `normdoc init`; `user` is written when given (else left as a
// commented example).
std::string starter(std::string_view office_name, std::string_view office_code, std::string_view user = {});

// Formats a registration number (登记编号) from `pattern`: {code}, {year}, {seq} and
// {seq:0N} (zero-padded to N digits). Throws DataError on an unknown placeholder.
std::string format_reg_no(std::string_view pattern, std::string_view code, int year, std::int64_t seq);

} // namespace normdoc::config
