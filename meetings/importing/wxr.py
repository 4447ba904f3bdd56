"""Reading a WordPress export file (WXR, the RSS-based XML that "Tools → Export" writes).

The file comes from outside, so it is parsed with :mod:`defusedxml`: no DTD, no entity expansion, no external
references (an export never needs them). Only what the import needs is read: posts (title, dates, link,
GUID, author, text), and attachments (the files a post carries, by URL).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from defusedxml import ElementTree as SafeET
from defusedxml.common import DefusedXmlException
from django.utils.translation import gettext_lazy as _

MAX_WXR_BYTES = 100 * 1024 * 1024

NS = {
    "wp": "http://wordpress.org/export/1.2/",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "excerpt": "http://wordpress.org/export/1.2/excerpt/",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_WP_VERSIONS = ("1.0", "1.1", "1.2")

MSG_NOT_WXR = _(
    "This file is not a WordPress export. In WordPress choose Tools → Export → All content, and upload the "
    ".xml file it downloads."
)
MSG_UNSAFE = _("This file contains XML declarations that are not allowed in an export (DTD or entities).")
MSG_TOO_BIG = _("The file is too large (the limit is %(mb)d MB).")


class WxrError(ValueError):
    """The file cannot be read as a WordPress export; the message is for the officer."""


@dataclass
class WxrAttachment:
    post_id: int
    parent_id: int
    title: str
    url: str


@dataclass
class WxrPost:
    post_id: int
    guid: str
    title: str
    link: str
    post_type: str
    status: str
    post_name: str
    post_date: datetime.datetime | None
    author: str
    html: str
    text: str
    categories: list[str] = field(default_factory=list)
    attachments: list[WxrAttachment] = field(default_factory=list)
    linked_files: list[str] = field(default_factory=list)  # upload URLs referenced in the text

    @property
    def language(self) -> str:
        return "lo" if re.search("[\u0e80-\u0eff]", self.title + self.text) else "en"

    @property
    def file_urls(self) -> list[str]:
        """Attached and referenced files, each once, attachments first."""
        seen, urls = set(), []
        for url in [a.url for a in self.attachments] + self.linked_files:
            key = upload_path(url) or url
            if key not in seen:
                seen.add(key)
                urls.append(url)
        return urls


@dataclass
class WxrExport:
    site_title: str
    base_url: str
    posts: list[WxrPost]
    skipped: list[WxrPost]  # pages, drafts, menu items...: listed, never imported


class _TextExtractor(HTMLParser):
    """Post HTML to plain text: paragraphs and line breaks become new lines; links and images are noted."""

    BLOCKS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figure", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCKS:
            self.parts.append("\n")
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value)

    def handle_endtag(self, tag):
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The readable text of post HTML (block comments dropped, one paragraph a line) and its link targets."""
    parser = _TextExtractor()
    parser.feed(re.sub(r"<!--.*?-->", "", markup or "", flags=re.S))
    parser.close()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")]
    return "\n".join(line for line in lines if line), parser.urls


def upload_path(url: str) -> str:
    """``2024/02/report.pdf`` for ``https://site/wp-content/uploads/2024/02/report.pdf``; "" if no upload."""
    path = unquote(urlsplit(url).path)
    marker = "/wp-content/uploads/"
    if marker not in path:
        return ""
    return path.split(marker, 1)[1].lstrip("/")


def _text(element, path: str) -> str:
    found = element.find(path, NS)
    return (found.text or "").strip() if found is not None else ""


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _date(value: str) -> datetime.datetime | None:
    if not value or value.startswith("0000"):
        return None
    try:
        return datetime.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None


def parse_wxr(data: bytes) -> WxrExport:
    """Read an export file. Raises :class:`WxrError` with a message for the officer."""
    if len(data) > MAX_WXR_BYTES:
        raise WxrError(MSG_TOO_BIG % {"mb": MAX_WXR_BYTES // (1024 * 1024)})
    try:
        root = SafeET.fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise WxrError(MSG_UNSAFE) from error
    except SafeET.ParseError as error:
        raise WxrError(MSG_NOT_WXR) from error
    channel = root.find("channel")
    version = _text(channel, "wp:wxr_version") if channel is not None else ""
    if root.tag != "rss" or channel is None or version not in _WP_VERSIONS:
        raise WxrError(MSG_NOT_WXR)
    base_url = _text(channel, "wp:base_site_url") or _text(channel, "link")
    items, attachments = [], []
    for item in channel.findall("item"):
        post_type = _text(item, "wp:post_type")
        if post_type == "attachment":
            attachments.append(
                WxrAttachment(
                    post_id=_int(_text(item, "wp:post_id")),
                    parent_id=_int(_text(item, "wp:post_parent")),
                    title=html.unescape(_text(item, "title")),
                    url=_text(item, "wp:attachment_url") or _text(item, "guid"),
                )
            )
            continue
        markup = _text(item, "content:encoded")
        text, urls = html_to_text(markup)
        items.append(
            WxrPost(
                post_id=_int(_text(item, "wp:post_id")),
                guid=_text(item, "guid") or f"{base_url}/?p={_text(item, 'wp:post_id')}",
                title=html.unescape(_text(item, "title")),
                link=_text(item, "link"),
                post_type=post_type,
                status=_text(item, "wp:status"),
                post_name=unquote(_text(item, "wp:post_name")),
                post_date=_date(_text(item, "wp:post_date")),
                author=_text(item, "dc:creator"),
                html=markup,
                text=text,
                categories=[(c.text or "").strip() for c in item.findall("category")],
                linked_files=[u for u in urls if upload_path(u)],
            )
        )
    by_id = {post.post_id: post for post in items}
    for attachment in attachments:
        if attachment.parent_id in by_id:
            by_id[attachment.parent_id].attachments.append(attachment)
    posts = [p for p in items if p.post_type == "post" and p.status in ("publish", "private")]
    skipped = [
        p for p in items if p not in posts and p.post_type not in ("nav_menu_item", "wp_global_styles")
    ]
    return WxrExport(
        site_title=html.unescape(_text(channel, "title")), base_url=base_url, posts=posts, skipped=skipped
    )
