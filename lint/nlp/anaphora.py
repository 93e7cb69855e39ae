"""Words that stand for the article's drug without naming it: a pronoun ("takes it to ...", "pops
one before a flight"), a strength taken as a tablet ("takes a 2.5 as a sleeping pill"),
or a dose-form noun after a determiner or a count ("swallows a few tablets to ...", "a nightly
spray ended his snoring"). A dose-form noun after a word that names another kind of medicine
("sleeping pills", "water pills", "stent pills") is not the drug."""
from __future__ import annotations

from spacy.tokens import Doc

from lint.nlp.words import lowered

PRONOUNS = frozenset({"it", "them", "this", "these"})
DEMONSTRATIVES = frozenset({"this", "these"})
TAKING = frozenset({"take", "takes", "took", "taking", "pop", "pops", "popped", "popping", "swallow", "swallows",
                    "swallowed", "grab", "grabs", "grabbed", "give", "gives", "gave", "chew", "chews", "chewed"})
USING = frozenset({"use", "uses", "used", "using"})  # "my sister uses hers to bring down a fever"
KEEPING = frozenset({"keep", "keeps", "kept", "stash", "stashes", "stashed", "carry", "carries", "carried"})
NOT_THE_DRUG = frozenset({  # after 'this' or 'these': the text, a time or a way, not the drug ("use this page to")
    "page", "pages", "article", "guide", "post", "site", "website", "list", "section", "video", "episode",
    "newsletter", "column", "thread", "chart", "table", "leaflet", "handout", "form", "link", "book", "app", "tool",
    "information", "info", "advice", "question", "questions", "answer", "week", "weeks", "month", "months", "year",
    "years", "morning", "evening", "summer", "winter", "time", "times", "way", "ways", "kind", "sort", "type",
    "point", "stage", "case", "cases", "trick", "tip", "tips", "step", "steps",
    "campus", "place", "school", "town", "city", "country", "world", "group", "community", "house", "family",
    "office", "team", "forum", "sub", "subreddit", "channel", "server", "podcast", "show", "clinic", "ward",
    "floor", "dorm", "club", "class", "crowd", "generation"})  # a place or group: "what half this campus uses"
KNOWING = frozenset({"know", "learn", "learned", "learnt", "memorize", "memorise", "memorized", "remember", "review",
                     "revise", "study", "studied", "read", "list", "note", "write", "copy", "print", "bookmark"})
DOSE_FORMS = frozenset({"tablet", "tablets", "pill", "pills", "capsule", "capsules", "caplet", "caplets", "dose",
                        "doses", "spray", "sprays", "pearl", "pearls", "patch", "patches", "shot", "shots",
                        "injection", "injections", "gummy", "gummies", "softgel", "softgels", "puff", "puffs",
                        "strip", "strips", "film", "films", "lozenge", "lozenges", "troche", "troches", "tab", "tabs"})
RELEASE_FORM_NOUNS = frozenset({"XR", "XL", "SR", "CR", "IR", "ODT"})  # "the IR", "my XR": that form of it (not
# "the ER", an emergency room, nor "the LA" office)
OWNING_DETERMINERS = frozenset({"the", "my", "his", "her", "their", "our", "your"})
MEDICINE_NOUNS = frozenset({"med", "meds", "medication", "medications", "medicine", "drug", "stuff"})
DEFINITE_FOR_MEDICINE = frozenset({"the", "this", "that", "same"})  # "the same med", "this medication", "that stuff"
CONTAINERS = frozenset({"bottle", "bottles", "box", "boxes", "pack", "packs", "blister", "stash", "supply", "tube"})
BEFORE_DOSE_FORM = frozenset({"a", "an", "the", "one", "two", "three", "four", "few", "couple", "several", "her",
                              "his", "my", "their", "our", "your", "its", "this", "that", "these", "those", "nightly", "daily", "single", "extra", "half", "whole", "same", "of",
                              "morning", "evening", "bedtime", "weekly", "small", "low", "tiny",
                              "'s", "’s"})  # "Ron's pill fixed her thyroid": someone's own tablets of it


SPANS_OF_TIME = frozenset({"seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years", "times",
                           "tries", "rounds", "cycles"})  # "it takes a few days to kick in": time, not tablets
SPAN_OF_TIME = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year"})  # one of SPANS_OF_TIME
NOT_A_TABLET_AFTER = SPANS_OF_TIME | SPAN_OF_TIME | {"time", "mg", "mcg", "ml", "milligrams", "g", "min", "mins", "hr",
                                                     "hrs", "h", "sec", "secs", "wk", "wks", "yr", "yrs", "more", "percent",
                                                     "%"}  # "take 1 day off", "took 20 min": an amount or a time
APPROXIMATING = frozenset({"-", "ish", "or", "so", "to"})  # "12-ish hours", "20 or so minutes", "2 to 3 weeks"
PEOPLE_ONES = frozenset({"loved", "little", "young", "dear", "older", "younger", "lucky", "chosen"})  # "my little
# ones": children, not tablets
OWNED = frozenset({"mine", "hers", "yours", "theirs", "ours"})
AFTER_OWNED_HIS = frozenset({"for", "to", "with", "every", "each", "at", "before", "after", "when", "twice", "once"})
SOME_OF = frozenset({"one", "two", "three", "few", "couple", "some", "handful", "several", "any", "half", "rest"})


COURSES = frozenset({"course", "courses"})  # a course of the drug, not "a course of steroids"
MAY_REFER = frozenset({"one", "few", "couple", "his", "ones", *COURSES, *OWNED, *PRONOUNS, *CONTAINERS, *MEDICINE_NOUNS,
                       *DOSE_FORMS, *(form.lower() for form in RELEASE_FORM_NOUNS)})  # every word refers_to_drug reads


def refers_to_drug(doc: Doc, index: int) -> bool:
    """True when token `index` stands for the article's drug: a pronoun (not 'this' before a
    word for the text, a time or a way: 'this page', 'this week'), a count of someone's own
    ('a few of mine'), or a dose-form noun whose word before is a determiner, count or timing
    word (not another medicine's kind, nor 'each dose')."""
    words = lowered(doc)
    word = words[index]
    if word not in MAY_REFER and not word[:1].isdigit():
        return False
    if word == "one":  # "takes one on school nights", "pop one before a flight"
        return index > 0 and words[index - 1] in TAKING
    if word[:1].isdigit() and index > 1 and words[index - 1] in ("a", "the") and words[index - 2] in TAKING:
        return True  # a strength for a tablet of it: "her husband takes a 2.5 as a sleeping pill"
    if word[:1].isdigit() and index > 0 and words[index - 1] in TAKING:
        after = index + 1
        while after < len(doc) and (words[after] in APPROXIMATING or words[after][:1].isdigit()):
            after += 1  # "takes 12-ish hours", "took 2 to 3 weeks"
        return after >= len(doc) or words[after] not in NOT_A_TABLET_AFTER  # a strength or a count of it:
        # "I take 7.5 just as a sleeping pill" (not "took 20 min to stop")
    if word in ("few", "couple") and index > 1 and words[index - 1] == "a" and words[index - 2] in TAKING | KEEPING:
        following = words[index + 1] if index + 1 < len(doc) else ""
        following = words[index + 2] if following == "of" and index + 2 < len(doc) else following
        return following not in SPANS_OF_TIME  # "we keep a few in the medicine cabinet", not "it takes a few days"
    if word == "his" and 0 < index < len(doc) - 1 and words[index - 1] in TAKING and words[index + 1] in AFTER_OWNED_HIS:
        return True  # "he takes his for his nerves": 'his' as a pronoun, with no noun after it
    if word in OWNED:  # "borrows a few of mine", "stole one of hers", "Doris takes hers for"
        return index > 1 and words[index - 1] == "of" and words[index - 2] in SOME_OF \
            or index > 0 and (words[index - 1] in TAKING or words[index - 1] in USING)
    if word in DEMONSTRATIVES and index + 1 < len(doc) and words[index + 1] in NOT_THE_DRUG:
        return False
    if word in PRONOUNS:  # not the object of knowing: "know these for the exam", "memorize them"
        return index == 0 or words[index - 1] not in KNOWING
    if word in CONTAINERS and index > 0 and words[index - 1] in BEFORE_DOSE_FORM \
            and (index + 1 >= len(doc) or words[index + 1] != "of"):
        return True  # "keeps a bottle in the kitchen drawer for gout flares" (not "a bottle of wine")
    if word == "ones":  # "a couple of my leftover ones for his sinus infection", "the little white ones"
        return words[index - 1] not in PEOPLE_ONES and index + 1 < len(doc) and words[index + 1] != "who" \
            and any(words[back] in BEFORE_DOSE_FORM and all(doc[j].is_alpha or doc[j].like_num for j in range(back + 1, index))
                    for back in range(max(0, index - 3), index))
    if doc[index].text.upper() in RELEASE_FORM_NOUNS and (doc[index].text.isupper() or word in ("xr", "xl", "odt")):
        return index > 0 and words[index - 1] in OWNING_DETERMINERS  # "takes the IR himself to stay alert"
    if word in COURSES:  # "do really well on a course", "finished a course for her sinus infection"
        return index > 0 and words[index - 1] in BEFORE_DOSE_FORM and (index + 1 >= len(doc) or words[index + 1] != "of")
    if word in MEDICINE_NOUNS:  # "gets 10 mg of the same med every night for bedwetting"
        return index > 0 and words[index - 1] in DEFINITE_FOR_MEDICINE
    if word not in DOSE_FORMS or index == 0:
        return False
    return words[index - 1] in BEFORE_DOSE_FORM or doc[index - 1].like_num
