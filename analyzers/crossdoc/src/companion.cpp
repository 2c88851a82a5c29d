// figures.companion: one body's two reports of one year that state one figure differently.
#include <reportls/crossdoc/checks.h>

namespace reportls::crossdoc {

void check_companion(const Context &c, const Other &companion, const FigureIndex &mine, const FigureIndex &theirs,
                     Findings &out) {
  if (c.year != 0 && companion.year != 0 && c.year != companion.year) return;
  for (const NamedFigure &f : mine.all()) {
    // A figure this report itself states twice with two values is its own figures' business.
    if (!mine.unique(f.description, f.family)) continue;
    const NamedFigure *g = theirs.unique(f.description, f.family);
    if (!g) continue;
    const bool same = f.value == g->value;
    out.notes.push_back({f.number, "**同年报告核对**：本报告 " + f.written + "，" + companion.name +
                                       " " + g->written + (same ? "（相符）" : "（不符）") + "\n\n> " +
                                       excerpt(companion.doc, g->sentence, g->number, 120) + "\n\n" + link(companion, g->line)});
    if (same) continue;
    plugin::Diagnostic d;
    d.start = f.number.start;
    d.end = f.number.end;
    d.severity = REPORTLS_SEVERITY_WARNING;
    d.code = "figures.companion";
    d.message = f.written + "与" + companion.name + "不符：" + companion.name + "第" + std::to_string(g->line + 1) + "行为" +
                g->written + "（“" + excerpt(companion.doc, g->sentence, g->number) + "”）。同一单位同一年度的两份报告，同一数字应当一致。";
    out.diagnostics.push_back(std::move(d));
  }
}

}  // namespace reportls::crossdoc
