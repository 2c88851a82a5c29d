// Which report a text is: body and year from the title, a title-block line, the 落款 or metadata.
#include "util.h"

#include <doctest/doctest.h>

using cdtest::body;
using reportls::crossdoc::normalise_body;

TEST_CASE("a body goes by one name however the reports spell it") {
  const auto &d = cdtest::data().identity;
  CHECK(normalise_body("秀山土家族苗族自治县人民政府", d) == "秀山县");
  CHECK(normalise_body("重庆市秀山县", d) == "秀山县");
  CHECK(normalise_body("中共秀山土家族苗族自治县隘口镇人民政府", d) == "隘口镇");
  CHECK(normalise_body("中共淮北市烈山区委烈山区人民政府", d) == "烈山区");
  CHECK(normalise_body("天津市静海区人民政府", d) == "静海区");
  CHECK(normalise_body("西安市临潼区人民政府", d) == "临潼区");
  CHECK(normalise_body("北京市密云区鼓楼街道办事处", d) == "鼓楼街道");
  CHECK(normalise_body("通道侗族自治县人民政府", d) == "通道县");
  CHECK(normalise_body("枣庄市市中区人力资源和社会保障局", d) == "市中区人力资源和社会保障局");
  // A department keeps the place it belongs to: 广东省公安厅 is not 湖南省公安厅.
  CHECK(normalise_body("广东省公安厅", d) == "广东省公安厅");
  CHECK(normalise_body("国家税务总局东莞市税务局", d) == "国家税务总局东莞市税务局");
  CHECK(normalise_body("秀山县人民政府办公室", d) == "秀山县人民政府办公室");
}

TEST_CASE("the body comes from the title, the title block, the 落款 or the page's metadata") {
  CHECK(body("静海区2023年度法治政府建设情况报告\n\n2023年，静海区坚持依法行政。\n") == "静海区");
  CHECK(body("天津市静海区人民政府\n关于2024年法治政府建设报告\n静海区坚持依法行政。\n") == "静海区");
  CHECK(body("关于2023年法治政府建设情况的报告\n\n一、主要举措和成效\n\n我县坚持依法行政。\n\n秀山土家族苗族自治县人民政府\n2024年2月29日\n") ==
        "秀山县");
  CHECK(body(test::corpus("xiushan-county-2023")) == "秀山县");
  // No title, no 落款: nobody can tell.
  CHECK(body("2025年，在县委、县政府的坚强领导下，隘口镇坚持依法行政。现将有关情况报告如下：\n一、强化组织领导\n") == "");
}

TEST_CASE("a report's key and the keys of last year's report and of its companion") {
  CHECK(cdtest::facts(test::corpus("xiushan-county-2023")) ==
        "related.key=fazhi-annual|秀山县|2023\n"
        "related.want.previous=fazhi-annual|秀山县|2022\n"
        "related.want.companion=info-disclosure-annual|秀山县|2023\n");
  // The real openings of one district's reports of three years agree on who wrote them.
  CHECK(cdtest::facts(cdtest::fixture("jinghai-real/jinghai-2024.txt")).starts_with("related.key=fazhi-annual|静海区|2024\n"));
  CHECK(cdtest::facts(cdtest::fixture("jinghai-real/jinghai-2023.txt")).starts_with("related.key=fazhi-annual|静海区|2023\n"));
  CHECK(cdtest::facts(cdtest::fixture("jinghai-real/jinghai-2025.txt")).starts_with("related.key=fazhi-annual|静海区|2025\n"));
  // Not a report: no facts at all.
  CHECK(cdtest::facts("今天天气很好。\n") == "");
}
