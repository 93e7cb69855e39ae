"""Train druglint's shipped spaCy syntax pipeline on UD English EWT.

The pipeline (tok2vec -> tagger -> morphologizer -> parser -> trainable_lemmatizer,
see config.cfg) is a small CNN with no static vectors and no transformer. It is
shipped in lint/nlp/syntax_model/ and loaded by lint.nlp.syntax.load_syntax_model().

Usage (from the repository root, in the project venv):

    git clone https://github.com/UniversalDependencies/UD_English-EWT /tmp/UD_English-EWT
    python training/syntax/train.py /tmp/UD_English-EWT

    # options
    --commit SHA        treebank commit to read (default: PINNED_COMMIT below)
    --workdir DIR       scratch dir for corpora and checkpoints
                        (default: ~/.cache/druglint/syntax-train; keep it outside the repo:
                        the treebank must not be committed)
    --max-steps N       training steps (default 4500, ~40 min on one core)  --max-epochs N (default 0 = no limit)
    --stages S,S,...    any of prepare,train,evaluate,ship,sample (default: all of them)

Only the clone needs the network; everything else is local. Training uses ONE core:
the thread variables below are set before numpy/thinc are imported.

Stages
  prepare   read the splits at the pinned commit with `git show` (the clone may be bare):
            train = the per-document files under not-to-release/sources/ listed in
            not-to-release/file-lists/files.train, concatenated in list order (falls back to
            en_ewt-ud-train.conllu if the file list is absent); dev = en_ewt-ud-dev.conllu;
            test = en_ewt-ud-test.conllu. Converted with spaCy's conllu converter,
            10 sentences per Doc, into DocBin .spacy files.
  train     spacy train with config.cfg (CPU, 1 thread); best model by dev score.
  evaluate  on the test split: (a) gold tokens, one Doc per sentence, CoNLL-style scores
            over all words incl. punctuation (UPOS, XPOS, UFeats, lemma, UAS, LAS);
            (b) spaCy's own `nlp.evaluate` on raw text (spaCy tokenizer, punct excluded
            from UAS/LAS); (c) speed of the whole pipeline on raw text, words/s.
            Written to WORKDIR/metrics.json.
  ship      copy model-best to lint/nlp/syntax_model/ via nlp.to_disk with a filled-in
            meta.json, plus LICENSE-EWT.txt (CC BY-SA 4.0 attribution).
  sample    write tests/data/ewt-test-sample.conllu (first 150 test sentences).
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "BLIS_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import shutil  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

PINNED_COMMIT = "15d613d8447b3478787d4c278730a1e48a945efb"  # UD_English-EWT master, 2025-05-10 (r2.16 + eval)
HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
CONFIG = HERE / "config.cfg"
MODEL_DIR = REPO_ROOT / "lint" / "nlp" / "syntax_model"
SAMPLE = REPO_ROOT / "tests" / "data" / "ewt-test-sample.conllu"
SAMPLE_SENTENCES = 150
N_SENTS_PER_DOC = 10
STAGES = ("prepare", "train", "evaluate", "ship", "sample")

ATTRIBUTION = """\
The model files in this directory (lint/nlp/syntax_model/) were trained by druglint on the
Universal Dependencies English Web Treebank (UD_English-EWT), commit {commit}
(https://github.com/UniversalDependencies/UD_English-EWT). As a work adapted from that
treebank they are distributed under the same licence, Creative Commons
Attribution-ShareAlike 4.0 International (CC BY-SA 4.0):
https://creativecommons.org/licenses/by-sa/4.0/

Attribution:
  Natalia Silveira, Timothy Dozat, Marie-Catherine de Marneffe, Samuel Bowman, Miriam Connor,
  John Bauer and Christopher D. Manning. 2014. A Gold Standard Dependency Corpus for English.
  In Proceedings of the Ninth International Conference on Language Resources and Evaluation
  (LREC 2014).
  Universal Dependencies English Web Treebank annotations (c) 2013-2021 by The Board of
  Trustees of The Leland Stanford Junior University, licensed under CC BY-SA 4.0; the
  underlying texts come from the LDC English Web Treebank (LDC2012T13). Maintained by the
  UD English EWT contributors.

Changes: the treebank annotation was used to train statistical models (tagger, morphologizer,
dependency parser, lemmatizer); no treebank text is included in this directory.

The treebank's own LICENSE.txt at that commit follows.
------------------------------------------------------------------------------------------
"""


# --------------------------------------------------------------------------- git / data
def git_show(repo: Path, commit: str, path: str) -> bytes | None:
    """Return the blob at commit:path, or None if it does not exist (or is not present)."""
    proc = subprocess.run(["git", "-C", str(repo), "show", f"{commit}:{path}"],
                          capture_output=True)
    return proc.stdout if proc.returncode == 0 else None


def extract_splits(repo: Path, commit: str, out: Path) -> dict[str, str]:
    """Write train/dev/test .conllu for `commit` into `out`; return a note per split."""
    resolved = subprocess.run(["git", "-C", str(repo), "rev-parse", f"{commit}^{{commit}}"],
                              capture_output=True, text=True, check=True).stdout.strip()
    if resolved != commit and not resolved.startswith(commit):
        print(f"note: {commit} resolves to {resolved}")
    out.mkdir(parents=True, exist_ok=True)
    notes = {}
    file_list = git_show(repo, commit, "not-to-release/file-lists/files.train")
    if file_list is not None:
        names = [n.strip() for n in file_list.decode().splitlines() if n.strip()]
        parts = []
        for name in names:
            blob = git_show(repo, commit, f"not-to-release/sources/{name}")
            if blob is None:
                raise SystemExit(f"missing source file at {commit}: not-to-release/sources/{name}")
            parts.append(blob if blob.endswith(b"\n\n") else blob.rstrip(b"\n") + b"\n\n")
        (out / "train.conllu").write_bytes(b"".join(parts))
        notes["train"] = f"{len(names)} files from not-to-release/file-lists/files.train"
    else:
        blob = git_show(repo, commit, "en_ewt-ud-train.conllu")
        if blob is None:
            raise SystemExit("neither files.train nor en_ewt-ud-train.conllu found")
        (out / "train.conllu").write_bytes(blob)
        notes["train"] = "en_ewt-ud-train.conllu (no file list at this commit)"
    for split in ("dev", "test"):
        blob = git_show(repo, commit, f"en_ewt-ud-{split}.conllu")
        if blob is None:
            raise SystemExit(f"en_ewt-ud-{split}.conllu not found at {commit}")
        (out / f"{split}.conllu").write_bytes(blob)
        notes[split] = f"en_ewt-ud-{split}.conllu"
    licence = git_show(repo, commit, "LICENSE.txt")
    (out / "LICENSE.txt").write_bytes(licence or b"")
    for split in ("train", "dev", "test"):
        text = (out / f"{split}.conllu").read_text(encoding="utf8")
        n_sents = text.count("\n# sent_id") + text.startswith("# sent_id")
        print(f"{split}: {n_sents} sentences ({notes[split]})")
    return notes


def convert(conllu: Path, dest: Path) -> int:
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    docs = list(conllu_to_docs(conllu.read_text(encoding="utf8"), n_sents=N_SENTS_PER_DOC,
                               no_print=True))
    DocBin(docs=docs, store_user_data=False).to_disk(dest)
    return len(docs)


# --------------------------------------------------------------------------- evaluation
def read_conllu(path: Path) -> list[dict]:
    """Sentences as dicts of parallel lists (syntactic words; multiword-token ranges give spacing)."""
    sentences = []
    for block in path.read_text(encoding="utf8").strip().split("\n\n"):
        rows = [line.split("\t") for line in block.splitlines() if line and not line.startswith("#")]
        sent = {k: [] for k in ("words", "spaces", "upos", "xpos", "feats", "lemma", "head", "deprel")}
        mwt_end, mwt_space = None, True
        for cols in rows:
            id_ = cols[0]
            if "." in id_:
                continue
            if "-" in id_:
                mwt_end = int(id_.split("-")[1])
                mwt_space = "SpaceAfter=No" not in cols[9]
                continue
            i = int(id_)
            if mwt_end is not None and i <= mwt_end:
                space = mwt_space if i == mwt_end else False
                if i == mwt_end:
                    mwt_end = None
            else:
                space = "SpaceAfter=No" not in cols[9]
            sent["words"].append(cols[1])
            sent["spaces"].append(space)
            sent["lemma"].append(cols[2])
            sent["upos"].append(cols[3])
            sent["xpos"].append(cols[4])
            sent["feats"].append("" if cols[5] == "_" else cols[5])
            head = int(cols[6])
            sent["head"].append(i - 1 if head == 0 else head - 1)
            sent["deprel"].append("ROOT" if cols[7] == "root" else cols[7])
        sentences.append(sent)
    return sentences


def feats_dict(feats: str) -> dict[str, str]:
    return dict(f.split("=", 1) for f in feats.split("|") if f)


def gold_token_scores(nlp, sentences: list[dict]) -> dict[str, float]:
    """CoNLL-style accuracy with gold tokens, one Doc per sentence, all words incl. punct."""
    from spacy.tokens import Doc

    docs = [Doc(nlp.vocab, words=s["words"], spaces=s["spaces"]) for s in sentences]
    for _name, proc in nlp.pipeline:
        docs = list(proc.pipe(docs, batch_size=256))
    counts = dict.fromkeys(("upos", "xpos", "ufeats", "lemma", "uas", "las"), 0)
    n = 0
    for doc, s in zip(docs, sentences):
        for tok, upos, xpos, feats, lemma, head, dep in zip(
                doc, s["upos"], s["xpos"], s["feats"], s["lemma"], s["head"], s["deprel"]):
            n += 1
            counts["upos"] += tok.pos_ == upos
            counts["xpos"] += tok.tag_ == xpos
            counts["ufeats"] += tok.morph.to_dict() == feats_dict(feats)
            counts["lemma"] += tok.lemma_ == lemma
            if tok.head.i == head:
                counts["uas"] += 1
                counts["las"] += tok.dep_ == dep
    scores = {k: round(100 * v / n, 2) for k, v in counts.items()}
    scores["words"] = n
    scores["sentences"] = len(sentences)
    return scores


def measure_speed(nlp, texts: list[str], repeats: int = 3) -> dict[str, float]:
    list(nlp.pipe(texts[:50]))  # warm-up
    rates, n_words = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        n_words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        rates.append(n_words / (time.perf_counter() - start))
    return {"words": n_words, "words_per_second": round(statistics.median(rates))}


def evaluate(model: Path, corpus: Path) -> dict:
    import spacy
    from spacy.tokens import DocBin
    from spacy.training import Example

    nlp = spacy.load(model)
    test_docs = list(DocBin().from_disk(corpus / "test.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp.make_doc(d.text), d) for d in test_docs]
    raw = nlp.evaluate(examples)
    spacy_scores = {k: round(100 * raw[k], 2) for k in
                    ("token_acc", "pos_acc", "tag_acc", "morph_acc", "lemma_acc",
                     "dep_uas", "dep_las", "sents_f") if raw.get(k) is not None}
    gold = gold_token_scores(nlp, read_conllu(corpus / "test.conllu"))
    speed = measure_speed(nlp, [d.text for d in test_docs])
    return {"test_gold_tokens": gold, "test_spacy_raw_text": spacy_scores, "speed_1_core": speed}


# --------------------------------------------------------------------------- ship / sample
def directory_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def ship(model: Path, corpus: Path, commit: str, metrics: dict | None, train_note: str) -> None:
    import spacy

    nlp = spacy.load(model)
    nlp.meta.update({
        "name": "druglint_syntax_ewt",
        "version": "1.0.0",
        "description": ("druglint syntax pipeline: CNN tok2vec, tagger (Penn XPOS), morphologizer "
                        "(UPOS + UD features), dependency parser, edit-tree lemmatizer. "
                        "Trained on UD English EWT."),
        "license": "CC BY-SA 4.0",
        "author": "druglint",
        "sources": [{
            "name": "UD English EWT",
            "url": "https://github.com/UniversalDependencies/UD_English-EWT",
            "license": "CC BY-SA 4.0",
            "author": "Silveira et al. 2014; UD English EWT contributors",
            "commit": commit,
            "train_split": train_note,
        }],
    })
    if metrics:
        nlp.meta["druglint_test_scores"] = metrics
    nlp.meta.pop("performance", None)  # dev-set scores from training; the test scores are above
    if MODEL_DIR.exists():
        shutil.rmtree(MODEL_DIR)
    nlp.to_disk(MODEL_DIR)
    licence = (corpus / "LICENSE.txt").read_text(encoding="utf8")
    (MODEL_DIR / "LICENSE-EWT.txt").write_text(ATTRIBUTION.format(commit=commit) + licence,
                                               encoding="utf8")
    print(f"shipped {MODEL_DIR} ({directory_size(MODEL_DIR) / 1e6:.1f} MB)")


def write_sample(corpus: Path, commit: str) -> None:
    blocks = (corpus / "test.conllu").read_text(encoding="utf8").strip().split("\n\n")
    header = (
        f"# druglint test sample: the first {SAMPLE_SENTENCES} sentences of en_ewt-ud-test.conllu\n"
        f"# source: https://github.com/UniversalDependencies/UD_English-EWT commit {commit}\n"
        "# licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/);\n"
        "# attribution: UD English EWT, Silveira et al. 2014, based on LDC2012T13. Unmodified.\n"
    )
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    SAMPLE.write_text(header + "\n\n".join(blocks[:SAMPLE_SENTENCES]) + "\n\n", encoding="utf8")
    print(f"wrote {SAMPLE}")


# --------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ewt", type=Path, help="path of a UD_English-EWT git clone (bare is fine)")
    parser.add_argument("--commit", default=PINNED_COMMIT)
    parser.add_argument("--workdir", type=Path,
                        default=Path.home() / ".cache" / "druglint" / "syntax-train")
    parser.add_argument("--max-steps", type=int, default=4500)
    parser.add_argument("--max-epochs", type=int, default=0)
    parser.add_argument("--stages", default=",".join(STAGES))
    args = parser.parse_args(argv)
    stages = [s.strip() for s in args.stages.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        parser.error(f"unknown stages: {', '.join(sorted(unknown))}")

    corpus = args.workdir / "corpus"
    output = args.workdir / "output"
    notes_file = corpus / "notes.json"
    if "prepare" in stages:
        notes = extract_splits(args.ewt, args.commit, corpus)
        notes["commit"] = args.commit
        for split in ("train", "dev", "test"):
            n = convert(corpus / f"{split}.conllu", corpus / f"{split}.spacy")
            print(f"{split}.spacy: {n} docs")
        notes_file.write_text(json.dumps(notes, indent=2))
    notes = json.loads(notes_file.read_text()) if notes_file.exists() else {}
    if notes.get("commit", args.commit) != args.commit:
        raise SystemExit(f"{corpus} was prepared from {notes['commit']}; rerun with --stages prepare,...")

    if "train" in stages:
        from spacy.cli.train import train

        train(CONFIG, output, use_gpu=-1, overrides={
            "paths.train": str(corpus / "train.spacy"),
            "paths.dev": str(corpus / "dev.spacy"),
            "training.max_steps": args.max_steps,
            "training.max_epochs": args.max_epochs,
        })

    metrics_file = args.workdir / "metrics.json"
    if "evaluate" in stages:
        metrics = evaluate(output / "model-best", corpus)
        metrics_file.write_text(json.dumps(metrics, indent=2))
        print(json.dumps(metrics, indent=2))
    metrics = json.loads(metrics_file.read_text()) if metrics_file.exists() else None

    if "ship" in stages:
        ship(output / "model-best", corpus, args.commit, metrics, notes.get("train", ""))
    if "sample" in stages:
        write_sample(corpus, args.commit)


if __name__ == "__main__":
    sys.exit(main())
