#include "lsp/worker_protocol.h"

#include "lsp/result_codec.h"

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

std::string dump(const json &message) {
  std::string out;
  json::to_msgpack(message, out);
  return out;
}

json parse(std::string_view body) {
  return json::from_msgpack(body.begin(), body.end(), true, false);
}

}  // namespace reportls::lsp::worker
