"""What Python feedparser reads from each document, for the agreement row of the real-feed bench:
per entry its id, title, link, date (UTC seconds) and body (content, else summary, as text).
Argument: a JSON list of [path, base URL or null]. Prints one JSON object keyed by path."""
import calendar
import html
import json
import re
import sys

import feedparser

TAGS = re.compile(r"<[^>]*>")


def text(value):
    return " ".join(html.unescape(TAGS.sub(" ", value or "")).split())


def entry_fields(entry):
    body = ""
    if entry.get("content"):
        body = entry["content"][0].get("value", "")
    elif entry.get("summary"):
        body = entry["summary"]
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return {
        "id": entry.get("id"),
        "title": text(entry.get("title", "")),
        "link": entry.get("link"),
        "date": calendar.timegm(when) if when else None,
        "body": text(body),
    }


def main():
    out = {}
    for path, base in json.loads(sys.argv[1]):
        headers = {"content-location": base} if base else None
        with open(path, "rb") as handle:
            parsed = feedparser.parse(handle.read(), response_headers=headers)
        out[path] = [entry_fields(e) for e in parsed.entries]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
