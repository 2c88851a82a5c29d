// reportls/report/json_read.h — strict readers for the analyzers' JSON data files (report-rules.json,
// profiles, each analyzer's own tables).  Every failure throws std::runtime_error("<origin>:
// <reason>"), where `where` names the object being read (e.g. "items[2]", "" for the top level),
// so a user sees which file and which field is wrong.  Pure, thread-safe.
#pragma once

#include <reportls/report/year_range.h>

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <string>
#include <vector>

namespace reportls::report::json_read {

[[noreturn]] void fail(const std::string &origin, const std::string &reason);

// Rejects keys the format does not know, so a misspelt rule name is an error, not a silent no-op.
void only_keys(const nlohmann::json &obj, std::initializer_list<const char *> keys,
               const std::string &origin, const std::string &where);

// obj[key] as non-empty strings; an absent key is an empty list.
std::vector<std::string> strings(const nlohmann::json &obj, const char *key, const std::string &origin,
                                 const std::string &where);

// obj[key], an object with only the given keys; an absent key is an empty object.
const nlohmann::json &object(const nlohmann::json &obj, const char *key, std::initializer_list<const char *> keys,
                             const std::string &origin, const std::string &where);

// obj[key] as a YearRange: [from, to], each a year (1949…2100) or null (open), from not after to;
// an absent key is open at both ends.
YearRange years(const nlohmann::json &obj, const char *key, const std::string &origin, const std::string &where);

// obj[key] as earlier bases: [{"until": year, "basis": "…"}…], sorted by year; an absent key is
// none.
std::vector<std::pair<uint32_t, std::string>> earlier_bases(const nlohmann::json &obj, const char *key,
                                                            const std::string &origin);

// A word list merged from several data files: the words of `from` that `to` lacks, appended.
void append_missing(std::vector<std::string> &to, const std::vector<std::string> &from);

// Longest first (stable), so that matching a list's words at a place picks 比上年同期 before 比上年
// and 人次 before 人.
void longest_first(std::vector<std::string> &words);

}  // namespace reportls::report::json_read
