#include "lsp/host/result_reuse.h"

#include <mutex>
#include <optional>
#include <utility>

namespace reportls::lsp {
namespace {

struct Waiting {
  std::mutex mutex;
  std::optional<AnalysisResult> result;  // under mutex
};

// Never destroyed: a result may be let go while the process exits (a holder among statics).
Waiting &waiting() {
  static Waiting *w = new Waiting;
  return *w;
}

void let_go(const AnalysisResult *spent) {
  std::unique_ptr<AnalysisResult> owned(const_cast<AnalysisResult *>(spent));
  std::optional<AnalysisResult> replaced;  // freed after the lock is released
  Waiting &w = waiting();
  std::lock_guard lock(w.mutex);
  replaced = std::exchange(w.result, std::move(*owned));
}

}  // namespace

std::shared_ptr<const AnalysisResult> shared_result(AnalysisResult &&result) {
  return std::shared_ptr<const AnalysisResult>(new AnalysisResult(std::move(result)), let_go);
}

AnalysisResult spent_result() {
  Waiting &w = waiting();
  std::lock_guard lock(w.mutex);
  if (!w.result) return {};
  AnalysisResult spent = std::move(*w.result);
  w.result.reset();
  return spent;
}

}  // namespace reportls::lsp
