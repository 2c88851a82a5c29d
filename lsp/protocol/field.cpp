#include "lsp/protocol/field.h"

#include <algorithm>

namespace reportls::lsp::proto {

using nlohmann::json;

void Field::expect_object() const {
  if (!value_->is_object()) fail("应为对象");
}

Field Field::operator[](const char *key) const {
  expect_object();
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) throw InvalidParams(path_ + "." + key, "缺少此参数");
  return Field(*it, path_ + "." + key);
}

std::optional<Field> Field::optional(const char *key) const {
  expect_object();
  auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) return std::nullopt;
  return Field(*it, path_ + "." + key);
}

std::vector<Field> Field::elements() const {
  if (!value_->is_array()) fail("应为数组");
  std::vector<Field> out;
  for (size_t i = 0; i < value_->size(); ++i)
    out.emplace_back((*value_)[i], path_ + "[" + std::to_string(i) + "]");
  return out;
}

std::string Field::string() const {
  if (!value_->is_string()) fail("应为字符串");
  return value_->get<std::string>();
}

int64_t Field::integer() const {
  if (!value_->is_number_integer()) fail("应为整数");
  if (value_->is_number_unsigned() && value_->get<uint64_t>() > static_cast<uint64_t>(INT64_MAX))
    return INT64_MAX;
  return value_->get<int64_t>();
}

uint32_t Field::uinteger() const {
  if (!value_->is_number_integer()) fail("应为非负整数");
  if (value_->is_number_unsigned()) return static_cast<uint32_t>(std::min<uint64_t>(value_->get<uint64_t>(), UINT32_MAX));
  int64_t n = value_->get<int64_t>();
  if (n < 0) fail("应为非负整数");
  return static_cast<uint32_t>(std::min<int64_t>(n, UINT32_MAX));
}

bool Field::boolean() const {
  if (!value_->is_boolean()) fail("应为布尔值");
  return value_->get<bool>();
}

}  // namespace reportls::lsp::proto
