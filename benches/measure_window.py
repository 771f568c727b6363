#!/usr/bin/env python3
"""The real window, measured from outside: startup to first frame, idle CPU, resident memory.

Runs `target/release/steppe-atlas` under an X server (Xvfb, started here on --display if none is
given in DISPLAY) with Mesa's software Vulkan (lavapipe), as CI does:

  startup   process start to the first frame on screen: the time until the window exists and
            the pixel at its centre is no longer the empty black of a new X window (median of
            --runs starts);
  idle CPU  user + system time from /proc/PID/stat over --idle-seconds, after the first frame
            and a settling pause, with nobody touching the window;
  memory    VmRSS and VmHWM (the peak) from /proc/PID/status at the end of the idle period;
  playing   the same CPU reading while Play runs (Space), for comparison: with lavapipe this
            includes the "GPU" work done on the CPU.

Usage (from the repository root, after `cargo build --release`; needs Xvfb and python-xlib):

    apt-get install xvfb mesa-vulkan-drivers && pip install python-xlib
    python3 benches/measure_window.py [--runs 5] [--idle-seconds 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_window(display):
    """The top-level window titled Steppe Atlas, if it is mapped."""
    from Xlib import X

    stack = [display.screen().root]
    while stack:
        window = stack.pop()
        try:
            name = window.get_wm_name()
            if name and "Steppe Atlas" in str(name):
                if window.get_attributes().map_state == X.IsViewable:
                    return window
            stack.extend(window.query_tree().children)
        except Exception:  # windows come and go while we look
            continue
    return None


def centre_pixel(window) -> int:
    from Xlib import X

    geometry = window.get_geometry()
    image = window.get_image(geometry.width // 2, geometry.height // 2, 1, 1, X.ZPixmap, 0xFFFFFFFF)
    return int.from_bytes(image.data[:3], "little")


def wait_first_frame(display, process, timeout: float = 30.0) -> float:
    """Seconds from now until the window shows something; polls every millisecond."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"steppe-atlas exited with {process.returncode}")
        window = find_window(display)
        if window is not None:
            try:
                if centre_pixel(window) != 0:
                    return time.perf_counter() - started
            except Exception:
                pass
        time.sleep(0.001)
    raise RuntimeError("no frame within the timeout")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of stat(5)
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def memory_mb(pid: int) -> dict[str, float]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--binary", type=Path, default=ROOT / "target" / "release" / "steppe-atlas")
    parser.add_argument("--display", default=":77")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    parser.add_argument("--settle-seconds", type=float, default=3.0)
    parser.add_argument("--data", type=Path, default=None, help="a --data folder instead of the embedded data")
    args = parser.parse_args()

    xvfb = None
    if not os.environ.get("DISPLAY") or args.display != ":77":
        os.environ["DISPLAY"] = args.display
    try:
        from Xlib import display as xdisplay

        display = xdisplay.Display()
    except Exception:
        xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1920x1080x24"], stderr=subprocess.DEVNULL)
        time.sleep(1.0)
        from Xlib import display as xdisplay

        display = xdisplay.Display()

    command = [str(args.binary), "--date", "1918-07-01", "--lang", "en"]
    if args.data:
        command += ["--data", str(args.data)]
    # A fresh settings folder, so that no remembered state differs between runs.
    home = Path(os.environ.get("TMPDIR", "/tmp")) / "steppe-atlas-measure-home"
    shutil.rmtree(home, ignore_errors=True)
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"), LANG="en_GB.UTF-8")

    starts = []
    try:
        for _ in range(args.runs):
            started = time.perf_counter()
            process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wait_first_frame(display, process)
                starts.append(time.perf_counter() - started)
            finally:
                process.terminate()
                process.wait()
            time.sleep(0.5)

        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_first_frame(display, process)
            time.sleep(args.settle_seconds)
            before = cpu_seconds(process.pid)
            time.sleep(args.idle_seconds)
            idle = (cpu_seconds(process.pid) - before) / args.idle_seconds
            memory = memory_mb(process.pid)
            window = find_window(display)
            playing = None
            if window is not None and shutil.which("xdotool"):
                # Without a window manager only windowfocus gives the window the keyboard; a key
                # sent to a window directly (--window) is a synthetic event that winit ignores.
                subprocess.run(["xdotool", "windowfocus", "--sync", str(window.id)], capture_output=True)
                subprocess.run(["xdotool", "key", "space"], capture_output=True)
                time.sleep(1.0)
                before = cpu_seconds(process.pid)
                time.sleep(5.0)
                playing = (cpu_seconds(process.pid) - before) / 5.0
        finally:
            process.terminate()
            process.wait()
    finally:
        if xvfb is not None:
            xvfb.terminate()
            xvfb.wait()

    print(f"startup to first frame: median {statistics.median(starts) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in starts)} ms)")
    print(f"idle CPU over {args.idle_seconds:.0f} s: {idle * 100:.2f} % of one core")
    print(f"resident memory: VmRSS {memory.get('VmRSS', 0):.0f} MB, peak VmHWM {memory.get('VmHWM', 0):.0f} MB")
    if playing is not None:
        print(f"CPU while playing (Space): {playing * 100:.0f} % of one core (lavapipe renders on the CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
