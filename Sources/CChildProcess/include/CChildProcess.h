#ifndef CCHILDPROCESS_H
#define CCHILDPROCESS_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` under a keeper process that leads a new process group
/// holding the program and everything it starts. Standard input is /dev/null; standard output
/// and error go to the files `out_path` and `err_path` (created or truncated).
///
/// The keeper ends the whole group, itself included, as soon as `lifeline_read` reports end of
/// file: the parent holds the only write end (`lifeline_write`, closed in the keeper), so that
/// happens when the parent dies, by `kill -9` too. When the program ends, the keeper kills what
/// it left running in the group, then ends as the program did (same exit status or signal), so
/// waiting for the keeper is waiting for the program.
///
/// Returns the keeper's pid (also the group's id), or -1 with `*spawn_errno` set when the
/// program could not be started (`*spawn_errno` is also set when exec fails in the child).
pid_t companion_spawn_guarded(
  const char *path, char *const argv[], char *const envp[], const char *out_path,
  const char *err_path, int lifeline_read, int lifeline_write, int *spawn_errno);

/// Makes the parent's lifeline: a pipe whose two ends close on exec. Returns 0, or -1 with errno.
int companion_lifeline(int ends[2]);

#endif
