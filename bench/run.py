"""druglint speed and memory benchmark (not part of the test suite).

    python bench/run.py                  # 2000 articles; about two minutes
    python bench/run.py --articles 4000 --json bench-result.json

Reports, in one run: druglint words/second in-process (the engine) and through the CLI
(`druglint check DIR --format json`, with one job and with --jobs 2); the peer, proselint
(pinned below; installed into this interpreter's environment when missing), on the same
files through its CLI, and the ratio; the share of sentences the syntax model parses;
spaCy's bare tokenizer on the same texts (for reference); where the engine's time goes (by
stage: reading, tokenizing, each pipeline component, claims, rules); time for 1x, 4x and
16x of the corpus and for one article grown 1x, 4x and 16x longer (both should grow
linearly), peak memory, `druglint --help` wall time and one article from a cold start
(wall time, and the CPU time it used: on a busy machine the wall time waits for the cores).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from corpus import REPO, Article, build_corpus

PROSELINT = "proselint==0.16.0"
TARGETS = {  # what the figures must reach
    "ratio_to_proselint": ("druglint CLI / proselint CLI speed, same files", 1.0, ">="),
    "jobs_speedup": ("--jobs 2 speed-up over one job (CLI)", 1.7, ">="),
    "help_seconds": ("druglint --help wall time (s)", 0.3, "<="),
    "cold_article_seconds": ("one article from a cold start (s)", 1.5, "<="),
    "peak_memory_mb": ("peak memory, in-process and CLI (MB)", 400, "<="),
}
CLI_RUNS = 2  # the CLI timings are the best of this many runs (a busy machine only slows a run down)
COLD_ARTICLE = REPO / "fixtures" / "clonazepam-review.md"


def druglint_command() -> list[str]:
    """The druglint console script next to this interpreter, else `python -m lint`."""
    script = shutil.which("druglint", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "lint"]


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of every timed command. PYTHONDONTWRITEBYTECODE is dropped: an installed
    druglint (or proselint) has its bytecode compiled by pip at install time, and a sandbox that
    sets the variable would make each run of an editable install compile its modules again."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, **(extra or {})}


def wall_time(command: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time of a command over a few runs, and the median CPU time it used."""
    times, cpu_times = [], []
    for _ in range(runs):
        cpu_before = children_cpu_seconds()
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
                       env=child_env(env))
        times.append(time.perf_counter() - started)
        cpu_times.append(children_cpu_seconds() - cpu_before)
    return statistics.median(times), statistics.median(cpu_times)


def children_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def lint_all(articles: list[Article]) -> float:
    from lint import Linter, LinterConfig
    linter = Linter.for_config(LinterConfig())
    started = time.perf_counter()
    for article in articles:
        linter.lint_text(article.name, article.source)
    return time.perf_counter() - started


def parsed_share(articles: list[Article]) -> tuple[int, int]:
    """Sentences the syntax model parsed, and all sentences, over the articles."""
    from lint import Linter, LinterConfig
    from lint.readers import read_document
    linter = Linter.for_config(LinterConfig())
    parsed = total = 0
    for article in articles:
        doc = linter.analyse(read_document(article.name, article.source))
        parsed += len(doc._.syntax or {})
        total += doc._.sentence_count or 0
    return parsed, total


def time_by_stage(articles: list[Article]) -> dict[str, float]:
    """CPU seconds per stage of `Linter.lint_document` over the articles (its steps, timed
    one by one): reading, tokenizing, each pipeline component, claims, each rule."""
    from lint import Linter, LinterConfig
    from lint.checks.rule import CheckContext
    from lint.nlp.pipeline import tokenize
    from lint.readers import read_document
    from lint.workflow import suppress
    linter = Linter.for_config(LinterConfig())
    stages: dict[str, float] = {}

    def timed(stage: str, step, *args):
        started = time.process_time()
        result = step(*args)
        stages[stage] = stages.get(stage, 0.0) + time.process_time() - started
        return result

    for article in articles:
        document = timed("read", read_document, article.name, article.source)
        doc = timed("tokenize", tokenize, linter.nlp, document)
        for name, component in linter.nlp.pipeline:
            doc = timed(name.removeprefix("druglint_"), component, doc)
        context = CheckContext(doc=doc, claims=timed("claims", linter.claims, doc), reference=linter.reference)
        findings = [f for rule in linter.enabled if not rule.after_suppression
                    for f in timed(f"rule {rule.id}", rule.check, context)]
        findings, context.unused_directives = timed("suppressions", suppress.apply, document.source, findings)
        for rule in linter.enabled:
            if rule.after_suppression:
                timed(f"rule {rule.id}", rule.check, context)
    return stages


def proselint_command() -> list[str]:
    """proselint's CLI, installed (pinned) into this environment when it is missing."""
    script = shutil.which("proselint", path=str(Path(sys.executable).parent))
    if script is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", PROSELINT], check=True)
        script = shutil.which("proselint", path=str(Path(sys.executable).parent))
    if script is None:
        raise SystemExit(f"could not install {PROSELINT}")
    return [script]


def run_proselint(folder: Path) -> float:
    """proselint over the same files (one command, every file named), in seconds."""
    files = sorted(str(p) for p in folder.iterdir())
    started = time.perf_counter()
    subprocess.run([*proselint_command(), "--output-format", "json", "check", *files],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=child_env())
    return time.perf_counter() - started


def tokenize_all(articles: list[Article], flush_cache: bool = False) -> float:
    """The bare tokenizer over the articles. Its cache of seen chunks makes a corpus grown
    from a few seeds cheap to tokenize; `flush_cache` empties it before each article."""
    import spacy
    tokenizer = spacy.blank("en").tokenizer
    tokenizer("warm up")
    flush = getattr(tokenizer, "_flush_cache", lambda: None) if flush_cache else (lambda: None)
    started = time.perf_counter()
    for article in articles:
        flush()
        tokenizer(article.source)
    return time.perf_counter() - started


def run_cli(folder: Path, expected_files: int, jobs: int = 1) -> float:
    started = time.perf_counter()
    done = subprocess.run([*druglint_command(), "check", str(folder), "--format", "json", "--jobs", str(jobs)],
                          capture_output=True, text=True, check=False, env=child_env())
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"druglint check failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    checked = len(json.loads(done.stdout)["files"])
    if checked != expected_files:
        raise SystemExit(f"druglint checked {checked} files, expected {expected_files}")
    return elapsed


def scaling(sizes: list[list[Article]], label: str) -> list[dict]:
    """Time for 1x, 4x and 16x of the given article lists (each entry: one size)."""
    rows = []
    for factor, subset in zip((1, 4, 16), sizes):
        words = sum(a.words for a in subset)
        seconds = lint_all(subset)
        rows.append({"what": label, "factor": factor, "words": words, "seconds": round(seconds, 3),
                     "words_per_second": round(words / seconds)})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="corpus size (the 16x run)")
    parser.add_argument("--seed", type=int, default=1, help="random seed of the corpus variations")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()
    if args.articles < 16:
        parser.error("--articles must be at least 16 (the 1x run is a sixteenth of the corpus)")

    articles = build_corpus(args.articles, args.seed)
    words = sum(a.words for a in articles)
    results: dict = {"articles": len(articles), "words": words, "command": druglint_command()}

    results["help_seconds"] = round(wall_time([*druglint_command(), "--help"], runs=5)[0], 3)
    with tempfile.TemporaryDirectory(prefix="druglint-bench-cache-") as cache:
        cold_command, cache_env = [*druglint_command(), "check", str(COLD_ARTICLE)], {"DRUGLINT_CACHE_DIR": cache}
        results["first_run_seconds"] = round(wall_time(cold_command, runs=1, env=cache_env)[0], 3)
        cold_wall, cold_cpu = wall_time(cold_command, runs=3, env=cache_env)
    results["cold_article_seconds"], results["cold_article_cpu_seconds"] = round(cold_wall, 3), round(cold_cpu, 3)

    with tempfile.TemporaryDirectory(prefix="druglint-bench-") as folder:
        for article in articles:
            (Path(folder) / article.name).write_text(article.source, encoding="utf-8")
        proselint_command()
        cli_seconds = proselint_seconds = float("inf")
        for _ in range(CLI_RUNS):  # alternating, so a busy moment slows both alike
            cli_seconds = min(cli_seconds, run_cli(Path(folder), len(articles)))
            proselint_seconds = min(proselint_seconds, run_proselint(Path(folder)))
        two_jobs_seconds = min(run_cli(Path(folder), len(articles), jobs=2) for _ in range(CLI_RUNS))
    results["proselint_seconds"] = round(proselint_seconds, 3)
    results["proselint_words_per_second"] = round(words / proselint_seconds)
    results["ratio_to_proselint"] = round(proselint_seconds / cli_seconds, 2)
    results["cli_seconds"] = round(cli_seconds, 3)
    results["cli_two_jobs_seconds"] = round(two_jobs_seconds, 3)
    results["jobs_speedup"] = round(cli_seconds / two_jobs_seconds, 2)
    results["cli_words_per_second"] = round(words / cli_seconds)
    results["cli_peak_memory_mb"] = round(peak_mb(resource.RUSAGE_CHILDREN), 1)

    first = Article(COLD_ARTICLE.name, COLD_ARTICLE.read_text(encoding="utf-8"))
    results["engine_startup_seconds"] = round(lint_all([first]), 3)  # loads the rules, builds the pipeline

    quarter, sixteenth = articles[: len(articles) // 4], articles[: len(articles) // 16]
    corpus_rows = scaling([sixteenth, quarter, articles], "corpus")
    results["engine_seconds"] = corpus_rows[-1]["seconds"]
    results["engine_words_per_second"] = corpus_rows[-1]["words_per_second"]
    longest = max(articles[:16], key=lambda a: a.words)  # variants of one seed, joined end to end
    variants = [a for a in articles if a.name.split("-", 1)[1] == longest.name.split("-", 1)[1]]
    grown = [Article(longest.name, "\n\n".join(variants[i % len(variants)].source for i in range(n)))
             for n in (1, 4, 16)]
    results["scaling"] = corpus_rows + scaling([[g] for g in grown], "one article grown")

    results["tokenizer_seconds"] = round(tokenize_all(articles), 3)
    results["tokenizer_words_per_second"] = round(words / results["tokenizer_seconds"])
    results["ratio_to_tokenizer"] = round(results["engine_words_per_second"] / results["tokenizer_words_per_second"], 3)
    flushed = tokenize_all(articles, flush_cache=True)
    results["tokenizer_flushed_words_per_second"] = round(words / flushed)
    results["ratio_to_tokenizer_flushed"] = round(results["engine_words_per_second"] / (words / flushed), 3)
    stages = time_by_stage(quarter)
    results["stage_seconds"] = {stage: round(seconds, 3) for stage, seconds in
                                sorted(stages.items(), key=lambda item: item[1], reverse=True)}
    parsed, sentences = parsed_share(articles[: len(articles) // 4])
    results["sentences_parsed"] = parsed
    results["sentences"] = sentences
    results["parsed_share"] = round(parsed / sentences, 4) if sentences else 0.0
    results["engine_peak_memory_mb"] = round(peak_mb(resource.RUSAGE_SELF), 1)
    results["peak_memory_mb"] = max(results["engine_peak_memory_mb"], results["cli_peak_memory_mb"])

    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def report(results: dict) -> None:
    print(f"corpus: {results['articles']} articles, {results['words']} words")
    print(f"druglint in-process : {results['engine_words_per_second']:>9} words/s "
          f"({results['engine_seconds']} s; pipeline start-up {results['engine_startup_seconds']} s)")
    print(f"druglint CLI        : {results['cli_words_per_second']:>9} words/s "
          f"({results['cli_seconds']} s, start-up included)")
    print(f"druglint CLI -j 2   : {round(results['words'] / results['cli_two_jobs_seconds']):>9} words/s "
          f"({results['cli_two_jobs_seconds']} s): {results['jobs_speedup']}x one job")
    print(f"proselint CLI       : {results['proselint_words_per_second']:>9} words/s "
          f"({results['proselint_seconds']} s, same files): druglint is {results['ratio_to_proselint']}x its speed")
    print(f"sentences parsed by the syntax model: {results['sentences_parsed']} of {results['sentences']} "
          f"({100 * results['parsed_share']:.1f}%, in a quarter of the corpus)")
    print(f"bare spaCy tokenizer: {results['tokenizer_words_per_second']:>9} words/s "
          f"({results['tokenizer_seconds']} s); "
          f"{results['tokenizer_flushed_words_per_second']} words/s with its cache emptied before each article")
    print(f"ratio druglint/tokenizer: {results['ratio_to_tokenizer']} "
          f"(against the emptied-cache tokenizer: {results['ratio_to_tokenizer_flushed']})")
    print(f"peak memory: in-process {results['engine_peak_memory_mb']} MB, CLI {results['cli_peak_memory_mb']} MB")
    print(f"druglint --help: {results['help_seconds']} s; one article cold: {results['cold_article_seconds']} s "
          f"({results['cold_article_cpu_seconds']} s CPU; the very first run, parsing the rules into an empty "
          f"cache: {results['first_run_seconds']} s)")
    total = sum(results["stage_seconds"].values())
    shown = {stage: seconds for stage, seconds in results["stage_seconds"].items() if seconds >= 0.01 * total}
    print("where the engine's time goes (CPU, a quarter of the corpus; stages under 1% left out):")
    print("  " + ", ".join(f"{stage} {100 * seconds / total:.0f}%" for stage, seconds in shown.items()))
    print("scaling (seconds per 1,000 words should stay flat):")
    for row in results["scaling"]:
        per_k = 1000 * row["seconds"] / row["words"]
        print(f"  {row['what']:18} {row['factor']:>2}x {row['words']:>9} words {row['seconds']:>9.3f} s "
              f"{per_k:7.3f} s/1k words")
    print("targets:")
    for key, (label, limit, sense) in TARGETS.items():
        value = results[key]
        met = value >= limit if sense == ">=" else value <= limit
        print(f"  {'met   ' if met else 'MISSED'} {label}: {value} (target {sense} {limit})")


if __name__ == "__main__":
    main()
