// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace normdoc::basis {

// A law a text relies on: 根据《中华人民共和国旅游法》… → law "旅游法".
struct Citation
{
  std::string law;      // normalised name, the key of the law register
  std::string cited_as; // as written between 《》
};

// The name under which a law is registered: full-width forms folded, spaces removed, the
// 中华人民共和国 prefix and an edition note such as （2018年修正） dropped, so that
// 《中华人民共和国行政处罚法（2021年修订）》 and the catalogue's 行政处罚法 meet.
std::string normalize_law_name(std::string_view name);

// The laws cited as a basis: every 《…》 in the clause after 根据, 依据, 依照 or 按照, up to
// the next ，；。 or line end (so 根据《甲》《乙》等法律 and 根据《甲》、国务院《乙》 give both), once
// each, in order of first appearance.
std::vector<Citation> extract_citations(std::string_view text);

} // namespace normdoc::basis
