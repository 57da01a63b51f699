#!/usr/bin/env python3
"""Summarises a JFR recording's CPU samples: the hottest methods by self time and by inclusive
time, optionally only for threads whose name contains a filter. Used for the profiling evidence in
bench/README.md.

usage: jfr_top.py RECORDING.jfr [--thread NAME] [--top N] [--match SUBSTRING ...] [--alloc]
       --match prints the inclusive share of every frame containing each substring.
"""
import argparse
import collections
import re
import subprocess
import sys


def samples(recording, depth=96):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", str(depth),
                           recording], check=True, capture_output=True, text=True).stdout
    for block in text.split("jdk.ExecutionSample {")[1:]:
        thread = re.search(r'sampledThread = "([^"]*)"', block)
        frames = re.findall(r"^\s{4}([\w$.<>/]+)\(", block, re.M)
        yield (thread.group(1) if thread else "?"), frames


def allocations(recording, depth=64):
    text = subprocess.run(["jfr", "print", "--events", "jdk.ObjectAllocationSample", "--stack-depth", str(depth),
                           recording], check=True, capture_output=True, text=True).stdout
    for block in text.split("jdk.ObjectAllocationSample {")[1:]:
        thread = re.search(r'eventThread = "([^"]*)"', block)
        cls = re.search(r"objectClass = ([^\s]+)", block)
        weight = re.search(r"weight = ([0-9.]+) ([kMG]?B)", block)
        frames = re.findall(r"^\s{4}([\w$.<>/]+)\(", block, re.M)
        scale = {"B": 1, "kB": 1024, "MB": 1 << 20, "GB": 1 << 30}[weight.group(2)] if weight else 0
        yield (thread.group(1) if thread else "?"), (cls.group(1) if cls else "?"), \
            (float(weight.group(1)) * scale if weight else 0), frames


def alloc_main(args):
    by_site = collections.Counter()
    total = 0.0
    for thread, cls, weight, frames in allocations(args.recording):
        if args.thread and args.thread not in thread:
            continue
        total += weight
        # The allocation site: the first frame outside java.* / jdk.* / sun.*, with the class allocated.
        site = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), frames[0] if frames else "?")
        by_site[f"{cls} <- {site}"] += weight
    print(f"{total / (1 << 20):.1f} MiB sampled allocation weight")
    for site, w in by_site.most_common(args.top):
        print(f"{100.0 * w / total:5.1f}%  {site}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("recording")
    parser.add_argument("--thread", default=None)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--match", nargs="*", default=[])
    parser.add_argument("--alloc", action="store_true", help="allocation sites instead of CPU samples")
    args = parser.parse_args()
    if args.alloc:
        alloc_main(args)
        return
    own = collections.Counter()
    inclusive = collections.Counter()
    matched = collections.Counter()
    total = 0
    for thread, frames in samples(args.recording):
        if args.thread and args.thread not in thread or not frames:
            continue
        total += 1
        own[frames[0]] += 1
        for frame in set(frames):
            inclusive[frame] += 1
        for needle in args.match:
            if any(needle in f for f in frames):
                matched[needle] += 1
    if total == 0:
        sys.exit("no samples")
    print(f"{total} samples")
    print("\n-- self --")
    for frame, n in own.most_common(args.top):
        print(f"{100.0 * n / total:5.1f}%  {frame}")
    print("\n-- inclusive --")
    for frame, n in inclusive.most_common(args.top):
        print(f"{100.0 * n / total:5.1f}%  {frame}")
    if args.match:
        print("\n-- matches (inclusive) --")
        for needle in args.match:
            print(f"{100.0 * matched[needle] / total:5.1f}%  {needle}")


if __name__ == "__main__":
    main()
