#include <reportls/report/data_files.h>
#include <reportls/report/json_read.h>
#include <reportls/tables/templates.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <initializer_list>
#include <stdexcept>

namespace reportls::tables {

namespace {

using json = nlohmann::json;

struct Reader {
  const std::string &origin;

  [[noreturn]] void fail(const std::string &where, const std::string &why) const {
    throw std::runtime_error(origin + ": " + where + ": " + why);
  }
  void only(const json &o, std::initializer_list<const char *> keys, const std::string &where) const {
    if (!o.is_object()) fail(where, "must be an object");
    for (const auto &[k, v] : o.items())
      if (std::none_of(keys.begin(), keys.end(), [&](const char *key) { return k == key; }))
        fail(where, "unknown key \"" + k + "\"");
  }
  std::string text(const json &o, const char *key, const std::string &where, bool required,
                   bool may_be_empty = false) const {
    if (!o.contains(key)) {
      if (required) fail(where, std::string("\"") + key + "\" is required");
      return {};
    }
    const json &v = o.at(key);
    if (!v.is_string() || (!may_be_empty && v.get_ref<const std::string &>().empty()))
      fail(where, std::string("\"") + key + "\" must be a" + (may_be_empty ? "" : " non-empty") + " string");
    return v.get<std::string>();
  }
  bool flag(const json &o, const char *key, const std::string &where, bool fallback) const {
    if (!o.contains(key)) return fallback;
    if (!o.at(key).is_boolean()) fail(where, std::string("\"") + key + "\" must be true or false");
    return o.at(key).get<bool>();
  }
  std::vector<std::string> strings(const json &o, const char *key, const std::string &where) const {
    std::vector<std::string> out;
    if (!o.contains(key)) return out;
    if (!o.at(key).is_array()) fail(where, std::string("\"") + key + "\" must be an array of strings");
    for (const json &s : o.at(key)) {
      if (!s.is_string() || s.get_ref<const std::string &>().empty())
        fail(where, std::string("\"") + key + "\" must hold non-empty strings");
      out.push_back(s.get<std::string>());
    }
    return out;
  }
  const json &array(const json &o, const char *key, const std::string &where) const {
    if (!o.contains(key) || !o.at(key).is_array() || o.at(key).empty())
      fail(where, std::string("\"") + key + "\" must be a non-empty array");
    return o.at(key);
  }

  Template table(const json &o, const std::string &where) const {
    only(o, {"id", "title", "item", "keywords", "years", "parts", "identities"}, where);
    Template t;
    t.id = text(o, "id", where, true);
    t.title = text(o, "title", where, true);
    t.item = text(o, "item", where, false);
    t.keywords = strings(o, "keywords", where);
    t.years = report::json_read::years(o, "years", origin, where);
    const json &parts = array(o, "parts", where);
    for (size_t p = 0; p < parts.size(); ++p) {
      const std::string pw = where + ".parts[" + std::to_string(p) + "]";
      only(parts[p], {"heading", "corner", "columns", "rows"}, pw);
      Part part;
      part.heading = text(parts[p], "heading", pw, false);
      part.corner = text(parts[p], "corner", pw, false);
      const json &columns = array(parts[p], "columns", pw);
      for (size_t c = 0; c < columns.size(); ++c) {
        const std::string cw = pw + ".columns[" + std::to_string(c) + "]";
        only(columns[c], {"id", "label", "group", "integer"}, cw);
        Column col{text(columns[c], "id", cw, true), text(columns[c], "label", cw, true),
                   text(columns[c], "group", cw, false), flag(columns[c], "integer", cw, true)};
        if (t.column_index(col.id).first >= 0 ||
            std::any_of(part.columns.begin(), part.columns.end(), [&](const Column &x) { return x.id == col.id; }))
          fail(cw, "duplicate column id \"" + col.id + "\"");
        part.columns.push_back(std::move(col));
      }
      const json &rows = array(parts[p], "rows", pw);
      for (size_t r = 0; r < rows.size(); ++r) {
        const std::string rw = pw + ".rows[" + std::to_string(r) + "]";
        only(rows[r], {"id", "label", "short", "parent", "group"}, rw);
        Row row;
        row.id = text(rows[r], "id", rw, true);
        row.label = text(rows[r], "label", rw, true, true);
        row.short_label = text(rows[r], "short", rw, false);
        row.group = flag(rows[r], "group", rw, false);
        row.part = static_cast<uint32_t>(p);
        if (t.row_index(row.id) >= 0) fail(rw, "duplicate row id \"" + row.id + "\"");
        if (const std::string parent = text(rows[r], "parent", rw, false); !parent.empty()) {
          row.parent = t.row_index(parent);
          if (row.parent < 0 || !t.rows[static_cast<size_t>(row.parent)].group)
            fail(rw, "\"parent\" must name an earlier row with \"group\": true");
        }
        part.rows.push_back(static_cast<uint32_t>(t.rows.size()));
        t.rows.push_back(std::move(row));
      }
      t.parts.push_back(std::move(part));
    }
    if (o.contains("identities")) {
      const json &ids = array(o, "identities", where);
      for (size_t i = 0; i < ids.size(); ++i) {
        const std::string iw = where + ".identities[" + std::to_string(i) + "]";
        only(ids[i], {"per", "left", "right", "report", "basis"}, iw);
        Identity id;
        const std::string per = text(ids[i], "per", iw, true);
        if (per != "column" && per != "row") fail(iw, "\"per\" must be \"column\" or \"row\"");
        id.per = per == "column" ? Identity::Per::Column : Identity::Per::Row;
        id.left = strings(ids[i], "left", iw);
        id.right = strings(ids[i], "right", iw);
        id.report = text(ids[i], "report", iw, true);
        id.basis = text(ids[i], "basis", iw, false);
        if (id.left.empty() || id.right.empty()) fail(iw, "\"left\" and \"right\" must not be empty");
        for (const std::vector<std::string> *side : {&id.left, &id.right})
          for (const std::string &term : *side) {
            const bool known = id.per == Identity::Per::Column ? t.row_index(term) >= 0
                                                                : t.column_index(term).first >= 0;
            if (!known) fail(iw, "unknown " + std::string(id.per == Identity::Per::Column ? "row" : "column") +
                                     " \"" + term + "\"");
          }
        if (std::find(id.left.begin(), id.left.end(), id.report) == id.left.end() &&
            std::find(id.right.begin(), id.right.end(), id.report) == id.right.end())
          fail(iw, "\"report\" must be one of the terms");
        t.identities.push_back(std::move(id));
      }
    }
    return t;
  }

  Templates file(const json &root) const {
    only(root, {"format", "version", "profile", "basis", "earlier_bases", "tables", "prose"}, "file");
    if (text(root, "format", "file", true) != "reportls-tables") fail("file", "\"format\" must be \"reportls-tables\"");
    if (!root.contains("version") || root.at("version") != 1) fail("file", "\"version\" must be 1");
    Templates out;
    out.profile = text(root, "profile", "file", true);
    out.bases.current = text(root, "basis", "file", false);
    out.bases.earlier = report::json_read::earlier_bases(root, "earlier_bases", origin);
    if (root.contains("tables")) {
      const json &tables = array(root, "tables", "file");
      for (size_t i = 0; i < tables.size(); ++i) {
        Template t = table(tables[i], "tables[" + std::to_string(i) + "]");
        if (out.find(t.id)) fail("tables[" + std::to_string(i) + "]", "duplicate table id \"" + t.id + "\"");
        out.tables.push_back(std::move(t));
      }
    }
    if (root.contains("prose")) {
      const json &prose = array(root, "prose", "file");
      for (size_t i = 0; i < prose.size(); ++i) {
        const std::string pw = "prose[" + std::to_string(i) + "]";
        only(prose[i], {"pattern", "table", "row", "column"}, pw);
        try {
          out.prose.push_back(ProseFigure{report::Pattern(text(prose[i], "pattern", pw, true)),
                                          text(prose[i], "table", pw, true), text(prose[i], "row", pw, true),
                                          text(prose[i], "column", pw, true)});
        } catch (const std::runtime_error &e) {
          if (std::string_view(e.what()).rfind(origin, 0) == 0) throw;
          fail(pw, e.what());
        }
      }
    }
    return out;
  }
};

// Prose figures must name cells of known tables (checked once all files are merged).
void check_prose(const Templates &t, const std::string &origin) {
  for (const ProseFigure &p : t.prose) {
    const Template *table = t.find(p.table);
    if (!table || table->row_index(p.row) < 0 || table->column_index(p.column).first < 0)
      throw std::runtime_error(origin + ": prose: no cell " + p.table + "/" + p.row + "/" + p.column);
  }
}

void merge(std::vector<Templates> &all, Templates &&add, const std::string &origin) {
  auto it = std::find_if(all.begin(), all.end(), [&](const Templates &t) { return t.profile == add.profile; });
  if (it == all.end()) {
    check_prose(add, origin);
    all.push_back(std::move(add));
    return;
  }
  Templates merged = *it;
  if (!add.bases.current.empty()) merged.bases.current = add.bases.current;
  if (!add.bases.earlier.empty()) merged.bases.earlier = add.bases.earlier;
  for (Template &t : add.tables) {
    auto same = std::find_if(merged.tables.begin(), merged.tables.end(), [&](const Template &m) { return m.id == t.id; });
    if (same != merged.tables.end()) *same = std::move(t);
    else merged.tables.push_back(std::move(t));
  }
  for (ProseFigure &p : add.prose) merged.prose.push_back(std::move(p));
  check_prose(merged, origin);
  *it = std::move(merged);
}

}  // namespace

int32_t Template::row_index(std::string_view id) const {
  for (size_t i = 0; i < rows.size(); ++i)
    if (rows[i].id == id) return static_cast<int32_t>(i);
  return -1;
}

std::pair<int32_t, int32_t> Template::column_index(std::string_view id) const {
  for (size_t p = 0; p < parts.size(); ++p)
    for (size_t c = 0; c < parts[p].columns.size(); ++c)
      if (parts[p].columns[c].id == id) return {static_cast<int32_t>(p), static_cast<int32_t>(c)};
  return {-1, -1};
}

const Template *Templates::find(std::string_view id) const {
  for (const Template &t : tables)
    if (t.id == id) return &t;
  return nullptr;
}

Templates parse_templates(std::string_view text, const std::string &origin) {
  const json root = json::parse(text, nullptr, false);
  if (root.is_discarded()) throw std::runtime_error(origin + ": not valid JSON");
  return Reader{origin}.file(root);
}

std::vector<Templates> load_templates(const std::string &plugin_dir, const std::vector<std::string> &data_dirs,
                                      std::vector<std::string> &errors) {
  std::vector<Templates> all;
  const std::vector<std::string> bundled = report::data_files({plugin_dir.empty() ? "." : plugin_dir}, "tables-");
  if (bundled.empty()) throw std::runtime_error(plugin_dir + ": no tables-*.json");
  for (const std::string &path : bundled) merge(all, parse_templates(report::read_data_file(path), path), path);
  for (const std::string &path : report::data_files(data_dirs, "tables-")) {
    try {
      std::vector<Templates> scratch = all;
      merge(scratch, parse_templates(report::read_data_file(path), path), path);
      all = std::move(scratch);
    } catch (const std::exception &e) {
      errors.push_back(e.what());
    }
  }
  return all;
}

}  // namespace reportls::tables
