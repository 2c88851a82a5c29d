// reportls/report/document.h — the structure of a report: lines, title, headings, sections.
//
//   Document doc = parse(text, rules);
//
// parse() never throws on any input and runs in linear time.  The Document refers to text by
// byte offsets and keeps a string_view of it: text must outlive the Document.  Texts longer than
// 4 GiB − 1 are parsed up to that length.
#ifndef REPORTLS_REPORT_DOCUMENT_H
#define REPORTLS_REPORT_DOCUMENT_H

#include <reportls/report/heading.h>
#include <reportls/report/line_digest.h>
#include <reportls/report/markdown.h>
#include <reportls/report/rules.h>
#include <reportls/report/table.h>
#include <reportls/report/text.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reportls::report {

enum class LineKind : uint8_t {
  Blank,      // nothing but whitespace
  Debris,     // web-page chrome: breadcrumbs, metadata, 扫一扫…, 上一条/下一条, navigation, □
  Title,      // the report title block before the first heading
  Heading,    // a numbered heading (see heading.h)
  Body,       // everything else, including the preface (导语)
  Signature,  // the closing 落款: issuing body and date lines at the end of the report
  Front,      // front matter before the first heading that is not prose: a short line without
              // sentence punctuation (。，；！？) that is not the title — a site name, the issuing
              // body, a 文号, a publish-info or metadata line, a covering letter's 落款
  Table,      // a line of a table (table.h): a row, a separator row, a label or heading line of it
};

// Lines a reader reads as the report's own sentences: body paragraphs and headings (not tables).
inline bool is_prose(LineKind k) { return k == LineKind::Body || k == LineKind::Heading; }

struct Line {
  Span span;      // the physical line without its terminator (\n, \r\n or a lone \r)
  Span content;   // span trimmed of whitespace (NBSP, EN SPACE, U+3000, U+FEFF…)
  LineKind kind = LineKind::Body;
  friend bool operator==(const Line &, const Line &) = default;
};

// The title block: from the first to the last line matching a title pattern, including short
// unpunctuated lines in between (the issuing body between two title lines) and one such line
// directly above (the issuing body, or the first half of a split title).  A page that has no
// title line but a `标题` metadata value has that value as its title (its line stays Debris).
struct Title {
  uint32_t first_line = 0;
  uint32_t last_line = 0;
  Span span;   // first title line's content start to last title line's content end
  Span text;   // the content of the first line matching a title pattern: the title proper
  friend bool operator==(const Title &, const Title &) = default;
};

// One section per heading (sections[i] belongs to headings[i]).
struct Section {
  uint32_t heading = 0;  // index into headings
  int32_t parent = -1;   // index of the enclosing section, -1 at the top
  uint32_t first_line = 0;  // the heading line
  uint32_t last_line = 0;   // the last Body/Heading/Table line before the next heading of the same
                            // or higher level (blank, debris and signature lines excluded)
  Span span;                // heading line start to last_line's content end
  friend bool operator==(const Section &, const Section &) = default;
};

// An in-paragraph enumeration marker `一是` / `二是`, at paragraph start or after 。；;:：,，
struct Enumeration {
  uint32_t value = 0;
  Span marker;        // `一是`
  uint32_t line = 0;
  int32_t section = -1;  // innermost enclosing section, -1 before the first heading
  friend bool operator==(const Enumeration &, const Enumeration &) = default;
};

// A key/value pair from a metadata chrome line, e.g. 成文日期 = 2024-02-29.
struct MetaField {
  std::string key;  // as spelt in the rules
  Span value;       // may be empty when the page left it blank
  uint32_t line = 0;
  friend bool operator==(const MetaField &, const MetaField &) = default;
};

namespace detail {

// What table finding (find_tables) reads of a line, from its content alone: kept per line in the
// Document so that a re-parse works it out only for the lines it reads again.
enum class Shape : uint8_t {
  None,       // prose, or a line no table form takes
  Separator,  // `|---|:--:|`
  Pipe,       // starts or ends with `|`
  Spaced,     // label? then numbers (or cells separated by tabs, ending in numbers)
  Value,      // a single number or placeholder
  Label,      // a short line without sentence marks
};
struct LineShape {
  Shape shape = Shape::None;
  uint32_t values = 0;   // Spaced: value cells at the end
  bool tabs = false;     // Spaced: tabs separate the cells
  bool labelled = false; // Spaced: a label comes first
  bool header = false;   // Label: also fit to be a heading row above a table
  friend bool operator==(const LineShape &, const LineShape &) = default;
};

}  // namespace detail

struct Document {
  std::string_view text;
  std::vector<Line> lines;
  // line_digest(str(lines[i].span), 0) for each line, index for index: the key under which the
  // analyzers' LineCaches know a line's results again (LineCache::Pass::get(doc, i, …)), computed
  // once per parse — a re-parse only for the lines it reads again.
  std::vector<LineDigest> digests;
  // Each line's shape as table finding reads it, index for index; kept like digests.
  std::vector<detail::LineShape> shapes;
  std::optional<Title> title;
  std::vector<Heading> headings;
  std::vector<Section> sections;
  std::vector<Enumeration> enumerations;
  std::vector<MetaField> metadata;
  std::vector<Table> tables;  // in document order

  // The bytes of a span (clamped).
  std::string_view str(Span s) const { return s.in(text); }
  // Index of the line holding offset (its terminator belongs to it); lines.size() - 1 past the
  // end; 0 for an empty document.
  uint32_t line_of(uint32_t offset) const;
  // The first metadata value for key, or nullopt.
  std::optional<std::string_view> meta(std::string_view key) const;
  // Two parses that say the same about texts with the same bytes.
  friend bool operator==(const Document &, const Document &) = default;
};

// The opening (导语) of a report: its body lines before the first heading; when it opens with a
// heading (`一、总体情况` first), the first body line after it.  Indexes into doc.lines.
std::vector<uint32_t> opening_lines(const Document &doc);

Document parse(std::string_view text, const Rules &rules);
// The Document would point into a destroyed temporary.
Document parse(std::string &&text, const Rules &rules) = delete;

// parse(), shared by every analyzer in the process: the analyzers of one snapshot all ask for the
// same text, so the first call parses and the others get the same Document.  The Document refers
// to the cache's own copy of text (same bytes, same offsets) and stays valid as long as the
// returned pointer lives.  Rules are the same when their canonical JSON is (Rules::canonical);
// Rules built in code (no canonical form) are parsed afresh every time.  A text not seen before
// is derived from the cached parse it shares most with at its ends (a keystroke's previous
// version): only the lines around the change are read again, with exactly parse()'s result.
// Thread-safe; keeps the few most recently used documents, bounded in bytes, and of one
// document's keystrokes only the newest parse and the one it was derived from.  A Markdown
// document (format_of its path or uri) is parsed as its prose view (markdown.h): the Document's
// text is that view, at the same offsets as the text, with the markup blanked; the cache finds it
// again by the document's own bytes and format, without building the view again.
// `snapshot` is the name the host gave the text (reportls_document.snapshot; 0: none): a text
// named as the cached one's last caller named it is that one, without comparing the bytes.  When
// the host says how the text was made (`origin`, reportls_document.from_snapshot) from a cached
// one, its parse is derived from that one around the change, again without comparing.
struct TextOrigin {
  uint64_t from = 0;  // the name of the text this one was made from; 0: unknown
  uint32_t start = 0, old_end = 0, new_end = 0;  // bytes [start, old_end) of it became [start, new_end)
};
std::shared_ptr<const Document> shared_parse(std::string_view text, const Rules &rules, Format format = Format::Text,
                                             uint64_t snapshot = 0, const TextOrigin &origin = {});

// Splits text into physical lines (\n, \r\n, lone \r).  A final line without terminator is kept
// when it is non-empty; an empty text has no lines.  kind is left Body; content is trimmed.
std::vector<Line> split_lines(std::string_view text);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_DOCUMENT_H
