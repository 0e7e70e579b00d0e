// SPDX-License-Identifier: MIT
#pragma once

#include "context.hpp"
#include "output/format.hpp"

#include <normdoc/registry/registry.hpp>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace CLI {
class App;
class Option;
} // namespace CLI

namespace normdoc::cli {

struct RenderOptions;

// Each subcommand lives in commands/<name>.cpp and registers itself here.
void register_init(CLI::App& app, Context& ctx);
void register_acknowledge(CLI::App& app, Context& ctx);
void register_add(CLI::App& app, Context& ctx);
void register_void(CLI::App& app, Context& ctx);
void register_withdraw(CLI::App& app, Context& ctx);
void register_show(CLI::App& app, Context& ctx);
void register_list(CLI::App& app, Context& ctx);
void register_edit(CLI::App& app, Context& ctx);
void register_log(CLI::App& app, Context& ctx);
void register_publish(CLI::App& app, Context& ctx);
void register_repeal(CLI::App& app, Context& ctx);
void register_amend(CLI::App& app, Context& ctx);
void register_audit(CLI::App& app, Context& ctx);
void register_record(CLI::App& app, Context& ctx);
void register_file(CLI::App& app, Context& ctx);
void register_filing(CLI::App& app, Context& ctx);
void register_due(CLI::App& app, Context& ctx);
void register_report(CLI::App& app, Context& ctx);
void register_check(CLI::App& app, Context& ctx);
void register_review(CLI::App& app, Context& ctx);
void register_evaluate(CLI::App& app, Context& ctx);
void register_cleanup(CLI::App& app, Context& ctx);
void register_basis(CLI::App& app, Context& ctx);
void register_search(CLI::App& app, Context& ctx);
void register_import(CLI::App& app, Context& ctx);
void register_export(CLI::App& app, Context& ctx);
// Completion scripts generated from the whole command tree: register it last.
void register_completion(CLI::App& app, Context& ctx);
// backup and doctor
void register_maintenance(CLI::App& app, Context& ctx);

// What `due` says when no log checkpoint was made within audit.checkpoint_every (and the
// office has a key); nothing otherwise.
std::optional<std::string> checkpoint_reminder(Context& ctx, const util::Date& as_of);

// The value of a string option when it was given on the command line.
std::optional<std::string> given(const CLI::Option* option, const std::string& value);

// Writes `text` to standard output.
void print(const std::string& text);

// One change a command makes: runs `change` in one transaction on the open registry `db` (the
// records and their log events together, as every write must be) and commits it; returns
// what `change` returned. What a command prints after the change is read inside `change`,
// so that it is printed only once the change is committed. An exception leaves the registry
// as it was.
template<typename Change> auto write(store::Database& db, Change&& change)
{
  store::Transaction txn(db);
  if constexpr (std::is_void_v<std::invoke_result_t<Change&, store::Transaction&>>) {
    change(txn);
    txn.commit();
  } else {
    auto result = change(txn);
    txn.commit();
    return result;
  }
}

// The same on the registry the command line names (opened here).
template<typename Change> auto write(Context& ctx, Change&& change)
{
  store::Database db = ctx.open_database();
  return write(db, std::forward<Change>(change));
}

// What a CSV output is for: Excel (a BOM) and people (Chinese headers, the default) or
// scripts (`--header en`, the JSON keys).
struct CsvOptions
{
  bool bom = false;
  std::string header = "zh";
  bool english_header() const { return header == "en"; }
};

// `--bom` and `--header` beside a `--format` that offers csv.
void add_csv_options(CLI::App* command, CsvOptions& target);

// `--output,-o FILE` for a printed form or report (a .docx needs it on a terminal).
void add_output_option(CLI::App* command, std::string& target);

// Writes what a command rendered in `format`: to `output` when given (written beside it and
// renamed when complete, so never half a file; DataError when it cannot be written), else to
// standard output — a Word file only to a pipe or a redirect, never to a terminal (UsageError).
void emit(const std::string& rendered, Format format, const std::string& output);

// Render options for a printed form (an opinion, a catalogue, a report) in `format`: the office
// that signs it (config [office] name) and today's date for its footer.
RenderOptions printed_options(Context& ctx, Format format, util::Date as_of);

// `--format` with the `offered` choices, the first being the default already in `target`.
void add_format_option(CLI::App* command, Format& target, std::initializer_list<Format> offered);

using DocumentChange =
  std::function<registry::Document(const registry::Registry&, store::Transaction&, const audit::Stamp&)>;

// Opens the database, runs `change` in one transaction (the change and its log events commit
// together or not at all) and prints the document it returns in `format` (text or json).
void apply_document_change(Context& ctx, Format format, const DocumentChange& change);

} // namespace normdoc::cli
