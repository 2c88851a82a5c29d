#include "lsp/host/call_board.h"

#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace reportls::lsp {
namespace {

// request: bits 0–31, plugin: 32–47, creating: 48, serial: 49–63.
uint64_t pack(const CallBoard::Post &p) {
  return uint64_t{p.request} | uint64_t{p.plugin} << 32 | uint64_t{p.creating} << 48 |
         uint64_t{static_cast<uint16_t>(p.serial & 0x7FFF)} << 49;
}

CallBoard::Post unpack(uint64_t w) {
  return {static_cast<uint32_t>(w), static_cast<uint16_t>(w >> 32), ((w >> 48) & 1) != 0,
          static_cast<uint16_t>(w >> 49)};
}

uint64_t *map(int fd) {
  void *p = mmap(nullptr, sizeof(uint64_t), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  return p == MAP_FAILED ? nullptr : static_cast<uint64_t *>(p);
}

}  // namespace

std::unique_ptr<CallBoard> CallBoard::create(std::string &why) {
  const int fd = memfd_create("reportls-call-board", MFD_CLOEXEC);
  uint64_t *word = nullptr;
  if (fd < 0 || ftruncate(fd, sizeof(uint64_t)) != 0 || !(word = map(fd))) {
    why = std::string("无法创建与分析进程共享的内存: ") + std::strerror(errno);
    if (fd >= 0) ::close(fd);
    return nullptr;
  }
  return std::unique_ptr<CallBoard>(new CallBoard(fd, word));
}

std::unique_ptr<CallBoard> CallBoard::attach(int fd, std::string &why) {
  struct stat st {};
  uint64_t *word = nullptr;
  if (fstat(fd, &st) != 0 || st.st_size < static_cast<off_t>(sizeof(uint64_t)) || !(word = map(fd))) {
    why = "--call-board " + std::to_string(fd) + " 不是可用的共享内存";
    return nullptr;
  }
  return std::unique_ptr<CallBoard>(new CallBoard(fd, word));
}

CallBoard::~CallBoard() {
  munmap(word_, sizeof(uint64_t));
  ::close(fd_);
}

void CallBoard::post(uint32_t request, uint16_t plugin, bool creating) {
  // One poster: reading the serial back and storing the next needs no compare-and-swap.
  const auto serial = static_cast<uint16_t>((read().serial + 1) & 0x7FFF);
  std::atomic_ref<uint64_t>(*word_).store(pack({request, plugin, creating, serial}), std::memory_order_release);
}

CallBoard::Post CallBoard::read() const {
  return unpack(std::atomic_ref<uint64_t>(*word_).load(std::memory_order_acquire));
}

}  // namespace reportls::lsp
