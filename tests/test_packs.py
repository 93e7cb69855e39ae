"""House-rule packs: the core pack on real sentences, user packs through the CLI, and
broken packs that must stop the run with a clear error."""
import json
import re
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import findings_of
from lint.cli.main import main
from lint.knowledge.packs import load_pack, load_packs
from lint.knowledge.yamlfile import DataError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PACK_README = ROOT / "rules" / "packs" / "README.md"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def texts(report, rule):
    return [f.text for f in findings_of(report, rule)]


# --- the core pack, rule by rule ----------------------------------------------------------

# rule: (texts it must flag, with the flagged text), (texts it must leave alone)
CORE_CASES = {
    "absolute-safety-claim": (
        [("Klonopin is completely safe.", "completely safe"),
         ("Tramadol has no side effects when taken correctly.", "no side effects")],
        ["Klonopin isn't completely safe.",                       # negated
         'Ads call Klonopin "completely safe", which is false.',   # quoted
         "It's a myth that Xanax is completely safe.",             # hedged
         "Is Xanax completely safe?",                              # a question
         "Most people have no side effects at a low dose."]),      # exception
    "not-addictive-claim": (
        [("Xanax is not addictive.", "not addictive"),
         ("Ambien is non-habit-forming.", "non-habit-forming")],  # controlled, no abuse topic in its profile
        ["It is not true that Xanax is not addictive.",
         'Some forums say Xanax is "not addictive".',
         "Sertraline is not addictive.",                            # no abuse warning, not controlled
         "Prednisone is not addictive."]),
    "cure-claim": (
        [("Xanax cures panic disorder.", "cures panic disorder"), ("Klonopin is a cure for anxiety.", "a cure for")],
        ["Xanax does not cure panic disorder.", "There is no cure for epilepsy.",
         'Be wary of a "cure for anxiety".', "Amoxicillin cures strep throat infections."]),
    "guaranteed-results-claim": (
        [("Phentermine is guaranteed to work.", "guaranteed to work")],
        ["Phentermine is not guaranteed to work.", 'The ad says phentermine is "guaranteed to work".',
         "Your order has guaranteed delivery."]),
    "rx-without-prescription": (
        [("Buy Klonopin online without a prescription.", "Buy Klonopin online without a prescription"),
         ("Klonopin 2 mg, no Rx needed.", "no Rx needed"),
         ("Need tramadol with no prescription needed?", "no prescription needed")],  # questions count here
        ["You cannot buy Klonopin without a prescription.",
         'Sites that say "buy Klonopin without a prescription" are illegal.',
         "You can buy ibuprofen without a prescription."]),         # an OTC product exists
    "unmade-strength": (
        [("Klonopin 3 mg tablets are strong.", "3 mg tablets"), ("Take two 3mg Klonopin tablets.", "3mg Klonopin tablets")],
        ["Klonopin is not made in 3 mg tablets.", 'A "Klonopin 3 mg tablets" listing is fake.',
         "Klonopin comes in 0.5 mg, 1 mg and 2 mg tablets.", "Norco 10/325 mg tablets are common."]),
    "misspelled-drug-name": (
        [("Klonipin helps panic disorder.", "Klonipin"), ("It is Klonopin, not klonipin.", "klonipin")],  # negation does not excuse it
        ["Klonopin helps panic disorder.", 'People often search for "Klonipin".']),
}


@pytest.mark.parametrize("rule", sorted(CORE_CASES))
def test_core_rule_hits_and_non_hits(lint_string, rule):
    hits, clean = CORE_CASES[rule]
    for text, flagged in hits:
        assert flagged in texts(lint_string(text), rule), text
    for text in clean:
        assert findings_of(lint_string(text), rule) == [], text


def test_require_rules_fire_only_when_the_line_is_missing(lint_string):
    bare = "Klonopin treats panic disorder. Take 0.5 mg twice a day."
    report = lint_string(bare)
    [controlled] = findings_of(report, "controlled-without-schedule")
    assert controlled.drug == "clonazepam" and controlled.start is None
    assert "Schedule IV" in controlled.message and controlled.label_fact == "controlled substance, Schedule IV"
    [dosing] = findings_of(report, "dosing-without-prescriber")
    assert dosing.text == "0.5 mg twice a day"  # points at the first dose
    assert len(findings_of(report, "no-talk-to-doctor")) == 1
    complete = bare + " Klonopin is a controlled substance. Take it as prescribed and ask your pharmacist about side effects."
    report = lint_string(complete)
    for rule in ("controlled-without-schedule", "dosing-without-prescriber", "no-talk-to-doctor"):
        assert findings_of(report, rule) == [], rule
    assert findings_of(lint_string("Sertraline treats depression."), "controlled-without-schedule") == []
    assert findings_of(lint_string("Sertraline treats depression."), "dosing-without-prescriber") == []


def test_pharmacy_ad_fixture(lint_fixture):
    report = lint_fixture("xanax-pharmacy-ad.md")
    found = sorted((f.rule, f.text) for f in report.findings
                   if f.rule not in ("missing-warning", "unlabeled-indication", "dose-out-of-range"))
    assert found == sorted([
        ("guaranteed-results-claim", "Guaranteed Relief"),
        ("absolute-safety-claim", "completely safe"),
        ("not-addictive-claim", "not addictive"),
        ("rx-without-prescription", "Buy Xanax without a prescription"),
        ("unmade-strength", "5 mg tablets"),
        ("misspelled-drug-name", "Klonipin"),
        ("dosing-without-prescriber", "0.5 mg three times a day"),
        ("cure-claim", "cures panic disorder"),
        ("controlled-without-schedule", None),
        ("no-talk-to-doctor", None),
    ])
    source = (FIXTURES / "xanax-pharmacy-ad.md").read_text(encoding="utf-8")
    for finding in report.findings:
        if finding.start is not None:
            assert source[finding.start:finding.end] == finding.text


def test_claim_findings_carry_the_drug_and_the_profile_fact(lint_string):
    [strength] = findings_of(lint_string("Klonopin 3 mg tablets are strong."), "unmade-strength")
    assert strength.drug == "clonazepam" and "0.5, 1 and 2 mg" in strength.message
    assert strength.source and "Clonazepam" in strength.source
    [spelling] = findings_of(lint_string("Many people take xanex for anxiety."), "misspelled-drug-name")
    assert spelling.drug == "alprazolam" and spelling.suggestion == "Write Xanax."
    [claim] = findings_of(lint_string("Xanax is not addictive."), "not-addictive-claim")
    assert "addiction" in claim.label_fact.lower()


def test_claim_is_tied_to_the_drug_of_its_sentence(lint_string):
    text = "Klonopin needs a prescription, but you can buy ibuprofen without a prescription."
    assert findings_of(lint_string(text), "rx-without-prescription") == []
    text = "Unlike sertraline, Xanax is not addictive."
    assert [f.drug for f in findings_of(lint_string(text), "not-addictive-claim")] == ["alprazolam"]


def test_core_pack_test_cases_pass_and_cover_every_rule():
    result = run("rules", "test", "core")
    assert result.exit_code == 0, result.output
    assert re.search(r"pack core: all \d+ test cases passed", result.output)
    [core] = [p for p in load_packs() if p.name == "core"]
    for rule in core.rules:
        assert rule.hits and rule.clean, rule.id
        assert rule.explanation and all(text.strip() for _, text in rule.explanation), rule.id


def test_rules_lists_pack_rules_and_explain_documents_them():
    listing = run("rules").output
    assert re.search(r"^absolute-safety-claim\s+core\s+error\s+A medicine is called", listing, re.M)
    assert re.search(r"^missing-warning\s+built-in", listing, re.M)
    explained = run("explain", "unmade-strength")
    assert explained.exit_code == 0
    for heading in ("What it finds", "Why it matters", "Example", "What to write instead", "Pack"):
        assert f"\n{heading}\n" in explained.output


# --- user packs ---------------------------------------------------------------------------

def readme_example(folder: Path) -> Path:
    """The example pack of rules/packs/README.md, written as an editor would save it."""
    block = re.search(r"## Example\n\n```yaml\n(.*?)```", PACK_README.read_text(encoding="utf-8"), re.S).group(1)
    path = folder / "style.yaml"
    path.write_text(block, encoding="utf-8")
    return path


def test_readme_example_pack_end_to_end(tmp_path):
    packs = tmp_path / "house"
    packs.mkdir()
    pack = readme_example(packs)
    article = tmp_path / "a.md"
    article.write_text("# Sertraline\n\nGet cheap sertraline today and save 50% off.\n\n"
                       "Ask your pharmacist about a discount card.\n", encoding="utf-8")
    result = run("check", "--format", "json", "--rules", packs, article)
    findings = json.loads(result.stdout)["files"][0]["findings"]
    ours = [(f["rule"], f["text"], f["line"]) for f in findings if f["rule"] in ("no-cheap-claims", "pregnancy-line")]
    assert ours == [("pregnancy-line", None, None), ("no-cheap-claims", "cheap", 3), ("no-cheap-claims", "50% off", 3)]
    cheap = next(f for f in findings if f["rule"] == "no-cheap-claims")
    assert cheap["severity"] == "warning" and cheap["message"] == "'cheap' is price talk; we do not advertise prices."

    assert "no-cheap-claims" not in run("check", "--format", "json", article).stdout  # only with --rules
    disabled = run("check", "--format", "json", "--rules", packs, "--disable", "no-cheap-claims", article)
    assert "no-cheap-claims" not in disabled.stdout
    assert re.search(r"^no-cheap-claims\s+style\s+warning", run("rules", "--rules", packs).output, re.M)
    assert "Price talk reads as an advert" in run("explain", "no-cheap-claims", "--rules", packs).output
    tested = run("rules", "test", pack)
    assert tested.exit_code == 0 and "pack style: all 6 test cases passed" in tested.output


def test_config_and_inline_directives_reach_pack_rules(tmp_path):
    (tmp_path / ".druglint.yaml").write_text("rules:\n  absolute-safety-claim: warning\n  cure-claim: off\n")
    article = tmp_path / "a.md"
    article.write_text("Xanax is completely safe. Xanax cures anxiety.\n\n"
                       "<!-- druglint-disable-next-line guaranteed-results-claim -->\nXanax is guaranteed to work.\n")
    findings = json.loads(run("check", "--format", "json", article).stdout)["files"][0]["findings"]
    by_rule = {f["rule"]: f for f in findings}
    assert by_rule["absolute-safety-claim"]["severity"] == "warning"
    assert "cure-claim" not in by_rule and "guaranteed-results-claim" not in by_rule


def write_pack(folder: Path, rules_yaml: str, name: str = "house.yaml") -> Path:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("pack: house\nrules:\n" + rules_yaml, encoding="utf-8")
    return path


EXPLAIN = """    explanation: {finds: It., why: Because., example: Ex., instead: Other.}
"""


def test_scopes_and_when_contains(tmp_path, lint_string):
    folder = tmp_path / "packs"
    write_pack(folder, f"""
  - id: shouting-heading
    severity: info
    message: "'{{match}}' shouts in a heading."
{EXPLAIN}    scope: heading
    forbid:
      patterns: [[{{IS_UPPER: true, LENGTH: {{">=": 4}}}}]]
  - id: list-price
    severity: info
    message: Price in a list item.
{EXPLAIN}    scope: list_item
    forbid:
      phrases: [price]
  - id: dosage-food
    severity: info
    message: Say whether to take it with food.
{EXPLAIN}    scope: dosage
    require:
      phrases: [with food, without food, with or without food]
  - id: overdose-needs-poison-control
    severity: warning
    message: Overdose is mentioned without the Poison Help line.
{EXPLAIN}    require:
      phrases: [poison help, poison control]
      when:
        contains: {{phrases: [overdose]}}
""")
    from lint.linter import Linter, LinterConfig
    linter = Linter(LinterConfig(rule_dirs=(str(folder),)))
    article = ("# WARNING about sertraline\n\n## Dosage\n\nTake 50 mg once a day.\n\n- Price: low\n\n"
               "The price is low. An overdose can be dangerous. VERY dangerous.\n")
    report = linter.lint_text("a.md", article)
    assert texts(report, "shouting-heading") == ["WARNING"]            # not "VERY" in the paragraph
    assert texts(report, "list-price") == ["Price"]                    # not "price" in the paragraph
    assert len(findings_of(report, "dosage-food")) == 1
    assert texts(report, "overdose-needs-poison-control") == ["overdose"]
    calm = linter.lint_text("a.md", "# Sertraline\n\nTake it with food. An overdose needs Poison Control.\n")
    assert findings_of(calm, "dosage-food") == []                      # no dosage section: nothing to require
    assert findings_of(calm, "overdose-needs-poison-control") == []


# --- broken packs -------------------------------------------------------------------------

RULE_HEAD = """  - id: bad-rule
    severity: warning
    message: Bad.
""" + EXPLAIN

BROKEN = [
    ("catastrophic regex", RULE_HEAD + '    forbid:\n      patterns: [[{LOWER: {REGEX: "(a+)+$"}}]]\n',
     r"house\.yaml:8: rules\[0\]\.forbid\.patterns\[0\]\[0\]\.LOWER\.REGEX: rule 'bad-rule': regular expressions are not allowed"),
    ("top-level regex", RULE_HEAD + '    forbid:\n      patterns: [[{REGEX: "(a+)+$"}]]\n',
     r"house\.yaml:8: rules\[0\]\.forbid\.patterns\[0\]\[0\]\.REGEX: rule 'bad-rule': regular expressions are not allowed"),
    ("unquoted no", RULE_HEAD + "    forbid:\n      patterns: [[{LOWER: no}]]\n",
     r"house\.yaml:8: .*LOWER: rule 'bad-rule': expected text, got true/false: .*quote the word"),
    ("upper case LOWER", RULE_HEAD + "    forbid:\n      patterns: [[{LOWER: Xanax}]]\n",
     r"LOWER compares with lower-case text: write 'xanax'"),
    ("lemma", RULE_HEAD + "    forbid:\n      patterns: [[{LEMMA: be}]]\n",
     r"LEMMA is not set by druglint's blank spaCy pipeline"),
    ("unknown key", RULE_HEAD + "    forbid:\n      phrases: [cheap]\n    colour: red\n",
     r"house\.yaml:9: rules\[0\]\.colour: rule 'bad-rule': unknown key"),
    ("two kinds", RULE_HEAD + "    forbid: {phrases: [a]}\n    require: {phrases: [b]}\n",
     r"rule 'bad-rule': give exactly one of forbid, require, claim"),
    ("bad placeholder", RULE_HEAD.replace("Bad.", "'{drug} is bad'") + "    forbid: {phrases: [cheap]}\n",
     r"rules\[0\]\.message: rule 'bad-rule': unknown placeholder \{drug\} \(this rule offers: \{match\}\)"),
    ("bad scope", RULE_HEAD + "    scope: chapter\n    forbid: {phrases: [cheap]}\n",
     r"house\.yaml:7: rules\[0\]\.scope: rule 'bad-rule': expected one of document, sentence, heading, list_item, .*dosage"),
    ("built-in id", RULE_HEAD.replace("bad-rule", "missing-warning") + "    forbid: {phrases: [cheap]}\n",
     r"house\.yaml:3: id: rule id 'missing-warning' is a built-in rule"),
    ("core id", RULE_HEAD.replace("bad-rule", "cure-claim") + "    forbid: {phrases: [cheap]}\n",
     r"house\.yaml:3: id: rule id 'cure-claim' is already defined in .*core\.yaml:\d+ \(pack core\)"),
    ("invalid yaml", RULE_HEAD + "    forbid: {phrases: [cheap\n", r"house\.yaml:\d+: invalid YAML"),
]


@pytest.mark.parametrize("name,rules_yaml,error", BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_pack_stops_the_run_with_file_line_field_and_rule(tmp_path, name, rules_yaml, error):
    folder = tmp_path / "packs"
    write_pack(folder, rules_yaml)
    article = tmp_path / "a.md"
    article.write_text("Xanax is completely safe.\n")
    result = run("check", "--format", "json", "--rules", folder, article)
    assert result.exit_code == 2
    assert result.stdout == ""  # no half report
    assert re.search(error, result.stderr), result.stderr


def test_missing_pack_folder_and_empty_folder_are_errors(tmp_path):
    article = tmp_path / "a.md"
    article.write_text("Xanax treats anxiety.\n")
    assert run("check", "--rules", tmp_path / "nope", article).exit_code == 2
    (tmp_path / "empty").mkdir()
    empty = run("check", "--rules", tmp_path / "empty", article)
    assert empty.exit_code == 2 and "no rule packs (*.yaml) in this folder" in empty.stderr


def test_failing_pack_test_case_is_reported(tmp_path):
    pack = write_pack(tmp_path, RULE_HEAD + """    forbid: {phrases: [cheap]}
    tests:
      hits: [Xanax is inexpensive.]
      clean: [Xanax is cheap.]
""")
    result = run("rules", "test", pack)
    assert result.exit_code == 1
    assert f"FAIL bad-rule hit 1 ({pack}:9): no finding" in result.output
    assert "FAIL bad-rule clean 1" in result.output and "unexpected finding 'cheap'" in result.output
    assert "pack house: 2 of 2 test cases failed" in result.output


# --- the pack parser on generated input ---------------------------------------------------

ATTRIBUTES = ["LOWER", "ORTH", "TEXT", "SHAPE", "LENGTH", "IS_DIGIT", "LIKE_NUM", "IS_PUNCT", "DRUG", "CONDITION",
              "DOSE", "MISSPELLED", "OP", "REGEX", "FUZZY", "LEMMA", "POS", "lower", "_"]
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 40) | st.text(max_size=8)
    | st.sampled_from(["?", "*", "+", "!", "{2}", "{1,3}", "{,2}", "xx", "no", "IN", "Xanax", ">="]),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["IN", "NOT_IN", ">=", "==", "REGEX", "FUZZY", "bad"]), children, max_size=2),
    max_leaves=6)
TOKENS = st.dictionaries(st.sampled_from(ATTRIBUTES), VALUES, max_size=3)


@settings(max_examples=150, deadline=None)
@given(patterns=st.lists(st.lists(TOKENS, max_size=4), max_size=2),
       phrases=st.lists(st.text(max_size=12) | st.booleans() | st.integers(), max_size=3))
def test_pack_parser_accepts_or_names_the_problem(patterns, phrases):
    """Any rule body either loads, and then spaCy's Matcher accepts its patterns, or fails
    with a DataError that names the file; never another exception."""
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab
    text = yaml.safe_dump({"rules": [{"id": "generated", "severity": "info", "message": "m",
                                      "explanation": {"finds": "f", "why": "w", "example": "e", "instead": "i"},
                                      "forbid": {"patterns": patterns, "phrases": phrases}}]})
    try:
        pack = load_pack("generated.yaml", text)
    except DataError as error:
        assert str(error).startswith("generated.yaml")
        return
    rule = pack.rules[0]
    assert all(len(p) <= 24 for p in rule.patterns.tokens)
    if rule.patterns.tokens:
        Matcher(Vocab()).add("generated", [list(p) for p in rule.patterns.tokens])
