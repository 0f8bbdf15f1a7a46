"""Renderers: one module per output format; each takes library objects and returns text or bytes."""
