"""Accuracy of the WordPress fact reader on real posts: precision and recall per fact kind, per half of a set.

    DJANGO_SETTINGS_MODULE=portal.settings.development .venv/bin/python benchmarks/import_accuracy.py \
        [--set evaluation|evaluation_holdout] [--half NAME ...] [--details [NAME ...]]

Reads a set folder under ``tests/meetings/fixtures/`` (real Lao news posts, their facts read by hand in
``truth.json``). The default set, ``evaluation``, was split at random into a development half the rules were
written against and a test half that was only scored, once per round, without ``--details``, in rounds 1 and 2.
``evaluation_holdout`` is one half, ``holdout``, of posts collected later; scored once unseen in round 1, it is
development data from round 2 on. From round 3 on the test half is opened too: all three (development, test,
holdout) are development data, and posts never seen are a new set scored once by the lead
(``--set evaluation_unseen3``; see benchmarks/results/import-accuracy-2026-12-05.md).
``--half`` scores the named halves only (default: every half of the set's ``split``).
Needs no database: names are matched against the seeded country list only, no recorded people.
``--details`` lists every wrong and missed fact (of the named halves, or of all scored).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.development")

import django  # noqa: E402

django.setup()

from meetings.importing import evaluation  # noqa: E402
from meetings.importing.evaluation import score_half, table  # noqa: E402

FIXTURES = evaluation.EVAL_DIR.parent


def arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--set", default="evaluation", help="a folder under tests/meetings/fixtures/")
    parser.add_argument("--half", action="append", help="a half of the set's split (repeat for more)")
    parser.add_argument("--details", nargs="*", metavar="HALF", help="list wrong and missed facts")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = arguments(sys.argv[1:] if argv is None else argv)
    folder = FIXTURES / args.set
    if not (folder / "truth.json").is_file():
        sys.exit(f"No set {args.set!r}: {folder / 'truth.json'} does not exist.")
    evaluation.EVAL_DIR = folder  # the scoring reads its texts and truth from here
    split = evaluation.load_truth()["split"]
    names = args.half or list(split)
    unknown = [name for name in names if name not in split]
    if unknown:
        sys.exit(f"No half {', '.join(unknown)} in {args.set}; its halves: {', '.join(split)}.")
    halves = [score_half(name) for name in names]
    print(f"set: {args.set}")
    for half in halves:
        print(
            f"{half.name}: {half.posts} posts, {half.meetings} about a meeting ({half.meetings_unticked} of them "
            f"would be left unticked in the preview); of the {half.non_meetings} others, "
            f"{half.drafts_for_non_meetings} would be ticked as meetings"
        )
    print()
    print(table(halves))
    if args.details is not None:  # "--details development" lists that half's only
        wanted = args.details or [h.name for h in halves]
        for half in (h for h in halves if h.name in wanted):
            print(f"\n## {half.name}: wrong")
            print("\n".join(half.wrong) or "(none)")
            print(f"\n## {half.name}: missed")
            print("\n".join(half.missed) or "(none)")


if __name__ == "__main__":
    main()
