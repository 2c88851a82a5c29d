#include "util.h"

#include <doctest/doctest.h>

using figtest::extract;
using figtest::slice;

TEST_CASE("Arabic figures: grouping, decimals, full-width digits, 万/亿, percentages") {
  std::string s = "共办理1,234件，挽回2966.3万余元，投入1.2亿元，受理１２件，成功率98.64%。";
  auto qs = extract(s);
  REQUIRE(qs.size() == 5);
  CHECK(qs[0].value.str() == "1234");
  CHECK(qs[0].grouped);
  CHECK(qs[0].unit == "件");
  CHECK(qs[0].family == "案件");
  CHECK(qs[1].value.str() == "29663000.0");
  CHECK(slice(s, qs[1].number) == "2966.3万");
  CHECK(slice(s, qs[1].above) == "余");
  CHECK(qs[1].unit == "元");
  CHECK(qs[2].value.str() == "120000000.0");
  CHECK(qs[3].value.str() == "12");
  CHECK(slice(s, qs[3].digits) == "１２");
  CHECK(qs[4].percent);
  CHECK(qs[4].value.str() == "98.64");
  CHECK(slice(s, qs[4].number) == "98.64%");
}

TEST_CASE("a figure too large to scale by 亿 is read without the multiplier (no overflow)") {
  std::string s = "投入231234512345亿元。";
  auto qs = extract(s);
  REQUIRE(qs.size() == 1);
  CHECK(qs[0].value.str() == "231234512345");
  CHECK(slice(s, qs[0].number) == "231234512345");
}

TEST_CASE("Chinese numerals count only with a measure word") {
  std::string s = "一是组建两百零五人的队伍，开展三次培训，召开十二场会议，推进“十四五”规划，第三批，一起研究。";
  auto qs = extract(s);
  REQUIRE(qs.size() == 3);
  CHECK(qs[0].value.str() == "205");
  CHECK(qs[0].chinese);
  CHECK(qs[0].unit == "人");
  CHECK(qs[1].value.str() == "3");
  CHECK(qs[1].unit == "次");
  CHECK(qs[2].value.str() == "12");
  CHECK(qs[2].unit == "场");
}

TEST_CASE("approximation markers and measure-word families") {
  std::string s = "近6400余件，约30人次，5天左右，10万余份，IPv6改造，第3季度";
  auto qs = extract(s);
  REQUIRE(qs.size() == 4);
  CHECK(slice(s, qs[0].below) == "近");
  CHECK(slice(s, qs[0].above) == "余");
  CHECK(slice(s, qs[0].span) == "近6400余件");
  CHECK(slice(s, qs[1].about) == "约");
  CHECK(qs[1].unit == "人次");
  CHECK(qs[1].family == "人员");
  CHECK(slice(s, qs[2].after_unit) == "左右");
  CHECK(qs[2].family == "时间");
  CHECK(qs[3].value.str() == "100000");
  CHECK(slice(s, qs[3].above) == "余");
}

TEST_CASE("exact decimal arithmetic") {
  using reportls::figures::Decimal;
  using reportls::figures::percent_of;
  using reportls::figures::rounds_to;
  CHECK(percent_of({20, 0}, {21, 0}, 2).str() == "95.24");
  CHECK(rounds_to({95, 0}, {20, 0}, {21, 0}));
  CHECK(rounds_to({9864, 2}, {23219, 0}, {23540, 0}));
  CHECK(rounds_to({5958, 2}, {1573, 0}, {2640, 0}));
  CHECK_FALSE(rounds_to({289, 2}, {2, 0}, {69, 0}));   // 2.899% rounds to 2.90%
  CHECK(rounds_to({290, 2}, {2, 0}, {69, 0}));
  CHECK_FALSE(rounds_to({1084, 2}, {9, 0}, {92, 0}));  // 9.78%
  CHECK((Decimal{15, 0} + Decimal{25, 1}).str() == "17.5");
}

TEST_CASE("data files: unknown keys and bad types are refused with the file name") {
  using reportls::figures::Data;
  CHECK_THROWS_WITH(Data::parse("{\"unit\": []}", "x.json"), doctest::Contains("x.json: unknown key"));
  CHECK_THROWS_WITH(Data::parse("{\"codes\": [1]}", "y.json"), doctest::Contains("y.json"));
  CHECK_THROWS_WITH(Data::parse("{", "z.json"), doctest::Contains("not valid JSON"));
  std::vector<std::string> errors;
  auto d = reportls::figures::load_all(REPORTLS_SOURCE_DIR "/analyzers/figures",
                                       {REPORTLS_TEST_DATA_DIR "/bad-data", REPORTLS_TEST_DATA_DIR "/user-data"}, errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("bad-data/figures.json") != std::string::npos);
  CHECK(d.family("宗次") == "案件");  // added by the user file
}
