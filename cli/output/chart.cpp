// SPDX-License-Identifier: MIT
#include "output/chart.hpp"
#include "output/escape.hpp"

#include <normdoc/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>

namespace normdoc::cli {

namespace {

constexpr double k_width = 640;
constexpr double k_left = 48; // room for the axis labels
constexpr double k_right = 16;
constexpr double k_top = 36; // the title
constexpr double k_plot_height = 160;
constexpr double k_label_line = 13; // a line of a category's name under the plot
constexpr double k_legend_row = 20;

// Colours that stay apart in print and for the common colour blindnesses (Okabe–Ito).
constexpr std::array<const char*, 7> k_colours{"#0072B2", "#E69F00", "#009E73", "#CC79A7",
                                               "#56B4E9", "#D55E00", "#F0E442"};

std::string value_text(double value, bool percent)
{
  return percent ? fmt::format("{:.1f}%", value * 100.0) : fmt::format("{:.0f}", value);
}

// The top of the axis: a multiple of 4 at or above the tallest bar, so the four grid lines
// read as whole counts.
double axis_top(double tallest, bool percent)
{
  if (percent) {
    return 1.0;
  }
  return std::max(4.0, std::ceil(tallest / 4.0) * 4.0);
}

} // namespace

std::string svg_bar_chart(const BarChart& chart)
{
  const std::size_t count = chart.categories.size();
  std::vector<double> totals(count, 0.0);
  std::vector<bool> known(count, false);
  for (const auto& series : chart.series) {
    for (std::size_t i = 0; i < count && i < series.values.size(); ++i) {
      if (!std::isnan(series.values[i])) {
        totals[i] += series.values[i];
        known[i] = true;
      }
    }
  }
  const double top = axis_top(count == 0 ? 0.0 : *std::max_element(totals.begin(), totals.end()), chart.percent);
  const bool legend = chart.legend || chart.series.size() > 1;
  std::size_t label_lines = 1;
  for (const auto& category : chart.categories) {
    label_lines = std::max(label_lines, util::split(category, '\n').size());
  }
  const double axis_labels = k_label_line * static_cast<double>(label_lines) + 11;
  const double plot_bottom = k_top + k_plot_height;
  const double height =
    plot_bottom + axis_labels + (legend ? k_legend_row * static_cast<double>(chart.series.size()) : 0) + 8;
  const double slot = (k_width - k_left - k_right) / static_cast<double>(std::max<std::size_t>(count, 1));
  const double bar = slot * 0.6;

  std::string out = fmt::format(
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:.0f}\" height=\"{1:.0f}\" viewBox=\"0 0 {0:.0f} {1:.0f}\" "
    "role=\"img\" aria-label=\"{2}\" font-size=\"11\">\n"
    "<text x=\"{3:.0f}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\">{2}</text>\n",
    k_width, height, html_text(chart.title), k_width / 2);
  // Grid lines at a quarter, half, three quarters and the top of the axis.
  for (int step = 0; step <= 4; ++step) {
    const double value = top * step / 4.0;
    const double y = plot_bottom - k_plot_height * step / 4.0;
    out += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"{}\"/>"
                       "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       k_left, y, k_width - k_right, y, step == 0 ? "#000" : "#ccc", k_left - 4, y + 4,
                       value_text(value, chart.percent));
  }
  for (std::size_t i = 0; i < count; ++i) {
    const double x = k_left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double y = plot_bottom;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double value = i < chart.series[s].values.size() ? chart.series[s].values[i] : 0.0;
      if (std::isnan(value) || value <= 0) {
        continue;
      }
      const double h = k_plot_height * value / top;
      y -= h;
      out +=
        fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\" fill=\"{}\" stroke=\"#000\" "
                    "stroke-width=\"0.5\"><title>{} {}：{}</title></rect>\n",
                    x, y, bar, h, k_colours[s % k_colours.size()], html_text(chart.categories[i]),
                    html_text(chart.series[s].name), value_text(value, chart.percent));
    }
    // A rate of 0 % is a figure worth reading; a count of 0 is the empty bar itself.
    if (known[i] && (totals[i] > 0 || chart.percent)) {
      out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>\n", x + bar / 2, y - 3,
                         value_text(totals[i], chart.percent));
    }
    out += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"middle\">", x + bar / 2, plot_bottom + 16);
    std::size_t line = 0;
    for (const auto& part : util::split(chart.categories[i], '\n')) {
      out += fmt::format("<tspan x=\"{:.1f}\" dy=\"{}\">{}</tspan>", x + bar / 2, line++ == 0 ? 0.0 : k_label_line,
                         html_text(part));
    }
    out += "</text>\n";
  }
  if (legend) {
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      const double y = plot_bottom + axis_labels + k_legend_row * static_cast<double>(s);
      out +=
        fmt::format("<rect x=\"{:.1f}\" y=\"{:.1f}\" width=\"12\" height=\"12\" fill=\"{}\" stroke=\"#000\" "
                    "stroke-width=\"0.5\"/><text x=\"{:.1f}\" y=\"{:.1f}\">{}</text>\n",
                    k_left, y, k_colours[s % k_colours.size()], k_left + 18, y + 10, html_text(chart.series[s].name));
    }
  }
  return out + "</svg>\n";
}

} // namespace normdoc::cli
