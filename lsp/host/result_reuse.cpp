#include "lsp/host/result_reuse.h"

#include <mutex>
#include <optional>
#include <utility>

namespace reportls::lsp {
namespace {

std::mutex mutex;
std::optional<AnalysisResult> waiting;  // under mutex

void let_go(const AnalysisResult *spent) {
  std::unique_ptr<AnalysisResult> owned(const_cast<AnalysisResult *>(spent));
  std::optional<AnalysisResult> replaced;  // freed after the lock is released
  std::lock_guard lock(mutex);
  replaced = std::exchange(waiting, std::move(*owned));
}

}  // namespace

std::shared_ptr<const AnalysisResult> shared_result(AnalysisResult &&result) {
  return std::shared_ptr<const AnalysisResult>(new AnalysisResult(std::move(result)), let_go);
}

AnalysisResult spent_result() {
  std::lock_guard lock(mutex);
  if (!waiting) return {};
  AnalysisResult spent = std::move(*waiting);
  waiting.reset();
  return spent;
}

}  // namespace reportls::lsp
