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

// Why work was cancelled: the JSON-RPC error code a request answers with (the server checks that
// they equal protocol/jsonrpc.h's), so the engine and the hosts need no protocol header.
namespace cancel_reason {
inline constexpr int RequestCancelled = -32800;  // $/cancelRequest, or the job's own client gone
inline constexpr int ContentModified = -32801;   // a newer version, a close, a superseded job
}  // namespace cancel_reason

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
