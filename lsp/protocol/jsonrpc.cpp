#include "lsp/protocol/jsonrpc.h"

#include <algorithm>

namespace reportls::lsp {

using nlohmann::json;

namespace {

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

/// Deepest '['/'{' nesting outside strings, stopping early once past `limit`. Not a
/// validator: anything malformed is left for the real parser to report.
int nesting_depth(std::string_view s, int limit) {
  int depth = 0, max_depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > limit) break;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return max_depth;
}

bool valid_id(const json& id) { return id.is_number_integer() || id.is_string(); }

Incoming invalid(int code, std::string why) {
  Incoming m;
  m.kind = Incoming::Invalid;
  m.error_code = code;
  m.error = std::move(why);
  return m;
}

Incoming classify(json& j) {
  if (j.is_array()) return invalid(error_code::InvalidRequest, "batches are not supported");
  if (!j.is_object()) return invalid(error_code::InvalidRequest, "message must be a JSON object");

  Incoming m = invalid(error_code::InvalidRequest, {});
  const auto id = j.find("id");
  const bool has_id = id != j.end();
  if (has_id && valid_id(*id)) m.id = *id;
  const auto method = j.find("method");
  if (method != j.end() && method->is_string()) m.method = method->get<std::string>();

  const auto version = j.find("jsonrpc");
  if (version == j.end() || *version != "2.0") {
    m.error = "\"jsonrpc\" must be \"2.0\"";
    return m;
  }
  if (method != j.end()) {
    if (!method->is_string()) {
      m.error = "\"method\" must be a string";
      return m;
    }
    if (has_id && !valid_id(*id)) {
      m.error = "\"id\" must be an integer or a string";
      return m;
    }
    const auto params = j.find("params");
    if (params != j.end()) {
      if (!params->is_object() && !params->is_array() && !params->is_null()) {
        m.error = "\"params\" must be an object or an array";
        return m;
      }
      m.params = std::move(*params);
    }
    m.kind = has_id ? Incoming::Request : Incoming::Notification;
    m.error_code = 0;
    return m;
  }

  const auto result = j.find("result");
  const auto err = j.find("error");
  if (result == j.end() && err == j.end()) {
    m.error = "message has neither \"method\" nor \"result\"/\"error\"";
    return m;
  }
  if (!has_id) {
    m.error = "response without \"id\"";
    return m;
  }
  if (err != j.end()) {
    if (!err->is_object()) {
      m.error = "\"error\" must be an object";
      return m;
    }
    if (!id->is_null() && !valid_id(*id)) {
      m.error = "\"id\" must be an integer or a string";
      return m;
    }
    m.response_error = std::move(*err);
  } else {
    if (!valid_id(*id)) {
      m.error = "\"id\" must be an integer or a string";
      return m;
    }
    m.result = std::move(*result);
  }
  m.kind = Incoming::Response;
  m.error_code = 0;
  return m;
}

}  // namespace

Incoming parse_message(std::string_view body) {
  try {
    if (nesting_depth(body, kMaxNestingDepth) > kMaxNestingDepth) {
      return invalid(error_code::ParseError, "parse error: nesting deeper than " +
                                                 std::to_string(kMaxNestingDepth) + " levels");
    }
    json j = json::parse(body.begin(), body.end());
    return classify(j);
  } catch (const json::exception& e) {
    return invalid(error_code::ParseError, std::string("parse error: ") + e.what());
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    return invalid(error_code::InternalError, std::string("internal error: ") + e.what());
  }
}

std::string response(const json& id, json result) {
  json j = {{"jsonrpc", "2.0"}, {"id", id}};
  j["result"] = std::move(result);
  return dump(j);
}

std::string error_response(const json& id, int code, std::string_view message) {
  return dump({{"jsonrpc", "2.0"},
               {"id", id},
               {"error", {{"code", code}, {"message", std::string(message)}}}});
}

std::string notification(std::string_view method, json params) {
  json j = {{"jsonrpc", "2.0"}, {"method", std::string(method)}};
  if (!params.is_null()) j["params"] = std::move(params);
  return dump(j);
}

std::string response_text(const json& id, std::string_view result_json) {
  std::string out = "{\"id\":" + dump(id) + ",\"jsonrpc\":\"2.0\",\"result\":";
  out.append(result_json);
  out += '}';
  return out;
}

std::string notification_head(std::string_view method) {
  return "{\"jsonrpc\":\"2.0\",\"method\":" + dump(std::string(method)) + ",\"params\":";
}

std::string request(const json& id, std::string_view method, json params) {
  json j = {{"jsonrpc", "2.0"}, {"id", id}, {"method", std::string(method)}};
  if (!params.is_null()) j["params"] = std::move(params);
  return dump(j);
}

}  // namespace reportls::lsp
