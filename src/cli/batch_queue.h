// The two hand-offs of the batch pipeline, both bounded so that memory does
// not grow with the number of inputs:
//   walker -> BoundedQueue<InputItem> -> workers -> ResultWindow -> writer.
#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>

namespace vnlegal::cli {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity ? capacity : 1) {}

  // Blocks while full; false if the queue was cancelled.
  bool push(T value) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock,
                   [&] { return items_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    items_.push_back(std::move(value));
    not_empty_.notify_one();
    return true;
  }
  // Blocks while empty; nullopt once closed and drained, or cancelled.
  std::optional<T> pop() {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock,
                    [&] { return !items_.empty() || closed_ || cancelled_; });
    if (cancelled_ || items_.empty()) return std::nullopt;
    T value = std::move(items_.front());
    items_.pop_front();
    // The producer is woken only once the queue is half empty: it refills it
    // in one go instead of being switched in for every item.
    if (items_.size() <= capacity_ / 2) not_full_.notify_one();
    return value;
  }
  void close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false, cancelled_ = false;
};

// Results between the workers and the single writer. Ordered, it hands
// results out in sequence order and keeps at most `capacity` of them: a
// worker reserves its sequence number before working and waits while it is
// `capacity` or more ahead of the next one to write (the lowest unwritten
// number is always being worked on, so this cannot deadlock). Unordered, it
// hands results out as they come and keeps at most `capacity` reserved.
template <typename T>
class ResultWindow {
 public:
  ResultWindow(size_t capacity, bool ordered)
      : capacity_(capacity ? capacity : 1),
        wake_batch_(std::max<size_t>(1, capacity_ / 4)),
        ordered_(ordered) {}

  // Blocks until `seq` may be worked on; false if cancelled.
  bool reserve(uint64_t seq) {
    std::unique_lock<std::mutex> lock(mu_);
    room_.wait(lock, [&] {
      return cancelled_ ||
             (ordered_ ? seq < next_ + capacity_ : reserved_ < capacity_);
    });
    if (cancelled_) return false;
    ++reserved_;
    return true;
  }
  void put(uint64_t seq, T value) {
    std::lock_guard<std::mutex> lock(mu_);
    size_t writable = 0;
    if (ordered_) {
      ready_.emplace(seq, std::move(value));
      // Only results from the next one on, without a gap, can be written.
      uint64_t expect = next_;
      for (auto it = ready_.find(next_);
           it != ready_.end() && it->first == expect; ++it, ++expect)
        ++writable;
    } else {
      arrived_.push_back(std::move(value));
      writable = arrived_.size();
    }
    // The writer is woken for a handful of results at a time rather than for
    // each (a context switch per document is a large share of the serial
    // work); the end of the stream always wakes it, and a stall is caught
    // by take()'s timeout.
    const bool last = total_ && next_ + writable == *total_;
    if (writable >= wake_batch_ || (writable > 0 && last))
      ready_cv_.notify_one();
  }
  // The total number of results, once known: take() then ends after it.
  void set_total(uint64_t total) {
    std::lock_guard<std::mutex> lock(mu_);
    total_ = total;
    ready_cv_.notify_all();
  }
  enum class Take { kValue, kTimeout, kEnd };
  Take take(T& out, std::chrono::milliseconds timeout) {
    std::unique_lock<std::mutex> lock(mu_);
    auto available = [&] {
      return ordered_ ? (!ready_.empty() && ready_.begin()->first == next_)
                      : !arrived_.empty();
    };
    auto finished = [&] { return cancelled_ || (total_ && next_ == *total_); };
    if (!ready_cv_.wait_for(lock, timeout,
                            [&] { return available() || finished(); }))
      return Take::kTimeout;
    if (!available()) return Take::kEnd;
    if (ordered_) {
      out = std::move(ready_.begin()->second);
      ready_.erase(ready_.begin());
    } else {
      out = std::move(arrived_.front());
      arrived_.pop_front();
    }
    ++next_;
    --reserved_;
    room_.notify_all();
    return Take::kValue;
  }
  void cancel() {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
    room_.notify_all();
    ready_cv_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable room_, ready_cv_;
  std::map<uint64_t, T> ready_;  // ordered: at most `capacity` entries
  std::deque<T> arrived_;        // unordered
  size_t capacity_;
  size_t wake_batch_;  // results ready before the writer is woken
  bool ordered_;
  uint64_t next_ = 0;  // results taken so far (ordered: the next sequence)
  size_t reserved_ = 0;
  std::optional<uint64_t> total_;
  bool cancelled_ = false;
};

}  // namespace vnlegal::cli
