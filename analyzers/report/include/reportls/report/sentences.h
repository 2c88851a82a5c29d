// reportls/report/sentences.h — sentence spans within a paragraph.
#ifndef REPORTLS_REPORT_SENTENCES_H
#define REPORTLS_REPORT_SENTENCES_H

#include <reportls/report/text.h>

#include <string_view>
#include <vector>

namespace reportls::report {

// Splits text[within] into sentences.  A sentence ends after 。！？!? (and ；; when semicolons is
// true), together with any run of further terminators and closing marks that follow (”’」』）)》】),
// so `…报告。”` stays one sentence.  Line breaks also end a sentence.  Each span is trimmed of
// whitespace; empty sentences are dropped; the last sentence may lack a terminator.
std::vector<Span> split_sentences(std::string_view text, Span within, bool semicolons = false);

// True for the sentence terminators 。！？!? (and ；; when semicolons is true).
bool is_sentence_terminator(char32_t c, bool semicolons = false);
// True for closing quotes and brackets that stay with the sentence before them: ”’」』）)》】"'
bool is_closing_mark(char32_t c);

}  // namespace reportls::report

#endif  // REPORTLS_REPORT_SENTENCES_H
