"""Accuracy of the WordPress fact reader on real posts: precision and recall per fact kind, both halves.

    DJANGO_SETTINGS_MODULE=portal.settings.development .venv/bin/python benchmarks/import_accuracy.py [--details [development|test]]

Reads ``tests/meetings/fixtures/evaluation/`` (real Lao news posts, their facts read by hand in ``truth.json``,
split at random into a development half the rules were written against and a test half that was only
scored). Needs no database: names are matched against the seeded country list only, no recorded people.
``--details`` lists every wrong and missed fact.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")

import django  # noqa: E402

django.setup()

from meetings.importing.evaluation import score_half, table  # noqa: E402


def main() -> None:
    halves = [score_half("development"), score_half("test")]
    for half in halves:
        print(
            f"{half.name}: {half.posts} posts, {half.meetings} about a meeting; of the {half.non_meetings} others, "
            f"{half.drafts_for_non_meetings} would be ticked as meetings"
        )
    print()
    print(table(halves))
    if "--details" in sys.argv:  # "--details development" lists that half's only
        wanted = sys.argv[sys.argv.index("--details") + 1 :] or [h.name for h in halves]
        for half in (h for h in halves if h.name in wanted):
            print(f"\n## {half.name}: wrong")
            print("\n".join(half.wrong) or "(none)")
            print(f"\n## {half.name}: missed")
            print("\n".join(half.missed) or "(none)")


if __name__ == "__main__":
    main()
