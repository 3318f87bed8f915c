// Between fork and exec only async-signal-safe calls: no allocation, no locks.
#define _GNU_SOURCE
#include "CChildProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif

/// Every signal back to its default action and unblocked: the parent may ignore SIGINT and
/// SIGTERM (it handles them on a dispatch source), and an ignored signal stays ignored across exec.
static void reset_signals(void) {
  for (int number = 1; number < NSIG; number++) {
    if (number != SIGKILL && number != SIGSTOP) signal(number, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, NULL);
}

static void write_errno(int fd, int value) {
  ssize_t written;
  do {
    written = write(fd, &value, sizeof value);
  } while (written < 0 && errno == EINTR);
}

/// The program's side: dies with the keeper, then execs.
static void run_program(
  pid_t keeper, const char *path, char *const argv[], char *const envp[], const char *out_path,
  const char *err_path, int report) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != keeper) _exit(127);
  int in = open("/dev/null", O_RDONLY);
  int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (in < 0 || out < 0 || err < 0) {
    write_errno(report, errno);
    _exit(127);
  }
  dup2(in, 0);
  dup2(out, 1);
  dup2(err, 2);
  if (in > 2) close(in);
  if (out > 2) close(out);
  if (err > 2) close(err);
  reset_signals();
  execve(path, argv, envp);
  write_errno(report, errno);
  _exit(127);
}

/// Ends the keeper as the program ended.
static void end_as(int status) {
  if (WIFSIGNALED(status)) {
    int number = WTERMSIG(status);
    struct rlimit none = {0, 0};
    setrlimit(RLIMIT_CORE, &none);
    signal(number, SIG_DFL);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, number);
    sigprocmask(SIG_UNBLOCK, &only, NULL);
    raise(number);
    _exit(128 + number);
  }
  _exit(WIFEXITED(status) ? WEXITSTATUS(status) : 1);
}

#ifndef SYS_close_range
#define SYS_close_range 436
#endif

/// Closes every descriptor from `low` to `high` (inclusive).
static void close_between(int low, int high) {
  if (low > high) return;
  if (syscall(SYS_close_range, (unsigned)low, (unsigned)high, 0) == 0) return;
  struct rlimit limit;
  int last = getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < 65536 ? (int)limit.rlim_cur : 65536;
  if (high > last) high = last;
  for (int fd = low; fd <= high; fd++) close(fd);
}

/// Closes every descriptor but the standard ones and `a` and `b`: the keeper never execs, so it
/// would otherwise hold the parent's sockets and files open as long as the program runs.
static void close_all_but(int a, int b) {
  int low = a < b ? a : b;
  int high = a < b ? b : a;
  close_between(3, low - 1);
  close_between(low + 1, high - 1);
  close_between(high + 1, 0x7fffffff);
}

/// The keeper's side: starts the program, then waits for it or for the parent's death.
static void keep(
  pid_t parent_group, const char *path, char *const argv[], char *const envp[],
  const char *out_path, const char *err_path, int lifeline, int report) {
  signal(SIGINT, SIG_IGN);
  signal(SIGTERM, SIG_IGN);
  signal(SIGHUP, SIG_IGN);
  signal(SIGCHLD, SIG_DFL);
  pid_t keeper = getpid();
  pid_t program = fork();
  if (program < 0) {
    write_errno(report, errno);
    _exit(127);
  }
  if (program == 0) run_program(keeper, path, argv, envp, out_path, err_path, report);
  close(report);
  int process = (int)syscall(SYS_pidfd_open, program, 0);
  for (;;) {
    struct pollfd watched[2] = {{lifeline, POLLIN, 0}, {process, POLLIN, 0}};
    int ready = poll(watched, process >= 0 ? 2 : 1, process >= 0 ? -1 : 20);
    if (ready > 0 && watched[0].revents != 0) {
      // The parent is gone: nothing of this run outlives it.
      kill(0, SIGKILL);
      _exit(137);
    }
    int status = 0;
    pid_t ended = waitpid(program, &status, WNOHANG);
    if (ended == program) {
      // Out of the group first, so that killing what the program left running spares the keeper.
      setpgid(0, parent_group);
      kill(-keeper, SIGKILL);
      end_as(status);
    }
    if (ended < 0 && errno != EINTR) _exit(127);
  }
}

pid_t companion_spawn_guarded(
  const char *path, char *const argv[], char *const envp[], const char *out_path,
  const char *err_path, int lifeline_read, int lifeline_write, int *spawn_errno) {
  *spawn_errno = 0;
  int report_pipe[2];
  if (pipe2(report_pipe, O_CLOEXEC) != 0) {
    *spawn_errno = errno;
    return -1;
  }
  pid_t parent_group = getpgrp();
  pid_t keeper = fork();
  if (keeper < 0) {
    *spawn_errno = errno;
    close(report_pipe[0]);
    close(report_pipe[1]);
    return -1;
  }
  if (keeper == 0) {
    close_all_but(lifeline_read, report_pipe[1]);
    setpgid(0, 0);
    keep(parent_group, path, argv, envp, out_path, err_path, lifeline_read, report_pipe[1]);
  }
  // Set from both sides, so the group exists before either goes on.
  setpgid(keeper, keeper);
  close(report_pipe[1]);
  int reported = 0;
  ssize_t count;
  do {
    count = read(report_pipe[0], &reported, sizeof reported);
  } while (count < 0 && errno == EINTR);
  close(report_pipe[0]);
  if (count == (ssize_t)sizeof reported && reported != 0) {
    *spawn_errno = reported;
    int status;
    waitpid(keeper, &status, 0);
    return -1;
  }
  return keeper;
}

int companion_lifeline(int ends[2]) { return pipe2(ends, O_CLOEXEC); }
