// parse_heading on hand-written lines.
#include <reportls/report/heading.h>

#include <doctest/doctest.h>

#include <optional>
#include <string>

using namespace reportls::report;

namespace {
struct Parsed {
  std::string text;
  std::optional<Heading> h;
  std::string title() const { return std::string(h->title.in(text)); }
  std::string body() const { return std::string(h->text.in(text)); }
  std::string ordinal() const { return std::string(h->ordinal.span.in(text)); }
  std::string punct() const { return h->ordinal.punctuation(text); }
};
Parsed heading(std::string line) {
  Parsed p{std::move(line), std::nullopt};
  p.h = parse_heading(p.text, trim(p.text, Span{0, static_cast<uint32_t>(p.text.size())}));
  return p;
}
}  // namespace

TEST_CASE("level 1: 一、 and its variants") {
  auto p = heading("一、工作开展情况");
  REQUIRE(p.h);
  CHECK(p.h->level == 1);
  CHECK(p.h->ordinal.style == OrdinalStyle::Chinese);
  CHECK(p.h->ordinal.value == 1u);
  CHECK(p.h->ordinal.canonical);
  CHECK(p.punct() == "、");
  CHECK(p.ordinal() == "一、");
  CHECK(p.title() == "工作开展情况");
  CHECK_FALSE(p.h->run_in);

  auto dot = heading("二.存在的问题");
  REQUIRE(dot.h);
  CHECK(dot.h->level == 1);
  CHECK_FALSE(dot.h->ordinal.canonical);
  CHECK(dot.punct() == ".");
  CHECK_FALSE(dot.h->ordinal.full_width);

  auto fw = heading("三．下步工作打算");
  REQUIRE(fw.h);
  CHECK(fw.punct() == "．");
  CHECK(fw.h->ordinal.full_width);
  CHECK_FALSE(fw.h->ordinal.canonical);

  auto big = heading("二十三、其他");
  REQUIRE(big.h);
  CHECK(big.h->ordinal.value == 23u);
  auto ten = heading("十、其他需要报告的情况");
  REQUIRE(ten.h);
  CHECK(ten.h->ordinal.value == 10u);
}

TEST_CASE("level 2: (一) and （一）, canonical and variants") {
  auto ascii = heading("(一)强化组织保障,确保法治建设工作顺利开展");
  REQUIRE(ascii.h);
  CHECK(ascii.h->level == 2);
  CHECK(ascii.h->ordinal.style == OrdinalStyle::ChineseParen);
  CHECK(ascii.h->ordinal.canonical);
  CHECK_FALSE(ascii.h->ordinal.full_width);
  CHECK(ascii.punct() == "()");
  CHECK(ascii.title() == "强化组织保障,确保法治建设工作顺利开展");

  auto full = heading("（二）强服务，重民生");
  REQUIRE(full.h);
  CHECK(full.h->ordinal.canonical);
  CHECK(full.h->ordinal.full_width);
  CHECK(full.h->ordinal.value == 2u);
  CHECK(full.punct() == "（）");

  auto trailing = heading("（三）、加强监督");
  REQUIRE(trailing.h);
  CHECK_FALSE(trailing.h->ordinal.canonical);
  CHECK(trailing.punct() == "（）、");
  CHECK(trailing.ordinal() == "（三）、");
  CHECK(trailing.title() == "加强监督");

  auto mixed = heading("(四）依法决策");
  REQUIRE(mixed.h);
  CHECK_FALSE(mixed.h->ordinal.canonical);
}

TEST_CASE("run-in heading: title is the first sentence without 。") {
  auto p = heading("(二)全面推进法律顾问制度,确保行政决策合法。一是组建专业团队。");
  REQUIRE(p.h);
  CHECK(p.h->run_in);
  CHECK(p.title() == "全面推进法律顾问制度,确保行政决策合法");
  CHECK(p.body() == "全面推进法律顾问制度,确保行政决策合法。一是组建专业团队。");

  auto single = heading("(一)思想认识有待进一步提高。");
  REQUIRE(single.h);
  CHECK_FALSE(single.h->run_in);
  CHECK(single.title() == "思想认识有待进一步提高");

  auto quoted = heading("1.政务服务迭代升级。紧盯“一站式”办理");
  REQUIRE(quoted.h);
  CHECK(quoted.h->run_in);
  CHECK(quoted.title() == "政务服务迭代升级");
}

TEST_CASE("level 3: 1. 1、 1．") {
  auto p = heading("1.严格法定程序");
  REQUIRE(p.h);
  CHECK(p.h->level == 3);
  CHECK(p.h->ordinal.style == OrdinalStyle::Arabic);
  CHECK(p.h->ordinal.canonical);
  CHECK(p.punct() == ".");
  auto comma = heading("2、深入推进专项整治");
  REQUIRE(comma.h);
  CHECK(comma.h->level == 3);
  CHECK_FALSE(comma.h->ordinal.canonical);
  CHECK(comma.punct() == "、");
  auto fw = heading("3．执法改革");
  REQUIRE(fw.h);
  CHECK(fw.h->ordinal.canonical);
  CHECK(fw.h->ordinal.full_width);
  auto twelve = heading("12. 第十二项");
  REQUIRE(twelve.h);
  CHECK(twelve.h->ordinal.value == 12u);
  CHECK(twelve.title() == "第十二项");
}

TEST_CASE("level 4: (1) （1） 1)") {
  auto p = heading("(1)建立台账");
  REQUIRE(p.h);
  CHECK(p.h->level == 4);
  CHECK(p.h->ordinal.style == OrdinalStyle::ArabicParen);
  CHECK(p.h->ordinal.canonical);
  auto fw = heading("（2）落实制度");
  REQUIRE(fw.h);
  CHECK(fw.h->ordinal.full_width);
  CHECK(fw.h->ordinal.canonical);
  auto half = heading("3)定期通报");
  REQUIRE(half.h);
  CHECK(half.h->level == 4);
  CHECK_FALSE(half.h->ordinal.canonical);
  CHECK(half.punct() == ")");
}

TEST_CASE("Markdown headings") {
  auto p = heading("## 主要举措");
  REQUIRE(p.h);
  CHECK(p.h->level == 2);
  CHECK(p.h->ordinal.style == OrdinalStyle::Markdown);
  CHECK(p.title() == "主要举措");
  auto six = heading("###### 六级");
  REQUIRE(six.h);
  CHECK(six.h->level == 6);
  CHECK(six.ordinal() == "######");
}

TEST_CASE("orphan `)` heading") {
  auto p = heading(")依法决策仍存在短板。少数部门和镇街依法决策工作机制尚未完全建立");
  REQUIRE(p.h);
  CHECK(p.h->level == 2);
  CHECK(p.h->ordinal.style == OrdinalStyle::Orphan);
  CHECK(p.h->ordinal.value == 0u);
  CHECK(p.title() == "依法决策仍存在短板");
  CHECK(p.h->run_in);
  CHECK(heading("）学习宣传形式单一").h);
  CHECK_FALSE(heading(")").h);
  CHECK_FALSE(heading(") 1").h);
}

TEST_CASE("not headings") {
  for (const char *line :
       {"1.5亿元用于法治建设", "2022年,云城区政府坚持", "一是完善机构。", "一方面加强学习", "2024-02-29",
        "2023年12月21日", "2023.12.21", "(2015-2020年)", "两、错误", "零、错误", "一、", "(一)", "1.",
        "#没有空格", "####### 七级", "这一是", "12345政务服务便民热线", "第一责任人", "(一", "1、2号文件",
        "一.5", "", "abc"}) {
    CAPTURE(line);
    CHECK_FALSE(heading(line).h);
  }
}

TEST_CASE("leading whitespace and characters outside the BMP") {
  auto nbsp = heading("\u00A0(三)完善依法行政制度体系。一是政府立法");
  REQUIRE(nbsp.h);
  CHECK(nbsp.ordinal() == "(三)");
  CHECK(nbsp.title() == "完善依法行政制度体系");
  auto en = heading("\u2002\u2002一、标题");
  REQUIRE(en.h);
  CHECK(en.title() == "标题");
  auto ideo = heading("\u3000\u3000(1)𠮷祥😀。后文");
  REQUIRE(ideo.h);
  CHECK(ideo.title() == "𠮷祥😀");
  CHECK_FALSE(heading("𠮷一、标题").h);
  CHECK_FALSE(heading("😀(一)标题").h);
}

TEST_CASE("invalid UTF-8 never crashes") {
  for (std::string line : {std::string("一、\xff\xfe"), std::string("(\xE4\xB8"), std::string("\xE4\xB8"),
                           std::string("(一\xff"), std::string("一\xE4\xB8\x80"),
                           std::string("1.\x80\x80"), std::string(")\xE4")}) {
    CAPTURE(line);
    auto p = heading(line);
    if (p.h) {
      CHECK(p.h->text.end <= line.size());
      CHECK(p.h->title.end <= line.size());
    }
  }
  CHECK(heading("一、\xff\xfe").h);  // the text is garbage but present
}
