"""Typed records for everything editors keep in `data/`. One module per kind of data."""
