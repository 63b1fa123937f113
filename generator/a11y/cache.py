"""Each page's result, kept under a key made from everything that can change it.

A page's key is a hash of:
- the gate itself: its code (every file of this package, Python and JavaScript), `package-lock.json` (the
  versions of pa11y, axe, htmlcs, puppeteer and vnu), Chromium's version and the cache format;
- what the page is asked to do (screenshots, dark pass, JavaScript off);
- the page's HTML, and every local file it loads (stylesheets, scripts, pictures, icons), and what those
  stylesheets load in turn (`@import`, `url(...)`).
Change any of them and the key changes, so the old result is never found: a page is never reported as passing
from the cache after its HTML, the theme's files or the gate's rules changed. Results that did not finish
are never kept.
"""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .findings import PageResult
from .pages import file_for
from .settings import Settings, script_folder

CACHE_FORMAT = "a11y-cache-1"
PARTS = ("browser", "vnu")  # kept apart, so each is saved as soon as its tool is done

_TAG = re.compile(r"<(?:link|script|img|source|iframe|video|audio|input|object|embed)\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""\b(?:href|src|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REL = re.compile(r"""\brel\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_LOADED_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
_CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)|@import\s+["']([^"']+)["']""", re.IGNORECASE)


def chromium_version(settings: Settings) -> str:
    try:
        result = subprocess.run([str(settings.chromium), "--version"], check=False, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return "missing"
    return result.stdout.strip()


def gate_fingerprint(settings: Settings, code_folder: Path | None = None, browser_version: str | None = None) -> str:
    """A hash of the gate's own code, its tools' versions and Chromium's version."""
    digest = hashlib.sha256(CACHE_FORMAT.encode())
    folder = code_folder or script_folder()
    for path in sorted(folder.iterdir()):
        if path.suffix in (".py", ".mjs"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    lock = settings.lock_file
    digest.update(lock.read_bytes() if lock.is_file() else b"no lock file")
    digest.update((browser_version if browser_version is not None else chromium_version(settings)).encode())
    return digest.hexdigest()


def _urls_in_html(html: str) -> Iterable[str]:
    """The files a page loads. Links to other pages (`<link rel="next">`, canonical, feeds) are not loaded."""
    for tag in _TAG.findall(html):
        if tag[:5].lower() == "<link":
            rel = _REL.search(tag)
            if not rel or not set((rel.group(1) or rel.group(2)).lower().split()) & _LOADED_RELS:
                continue
        for double, single in _ATTRIBUTE.findall(tag):
            for part in (double or single).split(","):
                url = part.strip().split(" ")[0]
                if url:
                    yield url


@dataclass
class AssetHasher:
    """Hashes of the site's local files by URL path, each read once per run."""

    site: Path
    hashes: dict[str, str] = field(default_factory=dict)

    def local_path(self, base: str, url: str) -> str | None:
        """The site path a URL points at, or None for another host, a data: URL or a same-page link."""
        if url.startswith(("data:", "#", "mailto:", "tel:", "javascript:")):
            return None
        parts = urlsplit(urljoin(base, url))
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "site.invalid"):
            return None
        return unquote(parts.path)

    def file_hash(self, path: str) -> str:
        if path not in self.hashes:
            self.hashes[path] = "(being hashed)"  # a stylesheet that imports itself stops here
            file = file_for(self.site, path)
            if not file.is_file():
                self.hashes[path] = "missing"
            else:
                data = file.read_bytes()
                digest = hashlib.sha256(data)
                if file.suffix == ".css":
                    for url, imported in _CSS_URL.findall(data.decode("utf-8", "replace")):
                        target = self.local_path(f"http://site.invalid{path}", url or imported)
                        if target:
                            digest.update(f"{target}={self.file_hash(target)}".encode())
                self.hashes[path] = digest.hexdigest()
        return self.hashes[path]

    def page_hash(self, page: str) -> str:
        """The page's HTML and every local file it loads."""
        html = file_for(self.site, page).read_bytes()
        digest = hashlib.sha256(html)
        base = f"http://site.invalid{page}"
        for path in sorted({p for url in _urls_in_html(html.decode("utf-8", "replace")) if (p := self.local_path(base, url))}):
            digest.update(f"\0{path}={self.file_hash(path)}".encode())
        return digest.hexdigest()


def page_key(fingerprint: str, page: str, page_hash: str, options: Mapping[str, object]) -> str:
    text = json.dumps([fingerprint, page, page_hash, options], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Cache:
    """Page results in `folder/pages/<key>.json`, their screenshots in `folder/shots/`."""

    folder: Path

    @classmethod
    def for_site(cls, settings: Settings, site: Path) -> Cache:
        """Each site folder its own cache: a full run over one site (Harrow's, after Surrey's in `make test`)
        forgets the old results of that site only, never the other's."""
        name = hashlib.sha256(str(site.resolve()).encode()).hexdigest()[:16]
        return cls(settings.cache_dir / "sites" / name)

    @property
    def shots(self) -> Path:
        return self.folder / "shots"

    def _file(self, key: str, part: str) -> Path:
        return self.folder / "pages" / f"{key}.{part}.json"

    def get(self, key: str) -> PageResult | None:
        """The page's result, when both parts (browser and Nu checker) are kept under this key."""
        try:
            parts = [PageResult.from_json(json.loads(self._file(key, part).read_text(encoding="utf-8"))) for part in PARTS]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        result = parts[0]
        for other in parts[1:]:
            result.findings.extend(other.findings)
        if any(not (self.shots / shot).is_file() for shot in result.screenshots):
            return None
        return result

    def put(self, key: str, part: str, result: PageResult) -> None:
        """Keep one part of a page's result as soon as it is known. A page that was not checked is never kept."""
        if result.crashed:
            return
        target = self._file(key, part)
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_suffix(".tmp")
        temporary.write_text(json.dumps(result.to_json()), encoding="utf-8")
        temporary.replace(target)

    def keep_only(self, keys: Iterable[str]) -> None:
        """Forget results for keys no page has now (old versions of pages), and their screenshots."""
        wanted = set(keys)
        for file in (self.folder / "pages").glob("*.json"):
            if file.name.split(".")[0] not in wanted:
                file.unlink()
        prefixes = {key[:16] for key in wanted}
        for shot in self.shots.glob("*.png"):
            if shot.stem.rsplit("-", 2)[-2] not in prefixes:
                shot.unlink()
