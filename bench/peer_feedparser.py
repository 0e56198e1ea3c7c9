"""The peer the bench compares against: Python feedparser 6 parsing each document and
bleach sanitizing every HTML field, on the same corpus files, timed in-process so
interpreter start-up is not counted. Prints one JSON line: items and seconds per run."""
import json
import os
import sys
import time

import bleach
import feedparser

ALLOWED_TAGS = ["p", "a", "b", "i", "em", "strong", "ul", "ol", "li", "blockquote", "br", "h2", "h3"]


def process(data):
    parsed = feedparser.parse(data)
    for entry in parsed.entries:
        for field in ("title", "summary"):
            if field in entry:
                bleach.clean(entry[field], tags=ALLOWED_TAGS, strip=True)
        for content in entry.get("content", []):
            bleach.clean(content.get("value", ""), tags=ALLOWED_TAGS, strip=True)
    return len(parsed.entries)


def main():
    folder, runs = sys.argv[1], int(sys.argv[2])
    documents = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), "rb") as handle:
            documents.append(handle.read())
    seconds = []
    items = 0
    for _ in range(runs):
        started = time.perf_counter()
        items = sum(process(data) for data in documents)
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"items": items, "seconds": seconds, "feedparser": feedparser.__version__, "bleach": bleach.__version__}))


if __name__ == "__main__":
    main()
