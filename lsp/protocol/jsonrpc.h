// jsonrpc.h: JSON-RPC 2.0 message shapes, between the transport (raw bodies) and the server
// (typed dispatch).
//
// parse_message() classifies one body; the serialisers build bodies for FrameWriter. All
// functions are pure and thread-safe. Nothing here throws on bad input: a body that is not a
// valid JSON-RPC 2.0 message becomes Incoming::Invalid carrying the error code and text to
// reply with. All serialisation uses dump(-1, ' ', false, error_handler_t::replace), so a
// string holding invalid UTF-8 (a plugin cutting a CJK character in half) is sent with U+FFFD
// instead of throwing type_error.316.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace reportls::lsp {

/// JSON-RPC 2.0 and LSP error codes.
namespace error_code {
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int InternalError = -32603;
constexpr int ServerNotInitialized = -32002;
constexpr int RequestCancelled = -32800;
constexpr int ContentModified = -32801;
}  // namespace error_code

/// Deepest array/object nesting parse_message() accepts; deeper bodies are refused before
/// nlohmann parses them (its DOM and dump() recurse, so 10,000 '[' could overflow the stack).
/// LSP messages nest < 20 levels.
inline constexpr int kMaxNestingDepth = 512;

/// One decoded message.
struct Incoming {
  enum Kind { Request, Notification, Response, Invalid } kind = Invalid;
  /// Request/Response: the id, an integer or a string. Response may also carry null (the
  /// peer could not tell which request failed). Invalid: the id if one of a valid type could
  /// be recovered (so the error can be answered to it), else null.
  nlohmann::json id;
  /// Request/Notification: the method. Invalid: the method if it was a string, else empty.
  std::string method;
  /// Request/Notification: params, an object or an array; null when absent or null.
  nlohmann::json params;
  /// Response: "result" (null if absent or if the response is an error).
  nlohmann::json result;
  /// Response: the "error" object ({code, message, data?}) of a failed request, else null.
  nlohmann::json response_error;
  /// Invalid: why, e.g. "\"method\" must be a string"; also the message to reply with.
  std::string error;
  /// Invalid: error_code::ParseError (not JSON, or nested deeper than kMaxNestingDepth) or
  /// error_code::InvalidRequest (JSON, but not a JSON-RPC 2.0 message); 0 otherwise.
  int error_code = 0;
};

/// Classifies one message body. Never throws (except std::bad_alloc).
///  - invalid JSON, or nesting deeper than kMaxNestingDepth -> Invalid / ParseError;
///  - a JSON array (batch, removed from LSP) -> Invalid / InvalidRequest "batches are not
///    supported"; any other non-object -> Invalid / InvalidRequest;
///  - "jsonrpc" must be "2.0"; "id", when present, an integer or a string (null only on a
///    response); "method" a string; "params", when present, an object, an array or null;
///  - "method" + "id" -> Request; "method" alone -> Notification; "result" or "error" with
///    an id -> Response; anything else -> Invalid / InvalidRequest.
Incoming parse_message(std::string_view body);

/// {"jsonrpc":"2.0","id":id,"result":result}; a null result is written out ("result":null),
/// as LSP requires (e.g. for shutdown).  Taken by value: a large result is moved, not copied.
std::string response(const nlohmann::json& id, nlohmann::json result);
/// {"jsonrpc":"2.0","id":id,"error":{"code":code,"message":message}}. Use a null id when the
/// request's id is unknown (parse errors).
std::string error_response(const nlohmann::json& id, int code, std::string_view message);
/// {"jsonrpc":"2.0","method":method,"params":params}; params omitted when null.
std::string notification(std::string_view method, nlohmann::json params);
/// response() around a result already written as JSON text (json_text.h): the same bytes the DOM
/// version gives for the same value.
std::string response_text(const nlohmann::json& id, std::string_view result_json);
/// notification()'s text up to its params, `{"jsonrpc":"2.0","method":method,"params":`: the
/// caller writes the params' JSON text after it (json_text.h) and closes it with `}` — the same
/// bytes notification() gives, with the params (a 1 MB report's 600 KB of diagnostics) written
/// in place rather than copied in.
std::string notification_head(std::string_view method);
/// {"jsonrpc":"2.0","id":id,"method":method,"params":params} (server -> client requests such
/// as workspace/configuration); params omitted when null.
std::string request(const nlohmann::json& id, std::string_view method, nlohmann::json params);

}  // namespace reportls::lsp
