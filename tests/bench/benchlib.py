"""Shared helpers of the reportls benchmark harness (stdlib only)."""
import json
import math
import os
import platform
import signal
import subprocess
import tempfile
import threading
import time

GNU_TIME = "/usr/bin/time"
# The doubling pairs of `check` on the concatenated corpus (concat-xN.txt): batch.py times them,
# work.py counts their instructions, report.py judges them.
CONCAT_PAIRS = ((1, 2), (10, 20), (50, 100))


def work_key(shape, fmt, label):
    """Where work.json keeps the count of a shape (or "concat"), an output format and a size label."""
    return f"{shape}|{fmt}|{label}"


def percentile(values, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    s = sorted(values)
    k = max(0, min(len(s) - 1, math.ceil(p / 100 * len(s)) - 1))
    return s[k]


def median(values):
    s = sorted(values)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def run_once(cmd, timeout, cwd=None, env=None, log=None):
    """Runs cmd with stdout+stderr written to `log` (or discarded); returns a dict with wall (s), maxrss_kb (peak RSS of
    the child and the descendants it waited for, from wait4's rusage), cpu (s), rc, timed_out."""
    sink = open(log, "wb") if log else subprocess.DEVNULL
    # Peak RSS through GNU time when it is there: wait4's ru_maxrss of a child forked from this
    # Python process starts at Python's own RSS, which would be the floor of every row.
    rss_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, rss_file = tempfile.mkstemp(prefix="bench-rss-")
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file, *cmd]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=sink,
                            stderr=subprocess.STDOUT if log else subprocess.DEVNULL, cwd=cwd, env=env,
                            start_new_session=True)
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    timer = threading.Timer(timeout, kill)
    timer.start()
    try:
        _, status, ru = os.wait4(proc.pid, 0)
    finally:
        timer.cancel()
    wall = time.perf_counter() - t0
    if log:
        sink.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    # a killed node may leave workers in its group: make sure none survives
    if timed_out.is_set():
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    maxrss = ru.ru_maxrss
    if rss_file:
        try:
            with open(rss_file) as f:
                last = f.read().strip().splitlines()[-1]
            maxrss = int(last)
        except (OSError, ValueError, IndexError):
            pass
        os.unlink(rss_file)
    return {"wall": wall, "maxrss_kb": maxrss, "cpu": ru.ru_utime + ru.ru_stime,
            "rc": proc.returncode, "timed_out": timed_out.is_set()}


def measure(cmd, *, timeout, runs, budget, cwd=None, env=None, ok_rc=(0, 1), warmup=False, log=None,
            validate=None):
    """Repeats cmd up to `runs` times while the time spent stays under `budget` seconds (at least
    once). Returns {median, min, runs, maxrss_kb, cpu_median, error}; error is a string when the
    command timed out, exited with an unexpected code or, on its first run, wrote output that
    `validate(text, rc)` rejects (it returns an error string or None); then no median is given."""
    if warmup:
        run_once(cmd, timeout, cwd, env)
    walls, rss, cpus = [], [], []
    spent = 0.0
    for i in range(runs):
        r = run_once(cmd, timeout, cwd, env, log)
        spent += r["wall"]
        if r["timed_out"]:
            return {"error": f"timed out after {timeout:g} s", "runs": len(walls) + 1,
                    "lower_bound": timeout}
        if r["rc"] not in ok_rc:
            return {"error": f"exit code {r['rc']}", "runs": len(walls) + 1}
        if i == 0 and validate and log:
            with open(log, encoding="utf-8", errors="replace") as f:
                problem = validate(f.read(), r["rc"])
            if problem:
                return {"error": f"failed: {problem}", "runs": 1}
        walls.append(r["wall"])
        rss.append(r["maxrss_kb"])
        cpus.append(r["cpu"])
        if spent >= budget and len(walls) >= 1:
            break
    return {"median": median(walls), "min": min(walls), "runs": len(walls),
            "maxrss_kb": max(rss), "cpu_median": median(cpus)}


def measure_against(cmds, base_cmd, *, timeout, runs, budget):
    """Runs each command of `cmds` ({key: argv}) and base_cmd in turn (base, first, base, second, …,
    so that a changing machine load hits all of them alike: the two sizes of a doubling compared in
    one row) and returns per key measure()-like stats plus `base_median` and `diff` = median(cmd) −
    median(base); of CPU time the same difference of medians (`cpu_diff`) and of the fastest runs
    (`cpu_min_diff`).  A command that times out or fails gets an error and leaves the rotation."""
    for cmd in (*cmds.values(), base_cmd):
        run_once(cmd, timeout)
    runs_of = {key: {"wall": [], "cpu": [], "rss": []} for key in cmds}
    base = {"wall": [], "cpu": []}
    out = {}
    spent = 0.0
    for _ in range(runs):
        for key, cmd in cmds.items():
            if key in out:
                continue
            b = run_once(base_cmd, timeout)
            r = run_once(cmd, timeout)
            spent += r["wall"] + b["wall"]
            base["wall"].append(b["wall"])
            base["cpu"].append(b["cpu"])
            done = runs_of[key]
            if r["timed_out"]:
                out[key] = {"error": f"timed out after {timeout:g} s", "runs": len(done["wall"]) + 1,
                            "lower_bound": timeout}
            elif r["rc"] not in (0, 1):
                out[key] = {"error": f"exit code {r['rc']}", "runs": len(done["wall"]) + 1}
            else:
                done["wall"].append(r["wall"])
                done["cpu"].append(r["cpu"])
                done["rss"].append(r["maxrss_kb"])
        if spent >= budget and all(len(v["wall"]) >= 3 for k, v in runs_of.items() if k not in out):
            break
    for key, v in runs_of.items():
        if key in out:
            continue
        out[key] = {"median": median(v["wall"]), "min": min(v["wall"]), "runs": len(v["wall"]),
                    "maxrss_kb": max(v["rss"]), "base_median": median(base["wall"]),
                    "diff": median(v["wall"]) - median(base["wall"]),
                    "cpu_median": median(v["cpu"]), "cpu_diff": median(v["cpu"]) - median(base["cpu"]),
                    "cpu_min_diff": min(v["cpu"]) - min(base["cpu"])}
    return out


def machine_info():
    model = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {"cores": os.cpu_count(), "cpu": model, "kernel": platform.release(),
            "date": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "loadavg": load}


def save(path, data):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None
