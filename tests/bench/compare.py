#!/usr/bin/env python3
"""vnsearch against its peers on the same articles, for scripts/bench (which passes every option).

For each corpus size (the first N articles of a JSON Lines dump): indexing by `vnindex` (1 job and
all jobs when it has --jobs), the SQLite FTS5 peer (fts5_load) and plain Xapian TermGenerator
(termgen_load); in-process query latency per query class (query_latency); one query per process
(`vnsearch search --json` against fts5_query). Queries are sampled once, with a fixed seed, from
the smallest slice, so every size answers the same queries. Writes compare.json (every figure),
compare.md (the tables) and compare.png (gnuplot) to the results folder and prints compare.md.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

SEARCH_CLASSES = ["word", "accentless", "two_words", "phrase", "name", "prefix"]
CLASS_LABELS = {
    "word": "one word", "accentless": "accentless word", "two_words": "two words",
    "phrase": "phrase", "name": "name", "prefix": "prefix", "suggest": "suggest",
}
SENTENCE_END = {".", "!", "?", ":", "…", '"', "“", "”", "-", "–"}


STARTED = time.monotonic()


def log(message):
    elapsed = int(time.monotonic() - STARTED)
    print(f"bench [{elapsed // 60}:{elapsed % 60:02d}]: {message}", file=sys.stderr, flush=True)


# --- Articles ---------------------------------------------------------------------------------

def extract(corpus, count, out):
    """Writes the first `count` (None: all) non-blank lines of `corpus` (JSON Lines, maybe .zst)."""
    reader = ["zstd", "-dcq", str(corpus)] if str(corpus).endswith(".zst") else ["cat", str(corpus)]
    written = 0
    with subprocess.Popen(reader, stdout=subprocess.PIPE) as proc, open(out, "wb") as sink:
        for raw in proc.stdout:
            if count is not None and written == count:
                break
            if raw.strip():
                sink.write(raw if raw.endswith(b"\n") else raw + b"\n")
                written += 1
        proc.kill()  # It may still be writing: the rest is not wanted.
    return written


def read_articles(path, limit):
    articles = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if len(articles) == limit:
                break
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            body = record.get("body") or record.get("content") or record.get("text") or ""
            articles.append((record.get("title") or "", body))
    return articles


# --- Query sampling -----------------------------------------------------------------------------

def fold(text):
    """Without diacritics, đ as d: how a reader types without accents."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return bare.replace("đ", "d").replace("Đ", "D")


def is_syllable(s):
    return len(s) >= 2 and s.isalpha()


class QuerySampler:
    """Queries drawn from random articles' own text, as a reader would type them."""

    def __init__(self, articles, stopwords, seed):
        self.articles = [a for a in articles if len((a[0] + " " + a[1]).split()) >= 20]
        self.stop = stopwords
        self.rng = random.Random(seed)

    def _tokens(self):
        title, body = self.rng.choice(self.articles)
        return (title + " .\n" + body).split()

    def _content_syllable(self, syllable):
        s = unicodedata.normalize("NFC", syllable.lower())
        return s if is_syllable(s) and s not in self.stop else None

    def _pick(self, make, count):
        out, seen, tries = [], set(), 0
        while len(out) < count and tries < count * 200:
            tries += 1
            q = make(self._tokens())
            if q and q not in seen:
                seen.add(q)
                out.append(q)
        return out

    def word(self, tokens):
        syllables = self.rng.choice(tokens).split("_")
        return self._content_syllable(self.rng.choice(syllables))

    def accentless(self, tokens):
        w = self.word(tokens)
        return fold(w) if w and fold(w) != w else None

    def two_words(self, tokens):
        a, b = self.word(tokens), self.word(tokens)
        return f"{a} {b}" if a and b and a != b and fold(a) != fold(b) else None

    def phrase(self, tokens):
        syllables = [s for t in tokens for s in t.split("_")]
        n = self.rng.choice([2, 3])
        i = self.rng.randrange(0, max(1, len(syllables) - n))
        words = [unicodedata.normalize("NFC", s.lower()) for s in syllables[i:i + n]]
        if len(words) < n or not all(is_syllable(w) for w in words):
            return None
        if words[0] in self.stop or words[-1] in self.stop:
            return None
        return '"' + " ".join(words) + '"'

    def name(self, tokens):
        i = self.rng.randrange(1, len(tokens))
        syllables = tokens[i].split("_")
        if tokens[i - 1] in SENTENCE_END or not all(is_syllable(s) and s[0].isupper() for s in syllables):
            return None
        if len(syllables) < 2 or len(syllables) > 4 or tokens[i].isupper():
            return None
        return '@"' + unicodedata.normalize("NFC", " ".join(syllables)) + '"'

    def _typed_prefix(self, tokens):
        """A compound being typed without accents: the first syllable whole, 2 letters of the next."""
        syllables = [unicodedata.normalize("NFC", s.lower()) for s in self.rng.choice(tokens).split("_")]
        if len(syllables) < 2 or not all(is_syllable(s) for s in syllables[:2]):
            return None
        return f"{fold(syllables[0])} {fold(syllables[1])[:2]}"

    def prefix(self, tokens):
        p = self._typed_prefix(tokens)
        return p + "*" if p else None

    def suggest(self, tokens):
        return self._typed_prefix(tokens)

    def sample(self, per_class, classes):
        return {c: self._pick(getattr(self, c), per_class) for c in classes}


def load_stopwords(path):
    if not path or not Path(path).is_file():
        return set()
    with open(path, encoding="utf-8") as f:
        return {unicodedata.normalize("NFC", line.strip().lower()) for line in f if line.strip()}


# --- Running and measuring ----------------------------------------------------------------------

def run_measured(argv):
    """Runs a program; returns its exit status, wall and CPU seconds and peak RSS (MB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "status": proc.returncode,
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "stderr": stderr.decode("utf-8", "replace")[-2000:],
    }


def disk_bytes(path):
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def remove(path):
    path = Path(path)
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    for extra in ("-wal", "-shm", "-journal"):
        Path(str(path) + extra).unlink(missing_ok=True)


def percentile(values, p):
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def summary(values):
    if not values:
        return None
    return {"n": len(values), "p50": percentile(values, 50), "p95": percentile(values, 95),
            "p99": percentile(values, 99)}


def index_all(tools, jsonl, work, jobs_options):
    """Indexes `jsonl` with every system; returns {system: figures}."""
    input_bytes = jsonl.stat().st_size
    articles = sum(1 for _ in open(jsonl, "rb"))
    subprocess.run(["cat", str(jsonl)], stdout=subprocess.DEVNULL, check=True)  # warm the cache
    runs = []
    for jobs in jobs_options:
        # "vnsearch" is the run a user gets (all cores); "vnsearch (1 job)" measures the scaling.
        name = "vnsearch (1 job)" if jobs == 1 and len(jobs_options) > 1 else "vnsearch"
        extra = [] if jobs is None else ["--jobs", str(jobs)]
        runs.append((name, work / "vnsearch-index",
                     [tools["vnindex"], "--index", str(work / "vnsearch-index"), "--quiet", *extra,
                      str(jsonl)]))
    runs.append(("FTS5", work / "fts5.db", [tools["fts5_load"], str(work / "fts5.db"), str(jsonl)]))
    runs.append(("TermGenerator", work / "termgen",
                 [tools["termgen_load"], str(work / "termgen"), str(jsonl)]))
    figures = {}
    for name, target, argv in runs:
        remove(target)
        log(f"  indexing {articles:,} articles with {name}")
        r = run_measured(argv)
        if r["status"] not in (0, 3):
            raise SystemExit(f"bench: {' '.join(map(str, argv))} failed ({r['status']}):\n{r['stderr']}")
        size = disk_bytes(target)
        figures[name] = {
            "wall_s": r["wall_s"], "cpu_s": r["cpu_s"], "peak_rss_mb": r["peak_rss_mb"],
            "mb_per_s": input_bytes / 1e6 / r["wall_s"], "articles_per_s": articles / r["wall_s"],
            "index_bytes": size, "size_ratio": size / input_bytes,
        }
    if "TermGenerator" in figures:
        remove(work / "termgen")  # Only its figures are wanted; the disk is shared.
    return {"articles": articles, "input_bytes": input_bytes, "systems": figures}


def time_processes(commands, timed_passes=1):
    """Runs {system: [argv, ...]} interleaved (the i-th command of each system in turn), a warm-up
    pass first (not recorded). Returns {system: wall ms}, {system: the program's own `took_ms`
    when it prints JSON with one}, and the exit statuses seen."""
    wall = {k: [] for k in commands}
    took = {k: [] for k in commands}
    statuses = set()
    count = len(next(iter(commands.values())))
    for p in range(timed_passes + 1):
        for i in range(count):
            for system, argvs in commands.items():
                start = time.perf_counter()
                done = subprocess.run(argvs[i], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
                ms = (time.perf_counter() - start) * 1000
                statuses.add(done.returncode)
                if p == 0:
                    continue
                wall[system].append(ms)
                if done.stdout.startswith(b"{"):
                    try:
                        took[system].append(float(json.loads(done.stdout)["took_ms"]))
                    except (ValueError, KeyError, TypeError):
                        pass
    return wall, took, statuses


# --- Report ----------------------------------------------------------------------------------------

def fmt(x, digits=2):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:,.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.{digits}f}"


def ratio(a, b):
    return None if a is None or b in (None, 0) else a / b


def report(results, meta):
    lines = []
    out = lines.append
    out(f"Corpus: `{meta['corpus']}`; sizes: {', '.join(f'{s:,}' for s in meta['sizes'])} articles "
        f"(the first N){meta['size_note']}  ")
    out(f"Machine: {meta['machine']}  ")
    out(f"Date: {meta['date']}; commit {meta['commit']}; seed {meta['seed']}; "
        f"{meta['per_class']} queries per class, {meta['process_runs']} one-shot runs per system"
        + ("; **--quick: a smoke test, not for quoting**" if meta["quick"] else ""))
    if meta["load_note"]:
        out("")
        out(meta["load_note"])
    largest = results[-1]
    n = largest["indexing"]["articles"]

    out("")
    out(f"### Indexing, {n:,} articles ({largest['indexing']['input_bytes'] / 1e6:.1f} MB of JSON Lines)")
    out("")
    out("| system | wall s | CPU s | MB/s | articles/s | peak RSS MB | index MB | index / input |")
    out("|---|---:|---:|---:|---:|---:|---:|---:|")
    systems = largest["indexing"]["systems"]
    for name, f in systems.items():
        out(f"| {name} | {fmt(f['wall_s'])} | {fmt(f['cpu_s'])} | {fmt(f['mb_per_s'])} | "
            f"{f['articles_per_s']:,.0f} | {f['peak_rss_mb']:.0f} | {f['index_bytes'] / 1e6:.1f} | "
            f"{f['size_ratio']:.2f}× |")
    fts, tg = systems.get("FTS5"), systems.get("TermGenerator")
    for name, f in systems.items():
        if name.startswith("vnsearch"):
            out(f"\n{name}: throughput {ratio(f['mb_per_s'], fts['mb_per_s']):.2f}× FTS5's and "
                f"{ratio(f['mb_per_s'], tg['mb_per_s']):.2f}× TermGenerator's (goal ≥ 1.5×); "
                f"index {ratio(f['index_bytes'], fts['index_bytes']):.2f}× FTS5's size, "
                f"{f['size_ratio']:.2f}× the input (goal ≤ 2.5×).")
    speedup = jobs_speedup(results)
    if speedup:
        out(f"\n1 → {meta['jobs']} jobs at {speedup[0]:,} articles: {speedup[1]:.2f}× the throughput "
            f"(goal ≥ 1.8×).")

    q = largest["queries"]
    out("")
    out(f"### Queries in process, {n:,} articles: milliseconds, top 10")
    out("")
    out("vnsearch: parse + search + stored metadata; \"+ snippets\" adds a snippet per hit and "
        "did-you-mean, as `vnsearch search` shows them. FTS5: bm25 top-10 keys; \"+ snippets\" adds "
        "titles and `snippet()`. Suggest: `vn::suggest` against an fts5vocab prefix scan. "
        "Ratio: vnsearch / FTS5 p50 (below 1: vnsearch faster), like for like. Last column: "
        "queries without a hit (or refused).")
    out("")
    out("| class | vnsearch p50 / p95 / p99 | + snippets | FTS5 p50 / p95 / p99 | + snippets "
        "| ratio p50 | ratio p50, snippets | no hits vn / FTS5 |")
    out("|---|---|---|---|---|---:|---:|---:|")
    for cls in SEARCH_CLASSES + ["suggest"]:
        modes = q.get(cls)
        if not modes:
            out(f"| {CLASS_LABELS[cls]} | missing | | | | | | |")
            continue

        def three(mode):
            s = modes.get(mode, {}).get("summary")
            return " / ".join(fmt(s[k], 3) for k in ("p50", "p95", "p99")) if s else "–"

        def p50(mode):
            s = modes.get(mode, {}).get("summary")
            return s["p50"] if s else None

        def empty(mode):
            m = modes.get(mode)
            return str(m["empty"] + m["errors"]) if m else "–"

        out(f"| {CLASS_LABELS[cls]} | {three('vnsearch')} | {three('vnsearch+snippets')} | "
            f"{three('fts5')} | {three('fts5+snippets')} | {fmt(ratio(p50('vnsearch'), p50('fts5')), 3)} | "
            f"{fmt(ratio(p50('vnsearch+snippets'), p50('fts5+snippets')), 3)} | "
            f"{empty('vnsearch')} / {empty('fts5')} |")
    for note in meta["notes"]:
        out("")
        out(note)

    pp = largest["per_process"]
    out("")
    out(f"### One query per process, {n:,} articles: milliseconds, wall, as a search box runs it")
    out("")
    out("`vnsearch search --json QUERY` (snippets and metadata included) against `fts5_query DB QUERY` "
        "(top 10 with titles and snippets), `vnsearch suggest --json PREFIX` against "
        "`fts5_query DB --suggest PREFIX`; page cache warm. Wall time as seen by the caller "
        f"(Python's subprocess): starting `/bin/true` the same way takes {fmt(meta['spawn_ms'])} ms "
        "(p50).")
    out("")
    out("| command | runs | p50 | p95 | ratio p50 |")
    out("|---|---:|---:|---:|---:|")
    for what in pp:
        vn, ft = pp[what].get("vnsearch"), pp[what].get("fts5")
        inner = pp[what].get("vnsearch took_ms")
        if vn is None:
            out(f"| {what} | missing | | | |")
            continue
        out(f"| {what}: vnsearch | {vn['n']} | {fmt(vn['p50'])} | {fmt(vn['p95'])} | "
            f"{fmt(ratio(vn['p50'], ft['p50']) if ft else None, 3)} |")
        if inner:
            out(f"| {what}: vnsearch's own `took_ms` (open + search + snippets) | {inner['n']} | "
                f"{fmt(inner['p50'])} | {fmt(inner['p95'])} | |")
        if ft:
            out(f"| {what}: FTS5 | {ft['n']} | {fmt(ft['p50'])} | {fmt(ft['p95'])} | |")

    if len(results) > 1:
        out("")
        out("### Scaling")
        out("")
        names = [k for k in results[-1]["indexing"]["systems"]]
        head = "| articles | MB | " + " | ".join(f"{k} index s" for k in names)
        head += (" | vnsearch p50 ms (median class) | FTS5 p50 ms (median class) | vnsearch one-shot p50 "
                 "| FTS5 one-shot p50 |")
        out(head)
        out("|" + "---:|" * (head.count("|") - 1))
        for r in results:
            s = r["indexing"]["systems"]
            pooled = r["pooled"]
            out(f"| {r['indexing']['articles']:,} | {r['indexing']['input_bytes'] / 1e6:.1f} | "
                + " | ".join(fmt(s[k]["wall_s"]) if k in s else "–" for k in names)
                + f" | {fmt(pooled['vnsearch'], 3)} | {fmt(pooled['fts5'], 3)} | "
                f"{fmt(r['per_process']['search']['vnsearch']['p50'])} | "
                f"{fmt(r['per_process']['search']['fts5']['p50'])} |")
    out("")
    out(goals(results))
    return "\n".join(lines) + "\n"


def jobs_speedup(results):
    """(articles, all-jobs MB/s / 1-job MB/s) at the size where both ran, else None."""
    for r in results:
        s = r["indexing"]["systems"]
        if "vnsearch (1 job)" in s:
            return r["indexing"]["articles"], s["vnsearch"]["mb_per_s"] / s["vnsearch (1 job)"]["mb_per_s"]
    return None


def goals(results):
    """Issue 4's and 5's goals, met or not, at the largest size."""
    r = results[-1]
    s = r["indexing"]["systems"]
    q = r["queries"]
    checks = []
    vn = s.get("vnsearch")
    if vn and "TermGenerator" in s:
        x = vn["mb_per_s"] / s["TermGenerator"]["mb_per_s"]
        checks.append(("indexing ≥ 1.5× TermGenerator", f"{x:.2f}×", x >= 1.5))
        checks.append(("index ≤ 2.5× input", f"{vn['size_ratio']:.2f}×", vn["size_ratio"] <= 2.5))
    speedup = jobs_speedup(results)
    if speedup:
        checks.append((f"1 → all jobs ≥ 1.8× (at {speedup[0]:,} articles)", f"{speedup[1]:.2f}×",
                       speedup[1] >= 1.8))
    for cls in SEARCH_CLASSES:
        modes = q.get(cls, {})
        v, f = modes.get("vnsearch", {}).get("summary"), modes.get("fts5", {}).get("summary")
        if v and f:
            speedup = f["p50"] / v["p50"] if v["p50"] else math.inf
            checks.append((f"{CLASS_LABELS[cls]}: p50 ≥ 10× faster than FTS5", f"{speedup:.1f}×",
                           speedup >= 10))
            checks.append((f"{CLASS_LABELS[cls]}: p99 ≤ 15 ms", f"{v['p99']:.2f} ms", v["p99"] <= 15))
    sg = q.get("suggest", {}).get("vnsearch", {}).get("summary")
    if sg:
        checks.append(("suggest p50 ≤ 0.1 ms", f"{sg['p50']:.3f} ms", sg["p50"] <= 0.1))
    for what, systems in r["per_process"].items():
        v = systems.get("vnsearch")
        if v:
            checks.append((f"one {what} per process p50 ≤ 5 ms", f"{v['p50']:.1f} ms", v["p50"] <= 5))
    rows = ["### Goals (issues 4 and 5), largest size", "", "| goal | measured | met |", "|---|---:|---|"]
    rows += [f"| {g} | {m} | {'yes' if ok else '**no**'} |" for g, m, ok in checks]
    return "\n".join(rows)


def tick_label(n):
    return f"{n / 1000:.0f}k" if n % 1000 == 0 or n >= 100_000 else f"{n / 1000:.1f}k"


def chart(results, path, gnuplot_data):
    """PNG: indexing seconds and query p50 against corpus size, every system."""
    if not shutil.which("gnuplot"):
        log("gnuplot not found: no chart")
        return False
    names = list(results[-1]["indexing"]["systems"])
    with open(gnuplot_data, "w") as f:
        f.write("# articles " + " ".join(f'"{n}"' for n in names)
                + " vn_p50 fts5_p50 vn_oneshot fts5_oneshot\n")
        for r in results:
            s = r["indexing"]["systems"]
            pp = r["per_process"]["search"]
            f.write(" ".join(str(x) for x in [r["indexing"]["articles"]]
                             + [s[n]["wall_s"] if n in s else "NaN" for n in names]
                             + [r["pooled"]["vnsearch"], r["pooled"]["fts5"],
                                pp["vnsearch"]["p50"], pp["fts5"]["p50"]]) + "\n")
    k = len(names)
    xtics = ", ".join(f"'{tick_label(r['indexing']['articles'])}' {r['indexing']['articles']}"
                      for r in results)
    index_plots = ", ".join(f"'{gnuplot_data}' using 1:{i + 2} with linespoints lw 2 title '{n}'"
                            for i, n in enumerate(names))
    q = [(k + 2, "vnsearch in process"), (k + 3, "FTS5 in process"),
         (k + 4, "vnsearch one process"), (k + 5, "FTS5 one process")]
    query_plots = ", ".join(f"'{gnuplot_data}' using 1:{c} with linespoints lw 2 title '{t}'"
                            for c, t in q)
    script = f"""
set terminal pngcairo size 1400,560 font 'sans,11'
set output '{path}'
set multiplot layout 1,2
set grid
set key top left
set xlabel 'articles'
set xtics ({xtics})
set title 'Indexing time (wall)'
set ylabel 'seconds'
plot {index_plots}
set title 'Search latency (p50; in process: median of the query classes)'
set ylabel 'milliseconds'
set logscale y
plot {query_plots}
unset multiplot
"""
    done = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
    if done.returncode != 0:
        log(f"gnuplot failed: {done.stderr.strip()}")
        return False
    return True


# --- Main ------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", required=True, help="the release build folder")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--sizes", required=True, help="comma-separated article counts")
    ap.add_argument("--work", required=True, help="scratch folder (articles, indexes)")
    ap.add_argument("--results", required=True)
    ap.add_argument("--per-class", type=int, default=200)
    ap.add_argument("--process-runs", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--stopwords", default="")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--machine", default="")
    ap.add_argument("--date", default="")
    ap.add_argument("--commit", default="")
    args = ap.parse_args()

    bin_dir = Path(args.bin)
    tools = {
        "vnindex": str(bin_dir / "indexer/vnindex"), "vnsearch": str(bin_dir / "query/vnsearch"),
        "fts5_load": str(bin_dir / "tests/fts5_load"), "termgen_load": str(bin_dir / "tests/termgen_load"),
        "fts5_query": str(bin_dir / "tests/fts5_query"), "query_latency": str(bin_dir / "tests/query_latency"),
    }
    for name, path in tools.items():
        if not os.access(path, os.X_OK):
            raise SystemExit(f"bench: {path} was not built")
    work, results_dir = Path(args.work), Path(args.results)
    work.mkdir(parents=True, exist_ok=True)
    results_dir.mkdir(parents=True, exist_ok=True)

    index_help = subprocess.run([tools["vnindex"], "--help"], capture_output=True, text=True).stdout
    search_help = subprocess.run([tools["vnsearch"], "--help"], capture_output=True, text=True).stdout
    has_jobs = "--jobs" in index_help
    has_suggest = re.search(r"^\s*suggest\b", search_help, re.M) is not None
    cores = os.cpu_count() or 1
    # 1 job is measured once, at the smallest size, to bound the run time.
    all_jobs = [cores] if has_jobs else [None]
    first_jobs = [1, cores] if has_jobs and cores > 1 else all_jobs

    # Articles: the largest slice once; smaller slices are its first lines.
    # "all" is the whole corpus; a size beyond it is replaced by the whole corpus, with a note.
    words = args.sizes.split(",")
    whole = "all" in words
    sizes = sorted({int(s) for s in words if s != "all"})
    limit = None if whole else sizes[-1]
    full = work / "articles.jsonl"
    stamp = work / "articles.stamp"
    corpus_stat = Path(args.corpus).stat()
    want = f"{Path(args.corpus).resolve()} {corpus_stat.st_size} {corpus_stat.st_mtime_ns} {limit}"
    if not full.exists() or not stamp.exists() or stamp.read_text() != want:
        log(f"extracting {'all' if limit is None else f'up to {limit:,}'} articles from {args.corpus}")
        extract(args.corpus, limit, full)
        stamp.write_text(want)
    got = sum(1 for _ in open(full, "rb"))
    dropped = [s for s in sizes if s > got]
    size_note = (f"; {', '.join(f'{s:,}' for s in dropped)} asked, but the corpus has only {got:,}"
                 if dropped else "")
    sizes = [s for s in sizes if s < got] + ([got] if whole or dropped or got in sizes else [])

    # Queries, from the smallest slice.
    smallest = read_articles(full, sizes[0])
    sampler = QuerySampler(smallest, load_stopwords(args.stopwords), args.seed)
    classes = SEARCH_CLASSES + ["suggest"]
    sampled = sampler.sample(args.per_class, classes)
    queries_tsv = work / "queries.tsv"
    with open(queries_tsv, "w", encoding="utf-8") as f:
        for cls in classes:
            for q in sampled[cls]:
                f.write(f"{cls}\t{q}\n")
    (work / "suggest.txt").write_text("".join(q + "\n" for q in sampled["suggest"]), encoding="utf-8")
    rng = random.Random(args.seed + 1)
    one_shot = [rng.choice(sampled[rng.choice(SEARCH_CLASSES)]) for _ in range(args.process_runs)]
    one_shot_suggest = [rng.choice(sampled["suggest"]) for _ in range(args.process_runs)]

    # Slices from earlier runs go: indexes are large (hundreds of MB each).
    for old in work.glob("n*"):
        if old.is_dir() and old.name != f"n{sizes[-1]}":
            shutil.rmtree(old)

    results = []
    for size in sizes:
        slice_dir = work / f"n{size}"
        slice_dir.mkdir(exist_ok=True)
        jsonl = slice_dir / "articles.jsonl"
        write_head(full, size, jsonl)
        log(f"{size:,} articles ({jsonl.stat().st_size / 1e6:.1f} MB)")
        indexing = index_all(tools, jsonl, slice_dir, first_jobs if size == sizes[0] else all_jobs)
        index_dir = slice_dir / "vnsearch-index"
        fts_db = slice_dir / "fts5.db"

        log(f"  queries in process ({sum(len(v) for v in sampled.values())} queries, warm-up + 1 pass)")
        done = subprocess.run([tools["query_latency"], str(index_dir), str(fts_db), str(queries_tsv)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"bench: query_latency failed:\n{done.stderr}")
        queries = json.loads(done.stdout)
        for cls, modes in queries.items():
            for mode in modes.values():
                mode["summary"] = summary(mode.pop("ms"))
        pooled = {}
        for system in ("vnsearch", "fts5"):
            all_ms = []
            for cls in SEARCH_CLASSES:
                s = queries.get(cls, {}).get(system, {}).get("summary")
                if s:
                    all_ms.append(s["p50"])
            pooled[system] = sorted(all_ms)[len(all_ms) // 2] if all_ms else None

        log(f"  one query per process ({len(one_shot)} runs per system, warm-up + 1 pass)")
        per_process = {}
        wall, took, statuses = time_processes({
            "vnsearch": [[tools["vnsearch"], "search", "--json", "--index", str(index_dir), q]
                         for q in one_shot],
            "fts5": [[tools["fts5_query"], str(fts_db), q] for q in one_shot]})
        per_process["search"] = {"vnsearch": summary(wall["vnsearch"]), "fts5": summary(wall["fts5"]),
                                 "vnsearch took_ms": summary(took["vnsearch"])}
        if not statuses <= {0, 1}:
            log(f"  exit statuses seen: {sorted(statuses)}")
        suggest = {"fts5": [[tools["fts5_query"], str(fts_db), "--suggest", q] for q in one_shot_suggest]}
        if has_suggest:
            suggest["vnsearch"] = [[tools["vnsearch"], "suggest", "--json", "--index", str(index_dir), q]
                                   for q in one_shot_suggest]
        wall, _, _ = time_processes(suggest)
        per_process["suggest"] = {k: summary(v) for k, v in wall.items()}
        results.append({"size": size, "indexing": indexing, "queries": queries, "pooled": pooled,
                        "per_process": per_process})
        if size != sizes[-1]:
            shutil.rmtree(slice_dir)

    # The largest slice's index stays for later benchmarks (scripts/bench runs suggest_bench on it).
    largest_link = work / "largest"
    largest_link.unlink(missing_ok=True)
    largest_link.symlink_to(f"n{sizes[-1]}")
    spawn_ms = time_processes({"true": [["/bin/true"]] * args.process_runs})[0]["true"]
    load = os.getloadavg()[0]
    meta = {
        "corpus": os.path.basename(args.corpus), "sizes": sizes, "size_note": size_note,
        "machine": args.machine, "date": args.date, "commit": args.commit, "seed": args.seed,
        "per_class": args.per_class, "process_runs": args.process_runs, "quick": args.quick,
        "jobs": cores, "spawn_ms": percentile(spawn_ms, 50),
        "load_note": (f"Load average {load:.2f} at the end: other work was running, so the figures "
                      "are noisy." if load > 0.5 else ""),
        "notes": [],
    }
    if "vnsearch" not in results[-1]["queries"].get("suggest", {}):
        meta["notes"].append("Suggest in process: query_latency was built without `query/suggest.h`; "
                             "only FTS5's completion (an fts5vocab scan of the last word's prefix) "
                             "was timed.")
    if not has_suggest:
        meta["notes"].append("`vnsearch suggest` does not exist yet: no one-shot suggest for vnsearch.")
    if not has_jobs:
        meta["notes"].append("`vnindex` has no `--jobs` yet: one run with its default.")
    (results_dir / "compare.json").write_text(json.dumps({"meta": meta, "results": results}, indent=1))
    md = report(results, meta)
    if chart(results, results_dir / "compare.png", work / "compare.dat"):
        md += "\nChart: `compare.png` (indexing time and query p50 against corpus size).\n"
    (results_dir / "compare.md").write_text(md)
    print(md)


def write_head(src, count, dst):
    with open(src, "rb") as f, open(dst, "wb") as out:
        for i, line in enumerate(f):
            if i == count:
                break
            out.write(line)


if __name__ == "__main__":
    main()
