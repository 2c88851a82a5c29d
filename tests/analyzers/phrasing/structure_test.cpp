// The next enumeration marker and the missing required headings.
#include "phrasing_test_util.h"

using test::complete_at;

TEST_CASE("after 一是……。 the next marker is offered first") {
  auto c = complete_at("一、主要举措和成效\n一是加强组织领导。|");
  REQUIRE(!c.result.items.empty());
  CHECK(c.result.items.front().label == "二是");
  CHECK(c.result.items.front().replace.start == c.cursor);
  c = complete_at("一、主要举措和成效\n一是加强组织领导;二是完善制度。三|");
  REQUIRE(c.find("三是"));
  CHECK(c.replaced(*c.find("三是")) == "三");
  // Not in the middle of a clause, nor in another paragraph.
  CHECK(complete_at("一是加强组织领导|").find("二是") == nullptr);
  CHECK(complete_at("一是加强组织领导。\n|").find("二是") == nullptr);
}

TEST_CASE("the next marker follows the last one before the cursor on the cursor's line") {
  const std::string before = "一、主要举措和成效\n一是甲。二是乙。三是丙。\n";
  const std::string after = "\n一是己。二是庚。";
  CHECK(complete_at(before + "一是丁；|二是戊。" + after).result.items.front().label == "二是");
  CHECK(complete_at(before + "一是丁；二是戊。|" + after).result.items.front().label == "三是");
  const auto c = complete_at(before + "丁。|" + after);
  CHECK(c.find("四是") == nullptr);
  CHECK(c.find("三是") == nullptr);
}

TEST_CASE("at the start of a line, the missing required sections with the next ordinal") {
  const std::string report =
      "某县2023年度法治政府建设情况报告\n"
      "一、2023年主要举措和成效\n"
      "一是加强组织领导。\n"
      "二、存在的问题和不足\n"
      "问题很多。\n";
  auto c = complete_at(report + "|", 2023);
  CHECK(c.labels().at(0) == "三、党政主要负责人履行推进法治建设第一责任人职责情况");
  CHECK(c.labels().at(1) == "三、下一年度推进法治政府建设的主要安排");
  CHECK(c.find("三、其他需要报告的情况") == nullptr);  // optional
  CHECK(c.find("三、存在的不足和原因") == nullptr);    // present
  c = complete_at(report + "三、党政|");
  const auto *item = c.find("三、党政主要负责人履行推进法治建设第一责任人职责情况");
  REQUIRE(item);
  CHECK(c.replaced(*item) == "三、党政");
  CHECK(item->detail == "缺少的必备章节");
  // Before the first heading there is no ordinal to continue.
  CHECK(complete_at("某县2023年度法治政府建设情况报告\n|").find(
            "一、党政主要负责人履行推进法治建设第一责任人职责情况") == nullptr);
  // Without a profile, no headings.
  for (const auto &i : complete_at(report + "|", 2023, false).result.items)
    CHECK(i.detail != "缺少的必备章节");
}
