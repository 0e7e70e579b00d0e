// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace normdoc::cli {

// A bar chart drawn as inline SVG: no script, nothing loaded, prints as it shows. Each
// category is one bar, its series stacked; the total stands above the bar, so the chart reads
// on a black-and-white printer too.
struct BarChart
{
  struct Series
  {
    std::string name;
    std::vector<double> values; // one per category; NaN where there is no figure (no bar, no label)
  };
  std::string title;
  std::vector<std::string> categories; // a '\n' breaks a long name under its bar

  std::vector<Series> series;
  bool percent = false; // values are rates 0–1, the axis runs to 100 %
  bool legend = false;  // name the series under the chart (always when there are several)
};

std::string svg_bar_chart(const BarChart& chart);

} // namespace normdoc::cli
