"""Static-site generator for the co-production micro-site: data/ → validated models → Markdown → MkDocs."""
