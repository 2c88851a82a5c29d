#include "lsp/host/worker_protocol.h"

#include "lsp/host/result_codec.h"

#include <algorithm>
#include <optional>
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

AnalysisResult decode_analysis(const json &j, AnalysisResult &&into) {
  return codec::decode_analysis(bytes_of(j), std::move(into));
}
CompletionResult decode_completion(const json &j) { return codec::decode_completion(bytes_of(j)); }
HoverResult decode_hover(const json &j) { return codec::decode_hover(bytes_of(j)); }
std::vector<PluginInfo> decode_plugins(const json &j) { return codec::decode_plugins(bytes_of(j)); }

Splice splice_between(std::string_view old_text, std::string_view new_text) {
  // Block-wise memcmp first, large blocks first: this runs over texts of megabytes.
  const size_t common = std::min(old_text.size(), new_text.size());
  Splice s;
  for (const size_t block : {size_t{4096}, size_t{64}})
    while (s.start + block <= common && std::memcmp(old_text.data() + s.start, new_text.data() + s.start, block) == 0)
      s.start += block;
  while (s.start < common && old_text[s.start] == new_text[s.start]) ++s.start;
  const size_t room = common - s.start;
  auto old_end = [&] { return old_text.data() + old_text.size() - s.suffix; };
  auto new_end = [&] { return new_text.data() + new_text.size() - s.suffix; };
  for (const size_t block : {size_t{4096}, size_t{64}})
    while (s.suffix + block <= room && std::memcmp(old_end() - block, new_end() - block, block) == 0) s.suffix += block;
  while (s.suffix < room && old_end()[-1] == new_end()[-1]) ++s.suffix;
  return s;
}

HeldTexts::Text &HeldTexts::hold(const std::string &uri, uint64_t serial, std::string text) {
  if (text.capacity() - text.size() > text.size() / 8) text.shrink_to_fit();
  return LastTexts::hold(uri, serial, {std::move(text), {new_text_name()}});
}

void HeldTexts::replace(Text &t, size_t start, size_t end, std::string_view middle) {
  std::string &s = t.text.bytes;
  if (start == end && middle.empty()) return;  // the same text: the same name
  t.text.origin = {new_text_name(), t.text.origin.name, static_cast<uint32_t>(start), static_cast<uint32_t>(end),
                   static_cast<uint32_t>(start + middle.size())};
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

namespace {

constexpr const char *kAttached = "@attached", *kAsBinary = "@binary";

bool long_value(const json &v) {
  return (v.is_string() && v.get_ref<const std::string &>().size() >= kAttachedFrom) ||
         (v.is_binary() && v.get_binary().size() >= kAttachedFrom);
}

// A copy of message with its first long string or bin value (depth first, through objects) set
// to null; `found` points to that value in message and `at` is its place, or found stays null.
// The long value itself is never copied.
json without_first_long(const json &message, const json *&found, json::json_pointer &at,
                        const json::json_pointer &here = json::json_pointer()) {
  if (found || !message.is_object()) return message;
  json copy = json::object();
  for (const auto &[key, value] : message.items()) {
    if (!found && long_value(value)) {
      found = &value;
      at = here / key;
      copy[key] = nullptr;
    } else {
      copy[key] = without_first_long(value, found, at, here / key);
    }
  }
  return copy;
}

}  // namespace

namespace {

// head in MessagePack, with `attached` after it as the value at `at` (none: nothing attached).
Body packed(json head, const json::json_pointer *at, std::string_view attached, bool binary) {
  Body body{std::string(4, '\0'), attached};
  if (at) {
    head[kAttached] = at->to_string();
    head[kAsBinary] = binary;
  }
  json::to_msgpack(head, body.packed);
  const size_t packed = body.packed.size() - 4;
  for (size_t b = 0; b < 4; ++b) body.packed[b] = static_cast<char>(packed >> (8 * b));
  return body;
}

}  // namespace

Body dump_parts(const json &message) {
  const json *found = nullptr;
  json::json_pointer at;
  json head = without_first_long(message, found, at);
  if (!found) return packed(std::move(head), nullptr, {}, false);
  const bool binary = found->is_binary();
  return packed(std::move(head), &at, binary ? bytes_of(*found) : std::string_view(found->get_ref<const std::string &>()),
                binary);
}

Body dump_parts(json head, const json::json_pointer &at, std::string_view attached, bool binary) {
  head[at] = nullptr;
  return packed(std::move(head), &at, attached, binary);
}

std::string dump(const json &message) {
  Body body = dump_parts(message);
  body.packed.append(body.attached);
  return std::move(body.packed);
}

json parse(std::string &&owned) {
  std::string_view body = owned;
  const json malformed(json::value_t::discarded);
  if (body.size() < 4) return malformed;
  const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(body[i])); };
  const size_t packed = byte(0) | byte(1) << 8 | byte(2) << 16 | byte(3) << 24;
  if (packed > body.size() - 4) return malformed;
  json message = json::from_msgpack(body.begin() + 4, body.begin() + 4 + static_cast<std::ptrdiff_t>(packed), true, false);
  const std::string_view raw = body.substr(4 + packed);
  if (message.is_discarded()) return message;
  if (!message.is_object() || !message.contains(kAttached)) return raw.empty() ? message : malformed;
  try {
    const json::json_pointer at(message.at(kAttached).get<std::string>());
    const bool binary = message.at(kAsBinary).get<bool>();
    message.erase(kAttached);
    message.erase(kAsBinary);
    if (at.empty() || !message.contains(at) || !message[at].is_null()) return malformed;
    if (binary) {
      message[at] = json::binary(std::vector<uint8_t>(raw.begin(), raw.end()));
    } else {
      owned.erase(0, 4 + packed);
      message[at] = json(std::move(owned));
    }
  } catch (const json::exception &) {
    return malformed;
  }
  return message;
}

}  // namespace reportls::lsp::worker
