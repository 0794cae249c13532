#!/usr/bin/env python3
"""bench/CutoverBench's JSON as lines of bench/out/dual-write.tsv (measure, mode_or_rows, run, p50_ms, p95_ms,
p99_ms_or_seconds, note): one line per reconcile pass and per switch (seconds in the last number column), then per
switch the p50 of its pauses (p50_ms) with the max in the note, then the writers' totals and what each store lost.

Usage: cutover-tsv.py dual-cutover.json >> bench/out/dual-write.tsv
"""
import json
import sys

d = json.load(open(sys.argv[1]))
r = d["reconcile"]


def pass_line(measure, p):
    return (f'{measure}\t{p["changed_keys"] if p["pass"] != "full" else p["rows"]} '
            f'{"keys" if p["pass"] != "full" else "rows"}\t{p["run"]}\t\t\t{p["wall_ms"] / 1000:.3f}\t'
            f'reconciler {p["duration_ms"]} ms; found {p["found"]}, repaired {p["repaired"]}')


print(pass_line("reconcile-full-pass", r["full"]))
for p in r["idle"]:
    print(pass_line("reconcile-changed-idle", p))
for p in r["changed"]:
    print(pass_line(f'reconcile-changed-{r["rows_changed_per_run"]}', p))

c = d["cutover"]
for s in c["switches"]:
    print(f'cutover-pause\t{s["kind"]} {s["from"]}->{s["to"]}\t{s["walk"]}\t\t\t{s["pause_ms"] / 1000:.3f}\t'
          f'drain {s["drain_ms"]:.0f} ms, final {s["final_pass"]} reconcile {s["final_reconcile_ms"]:.0f} ms '
          f'({s["final_changed_keys"]} keys, found {s["final_found"]}), persist {s["persist_mode_ms"]:.0f} ms, '
          f'align+resume {s["align_and_resume_ms"]:.0f} ms; catch-up before the pause {s["catch_up_ms"] / 1000:.1f} s; '
          f'longest write {s["longest_write_ms"]:.0f} ms of {s["writes_during"]} (during the catch-up {s["longest_catch_up_write_ms"]:.0f} ms); '
          f'gates green {s["gates_green"]}')
for s in c["summary"]:
    print(f'cutover-pause-p50\t{s["switch"].replace(" → ", "->")}\t{s["count"]}\t{s["p50_ms"]:.0f}\t\t\tmax {s["max_ms"]:.0f} ms')
lost = "; ".join(f'{l["store"]}: {l["missing"]} missing, {l["different"]} different, {l["unexpected"]} unexpected of {l["expected"]}'
                 for l in c["lost"])
print(f'cutover-writers\t{c["writers"]} writers\t{c["walks"]}\t{c["write_p50_ms"]}\t\t\t'
      f'{c["inserts"]} inserts, {c["updates"]} edits, {c["failures"]} failed; write p99 {c["write_p99_ms"]} ms, with no switch running '
      f'p99 {c["outside_switches_p99_ms"]} ms, max {c["outside_switches_max_ms"]} ms; {lost}; end mode {c["end_mode"]}'
      f'{"; ABORTED " + c["aborted"] if c["aborted"] else ""}')
