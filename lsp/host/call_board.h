// call_board.h — what an analysis process is doing, in one word of memory it shares with the
// server: which request and which plugin it is running.
//
// The analysis process posts to it before each plugin call, and before it creates a deferred
// plugin (whose loading is allowed a start-up's time); the server's client thread reads it when it
// wakes — for the request's answer, at the process's end, or every 50 ms while it waits — to blame
// a crash or a hang on the plugin that was running and to give each plugin call its own time
// budget.  Posting is a store to memory: no write to the pipe and no thread woken in the server
// (announced as frames, the eight plugins of one keystroke cost eight writes here and sixteen
// wake-ups there).
//
// The memory is a memfd the server creates before it starts the process (create()); the process
// finds it by the descriptor number its command line gives (attach()).  One 64-bit atomic word,
// so a reader never sees half a post.  post() is called by one thread at a time, of one process
// at a time (the analysis process's main thread); read() from any.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace reportls::lsp {

class CallBoard {
 public:
  static constexpr uint16_t kNoPlugin = 0xFFFF;

  struct Post {
    uint32_t request = 0;          // the request's id (its low 32 bits)
    uint16_t plugin = kNoPlugin;   // index in the process's hello list of plugins
    bool creating = false;         // about to create the plugin, not to call it
    uint16_t serial = 0;           // counts posts (15 bits), so the same post twice is told apart
    bool operator==(const Post &) const = default;
  };

  // A new board in a memfd (server side); nullptr with why when the system refuses one.
  static std::unique_ptr<CallBoard> create(std::string &why);
  // The board behind a descriptor a parent passed on (analysis process); nullptr with why.
  static std::unique_ptr<CallBoard> attach(int fd, std::string &why);
  ~CallBoard();
  CallBoard(const CallBoard &) = delete;
  CallBoard &operator=(const CallBoard &) = delete;

  // The memfd, to hand to a child process (it stays open, close-on-exec, while the board lives).
  int fd() const { return fd_; }

  void post(uint32_t request, uint16_t plugin, bool creating);
  // The last post; all zero (plugin 0, serial 0) before the first.
  Post read() const;

 private:
  CallBoard(int fd, uint64_t *word) : fd_(fd), word_(word) {}
  int fd_;
  uint64_t *word_;  // in the shared mapping; accessed through std::atomic_ref only
};

}  // namespace reportls::lsp
