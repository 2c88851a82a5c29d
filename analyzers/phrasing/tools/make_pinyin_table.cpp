// make_pinyin_table OUT FILE... — writes the pinyin table (pinyin_table.h) of the phrases in the
// phrase files FILE..., loaded in that order as the plugin loads them.  Run by the build over the
// bundled phrase files; every key comes from ICU through the plugin's own Romanizer, so a table
// key is byte for byte what the plugin would compute.
#include <reportls/phrasing/phrase_set.h>
#include <reportls/phrasing/pinyin_table.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace phrasing = reportls::phrasing;

int main(int argc, char **argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s OUT [PHRASE_FILE...]\n", argv[0]);
    return 2;
  }
  try {
    const phrasing::Romanizer icu;
    phrasing::PhraseSet set(icu);
    for (int i = 2; i < argc; ++i) set.load_file(argv[i]);
    phrasing::PinyinTable table;
    for (size_t i = 0; i < set.phrases().size(); ++i)
      if (!set.phrases()[i].mined) table.insert(std::string(set.phrases()[i].text), set.pinyin()[i]);
    // Written aside and renamed, so a failed run never leaves a truncated table behind.
    const std::filesystem::path out = argv[1], partial = out.string() + ".partial";
    std::ofstream file(partial, std::ios::binary | std::ios::trunc);
    file << table.to_json();
    file.close();
    if (!file) throw std::runtime_error(partial.string() + ": cannot write the file");
    std::filesystem::rename(partial, out);
  } catch (const std::exception &e) {
    std::fprintf(stderr, "make_pinyin_table: %s\n", e.what());
    return 1;
  }
  return 0;
}
