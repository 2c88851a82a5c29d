// JSON-RPC 2.0 classification and serialisation.
#include "lsp/protocol/jsonrpc.h"

#include <doctest/doctest.h>

#include <string>

using nlohmann::json;
using reportls::lsp::Incoming;
using reportls::lsp::parse_message;
namespace error_code = reportls::lsp::error_code;

TEST_CASE("requests, notifications and responses are told apart") {
  SUBCASE("request with an integer id") {
    Incoming m = parse_message(
        R"({"jsonrpc":"2.0","id":1,"method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///a.md"}}})");
    CHECK(m.kind == Incoming::Request);
    CHECK(m.id == 1);
    CHECK(m.method == "textDocument/documentSymbol");
    CHECK(m.params["textDocument"]["uri"] == "file:///a.md");
    CHECK(m.error_code == 0);
  }
  SUBCASE("request with a string id and array params") {
    Incoming m = parse_message(R"({"jsonrpc":"2.0","id":"abc","method":"m","params":[1,2]})");
    CHECK(m.kind == Incoming::Request);
    CHECK(m.id == "abc");
    CHECK(m.params == json::array({1, 2}));
  }
  SUBCASE("request without params") {
    Incoming m = parse_message(R"({"jsonrpc":"2.0","id":-3,"method":"shutdown"})");
    CHECK(m.kind == Incoming::Request);
    CHECK(m.id == -3);
    CHECK(m.params.is_null());
  }
  SUBCASE("notification") {
    Incoming m = parse_message(R"({"jsonrpc":"2.0","method":"initialized","params":{}})");
    CHECK(m.kind == Incoming::Notification);
    CHECK(m.id.is_null());
    CHECK(m.method == "initialized");
    CHECK(m.params == json::object());
  }
  SUBCASE("successful response") {
    Incoming m = parse_message(R"({"jsonrpc":"2.0","id":7,"result":[{"x":1}]})");
    CHECK(m.kind == Incoming::Response);
    CHECK(m.id == 7);
    CHECK(m.result == json::parse(R"([{"x":1}])"));
    CHECK(m.response_error.is_null());
  }
  SUBCASE("response with a null result") {
    Incoming m = parse_message(R"({"jsonrpc":"2.0","id":"s1","result":null})");
    CHECK(m.kind == Incoming::Response);
    CHECK(m.result.is_null());
  }
  SUBCASE("error response, even with a null id") {
    Incoming m = parse_message(
        R"({"jsonrpc":"2.0","id":null,"error":{"code":-32601,"message":"no such method"}})");
    CHECK(m.kind == Incoming::Response);
    CHECK(m.id.is_null());
    CHECK(m.response_error["code"] == -32601);
  }
}

TEST_CASE("invalid JSON is a parse error") {
  for (const char* body : {"", "{", "{\"jsonrpc\":\"2.0\",}", "nul", "{\"a\":\"\xFF\"}"}) {
    CAPTURE(body);
    Incoming m = parse_message(body);
    CHECK(m.kind == Incoming::Invalid);
    CHECK(m.error_code == error_code::ParseError);
    CHECK(m.error.rfind("parse error: ", 0) == 0);
    CHECK(m.id.is_null());
  }
}

TEST_CASE("batches and non-objects are invalid requests") {
  Incoming batch = parse_message(R"([{"jsonrpc":"2.0","method":"a"}])");
  CHECK(batch.kind == Incoming::Invalid);
  CHECK(batch.error_code == error_code::InvalidRequest);
  CHECK(batch.error == "batches are not supported");
  for (const char* body : {"42", "\"x\"", "null", "true"}) {
    Incoming m = parse_message(body);
    CHECK(m.kind == Incoming::Invalid);
    CHECK(m.error_code == error_code::InvalidRequest);
  }
}

TEST_CASE("shape errors name what is wrong and keep the id when it is usable") {
  struct Case {
    const char* body;
    const char* error;
    json id;
  };
  const Case cases[] = {
      {R"({"jsonrpc":"2.0","id":1.5,"method":"m"})", "\"id\" must be an integer or a string", nullptr},
      {R"({"jsonrpc":"2.0","id":[1],"method":"m"})", "\"id\" must be an integer or a string", nullptr},
      {R"({"jsonrpc":"2.0","id":null,"method":"m"})", "\"id\" must be an integer or a string", nullptr},
      {R"({"jsonrpc":"2.0","id":true,"result":1})", "\"id\" must be an integer or a string", nullptr},
      {R"({"jsonrpc":"2.0","id":4,"method":5})", "\"method\" must be a string", 4},
      {R"({"jsonrpc":"2.0","id":4})", "message has neither \"method\" nor \"result\"/\"error\"", 4},
      {R"({"jsonrpc":"2.0","id":"q","method":"m","params":3})", "\"params\" must be an object or an array", "q"},
      {R"({"jsonrpc":"2.0","method":"m","params":"s"})", "\"params\" must be an object or an array", nullptr},
      {R"({"id":2,"method":"m"})", "\"jsonrpc\" must be \"2.0\"", 2},
      {R"({"jsonrpc":"1.0","id":2,"method":"m"})", "\"jsonrpc\" must be \"2.0\"", 2},
      {R"({"jsonrpc":"2.0","result":1})", "response without \"id\"", nullptr},
      {R"({"jsonrpc":"2.0","id":1,"error":"bad"})", "\"error\" must be an object", 1},
  };
  for (const Case& c : cases) {
    CAPTURE(c.body);
    Incoming m = parse_message(c.body);
    CHECK(m.kind == Incoming::Invalid);
    CHECK(m.error_code == error_code::InvalidRequest);
    CHECK(m.error == c.error);
    CHECK(m.id == c.id);
  }
  // The method survives for the log when only params are wrong.
  CHECK(parse_message(R"({"jsonrpc":"2.0","id":1,"method":"m","params":3})").method == "m");
}

TEST_CASE("deep nesting is rejected before parsing, without overflowing the stack") {
  const std::string deep(10000, '[');
  Incoming m = parse_message(deep);
  CHECK(m.kind == Incoming::Invalid);
  CHECK(m.error_code == error_code::ParseError);
  CHECK(m.error.find("nesting deeper than 512") != std::string::npos);

  const std::string deep_objects = R"({"jsonrpc":"2.0","method":"m","params":)" +
                                   [] {
                                     std::string s;
                                     for (int i = 0; i < 100000; ++i) s += "{\"a\":";
                                     return s;
                                   }();
  CHECK(parse_message(deep_objects).error_code == error_code::ParseError);

  // Brackets inside strings do not count, nesting up to the limit is fine.
  const std::string in_string = R"({"jsonrpc":"2.0","method":"m","params":{"t":")" +
                                std::string(5000, '[') + R"(\"["}})";
  Incoming s = parse_message(in_string);
  CHECK(s.kind == Incoming::Notification);
  CHECK(s.params["t"] == std::string(5000, '[') + "\"[");
  std::string ok = R"({"jsonrpc":"2.0","method":"m","params":)" + std::string(511, '[') +
                   std::string(511, ']') + "}";
  CHECK(parse_message(ok).kind == Incoming::Notification);
}

TEST_CASE("serialisation") {
  CHECK(json::parse(reportls::lsp::response(1, nullptr)) ==
        json::parse(R"({"jsonrpc":"2.0","id":1,"result":null})"));
  CHECK(reportls::lsp::response(1, nullptr).find("\"result\":null") != std::string::npos);
  CHECK(json::parse(reportls::lsp::response("x", {{"a", 1}})) ==
        json::parse(R"({"jsonrpc":"2.0","id":"x","result":{"a":1}})"));
  CHECK(json::parse(reportls::lsp::error_response(nullptr, error_code::ParseError, "bad")) ==
        json::parse(R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"bad"}})"));
  CHECK(json::parse(reportls::lsp::notification("window/logMessage", {{"type", 3}})) ==
        json::parse(R"({"jsonrpc":"2.0","method":"window/logMessage","params":{"type":3}})"));
  CHECK(json::parse(reportls::lsp::notification("exit", nullptr)) ==
        json::parse(R"({"jsonrpc":"2.0","method":"exit"})"));
  CHECK(json::parse(reportls::lsp::request(5, "workspace/configuration",
                                           {{"items", json::array()}})) ==
        json::parse(R"({"jsonrpc":"2.0","id":5,"method":"workspace/configuration","params":{"items":[]}})"));
  // Non-ASCII text goes out as UTF-8, not \u escapes; output is compact.
  CHECK(reportls::lsp::response(1, "报告") == R"({"id":1,"jsonrpc":"2.0","result":"报告"})");
}

TEST_CASE("invalid UTF-8 is serialised with U+FFFD instead of throwing") {
  const std::string half = std::string("报告").substr(0, 4);  // 报 + first byte of 告
  std::string out;
  CHECK_NOTHROW(out = reportls::lsp::response(1, {{"message", half}}));
  CHECK(out == "{\"id\":1,\"jsonrpc\":\"2.0\",\"result\":{\"message\":\"报\xEF\xBF\xBD\"}}");
  CHECK_NOTHROW(out = reportls::lsp::error_response(2, error_code::InternalError, "bad \xFF byte"));
  CHECK(out.find("bad \xEF\xBF\xBD byte") != std::string::npos);
  CHECK_NOTHROW(out = reportls::lsp::notification("m", {{"t", "\xC0"}}));
  CHECK(json::parse(out)["params"]["t"] == "\xEF\xBF\xBD");
  // Round trip through the parser.
  Incoming m = parse_message(reportls::lsp::request(3, "x", {{"t", half}}));
  CHECK(m.kind == Incoming::Request);
  CHECK(m.params["t"] == "报\xEF\xBF\xBD");
}
