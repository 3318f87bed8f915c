import Foundation

/// Runs `count` jobs on up to `width` threads and hands each result to `completion` in index
/// order as soon as it and every earlier one are done.
func parallelWork<Result: Sendable>(
  count: Int, width: Int, job: @escaping @Sendable (Int) -> Result,
  completion: @escaping @Sendable (Int, Result) -> Void
) {
  let state = ParallelWorkState<Result>()
  let threads = max(1, min(width, count))
  state.running = threads
  for _ in 0..<threads {
    let thread = Thread {
      while true {
        state.lock.lock()
        let index = state.next
        state.next += 1
        state.lock.unlock()
        if index >= count { break }
        let result = job(index)
        state.lock.lock()
        state.results[index] = result
        while let ready = state.results[state.delivered] {
          state.results[state.delivered] = nil
          completion(state.delivered, ready)
          state.delivered += 1
        }
        state.lock.unlock()
      }
      state.lock.lock()
      state.running -= 1
      state.lock.broadcast()
      state.lock.unlock()
    }
    thread.stackSize = 8 << 20
    thread.start()
  }
  state.lock.lock()
  while state.running > 0 { state.lock.wait() }
  state.lock.unlock()
}

/// The shared bookkeeping of `parallelWork`.
private final class ParallelWorkState<R>: @unchecked Sendable {
  let lock = NSCondition()
  var next = 0
  var results: [Int: R] = [:]
  var delivered = 0
  var running = 0
}

/// A value computed once, by the first caller, while the others wait; a failure is not kept
/// (the next caller tries again).
final class OnceValue<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var stored: Value?

  func value(_ make: () throws -> Value) throws -> Value {
    lock.lock()
    defer { lock.unlock() }
    if let stored { return stored }
    let made = try make()
    stored = made
    return made
  }
}
