#!/usr/bin/env python3
"""Summarise a dotnet-trace speedscope file (profile dotnet-sampled-thread-time): time per frame over all threads.

usage: speedscope_top.py FILE.speedscope.json [--top N] [--match TEXT] [--around TEXT]

The sampled thread time puts every sample under CPU_TIME (running managed code) or UNMANAGED_CODE_TIME
(native code: system calls, waits, the GC, the JIT). A sample counts for the deepest real frame above it
("self") and for every frame on its stack ("inclusive"). Idle pool threads wait in UNMANAGED code, so read
the CPU columns for work and the unmanaged column of I/O frames (read, write, mkdir) for time blocked.
"""
import json
import sys
from collections import defaultdict

PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME"}


def main():
    path = sys.argv[1]
    top = int(sys.argv[sys.argv.index("--top") + 1]) if "--top" in sys.argv else 40
    match = sys.argv[sys.argv.index("--match") + 1] if "--match" in sys.argv else None
    around = sys.argv[sys.argv.index("--around") + 1] if "--around" in sys.argv else None
    callers, callees = defaultdict(float), defaultdict(float)
    data = json.load(open(path))
    frames = [f["name"] for f in data["shared"]["frames"]]
    pseudo = {i for i, n in enumerate(frames) if n in PSEUDO}
    cpu_index = frames.index("CPU_TIME") if "CPU_TIME" in frames else -1
    self_cpu, self_native = defaultdict(float), defaultdict(float)
    incl_cpu, incl_native = defaultdict(float), defaultdict(float)
    totals = defaultdict(float)
    for profile in data["profiles"]:
        stack = []
        last = profile["startValue"]
        for event in profile["events"]:
            at = event["at"]
            span = at - last
            last = at
            if stack and span > 0:
                on_cpu = cpu_index in stack
                real = [f for f in stack if f not in pseudo]
                if real:
                    (self_cpu if on_cpu else self_native)[real[-1]] += span
                for f in set(real):
                    (incl_cpu if on_cpu else incl_native)[f] += span
                if around:
                    hits = [k for k, f in enumerate(real) if around in frames[f]]
                    if hits:
                        k = hits[0]
                        callers[tuple(real[max(0, k - 3):k])] += span
                        callees[real[k + 1] if k + 1 < len(real) else -1] += span
                totals["cpu" if on_cpu else "native"] += span
            if event["type"] == "O":
                stack.append(event["frame"])
            else:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k] == event["frame"]:
                        del stack[k]
                        break

    def show(title, primary, secondary):
        print(f"## {title}: ms of thread time (CPU total {totals['cpu']:,.0f}, native/waiting total {totals['native']:,.0f})")
        print(f"{'CPU':>9} {'native':>9}  frame")
        shown = 0
        for f, t in sorted(primary.items(), key=lambda kv: -kv[1]):
            name = frames[f]
            if match and match not in name:
                continue
            print(f"{t:9,.0f} {secondary.get(f, 0):9,.0f}  {name[:160]}")
            shown += 1
            if shown >= top:
                break
        print()

    if around:
        print(f"## callers (up to 3 levels) of the first frame matching '{around}', all thread time")
        for key, t in sorted(callers.items(), key=lambda kv: -kv[1])[:top]:
            print(f"{t:9,.0f}  " + "  <  ".join(frames[f][:90] for f in reversed(key)))
        print()
        print(f"## its direct callees, all thread time")
        for f, t in sorted(callees.items(), key=lambda kv: -kv[1])[:top]:
            print(f"{t:9,.0f}  " + ("(self)" if f == -1 else frames[f][:160]))
        print()
        return
    show("self, by CPU", self_cpu, self_native)
    show("self, by native/waiting", self_native, self_cpu)
    show("inclusive, by CPU", incl_cpu, incl_native)


if __name__ == "__main__":
    main()
