#!/usr/bin/env python3
"""Append touchpoints to a legacy epic16_abm_campaigns.db, in the forms the legacy app wrote them.

Usage: add-legacy-touchpoints.py LEGACY_DIR TOTAL [SEED] [PROSPECTS]

Brings the touchpoints table up to TOTAL rows (seed-demo's own rows count), with one prepared INSERT in one
transaction. With PROSPECTS, the prospects table of epic16_fortune500_acquisition.db is first brought up to that many
rows the same way (issue 14's set: 100k prospects and 1M touchpoints), and the added touchpoints reference them all. The rows reference campaigns and content assets of the same file and prospects of
epic16_fortune500_acquisition.db that seed-demo wrote, so every added row is migratable (seed-demo breaks only
leaf rows, none of them a parent). Values follow legacy-schema/README.md: six timestamp forms (epoch seconds as
an INTEGER among them), '' for NULL now and then, enum words in varied case and white space, REAL engagement
scores with cents (what a 4-byte `real` would damage), an occasional note with quotes, markup and Unicode.
"""
import datetime as dt
import os
import random
import sqlite3
import sys

CHANNELS = ["email", "linkedin", "direct_mail", "event", "ad", "call", "webinar"]
STATUSES = ["scheduled", "sent", "opened", "clicked", "replied", "meeting", "failed", "cancelled"]
NOTES = [
    'Asked for the "ROI" deck <b>again</b>',
    "Réunion reportée — voir l'e-mail",
    "CFO 👍 on pilot; legal review next",
    "采购流程需要三周",
    "O'Brien wants a call & a demo, not slides",
]
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def timestamp(moment, rng):
    roll = rng.randrange(100)
    if roll < 40:
        return moment.strftime("%Y-%m-%d %H:%M:%S")
    if roll < 60:
        return moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    if roll < 70:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    if roll < 80:
        return moment.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00")
    if roll < 90:
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return int((moment - EPOCH).total_seconds())


def enum(word, rng):
    roll = rng.randrange(100)
    if roll < 90:
        return word
    if roll < 93:
        return word.capitalize()
    if roll < 96:
        return word.upper() + " "
    return "  " + word + "\t"


INDUSTRIES = ["Technology", "Financial Services", "Healthcare", "Retail", "Energy", "Manufacturing", "Telecommunications"]
STAGES = ["identified", "researching", "engaged", "qualified", "proposal", "negotiation", "converted", "lost"]
OWNERS = ["alex@epic16.demo", "sam@epic16.demo", "kim@epic16.demo", "lee@epic16.demo", "pat@epic16.demo"]


def add_prospects(f500, total, rng):
    """Prospects up to TOTAL in the legacy forms (enum words in varied case, six timestamp forms, '' for NULL now and then)."""
    have = f500.execute("SELECT count(*) FROM prospects").fetchone()[0]
    start = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    span = int((dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc) - start).total_seconds())

    def rows():
        for n in range(have, total):
            created = start + dt.timedelta(seconds=rng.randrange(span))
            yield (
                f"Bench Prospect {n:06d} Inc",
                rng.randrange(1, 501) if rng.randrange(3) else None,
                enum(rng.choice(INDUSTRIES).lower(), rng) if rng.randrange(10) else "",
                enum(rng.choice(STAGES), rng),
                round(rng.random() * 100, 2),
                round(50_000 + rng.random() * 2_000_000, 2),
                rng.choice(OWNERS),
                rng.choice(NOTES) if rng.randrange(20) == 0 else None,
                timestamp(created, rng),
                timestamp(created + dt.timedelta(days=rng.randrange(60)), rng) if rng.randrange(4) else None,
            )

    with f500:  # one transaction
        f500.executemany(
            "INSERT INTO prospects (company_name, fortune_rank, industry, status, lead_score, estimated_arr_usd, owner, notes,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
    print(f"prospects {have:,} -> {f500.execute('SELECT count(*) FROM prospects').fetchone()[0]:,}")


def main():
    legacy_dir, total = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1616)
    f500 = sqlite3.connect(os.path.join(legacy_dir, "epic16_fortune500_acquisition.db"))
    if len(sys.argv) > 4:
        add_prospects(f500, int(sys.argv[4]), rng)
    abm = sqlite3.connect(os.path.join(legacy_dir, "epic16_abm_campaigns.db"))
    # seed-demo breaks only leaf rows (DemoDataGenerator.BrokenRows), so every parent id is a valid reference.
    prospects = [r[0] for r in f500.execute("SELECT id FROM prospects ORDER BY id")]
    campaigns = [r[0] for r in abm.execute("SELECT id FROM campaigns ORDER BY id")]
    assets = [r[0] for r in abm.execute("SELECT id FROM content_assets ORDER BY id")]
    have = abm.execute("SELECT count(*) FROM touchpoints").fetchone()[0]
    missing = total - have
    if missing <= 0:
        print(f"touchpoints already {have:,} >= {total:,}")
        return
    start = dt.datetime(2023, 1, 1, tzinfo=dt.timezone.utc)
    span = int((dt.datetime(2026, 10, 1, tzinfo=dt.timezone.utc) - start).total_seconds() * 1_000_000)

    def rows():
        for _ in range(missing):
            scheduled = start + dt.timedelta(microseconds=rng.randrange(span))
            status = rng.choice(STATUSES)
            executed = None
            if status not in ("scheduled", "failed", "cancelled"):
                executed = scheduled + dt.timedelta(minutes=rng.randrange(240))
            yield (
                rng.choice(campaigns),
                rng.choice(prospects),
                None if rng.randrange(4) == 0 else rng.choice(assets),
                enum(rng.choice(CHANNELS), rng),
                timestamp(scheduled, rng),
                ("" if rng.randrange(3) == 0 else None) if executed is None else timestamp(executed, rng),
                enum(status, rng),
                None if executed is None else round(rng.random() * 100, 2),
                rng.choice(NOTES) if rng.randrange(12) == 0 else None,
            )

    with abm:  # one transaction
        abm.executemany(
            "INSERT INTO touchpoints (campaign_id, prospect_id, asset_id, channel, scheduled_at, executed_at, status,"
            " engagement_score, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows())
    now = abm.execute("SELECT count(*) FROM touchpoints").fetchone()[0]
    print(f"touchpoints {have:,} -> {now:,} in {legacy_dir}")


if __name__ == "__main__":
    main()
