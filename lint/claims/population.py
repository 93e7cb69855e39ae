"""Who a dose is stated for: adults, children (with ages), the elderly, kidney or liver
impairment. Plain regular expressions over a sentence, label or heading."""
from __future__ import annotations

import re
from functools import lru_cache

RENAL = re.compile(r"\b(?:kidney|renal|creatinine clearance|clearance|crcl|e?gfr|dialysis|hemodialysis|haemodialysis)\b", re.I)
HEPATIC = re.compile(r"\b(?:liver|hepatic|cirrhosis)\b", re.I)
GERIATRIC = re.compile(r"\b(?:elderly|older (?:adults?|people|patients|customers|folks|men|women|readers|members|users)|"
                       r"seniors?|geriatric|"
                       r"the aged|over (?:the age of )?(?:6[5-9]|[7-9]\d)|(?:6[5-9]|[7-9]\d) (?:years )?(?:and|or) (?:older|over))\b", re.I)
GRADE_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
               "ninth": 9, "tenth": 10, "eleventh": 11}
GRADE = re.compile(rf"\b(?:(?P<n>[1-9]|1[01])(?:st|nd|rd|th)|(?P<w>{'|'.join(GRADE_WORDS)}))[- ](?:grader|grade[- ](?=(?:students?|kids?|child(?:ren)?|boys?|girls?|pupils?)\b))"
                   rf"|\bin (?:(?P<n2>[1-9]|1[01])(?:st|nd|rd|th)|(?P<w2>{'|'.join(GRADE_WORDS)})) grade\b",
                   re.I)  # "our 3rd graders", "a first-grade student", "she's in fourth grade": a school year's ages
SCHOOL_STAGE = r"preschoolers?|kindergart[ne]+rs?|(?:grade|elementary|primary|middle)[- ]?schoolers?|high[- ]?schoolers?"
PEDIATRIC = re.compile(r"\b(?:child(?:ren)?|child's|kids?|little ones?|pediatric|paediatric|infants?|babies|baby|adolescents?|"
                       rf"teenagers?|teens?|toddlers?|newborns?|neonates?|youngsters?|juvenile|{SCHOOL_STAGE})\b"
                       rf"|{GRADE.pattern}", re.I)
CHILDRENS_PRODUCT = re.compile(r"\b(?:children|kids?|infants?)['’]s?\s+(?=(?-i:[A-Z]))|\bjunior\s+(?=(?-i:[A-Z]))",
                               re.I)  # "Children's Zyrtec", "Infants' Tylenol": a product's name, which says who it is
# made for but not how old the child given it is
NOT_THE_GROUP = re.compile(  # named to say who is NOT meant: "non-elderly adults", "normal kidney function"
    r"\b(?:non-?\s?|not\s+)(?:elderly|geriatric|pediatric|paediatric)\b"
    r"|\b(?:normal|healthy)\s+(?:kidney|renal|liver|hepatic)\s+function\b"
    r"|\b(?:normal|healthy|working|good)\s+(?:kidneys|livers?)\b"  # "normal kidneys would get 875 mg"
    r"|\b(?:no|without)\s+(?:kidney|liver|renal|hepatic)\s+(?:problems?|disease|impairment|issues)\b"
    r"|\b(?:kidneys?|liver) (?:is|are|works?|working) (?:fine|normal(?:ly)?|healthy|well)\b"
    r"|\b(?:e?gfr|crcl|creatinine clearance)(?:\s+(?:is|was|of|at|about|around|over|above))*\s*[:=~]?\s*(?:[6-9]\d|1\d\d)\b"
    # a kidney function of 60 or more is normal: "my eGFR is 90"
    r"|\b(?:kidney|liver|renal|hepatic) (?:abscess(?:es)?|infections?|stones?|cancer|tumou?rs?|cysts?|flukes?|clinic|"
    r"specialist)\b"
    r"|\bbaby (?:doses?|dosages?|aspirins?|steps?|amounts?|stuff|levels?|weight|wipes|food|powder|shampoo|boomers?)\b",
    re.I)  # the site of another condition, or where care
# is given: "the liver abscess version"; a small amount: "5 three times a day is baby dose"
LIKE_ADULTS = re.compile(r"\b(?:the )?same (?:[\w/.-]+ ){0,8}?as (?:for |an? |the )?(?:grown-ups?|adults?)(?: do)?\b"
                         r"|\b(?:just |exactly )?like (?:an? |the )?(?:grown-ups?|adults?)\b|\bas adults do\b"
                         r"|\b(?:half|a third|a quarter|a fraction|double|twice)(?: of)? (?:the |an )?(?:usual |normal |regular |full )?"
                         r"(?:adult|grown-up)(?:'s)? (?:dose|amount|strength)\b", re.I)  # "half the adult dose": a yardstick
ADULT = re.compile(r"\b(?:(?<=well as )adults|(?<!as )(?<!than )(?:adults|adult(?!\s+\d)|grown-?ups?))\b"
                   r"(?!\s+(?:tablets?|capsules?|strength|formulation|version))",
                   re.I)  # "teens need the full adult 10 mg", "the same 2 mg dose as adults": a dose's size or standard,
# not who takes it (but "children as well as adults" are both)
AGE_RANGE = re.compile(r"\b(?:aged?s?\s+)?(\d{1,2})\s*(?:to|-|–|through)\s*(\d{1,2})(?![\d.])(?:\s*years?(?: old)?)?(?!\s*(?:mg|mcg|g|ml|hours?|days?|weeks?|minutes?|%|lbs?|pounds|kg|kilos?|[ap]\.?m\b|tablets?|tabs?|caplets?|capsules?|caps?|pills?|"
             r"sprays?|puffs?|drops?|teaspoons?|tsps?|doses?|times|patch(?:es)?|packets?|gummies|chewables?)\b)", re.I)
NAMED_AGE_RANGE = re.compile(r"\b(?:aged?|ages)\s+(\d{1,2})\s*(?:to|-|–|through)\s*(\d{1,2})\b"
                             r"|\b(\d{1,2})\s*(?:to|-|–|through)\s*(\d{1,2})[- ](?:years?|yrs?)\b", re.I)  # an age range
# said to be one ("aged 10 to 17", "12-17 years"), not any two numbers ("weeks 5-8")
AGE_MAX = re.compile(r"\b(?:under|below|younger than|less than)\s+(?:the age of\s+)?(\d{1,2})\b(?!\s*(?:mg|kg|lb|pounds|hours?|days?))", re.I)

PERSON_NOUNS = ("son|daughter|kid|child|boy|girl|nephew|niece|grandson|granddaughter|stepson|stepdaughter|mom|mum|dad|"
                "preschooler|kindergartner|"
                "mother|father|grandma|grandpa|grandmother|grandfather|husband|wife|partner|aunt|uncle|sister|brother|"
                "cousin|neighbou?r|patient|friend|man|woman|teen|teenager|toddler|baby|bro|sis|kiddo")
EXACT_AGE = re.compile(r"\b(\d{1,3})(?:[- ](?:years?|yrs?)[- ]olds?\b|\s?-?(?:y/o|y\.o\.|yo)(?!\w))|\baged? (\d{1,3})\b(?!\s*(?:to|-|–|and|or)\s*\d)"
                       r"|^\W*at (\d{2,3}),|\b(?:(?:she|he|who|i|mom|dad|mother|father|grandma|grandpa|grandmother|"
                       r"grandfather|husband|wife|son|daughter|patient|aunt|uncle|sister|brother|nephew|niece|cousin|grandson|"
                       r"granddaughter|kid|child|boy|girl|bro|sis|kiddo)(?:-in-law)?(?:'s|’s|'m|’m| is| am)(?: only| just| now| barely| almost| nearly)?|turned|turns|im|shes|hes) "
                       r"(\d{1,3})\b(?=\s*(?:,|;|and\b|but\b|now\b|too\b|years\b|$|\.|\)|\?|(?:in|last|this) (?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|fall|autumn|winter|week|month|year)\b))"
                       r"|\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
                       r"(?!(?:It|This|That|There|Which|What|Who|Here|Each|One|Mine|Ours|Yours|Dose|Price)\b)"
                       r"(?-i:[A-Z][a-z]+) is(?: only| just| barely| almost| nearly)? (\d{1,2})(?!\.\d)(?=\s*(?:,|\.|;|and\b|but\b|now\b|years\b))"  # "My niece Ivy is 15, and", "Milo is only 5, but" (not "Ozempic is 0.5 mg")
                       r"|\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
                       r"(?-i:[A-Z][a-z]+), (\d{1,2})(?=, (?:takes|took|is|was|has|had|gets|got|started|needs|weighs|who)\b"
                       r"| and \d{1,3} ?(?:kg|lb|pounds)\b| years)"  # "Theo, 11 and 38 kg, takes", "Maya, 7, takes"
                       rf"|\b(?:{PERSON_NOUNS})(?:, (?:just |only |barely |now )?(\d{{1,3}}),| \((\d{{1,3}})\))",  # "A reader's son, 7,"
                       re.I)  # "a 4-year-old", "aged 70", "At 72, my mother ...", "my grandmother is 81 and"
AGE_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19}
AGE_MIN = re.compile(r"\b(?:over|above|older than|at least)\s+(?:the age of\s+)?(\d{1,2})\b(?!\s*(?:mg|kg|lb|pounds|hours?|days?))"
                     rf"|\b(\d{{1,2}}|{'|'.join(AGE_WORDS)})\s*(?:years?(?: old)?\s*)?(?:and|or)\s*(?:older|over|up|above)\b"
                     r"|\b(?:ages?|aged|kids?|child(?:ren)?|teens?|teenagers?|adolescents?|youngsters?|patients|people|adults)"
                     r"\s+(\d{1,2})\s?\+(?=[\s,.;:)]|$)",
                     re.I)  # "over 12", "12 and up", "twelve or older", "kids 12+"
WORD_AGE = re.compile(rf"\b({'|'.join(AGE_WORDS)})[- ](?:years?|yrs?)[- ]olds?\b"
                      rf"|\b(?:she|he|i|who|preschooler|{PERSON_NOUNS})(?:'s|’s|'m|’m| is| am)(?: only| just| now| barely| almost| nearly)? "
                      rf"({'|'.join(AGE_WORDS)})\b(?!\s+(?:of|times|days|weeks|months|mg|pills|tablets))"
                      rf"|\b(?:turned|turns|turning) ({'|'.join(AGE_WORDS)})\b(?=\s*(?:[,;.!?)]|$|and\b|but\b|so\b|last\b|"
                      r"this\b|next\b|in\b|on\b|years\b))", re.I)  # "a four-year-old", "who is only five", "just turned four."
SAME_AGE_GROUP = re.compile(rf"\b(?:twins|triplets|both boys|both girls|both kids|the boys|the girls) (?:are|were)"
                            rf"(?: only| just| both)? (\d{{1,2}}|{'|'.join(AGE_WORDS)})\b"
                            r"(?!\s+(?:of|times|days|weeks|months|mg|pills|tablets|and\s+\d))", re.I)  # "my twins are four"
COUNTED_HEADINGS = "Step|Day|Week|Month|Part|Option|Phase|Stage|Level|Round|Tip|Question|Table|Figure|Chapter|Section|Item|Rule|Note|Dose|Page|Grade|Type"
BRACKETED_PERSON = rf"(?:\b(?!(?:{COUNTED_HEADINGS})\b)(?-i:[A-Z][a-z]*[a-rt-z])|\b(?:{PERSON_NOUNS}|baby|infant|newborn))\s*"
# a name (not a plural: "Answers (6)", "Comments (9)" count things) or a word for a person, before an age in brackets
INFANT_AGE = re.compile(r"\b(\d{1,2})[- ](week|month)s?[- ]olds?\b"
                        rf"|{BRACKETED_PERSON}\((\d{{1,2}})\s*(week|month)s?(?:\s+old)?\s*!*\)"
                        r"|\b(?:is|was|just|only|now)\s+(\d{1,2})\s+(week|month)s?\s+old\b",
                        re.I)  # "a 7-week-old", "a 6-month-old baby", "Baby Nora (10 weeks!)", "she's only 10 weeks old"
BRACKET_AGE = re.compile(rf"{BRACKETED_PERSON}\((\d{{1,2}})(?:\s*(?:yrs?|years?(?:\s+old)?|y/?o|yo))?\s*[,;!)]"
                         r"(?!\s*(?:of|x|times|tablets?|tabs?|pills?|capsules?|caps|doses?|mg|ml|puffs?|sprays?|drops?)\b)"
                         r"(?=[^\S\n]*[\w\-–—:,])",  # the line goes on ("Sophie (4) - Mark's"): not a heading's count
                         re.I)  # "Sam (4) takes", "my son (7 yrs) takes" (not "Advil (2) tablets", "Step (3)")
INTRO_AGE = re.compile(r"\b(?-i:[A-Z][a-z]+)[.,] ([1-9]\d)[.,](?= +(?-i:[A-Z])| +i['’]m\b| *$)",
                       re.I)  # a speaker's introduction: "Harold. 72. Retired mail carrier.", "I'm Priya, 41, I'm on 2 mg"
TAKEN_AT_AGE = re.compile(r"\b(?:takes?|took|taking|uses?|used|on (?:it|that|this)|prescri\w+|started|starting)\b"
                          r"[^.;:!?\n]{0,40}?\bat (?:age )?"
                          r"(?:([2-9]\d|1[01]\d)\b(?=\s*(?:[,.;!?)]|$|and\b|but\b|now\b|too\b|with(?:out)?\b))"
                          r"|(1[3-9])\b(?=\s*(?:[,.;!?)]|$)))",
                          re.I)  # "that's what my aunt takes at 70", "got his own prescription at 15": the taker's age
# (not a clock time, not "at 30 minutes"; a teen's age only where the sentence or clause ends)
PAST_AGE = re.compile(rf"\b(?:she|he|who|{PERSON_NOUNS}) was(?: only| just| barely)? (\d{{1,2}}|{'|'.join(AGE_WORDS)})\b"
                      r"(?=\s*(?:,|;|\.|$|when\b|and\b|years? old\b))",
                      re.I)  # "she was 4 when the doctor put her on", "since he was four": the age then, read only
# where no present age is stated ("he was 4 when diagnosed; now he's 9": 9)
STARTED_AT_AGE = re.compile(r"\b(?:started|starting|began|begun)\s+(?:(?:him|her|them|me)\s+)?at (?:age )?([1-9]|1[0-7])\s+on\b"
                            r"(?!\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the|a|weekends?|weekdays?|"
                            r"(?:\d|january|february|march|april|may|june|july|august|september|october|november|december)))",
                            re.I)  # "started at 4 on Ritalin": the age a child began on the drug (not "at 4 on Monday")
YOUNGEST_AGE = re.compile(rf"\bas young as (\d{{1,2}}|{'|'.join(AGE_WORDS)})\b"
                          r"|\b(?:teens?|teenagers?|kids?|children|adolescents?) aged (\d{1,2}) (?:and|or) (?:up|older|over)\b",
                          re.I)  # "children as young as eight", "teens aged 14 and up": the youngest of them

WEIGHT = re.compile(r"(?<![\w/.])(?:(?P<rel>over|above|at least|more than|under|below|less than|up to)\s+)?"
                    r"(?P<n>\d{1,3}(?:\.\d)?)\s*-?\s*(?P<unit>kg|kilograms?|kilos?|lbs?|pounds)\b(?!\s*/|\s+per\b)"
                    r"(?:\s+(?P<after>and over|or over|and above|or more|and up|or heavier|or less|and under|or under))?", re.I)
WEIGHT_CHANGE = re.compile(r"\b(?:lost|lose|loses|losing|down|dropped|drop|drops|dropping|shed|shedding|gained|gain|gains|"
                           r"gaining|put on|puts on|up)\s+(?:about |around |almost |nearly |over |like |another |a whole )?$",
                           re.I)  # "Lost 31 lbs", "down 22 lbs": pounds lost or gained, not what someone weighs
WEIGHT_CHANGED = re.compile(r"\s*(?:up|down|heavier|lighter|overweight|underweight|gained|lost|more than (?:last|before)"
                            r"|since|overnight|in (?:a|one|two|three|\d+) (?:days?|weeks?|months?))\b",
                            re.I)  # "3 lb up since last week", "40 pounds overweight": a change or an excess, not a weight
FROM_BEFORE = re.compile(r"\bfrom\s+$", re.I)  # "kids from 40 kg up": a bound, not a gain
POUND = 0.4536
LOWER_BOUND = ("over", "above", "at least", "more than")

ADULT_AGE = (18.0, None)
GERIATRIC_AGE = (65.0, None)
PEDIATRIC_AGE = (0.0, 17.99)
STAGE_AGES = (  # a stage of childhood names its ages: a teen is not a newborn
    (re.compile(r"\b(?:teenagers?|teens?|adolescents?)\b", re.I), (12.0, 17.99)),
    (re.compile(r"\b(?:toddlers?)\b", re.I), (1.0, 3.99)),
    (re.compile(r"\b(?:newborns?|neonates?|infants?|bab(?:y|ies))\b", re.I), (0.0, 1.99)),
    (re.compile(r"\bpreschoolers?\b", re.I), (3.0, 4.99)),
    (re.compile(r"\bkindergart[ne]+rs?\b", re.I), (5.0, 6.99)),
    (re.compile(r"\b(?:grade|elementary|primary)[- ]?schoolers?\b", re.I), (5.0, 11.99)),
    (re.compile(r"\bmiddle[- ]?schoolers?\b", re.I), (11.0, 14.99)),
    (re.compile(r"\bhigh[- ]?schoolers?\b", re.I), (14.0, 17.99)),
)
CHILD_OF_AGE = re.compile(r"\b(?:child|kid|boy|girl|baby|toddler|son|daughter|grandson|granddaughter)\s+of\s+(\d{1,2})"
                          r"(?:\s*(?:years?|yrs?)(?:\s+old)?)?\b(?!\s*(?:mg|mcg|kg|kilos?|lbs?|pounds|months?|weeks?|days?|"
                          r"hours?|%|tablets?|pills?))", re.I)  # "a child of 4", "the baby of 3 years" (not "my husband of
# 30 years": how long)
PERSON_AGES = (EXACT_AGE, WORD_AGE, SAME_AGE_GROUP, YOUNGEST_AGE, TAKEN_AT_AGE, STARTED_AT_AGE, INTRO_AGE,
               BRACKET_AGE, CHILD_OF_AGE)  # in this order
AGES_THEN = (*PERSON_AGES, PAST_AGE)  # and, last, an age then: a dose's own words only, never carried to later sentences
SCHOOL_START_AGE = 5  # a child in the Nth grade is about N + 5 to N + 6


def names_adults(text: str) -> bool:
    """True when text names adults as people it speaks of, not as a yardstick ('half the adult
    dose', 'same as adults')."""
    return ADULT.search(LIKE_ADULTS.sub(" ", text)) is not None


def population_at(years: float) -> frozenset[str]:
    """The population a person of this age belongs to."""
    return frozenset({"pediatric" if years < ADULT_AGE[0] else "geriatric" if years >= GERIATRIC_AGE[0] else "adult"})


@lru_cache(maxsize=8192)  # the same lead sentence or heading serves many claims
def detect_population(text: str, ages_then: bool = True) -> tuple[frozenset[str], tuple[float | None, float | None] | None]:
    """Populations named in text and the age range it states (None when it states none).
    The most specific population wins: impairment, then elderly or children, then adults;
    text that names both adults and children names both; a group named as not meant
    ("non-elderly", "normal kidney function") is none, as is an organ named as the site of
    another condition ("a liver abscess", "kidney stones"). `ages_then` False leaves out an
    age someone was ("since he was 8"): the age now, for sentences that follow."""
    text = NOT_THE_GROUP.sub(" ", text)
    minors = any(int(m.group(2) or m.group(4)) < ADULT_AGE[0]  # "members aged 10 to 17": children, though no word
                 for m in NAMED_AGE_RANGE.finditer(text))  # says so
    if PEDIATRIC.search(text) or minors:  # "children 8 and older ..., same as adults": a comparison names no adults
        text = LIKE_ADULTS.sub(" ", text)
    if ORGAN_CAUSE.search(text) and (PEDIATRIC.search(text) or minors or _is_a_child(text)):
        text = ORGAN_CAUSE.sub(" ", text)  # "an 8-year-old on 150 mg a day for swelling from kidney disease": a child's dose
    if RENAL.search(text):
        return frozenset({"renal"}), None
    if HEPATIC.search(text):
        return frozenset({"hepatic"}), None
    age = _age(text)
    if age is None and (person := _person_age(text, AGES_THEN if ages_then else PERSON_AGES)) is not None:
        years = person[0]
        return population_at(years), (years, years)
    if GERIATRIC.search(text) or age is not None and age[0] is not None and age[0] >= GERIATRIC_AGE[0]:
        return frozenset({"geriatric"}), age or GERIATRIC_AGE  # "70 and up"
    if PEDIATRIC.search(text) or minors:
        if ADULT.search(text) and not (age and age[1] is not None and age[1] < 18):
            return frozenset({"adult", "pediatric"}), age  # "adults and children 12 years and over"
        return frozenset({"pediatric"}), age or _stage_age(text)  # "kids of 6 to 11, just like adults": children
    if ADULT.search(text):
        return frozenset({"adult"}), age
    return frozenset(), None


@lru_cache(maxsize=8192)
def detect_weight(text: str) -> tuple[float | None, float | None] | None:
    """The body weight a text states, in kg: exact ('a 20 kg child', 'weighing 44 pounds')
    or a bound ('children over 40 kg'); None when it states none. 'mg/kg' is no weight."""
    match = next((m for m in WEIGHT.finditer(text) if not WEIGHT_CHANGE.search(text, 0, m.start())
                  and not (m.group("after") is None and WEIGHT_CHANGED.match(text, m.end())
                           and not FROM_BEFORE.search(text, 0, m.start()))), None)
    if match is None:
        return None
    kg = float(match.group("n")) * (POUND if match.group("unit").lower().startswith(("lb", "pound")) else 1)
    relation = (match.group("rel") or "").lower()
    after = (match.group("after") or "").lower()
    if after:
        return (None, kg) if after.endswith(("less", "under")) else (kg, None)
    if not relation:
        return kg, kg
    return (kg, None) if relation in LOWER_BOUND else (None, kg)


NAMED_AGE = re.compile(r"\b(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                       r"It|This|That|There|Step|Day|Week|Page|Table|Dose|Part|Section)\b)"
                       r"(?-i:([A-Z][a-z]+[a-rt-z]))(?: \((\d{1,2})\)|, (\d{1,2})(?:,|\.(?!\d))| is (?:only |just |now )?"
                       r"(\d{1,2})(?=[,;]|\.(?!\d)| years))")  # "Theo's kid Mateo (7)", "Maya, 7, takes", "Milo is only 5." (not "Dose
# (2)", "Week 3", "Photos (4)": a plural counts things)


def ages_by_name(text: str) -> dict[str, float]:
    """The age stated for each named person of a text ("Mateo (7)", "Maya, 7,"), for the
    sentences that later name them without it; a name given two ages is left out."""
    ages: dict[str, set[float]] = {}
    for match in NAMED_AGE.finditer(text):
        ages.setdefault(match.group(1), set()).add(float(next(g for g in match.groups()[1:] if g)))
    return {name: next(iter(found)) for name, found in ages.items() if len(found) == 1}


def stated_age(text: str) -> tuple[float, int, int] | None:
    """The one person's age a text states ('my 4-year-old', 'her son, 7,', 'an 18-month-old',
    'children as young as eight': the youngest), with the characters that state it."""
    return _person_age(text, PERSON_AGES)


def last_stated_age(text: str) -> float | None:
    """The age of the last person a text states an age for ('a nine-year-old at 6 mg, and a
    fourteen-year-old on'): 14."""
    age, at = None, 0
    while (found := stated_age(text[at:])) is not None and found[2] > 0:
        age, at = found[0], at + found[2]
    return age


ORGAN_CAUSE = re.compile(r"\b(?:from|due to|caused by|because of|secondary to)\s+(?:(?:his|her|their|my|your|chronic|"
                         r"bad|failing|advanced)\s+)*(?:kidney|renal|liver|hepatic)\s+(?:disease|problems?|issues?|failure|"
                         r"damage)\b|\b(?:kidney|renal|liver)[- ]related\b", re.I)  # the cause of the complaint a child is
# treated for: "from kidney disease", "(kidney related)"


def _is_a_child(text: str) -> bool:
    """True when the text states a person's age under 18 ('an 8-year-old', 'my son, 9')."""
    person = _person_age(text, (EXACT_AGE, WORD_AGE, BRACKET_AGE, CHILD_OF_AGE))
    return person is not None and person[0] < ADULT_AGE[0]


def _person_age(text: str, patterns: tuple[re.Pattern, ...]) -> tuple[float, int, int] | None:
    """An age in weeks or months ('a 7-week-old'), else the first of the patterns' ages, in
    years, with the characters that state it."""
    if infant := INFANT_AGE.search(text):
        count, unit = (group for group in infant.groups() if group)
        return float(count) / (52 if unit.lower() == "week" else 12), *infant.span()
    for pattern in patterns:
        if match := pattern.search(text):
            first = next(group for group in match.groups() if group)
            return float(AGE_WORDS.get(first.lower()) or first), *match.span()
    return None


def _stage_age(text: str) -> tuple[float | None, float | None]:
    """The ages of the one stage of childhood a text names ('teens', 'our 3rd graders'), else
    all of childhood."""
    ages = {ages for pattern, ages in STAGE_AGES if pattern.search(text)}
    if grade := GRADE.search(text):
        number = grade.group("n") or grade.group("n2")
        year = int(number) if number else GRADE_WORDS[(grade.group("w") or grade.group("w2")).lower()]
        ages.add((float(year + SCHOOL_START_AGE), year + SCHOOL_START_AGE + 1.99))
    return ages.pop() if len(ages) == 1 and not re.search(r"\b(?:child(?:ren)?|kids?)\b", text, re.I) else PEDIATRIC_AGE


def _age(text: str) -> tuple[float | None, float | None] | None:
    for span in AGE_RANGE.finditer(text):  # whole numbers only: "24-35 lb 2-3 yrs" is aged 2 to 3, not "24-3"
        low, high = float(span.group(1)), float(span.group(2))
        if low <= high:
            return low, high
    if match := AGE_MIN.search(text):
        youngest = next(group for group in match.groups() if group)
        return float(AGE_WORDS.get(youngest.lower()) or youngest), None
    if match := AGE_MAX.search(text):
        return None, float(match.group(1)) - 0.01
    return None
