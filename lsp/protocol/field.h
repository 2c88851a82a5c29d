// field.h — reading one JSON value of an incoming message, knowing where it is.
//
// Every typed LSP struct (types.h) is decoded through a Field, so that a value of the wrong type
// is refused with the path of the field that was wrong ("params.textDocument.uri: 应为字符串"),
// which the server answers as InvalidParams (-32602).  Pure; never retains the JSON.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace reportls::lsp::proto {

// A field of the wrong type, or a required field that is missing.  what() names the path.
struct InvalidParams : std::runtime_error {
  InvalidParams(const std::string &path, const std::string &why) : std::runtime_error(path + ": " + why), path(path) {}
  std::string path;
};

class Field {
 public:
  Field(const nlohmann::json &value, std::string path) : value_(&value), path_(std::move(path)) {}

  const std::string &path() const { return path_; }
  const nlohmann::json &json() const { return *value_; }
  bool is_null() const { return value_->is_null(); }

  // A member that must be there (and not null).
  Field operator[](const char *key) const;
  // A member that may be absent or null.
  std::optional<Field> optional(const char *key) const;
  // An array's elements ("path[3]").
  std::vector<Field> elements() const;

  std::string string() const;
  int64_t integer() const;
  // A non-negative integer clamped to uint32_t (LSP uinteger; huge values are clamped by users).
  uint32_t uinteger() const;
  bool boolean() const;
  void expect_object() const;

  [[noreturn]] void fail(const std::string &why) const { throw InvalidParams(path_, why); }

 private:
  const nlohmann::json *value_;
  std::string path_;
};

}  // namespace reportls::lsp::proto
