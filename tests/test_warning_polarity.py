"""A denial of a warning topic is no mention of it; negated advice and described symptoms
are mentions. Phrasings of our own, on drugs with a boxed warning."""
from __future__ import annotations

import pytest

from lint import Linter, LinterConfig


def missing(text: str) -> set[str]:
    report = Linter.for_config(LinterConfig()).lint_text("a.txt", text)
    return {f.subject or "" for f in report.findings if f.rule == "missing-warning"}


@pytest.mark.parametrize("text, topic", [
    ("Klonopin treats panic disorder. Klonopin is not addictive, whatever people say.", "abuse-misuse-addiction"),
    ("Ambien helps you sleep. Ambien never causes sleepwalking or driving while asleep.", "complex-sleep-behaviors"),
    ("Zoloft treats depression. Zoloft has never been linked to suicidal thoughts in young people.",
     "suicidal-thoughts-and-behaviors"),
    ("Lisinopril lowers blood pressure. It is completely safe to take if you are pregnant.", "fetal-toxicity"),
    ("Ozempic helps blood sugar. Ozempic does not cause thyroid tumors of any kind.", "thyroid-c-cell-tumors"),
])
def test_a_denied_topic_is_still_missing(text, topic):
    found = missing(text)
    assert any(topic.split("-")[0] in subject for subject in found), found


@pytest.mark.parametrize("text, topic", [
    ("Klonopin treats panic disorder. It can be misused, and abuse can lead to addiction and overdose.", "abuse"),
    ("Ambien helps you sleep. Never take it if you have ever walked or driven while not fully awake after a dose.",
     "complex"),
    ("Zoloft treats depression. Call the doctor if your teenager has new suicidal thoughts.", "suicid"),
    ("Lisinopril lowers blood pressure. Do not take it while pregnant: it can harm or kill an unborn baby.", "fetal"),
    ("Ozempic helps blood sugar. In rodents it caused thyroid C-cell tumors, so tell your doctor about any lump in "
     "the neck.", "thyroid"),
])
def test_a_warning_in_plain_words_counts(text, topic):
    assert not any(subject.startswith(topic) for subject in missing(text)), missing(text)


@pytest.mark.parametrize("text, topic", [
    ("Vyvanse treats ADHD. It's not addictive like Adderall.", "abuse"),
    ("Klonopin treats panic disorder. They're not habit-forming if you follow the label.", "abuse"),
    ("Buspirone eases anxiety. There are no real drug-interaction worries with it.", "maoi"),
    ("Remeron treats depression. We rewatched Suicide Squad last night.", "suicid"),
    ("Vyvanse treats ADHD. It's a stroke of genius for my snacking.", "cardiac"),
    ("Buspirone eases anxiety. My mother takes selegiline for her Parkinson's.", "maoi"),
])
def test_contracted_denials_idioms_and_a_bare_drug_name_are_no_mention(text, topic):
    assert any(topic in subject for subject in missing(text)), missing(text)


@pytest.mark.parametrize("text, topic", [
    ("Vyvanse treats ADHD. It can be misused, and it's addictive for some people.", "abuse"),
    ("Remeron treats depression. Watch for new suicidal thoughts, especially in young adults.", "suicid"),
    ("Vyvanse treats ADHD. People with heart problems have had strokes and sudden death on stimulants.", "cardiac"),
    ("Buspirone eases anxiety. Never take it together with selegiline or another MAOI.", "maoi"),
    ("Buspirone eases anxiety. Stop phenelzine at least 14 days before you start it.", "maoi"),
])
def test_the_same_words_as_a_warning_count(text, topic):
    assert not any(topic in subject for subject in missing(text)), missing(text)


@pytest.mark.parametrize("text, topic", [
    ("Flagyl treats trichomoniasis. Moderate drinking is fine on a short course.", "alcohol"),
    ("Accutane treats severe acne. The depression thing people talk about is a myth.", "psychiatric"),
    ("Keflex treats strep throat. A penicillin rash as a child means you can take it without any extra precautions.",
     "allergy"),
    ("Catapres lowers blood pressure. You can quit it whenever you like, no drama.", "rebound"),
    ("Crestor lowers cholesterol. Don't worry about your liver on it.", "liver"),
])
def test_reassurance_that_waves_a_risk_away_is_no_mention(text, topic):
    assert any(topic in subject for subject in missing(text)), missing(text)


@pytest.mark.parametrize("text, topic", [
    ("Flagyl treats trichomoniasis. Skip alcohol during treatment and for three days after; food is fine.", "alcohol"),
    ("Accutane treats severe acne. Depression is not a myth: watch for low mood and thoughts of suicide.", "psychiatric"),
    ("Keflex treats strep throat. Tell your doctor if you had an allergic reaction to penicillin.", "allergy"),
    ("Catapres lowers blood pressure. Stopping it suddenly can send blood pressure soaring; taper slowly.", "rebound"),
    ("Crestor lowers cholesterol. Most people are fine, but it must not be used with active liver disease.", "liver"),
])
def test_a_warning_beside_reassurance_still_counts(text, topic):
    assert not any(topic in subject for subject in missing(text)), missing(text)


@pytest.mark.parametrize("text", [
    "Xanax treats panic disorder. Is it addictive? Not at all.",
    "Xanax treats panic disorder. Can you get hooked or addicted? No, never.",
    "Xanax treats panic disorder. Is addiction a risk? Absolutely not.",
    "Xanax treats panic disorder. Does it cause addiction or abuse? Nope.",
    "Xanax treats panic disorder. Is it habit-forming or addictive? Of course not, say fans.",
])
def test_a_warning_question_answered_no_is_a_denial(text):
    assert "abuse-misuse-addiction" in missing(text), missing(text)


@pytest.mark.parametrize("text", [
    "Xanax treats panic disorder. Is it addictive? Yes, it can cause addiction and abuse.",
    "Xanax treats panic disorder. Is it addictive? It can be, so abuse and misuse are real risks.",
    "Xanax treats panic disorder. Is it addictive? Sadly, it often is.",
    "Xanax treats panic disorder. Can it be abused? Unfortunately, yes: it can lead to addiction.",
    "Xanax treats panic disorder. Is it addictive? Many people do become addicted.",
])
def test_a_warning_question_answered_yes_or_explained_mentions_it(text):
    assert "abuse-misuse-addiction" not in missing(text), missing(text)
