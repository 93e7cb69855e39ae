"""English verb forms for predicate lexicons written in base form ("quiet" -> "quiets",
"quieted", "quieting"), so data files list a predicate once and every tense matches."""
from __future__ import annotations

IRREGULAR = {
    "be": ("is", "are", "was", "were", "been", "being", "am", "'m", "’m", "'re", "’re", "'s", "’s"),
    "beat": ("beats", "beat", "beaten", "beating"), "bring": ("brings", "brought", "bringing"),
    "buy": ("buys", "bought", "buying"), "do": ("does", "did", "done", "doing"),
    "fight": ("fights", "fought", "fighting"), "get": ("gets", "got", "gotten", "getting"),
    "give": ("gives", "gave", "given", "giving"), "have": ("has", "had", "having"),
    "hold": ("holds", "held", "holding"), "keep": ("keeps", "kept", "keeping"),
    "knock": ("knocks", "knocked", "knocking"), "lose": ("loses", "lost", "losing"),
    "make": ("makes", "made", "making"), "put": ("puts", "put", "putting"),
    "run": ("runs", "ran", "running"), "shut": ("shuts", "shut", "shutting"),
    "sleep": ("sleeps", "slept", "sleeping"), "take": ("takes", "took", "taken", "taking"),
    "win": ("wins", "won", "winning"), "swear": ("swears", "swore", "sworn", "swearing"),
    "drop": ("drops", "dropped", "dropping"), "stop": ("stops", "stopped", "stopping"),
    "trim": ("trims", "trimmed", "trimming"), "shed": ("sheds", "shed", "shedding"),
    "cut": ("cuts", "cut", "cutting"), "let": ("lets", "let", "letting"),
    "pop": ("pops", "popped", "popping"), "nip": ("nips", "nipped", "nipping"),
    "rev": ("revs", "revved", "revving"), "zap": ("zaps", "zapped", "zapping"),
    "melt": ("melts", "melted", "melting"), "feel": ("feels", "felt", "feeling"),
    "send": ("sends", "sent", "sending"), "tell": ("tells", "told", "telling"),
    "go": ("goes", "went", "gone", "going"), "die": ("dies", "died", "dying"),
    "shrink": ("shrinks", "shrank", "shrunk", "shrinking"), "quit": ("quits", "quit", "quitting"),
    "come": ("comes", "came", "coming"), "fall": ("falls", "fell", "fallen", "falling"),
    "hit": ("hits", "hit", "hitting"), "wake": ("wakes", "woke", "woken", "waking"),
}
VOWELS = "aeiou"


def verb_forms(base: str) -> tuple[str, ...]:
    """The base form and its -s, past and -ing forms."""
    base = base.lower()
    if base in IRREGULAR:
        return (base, *IRREGULAR[base])
    if base.endswith("e") and not base.endswith("ee"):
        past, ing = base + "d", base[:-1] + "ing"
    elif base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS:
        past, ing = base[:-1] + "ied", base + "ing"
    elif _doubles_final(base):  # "dub" -> "dubbed", "dubbing"
        past, ing = base + base[-1] + "ed", base + base[-1] + "ing"
    else:
        past, ing = base + "ed", base + "ing"
    third = base + "es" if base.endswith(("s", "sh", "ch", "x", "z", "o")) else (
        base[:-1] + "ies" if base.endswith("y") and len(base) > 2 and base[-2] not in VOWELS else base + "s")
    return base, third, past, ing


def _doubles_final(base: str) -> bool:
    """One syllable ending consonant-vowel-consonant: the consonant doubles before -ed, -ing."""
    return len(base) >= 3 and sum(ch in VOWELS for ch in base) == 1 and base[-1] not in VOWELS + "wxy" \
        and base[-2] in VOWELS and base[-3] not in VOWELS


def phrase_forms(phrase: str) -> tuple[str, ...]:
    """Every form of a phrase whose first word is a verb in base form ("knock out" ->
    "knocks out", "knocked out", ...)."""
    head, _, rest = phrase.partition(" ")
    return tuple(f"{form} {rest}".strip() for form in verb_forms(head))


def noun_forms(phrase: str) -> tuple[str, ...]:
    """A noun phrase and its plural, formed on its last word ("godsend" -> "godsends",
    "remedy" -> "remedies", "fix" -> "fixes", "secret weapon" -> "secret weapons")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith(("s", "sh", "ch", "x", "z")):
        plural = last + "es"
    elif last.endswith("y") and len(last) > 2 and last[-2] not in VOWELS:
        plural = last[:-1] + "ies"
    else:
        plural = last + "s"
    return phrase, f"{head} {plural}".strip()


def agent_noun(verb: str) -> str:
    """The '-er' noun of a verb, for what does it: 'kill' -> 'killer', 'ease' -> 'easer',
    'stop' -> 'stopper', 'quiet' -> 'quieter'."""
    verb = verb.lower()
    if verb.endswith("e"):
        return verb + "r"
    if _doubles_final(verb) or verb in IRREGULAR and IRREGULAR[verb][-1].endswith(verb[-1] * 2 + "ing"):
        return verb + verb[-1] + "er"  # 'stop' -> 'stopper'
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in VOWELS:
        return verb[:-1] + "ier"
    return verb + "er"
