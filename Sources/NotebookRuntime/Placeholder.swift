// Replaced by the notebook runtime.
