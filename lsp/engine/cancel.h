// cancel.h — cooperative cancellation of one piece of work.
//
// A CancelToken is shared by whoever may cancel (the main thread: a newer document version, a
// $/cancelRequest, shutdown) and the worker doing the work, which polls it.  The value is 0 while
// the work is wanted; otherwise it is the JSON-RPC error code to answer with (RequestCancelled
// -32800 or ContentModified -32801).  The first reason wins.
//
// Caveat (as in clangd): cancellation is inherently racy.  Work may finish after it was cancelled;
// whoever publishes a result must still check that it is current (by document version).
#pragma once

#include <atomic>
#include <memory>

namespace reportls::lsp {

class CancelToken {
 public:
  CancelToken() : state_(std::make_shared<std::atomic<int>>(0)) {}
  void cancel(int reason) const {
    int expected = 0;
    state_->compare_exchange_strong(expected, reason);
  }
  bool cancelled() const { return reason() != 0; }
  int reason() const { return state_->load(std::memory_order_relaxed); }

 private:
  std::shared_ptr<std::atomic<int>> state_;
};

}  // namespace reportls::lsp
