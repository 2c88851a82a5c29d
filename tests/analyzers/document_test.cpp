// parse(): lines, chrome, title, headings, sections, enumerations and metadata.
#include "test_util.h"

#include <reportls/report/document.h>

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <string>

using namespace reportls::report;

namespace {
// text must outlive the Document: literals, corpus() texts or named strings.
Document parse_text(std::string_view text) { return parse(text, test::rules()); }
std::vector<uint32_t> lines_of_kind(const Document &d, LineKind k) {
  std::vector<uint32_t> out;
  for (uint32_t i = 0; i < d.lines.size(); ++i)
    if (d.lines[i].kind == k) out.push_back(i + 1);  // 1-based, as in the corpus notes
  return out;
}
}  // namespace

TEST_CASE("split_lines: \\n, \\r\\n, lone \\r, no trailing newline, empty input") {
  CHECK(split_lines("").empty());
  const std::string s = "a\r\nb\rc\n\nd";
  auto lines = split_lines(s);
  REQUIRE(lines.size() == 5);
  CHECK(lines[0].span == Span{0, 1});
  CHECK(lines[1].span == Span{3, 4});
  CHECK(lines[2].span == Span{5, 6});
  CHECK(lines[3].span.empty());
  CHECK(lines[4].span == Span{8, 9});
  CHECK(split_lines("a\n").size() == 1);
  CHECK(split_lines("\n").size() == 1);
  CHECK(split_lines("\r\n\r\n").size() == 2);
}

TEST_CASE("CRLF document parses like its LF twin") {
  const std::string lf = "标题总结报告\n\n一、工作情况\n(一)学习。一是学。\n二是练。\n二、问题\n";
  std::string crlf, cr;
  for (char c : lf) {
    if (c == '\n') {
      crlf += "\r\n";
      cr += '\r';
    } else {
      crlf += c;
      cr += c;
    }
  }
  for (const std::string *text : {&lf, static_cast<const std::string *>(&crlf), static_cast<const std::string *>(&cr)}) {
    const Document d = parse_text(*text);
    REQUIRE(d.lines.size() == 6);
    REQUIRE(d.headings.size() == 3);
    CHECK(d.title.has_value());
    CHECK(d.sections[0].last_line == 4);
    CHECK(d.sections[1].parent == 0);
    CHECK(d.sections[2].parent == -1);
    CHECK(d.enumerations.size() == 2);
    CHECK(d.str(d.sections[1].span) == d.str(Span{d.lines[3].span.start, d.lines[4].span.end}));
  }
}

TEST_CASE("line_of") {
  const std::string s = "ab\r\ncd\n";
  const Document d = parse_text(s);
  CHECK(d.line_of(0) == 0);
  CHECK(d.line_of(2) == 0);  // the \r belongs to line 0
  CHECK(d.line_of(3) == 0);
  CHECK(d.line_of(4) == 1);
  CHECK(d.line_of(100) == 1);
  CHECK(parse_text("").line_of(5) == 0);
}

TEST_CASE("sections nest by level, skipped levels nest under the nearest higher heading") {
  const std::string s =
      "一、甲\n正文\n1.跳过二级\n(一)乙\n(1)丙\n正文\n\n扫一扫在手机打开当前页\n二、丁\n(二)戊\n";
  const Document d = parse_text(s);
  REQUIRE(d.headings.size() == 6);
  CHECK(d.headings[1].level == 3);
  CHECK(d.sections[0].parent == -1);
  CHECK(d.sections[1].parent == 0);   // 1. under 一、
  CHECK(d.sections[2].parent == 0);   // (一) closes the 1. and sits under 一、
  CHECK(d.sections[3].parent == 2);   // (1) under (一)
  CHECK(d.sections[0].last_line == 5);  // blank and chrome lines excluded
  CHECK(d.sections[3].last_line == 5);
  CHECK(d.sections[4].parent == -1);
  CHECK(d.sections[5].parent == 4);
  CHECK(d.sections[5].last_line == 9);
}

TEST_CASE("enumerations need a paragraph start or a clause mark before them") {
  const Document d = parse_text("一是完善机构。二是健全制度;三是加强保障,这一是误报,十一是第十一项。\n");
  REQUIRE(d.enumerations.size() == 4);
  CHECK(d.enumerations[0].value == 1u);
  CHECK(d.enumerations[1].value == 2u);
  CHECK(d.enumerations[2].value == 3u);
  CHECK(d.enumerations[3].value == 11u);
  CHECK(d.str(d.enumerations[3].marker) == "十一是");
  CHECK(parse_text("一方面,二方面,两是,第一是\n").enumerations.empty());
}

TEST_CASE("signature lines are excluded from the last section") {
  const Document d = parse_text("一、甲\n正文。\n\n某某县人民政府\n2024年2月29日\n");
  CHECK(lines_of_kind(d, LineKind::Signature) == std::vector<uint32_t>{4, 5});
  CHECK(d.sections[0].last_line == 1);
  const Document undated = parse_text("一、甲\n正文。\n某某县人民政府\n");
  CHECK(lines_of_kind(undated, LineKind::Signature).empty());
  CHECK(undated.sections[0].last_line == 2);
  CHECK(parse_text("一、甲\n二〇二四年二月二十九日\n").lines[1].kind == LineKind::Signature);
}

TEST_CASE("front matter: unpunctuated lines before the first heading that are not the title") {
  // A covering letter (函) around a report, as published pages carry it.
  const std::string text =
      "首页 > 信息公开 > 年度报告\n"        // 1 site navigation
      "浙卫〔2024〕3号\n"                    // 2 文号
      "某省卫生健康委\n"                     // 3 issuer, directly above the title: part of it
      "某省卫生健康委关于2023年度法治政府建设情况的报告\n"  // 4 title
      "发布日期:2024-03-08 来源:办公室\n"    // 5 publish info (colons are no clause marks)
      "省政府:\n"                            // 6 salutation
      "现将我委2023年度法治政府建设情况报告如下。\n"  // 7 preface: prose
      "一、主要举措和成效\n"                 // 8 first heading
      "本年新制作数量\n";                    // 9 after the first heading: left to the checks
  const Document d = parse_text(text);
  CHECK(lines_of_kind(d, LineKind::Title) == std::vector<uint32_t>{3, 4});
  CHECK(d.str(d.title->text) == "某省卫生健康委关于2023年度法治政府建设情况的报告");
  CHECK(lines_of_kind(d, LineKind::Body) == std::vector<uint32_t>{7, 9});
  for (uint32_t line : {2u, 6u}) {
    CAPTURE(line);
    CHECK(d.lines[line - 1].kind == LineKind::Front);
  }
  // Navigation and publish info are chrome or front matter; neither is prose.
  CHECK_FALSE(is_prose(d.lines[0].kind));
  CHECK_FALSE(is_prose(d.lines[4].kind));
}

TEST_CASE("a Markdown report's first # heading is its title when it reads as one") {
  const std::string text = "# 某县2023年度法治政府建设情况报告\n\n2023年，某县推进法治政府建设。\n\n## 主要举措和成效\n";
  const Document d = parse_text(text);
  REQUIRE(d.title);
  CHECK(d.str(d.title->text) == "某县2023年度法治政府建设情况报告");
  REQUIRE(d.headings.size() == 1);
  CHECK(d.str(d.headings[0].text) == "主要举措和成效");
  // A first heading that is no title stays a heading.
  const Document notes = parse_text(std::string_view("# 工作要点\n正文。\n"));
  CHECK_FALSE(notes.title);
  CHECK(notes.headings.size() == 1);
}

TEST_CASE("news about a report is no title; a page's metadata title is") {
  // A headline: an event about the report, with the report's name at its end.
  CHECK_FALSE(parse_text(std::string_view("某州人大常委会审议某州政府2020年法治政府建设工作情况报告\n正文。\n")).title);
  CHECK_FALSE(parse_text(std::string_view("省政府党组召开会议审议2019年度法治政府建设情况报告\n正文。\n")).title);
  // The title only in the page's metadata list, its keys spaced or after a list bullet.
  const std::string page = "- 索 引 号: 1137/2025-00638\n- 标题: 某市生态环境局2024年度法治政府建设报告\n- 发文字号:\n"
                           "2024年，市生态环境局推进法治政府建设。\n一、主要举措和成效\n";
  const Document d = parse_text(page);
  CHECK(d.lines[0].kind == LineKind::Debris);
  CHECK(d.lines[1].kind == LineKind::Debris);
  REQUIRE(d.title);
  CHECK(d.str(d.title->text) == "某市生态环境局2024年度法治政府建设报告");
  REQUIRE(d.meta("索引号"));
  CHECK(*d.meta("索引号") == "1137/2025-00638");
}

TEST_CASE("corpus: title per report") {
  const std::map<std::string, std::pair<std::string, std::vector<uint32_t>>> expected = {
      {"cangxi-rural-revitalization-bureau-2023", {"", {}}},
      {"wuding-county-office-2022", {"", {}}},
      {"xiushan-county-2023", {"秀山土家族苗族自治县2023年度法治政府建设情况报告", {11, 13, 15}}},
      {"yuncheng-district-2022", {"", {}}},
      {"zhaotong-city-2020", {"昭通市人民政府2020年度法治政府建设工作报告", {3}}},
  };
  for (const auto &[name, want] : expected) {
    CAPTURE(name);
    const std::string text = test::corpus(name);
    const Document d = parse_text(text);
    CHECK(d.title.has_value() == !want.first.empty());
    if (d.title) CHECK(std::string(d.str(d.title->text)) == want.first);
    CHECK(lines_of_kind(d, LineKind::Title) == want.second);
  }
  const Document x = parse_text(test::corpus("xiushan-county-2023"));
  REQUIRE(x.title);
  CHECK(x.title->first_line == 10);
  CHECK(x.title->last_line == 14);
  CHECK(std::string(x.str(x.title->span)).ends_with("关于2023年法治政府建设情况的报告"));
  // The preface is body, not title.
  CHECK(x.lines[16].kind == LineKind::Body);
  CHECK(parse_text(test::corpus("wuding-county-office-2022")).lines[0].kind == LineKind::Body);
}

TEST_CASE("corpus: page chrome is debris, and nothing else is") {
  const std::map<std::string, std::vector<uint32_t>> expected = {
      {"cangxi-rural-revitalization-bureau-2023", {}},
      {"wuding-county-office-2022", {18, 19}},
      {"xiushan-county-2023", {1, 2, 4, 6, 7, 8, 9, 80}},
      {"yuncheng-district-2022", {}},
      {"zhaotong-city-2020", {1, 5, 56}},
  };
  for (const auto &[name, want] : expected) {
    CAPTURE(name);
    const Document d = parse_text(test::corpus(name));
    CHECK(lines_of_kind(d, LineKind::Debris) == want);
  }
  const Document x = parse_text(test::corpus("xiushan-county-2023"));
  for (uint32_t l : {73u, 75u, 77u}) {  // EN SPACE only
    CAPTURE(l);
    CHECK(x.lines[l - 1].kind == LineKind::Blank);
  }
  const Document z = parse_text(test::corpus("zhaotong-city-2020"));
  CHECK(z.lines[48].kind == LineKind::Blank);  // NBSP only
  CHECK(lines_of_kind(z, LineKind::Signature) == std::vector<uint32_t>{53});
  const Document c = parse_text(test::corpus("cangxi-rural-revitalization-bureau-2023"));
  CHECK(lines_of_kind(c, LineKind::Signature) == std::vector<uint32_t>{19, 20});
}

TEST_CASE("debris rules on hand-written chrome lines") {
  for (const char *line :
       {"您当前的位置: 首页>政务公开", "[ 索引号 ] 115002/2024-00016", "【 成文日期 】2024-02-29",
        "发布日期:2021-02-03 访问量:", "发布日期：2021-02-03", "扫一扫在手机打开当前页", "上一条:某报告",
        "下一条:某报告 |", "字号:【大 中 小】", "【打印】", "[关闭]", "打印", "关闭", "□ □ □",
        "\u00A0□\u2002", "中国政府网 | 重庆市人民政府网 | 智能机器人", "部门街镇 登录注册 网站支持IPv6"}) {
    CAPTURE(line);
    const Document d = parse_text(line);
    REQUIRE(d.lines.size() == 1);
    CHECK(d.lines[0].kind == LineKind::Debris);
  }
  for (const char *line : {"关闭违规企业3家。", "发布日期后三十日内完成备案。", "甲 | 乙,丙。", "打印机采购", "|"}) {
    CAPTURE(line);
    CHECK(parse_text(line).lines[0].kind != LineKind::Debris);
  }
}

TEST_CASE("corpus: metadata from chrome lines") {
  const Document x = parse_text(test::corpus("xiushan-county-2023"));
  CHECK(x.meta("成文日期") == "2024-02-29");
  CHECK(x.meta("发布日期") == "2024-02-29");
  CHECK(x.meta("发布机构") == "秀山县人民政府");
  CHECK(x.meta("发文字号") == "");
  CHECK(x.meta("索引号") == "11500241358692734W/2024-00016");
  const Document z = parse_text(test::corpus("zhaotong-city-2020"));
  CHECK(z.meta("发布日期") == "2021-02-03");
  CHECK(z.meta("访问量") == "");
  CHECK(z.meta("信息来源") == "昭通市司法局");
  CHECK_FALSE(z.meta("成文日期"));
}

TEST_CASE("corpus: zhaotong enumerations continue across a hard line break") {
  const Document z = parse_text(test::corpus("zhaotong-city-2020"));
  std::vector<std::pair<uint32_t, uint32_t>> in_six;  // (line, value) within (六)
  for (const Enumeration &e : z.enumerations) {
    REQUIRE(e.section >= 0);
    if (z.str(z.headings[e.section].title) == "强化行政权力制约监督") in_six.emplace_back(e.line + 1, e.value);
  }
  CHECK(in_six == std::vector<std::pair<uint32_t, uint32_t>>{{21, 1}, {23, 2}, {23, 3}});
  CHECK(z.str(z.enumerations.front().marker) == "一是");
  // Every X是 in the corpus follows a clause mark or starts a paragraph (checked by grep).
  const std::map<std::string, size_t> counts = {
      {"cangxi-rural-revitalization-bureau-2023", 34}, {"wuding-county-office-2022", 26},
      {"xiushan-county-2023", 6}, {"yuncheng-district-2022", 24}, {"zhaotong-city-2020", 25}};
  for (const auto &[name, n] : counts) {
    CAPTURE(name);
    CHECK(parse_text(test::corpus(name)).enumerations.size() == n);
  }
}

TEST_CASE("corpus: heading ordinals and levels") {
  const Document x = parse_text(test::corpus("xiushan-county-2023"));
  std::vector<uint32_t> orphans;
  for (const Heading &h : x.headings)
    if (h.ordinal.style == OrdinalStyle::Orphan) orphans.push_back(h.line + 1);
  CHECK(orphans == std::vector<uint32_t>{55, 57, 59});
  const Document z = parse_text(test::corpus("zhaotong-city-2020"));
  const Heading *three = nullptr;
  for (const Heading &h : z.headings)
    if (h.line == 14) three = &h;
  REQUIRE(three);  // L15 starts with NBSP
  CHECK(three->ordinal.value == 3u);
  CHECK(three->run_in);
  for (const std::string &name : test::corpus_names()) {
    CAPTURE(name);
    const Document d = parse_text(test::corpus(name));
    for (const Heading &h : d.headings) {
      CAPTURE(h.line + 1);
      // The corpus uses canonical (NFKC) ordinals throughout, except xiushan's lost ones.
      CHECK(h.ordinal.canonical == (h.ordinal.style != OrdinalStyle::Orphan));
      CHECK(h.level <= 3);
    }
  }
}

TEST_CASE("robust to arbitrary bytes") {
  std::mt19937 rng(12345);
  const std::string alphabet[] = {"一", "、", "(", ")", "（", "）", "1", ".", "是", "。", ",", "\n", "\r",
                                  "\r\n", " ", "\u00A0", "\u3000", "#", "报告", "□", "|", "[", "]",
                                  "发布日期", ":", "\xff", "\xE4\xB8", "\x80", "𠮷", "十", "二"};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) s += alphabet[rng() % std::size(alphabet)];
    if (round % 3 == 0) s.push_back(static_cast<char>(rng() % 256));
    const Document d = parse_text(s);
    for (const Line &l : d.lines) REQUIRE(l.span.end <= s.size());
    for (size_t i = 0; i < d.headings.size(); ++i) {
      const Heading &h = d.headings[i];
      REQUIRE(h.title.end <= s.size());
      REQUIRE(h.title.start >= h.ordinal.span.end);
      REQUIRE(d.sections[i].span.end <= s.size());
      REQUIRE(d.sections[i].parent < static_cast<int32_t>(i));
    }
    for (const Enumeration &e : d.enumerations) REQUIRE(e.marker.end <= s.size());
  }
}

// Speed is measured by the benchmark (tests/bench); here only that pathological shapes parse.
TEST_CASE("pathological inputs: one huge line, 1 MB of headings") {
  const std::string one_line(1u << 20, 'a');
  const Document line = parse_text(one_line);
  CHECK(line.lines.size() == 1);
  CHECK(line.headings.empty());
  std::string many;
  while (many.size() < (1u << 20)) many += "一、标题\n(一)小标题。一是正文,二是正文\n";
  const Document d = parse_text(many);
  CHECK(d.headings.size() == d.lines.size());  // every line is a heading
  CHECK(d.sections.size() == d.headings.size());
}

TEST_CASE("Rules::load reports the file and the reason") {
  CHECK_THROWS_WITH_AS(Rules::load("/nonexistent-dir"), doctest::Contains("/nonexistent-dir/report-rules.json"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(Rules::parse("{", "x.json"), doctest::Contains("x.json: not valid JSON"),
                       std::runtime_error);
  CHECK_THROWS_WITH_AS(Rules::parse(R"({"format":"reportls-report-rules","version":1,"debris":{"contain":[]}})", "x.json"),
                       doctest::Contains("unknown key \"debris.contain\""), std::runtime_error);
  CHECK_THROWS_WITH_AS(
      Rules::parse(R"({"format":"reportls-report-rules","version":1,"title":{"patterns":["(报告"]}})", "x.json"),
      doctest::Contains("invalid regex"), std::runtime_error);
  CHECK_THROWS_WITH_AS(
      Rules::parse(R"({"format":"reportls-report-rules","version":1,"metadata_keys":[1]})", "x.json"),
      doctest::Contains("metadata_keys"), std::runtime_error);
  CHECK_THROWS_AS(Rules::parse(R"({"format":"other","version":1})", "x.json"), std::runtime_error);
  const Rules minimal = Rules::parse(R"({"format":"reportls-report-rules","version":1})", "x.json");
  CHECK_FALSE(minimal.matches_title("某某报告"));
  // Without rules the structure is still found; only chrome and title need data.
  const std::string text = test::corpus("xiushan-county-2023");
  const Document d = parse(text, minimal);
  CHECK(d.headings.size() == parse_text(text).headings.size());
  CHECK_FALSE(d.title);
}
