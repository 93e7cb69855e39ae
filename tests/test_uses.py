"""Use claims by capability, each with phrasings of our own: benefit predicates in every
verb form, unlisted complaints and goals, purpose clauses, negators, whose use it is, uses
lists and labels, and an article about a drug with no profile."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from lint import Linter, LinterConfig
from lint.nlp.inflect import phrase_forms, verb_forms
from lint.nlp.sections import heading_kind
from lint.readers import read_document
from conftest import findings_of


LINTER = Linter.for_config(LinterConfig())


def unlabeled(text: str, name: str = "article.txt") -> list[str]:
    report = Linter.for_config(LinterConfig()).lint_text(name, text)
    return [f.text or "" for f in report.findings if f.rule == "unlabeled-indication"]


def test_verb_forms_cover_regular_and_irregular_verbs():
    assert verb_forms("quiet") == ("quiet", "quiets", "quieted", "quieting")
    assert verb_forms("ease") == ("ease", "eases", "eased", "easing")
    assert verb_forms("carry") == ("carry", "carries", "carried", "carrying")
    assert "knocked out" in phrase_forms("knock out") and "took the edge off" in phrase_forms("take the edge off")


@pytest.mark.parametrize("text, use", [
    ("Honestly, sertraline quieted my tinnitus within a month.", "tinnitus"),
    ("My neighbour says amlodipine knocks out her psoriasis flares.", "psoriasis"),
    ("Lisinopril has been a godsend for my hay fever every spring.", "hay fever"),
    ("For me, gabapentin works wonders on my back spasms.", "back spasms"),
    ("Lorazepam is my secret weapon against motion sickness.", "motion sickness"),
    ("Metformin melted away the sugar cravings I had for years.", "sugar cravings"),
])
def test_a_benefit_predicate_presents_its_object_as_a_use(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text, use", [
    ("Lots of gamers take Adderall to stay sharp through all-night raids.", "stay sharp"),
    ("Some brides start semaglutide to fit into a smaller dress size.", "fit into a smaller dress"),
    ("He pops a Xanax to get through a long-haul flight.", "get through a long-haul flight"),
    ("Bodybuilders use levothyroxine to burn fat before a show.", "fat"),
    ("She tried modafinil to study longer for the bar exam.", "study longer"),
])
def test_a_purpose_clause_presents_a_goal_as_a_use(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Never take Adderall to stay sharp through all-night raids.",
    "Nobody should use levothyroxine to burn fat before a show.",
    "Prednisone is not a cure for hay fever, whatever the forums say.",
    "Don't pop a Xanax to calm your nerves before a job interview.",
    "Sertraline has no place in treating tinnitus.",
])
def test_a_negator_governing_the_predicate_denies_the_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text", [
    "Sertraline works for depression, and melatonin for jet lag.",
    "Her doctor kept her on lisinopril and added sumatriptan for the migraines.",
    "Atorvastatin lowers cholesterol; clarithromycin was prescribed for the bronchitis.",
    "Metoclopramide, not metformin, is the usual choice for stomach emptying problems.",
    "Clonazepam helped her panic attacks, and loperamide helped her diarrhea.",
])
def test_another_drug_named_before_the_condition_owns_the_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("What is trazodone used for?\n- Depression\n- Trouble sleeping\n", "Trouble sleeping"),
    ("Why people love modafinil:\n- Shift work sleepiness\n- Jet lag\n", "Jet lag"),
    ("Ivermectin\nUses: river blindness; head lice; COVID-19\n", "COVID-19"),
    ("What does sildenafil help with? Erectile dysfunction and altitude sickness.", "altitude sickness"),
    ("## Benefits of atorvastatin\n* Lowers LDL cholesterol\n* Sharper memory in old age\n", "Sharper memory"),
])
def test_items_and_labels_that_present_uses(text, use):
    assert any(use in found for found in unlabeled(text, "article.md" if text.startswith("#") else "article.txt"))


@pytest.mark.parametrize("text", [
    "What is trazodone used for?\n- Depression\n",
    "Ivermectin\nUses: river blindness; strongyloidiasis\n",
    "Why people take lisinopril:\n- High blood pressure\n- Heart failure\n",
    "What does sildenafil help with? Erectile dysfunction.",
    "Taper clonazepam slowly to prevent withdrawal symptoms.",
])
def test_labeled_items_and_taper_advice_stay_quiet(text):
    assert unlabeled(text) == []


def test_an_article_about_a_drug_without_a_profile_is_not_read_as_about_a_profiled_one():
    text = ("Vortioxetine Tablets (Trintellix)\n\n"
            "Approved uses: major depressive disorder; generalized anxiety disorder; social anxiety disorder.\n\n"
            "Do not combine it with tramadol or cyclobenzaprine.\n")
    report = Linter.for_config(LinterConfig()).lint_text("a.txt", text)
    assert [f.rule for f in report.findings if f.rule in ("unlabeled-indication", "missing-warning")] == []


@pytest.mark.parametrize("text, use", [
    ("Propranolol settles my nerves before every presentation.", "nerves"),
    ("A lot of people take gabapentin for anxiety these days.", "anxiety"),
    ("Amlodipine has helped my worry a great deal.", "worry"),
    ("Seroquel is what finally eased my anxiety.", "anxiety"),
    ("My aunt says metoprolol calms her nervousness at weddings.", "nervousness"),
    ("Lisinopril fights the fatigue I get in the afternoons.", "fatigue"),
])
def test_a_vague_complaint_no_labeled_use_of_the_drug_covers_is_unlabeled(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Clonazepam really helps my anxiety.",
    "Sertraline eases anxiety for many people.",
    "Buspirone helps with worry that will not switch off.",
    "Escitalopram calmed my nerves within a few weeks.",
    "Metformin helps with diabetes.",
    "Ibuprofen brings down swelling after a sprain.",
])
def test_a_vague_complaint_in_the_family_of_a_labeled_use_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("My brother takes Claritin to dry up a head cold every winter.", "cold"),
    ("She uses Trulicity to get her PCOS under control.", "PCOS"),
    ("My friend takes valacyclovir to keep her post-viral fatigue down.", "fatigue"),
    ("My mom takes gabapentin to tame her hot flashes at night.", "hot flashes"),
    ("Some runners pop ibuprofen to push through shin splints before a race.", "shin splints"),
    ("He started lisinopril to get ahead of his migraines.", "migraines"),
])
def test_any_verb_of_a_purpose_clause_presents_the_complaint_it_names(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Take ibuprofen with food to avoid an upset stomach.",
    "Give sertraline four to six weeks to work.",
    "Doctors prescribe clonazepam to patients with seizures.",
    "Many people take metformin to control type 2 diabetes.",
    "Take amlodipine at the same time each day to make it a habit.",
    "The psychiatrist prescribed guanfacine to calm things down before school.",
])
def test_purpose_clauses_of_advice_or_labeled_uses_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Spironolactone is the best-kept secret for hormonal acne.", "hormonal acne"),
    ("Fluoxetine is one of the best treatments for social anxiety disorder.", "social anxiety disorder"),
    ("Amlodipine ended my aunt's night sweats for good.", "night sweats"),
    ("Seroquel is hands down the best sleep aid I have tried.", "sleep aid"),
    ("For me, sertraline is the top pick for ringing in the ears.", "ringing in the ears"),
    ("Lisinopril is a staple for migraines in our house.", "migraines"),
])
def test_plural_and_superlative_use_nouns_present_uses(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Metformin is the first choice for type 2 diabetes.",
    "Do not mix quetiapine with sleep aids or alcohol.",
    "The weekend ended with a headache, but the ibuprofen helped.",
    "Sertraline is one of the best treatments for panic disorder.",
    "Lisinopril is a staple for high blood pressure.",
])
def test_use_nouns_for_labeled_uses_or_other_things_stay_quiet(text):
    assert unlabeled(text) == []


def findings(text: str, rule: str) -> list[tuple[str | None, str]]:
    report = Linter.for_config(LinterConfig()).lint_text("article.txt", text)
    return [(f.drug, f.text or "") for f in report.findings if f.rule == rule]


TWO_DRUGS = "Amoxicillin and prednisone: what parents ask\n\nPrednisone is a steroid for asthma flares. "


@pytest.mark.parametrize("text, drug, use", [
    (TWO_DRUGS + "Amoxicillin is an antibiotic. It also clears up acne for good.", "amoxicillin", "acne"),
    (TWO_DRUGS + "Amoxicillin is an antibiotic. Many parents use it for colds.", "amoxicillin", "colds"),
    (TWO_DRUGS + "As for amoxicillin, it is a penicillin. Doctors also prescribe it for Lyme arthritis.",
     "amoxicillin", "Lyme"),
    (TWO_DRUGS + "Amoxicillin is the antibiotic. Then prednisone comes in. It is a godsend for toenail fungus.",
     "prednisone", "toenail fungus"),
    ("Soma or Flexeril?\n\nFlexeril is cyclobenzaprine. Soma is carisoprodol. It is great for TMJ pain.",
     "carisoprodol", "TMJ"),
])
def test_in_an_article_about_several_drugs_it_means_the_one_named_last(text, drug, use):
    assert any(found_drug == drug and use in found for found_drug, found in findings(text, "unlabeled-indication"))


@pytest.mark.parametrize("text", [
    TWO_DRUGS + "Amoxicillin is an antibiotic. It treats ear infections and strep throat.",
    TWO_DRUGS + "Amoxicillin is an antibiotic. It is used for pneumonia and sinus infections.",
    TWO_DRUGS + "Amoxicillin is an antibiotic. Give 250 mg every 8 hours for an ear infection.",
    "Lunesta or Restoril?\n\nLunesta is eszopiclone for insomnia. Restoril is temazepam. "
    "It is taken as 15 mg at bedtime for insomnia.",
    "Soma or Flexeril?\n\nSoma is carisoprodol. Flexeril is cyclobenzaprine. It relieves muscle spasm.",
])
def test_claims_that_fit_the_drug_named_last_stay_quiet(text):
    assert findings(text, "unlabeled-indication") == [] and findings(text, "dose-out-of-range") == []


@pytest.mark.parametrize("text, use", [
    ("Honestly, amlodipine cleared up my toenail fungus.", "toenail fungus"),
    ("Metformin is a godsend for my night sweats.", "night sweats"),
    ("My sister swears lisinopril calmed her eyelid twitches.", "twitches"),
    ("Sertraline settled the heartburn I had for years.", "heartburn"),
    ("Atorvastatin knocked out my hiccups.", "hiccups"),
])
def test_complaints_the_lexicon_does_not_list_are_known_by_their_head_word(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Can fluconazole treat a regular UTI?",
    "Does Zoloft help with hot flashes?",
    "Is gabapentin good for anxiety?",
    "Will metformin fix my acne?",
    "Should I take lisinopril for migraines?",
    "Could amlodipine help my tinnitus?",
])
def test_a_yes_no_question_asks_and_presents_no_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Why is gabapentin so good for anxiety?", "anxiety"),
    ("Gabapentin is good for anxiety, right?", "anxiety"),
    ("How does metformin clear up acne so fast?", "acne"),
    ("Who knew lisinopril was a godsend for migraines?", "migraines"),
    ("Isn't it amazing how amlodipine knocks out tinnitus?", "tinnitus"),
])
def test_a_question_that_presupposes_the_use_still_presents_it(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text, use", [
    ("Tamiflu is basically a COVID pill too.", "COVID"),
    ("Amitriptyline is basically a pain pill you take at night.", "pain"),
    ("Quetiapine is the best sleeping pill ever.", "sleeping pill"),
    ("Celexa is basically a happy pill for burnout.", "burnout"),
    ("Risperidone is the best thing for Tourette's tics.", "Tourette"),
    ("Hydroxyzine has been a lifesaver for seasickness.", "seasickness"),
    ("Her sister used Contrave to quit smoking.", "quit smoking"),
])
def test_a_drug_called_a_pill_or_thing_for_a_complaint_presents_it(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Zolpidem is a sleeping pill.",
    "Clonazepam is a medicine for panic disorder.",
    "Naltrexone, rather than gabapentin, is the standard medicine for alcohol cravings.",
    "Instead of sertraline, her doctor chose naltrexone as the pill for alcohol cravings.",
    "Do not mix quetiapine with sleep aids or alcohol.",
])
def test_a_labeled_or_set_aside_drug_called_a_pill_stays_quiet(text):
    assert unlabeled(text) == []


MYTH = "# Lisinopril: myths and facts\n\n## Myth 1: \"Lisinopril cures migraines.\"\n\n"


@pytest.mark.parametrize("fact, use", [
    ("**Fact:** It also clears up psoriasis in many people.", "psoriasis"),
    ("**The truth:** lisinopril is a godsend for hay fever.", "hay fever"),
    ("Fact: it knocks out tinnitus within weeks.", "tinnitus"),
    ("**Reality:** the real bonus is that it heals acne.", "acne"),
    ("**Fact:** Perks nobody tells you about:\n\n- **Clear skin:** it settles eczema flares.", "eczema"),
])
def test_what_a_fact_label_answers_under_a_myth_heading_is_asserted(fact, use):
    found = unlabeled(MYTH + fact + "\n", "article.md")
    assert any(use in f for f in found) and not any("migraine" in f for f in found)


@pytest.mark.parametrize("text", [
    MYTH + "Some people believe it also helps psoriasis.\n",
    MYTH + "**Fact:** There is no evidence that it helps migraines.\n",
    "# Lisinopril myths\n\n## Myth: \"It treats acne.\"\n\nMany readers have heard that lisinopril heals acne.\n",
    MYTH + "**Fact:** It lowers blood pressure.\n\n## Myth 2: \"It cures eczema.\"\n\nIt is said to settle eczema flares.\n",
    MYTH + "**Fact:** Lisinopril is for high blood pressure and heart failure.\n",
])
def test_myths_and_what_follows_no_fact_label_stay_hedged(text):
    assert unlabeled(text, "article.md") == []


@pytest.mark.parametrize("lead, item, use", [
    ("Here's what our readers swear by:", "- **Skin:** it clears up psoriasis.", "psoriasis"),
    ("Perks you may not hear about:", "- Fewer migraines for many people", "migraines"),
    ("People use it for:", "- **Sleep:** insomnia on work nights", "insomnia"),
    ("What it's good for:", "- hay fever in spring", "hay fever"),
    ("The benefits fans rave about:", "- **Energy:** it fights chronic fatigue syndrome.", "chronic fatigue"),
])
def test_items_under_a_lead_that_presents_uses_are_uses(lead, item, use):
    text = f"# Lisinopril\n\nLisinopril treats high blood pressure. {lead}\n\n{item}\n"
    assert any(use in f for f in unlabeled(text, "article.md"))


@pytest.mark.parametrize("lead, item", [
    ("Common side effects include:", "- dizziness and headache"),
    ("Tell your doctor if you have:", "- kidney disease or psoriasis"),
    ("Do not take it with:", "- potassium supplements"),
    ("Here's what our readers swear by:", "- lower blood pressure readings"),
    ("Stop taking it and call a doctor if you notice:", "- swelling of the face or migraines"),
])
def test_items_under_other_leads_or_labeled_items_stay_quiet(lead, item):
    text = f"# Lisinopril\n\nLisinopril treats high blood pressure. {lead}\n\n{item}\n"
    assert unlabeled(text, "article.md") == []


@pytest.mark.parametrize("text, use", [
    ("Lunesta keeps her restless legs in check at night.", "restless legs"),
    ("Trulicity finally got her PCOS under control.", "PCOS"),
    ("Naltrexone gave me my life back from the fog of fibromyalgia.", "fibromyalgia"),
    ("Armodafinil pulls you out of a depressive slump.", "depressive slump"),
    ("Amlodipine keeps my migraines at bay.", "migraines"),
    ("Sertraline brought my hot flashes under control.", "hot flashes"),
])
def test_the_gap_of_a_frame_is_a_use(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Sertraline keeps the panic attacks at bay.",
    "Metformin keeps my blood sugar in check.",
    "Lisinopril keeps it in check for me.",
    "Keep the tablets away from children and pets.",
    "Lisinopril gets high blood pressure under control for most people.",
])
def test_frames_around_labeled_uses_or_no_complaint_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("While you are on it, clonazepam is fantastic for sleep.", "sleep"),
    ("Lexapro is perfect for hot flashes.", "hot flashes"),
    ("Lots of people stay on Wellbutrin precisely for the weight loss.", "weight loss"),
    ("Seroquel makes you sleepy, which is why I take it at night for my insomnia.", "insomnia"),
    ("Honestly, amlodipine is amazing for migraines.", "migraines"),
    ("I keep gabapentin mainly for hot flashes.", "hot flashes"),
])
def test_evaluative_adjectives_and_adverbs_before_for_present_a_use(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Clonazepam is not great for sleep in the long run.",
    "Sertraline is perfect for panic disorder.",
    "Coffee is great for mornings, but do not mix it with zolpidem.",
    "Take lisinopril every day for high blood pressure.",
    "Tylenol is useful for fever.",
])
def test_adjectives_for_labeled_or_denied_uses_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text", [
    "Early trials are exploring whether semaglutide can reduce alcohol cravings.",
    "Whether ivermectin helps patients with COVID-19 was tested in several trials.",
    "Investigators are testing lisinopril for migraine prevention.",
    "Sertraline is being tested for hot flashes in a large trial.",
    "Doctors wonder whether metformin slows aging.",
    "Preliminary data suggest amlodipine may ease Raynaud's attacks.",
])
def test_a_question_under_test_is_no_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Startup engineers take Adderall to ship features faster before a launch.", "ship features"),
    ("Touring DJs take zolpidem to reset their body clocks between time zones.", "reset their body clocks"),
    ("Some brides use phentermine to squeeze into a smaller dress.", "squeeze into a smaller dress"),
    ("Students pop modafinil to power through finals week.", "power through finals week"),
    ("Sprinters take prednisone to shave tenths off their times.", "shave tenths off their times"),
])
def test_a_purpose_clause_names_a_goal_whatever_its_verb(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Take ibuprofen with food to avoid an upset stomach.",
    "Take metformin with meals to lower your blood sugar.",
    "Give sertraline a few weeks to work.",
    "Take lisinopril at the same time each day to make it a habit.",
    "Many people take zolpidem to fall asleep faster.",
])
def test_purpose_clauses_of_advice_or_labeled_goals_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Ozempic helped me lose 40 pounds.", "lose 40 pounds"),
    ("Adderall helped me ace my organic chemistry finals.", "ace my organic chemistry finals"),
    ("Metformin isn't a miracle drug, but it really does slow down aging.", "aging"),
    ("Lisinopril helped me get through my migraines.", "migraines"),
    ("Prednisone helped him bulk up for the season.", "bulk up"),
])
def test_a_benefit_whose_object_is_a_goal_or_a_named_products_other_use(text, use):
    assert any(use in found for found in unlabeled(text))


@pytest.mark.parametrize("text", [
    "Wegovy helped me lose 40 pounds.",
    "Sertraline helped me get through the flashbacks after my car accident.",
    "Metformin helped me lower my blood sugar.",
    "Zolpidem helped me fall asleep.",
    "Lisinopril helped me keep my blood pressure down.",
])
def test_a_benefit_whose_goal_is_the_named_products_use_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Mirtazapine is the best thing I've found for the 3 a.m. wake-ups.", "wake-ups"),
    ("Baclofen is the best remedy she's found for hiccups that last for days.", "hiccups"),
    ("Ondansetron is the best medicine we have tried for car sickness.", "car sickness"),
    ("Sertraline is the only pill I've ever taken for my migraines.", "migraines"),
    ("Lisinopril is the best fix I have found for my hay fever.", "hay fever"),
])
def test_a_relative_clause_between_a_benefit_noun_and_for_still_presents_a_use(text, use):
    assert use in unlabeled(text)


@pytest.mark.parametrize("text", [
    "Zoloft is the best thing I've found for depression.",
    "Ibuprofen is the best medicine I've tried for headaches.",
    "Amlodipine is the best pill I've found for my blood pressure.",
    "Sumatriptan is the only thing I've tried for migraines that works.",
    "Lisinopril is not the best thing I've found for hay fever; Zyrtec is.",
])
def test_a_relative_clause_before_a_labeled_or_denied_use_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Topiramate is the best appetite killer I've tried.", "appetite killer"),
    ("Tizanidine is basically a bedtime knockout pill.", "knockout pill"),
    ("Sertraline is a great pain pill.", "pain"),
    ("Metformin is the best cravings killer around.", "cravings killer"),
    ("For me lisinopril is a hunger buster.", "hunger buster"),
])
def test_a_complaint_before_a_goal_head_is_a_use(text, use):
    assert use in unlabeled(text)


@pytest.mark.parametrize("text", [
    "Tramadol is a great pain pill.",
    "Ibuprofen is a good pain reliever.",
    "Trazodone is my bedtime pill.",
    "Phentermine is an appetite suppressant.",
    "Sertraline is my nighttime pill.",
])
def test_a_goal_head_after_a_labeled_complaint_or_a_time_of_day_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Ondansetron is great for car sickness.", "car sickness"),
    ("Zofran is a must-have for morning sickness.", "morning sickness"),
    ("Zofran is perfect for seasickness on cruises.", "seasickness"),
    ("Aripiprazole took care of her stammer.", "stammer"),
    ("Zofran was a lifesaver for my son's vomiting bug.", "vomiting bug"),
])
def test_kinds_of_nausea_the_label_does_not_name_are_their_own_uses(text, use):
    assert use in unlabeled(text)


@pytest.mark.parametrize("text", [
    "Zofran helps with nausea.",
    "Zofran prevents nausea and vomiting after chemo.",
    "Ondansetron prevents vomiting after surgery.",
    "My oncologist prescribed Zofran for nausea.",
    "Xanax is not for other problems, only anxiety and panic.",
    "People turn to alprazolam for other problems too.",
])
def test_nausea_alone_and_generic_words_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Celecoxib: honestly it got my mood back.", "mood"),
    ("Remeron gave me my appetite back after chemo.", "appetite"),
    ("Lisinopril got my energy back after a long winter.", "energy"),
    ("Metformin gave her hair back its shine.", None),
    ("Atorvastatin helped him put the weight back on after surgery.", "weight"),
])
def test_giving_or_getting_a_complaint_back_presents_a_use(text, use):
    found = unlabeled(text)
    assert (use in " ".join(found)) if use else found == [], found


@pytest.mark.parametrize("text", [
    "Zoloft got my mood back.",
    "Lexapro gave me my life back.",
    "Ozempic keeps my blood sugar in check.",
    "Ibuprofen got me back on my feet.",
    "My doctor gave me the prescription back with a new dose.",
])
def test_getting_back_what_the_label_treats_or_no_complaint_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text", [
    "Lisinopril: my 5-year-old takes it for high blood pressure.",
    "Sertraline: her 4-year-old was started on it for OCD.",
    "Zolpidem: my 12-year-old takes it for insomnia.",
    "Atorvastatin: our 6-year-old takes it for HeFH.",
    "Lisinopril for high blood pressure in a four-year-old.",
])
def test_a_labeled_use_for_a_child_the_label_gives_no_dose_is_reported(text):
    assert unlabeled(text), text


@pytest.mark.parametrize("text", [
    "Lisinopril: my 8-year-old takes it for high blood pressure.",
    "Sertraline: my 10-year-old takes it for OCD.",
    "Amoxicillin: my 3-year-old takes it for an ear infection.",
    "Zolpidem: my 42-year-old husband takes it for insomnia.",
    "Atorvastatin: our 12-year-old takes it for HeFH.",
])
def test_a_labeled_use_at_an_age_the_label_doses_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("heading, item, use", [
    ("Why customers choose it", "Rosacea flares, with redness calming in days", "Rosacea"),
    ("Why people choose Flagyl", "Giardia from camping trips", "Giardia"),
    ("What customers say it helps", "C. diff diarrhea after other antibiotics", "C. diff"),
    ("Your doctor may also prescribe it:", "to stop a common cold from turning into something worse", "common cold"),
    ("Favorite for", "pink eye in toddlers", "pink eye"),
])
def test_items_under_a_heading_or_lead_of_uses_are_uses(heading, item, use):
    text = f"# Metronidazole\n\nMetronidazole treats trichomoniasis.\n\n## {heading}\n\n- {item}\n"
    assert any(use in found for found in unlabeled(text, "article.md")), unlabeled(text, "article.md")


@pytest.mark.parametrize("heading, item", [
    ("Why customers choose it", "Trichomoniasis cleared in one dose"),
    ("Why people choose Flagyl", "Amebiasis in travellers"),
    ("How to choose a dose", "Rosacea patients use a cream instead of these tablets"),
    ("Your doctor may also prescribe it:", "to stop trichomoniasis from coming back after treatment"),
    ("Side effects customers mention", "a metallic taste and stomach upset"),
])
def test_items_of_labeled_uses_or_other_sections_stay_quiet(heading, item):
    text = f"# Metronidazole\n\nMetronidazole treats trichomoniasis.\n\n## {heading}\n\n- {item}\n"
    assert unlabeled(text, "article.md") == []


@pytest.mark.parametrize("text, use", [
    ("Nitrofurantoin is the best cure for traveler's tummy.", "traveler's tummy"),
    ("Rosuvastatin helped with his bedroom trouble.", "bedroom trouble"),
    ("Losartan is a mainstay for weak, enlarged hearts.", "enlarged hearts"),
    ("Teens with Marfan syndrome take losartan to protect the aorta.", "aorta"),
    ("Clopidogrel was given to him after Kawasaki disease.", None),
    ("Isotretinoin: my sister is 11 and takes it for severe acne.", "severe acne"),
])
def test_lay_names_and_stated_ages_of_unlabeled_uses(text, use):
    found = unlabeled(text)
    assert (any(use in f for f in found) if use else True), found


@pytest.mark.parametrize("text", [
    "Ciprofloxacin is used for traveler's diarrhea in some countries; it's not a US-labeled use for every case.",
    "Sildenafil helps with bedroom trouble.",
    "Carvedilol is a mainstay for weak, enlarged hearts.",
    "Isotretinoin: my sister is 19 and takes it for severe acne.",
    "Amoxicillin: my brother is only five and takes it for an ear infection.",
])
def test_the_same_lay_names_for_labeled_uses_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text", [
    "Our pharmacists would never, whatever a forum tells you, suggest sertraline for hot flashes.",
    "Metformin has not been proven, despite years of headlines and hopeful blogs, to slow aging.",
    "What lisinopril cannot do, whatever its fans claim, is cure hay fever.",
    "She did not, at least on her doctor's advice, take gabapentin for hot flashes.",
    "Trazodone is not, in the label's words or anyone's, a treatment for alcohol cravings.",
])
def test_a_negation_before_a_comma_insert_still_denies_the_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Our pharmacists would, whatever a forum tells you, suggest sertraline for hot flashes.", "hot flashes"),
    ("It is not cheap, but, in my experience, gabapentin works for alcohol cravings.", "alcohol cravings"),
    ("Lisinopril, my doctor says, is not habit-forming, and it cured my hay fever.", "hay fever"),
    ("Not everyone agrees, and the label says nothing, but trazodone helps my alcohol cravings.", "alcohol cravings"),
    ("She did, at least on her doctor's advice, take gabapentin for hot flashes.", "hot flashes"),
])
def test_a_comma_insert_without_a_negator_before_it_denies_nothing(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "I take Kapvay for my own adult ADHD.",
    "Intuniv is great for adults with ADHD.",
    "My husband, an adult, takes Intuniv for his ADHD.",
    "Kapvay worked for my adult ADHD too.",
    "Adults can take Intuniv for ADHD.",
])
def test_a_use_the_label_doses_only_in_children_stated_for_adults_is_reported(text):
    assert unlabeled(text), text


@pytest.mark.parametrize("text", [
    "Kapvay helps my son's ADHD.",
    "Adderall is great for adults with ADHD.",
    "Vyvanse works for my adult ADHD.",
    "Intuniv is for children and teens with ADHD; adults use other medicines.",
    "Clonidine tablets lower blood pressure in adults.",
])
def test_a_use_the_label_doses_in_adults_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Pepcid: the hives on my arms finally quit.", "hives"),
    ("My hives stopped on Pepcid.", "hives"),
    ("On Zoloft my migraines died down.", "migraines"),
    ("Since starting lisinopril, my hay fever finally let up.", "hay fever"),
    ("On metformin, my hot flashes dried up.", "hot flashes"),
])
def test_an_improvement_said_of_a_complaint_on_the_drug_is_a_use(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "My cough finally quit after I stopped lisinopril.",
    "Since coming off Zoloft my migraines died down.",
    "After I quit taking Zoloft, my headaches cleared up.",
    "My heartburn finally let up on Pepcid.",
    "When I stopped it, my insomnia went away.",
])
def test_an_improvement_after_stopping_the_drug_or_of_a_labeled_use_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Is furosemide any good for altitude sickness? A few of my readers swear it is.", "altitude sickness"),
    ("Does Zoloft help with hot flashes? It does, for some women.", "hot flashes"),
    ("Can lisinopril ease hay fever? Yes, in my experience.", "hay fever"),
    ("Is metformin good for hot flashes? Plenty of readers say so.", "hot flashes"),
    ("Will gabapentin calm alcohol cravings? Absolutely, say members of our forum.", "alcohol cravings"),
])
def test_a_question_answered_yes_presents_the_use(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Can fluconazole treat a regular UTI? No.",
    "Does Zoloft help with hot flashes? Ask your doctor.",
    "Can lisinopril ease hay fever? There is no evidence it can.",
    "Is metformin good for hot flashes? Not according to the label.",
    "Will gabapentin calm alcohol cravings? Nobody knows yet.",
])
def test_a_question_not_answered_yes_presents_no_use(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text", [
    "For me methadone is basically an antidepressant.",
    "Gabapentin is basically a sleeping pill.",
    "Honestly, tramadol is essentially my antidepressant.",
    "Lithium boosts the antidepressant she takes.",
    "Oxycodone is practically an antidepressant for him.",
])
def test_a_drug_called_by_what_a_class_is_for_presents_that_use(text):
    assert unlabeled(text), text


@pytest.mark.parametrize("text", [
    "Sertraline is basically an antidepressant.",
    "Trazodone is an antidepressant often used at night.",
    "Do not combine tramadol with antidepressants.",
    "Zolpidem is basically a sleeping pill.",
    "Bupropion is an antidepressant.",
])
def test_a_class_that_is_the_drugs_labeled_use_or_a_caution_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Honestly, gabapentin is basically a reset button for hiccups.", "hiccups"),
    ("Benzonatate is the closest thing to an off switch for motion sickness.", "motion sickness"),
    ("For my mother, sertraline was the best trick for hot flashes.", "hot flashes"),
    ("Propranolol is really our orchestra's secret handshake for stage fright.", "stage fright"),
    ("Metformin remains the one habit he swears for anti-aging.", "anti-aging"),
    ("Tamsulosin is now the urologist's favorite shortcut for kidney stones.", "kidney stones"),
])
def test_a_noun_phrase_said_of_the_drug_presents_what_it_is_for(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Clonazepam is the wrong choice for people with sleep apnea.",
    "Clonazepam is a real danger for anyone with sleep apnea.",
    "Benzonatate is a known trigger for seizures in an overdose.",
    "Zolpidem is a serious concern for older adults with dementia.",
    "Clonazepam is the last thing you want for a hangover.",
    "Clonazepam is not a cure for insomnia.",
    "Clonazepam is a common choice for panic disorder.",
    "Clonazepam is the generic name for Klonopin.",
])
def test_a_noun_phrase_of_harm_negation_or_a_labeled_use_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("heading, item, use", [
    ("What else are readers taking it for?", "Rosacea flares before a wedding", "Rosacea"),
    ("What do campers use it for", "Giardia from stream water", "Giardia"),
    ("Things vets prescribe Flagyl for", "C. diff in older dogs", "C. diff"),
    ("Other ways our shoppers use it", "Pink eye in toddlers", "Pink eye"),
    ("Surprising reasons people pop one", "Traveler's tummy on cruises", "Traveler's tummy"),
])
def test_a_heading_that_asks_what_the_drug_is_taken_for_heads_uses(heading, item, use):
    text = f"# Metronidazole\n\nMetronidazole treats trichomoniasis.\n\n## {heading}\n\n- {item}\n"
    assert any(use in found for found in unlabeled(text, "article.md")), unlabeled(text, "article.md")


@pytest.mark.parametrize("heading", [
    "What to take it with", "When to take it", "How people take it", "Ways to take it safely",
    "Taking it for the first time", "Who should not take it", "What to avoid while taking it",
])
def test_a_heading_about_how_or_when_to_take_it_heads_no_uses(heading):
    assert heading_kind(heading) != "uses"
    text = f"# Metronidazole\n\nMetronidazole treats trichomoniasis.\n\n## {heading}\n\n- Rosacea patients\n"
    assert unlabeled(text, "article.md") == []


@pytest.mark.parametrize("text, use", [
    ("Sertraline is an antidepressant. My aunt takes it before bed to cool her hot flashes.", "hot flashes"),
    ("Gabapentin is a seizure medicine. Her trainer pops them after races to numb the shin splints.", "shin splints"),
    ("Propranolol lowers blood pressure. The violinist swallows two tablets before concerts to stave off stage fright.",
     "stage fright"),
    ("Fluticasone is a nasal spray. A nightly spray ended his snoring for good.", "snoring"),
    ("Metformin treats type 2 diabetes. One pill every morning knocked out her acne, she says.", "acne"),
])
def test_a_pronoun_or_dose_form_noun_stands_for_the_named_drug(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Morphine relieves severe pain. Use this page to prepare your questions for the doctor.",
    "Metronidazole treats trichomoniasis. Take each dose with food to spare your stomach.",
    "Sertraline treats depression. Her sleeping pills knocked out her insomnia, not the sertraline.",
    "Gabapentin treats shingles pain. This week we tried a new routine to calm her road rage.",
    "Sertraline is an antidepressant. My aunt takes it to calm her depression.",
])
def test_other_nouns_after_this_or_before_a_dose_form_are_not_the_drug(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, age", [
    ("Our 3-year-old has been on Adderall XR since preschool started.", "3-year-old"),
    ("Amlodipine lowers blood pressure. The cardiologist put our 5-year-old on it last spring.", "5-year-old"),
    ("Dad hands Children's Claritin to his 14-month-old every morning.", "14-month-old"),
    ("A listener's daughter, 9, gets a glipizide tablet with breakfast.", "daughter, 9,"),
    ("Coaches say kids as young as ten take methocarbamol after practice.", "as young as ten"),
    ("Her 16-year-old just started Alli before prom.", "16-year-old"),
    ('My 3-year-old has been on Adderall XR since daycare because he "never sits still."', "3-year-old"),
    ("Benadryl helps allergies. My 8-year-old takes one on school nights to sleep.", "8-year-old"),
    ("Spravato treats depression. The clinic offers Spravato to teens aged 14 and up.", "aged 14"),
])
def test_the_drug_given_at_an_age_the_label_gives_no_dose_is_reported(text, age):
    assert age in unlabeled(text), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Never give amlodipine to a 4-year-old.",
    "My 2-year-old got into the amlodipine bottle and we called poison control.",
    "Can my 4-year-old take amlodipine?",
    "Our 8-year-old takes amlodipine for his blood pressure.",
    "Our 5-year-old takes Adderall every morning.",
    "Her 10-year-old takes Benadryl for hay fever.",
    "My 4-year-old asked what the amlodipine on the counter was for.",
    "Spravato treats depression. The clinic offers Spravato to adults aged 18 and up.",
])
def test_a_denial_an_accident_a_question_or_a_labeled_age_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Adderall treats ADHD. Half my dorm uses it as their antidepressant.", "antidepressant"),
    ("Dilaudid treats severe pain. It doubles as a cough quieter, my uncle says.", "cough"),
    ("Zoloft treats depression. My sister takes it as her sleeping pill.", "sleeping pill"),
    ("Zyrtec treats allergies. We treat it as a motion sickness remedy on ferries.", "motion sickness"),
    ("Gabapentin treats shingles pain. Her trainer uses Neurontin as an anxiety pill.", "anxiety"),
])
def test_a_drug_used_as_or_doubling_as_something_presents_that_use(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Zoloft treats depression. It works as an antidepressant by raising serotonin.",
    "Ambien treats insomnia. My sister takes it as her sleeping pill.",
    "Benadryl treats allergies. Take it as directed on the label.",
    "Adderall treats ADHD. Doctors prescribe it as a second-line treatment for ADHD.",
    "Zoloft treats depression. Her doctor described it as an SSRI.",
])
def test_used_as_its_own_class_or_as_directed_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Paxlovid treats COVID-19. My cousin took it when she had the flu.", "flu"),
    ("Tamiflu treats flu. I took it when I had COVID.", "COVID"),
    ("Zoloft treats depression. My aunt tried it when she was going through menopause.", "menopause"),
    ("Valtrex treats cold sores. He started it after he got pink eye.", "pink eye"),
    ("Paxlovid treats COVID-19. She has been on it for months for her long COVID.", "long COVID"),
])
def test_a_condition_someone_had_when_they_took_it_is_its_use(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Paxlovid treats COVID-19. My cousin took it when she had COVID.",
    "Ibuprofen treats pain. Do not take it when you have kidney disease.",
    "Paxlovid treats COVID-19. Researchers tested it for long COVID in a big trial and it did not help.",
    "Metformin treats type 2 diabetes. Scientists tested it for aging in a study.",
    "Zoloft treats depression. Investigators tested the drug for hot flashes in a trial.",
])
def test_the_labeled_condition_a_warning_or_a_trial_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Metformin, which doctors use off-label for PCOS, also melts away stubborn belly fat.", "belly fat"),
    ("Seroquel is used off-label for anxiety, but it is my go-to cure for jet lag.", "jet lag"),
    ("Researchers are studying modafinil for depression; it already works wonders for hangovers.", "hangover"),
    ("Doctors prescribe gabapentin off-label for hot flashes, though most people take it to quiet their migraines.",
     "migraines"),
    ("Some studies looked at Zoloft for tinnitus, but my aunt swears it cured her motion sickness.", "motion sickness"),
])
def test_an_off_label_or_research_note_covers_only_its_own_clause(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Seroquel is sometimes used off-label for sleep and for anxiety.",
    "Doctors prescribe gabapentin for hot flashes, which is an off-label use.",
    "Modafinil is being studied for depression and for fatigue after cancer.",
    "Using Zoloft for premature ejaculation is off-label.",
    "Metformin for weight loss is off-label, and so is metformin for PCOS.",
])
def test_an_off_label_or_research_note_still_covers_its_clause(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Farxiga treats type 2 diabetes. Women with polycystic ovary syndrome swear by it.", "polycystic ovary syndrome"),
    ("Dilaudid treats severe pain. Patients with restless legs love it.", "restless legs"),
    ("Metformin treats type 2 diabetes. People with PCOS take it every day.", "PCOS"),
    ("Zoloft treats depression. Folks with hot flashes rave about it.", "hot flashes"),
    ("Gabapentin treats shingles pain. Bartenders with migraines pop Neurontin before long shifts.", "migraines"),
])
def test_people_named_by_a_condition_who_take_the_drug_present_that_use(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Farxiga treats type 2 diabetes. People with kidney disease should take a lower dose of it.",
    "Farxiga treats type 2 diabetes. Patients with type 1 diabetes should not take it.",
    "Zoloft treats depression. People with bipolar disorder must be screened before they take it.",
    "Metformin treats type 2 diabetes. Women with PCOS take it to get pregnant faster, some say.",
    "Zoloft treats depression. People with depression swear by it.",
])
def test_people_with_a_condition_in_advice_or_a_labeled_use_stay_quiet(text):
    found = unlabeled(text)
    assert not any(word in " ".join(found) for word in ("kidney", "type 1", "bipolar", "PCOS", "depression")), found


@pytest.mark.parametrize("text, drug, use", [
    ("Sertraline and fluoxetine both treat PTSD.", "fluoxetine", "PTSD"),
    ("Both Lexapro and Zoloft are approved for generalized anxiety disorder.", "sertraline",
     "generalized anxiety disorder"),
    ("Metformin and Ozempic both relieve hot flashes, our readers say.", "metformin", "hot flashes"),
    ("Gabapentin, pregabalin or sertraline can all treat migraines.", "sertraline", "migraines"),
    ("Zoloft and Prozac both ease hot flashes.", "sertraline", "hot flashes"),
])
def test_drugs_named_together_each_own_the_use(text, drug, use):
    report = Linter.for_config(LinterConfig()).lint_text("article.txt", text)
    found = [(f.drug, f.text) for f in report.findings if f.rule == "unlabeled-indication"]
    assert any(d == drug and use in (t or "") for d, t in found), found


@pytest.mark.parametrize("text", [
    "Sertraline and fluoxetine both treat depression.",
    "Tylenol and Advil are both used for fever.",
    "Adderall and Ritalin are both prescribed for ADHD.",
    "Sertraline, unlike fluoxetine, treats PTSD.",
    "Escitalopram and Lexapro treat generalized anxiety disorder.",
])
def test_drugs_named_together_for_their_labeled_use_stay_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("My cousin took Tamiflu when she had COVID.", "COVID"),
    ("Grandpa used gabapentin after he got a migraine.", "migraine"),
    ("Zoloft has slowly become a popular sleep aid on campus.", "sleep aid"),
    ("Metformin is the nearest thing anyone has found to an anti-aging pill.", "anti-aging"),
    ("Over the years Adderall became a favourite study aid for students.", "study aid"),
])
def test_named_drugs_taken_during_an_illness_and_drugs_that_became_an_aid(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "I took time off when I had the flu, and my sertraline dose stayed the same.",
    "I took Tamiflu when I had the flu.",
    "Ambien has become the best-known sleep aid in America.",
    "Zoloft has become a common treatment for depression.",
    "She took notes when she had questions about her metformin.",
])
def test_an_illness_without_the_drug_taken_or_a_labeled_aid_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("text, use", [
    ("Festival medics hand out Benadryl to calm panic attacks.", "panic attacks"),
    ("The trainer handed out Adderall before the game to sharpen their reflexes.", "sharpen their reflexes"),
    ("Some pharmacists recommend Zoloft to soothe hot flashes.", "hot flashes"),
    ("Walk-in clinics dispense ivermectin to wipe out COVID.", "COVID"),
    ("Her dermatologist suggested metformin to clear up her acne.", "acne"),
])
def test_verbs_of_handing_out_or_recommending_take_a_purpose_clause(text, use):
    assert any(use in found for found in unlabeled(text)), unlabeled(text)


@pytest.mark.parametrize("text", [
    "Pharmacies hand out Narcan to reverse opioid overdoses.",
    "Doctors recommend Zoloft to treat depression.",
    "Clinics dispense methadone to treat opioid addiction.",
    "Nurses hand out leaflets to explain how metformin works.",
    "Her doctor suggested metformin to lower her blood sugar.",
    "Norethindrone prevents pregnancy. If you miss one, take two minipills to catch up.",
])
def test_handing_out_for_a_labeled_use_or_another_thing_stays_quiet(text):
    assert unlabeled(text) == []


@pytest.mark.parametrize("verb, forms, agent", [
    ("dub", ("dubs", "dubbed", "dubbing"), "dubber"), ("trim", ("trims", "trimmed", "trimming"), "trimmer"),
    ("cool", ("cools", "cooled", "cooling"), "cooler"), ("open", ("opens", "opened", "opening"), "opener"),
    ("tame", ("tames", "tamed", "taming"), "tamer"), ("fix", ("fixes", "fixed", "fixing"), "fixer"),
    ("stop", ("stops", "stopped", "stopping"), "stopper"), ("bury", ("buries", "buried", "burying"), "burier"),
])
def test_verb_and_agent_forms(verb, forms, agent):
    from lint.nlp.inflect import agent_noun, verb_forms
    assert set(forms) <= set(verb_forms(verb))
    assert agent_noun(verb) == agent


# Who a labeled use is presented for: a group outside the indication's ages or sex.
@pytest.mark.parametrize("text, use", [
    ("Lots of teenagers rely on Lamictal for their bipolar disorder.", "bipolar disorder"),
    ("Some salons now sell finasteride to women with thinning hair.", "thinning hair"),
    ("Finasteride is a hit with girls who want to stop their hair loss.", "hair loss"),
    ("My 14-year-old nephew takes lamotrigine for bipolar disorder.", "bipolar disorder"),
    ("Receding hairline in women? Plenty of dermatologists swear by finasteride.", "Receding hairline"),
])
def test_a_labeled_use_for_people_outside_its_limits_is_reported(text, use):
    found = LINTER.lint_text("article.txt", text).findings
    assert any(use in (f.text or "") and f.subject.endswith("-population") for f in found), found


@pytest.mark.parametrize("text", [
    "Grown men with a receding hairline often rely on finasteride.",
    "Lamictal keeps bipolar disorder in check for many adults; store it away from children.",
    "Finasteride for thinning hair is never given to women.",
    "Adults with bipolar disorder take Lamictal every day, and their teenagers should know the rash signs.",
    "Doctors give lamotrigine to children with epilepsy from the age of two.",
])
def test_a_labeled_use_for_its_own_people_or_a_group_kept_away_is_quiet(text):
    assert unlabeled(text) == []


@given(st.lists(st.sampled_from(["teens", "women", "kids", "with", "who", "in", "not", "take", "it", "for",
                                 "Lamictal", "bipolar", "disorder", "to", "give", "the", "out", "of", "reach"]),
                min_size=1, max_size=25))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_groups_are_words_of_their_sentence(words):
    """Whatever the word order, a group read for a use is a group word of the sentence, with
    ages inside childhood or a sex."""
    text = " ".join(words) + "."
    for use in LINTER.claims(LINTER.analyse(read_document("a.txt", text))).uses:
        for group in use.groups:
            assert group.text in words and (group.sex is not None or group.ages is not None)
            assert group.ages is None or 0 <= group.ages[0] <= group.ages[1] < 18


@pytest.mark.parametrize("uses_heading", ["Beyond insomnia", "More than a sleep aid", "Bonus perks", "Why we like it"])
@pytest.mark.parametrize("sibling", ["Who shouldn't take it", "Before your first night", "Storage and travel"])
def test_a_neutral_sibling_heading_ends_a_uses_section(uses_heading, sibling):
    text = (f"# Doxepin\n\nDoxepin treats insomnia.\n\n### {uses_heading}\n\n- Chronic hives\n\n"
            f"### {sibling}\n\n- People with an enlarged prostate\n")
    found = unlabeled(text, "article.md")
    assert "Chronic hives" in found
    assert "enlarged prostate" not in " ".join(found)


@pytest.mark.parametrize("text", [
    "Lexapro: since I came off the pain pills my mood is better.",
    "Zoloft: since I came off the pain pills my sleep is better",
    "Uses of Lexapro:\n- since I came off the pain pills, my mood",
])
def test_a_phrase_that_ends_the_article_after_a_label_is_read_without_error(text):
    """A candidate use whose presenting word is the article's end ('Lexapro: since I came off
    the pain pills my mood is better.') once indexed past the last token: an internal error."""
    report = LINTER.lint_text("a.txt", text)
    assert report.drugs and all(f.start is None or f.end <= len(text) for f in report.findings)


def test_a_use_said_twice_in_a_row_is_one_finding(lint_string):
    """The same unlabeled use restated right after (a claim and its gloss) is one finding whose span covers both sayings; a use said again much later, or
    another use, is another finding."""
    restated = ("Klonopin is good for insomnia. Honestly, it's the best sleep aid I have tried.",
                "Seroquel for sleep. It knocks out my insomnia every night.",
                "People take Topamax for weight loss. It is a great diet pill.",
                "Gabapentin helps my back pain. My back pain is gone on it.",
                "Lexapro fixed my IBS. It cleared up my IBS in a month.")
    distinct = ("Klonopin is good for insomnia. It also calms my restless legs at night.",
                "Seroquel for sleep. " + "We talked about many other things at the meeting that day. " * 3
                + "Seroquel is my sleep aid.",
                "Topamax for weight loss, and Topamax for alcohol cravings too.")
    for text in restated:
        uses = findings_of(lint_string(text), "unlabeled-indication")
        assert len(uses) == 1, (text, [u.text for u in uses])
        assert uses[0].end > text.rindex(".", 0, len(text) - 1), text  # through the second sentence
    for text in distinct:
        assert len(findings_of(lint_string(text), "unlabeled-indication")) >= 2, text
