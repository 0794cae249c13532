#!/usr/bin/env python3
"""Export the legacy touchpoints to CSV for the raw `psql \\copy` ceiling (untimed preparation).

Usage: export-touchpoints-csv.py LEGACY_DIR OUT.csv

Only what PostgreSQL's own input functions cannot read is rewritten, so the ceiling table can have the same
column types as abm_touchpoints (timestamptz, numeric(6,2)): epoch seconds become ISO timestamps in UTC, ''
becomes NULL, enum words are trimmed and lower-cased. Other timestamp forms are left as they are (psql runs
with PGTZ=UTC, so a value without an offset is UTC, as the legacy app meant).
"""
import csv
import datetime as dt
import os
import sqlite3
import sys

legacy_dir, out = sys.argv[1], sys.argv[2]
db = sqlite3.connect(os.path.join(legacy_dir, "epic16_abm_campaigns.db"))


def ts(value):
    if value is None or value == "":
        return None
    if isinstance(value, int) or value.isdigit():
        return dt.datetime.fromtimestamp(int(value), dt.timezone.utc).isoformat()
    return value


count = 0
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    for (id_, campaign, prospect, asset, channel, scheduled, executed, status, score, notes) in db.execute(
            "SELECT id, campaign_id, prospect_id, asset_id, channel, scheduled_at, executed_at, status,"
            " engagement_score, notes FROM touchpoints ORDER BY id"):
        w.writerow([id_, campaign, prospect, asset, channel.strip().lower(), ts(scheduled), ts(executed),
                    status.strip().lower(), score if score != "" else None, notes])
        count += 1
print(f"{count} rows -> {out}")
