"""Hostile inputs, corpus-wide command runs and word conservation."""
