#!/usr/bin/env python3
"""How long a thread of this machine waits beyond what it asked for.

Sleeps 1 ms at a time for SECONDS (default 15) and prints how late each wake-up
was: its 99th percentile, the worst, and how many were 5 ms late or more. Run
beside a latency benchmark that leaves the cores partly idle: when the probe
itself was held up for milliseconds, so was every other thread, and a p99 over
the goal then says more about the host (other tenants of a shared machine)
than about the program measured.

  bench/stall_probe.py [SECONDS]
"""
import sys
import time


def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 15.0
    asked = 0.001
    late = []
    end = time.monotonic() + seconds
    while True:
        before = time.monotonic()
        if before >= end:
            break
        time.sleep(asked)
        late.append(time.monotonic() - before - asked)
    late.sort()
    p99 = late[int(0.99 * (len(late) - 1))] * 1000
    worst = late[-1] * 1000
    over5 = sum(1 for x in late if x >= 0.005)
    print(f"stall probe: {len(late)} sleeps of 1 ms; late by p99 {p99:.2f} ms, "
          f"worst {worst:.2f} ms; {over5} late by 5 ms or more")


if __name__ == "__main__":
    main()
