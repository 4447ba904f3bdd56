"""A WordPress archive of many posts, made from the fixture WordPress exported (for the bulk review tests):
the meeting posts copied over and over, each copy a meeting of its own, its years moved back one per round
(title, text, dates), with its own GUID, number and address name. Attachments are left out."""

import re
from pathlib import Path

WXR = Path(__file__).parent / "fixtures" / "wordpress" / "committee-news.wxr.xml"
YEAR = re.compile(r"(?<![\d])(20[0-3]\d)(?![\d])")


def archive_export(n_posts: int) -> bytes:
    xml = WXR.read_text(encoding="utf-8")
    head, rest = xml.split("<item>", 1)
    chunks = ["<item>" + c for c in rest.split("<item>")]
    end = chunks[-1].index("</item>") + len("</item>")
    tail, chunks[-1] = chunks[-1][end:], chunks[-1][:end]
    posts = [c for c in chunks if "<wp:post_type><![CDATA[post]]>" in c and "new-year" not in c]
    out = []
    for n in range(n_posts):
        item, back = posts[n % len(posts)], n // len(posts)
        item = YEAR.sub(lambda m, back=back: str(int(m.group(1)) - back), item)  # another year, meeting
        item = re.sub(r"<guid([^>]*)>([^<]+)</guid>", rf"<guid\1>\2?copy={n}</guid>", item)
        item = re.sub(r"<wp:post_id>\d+</wp:post_id>", f"<wp:post_id>{5000 + n}</wp:post_id>", item)
        item = re.sub(r"<wp:post_name><!\[CDATA\[([^\]]*)\]\]>", rf"<wp:post_name><![CDATA[\1-{n}]]>", item)
        out.append(item)
    return (head + "\n".join(out) + tail).encode("utf-8")
