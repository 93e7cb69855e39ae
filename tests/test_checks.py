"""The three core rules on fixture articles: hits, and the traps that must stay quiet."""
import re

from lint.checks import BUILTIN_RULES
from conftest import findings_of


def test_review_article_hits(lint_fixture):
    report = lint_fixture("clonazepam-review.md")
    assert report.drugs[0] == "clonazepam"
    uses = findings_of(report, "unlabeled-indication")
    assert [f.text for f in uses] == ["fall asleep"]  # "**Insomnia** ... helps you fall asleep": at the body's words
    doses = findings_of(report, "dose-out-of-range")
    assert [f.text for f in doses] == ["10 mg"]
    assert "4 mg/day" in doses[0].message and doses[0].source


def test_review_article_traps(lint_fixture):
    report = lint_fixture("clonazepam-review.md")
    texts = " ".join(f.text or "" for f in report.findings)
    for trap in ["Seizure", "absence", "panic attacks", "depression", "restless", "0.5 mg", "0.25 mg", "1.5 mg", "300 mg"]:
        assert trap not in texts, trap
    assert findings_of(report, "missing-warning") == []


def test_clean_article_has_no_findings(lint_fixture):
    assert lint_fixture("clonazepam-clean.txt").findings == []


def test_missing_boxed_warning_is_an_error_with_subject(lint_string):
    report = lint_string("Clonazepam (Klonopin) treats panic disorder. Take 0.25 mg twice daily.")
    missing = {f.subject: f for f in findings_of(report, "missing-warning")}
    assert missing["opioid-coadministration"].severity == "error"
    assert missing["opioid-coadministration"].start is None
    assert missing["narrow-angle-glaucoma"].severity == "warning"
    assert "opioid" in missing["opioid-coadministration"].suggestion


def test_warning_words_inside_a_benefit_claim_do_not_count(lint_string):
    text = "Clonazepam helps people coming off opioids and stops breathing problems from opioid withdrawal."
    missing = {f.subject for f in findings_of(lint_string(text), "missing-warning")}
    assert "opioid-coadministration" in missing


def test_negation_hedging_offlabel_and_side_effects_are_quiet(lint_string):
    text = ("Clonazepam is not approved for insomnia.\n\n"
            "You may read online that clonazepam helps with depression.\n\n"
            "Doctors sometimes use clonazepam off-label for restless legs syndrome.\n\n"
            "Side effects\n\nDepression and insomnia can occur.\n")
    assert findings_of(lint_string(text), "unlabeled-indication") == []


def test_use_cue_flags_each_unlabeled_condition(lint_string):
    text = "Clonazepam is used to treat insomnia, depression and seizures."
    found = findings_of(lint_string(text), "unlabeled-indication")
    assert sorted(f.subject for f in found) == ["depression", "insomnia"]
    assert all(text[f.start:f.end] == f.text for f in found)


def test_kind_of_a_labeled_indication_is_labeled(lint_string):
    text = "Clonazepam is used to treat absence seizures and panic attacks."
    assert findings_of(lint_string(text), "unlabeled-indication") == []


def test_dose_units_and_daily_totals(lint_string):
    flagged = findings_of(lint_string("For panic disorder, adults take clonazepam 2,000 mcg twice daily."), "dose-out-of-range")
    assert flagged == []  # 2 mg twice daily = 4 mg/day, the labeled maximum
    flagged = findings_of(lint_string("For panic disorder, adults take clonazepam 3 mg twice daily."), "dose-out-of-range")
    assert len(flagged) == 1 and "6 mg/day" in flagged[0].message


def test_dose_for_unlabeled_use_is_not_reported_twice(lint_string):
    report = lint_string("For insomnia: clonazepam 8 mg at bedtime.")
    assert findings_of(report, "dose-out-of-range") == []
    assert len(findings_of(report, "unlabeled-indication")) == 1


def test_silent_label_stays_quiet(lint_string):
    report = lint_string("Elderly patients: clonazepam, not more than 0.5 mg twice a day.")
    assert findings_of(report, "dose-out-of-range") == []


def test_unknown_drug_gets_an_info_line(lint_fixture):
    report = lint_fixture("unknown-drug.html")
    assert [f.rule for f in report.findings if f.rule in BUILTIN_RULES] == ["unknown-drug"]  # house rules aside


def test_comparison_article_checks_each_claim_against_its_own_drug(lint_fixture):
    report = lint_fixture("xanax-vs-klonopin.md")
    assert set(report.drugs) == {"alprazolam", "clonazepam"}
    uses = findings_of(report, "unlabeled-indication")
    assert [(f.drug, f.text) for f in uses] == [("clonazepam", "insomnia")]
    assert findings_of(report, "dose-out-of-range") == []  # 10 mg/day is Xanax's maximum, not Klonopin's
    missing = {(f.drug, f.subject) for f in findings_of(report, "missing-warning")}
    assert ("clonazepam", "narrow-angle-glaucoma") in missing
    assert any(drug == "alprazolam" for drug, _ in missing)
    assert not any(subject == "opioid-coadministration" for _, subject in missing)


def test_title_words_do_not_make_the_intro_a_warnings_section(lint_string):
    text = "Gabapentin: uses, dosing and risks\n\nMany doctors also prescribe gabapentin for hot flashes.\n"
    found = findings_of(lint_string(text), "unlabeled-indication")
    assert [f.text for f in found] == ["hot flashes"]


def test_use_denied_later_in_the_paragraph_is_not_flagged(lint_string):
    text = ("During the pandemic many people took ivermectin for COVID-19. Large trials found that "
            "ivermectin does not help people with COVID-19.\n\nIvermectin is also used to treat acne.\n")
    found = findings_of(lint_string(text), "unlabeled-indication")
    assert [f.text for f in found] == ["acne"]


def test_weight_band_entries_do_not_excuse_a_plain_daily_total(lint_string):
    report = lint_string("Acetaminophen dosing\n\nMost adults can safely take up to 6,000 mg of acetaminophen a day.\n")
    found = findings_of(report, "dose-out-of-range")
    assert len(found) == 1 and "4000 mg/day" in found[0].message


def test_future_negation_is_not_a_use(lint_string):
    report = lint_string("Antibiotics do not work against viruses, so amoxicillin will not help a cold.\n")
    assert findings_of(report, "unlabeled-indication") == []


def test_vague_word_picks_the_indication_it_names(lint_string):
    text = "Alprazolam dosage\n\nMaximum for anxiety: alprazolam up to 6 mg a day.\n\nFor panic disorder: alprazolam up to 6 mg a day.\n"
    found = findings_of(lint_string(text), "dose-out-of-range")
    assert len(found) == 1 and found[0].start < text.index("panic") and "4 mg/day" in found[0].message


def test_dose_for_a_group_the_label_gives_no_dose(lint_string):
    text = ("Ibuprofen for aches\n\nAdults take 1 tablet (200 mg) every 4 to 6 hours.\n\n"
            "Children under 12 can take one adult tablet (200 mg) every 4 hours.\n")
    found = findings_of(lint_string(text), "dose-out-of-range")
    assert [f.text for f in found] == ["200 mg) every 4 hours"]
    report = lint_string("Zolpidem for kids\n\nFor children who cannot sleep, zolpidem 5 mg at bedtime works.\n")
    found = findings_of(report, "dose-out-of-range")
    assert len(found) == 1 and "no dose for children" in found[0].message and found[0].suggestion.startswith("Remove")


def test_no_dose_group_needs_the_dose_itself_to_name_it(lint_string):
    heading_only = "## Zolpidem for adults and children\n\nTake zolpidem 5 mg at bedtime.\n"
    both = "Zolpidem dosing\n\nAdults and children over 12 take zolpidem 5 mg at bedtime.\n"
    other_drug = "Xanax or Children's Advil?\n\nFor panic disorder, Xanax starts at 0.5 mg three times a day.\n"
    for text, name in ((heading_only, "a.md"), (both, "a.txt"), (other_drug, "a.txt")):
        assert findings_of(lint_string(text, name), "dose-out-of-range") == [], text


def test_maintenance_without_a_ceiling_accepts_any_amount_but_not_any_frequency(lint_string):
    ok = lint_string("OxyContin dosing\n\nOpioid-tolerant adults may take OxyContin 40 mg every 12 hours.\n")
    assert findings_of(ok, "dose-out-of-range") == []
    too_often = lint_string("OxyContin dosing\n\nAdults may take OxyContin 40 mg every 8 hours.\n")
    found = findings_of(too_often, "dose-out-of-range")
    assert len(found) == 1 and "more often" in found[0].message
    start = lint_string("OxyContin dosing\n\nAdults new to opioids start OxyContin at 40 mg every 12 hours.\n")
    assert len(findings_of(start, "dose-out-of-range")) == 1


def test_a_drug_class_owns_no_dose(lint_string):
    text = "Oxycodone dosing\n\nIf you have never taken an opioid before, a starting dose of 30 mg every 4 hours is typical.\n"
    found = findings_of(lint_string(text), "dose-out-of-range")
    assert [(f.drug, f.text) for f in found] == [("oxycodone", "30 mg every 4 hours")]
    other = "Oxycodone dosing\n\nSome people take oxymorphone 30 mg every 4 hours.\n"
    assert findings_of(lint_string(other), "dose-out-of-range") == []


def test_a_use_labeled_for_another_product_of_the_drug_is_unlabeled(lint_string):
    for text in ("Semaglutide brands\n\nMany patients use Ozempic for weight loss.\n",
                 "Semaglutide brands\n\nWegovy is often out of stock, so patients use Ozempic for weight loss instead.\n"):
        flagged = lint_string(text)
        assert [f.text for f in findings_of(flagged, "unlabeled-indication")] == ["weight loss"], text
    for text in ("Semaglutide brands\n\nMany patients use Wegovy for weight loss.\n",
                 "Semaglutide brands\n\nSemaglutide is used for weight loss.\n"):
        assert findings_of(lint_string(text), "unlabeled-indication") == [], text


def test_a_mention_that_serves_a_labeled_use_is_no_new_use(lint_string):
    quiet = ["Lisinopril uses\n\nFor heart failure, it is added to water pills to relieve shortness of breath.\n",
             "Lorazepam uses\n\nLorazepam is prescribed for anxiety that comes along with depressive symptoms.\n"]
    for text in quiet:
        assert findings_of(lint_string(text), "unlabeled-indication") == [], text
    loud = "Lisinopril uses\n\nLisinopril treats heart failure and is also used to relieve migraine.\n"
    assert [f.text for f in findings_of(lint_string(loud), "unlabeled-indication")] == ["migraine"]


def test_a_warning_may_carry_on_into_the_next_sentence_but_not_into_how_it_works(lint_string):
    carried = ("Oxycodone safety\n\nNever mix oxycodone with Xanax, Valium or other benzodiazepines. "
               "Together they can make you so drowsy that you stop breathing.\n")
    missing = {f.subject for f in findings_of(lint_string(carried), "missing-warning")}
    assert not any("benzodiazepine" in subject for subject in missing)
    mechanism = ("Semaglutide explained\n\n## How it works\n\nIt tells your pancreas to release insulin.\n")
    missing = {f.subject for f in findings_of(lint_string(mechanism, "a.md"), "missing-warning")}
    assert "pancreatitis" in missing


def test_a_chat_line_saying_it_works_heads_no_how_it_works_section(lint_string):
    chat = ("Tapentadol chat\n\n[9:20 PM] kay: anyone on the ER?\n\n[9:22 PM] gremlin: what, it works\n\n"
            "[9:30 PM] mod: tapentadol is an opioid and it can slow or stop your breathing. "
            "It can be addictive and misused.\n")
    missing = {f.subject for f in findings_of(lint_string(chat), "missing-warning")}
    assert "respiratory-depression" not in missing and "addiction-abuse-misuse" not in missing
    explained = "Tapentadol explained\n\n## How tapentadol works\n\nIt slows pain signals; it can slow your breathing.\n"
    assert "respiratory-depression" in {f.subject for f in findings_of(lint_string(explained, "a.md"), "missing-warning")}


def test_uses_under_an_off_label_heading_are_called_off_label(lint_string):
    text = "# Acetaminophen guide\n\n## Off-label uses\n\nAcetaminophen is used to treat hangovers.\n"
    assert findings_of(lint_string(text, "a.md"), "unlabeled-indication") == []
    text = "# Acetaminophen guide\n\n## Other uses\n\nAcetaminophen is used to treat hangovers.\n"
    assert len(findings_of(lint_string(text, "a.md"), "unlabeled-indication")) == 1


def test_a_titrated_regimen_has_no_ceiling_past_its_start(lint_string):
    text = "Adderall\n\nMany adults with ADHD end up on Adderall 20 mg twice a day.\n"
    assert findings_of(lint_string(text), "dose-out-of-range") == []


def test_products_and_symptoms_are_tied_to_their_own_clause(lint_string):
    text = ("Ivermectin\n\nIvermectin is a proven treatment for threadworm and river blindness, "
            "and the cream and lotion handle rosacea and lice.\n\nThe cream reduces the bumps and pimples of rosacea.\n")
    assert findings_of(lint_string(text), "unlabeled-indication") == []


def test_a_gloss_or_a_cause_of_a_labeled_condition_is_no_new_use(lint_string):
    quiet = ["Sildenafil\n\nRevatio treats pulmonary arterial hypertension (high blood pressure in the arteries of the lungs).\n",
             "Morphine\n\nMorphine is a treatment for severe pain, for example pain from advanced cancer.\n"]
    for text in quiet:
        assert findings_of(lint_string(text), "unlabeled-indication") == [], text


def _dose_messages(lint_string, text, name="article.txt"):
    return [f.message for f in findings_of(lint_string(text, name), "dose-out-of-range")]


def _flagged_and_quiet(lint_string, flagged, quiet):
    """Each flagged text raises a dose finding, each quiet one none."""
    for text in flagged:
        assert _dose_messages(lint_string, text), text
    for text in quiet:
        assert _dose_messages(lint_string, text) == [], text


def test_weekly_drugs_are_judged_and_told_in_weekly_units(lint_string):
    too_much = _dose_messages(lint_string, "Ozempic for type 2 diabetes: inject 4 mg once a week.")
    daily = _dose_messages(lint_string, "For rheumatoid arthritis, methotrexate is taken as 10 mg daily.")
    twice = _dose_messages(lint_string, "Ozempic for type 2 diabetes: 1 mg twice a week.")
    assert len(too_much) == 1 and "above the label's 2 mg once a week" in too_much[0]
    assert len(daily) == 1 and "daily use of a drug the label gives once a week" in daily[0]
    assert len(twice) == 1 and "twice a week is more often than the label's once a week" in twice[0]
    assert not any("mg/day" in m.split(". Label:")[0] for m in too_much + daily + twice)
    assert _dose_messages(lint_string, "For rheumatoid arthritis: methotrexate 15 mg once weekly.") == []
    assert _dose_messages(lint_string, "Prozac Weekly: one 90 mg capsule once a week for depression.") == []


def test_fewer_doses_than_the_most_allowed_is_no_error_for_as_needed_products(lint_string):
    for text in ("Advil: adults take 1 tablet (200 mg) once a day for a headache.",
                 "Tylenol Regular Strength: take 2 tablets (650 mg) once a day for pain.",
                 "Motrin IB: one 200 mg tablet once daily for minor aches."):
        assert _dose_messages(lint_string, text) == [], text
    assert _dose_messages(lint_string, "Sertraline for depression: go up by 50 mg once a week.") == []


def test_a_named_product_outranks_a_schedule_that_names_another(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Effexor XR 75 mg three times a day for depression.",
                 "For depression I take Effexor XR, 75 mg twice a day.",
                 "Xanax XR 1 mg three times a day for panic disorder.",
                 "Lamictal XR 100 mg twice daily for epilepsy.",
                 "Ditropan XL 10 mg three times a day for overactive bladder."),
        quiet=("Effexor XR 75 mg once a day for depression.",
               "Venlafaxine tablets 75 mg twice a day for depression.",
               "Ditropan 5 mg three times a day for overactive bladder."))


def test_the_flu_is_influenza_not_a_cold(lint_string):
    assert _dose_messages(lint_string, "Tamiflu for the flu: 75 mg three times a day.") != []
    assert findings_of(lint_string("Tamiflu is used for the flu."), "unlabeled-indication") == []
    assert findings_of(lint_string("My brother takes Claritin for the flu."), "unlabeled-indication") != []


def test_a_schedule_without_an_amount_is_judged_by_its_frequency(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Aleve for back pain: take 1 caplet every 4 hours while symptoms last.",
                 "Ozempic for type 2 diabetes: inject it every day for the best results.",
                 "Effexor XR for depression: take it twice a day.",
                 "Prozac Weekly for depression: take one capsule a day.",
                 "Wellbutrin SR for depression: take one tablet three times a day."),
        quiet=("Ibuprofen for a headache: take one tablet every 4 to 6 hours.",
               "Metformin for type 2 diabetes: take it twice a day with meals.",
               "Trazodone for depression: take it at bedtime.",
               "Ozempic for type 2 diabetes: inject it once a week.",
               "I used to take my Effexor XR twice a day.",
               "Zoloft for depression: take one tablet a day."))


def test_a_count_of_doses_meets_the_labels_count_and_an_interval_its_interval(lint_string):
    assert _dose_messages(lint_string, "Children's Tylenol for a 4-year-old: 240 mg every 4 hours, up to 6 times a day.")
    assert _dose_messages(lint_string, "Children's Tylenol for a 4-year-old: 240 mg every 4 hours.") == []
    assert _dose_messages(lint_string, "Children's Tylenol for a 4-year-old: 240 mg every 4 hours, up to 5 times a day.") == []
    assert _dose_messages(lint_string, "Wellbutrin SR for depression: one 100 mg tablet three times a day.")
    assert _dose_messages(lint_string, "Wellbutrin SR for depression: one 150 mg tablet twice a day.") == []


def test_a_product_named_after_the_dose_and_its_words_is_not_the_doses_product(lint_string):
    assert _dose_messages(lint_string, "Patients stable on 20 mg daily can switch to Prozac Weekly for depression.") == []
    assert _dose_messages(lint_string, "For depression, take 75 mg of Effexor XR three times a day.")


def test_another_dose_of_the_day_adds_to_the_doses_just_before_it(lint_string):
    for text in ("Walt takes 200 mg of metoprolol tartrate for angina in the morning. His evening dose is another 250 mg.",
                 "For depression she takes 10 mg of Lexapro in the morning. She then adds another 15 mg at night.",
                 "Risperidone for schizophrenia: he takes 4 mg at breakfast. His doctor added another 14 mg at bedtime.",
                 "For panic disorder: 2 mg of clonazepam in the morning. Then a second 3 mg at night."):
        assert any("/day is above" in m for m in _dose_messages(lint_string, text)), text
    for text in ("Zolpidem for insomnia: take 5 mg at bedtime. If you wake up, do not take another 5 mg.",
                 "For depression she takes 5 mg of Lexapro in the morning. She then adds another 5 mg at night.",
                 "Sertraline for depression: start at 50 mg once a day. After a week, another 50 mg may be added.",
                 "Clonazepam for panic disorder: 0.5 mg in the morning and another 0.5 mg at night."):
        assert _dose_messages(lint_string, text) == [], text


def test_a_use_labeled_for_another_product_says_which_product_it_is_labeled_for(lint_string):
    ozempic = findings_of(lint_string("Ozempic is great for weight loss."), "unlabeled-indication")
    assert len(ozempic) == 1 and "labeled only for other semaglutide products (Wegovy" in ozempic[0].message
    assert "not for Ozempic" in ozempic[0].message and "Wegovy" in ozempic[0].suggestion
    wegovy = findings_of(lint_string("Wegovy is a great way to treat type 2 diabetes."), "unlabeled-indication")
    assert len(wegovy) == 1 and "Ozempic" in wegovy[0].message and "not for Wegovy" in wegovy[0].message
    plain = findings_of(lint_string("Semaglutide is great for acne."), "unlabeled-indication")
    assert len(plain) == 1 and "is not an FDA-labeled indication" in plain[0].message
    assert findings_of(lint_string("Wegovy is great for weight loss."), "unlabeled-indication") == []


def test_a_child_heavy_enough_for_the_adult_band_takes_the_adult_dose(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Amoxicillin for strep throat: teens over 40 kg can take 875 mg three times a day.",
                 "Amoxicillin for an ear infection: a 45 kg 14-year-old takes 1000 mg every 8 hours.",
                 "Amoxicillin for a skin infection: kids who weigh more than 40 kg take 2000 mg every 12 hours.",
                 "Amoxicillin for pneumonia: my 50 kg son, who is 15, takes 875 mg four times a day.",
                 "Amoxicillin for a kidney infection: adolescents above 40 kg get 1000 mg three times daily."),
        quiet=("Amoxicillin for strep throat: teens over 40 kg can take 875 mg twice a day.",
               "Amoxicillin for an ear infection: a 45 kg 14-year-old takes 500 mg every 8 hours.",
               "Amoxicillin for strep throat: my 50 kg daughter, who is 15, takes 500 mg twice a day.",
               "Amoxicillin for pneumonia: teenagers over 40 kg take 500 mg every 8 hours.",
               "Amoxicillin for a skin infection: toddlers get 25 mg/kg/day in two doses."))


def test_an_unmeasured_amount_given_on_a_schedule_is_judged_by_its_frequency(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Amoxicillin for kids' ear infections: give a small amount every 4 hours while the child is awake.",
                 "Amoxicillin for ear infections: I give my son a little bit every 4 hours.",
                 "Amoxicillin for ear infections: give a spoonful every 4 hours.",
                 "Effexor XR for depression: take a small amount three times a day.",
                 "Amoxicillin for strep throat: she gets a teaspoonful every three hours."),
        quiet=("Amoxicillin for ear infections: give a small amount every 8 hours.",
               "Amoxicillin for ear infections: give a spoonful every 12 hours.",
               "Effexor XR for depression: take a small amount once a day with food.",
               "Amoxicillin for strep throat: a small amount of yogurt every day helps the stomach.",
               "Zoloft for depression: a little bit of sleepiness every day is common."))


def test_a_dose_that_names_no_use_is_stated_for_the_labeled_use_just_before_it(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Atorvastatin: children 10 and older with HeFH can take it. They begin at 10 mg.\n\n"
                 "Teens whose numbers stay high can go as high as 40 mg daily.",
                 "Atorvastatin: teens with familial high cholesterol can take up to 40 mg a day.",
                 "Kids 10 to 17 with heterozygous familial hypercholesterolemia may get atorvastatin. "
                 "The top dose for them is 80 mg a day.",
                 "Adolescents with HeFH can use atorvastatin. Many end up on 30 mg daily.",
                 "Atorvastatin helps children with inherited high cholesterol. After a month teens can move to 40 mg a day."),
        quiet=("Atorvastatin: children 10 and older with HeFH can take it. They begin at 10 mg.\n\n"
               "Teens whose numbers stay high can go as high as 20 mg daily.",
               "Sertraline doses:\n\n* OCD: 50 mg once a day.\n* PMDD: 50 mg a day.\n\n"
               "Your doctor can raise it up to 200 mg a day.",
               "Children with HoFH may take atorvastatin. Teens can go up to 80 mg a day.",
               "Kids with HeFH start atorvastatin at 10 mg. Adults with high cholesterol may take 80 mg a day.",
               "Clonazepam is used for seizures. Some people take it for sleep. Doses reach 6 mg a day."))


def test_a_first_day_ceiling_is_a_daily_total(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Tapentadol: for the first 24 hours, surgeons may order as much as 800 mg if needed.",
                 "Nucynta: on the first day you can take up to 800 mg.",
                 "Tapentadol after surgery: within the first day, patients may take as much as 900 mg.",
                 "Nucynta tablets: on day one the total may reach 750 mg.",
                 "Tapentadol: doses as high as 900 mg a day are fine."),
        quiet=("Tapentadol: for the first 24 hours, surgeons may order as much as 700 mg.",
               "Nucynta: on day one, no more than 700 mg.",
               "Tapentadol: your doctor may order 100 mg every 4 hours.",
               "Tapentadol: doses as low as 50 mg work for some people.",
               "Nucynta: on the first day a second dose may follow one hour after the first."))


def test_a_tablet_added_on_top_of_the_one_a_reader_is_on_adds_up(lint_string):
    for text in ("Lunesta: I'm on the 3 mg tablet. On bad nights I add one of the 1 mg tablets on top.",
                 "Lunesta: I take the 3 mg tablet and add a 2 mg tablet on top.",
                 "Lunesta: my dad is on the 3 mg tablet. Some nights he takes another 2 mg.",
                 "Lunesta: I take the 2 mg pill; on bad nights I take a 2 mg pill on top.",
                 "Lunesta: I'm on the 3 mg tablet and on bad nights I add another 1 mg."):
        assert any("/day is above" in m for m in _dose_messages(lint_string, text)), text
    for text in ("Lunesta: I'm on the 2 mg tablet and sometimes add a 1 mg tablet.",
                 "Lunesta: the 3 mg tablets are blue.",
                 "Lunesta: I take 2 mg at bedtime, and my wife takes 1 mg as well.",
                 "Lunesta: I take 2 mg at bedtime. With 1 mg I felt on top of the world.",
                 "Lunesta: I was on the 1 mg tablet and my doctor added 1 mg on top."):
        assert _dose_messages(lint_string, text) == [], text


def test_a_table_column_heading_says_what_kind_of_dose_a_cell_gives(lint_string):
    table = ("# Morphine\n\n| Product | Who it's for | {head} | How often |\n|---|---|---|---|\n"
             "| MS Contin | Not opioid tolerant | {dose} | {often} |\n")
    for head, dose, often in (("Starting dose", "30 mg", "every 12 hours"),
                              ("Initial dose", "60 mg", "every 12 hours"),
                              ("Starting dose", "1 tablet", "every 4 hours"),
                              ("Dose", "2 tablets", "every 4 to 6 hours when pain flares"),
                              ("First dose", "45 mg", "every 8 hours")):
        assert _dose_messages(lint_string, table.format(head=head, dose=dose, often=often), "article.md"), head
    for head, dose, often in (("Starting dose", "15 mg", "every 12 hours"),
                              ("Usual dose", "30 mg", "every 12 hours"),
                              ("Dose", "1 tablet", "every 12 hours"),
                              ("Starting dose", "15 mg", "every 8 hours"),
                              ("Tablet strengths", "30 mg", "-")):
        assert _dose_messages(lint_string, table.format(head=head, dose=dose, often=often), "article.md") == [], head


def test_a_product_dosed_only_for_children_is_judged_by_its_childrens_entries(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Intuniv for ADHD: one form lists 2 mg twice a day of Intuniv.",
                 "Intuniv for ADHD: kids usually start on 3 mg.",
                 "Intuniv for ADHD: the dose is 9 mg once a day.",
                 "For ADHD, Intuniv is taken three times a day.",
                 "Intuniv for ADHD: start with 2 mg at bedtime."),
        quiet=("Intuniv for ADHD: 1 mg once a day to start.",
               "Intuniv for ADHD: most kids end up on 3 mg once daily.",
               "For ADHD, Intuniv is taken once a day.",
               "Intuniv for ADHD: the dose goes up by 1 mg a week.",
               "Intuniv for ADHD comes as 1, 2, 3 and 4 mg tablets."))


def test_a_stated_weight_picks_its_band_over_the_groups_entry_for_any_weight(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Topiramate for seizures: her 7-year-old who weighs 20 kg takes 400 mg a day.",
                 "Topiramate for epilepsy: a 3-year-old weighing 10 kg is on 300 mg a day.",
                 "Aripiprazole for Tourette's: my nephew Theo, 11 and 38 kg, takes 15 mg.",
                 "Aripiprazole for Tourette's: Maya, 9, weighs 30 kg and takes 15 mg a day.",
                 "Topiramate for seizures: my 8-year-old, 20 kg, takes 350 mg a day."),
        quiet=("Topiramate for seizures: her 7-year-old who weighs 20 kg takes 250 mg a day.",
               "Topiramate for epilepsy: a 3-year-old weighing 10 kg is on 200 mg a day.",
               "Aripiprazole for Tourette's: my nephew Theo, 11 and 38 kg, takes 10 mg.",
               "Aripiprazole for Tourette's: Maya, 9, weighs 60 kg and takes 15 mg a day.",
               "Topiramate for seizures: my 8-year-old, 40 kg, takes 350 mg a day."))


def test_doses_morning_and_night_and_counts_of_named_forms_add_up(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Brisdelle for hot flashes: some take the 7.5 mg capsule morning and night.",
                 "Mirtazapine for depression: I take two of the 30 mg SolTabs at night.",
                 "Lunesta for insomnia: 3 mg in the morning and at night.",
                 "Mirtazapine for depression: two 30 mg orally disintegrating tablets at bedtime.",
                 "Buspirone for anxiety: I take 30 mg in the morning. Then another 30 mg at lunch and 15 mg at bedtime."),
        quiet=("Brisdelle for hot flashes: one 7.5 mg capsule at bedtime.",
               "Mirtazapine for depression: I take one of the 30 mg SolTabs at night.",
               "Buspirone for anxiety: 15 mg morning and night.",
               "Buspirone for anxiety: I take 15 mg in the morning. Then another 15 mg at lunch and 15 mg at bedtime.",
               "Colchicine for a gout flare: take 1.2 mg, then 0.6 mg an hour later, 1.8 mg in total for that hour."))


def test_a_dose_for_an_unlabeled_use_is_reported_only_above_all_the_label_gives_anyone(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Buspirone for ADHD: 20 mg four times a day.",
                 "Clonazepam for insomnia: 25 mg at bedtime.",
                 "Sertraline for hot flashes: 300 mg a day.",
                 "Gabapentin for anxiety: 5000 mg a day.",
                 "Zolpidem for anxiety: 20 mg at bedtime."),
        quiet=("For insomnia: clonazepam 8 mg at bedtime.",
               "Buspirone for ADHD: 20 mg twice a day.",
               "Sertraline for hot flashes: 100 mg a day.",
               "Gabapentin for anxiety: 900 mg a day.",
               "Trazodone for sleep: 50 mg at bedtime."))


def test_a_count_of_units_is_an_amount_when_the_strength_is_known(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("After knee surgery, Norco 10 mg/325 mg for pain is often taken as two tablets every 4 hours.",
                 "Advil for menstrual cramps: three Advil tablets every 4 hours works best.",
                 "Cialis as needed for ED: two 20 mg Cialis tablets before sex give a stronger effect.",
                 "Tylenol Regular Strength (325 mg) for a fever in adults: take three tablets every 4 hours.",
                 "Norco 5 mg/325 mg for pain after a tooth extraction: one tablet every 2 hours as needed."),
        quiet=("Norco 10 mg/325 mg for pain: one tablet every 4 to 6 hours as needed.",
               "Advil for a headache: one Advil tablet every 4 to 6 hours.",
               "Cialis as needed for ED: one 10 mg Cialis tablet before sex.",
               "Tylenol Regular Strength (325 mg) for fever: take two tablets every 4 to 6 hours.",
               "Ibuprofen comes as two 200 mg tablets in a travel pack."))


def test_a_stated_body_weight_judges_a_child_in_mg_and_in_mg_per_kg(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Cephalexin for strep throat: a child of 20 kg takes 750 mg four times a day.",
                 "Losartan for high blood pressure: a 20 kg seven-year-old takes 40 mg a day.",
                 "Losartan for high blood pressure: the doctor started a 30 kg eight-year-old on 50 mg once daily.",
                 "Isotretinoin for severe acne: I weigh 58 kg and I'm on 80 mg twice a day.",
                 "Famotidine for reflux: I take 40 mg three times a day."),
        quiet=("Cephalexin for strep throat: a child of 20 kg takes 250 mg four times a day.",
               "Zestril for high blood pressure in a 10-year-old who weighs 30 kg: start at 2.5 mg once a day.",
               "Losartan for high blood pressure: a 40 kg twelve-year-old takes 50 mg a day.",
               "Isotretinoin for severe acne: I weigh 80 kg and I'm on 40 mg twice a day.",
               "Omeprazole for reflux: a 3-year-old of 12 kg takes 10 mg once daily."))


def test_a_dose_takes_no_use_from_before_a_sentence_naming_another_condition(lint_string):
    text = ("Omeprazole for reflux: adults take 20 mg once daily.\n\nWhat about Zollinger-Ellison? "
            "Anything above 80 mg a day is split into smaller doses.")
    assert _dose_messages(lint_string, text) == []
    assert _dose_messages(lint_string, "Omeprazole for reflux: adults take 20 mg once daily. "
                                       "Some are started at 80 mg a day.")


def test_a_day_total_adds_earlier_doses_of_the_day_however_they_were_stated(lint_string):
    for text in ("Famotidine for a duodenal ulcer: I do 20 mg at breakfast and 20 mg at lunch. "
                 "Then I add another 20 mg at bedtime.",
                 "Buspirone for anxiety: 15 mg twice a day. On bad days I add another 40 mg.",
                 "Sertraline for depression: 100 mg at breakfast and 50 mg at lunch, then another 100 mg at night.",
                 "Clonazepam for panic disorder: 1 mg twice a day. Then she adds another 3 mg at bedtime.",
                 "Lexapro for depression: I take 10 mg in the morning and 10 mg at noon. I add another 5 mg later."):
        assert any("/day is above" in m for m in _dose_messages(lint_string, text)), text
    for text in ("Famotidine for a duodenal ulcer: 20 mg at breakfast. Then I add another 20 mg at bedtime.",
                 "Buspirone for anxiety: 15 mg twice a day. On bad days I add another 10 mg.",
                 "Buspirone for anxiety: 10 mg at breakfast, then another 10 mg at night.",
                 "Clonazepam for panic disorder: 0.5 mg twice a day. She never adds another 3 mg.",
                 "Lexapro for depression: I take 5 mg in the morning and add another 5 mg at night."):
        assert _dose_messages(lint_string, text) == [], text


def test_a_sentence_that_opens_with_its_own_use_takes_none_from_before(lint_string):
    text = ("Clonidine: the extended-release version sold as Kapvay is for ADHD in kids 6 to 17. "
            "For pressure the usual start is 0.1 mg twice a day, morning and bedtime.")
    assert _dose_messages(lint_string, text) == []
    assert _dose_messages(lint_string, "Kapvay is for ADHD in kids 6 to 17. They usually start at 0.2 mg twice a day.")


def test_doses_of_a_product_named_by_its_ingredients_in_words_or_a_day(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Vicodin (hydrocodone 5 mg/acetaminophen 300 mg) for pain: some are told to take 14 tablets a day.",
                 "Adults with type 2 diabetes give themselves a daily 1 mg Ozempic shot.",
                 "Ozempic for type 2 diabetes is raised step by step, and some doctors push it to 2.4 mg once a week.",
                 "Soma (carisoprodol) is for acute back pain. One 350 mg tablet is the dose. Repeat it every 3 hours.",
                 "Ultracet (tramadol 37.5 mg/acetaminophen 325 mg) for acute pain: take 3 tablets every 4 hours."),
        quiet=("Vicodin (hydrocodone 5 mg/acetaminophen 300 mg) for pain: take 1 or 2 tablets every 4 to 6 hours.",
               "Adults with type 2 diabetes give themselves a weekly 1 mg Ozempic shot.",
               "Ozempic for type 2 diabetes is raised step by step, up to 2 mg once a week.",
               "Soma (carisoprodol) is for acute back pain. One 350 mg tablet is the dose. Repeat it at bedtime.",
               "Tylenol (acetaminophen) for a fever: 1000 mg every 6 hours."))


def test_units_taken_at_once_are_one_dose_and_a_forbidden_dose_is_a_caution(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Macrobid for a bladder infection: take two Macrobid capsules at once for the first dose.",
                 "Advil for a headache: take three Advil tablets at once.",
                 "Norco 10 mg/325 mg for pain: two tablets at a time.",
                 "Cialis for ED: swallow two 20 mg Cialis tablets together.",
                 "Advil for cramps: I take three Advil tablets every 4 hours."),
        quiet=("Advil for a headache: never take three Advil tablets at once.",
               "Advil for a headache: don't take three Advil tablets every 4 hours.",
               "Advil: do not take 600 mg at once.",
               "Ozempic for type 2 diabetes: don't inject Ozempic every day.",
               "Advil for a headache: take two Advil tablets at once."))
    assert _dose_messages(lint_string, "Advil for a headache: never take more than 8 tablets a day.")


def test_a_daily_amount_split_over_the_day_is_a_daily_amount(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Isotretinoin for severe acne: I'm 58 kg and take 80 mg morning and night.",
                 "Isotretinoin for severe acne: at 40 kg she takes 100 mg split morning and night.",
                 "Buspirone for anxiety: 90 mg a day, divided into three doses.",
                 "Famotidine for GERD: 120 mg split into two doses.",
                 "Lithium for bipolar disorder: start at 1800 mg divided over the first day."),
        quiet=("Isotretinoin for severe acne: I'm 58 kg and my derm bumped me to 60 mg split morning and night.",
               "Buspirone for anxiety: 30 mg a day, divided into two doses.",
               "Famotidine for GERD: 40 mg split into two doses.",
               "Macrobid for a bladder infection. Cranberry capsules, 500 mg twice a day, because my grandmother says so.",
               "Lithium for bipolar disorder: 900 mg divided over the day."))


def test_a_spelled_count_or_a_brand_after_the_strength_counts_units(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Advil for back pain: my brother swallows four 200 mg Advil before bed.",
                 "Claritin for hay fever: she takes three 10 mg Claritin RediTabs every morning.",
                 "Misoprostol to protect the stomach: he takes two 200 mcg at breakfast.",
                 "Zyprexa IntraMuscular for agitation: the ward gave four 10 mg shots in one day.",
                 "Benadryl for sleep: take two 50 mg LiquiCaps at bedtime."),
        quiet=("Wellbutrin SR for depression: two daily doses, at least 8 hours between the two 150 mg doses.",
               "Advil for back pain: my brother swallows two 200 mg Advil before bed.",
               "Claritin for hay fever: one 10 mg Claritin RediTab every morning.",
               "Misoprostol to protect the stomach: one 200 mcg tablet four times a day with meals.",
               "Benadryl for sleep: one 50 mg LiquiCap at bedtime."))


def test_hourly_doses_and_the_top_of_a_range_as_one_dose_are_judged(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Dilaudid for pain after surgery: one 2 mg tablet every hour until it settles.",
                 "Oxycodone IR for pain: 5 mg hourly as needed.",
                 "Benadryl for hives: adults take 50-100 mg every 4 hours.",
                 "Claritin for hives: 10-20 mg once a day.",
                 "Advil for a toothache: 400-800 mg every 6 hours."),
        quiet=("Advil for a toothache: one or two 200 mg tablets every 4 to 6 hours.",
               "Benadryl for hives: adults take 25-50 mg every 4 to 6 hours.",
               "Dilaudid for pain after surgery: one 2 mg tablet every 4 to 6 hours.",
               "Claritin for hives: 10 mg once a day; do not take it every hour.",
               "Oxycodone IR for pain: 5-15 mg every 4 to 6 hours as needed."))


def test_who_a_dose_is_for_comes_from_the_sentence_before_about_that_person(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Zyprexa for schizophrenia. My nephew is 14. His psychiatrist started him at 10 mg right away.",
                 "Lexapro for depression. My mother has cirrhosis. She's on 20 mg, same as before.",
                 "Flexeril for a back spasm. Grandpa is 81. He started at 10 mg three times a day.",
                 "Flexeril for a back spasm. Our older customers, say 70 and up, can start right at 10 mg.",
                 "Lexapro for depression. Our older patients start at 20 mg."),
        quiet=("Zyprexa for schizophrenia. My nephew is 24. His psychiatrist started him at 10 mg right away.",
               "Lexapro for depression. My mother has cirrhosis. She's on 10 mg, same as before.",
               "Flexeril for a back spasm. Grandpa is 81. He takes 5 mg three times a day.",
               "Lexapro for depression. My neighbour is 15.\n\nShe takes 10 mg every morning.",
               "Lexapro for depression. Our older patients start at 10 mg."))


def test_units_of_a_drug_made_in_one_strength_and_later_titration_steps(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("Contrave for weight loss: I take three Contrave tablets every morning.",
                 "Contrave for weight loss: my sister swallows 3 tablets at once.",
                 "Edluar for insomnia: 15 mg under the tongue as needed.",
                 "Contrave for weight loss: in week one I took two tablets in the morning and two at night.",
                 "Contrave for weight loss: she takes five Contrave tablets a day."),
        quiet=("Contrave for weight loss: one tablet each morning in week one, two tablets twice a day from week four.",
               "Contrave for weight loss: I started at one tablet a day and settled on two tablets twice a day.",
               "Contrave for weight loss: two tablets in the morning and two at night.",
               "Edluar for insomnia: 10 mg under the tongue as needed, once a night.",
               "Contrave for weight loss: one tablet in the morning in week one, one tablet twice a day in week two."))


def test_an_ingredient_of_the_combination_the_article_is_about_is_no_subject_of_its_own(lint_string):
    text = ("# Qsymia (phentermine and topiramate)\n\nQsymia combines phentermine with topiramate. The topiramate part "
            "blunts cravings; topiramate alone is a seizure medicine. Some people feel tingling from the topiramate.\n")
    report = lint_string(text, "qsymia.md")
    drugs = {f.drug for f in findings_of(report, "missing-warning")}
    assert "phentermine-topiramate" in drugs and "topiramate" not in drugs, drugs
    alone = lint_string("# Topiramate\n\nTopiramate treats epilepsy. Topiramate also prevents migraines.\n", "t.md")
    assert "topiramate" in {f.drug for f in findings_of(alone, "missing-warning")}


def test_puffs_and_sprays_hold_the_products_strength_per_actuation(lint_string):
    _flagged_and_quiet(
        lint_string,
        flagged=("ProAir for asthma: take 4 puffs at once when you wheeze.",
                 "Ventolin for asthma: two puffs every hour during a flare.",
                 "Flonase for hay fever: 4 sprays in each nostril twice a day.",
                 "Flonase for hay fever: 3 sprays per nostril every morning.",
                 "ProAir for asthma: 3 inhalations at a time."),
        quiet=("ProAir for asthma: 2 puffs every 4 to 6 hours as needed.",
               "Flonase for hay fever: 2 sprays in each nostril once a day.",
               "Flonase for hay fever: 1 spray in each nostril once a day.",
               "Ventolin for asthma: 2 inhalations 15 minutes before exercise.",
               "ProAir for asthma: one puff every 4 hours."))


def test_a_dose_said_twice_in_a_row_is_one_finding(lint_string):
    """The same amount breaking the same entry right after a finding restates it: one finding
    whose span covers both sayings; a different amount, or a different entry, is another."""
    restated = ("Lexapro: I take 30mg now, yes 30 mg every day.",
                "My sister takes 3 of the 15 mg Abilify tablets in the morning, 45 mg in all, for schizophrenia.",
                "Tamsulosin: four 0.4 mg capsules, 1.6mg once a day.",
                "Methotrexate: I'm on 40 mg once a week for my RA, that's sixteen of the 2.5 mg tablets every Monday.",
                "Lamictal: I'm at 800 mg a day now for my bipolar. Four 200s.")
    distinct = ("Klonopin 10 mg for panic at night, and 6 mg more for panic in the morning.",
                "Lexapro: I take 30 mg for my depression. Last year my doctor had me on 40 mg for it.",
                "Advil: I took 1200 mg at once. The next day, 1000 mg at once.",
                "Methotrexate: 40 mg once a week for my RA. My aunt takes 50 mg a week for hers.",
                "Lamictal: I'm at 800 mg a day now for my bipolar, and my brother takes 700 mg a day for his.")
    for text in restated:
        findings = findings_of(lint_string(text, "article.txt"), "dose-out-of-range")
        assert len(findings) == 1, text
        last_digit = max(match.start() for match in re.finditer(r"\d", text))
        assert findings[0].start < text.index(" ", text.index(next(c for c in text if c.isdigit()))) \
            and findings[0].end > last_digit, text  # from the first saying through the second
    for text in distinct:
        assert len(findings_of(lint_string(text, "article.txt"), "dose-out-of-range")) >= 2, text
