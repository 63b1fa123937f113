"""The Content-Security-Policy's script hashes (the policy itself is a `<meta>` in theme/main.html).

The policy allows scripts from this site only. Material's theme also writes a few small inline
scripts (the colour scheme, the page scope); each is allowed by its SHA-256 hash, worked out from
the finished page with the page's own content left out. Content is cleaned by nh3 and holds no
script anyway, so nothing from `data/` or `content/` can be given a hash. Inline event handlers
(`onclick=`) are never allowed: there is no 'unsafe-inline' or 'unsafe-hashes' for scripts.
"""
from __future__ import annotations

import base64
import hashlib
import re

TOKEN = "'theme-inline-scripts'"
_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:json|ld\+json)""", re.IGNORECASE)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def fill_script_hashes(output: str, content: str) -> str:
    """`output` with TOKEN replaced by the hashes of the inline scripts outside `content`."""
    if TOKEN not in output:
        return output
    theme_part = output.replace(content, "") if content else output
    hashes = sorted({
        _hash(match.group("body"))
        for match in _INLINE_SCRIPT.finditer(theme_part)
        if match.group("body").strip() and "src=" not in match.group("attrs") and not _DATA_TYPE.search(match.group("attrs"))
    })
    return output.replace(TOKEN, " ".join(hashes), 1)
