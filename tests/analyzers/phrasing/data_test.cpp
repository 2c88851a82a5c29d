// Phrase files: the shipped set, user files in JSON and TSV, and how bad files are refused.
#include "phrasing_test_util.h"

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using reportls::phrasing::PhraseSet;

TEST_CASE("the shipped set holds the 192 phrases of the domain reference") {
  CHECK(test::phrases().phrases().size() == 192);
  CHECK(test::phrases().find_section("problems"));
  CHECK(test::phrases().section_for_heading("存在的问题和不足")->id == "problems");
  CHECK(test::phrases().section_for_heading("坚持党的领导,扛牢政治责任")->id == "achievements");
}

TEST_CASE("TSV and JSON user files; errors name the file and the reason") {
  PhraseSet set = test::phrases().vocabulary();
  set.add_file("# 本单位常用表述\n推进乡村振兴法治保障\tachievements\t5\t乡村振兴\n", "my.tsv");
  REQUIRE(set.phrases().size() == 1);
  CHECK(set.phrases()[0].weight == 5);
  CHECK(set.pinyin()[0].initials == "tjxczxfzbz");
  CHECK_THROWS_WITH(set.add_file("短语\tnowhere\n", "bad.tsv"),
                    doctest::Contains("bad.tsv: 未知章节 \"nowhere\""));
  CHECK_THROWS_WITH(set.add_file("{\"format\":\"reportls-phrases\",\"version\":1,\"phrases\":[{\"txt\":1}]}",
                                 "bad.json"),
                    doctest::Contains("bad.json: phrases[0] 含未知字段 \"txt\""));
  CHECK_THROWS_WITH(set.add_file("{", "broken.json"),
                    doctest::Contains("broken.json: 不是合法的 JSON"));
  CHECK(set.phrases().size() == 1);  // refused files change nothing
}

TEST_CASE("a JSON phrase file is read element by element: any key order, every element checked") {
  PhraseSet set = test::phrases().vocabulary();
  // "mined" after the phrases, a section defined after the phrases that use it.
  set.add_file(R"({"phrases": [{"text": "推进乡村振兴法治保障", "sections": ["rural"], "weight": 3}],
                   "sections": [{"id": "rural", "name": "乡村振兴"}],
                   "format": "reportls-phrases", "version": 1, "mined": true})",
               "mined.json");
  REQUIRE(set.phrases().size() == 1);
  CHECK(set.phrases()[0].mined);
  CHECK(set.phrases()[0].weight == 3);
  CHECK(set.phrases()[0].starts == reportls::phrasing::Phrase::kUnknown);  // a file of before "starts"
  CHECK(set.start_share() == 0);
  CHECK(set.find_section("rural"));
  CHECK_THROWS_WITH(set.add_file(R"({"format": "reportls-phrases", "version": 1, "phrases": [{"text": "依法行政"}, "依法决策"]})",
                                 "scalar.json"),
                    doctest::Contains("scalar.json: phrases[1] 应为 JSON 对象"));
  CHECK_THROWS_WITH(set.add_file(R"({"format": "reportls-phrases", "version": 1, "phrases": {"text": "依法行政"}})",
                                 "object.json"),
                    doctest::Contains("object.json: \"sections\" 和 \"phrases\" 应为数组"));
  CHECK_THROWS_WITH(set.add_file(R"({"format": "reportls-phrases", "version": 1, "phrases": [{"text": "依法行政"}], "x": 1})",
                                 "unknown.json"),
                    doctest::Contains("unknown.json: 文件 含未知字段 \"x\""));
  CHECK_THROWS_WITH(set.add_file(R"({"format": "reportls-phrases", "version": 1, "phrases": [{"text": "依法行政"}, {"text": "x"} ,)",
                                 "cut.json"),
                    doctest::Contains("cut.json: 不是合法的 JSON"));
  CHECK(set.phrases().size() == 1);  // the valid phrases before the fault are not kept either

  // How many uses start a clause: at most every one; the set's share over the phrases that say.
  set.add_file(R"({"format": "reportls-phrases", "version": 1, "mined": true, "phrases": [
                   {"text": "全面落实", "weight": 2, "uses": 6, "starts": 3},
                   {"text": "全面依法治县", "weight": 2, "uses": 2, "starts": 5}]})",
               "starts.json");
  CHECK(set.phrases()[1].starts == 3);
  CHECK(set.phrases()[2].starts == 2);
  CHECK(set.start_share() == doctest::Approx(5.0 / 8.0));
  CHECK_THROWS_WITH(set.add_file(R"({"format": "reportls-phrases", "version": 1, "phrases": [{"text": "依法行政", "year_offset": 40000}]})",
                                 "year.json"),
                    doctest::Contains("year.json: phrases[0] 的 \"year_offset\" 超出范围"));
}

TEST_CASE("a workspace .reportls/phrases folder is found above the document; bad files are listed") {
  const fs::path root = fs::temp_directory_path() / "reportls-phrasing-test";
  fs::remove_all(root);
  fs::create_directories(root / ".reportls" / "phrases");
  fs::create_directories(root / "reports" / "2023");
  std::ofstream(root / ".reportls" / "phrases" / "a.tsv") << "本单位特色表述\tproblems\n";
  std::ofstream(root / ".reportls" / "phrases" / "b.json") << "not json";
  const auto folder = reportls::phrasing::workspace_phrase_folder(
      (root / "reports" / "2023" / "draft one.txt").string());
  REQUIRE(folder);
  CHECK(*folder == (root / ".reportls" / "phrases").string());
  reportls::phrasing::WorkspaceCache cache;
  bool fresh = false;
  auto entry = cache.get(*folder, test::phrases(), &fresh);
  CHECK(fresh);
  CHECK(entry.set->phrases().size() == 1);
  REQUIRE(entry.errors.size() == 1);
  CHECK(entry.errors[0].find("b.json: 不是合法的 JSON") != std::string::npos);
  cache.get(*folder, test::phrases(), &fresh);
  CHECK_FALSE(fresh);
  CHECK_FALSE(reportls::phrasing::workspace_phrase_folder(""));  // not a file (untitled:…)
  fs::remove_all(root);
}

TEST_CASE("a phrase file read from the disk as it is parsed: every phrase kept, whole, past any block") {
  const fs::path root = fs::temp_directory_path() / "reportls-phrasing-load-test";
  fs::remove_all(root);
  fs::create_directories(root);
  // Enough phrases that their texts fill several of the set's blocks (64 KiB) and the file spans
  // several of the reader's 64 KiB reads; phrases of different lengths end blocks at different
  // places.  (How many "text" keys the first read counts only sizes the reservation: no test can
  // see it but the memory figures.)
  std::string json = R"({"format": "reportls-phrases", "version": 1, "mined": true, "phrases": [)";
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) {
    texts.push_back("推进依法行政第" + std::to_string(i) + "项措施" + std::string(static_cast<size_t>(i % 7), 'x'));
    json += (i ? ",\n" : "") + std::string(static_cast<size_t>(i % 5), ' ') + R"({"text": ")" + texts.back() + R"(", "weight": 2})";
  }
  json += "]}";
  REQUIRE(json.size() > 3 * (size_t{1} << 16));
  std::ofstream(root / "mined-1.phrases.json", std::ios::binary) << json;
  std::ofstream(root / "mine.phrases.tsv", std::ios::binary) << "text\tsections\r\n本单位表述\tproblems\t4\r\n";

  PhraseSet set = test::phrases().vocabulary();
  set.load_file((root / "mined-1.phrases.json").string());
  set.load_file((root / "mine.phrases.tsv").string());
  REQUIRE(set.phrases().size() == texts.size() + 1);
  for (size_t i = 0; i < texts.size(); ++i) {
    CAPTURE(i);
    CHECK(set.phrases()[i].text == texts[i]);
    CHECK(set.phrases()[i].mined);
  }
  CHECK(set.phrases().back().text == "本单位表述");  // the \r of a Windows line ending is no part of it
  CHECK(set.phrases().back().weight == 4);
  CHECK(set.known("推进依法行政第2999项措施").start);

  // Too large: refused before it is read, with the file's name.
  std::ofstream(root / "huge.phrases.json", std::ios::binary) << std::string(PhraseSet::kMaxFileBytes + 1, ' ');
  CHECK_THROWS_WITH(set.load_file((root / "huge.phrases.json").string()), doctest::Contains("huge.phrases.json: 文件过大"));
  CHECK_THROWS_WITH(set.load_file((root / "missing.phrases.json").string()), doctest::Contains("missing.phrases.json: 无法读取"));
  CHECK(set.phrases().size() == texts.size() + 1);
  fs::remove_all(root);
}
