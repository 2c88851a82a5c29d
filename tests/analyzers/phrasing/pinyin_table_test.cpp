// The pinyin table generated at build time, and when ICU's transliterator gets built.
#include "phrasing_test_util.h"

#include <reportls/phrasing/phrasebook.h>
#include <reportls/phrasing/pinyin_table.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

namespace fs = std::filesystem;
namespace phrasing = reportls::phrasing;

namespace {

// The plugin's folder in this build, as create sees it.
const std::string kPluginDir = REPORTLS_PHRASING_PLUGIN_DIR;

// A fresh folder under the temporary directory.
fs::path scratch(const std::string &name) {
  const fs::path dir = fs::temp_directory_path() / ("reportls-phrasing-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("the generated table holds, for every bundled phrase, the key ICU computes") {
  const auto table =
      phrasing::PinyinTable::read(kPluginDir + "/" + std::string(phrasing::kPinyinTableFile));
  REQUIRE(table);
  std::set<std::string> texts;
  for (const phrasing::Phrase &p : test::shipped().phrases()) {
    CAPTURE(p.text);
    if (p.mined) continue;  // matched by its Chinese only: no key
    texts.emplace(p.text);
    const phrasing::PinyinKey *key = table->find(p.text);
    REQUIRE(key);
    CHECK(*key == test::romanizer().key(p.text));
  }
  CHECK(table->size() == texts.size());
}

TEST_CASE("a table that is broken, from another ICU or not canonical is refused whole") {
  phrasing::PinyinTable written;
  written.insert("习近平", test::romanizer().key("习近平"));
  written.insert("12345热线", test::romanizer().key("12345热线"));
  const std::string good = written.to_json();
  const auto parsed = phrasing::PinyinTable::parse(good);
  REQUIRE(parsed);
  CHECK(*parsed->find("12345热线") == test::romanizer().key("12345热线"));
  CHECK(parsed->find("习近") == nullptr);
  const auto changed = [&](const std::string &from, const std::string &to) {
    std::string s = good;
    REQUIRE(s.find(from) != std::string::npos);
    return s.replace(s.find(from), from.size(), to);
  };
  const std::string refused[] = {
      "", "{", "[]", good.substr(0, good.size() / 2),
      changed("\"xi jin ping\"", "\"Xi jin ping\""), changed("\"xi jin ping\"", "\"xi  jin ping\""),
      changed("\"xi jin ping\"", "\" xi jin ping\""), changed("\"xi jin ping\"", "\"xī jin ping\""),
      changed("\"xi jin ping\"", "3"), changed("reportls-pinyin", "reportls-phrases"),
      changed("\"version\": 1", "\"version\": 2"), changed("\"icu\": \"", "\"icu\": \"0."),
      changed("\"keys\": {", "\"keys\": [], \"x\": {")};
  for (const std::string &bad : refused) {
    CAPTURE(bad);
    CHECK_FALSE(phrasing::PinyinTable::parse(bad));
  }
  CHECK_FALSE(phrasing::PinyinTable::read(kPluginDir + "/no-such-table.json"));
}

TEST_CASE("loading the plugin's phrases builds no transliterator; bundled phrases never need one") {
  const phrasing::Phrasebook book(kPluginDir, {kPluginDir});
  CHECK(book.errors().empty());
  CHECK_FALSE(book.romanizer().transliterator_built());
  const auto sets = book.for_document("").sets;
  for (const char *typed : {"坚持xjp|", "xijinping|", "深入学|"}) {
    CAPTURE(typed);
    CHECK(test::complete_at(typed, std::nullopt, true, sets).find("深入学习贯彻习近平法治思想"));
  }
  CHECK(sets[0]->pinyin() == test::shipped().pinyin());
  CHECK_FALSE(book.romanizer().transliterator_built());
}

TEST_CASE("a user phrase the table lacks is transliterated by the first pinyin query") {
  const fs::path data = scratch("user-data");
  std::ofstream(data / "mine.phrases.tsv") << "数据资源统筹管理能力显著增强\tachievements\n";
  const phrasing::Phrasebook book(kPluginDir, {kPluginDir, data.string()});
  REQUIRE(book.errors().empty());
  const auto sets = book.for_document("").sets;
  CHECK(test::complete_at("数据资|", std::nullopt, true, sets).find("数据资源统筹管理能力显著增强"));
  CHECK_FALSE(book.romanizer().transliterator_built());  // Chinese typed: no pinyin needed

  // Several completions at once, as worker threads run them: each sees every key.
  std::vector<test::Completed> done(4);
  std::vector<std::thread> threads;
  for (test::Completed &c : done)
    threads.emplace_back([&c, &sets] { c = test::complete_at("sjzy|", std::nullopt, true, sets); });
  for (std::thread &t : threads) t.join();
  for (const test::Completed &c : done) {
    const auto *item = c.find("数据资源统筹管理能力显著增强");
    REQUIRE(item);
    CHECK(item->filter_text == "sjzytcglnlxzzq");
  }
  CHECK(book.romanizer().transliterator_built());
  fs::remove_all(data);
}

TEST_CASE("without a usable table every key still comes from ICU") {
  const fs::path plugin = scratch("no-table");
  fs::copy(REPORTLS_SOURCE_DIR "/analyzers/phrasing/phrases/default.phrases.json", plugin);
  for (const char *table : {"", "{\"format\":\"reportls-pinyin\"}"}) {
    CAPTURE(table);
    if (*table) std::ofstream(plugin / std::string(phrasing::kPinyinTableFile)) << table;
    const phrasing::Phrasebook book(plugin.string(), {plugin.string()});
    CHECK_FALSE(book.romanizer().transliterator_built());
    CHECK(book.for_document("").sets[0]->pinyin() == test::phrases().pinyin());
    CHECK(book.romanizer().transliterator_built());
  }
  fs::remove_all(plugin);
}
