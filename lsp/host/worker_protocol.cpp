#include "lsp/host/worker_protocol.h"

#include "lsp/host/result_codec.h"

#include <algorithm>
#include <cstring>

namespace reportls::lsp::worker {

using nlohmann::json;

namespace {

json binary(std::string bytes) {
  return json::binary(std::vector<uint8_t>(bytes.begin(), bytes.end()));
}

std::string_view bytes_of(const json &j) {
  const auto &b = j.get_binary();  // throws type_error when j is not a bin value
  return {reinterpret_cast<const char *>(b.data()), b.size()};
}

}  // namespace

json encode(const AnalysisResult &r) { return binary(codec::encode(r)); }
json encode(const CompletionResult &r) { return binary(codec::encode(r)); }
json encode(const HoverResult &r) { return binary(codec::encode(r)); }
json encode(const std::vector<PluginInfo> &plugins) { return binary(codec::encode(plugins)); }

AnalysisResult decode_analysis(const json &j) { return codec::decode_analysis(bytes_of(j)); }
CompletionResult decode_completion(const json &j) { return codec::decode_completion(bytes_of(j)); }
HoverResult decode_hover(const json &j) { return codec::decode_hover(bytes_of(j)); }
std::vector<PluginInfo> decode_plugins(const json &j) { return codec::decode_plugins(bytes_of(j)); }

Splice splice_between(std::string_view old_text, std::string_view new_text) {
  // Block-wise memcmp first: this runs per request over texts of megabytes.
  constexpr size_t kBlock = 64;
  const size_t common = std::min(old_text.size(), new_text.size());
  Splice s;
  while (s.start + kBlock <= common && std::memcmp(old_text.data() + s.start, new_text.data() + s.start, kBlock) == 0)
    s.start += kBlock;
  while (s.start < common && old_text[s.start] == new_text[s.start]) ++s.start;
  const size_t room = common - s.start;
  auto old_end = [&] { return old_text.data() + old_text.size() - s.suffix; };
  auto new_end = [&] { return new_text.data() + new_text.size() - s.suffix; };
  while (s.suffix + kBlock <= room && std::memcmp(old_end() - kBlock, new_end() - kBlock, kBlock) == 0)
    s.suffix += kBlock;
  while (s.suffix < room && old_end()[-1] == new_end()[-1]) ++s.suffix;
  return s;
}

HeldTexts::Text &HeldTexts::hold(const std::string &uri, uint64_t serial, std::string text) {
  if (text.capacity() - text.size() > text.size() / 8) text.shrink_to_fit();
  return LastTexts::hold(uri, serial, std::move(text));
}

void HeldTexts::replace(Text &t, size_t start, size_t end, std::string_view middle) {
  std::string &s = t.text;
  const size_t length = s.size() - (end - start) + middle.size();
  if (length <= s.capacity()) {
    s.replace(start, end - start, middle);
    return;
  }
  std::string grown;
  grown.reserve(length + length / 8);
  grown.append(s, 0, start).append(middle).append(s, end, std::string::npos);
  s = std::move(grown);
}

std::string dump(const json &message) {
  std::string out;
  json::to_msgpack(message, out);
  return out;
}

json parse(std::string_view body) {
  return json::from_msgpack(body.begin(), body.end(), true, false);
}

}  // namespace reportls::lsp::worker
