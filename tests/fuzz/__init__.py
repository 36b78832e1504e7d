"""Fuzzing: hypothesis in CI, an atheris harness for local use."""
