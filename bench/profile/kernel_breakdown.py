#!/usr/bin/env python3
"""Where a process's kernel time goes: `perf script` output read on standard input, each sample whose top frame is
in the kernel counted under the system call (or page fault, or interrupt) it came from. Shares are of all samples.

    perf record -F 2000 -g -o perf.data -- bench/out/hub-native/hub build ...
    perf script -i perf.data | python3 bench/profile/kernel_breakdown.py
"""
import collections
import sys

ENTRIES = {"asm_exc_page_fault": "page fault"}


def category(frames):
    for frame in frames:
        parts = frame.split()
        symbol = parts[1].split("+")[0] if len(parts) > 1 else "?"
        for prefix in ("__x64_sys_", "__do_sys_"):
            if symbol.startswith(prefix):
                return "syscall " + symbol[len(prefix):]
        if symbol in ENTRIES:
            return ENTRIES[symbol]
        if symbol.startswith("asm_sysvec_") or symbol == "asm_common_interrupt":
            return "interrupt " + symbol[len("asm_"):]
    return "other kernel"


def main():
    counts = collections.Counter()
    total = 0
    frames = []

    def flush():
        nonlocal total
        if not frames:
            return
        total += 1
        if "[kernel.kallsyms]" in frames[0]:
            counts[category(frames)] += 1

    for line in sys.stdin:
        if not line.strip():
            flush()
            frames.clear()
        elif line[0] in " \t":
            frames.append(line.strip())
    flush()
    kernel = sum(counts.values())
    print(f"{total} samples, {kernel} in the kernel ({100 * kernel / max(total, 1):.1f} %)")
    for name, count in counts.most_common(20):
        print(f"{100 * count / max(total, 1):6.2f} %  {name}")


if __name__ == "__main__":
    main()
