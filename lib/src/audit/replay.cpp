// SPDX-License-Identifier: MIT
#include <normdoc/audit/replay.hpp>

#include <normdoc/util/json.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <condition_variable>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <span>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <utility>

namespace normdoc::audit {

namespace {

using Json = nlohmann::json;

// The document columns the log determines, and the text's hash. Fields the log does not
// (yet) carry in every event — drafting unit, index number, subject — are not compared.
constexpr std::array<std::string_view, 15> k_fields{
  "status",   "reg_no",  "doc_no",      "title",     "issuer", "published",     "effective",  "expires",
  "repealed", "amended", "invalidated", "withdrawn", "amends", "superseded_by", "text_sha256"};

constexpr std::string_view k_rows =
  "SELECT d.id, d.status, d.reg_no, d.doc_no, d.title, d.issuer, d.published, d.effective, d.expires, d.repealed,"
  " d.amended, d.invalidated, d.withdrawn, d.amends, d.superseded_by, t.sha256"
  // The covering index holds the hash: the table row would be read through its whole text.
  " FROM document d LEFT JOIN document_text t INDEXED BY document_text_summary ON t.document = d.id ORDER BY d.id";

using Row = std::array<Json, k_fields.size()>;

std::size_t field_index(std::string_view name)
{
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    if (k_fields[i] == name) {
      return i;
    }
  }
  throw std::logic_error("unknown replay field");
}

// The evaluation columns an `evaluate` event records (evaluation.cpp); the renewal it leads
// to is compared through the document row.
constexpr std::array<std::string_view, 6> k_evaluation_fields{"document", "date",   "outcome",
                                                              "reason",   "report", "report_sha256"};

// What the events say so far: document id → its row; evaluation id → its logged columns.
struct State
{
  std::map<std::int64_t, Row> documents;
  std::map<std::int64_t, Json> evaluations;
  // Document → the ids in `evaluations` that are its (a received document's are replaced with it).
  std::map<std::int64_t, std::vector<std::int64_t>> evaluations_of;
  // Documents that came in a bundle: their evaluation rows came with them, without events.
  std::set<std::int64_t> received;
  // When the baseline was taken (empty without one): rows recorded before it have no event.
  std::string baseline_at;
  std::set<std::int64_t> in_baseline;
  // (document, 备案机关) → the filing as the `file` event recorded it, with `outcomes`, one
  // object per filing-result or filing-corrected event, in order.
  std::map<std::pair<std::int64_t, std::string>, Json> filings;
  // Review id → its row as review-start (and review-conclude) logged it.
  std::map<std::int64_t, Json> reviews;
  // (document, checklist) → the reviews not yet superseded: those a new start supersedes, found
  // without walking every review (a registry may hold hundreds of thousands). One, unless a
  // bundle brought several.
  std::map<std::pair<std::int64_t, std::string>, std::vector<std::int64_t>> open_reviews;
  // Document → its procedure steps in the order `record` inserted them, each as logged.
  std::map<std::int64_t, std::vector<Json>> steps;
  // Documents with a step voided that the log cannot place (recorded by events from before
  // `record` named the step's row): `record` skips a voided open review, so their steps are
  // not compared.
  std::set<std::int64_t> steps_voided;
  // Cleanup name → the campaign as cleanup-open and cleanup-close logged it, with the number
  // of documents in it and `decisions`: document id (as text) → the last decision logged.
  std::map<std::string, Json> cleanups;
  // Cleanup name → its documents, when cleanup-open listed them (events written before it
  // did carry only the number).
  std::map<std::string, std::set<std::int64_t>> cleanup_members;
  // Review id → how many items and findings review-start inserted (items: since the payload
  // counts them); (review, item) → the last answer logged; (review, finding number) → its
  // dismissal.
  std::map<std::int64_t, std::pair<Json, Json>> review_counts;
  std::map<std::pair<std::int64_t, std::string>, Json> answers;
  std::map<std::pair<std::int64_t, std::int64_t>, Json> dismissals;
  // Acknowledgement id → the `acknowledge` event that logged it: its id, document and a hash of
  // its time and payload (acknowledge_payload), compared with the row rebuilt the same way.
  struct Acknowledged
  {
    std::int64_t event = 0;
    std::int64_t document = 0;
    std::size_t digest = 0;
  };
  std::unordered_map<std::int64_t, Acknowledged> acknowledgements;

  // Whether rows of `document` may exist without events of this log: it came in a bundle or
  // was there when the baseline was taken.
  bool unlogged_allowed(std::int64_t document) const
  {
    return received.contains(document) || in_baseline.contains(document);
  }
  // The logged filing an outcome event is about; nothing for a filing that came without an
  // event (see unlogged_allowed), which is then not compared.
  Json* filing(const Event& event, const Json& payload)
  {
    const auto found = filings.find({event.document.value_or(0), payload.at("body").get<std::string>()});
    if (found != filings.end()) {
      return &found->second;
    }
    if (unlogged_allowed(event.document.value_or(0))) {
      return nullptr;
    }
    throw std::out_of_range("filing");
  }

  Row& of(const Event& event)
  {
    const auto found = event.document ? documents.find(*event.document) : documents.end();
    if (found == documents.end()) {
      throw std::out_of_range("document");
    }
    return found->second;
  }
  void add_evaluation(std::int64_t id, std::int64_t document, Json logged)
  {
    evaluations[id] = std::move(logged);
    evaluations_of[document].push_back(id);
  }
  static void set(Row& row, std::string_view field, const Json& value) { row.at(field_index(field)) = value; }
  static const Json& get(const Row& row, std::string_view field) { return row.at(field_index(field)); }
};

// A row from an object holding (some of) the fields, e.g. a snapshot in a bundle event.
Row row_from(const Json& object)
{
  Row row;
  for (std::size_t i = 0; i < k_fields.size(); ++i) {
    row.at(i) = object.value(std::string(k_fields[i]), Json());
  }
  return row;
}

// A list of items as the filing table keeps it, one per line.
std::string lines(const Json& items)
{
  std::string out;
  for (const Json& item : items) {
    if (!out.empty()) {
      out += '\n';
    }
    out += item.get<std::string>();
  }
  return out;
}

// The columns of a procedure step the `record` and void events determine, in table order.
constexpr std::array<std::string_view, 14> k_step_fields{
  "step",    "date",   "date_from", "date_to", "received",    "until",  "channel",
  "meeting", "result", "note",      "urgency", "recorded_at", "voided", "void_reason"};

// The columns of a live filing and of its outcomes that the file, filing-result and
// filing-corrected events determine.
constexpr std::array<std::string_view, 3> k_filing{"filed", "materials", "missing"};
constexpr std::array<std::string_view, 5> k_outcome{"kind", "result", "date", "until", "note"};

// The review columns review-start and review-conclude determine; of its items, those an answer
// sets; of its findings, those a dismissal sets.
constexpr std::array<std::string_view, 11> k_review{"document", "checklist", "checklist_version", "checklist_sha256",
                                                    "reviewer", "received",  "started_at",        "concluded",
                                                    "result",   "opinion",   "superseded_by"};
constexpr std::array<std::string_view, 5> k_answer{"answer", "note", "evidence", "answered_by", "answered_at"};
constexpr std::array<std::string_view, 4> k_dismissal{"rule", "dismissed_reason", "dismissed_by", "dismissed_at"};

// What procedure::record does with a step: a legality review with its date concludes the open
// one (the last without a date and not void) — date, result, urgency set, received and note
// kept unless given — else a new row. Events since the payload names the row (`step_id`) say
// which; older ones are placed as record does it.
void record_step(std::vector<Json>& steps, const Json& payload, const std::string& at)
{
  const Json date = payload.value("date", Json());
  const Json id = payload.value("step_id", Json());
  const auto given = [&](const char* key) { return payload.value(key, Json()); };
  if (payload.value("step", "") == "legality-review" && !date.is_null()) {
    // The last one: searched backwards.
    for (std::size_t i = steps.size(); i-- > 0;) {
      Json& open = steps[i];
      // A step recorded before events named their rows is placed as record does it.
      const bool concluded =
        (!id.is_null() && open.at("id") == id) || (open.at("id").is_null() && open.at("step") == "legality-review" &&
                                                   open.at("date").is_null() && open.at("voided").is_null());
      if (concluded) {
        open["id"] = id;
        open["date"] = date;
        open["result"] = given("result");
        open["urgency"] = given("urgency");
        for (const char* kept : {"received", "note"}) {
          if (!given(kept).is_null()) {
            open[kept] = given(kept);
          }
        }
        return;
      }
    }
  }
  steps.push_back(Json{{"step", payload.at("step")},
                       {"date", date},
                       {"date_from", given("from")},
                       {"date_to", given("to")},
                       {"received", given("received")},
                       {"until", given("until")},
                       {"channel", given("channel")},
                       {"meeting", given("meeting")},
                       {"result", given("result")},
                       {"note", given("note")},
                       {"urgency", given("urgency")},
                       {"recorded_at", at},
                       {"voided", Json()},
                       {"void_reason", Json()},
                       {"id", id}});
}

// A step marked void (void-step, outdate-review: payload step = its id). False when the log
// cannot place it: the step was recorded by an event that did not name its row.
bool void_step(std::vector<Json>& steps, const Json& payload)
{
  for (Json& step : steps) {
    if (step.at("id") == payload.at("step")) {
      step["voided"] = payload.at("voided");
      step["void_reason"] = payload.at("reason");
      return true;
    }
  }
  return false;
}

using Effect = std::function<void(State&, const Event&, const Json& payload)>;

// The effect of a kind that changes no compared row: none, and its payload is not parsed.
const Effect no_effect;

// Sets `status` and the day the document ended in `date_field`.
Effect ended(std::string_view status, std::string_view date_field)
{
  return [status, date_field](State& state, const Event& event, const Json& payload) {
    Row& row = state.of(event);
    State::set(row, "status", status);
    State::set(row, date_field, payload.at("date"));
  };
}

// A void-step or outdate-review: the step marked void, or — when the log cannot place it — the
// document's steps no longer compared.
void voided_step(State& state, const Event& event, const Json& payload)
{
  if (!void_step(state.steps[event.document.value_or(0)], payload)) {
    state.steps_voided.insert(event.document.value_or(0));
  }
}

// The parts of a document as a bundle import left them (received_parts). Replacing a document
// deletes its steps, filings and evaluations and inserts the bundle's; its reviews are all in
// the parts, the kept and the added. Events written before they carried the parts leave the
// document's parts uncompared (`received`).
// Drops the entries of `document` from a map keyed by (document, name): a range, not a walk
// over every document's (a bundle of 100,000 documents would make that quadratic).
template<typename Map> void erase_document(Map& map, std::int64_t document)
{
  map.erase(map.lower_bound({document, std::string()}), map.lower_bound({document + 1, std::string()}));
}

void receive(State& state, std::int64_t document, const Json& payload)
{
  erase_document(state.filings, document);
  state.steps.erase(document);
  state.steps_voided.erase(document);
  if (const auto evaluations = state.evaluations_of.find(document); evaluations != state.evaluations_of.end()) {
    for (const std::int64_t id : evaluations->second) {
      state.evaluations.erase(id);
    }
    state.evaluations_of.erase(evaluations);
  }
  if (!payload.contains("parts")) {
    state.received.insert(document);
    return;
  }
  state.received.erase(document);
  const Json& parts = payload.at("parts");
  for (const Json& step : parts.at("steps")) {
    state.steps[document].push_back(step);
  }
  for (const Json& filing : parts.at("filings")) {
    state.filings[{document, filing.at("body").get<std::string>()}] = filing;
  }
  for (const Json& evaluation : parts.at("evaluations")) {
    state.add_evaluation(evaluation.at("id").get<std::int64_t>(), document, evaluation);
  }
  erase_document(state.open_reviews, document);
  for (const Json& review : parts.at("reviews")) {
    const std::int64_t id = review.at("id").get<std::int64_t>();
    state.reviews[id] = review;
    state.review_counts[id] = {review.at("items"), review.at("findings")};
    for (const Json& answer : review.at("answers")) {
      state.answers[{id, answer.at("item").get<std::string>()}] = answer;
    }
    for (const Json& dismissal : review.at("dismissals")) {
      state.dismissals[{id, dismissal.at("number").get<std::int64_t>()}] = dismissal;
    }
    if (review.at("superseded_by").is_null()) {
      state.open_reviews[{document, review.at("checklist").get<std::string>()}].push_back(id);
    }
  }
}

std::size_t acknowledgement_digest(std::string_view at, std::string_view payload)
{
  return std::hash<std::string_view>{}(payload)*31U + std::hash<std::string_view>{}(at);
}

// An `acknowledge` event, kept by the id its payload begins with (as acknowledge_payload writes
// it; another shape is parsed).
void acknowledged(State& state, const Event& event)
{
  static constexpr std::string_view k_prefix = R"({"acknowledgement":)";
  std::int64_t id = 0;
  const std::string_view payload = event.payload;
  const char* end = payload.data() + payload.size();
  const auto [next, error] = payload.starts_with(k_prefix)
                               ? std::from_chars(payload.data() + k_prefix.size(), end, id)
                               : std::from_chars_result{payload.data(), std::errc::invalid_argument};
  if (error != std::errc() || next == end || *next != ',') {
    id = Json::parse(payload).at("acknowledgement").get<std::int64_t>();
  }
  state.acknowledgements[id] =
    State::Acknowledged{event.id, event.document.value(), acknowledgement_digest(event.at, payload)};
}

// Each event kind's effect on the documents, in one place: a kind added to the log gets its
// line here (one without effect on the compared fields says so with no_effect), or replay
// reports it as unknown.
const std::map<std::string_view, Effect>& effects()
{
  static const std::map<std::string_view, Effect> k_effects{
    {"add",
     [](State& state, const Event& event, const Json& payload) {
       Row row;
       State::set(row, "status", "draft");
       for (const char* field : {"title", "issuer", "doc_no", "effective", "expires", "text_sha256"}) {
         State::set(row, field, payload.value(field, Json()));
       }
       state.documents[event.document.value_or(0)] = row;
     }},
    {"publish",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       State::set(row, "status", "published");
       for (const char* field : {"reg_no", "published", "effective", "expires"}) {
         State::set(row, field, payload.at(field));
       }
     }},
    {"amend",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       State::set(row, "status", "amended");
       State::set(row, "amended", payload.at("date"));
       State::set(row, "superseded_by", payload.at("by"));
       const auto replacement = state.documents.find(payload.at("by").get<std::int64_t>());
       if (replacement != state.documents.end()) {
         State::set(replacement->second, "amends", *event.document);
       }
     }},
    {"repeal", ended("repealed", "repealed")},
    {"invalidate", ended("invalidated", "invalidated")},
    {"renew",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       State::set(row, "expires", payload.at("expires").at("to"));
       State::set(row, "reg_no", payload.at("reg_no").at("to"));
     }},
    {"edit",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       for (const char* field : {"title", "issuer", "doc_no", "effective", "expires", "text_sha256"}) {
         if (payload.contains(field)) {
           State::set(row, field, payload.at(field).at("to"));
         }
       }
     }},
    // A review started on a draft puts it under review; deliberation approves a draft or a
    // document under review (review.cpp, procedure.cpp).
    // It also opens a review row, which supersedes the open or concluded earlier reviews of the
    // same document against the same checklist (review.cpp).
    {"review-start",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       if (State::get(row, "status") == "draft") {
         State::set(row, "status", "reviewing");
       }
       const std::int64_t id = payload.at("review").get<std::int64_t>();
       std::vector<std::int64_t>& open =
         state.open_reviews[{*event.document, payload.at("checklist").get<std::string>()}];
       for (const std::int64_t earlier : open) {
         state.reviews.at(earlier)["superseded_by"] = id;
       }
       open.assign(1, id);
       state.reviews[id] = Json{{"document", *event.document},
                                {"checklist", payload.at("checklist")},
                                {"checklist_version", payload.at("version")},
                                {"checklist_sha256", payload.at("sha256")},
                                {"reviewer", event.actor},
                                {"received", payload.at("received")},
                                {"started_at", event.at},
                                {"concluded", Json()},
                                {"result", Json()},
                                {"opinion", Json()},
                                {"superseded_by", Json()}};
       state.review_counts[id] = {payload.value("items", Json()), payload.at("findings")};
     }},
    // It also inserts a step, or concludes the open legality review (procedure.cpp).
    {"record",
     [](State& state, const Event& event, const Json& payload) {
       Row& row = state.of(event);
       const Json& status = State::get(row, "status");
       if (payload.value("step", "") == "deliberation" && (status == "draft" || status == "reviewing")) {
         State::set(row, "status", "approved");
       }
       record_step(state.steps[*event.document], payload, event.at);
     }},
    // A document received in a bundle, or replaced by one: the event holds it as it became,
    // with its steps, filings, evaluations and reviews (received_parts).
    {"bundle-add",
     [](State& state, const Event& event, const Json& payload) {
       state.documents[event.document.value_or(0)] = row_from(payload.at("after"));
       receive(state, event.document.value_or(0), payload);
     }},
    {"bundle-replace",
     [](State& state, const Event& event, const Json& payload) {
       state.of(event) = row_from(payload.at("after"));
       receive(state, event.document.value_or(0), payload);
     }},
    // Every document as it was when the log began to carry everything (record_baseline).
    {"baseline",
     [](State& state, const Event& event, const Json& payload) {
       state.baseline_at = event.at;
       state.documents.clear();
       for (const Json& document : payload.at("documents")) {
         state.documents[document.at("id").get<std::int64_t>()] = row_from(document);
         state.in_baseline.insert(document.at("id").get<std::int64_t>());
       }
     }},
    // Drafting ended without publication: the draft keeps its status, the day is `withdrawn`.
    {"withdraw", [](State& state, const Event& event,
                    const Json& payload) { State::set(state.of(event), "withdrawn", payload.at("date")); }},
    // An evaluation voided puts back what it changed, field by field (lifecycle::void_evaluation).
    {"void-evaluation",
     [](State& state, const Event& /*event*/, const Json& payload) {
       for (const Json& restored : payload.at("restored")) {
         const auto document = state.documents.find(restored.at("document").get<std::int64_t>());
         if (document == state.documents.end()) {
           throw std::out_of_range("document");
         }
         State::set(document->second, restored.at("field").get<std::string>(), restored.at("to"));
       }
     }},
    // A filing voided: its row is kept but no longer compared, and the same body may be filed
    // again (a new row, a new `file` event).
    {"void-filing",
     [](State& state, const Event& event, const Json& payload) {
       state.filings.erase({event.document.value_or(0), payload.at("body").get<std::string>()});
     }},
    {"gate-override", no_effect},
    {"acknowledge", no_effect}, // replayed without parsing: see acknowledged()
    // A procedure step marked void (by hand, or a review outdated by a new text).
    {"void-step", voided_step},
    {"outdate-review", voided_step},
    // Each answer overwrites the item's answer, note and evidence (review.cpp answer).
    {"review-answer",
     [](State& state, const Event& event, const Json& payload) {
       const std::int64_t review = payload.at("review").get<std::int64_t>();
       for (const Json& answer : payload.at("answers")) {
         state.answers[{review, answer.at("item").get<std::string>()}] =
           Json{{"answer", answer.at("answer")},
                {"note", answer.value("note", Json())},
                {"evidence", answer.value("evidence", Json())},
                {"answered_by", event.actor},
                {"answered_at", event.at}};
       }
     }},
    {"review-dismiss",
     [](State& state, const Event& event, const Json& payload) {
       state.dismissals[{payload.at("review").get<std::int64_t>(), payload.at("finding").get<std::int64_t>()}] =
         Json{{"rule", payload.at("rule")},
              {"dismissed_reason", payload.at("reason")},
              {"dismissed_by", event.actor},
              {"dismissed_at", event.at}};
     }},
    {"review-conclude",
     [](State& state, const Event& event, const Json& payload) {
       const auto review = state.reviews.find(payload.at("review").get<std::int64_t>());
       if (review == state.reviews.end()) {
         if (state.unlogged_allowed(event.document.value_or(0))) {
           return; // a review that came in a bundle, concluded here: not compared
         }
         throw std::out_of_range("review");
       }
       review->second["concluded"] = payload.at("date");
       review->second["result"] = payload.at("result");
       review->second["opinion"] = payload.value("opinion", Json());
     }},
    // One filing row per body (filing.cpp), then its outcome rows in order.
    {"file",
     [](State& state, const Event& event, const Json& payload) {
       state.of(event);
       state.filings[{*event.document, payload.at("body").get<std::string>()}] =
         Json{{"filed", payload.at("date")},
              {"materials", lines(payload.at("materials"))},
              {"missing", lines(payload.at("missing"))},
              {"outcomes", Json::array()}};
     }},
    {"filing-result",
     [](State& state, const Event& event, const Json& payload) {
       if (Json* filing = state.filing(event, payload)) {
         filing->at("outcomes")
           .push_back(Json{{"kind", "result"},
                           {"result", payload.at("result")},
                           {"date", payload.at("date")},
                           {"until", payload.value("until", Json())},
                           {"note", payload.value("note", Json())}});
       }
     }},
    {"filing-corrected",
     [](State& state, const Event& event, const Json& payload) {
       if (Json* filing = state.filing(event, payload)) {
         filing->at("outcomes")
           .push_back(Json{{"kind", "corrected"},
                           {"result", Json()},
                           {"date", payload.at("date")},
                           {"until", Json()},
                           {"note", payload.value("note", Json())}});
       }
     }},
    // The evaluation row; its renew, amend or repeal is an event of its own.
    {"evaluate",
     [](State& state, const Event& event, const Json& payload) {
       Json logged = Json::object();
       logged["document"] = *event.document;
       for (std::size_t i = 1; i < k_evaluation_fields.size(); ++i) {
         const std::string name(k_evaluation_fields[i]);
         logged[name] = payload.value(name, Json());
       }
       state.add_evaluation(payload.at("evaluation").get<std::int64_t>(), *event.document, std::move(logged));
     }},
    // A campaign (cleanup.cpp): opened with its documents, decided one by one (a decision may be
    // changed), closed; each repeal or invalidation at the close is an event of its own.
    {"cleanup-open",
     [](State& state, const Event& event, const Json& payload) {
       state.cleanups[payload.at("cleanup").get<std::string>()] =
         Json{{"scope", payload.at("scope")}, {"opened_on", payload.at("date")},
              {"opened_at", event.at},        {"opened_by", event.actor},
              {"closed_on", Json()},          {"closed_at", Json()},
              {"closed_by", Json()},          {"items", payload.at("documents")},
              {"decisions", Json::object()}};
       if (payload.contains("members")) {
         auto& members = state.cleanup_members[payload.at("cleanup").get<std::string>()];
         for (const Json& member : payload.at("members")) {
           members.insert(member.get<std::int64_t>());
         }
       }
     }},
    {"cleanup-decide",
     [](State& state, const Event& event, const Json& payload) {
       const std::string reason = payload.value("reason", "");
       state.cleanups.at(payload.at("cleanup").get<std::string>())
         .at("decisions")[std::to_string(event.document.value())] =
         Json{{"decision", payload.at("decision")},
              {"reason", reason.empty() ? Json() : Json(reason)},
              {"decided_by", event.actor},
              {"decided_at", event.at}};
     }},
    {"cleanup-close",
     [](State& state, const Event& event, const Json& payload) {
       Json& cleanup = state.cleanups.at(payload.at("cleanup").get<std::string>());
       cleanup["closed_on"] = payload.at("date");
       cleanup["closed_at"] = event.at;
       cleanup["closed_by"] = event.actor;
     }},
    {"basis-import", no_effect},
    {"basis-change", no_effect},
    {"bundle-import", no_effect}, // each document is a bundle-add or bundle-replace
  };
  return k_effects;
}

std::string shown(const Json& value)
{
  return value.is_null() ? "（空）" : value.is_string() ? value.get<std::string>() : value.dump();
}

// Column `column` of the current row as the JSON value an event would hold.
Json column_json(const store::Statement& row, int column)
{
  return row.is_null(column) ? Json() : row.is_integer(column) ? Json(row.integer(column)) : Json(row.text(column));
}

// Whether column `column` of the current row equals `logged`, as column_json(row, column) ==
// logged would say, without building a value per field: a registry of 100,000 documents has
// millions of compared fields.
bool column_equals(const store::Statement& row, int column, const Json& logged)
{
  if (row.is_null(column)) {
    return logged.is_null();
  }
  if (row.is_integer(column)) {
    return logged == Json(row.integer(column)); // numbers compare by value, whatever their JSON type
  }
  return logged.is_string() && logged.get_ref<const std::string&>() == row.text_view(column);
}

// One table's rows, keyed by id, against what the events logged (`logged`: id → the values
// of `fields`, the first of which is "document"). `sql` selects id and `fields` in order, and
// may select more after them for `unlogged_ok`, which says whether a row no event accounts for
// may exist; `compared` whether a field is compared for a document. The first row that
// disagrees, was added or was deleted is named as `name(id)` (in Chinese) of `table`.
struct IdTable
{
  std::string_view sql;
  std::span<const std::string_view> fields;
  std::function<std::string(std::int64_t)> name;
  std::string_view table;
  std::function<bool(const store::Statement&, std::int64_t document)> unlogged_ok;
  std::function<bool(std::string_view field, std::int64_t document)> compared;
};

void compare_by_id(store::Database& db, const IdTable& table, std::map<std::int64_t, Json>& logged,
                   ReplayResult& result)
{
  auto rows = db.prepare(table.sql);
  while (rows.step() == store::Step::row) {
    const std::int64_t id = rows.integer(0);
    const std::int64_t document = rows.integer(1);
    const auto found = logged.find(id);
    if (found == logged.end()) {
      if (table.unlogged_ok(rows, document)) {
        continue;
      }
      result.document = document;
      result.problem =
        fmt::format("文件 #{} 的{} 在操作日志中没有记录（在 normdoc 之外写入）", document, table.name(id));
      return;
    }
    for (std::size_t i = 0; i < table.fields.size(); ++i) {
      if (!table.compared(table.fields[i], document)) {
        continue;
      }
      const Json& expected = found->second.at(table.fields[i]);
      if (!column_equals(rows, static_cast<int>(i + 1), expected)) {
        const Json actual = column_json(rows, static_cast<int>(i + 1));
        result.document = document;
        result.problem = fmt::format("文件 #{} 的{} 的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                                     document, table.name(id), table.fields[i], shown(actual), shown(expected));
        return;
      }
    }
    logged.erase(found);
  }
  if (!logged.empty()) {
    const auto& [id, values] = *logged.begin();
    result.document = values.at("document").get<std::int64_t>();
    result.problem =
      fmt::format("操作日志记录的{}（文件 #{}）不在{}中（被删除）", table.name(id), *result.document, table.table);
  }
}

// Whether a row no event accounts for may exist: its document came in a bundle, or it was
// recorded (the time in column `recorded_at`) before the baseline.
std::function<bool(const store::Statement&, std::int64_t)> received_or_before_baseline(const State& state,
                                                                                       int recorded_at)
{
  return [&state, recorded_at](const store::Statement& row, std::int64_t document) {
    return state.received.contains(document) ||
           (!state.baseline_at.empty() && row.text(recorded_at) <= state.baseline_at);
  };
}

bool every_field(std::string_view /*field*/, std::int64_t /*document*/)
{
  return true;
}

// The evaluation rows against the `evaluate` events. A row may lack an event when its document
// came in a bundle or it was recorded before the baseline.
void compare_evaluations(store::Database& db, State& state, ReplayResult& result)
{
  const IdTable table{
    "SELECT id, document, date, outcome, reason, report, report_sha256, recorded_at FROM evaluation ORDER BY id",
    k_evaluation_fields,
    [](std::int64_t id) { return fmt::format("后评估记录 {}", id); },
    "评估表",
    received_or_before_baseline(state, 7),
    every_field};
  compare_by_id(db, table, state.evaluations, result);
}

// The acknowledgement rows against the `acknowledge` events (one per row, since the table
// exists: registry::record_acknowledgement). Each row's payload is rebuilt and its hash
// compared; where it differs, the event is read again and compared field by field (an event of
// an older shape then passes when its values agree).
void compare_acknowledgements(store::Database& db, State& state, ReplayResult& result)
{
  static constexpr std::array<std::string_view, 5> k_acknowledgement{"document", "subject", "date", "reason",
                                                                     "recorded_at"};
  const auto name = [](std::int64_t id) { return fmt::format("确认记录 {}", id); };
  const auto allowed = received_or_before_baseline(state, 5);
  auto rows = db.prepare("SELECT id, document, subject, date, reason, recorded_at FROM acknowledgement ORDER BY id");
  auto logged_event = db.prepare("SELECT at, payload FROM event WHERE id = ?");
  while (rows.step() == store::Step::row) {
    const std::int64_t id = rows.integer(0);
    const std::int64_t document = rows.integer(1);
    const auto found = state.acknowledgements.find(id);
    if (found == state.acknowledgements.end()) {
      if (allowed(rows, document)) {
        continue;
      }
      result.document = document;
      result.problem = fmt::format("文件 #{} 的{} 在操作日志中没有记录（在 normdoc 之外写入）", document, name(id));
      return;
    }
    const State::Acknowledged logged = found->second;
    state.acknowledgements.erase(found);
    if (logged.document == document &&
        logged.digest ==
          acknowledgement_digest(rows.text_view(5),
                                 acknowledge_payload(id, rows.text_view(2), rows.text_view(3), rows.text_view(4)))) {
      continue;
    }
    logged_event.reset();
    logged_event.bind(1, logged.event);
    logged_event.step();
    const Json payload = Json::parse(logged_event.text(1));
    const Json expected{{"document", logged.document},
                        {"subject", payload.at("subject")},
                        {"date", payload.at("date")},
                        {"reason", payload.at("reason")},
                        {"recorded_at", logged_event.text(0)}};
    for (std::size_t i = 0; i < k_acknowledgement.size(); ++i) {
      const Json& wanted = expected.at(k_acknowledgement[i]);
      if (!column_equals(rows, static_cast<int>(i + 1), wanted)) {
        const Json actual = column_json(rows, static_cast<int>(i + 1));
        result.document = document;
        result.problem = fmt::format("文件 #{} 的{} 的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                                     document, name(id), k_acknowledgement[i], shown(actual), shown(wanted));
        return;
      }
    }
  }
  if (!state.acknowledgements.empty()) {
    // The smallest id, as the other tables name theirs.
    const auto first = std::min_element(state.acknowledgements.begin(), state.acknowledgements.end(),
                                        [](const auto& a, const auto& b) { return a.first < b.first; });
    result.document = first->second.document;
    result.problem =
      fmt::format("操作日志记录的{}（文件 #{}）不在确认表中（被删除）", name(first->first), first->second.document);
  }
}

// The review rows against review-start and review-conclude.
void compare_reviews(store::Database& db, State& state, ReplayResult& result)
{
  const IdTable table{
    "SELECT id, document, checklist, checklist_version, checklist_sha256, reviewer, received, started_at, concluded,"
    " result, opinion, superseded_by FROM review ORDER BY id",
    k_review, [](std::int64_t id) { return fmt::format("审查 R{}", id); }, "审查表",
    [&state](const store::Statement& /*row*/, std::int64_t document) { return state.unlogged_allowed(document); },
    // A bundle may mark a review of its document superseded by one it brings.
    [&state](std::string_view field, std::int64_t document) {
      return field != "superseded_by" || !state.received.contains(document);
    }};
  compare_by_id(db, table, state.reviews, result);
}

// The answers to a logged review's items and the dismissals of its findings, against
// review-answer and review-dismiss; their numbers against review-start. What the checklist and
// the screening put in the rows (item texts, finding positions and messages) is not in the
// log. Reviews that came in a bundle have no events here and are not compared.
void compare_review_parts(store::Database& db, State& state, ReplayResult& result)
{
  const auto named = [&](std::int64_t document, const std::string& what) {
    result.document = document;
    result.problem = what;
  };
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> counted; // review → items, findings
  auto items =
    db.prepare("SELECT i.review, r.document, i.item, i.answer, i.note, i.evidence, i.answered_by, i.answered_at"
               " FROM review_item i JOIN review r ON r.id = i.review ORDER BY i.review, i.position");
  while (items.step() == store::Step::row) {
    const std::int64_t review = items.integer(0);
    if (!state.review_counts.contains(review)) {
      continue;
    }
    ++counted[review].first;
    const auto logged = state.answers.find({review, items.text(2)});
    for (std::size_t i = 0; i < k_answer.size(); ++i) {
      const Json expected = logged == state.answers.end() ? Json() : logged->second.at(k_answer[i]);
      if (!column_equals(items, static_cast<int>(i + 3), expected)) {
        const Json actual = column_json(items, static_cast<int>(i + 3));
        return named(
          items.integer(1),
          fmt::format("文件 #{} 的审查 R{} 条目 {} 的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                      items.integer(1), review, items.text(2), k_answer[i], shown(actual), shown(expected)));
      }
    }
    if (logged != state.answers.end()) {
      state.answers.erase(logged);
    }
  }
  // Answers to a review that came in a bundle (answered here) have no compared rows.
  std::erase_if(state.answers,
                [&state](const auto& answer) { return !state.review_counts.contains(answer.first.first); });
  if (!state.answers.empty()) {
    const auto& [key, answer] = *state.answers.begin();
    return named(state.reviews.at(key.first).at("document").get<std::int64_t>(),
                 fmt::format("操作日志记录的审查 R{} 条目 {} 的回答不在审查条目表中（被删除）", key.first, key.second));
  }
  auto findings =
    db.prepare("SELECT f.review, r.document, f.number, f.rule, f.dismissed_reason, f.dismissed_by,"
               " f.dismissed_at FROM review_finding f JOIN review r ON r.id = f.review ORDER BY f.review, f.number");
  while (findings.step() == store::Step::row) {
    const std::int64_t review = findings.integer(0);
    if (!state.review_counts.contains(review)) {
      continue;
    }
    ++counted[review].second;
    const auto logged = state.dismissals.find({review, findings.integer(2)});
    for (std::size_t i = logged == state.dismissals.end() ? 1 : 0; i < k_dismissal.size(); ++i) {
      const Json expected = logged == state.dismissals.end() ? Json() : logged->second.at(k_dismissal[i]);
      if (!column_equals(findings, static_cast<int>(i + 3), expected)) {
        const Json actual = column_json(findings, static_cast<int>(i + 3));
        return named(
          findings.integer(1),
          fmt::format("文件 #{} 的审查 R{} 第{}号发现的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                      findings.integer(1), review, findings.integer(2), k_dismissal[i], shown(actual),
                      shown(expected)));
      }
    }
  }
  for (const auto& [review, logged] : state.review_counts) {
    const auto [item_count, finding_count] = counted[review];
    const std::int64_t document = state.reviews.at(review).at("document").get<std::int64_t>();
    if (logged.first.is_number_integer() && logged.first.get<std::int64_t>() != item_count) {
      return named(document,
                   fmt::format("文件 #{} 的审查 R{} 有{}个条目，操作日志记录的是{}个（表在 normdoc 之外被改动）",
                               document, review, item_count, logged.first.get<std::int64_t>()));
    }
    if (logged.second.get<std::int64_t>() != finding_count) {
      return named(
        document, fmt::format("文件 #{} 的审查 R{} 有{}处自动筛查发现，操作日志记录的是{}处（表在 normdoc 之外被改动）",
                              document, review, finding_count, logged.second.get<std::int64_t>()));
    }
  }
}

// The filing rows and their outcomes against the file, filing-result and filing-corrected
// events.
void compare_filings(store::Database& db, State& state, ReplayResult& result)
{
  // Void filings (and their outcomes) are kept as the record of a mistake; the log's
  // void-filing event says so, and only live filings are compared.
  auto rows = db.prepare("SELECT f.id, f.document, f.body, f.filed, f.materials, f.missing,"
                         " o.kind, o.result, o.date, o.until, o.note"
                         " FROM filing f LEFT JOIN filing_outcome o ON o.filing = f.id WHERE f.voided IS NULL"
                         " ORDER BY f.id, o.id");
  std::int64_t current = 0;
  const Json* logged = nullptr;
  std::size_t outcome = 0;
  const auto disagree = [&](std::int64_t document, const std::string& body, std::string_view what, const Json& actual,
                            const Json& expected) {
    result.document = document;
    result.problem = fmt::format("文件 #{} 向“{}”报送备案的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                                 document, body, what, shown(actual), shown(expected));
  };
  // The outcomes of the filing before: as many as logged.
  const auto finish = [&](std::int64_t document, const std::string& body) {
    if (logged != nullptr && outcome < logged->at("outcomes").size()) {
      disagree(document, body, "备案结果条数", Json(outcome), Json(logged->at("outcomes").size()));
    }
  };
  std::int64_t document = 0;
  std::string body;
  std::set<std::pair<std::int64_t, std::string>> seen;
  while (rows.step() == store::Step::row) {
    if (rows.integer(0) != current) {
      finish(document, body);
      if (!result.ok()) {
        return;
      }
      current = rows.integer(0);
      document = rows.integer(1);
      body = rows.text(2);
      outcome = 0;
      const auto found = state.filings.find({document, body});
      logged = found == state.filings.end() ? nullptr : &found->second;
      if (logged != nullptr) {
        seen.insert(found->first);
      }
      if (logged == nullptr && !state.unlogged_allowed(document)) {
        result.document = document;
        result.problem =
          fmt::format("文件 #{} 向“{}”报送备案的记录在操作日志中没有记录（在 normdoc 之外写入）", document, body);
        return;
      }
      for (std::size_t i = 0; logged != nullptr && i < k_filing.size(); ++i) {
        const Json& expected = logged->at(std::string(k_filing[i]));
        if (!column_equals(rows, static_cast<int>(i + 3), expected)) {
          disagree(document, body, k_filing[i], column_json(rows, static_cast<int>(i + 3)), expected);
          return;
        }
      }
    }
    if (logged == nullptr || rows.is_null(6)) {
      continue;
    }
    const Json& outcomes = logged->at("outcomes");
    if (outcome >= outcomes.size()) {
      disagree(document, body, "备案结果条数", Json(outcome + 1), Json(outcomes.size()));
      return;
    }
    for (std::size_t i = 0; i < k_outcome.size(); ++i) {
      const Json& expected = outcomes.at(outcome).at(k_outcome[i]);
      if (!column_equals(rows, static_cast<int>(i + 6), expected)) {
        disagree(document, body, fmt::format("第{}条备案结果的 {}", outcome + 1, k_outcome[i]),
                 column_json(rows, static_cast<int>(i + 6)), expected);
        return;
      }
    }
    ++outcome;
  }
  finish(document, body);
  if (!result.ok()) {
    return;
  }
  // Every logged filing must still be there.
  for (const auto& [key, filing] : state.filings) {
    if (!seen.contains(key)) {
      result.document = key.first;
      result.problem =
        fmt::format("操作日志记录的向“{}”报送备案（文件 #{}）不在备案表中（被删除）", key.second, key.first);
      return;
    }
  }
}

// The procedure steps of each document, in id order, against its record events in order.
void compare_steps(store::Database& db, State& state, ReplayResult& result)
{
  auto rows = db.prepare("SELECT document, step, date, date_from, date_to, received, until, channel, meeting, result,"
                         " note, urgency, recorded_at, voided, void_reason FROM procedure_step ORDER BY document, id");
  std::int64_t document = 0;
  std::size_t position = 0;
  std::set<std::int64_t> seen;
  const std::vector<Json> none;
  const std::vector<Json>* logged = &none;
  const auto compared = [&](std::int64_t id) {
    return !state.received.contains(id) && !state.steps_voided.contains(id);
  };
  // The steps of the document before: as many as logged.
  const auto finish = [&] {
    if (compared(document) && position < logged->size()) {
      result.document = document;
      result.problem = fmt::format("文件 #{} 的制定程序步骤有{}条，操作日志记录的是{}条（被删除）", document, position,
                                   logged->size());
    }
  };
  while (rows.step() == store::Step::row) {
    if (rows.integer(0) != document) {
      finish();
      if (!result.ok()) {
        return;
      }
      document = rows.integer(0);
      seen.insert(document);
      position = 0;
      const auto found = state.steps.find(document);
      logged = found == state.steps.end() ? &none : &found->second;
    }
    if (!compared(document)) {
      continue;
    }
    if (position >= logged->size()) {
      result.document = document;
      result.problem =
        fmt::format("文件 #{} 的第{}条制定程序步骤在操作日志中没有记录（在 normdoc 之外写入）", document, position + 1);
      return;
    }
    for (std::size_t i = 0; i < k_step_fields.size(); ++i) {
      const Json& expected = logged->at(position).at(k_step_fields[i]);
      if (!column_equals(rows, static_cast<int>(i + 1), expected)) {
        const Json actual = column_json(rows, static_cast<int>(i + 1));
        result.document = document;
        result.problem =
          fmt::format("文件 #{} 的第{}条制定程序步骤的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）",
                      document, position + 1, k_step_fields[i], shown(actual), shown(expected));
        return;
      }
    }
    ++position;
  }
  finish();
  if (!result.ok()) {
    return;
  }
  // Documents whose every step is gone.
  for (const auto& [id, steps] : state.steps) {
    if (compared(id) && !steps.empty()) {
      if (!seen.contains(id)) {
        result.document = id;
        result.problem = fmt::format("文件 #{} 的制定程序步骤有0条，操作日志记录的是{}条（被删除）", id, steps.size());
        return;
      }
    }
  }
}

// The cleanup campaigns and their items against cleanup-open, -decide and -close.
void compare_cleanups(store::Database& db, State& state, ReplayResult& result)
{
  static constexpr std::array<std::string_view, 8> k_cleanup{"scope",     "opened_on", "opened_at", "opened_by",
                                                             "closed_on", "closed_at", "closed_by", "items"};
  static constexpr std::array<std::string_view, 4> k_item{"decision", "reason", "decided_by", "decided_at"};
  auto campaigns =
    db.prepare("SELECT name, scope, opened_on, opened_at, opened_by, closed_on, closed_at, closed_by,"
               " (SELECT count(*) FROM cleanup_item i WHERE i.cleanup = c.id) FROM cleanup c ORDER BY name");
  std::set<std::string> seen;
  while (campaigns.step() == store::Step::row) {
    const std::string name = campaigns.text(0);
    const auto logged = state.cleanups.find(name);
    if (logged == state.cleanups.end()) {
      result.problem = fmt::format("清理“{}”在操作日志中没有记录（在 normdoc 之外写入）", name);
      return;
    }
    seen.insert(name);
    for (std::size_t i = 0; i < k_cleanup.size(); ++i) {
      const Json& expected = logged->second.at(k_cleanup[i]);
      if (!column_equals(campaigns, static_cast<int>(i + 1), expected)) {
        const Json actual = column_json(campaigns, static_cast<int>(i + 1));
        result.problem = fmt::format("清理“{}”的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）", name,
                                     k_cleanup[i], shown(actual), shown(expected));
        return;
      }
    }
  }
  for (const auto& [name, logged] : state.cleanups) {
    if (!seen.contains(name)) {
      result.problem = fmt::format("操作日志记录的清理“{}”不在清理表中（被删除）", name);
      return;
    }
  }
  auto items = db.prepare("SELECT c.name, i.document, i.decision, i.reason, i.decided_by, i.decided_at"
                          " FROM cleanup_item i JOIN cleanup c ON c.id = i.cleanup ORDER BY c.name, i.document");
  while (items.step() == store::Step::row) {
    const std::string name = items.text(0);
    const std::int64_t document = items.integer(1);
    const auto members = state.cleanup_members.find(name);
    // With as many items as logged (compared above), each in the logged list means the same
    // documents.
    if (members != state.cleanup_members.end() && !members->second.contains(document)) {
      result.document = document;
      result.problem = fmt::format("文件 #{} 在清理“{}”中，操作日志记录的清理范围不含此文件（表在 normdoc 之外被改动）",
                                   document, name);
      return;
    }
    const Json& decisions = state.cleanups.at(name).at("decisions");
    const auto decision = decisions.find(std::to_string(document));
    for (std::size_t i = 0; i < k_item.size(); ++i) {
      const Json expected = decision == decisions.end() ? Json() : decision->at(std::string(k_item[i]));
      if (!column_equals(items, static_cast<int>(i + 2), expected)) {
        const Json actual = column_json(items, static_cast<int>(i + 2));
        result.document = document;
        result.problem =
          fmt::format("文件 #{} 在清理“{}”中的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）", document,
                      name, k_item[i], shown(actual), shown(expected));
        return;
      }
    }
  }
}

} // namespace

// Hands events from the thread that reads and hashes the log to a second thread that replays
// them, in batches through a short queue: on two cores `audit verify` then takes the time of the
// slower half, not of both (100,000 documents with 500,000 events: see tests/bench/audit-verify.sh).
class EventPipeline
{
public:
  explicit EventPipeline(std::function<void(const Event&)> consume)
      : m_consume(std::move(consume)), m_worker([this] { work(); })
  {
  }
  EventPipeline(const EventPipeline&) = delete;
  EventPipeline& operator=(const EventPipeline&) = delete;
  EventPipeline(EventPipeline&&) = delete;
  EventPipeline& operator=(EventPipeline&&) = delete;
  // On an exception in the reading thread: the replay is abandoned, the worker still joined.
  ~EventPipeline() { close(); }

  void push(const Event& event)
  {
    // Into a recycled batch, the strings are assigned into the capacity they already have:
    // no allocation per event, and none freed on the other thread (each such free waits for
    // this thread's malloc arena: a third of the replay thread's time went there).
    if (m_filled < m_batch.size()) {
      m_batch[m_filled] = event;
    } else {
      m_batch.push_back(event);
    }
    if (++m_filled == k_batch_size) {
      hand_over();
    }
  }
  // Returns once every pushed event was consumed; rethrows what the consumer threw.
  void finish()
  {
    hand_over();
    close();
    if (m_error) {
      std::rethrow_exception(m_error);
    }
  }

private:
  static constexpr std::size_t k_batch_size = 256;
  static constexpr std::size_t k_batches_queued = 8; // bounds the memory held in between

  void hand_over()
  {
    if (m_filled == 0) {
      return;
    }
    m_batch.resize(m_filled); // shrinks only the last, partial batch
    std::unique_lock lock(m_mutex);
    m_space.wait(lock, [this] { return m_queue.size() < k_batches_queued; });
    m_queue.push_back(std::move(m_batch));
    m_ready.notify_one();
    m_batch.clear();
    if (!m_consumed.empty()) {
      m_batch = std::move(m_consumed.back());
      m_consumed.pop_back();
    }
    m_filled = 0;
  }
  void close()
  {
    {
      const std::lock_guard lock(m_mutex);
      m_closed = true;
    }
    m_ready.notify_one();
    if (m_worker.joinable()) {
      m_worker.join();
    }
  }
  void work()
  {
    for (;;) {
      std::vector<Event> batch;
      {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_queue.empty() || m_closed; });
        if (m_queue.empty()) {
          return;
        }
        batch = std::move(m_queue.front());
        m_queue.pop_front();
        m_space.notify_one();
      }
      if (m_error) {
        continue; // keep draining, so the reading thread never waits for space in vain
      }
      try {
        for (const Event& event : batch) {
          m_consume(event);
        }
      } catch (...) {
        m_error = std::current_exception();
      }
      const std::lock_guard lock(m_mutex);
      m_consumed.push_back(std::move(batch)); // back to the reading thread, to be filled again
    }
  }

  std::function<void(const Event&)> m_consume;
  std::vector<Event> m_batch;
  std::size_t m_filled = 0; // events of m_batch that are this batch's; the rest are last use's
  std::mutex m_mutex;
  std::condition_variable m_ready;
  std::condition_variable m_space;
  std::deque<std::vector<Event>> m_queue;
  std::vector<std::vector<Event>> m_consumed; // at most k_batches_queued + 1
  bool m_closed = false;
  std::exception_ptr m_error; // the worker's alone until it is joined
  std::thread m_worker;       // last: started once every other member exists
};

namespace {

// Parse errors, missing fields and events about documents the log never created.
std::string cannot_replay(const Event& event)
{
  return fmt::format("事件 {}（{}）的内容无法重放：缺少字段或所指文件在日志中不存在", event.id, event.kind);
}

} // namespace

ReplayResult replay(store::Database& db, Verification* chain)
{
  ReplayResult result;
  State state;
  const auto apply = [&](const Event& event) {
    if (!result.ok()) {
      return;
    }
    const auto effect = effects().find(event.kind);
    if (effect == effects().end()) {
      result.event = event.id;
      result.problem = fmt::format("事件 {} 的类型“{}”无法重放（不是本版本 normdoc 记录的事件）", event.id, event.kind);
      return;
    }
    try {
      if (!effect->second) {
        return; // no effect on the compared rows: the payload need not even be parsed
      }
      effect->second(state, event, Json::parse(event.payload));
    } catch (const std::exception&) {
      result.event = event.id;
      result.problem = cannot_replay(event);
    }
  };
  // Half the events of a busy registry are acknowledgements: this thread, which otherwise waits
  // for the replay thread, keeps them itself (state.acknowledgements is this thread's alone).
  ReplayResult unreadable_acknowledgement;
  EventPipeline pipeline(apply);
  const Verification verified = verify(db, [&](const Event& event) {
    if (event.kind != "acknowledge") {
      pipeline.push(event);
      return;
    }
    try {
      acknowledged(state, event);
    } catch (const std::exception&) {
      if (unreadable_acknowledgement.ok()) {
        unreadable_acknowledgement.event = event.id;
        unreadable_acknowledgement.problem = cannot_replay(event);
      }
    }
  });
  pipeline.finish();
  if (chain) {
    *chain = verified;
  }
  if (!unreadable_acknowledgement.ok() && (result.ok() || unreadable_acknowledgement.event < result.event)) {
    result = unreadable_acknowledgement;
  }
  if (!result.ok()) {
    return result;
  }
  auto rows = db.prepare(k_rows);
  auto expected = state.documents.begin();
  while (rows.step() == store::Step::row) {
    ++result.documents;
    const std::int64_t id = rows.integer(0);
    if (expected != state.documents.end() && expected->first < id) {
      result.document = expected->first;
      result.problem = fmt::format("日志记录的文件 #{} 不在文件表中（被删除）", expected->first);
      return result;
    }
    if (expected == state.documents.end() || expected->first != id) {
      result.document = id;
      result.problem = fmt::format("文件 #{} 在操作日志中没有登记记录（在 normdoc 之外写入，或日志被删除）", id);
      return result;
    }
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
      const Json& logged = expected->second.at(i);
      // A flag written as true/false in JSON is 1/0 in the table; every compared field is a
      // string or an id, so values compare as they are.
      if (!column_equals(rows, static_cast<int>(i + 1), logged)) {
        const Json actual = column_json(rows, static_cast<int>(i + 1));
        result.document = id;
        result.problem = fmt::format("文件 #{} 的 {} 为“{}”，操作日志记录的是“{}”（表在 normdoc 之外被改动）", id,
                                     k_fields[i], shown(actual), shown(logged));
        return result;
      }
    }
    ++expected;
  }
  if (expected != state.documents.end()) {
    result.document = expected->first;
    result.problem = fmt::format("日志记录的文件 #{} 不在文件表中（被删除）", expected->first);
    return result;
  }
  compare_evaluations(db, state, result);
  if (result.ok()) {
    compare_filings(db, state, result);
  }
  if (result.ok()) {
    compare_review_parts(db, state, result);
  }
  if (result.ok()) {
    compare_reviews(db, state, result);
  }
  if (result.ok()) {
    compare_cleanups(db, state, result);
  }
  if (result.ok()) {
    compare_steps(db, state, result);
  }
  if (result.ok()) {
    compare_acknowledgements(db, state, result);
  }
  return result;
}

namespace {

// Columns `names` of `row`, from column `first` on, as an object (with `more` in it).
Json columns_object(const store::Statement& row, std::span<const std::string_view> names, int first, Json more)
{
  for (std::size_t i = 0; i < names.size(); ++i) {
    more[std::string(names[i])] = column_json(row, first + static_cast<int>(i));
  }
  return more;
}

bool any_set(const Json& object, std::span<const std::string_view> names)
{
  return std::any_of(names.begin(), names.end(),
                     [&](std::string_view name) { return !object.at(std::string(name)).is_null(); });
}

} // namespace

std::string received_parts(store::Database& db, std::int64_t document)
{
  Json parts{
    {"steps", Json::array()}, {"filings", Json::array()}, {"evaluations", Json::array()}, {"reviews", Json::array()}};
  auto steps = db.prepare(
    fmt::format("SELECT id, {} FROM procedure_step WHERE document = ? ORDER BY id", fmt::join(k_step_fields, ", ")));
  steps.bind(1, document);
  while (steps.step() == store::Step::row) {
    parts["steps"].push_back(columns_object(steps, k_step_fields, 1, Json{{"id", steps.integer(0)}}));
  }
  auto filings =
    db.prepare("SELECT f.id, f.body, f.filed, f.materials, f.missing, o.kind, o.result, o.date, o.until, o.note"
               " FROM filing f LEFT JOIN filing_outcome o ON o.filing = f.id"
               " WHERE f.document = ? AND f.voided IS NULL ORDER BY f.id, o.id");
  filings.bind(1, document);
  std::int64_t filing = 0;
  while (filings.step() == store::Step::row) {
    if (filings.integer(0) != filing) {
      filing = filings.integer(0);
      parts["filings"].push_back(
        columns_object(filings, k_filing, 2, Json{{"body", filings.text(1)}, {"outcomes", Json::array()}}));
    }
    if (!filings.is_null(5)) {
      parts["filings"].back()["outcomes"].push_back(columns_object(filings, k_outcome, 5, Json::object()));
    }
  }
  auto evaluations = db.prepare(
    fmt::format("SELECT id, {} FROM evaluation WHERE document = ? ORDER BY id", fmt::join(k_evaluation_fields, ", ")));
  evaluations.bind(1, document);
  while (evaluations.step() == store::Step::row) {
    parts["evaluations"].push_back(
      columns_object(evaluations, k_evaluation_fields, 1, Json{{"id", evaluations.integer(0)}}));
  }
  auto reviews =
    db.prepare(fmt::format("SELECT id, {} FROM review WHERE document = ? ORDER BY id", fmt::join(k_review, ", ")));
  auto items = db.prepare(
    fmt::format("SELECT item, {} FROM review_item WHERE review = ? ORDER BY position", fmt::join(k_answer, ", ")));
  auto findings = db.prepare(fmt::format("SELECT number, {} FROM review_finding WHERE review = ? ORDER BY number",
                                         fmt::join(k_dismissal, ", ")));
  reviews.bind(1, document);
  while (reviews.step() == store::Step::row) {
    Json review =
      columns_object(reviews, k_review, 1,
                     Json{{"id", reviews.integer(0)}, {"answers", Json::array()}, {"dismissals", Json::array()}});
    std::int64_t item_count = 0;
    items.reset();
    items.bind(1, reviews.integer(0));
    while (items.step() == store::Step::row) {
      ++item_count;
      Json answer = columns_object(items, k_answer, 1, Json{{"item", items.text(0)}});
      if (any_set(answer, k_answer)) {
        review["answers"].push_back(std::move(answer));
      }
    }
    std::int64_t finding_count = 0;
    findings.reset();
    findings.bind(1, reviews.integer(0));
    while (findings.step() == store::Step::row) {
      ++finding_count;
      Json dismissal = columns_object(findings, k_dismissal, 1, Json{{"number", findings.integer(0)}});
      if (any_set(dismissal, std::span(k_dismissal).subspan(1))) {
        review["dismissals"].push_back(std::move(dismissal));
      }
    }
    review["items"] = item_count;
    review["findings"] = finding_count;
    parts["reviews"].push_back(std::move(review));
  }
  return parts.dump();
}

std::string acknowledge_payload(std::int64_t id, std::string_view subject, std::string_view date,
                                std::string_view reason)
{
  util::JsonWriter payload;
  payload.begin_object()
    .member("acknowledgement", id)
    .member("subject", subject)
    .member("date", date)
    .member("reason", reason)
    .end_object();
  return payload.str();
}

bool record_baseline(store::Transaction& txn, const Stamp& stamp)
{
  store::Database& db = txn.database();
  if (!baseline_due(db)) {
    return false;
  }
  util::JsonWriter payload;
  payload.begin_object().key("documents").begin_array();
  auto ids = db.prepare("SELECT id FROM document ORDER BY id");
  while (ids.step() == store::Step::row) {
    payload.raw(document_snapshot(db, ids.integer(0)));
  }
  payload.end_array().end_object();
  append(txn, stamp, std::nullopt, "baseline", payload.str());
  db.exec("DELETE FROM replay_baseline_due");
  return true;
}

bool baseline_due(store::Database& db)
{
  return db.single_integer("SELECT count(*) FROM replay_baseline_due") > 0;
}

} // namespace normdoc::audit
