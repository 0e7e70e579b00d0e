// SPDX-License-Identifier: MIT
#pragma once

// The drafting procedure, its steps and the filings (procedure_view.cpp).

#include "output/render_options.hpp"

#include <normdoc/filing/filing.hpp>
#include <normdoc/procedure/procedure.hpp>
#include <normdoc/registry/document.hpp>

#include <string>
#include <vector>

namespace normdoc::cli {

// A document with its procedure steps, filings and the defects found in them
// (`show --procedure`): labelled sections as text, or the document JSON with a
// `procedure` object.
std::string render_procedure(const registry::Document& document, const std::vector<procedure::Step>& steps,
                             const std::vector<filing::Filing>& filings, const std::vector<procedure::Issue>& issues,
                             const RenderOptions& options);

// One recorded step as a line of text or a JSON object.
std::string render_step(const procedure::Step& step, const RenderOptions& options);

// The filings of one document as a table or a JSON array.
std::string render_filings(const std::vector<filing::Filing>& filings, const RenderOptions& options);

} // namespace normdoc::cli
