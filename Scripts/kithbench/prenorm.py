"""Pre-normalized records for the Swift-level resolver harness.

Until KithNormalize is on main, the benchmark generators also write a TSV of the fields the
normalizer would fill (folded names, phonetic keys, nickname keys, E.164 numbers, email keys),
so that the resolver can be tuned without the readers and the normalizer. These functions are a
stand-in for the normalizer, not a copy of it.
"""
import re
import unicodedata

NICKNAMES = {
    "bob": ["robert"], "rob": ["robert"], "robbie": ["robert"], "bobby": ["robert"],
    "bill": ["william"], "will": ["william"], "billy": ["william"], "liam": ["william"],
    "jim": ["james"], "jimmy": ["james"], "jamie": ["james"],
    "mike": ["michael"], "mick": ["michael"], "mikey": ["michael"],
    "dave": ["david"], "davey": ["david"], "tom": ["thomas"], "tommy": ["thomas"],
    "chris": ["christopher", "christine", "christina"], "kate": ["katherine", "catherine"],
    "katie": ["katherine", "catherine"], "cathy": ["catherine"], "kathy": ["katherine"],
    "liz": ["elizabeth"], "beth": ["elizabeth"], "betty": ["elizabeth"], "lisa": ["elizabeth"],
    "eliza": ["elizabeth"], "sue": ["susan"], "susie": ["susan"], "jen": ["jennifer"],
    "jenny": ["jennifer"], "alex": ["alexander", "alexandra"], "sasha": ["alexander", "alexandra"],
    "andy": ["andrew"], "drew": ["andrew"], "tony": ["anthony"], "dan": ["daniel"], "danny": ["daniel"],
    "joe": ["joseph"], "joey": ["joseph"], "ben": ["benjamin"], "sam": ["samuel", "samantha"],
    "steve": ["steven", "stephen"], "matt": ["matthew"], "nick": ["nicholas"], "pat": ["patrick", "patricia"],
    "peggy": ["margaret"], "maggie": ["margaret"], "meg": ["margaret"], "greg": ["gregory"],
    "jon": ["jonathan"], "johnny": ["john"], "jack": ["john"], "hans": ["johannes"],
    "sepp": ["josef"], "fritz": ["friedrich"], "uli": ["ulrich"], "wolfi": ["wolfgang"],
    "rick": ["richard"], "dick": ["richard"], "rich": ["richard"], "ed": ["edward"], "ted": ["edward"],
    "charlie": ["charles"], "chuck": ["charles"], "larry": ["lawrence"], "ron": ["ronald"],
    "don": ["donald"], "ken": ["kenneth"], "tim": ["timothy"], "vicky": ["victoria"],
    "becky": ["rebecca"], "abby": ["abigail"], "mandy": ["amanda"], "debbie": ["deborah"],
    "nate": ["nathan", "nathaniel"], "zach": ["zachary"], "jake": ["jacob"], "manny": ["manuel"],
    "lena": ["helena", "magdalena"], "leni": ["helene"], "kathi": ["katharina"], "steffi": ["stefanie"],
}


def fold(text):
    """Lower case, no diacritics, letters/digits and single spaces."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ß", "ss").lower()
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def nysiis(name):
    """NYSIIS phonetic code (a stand-in for the normalizer's phonetic key)."""
    name = re.sub(r"[^a-z]", "", (name or "").lower())
    if not name:
        return ""
    for a, b in (("mac", "mcc"), ("kn", "nn"), ("k", "c"), ("ph", "ff"), ("pf", "ff"), ("sch", "sss")):
        if name.startswith(a):
            name = b + name[len(a):]
            break
    for a, b in (("ee", "y"), ("ie", "y"), ("dt", "d"), ("rt", "d"), ("rd", "d"), ("nt", "d"), ("nd", "d")):
        if name.endswith(a):
            name = name[: -len(a)] + b
            break
    key = name[0]
    prev = name[0]
    i = 1
    while i < len(name):
        c = name[i]
        if name[i:i + 2] == "ev":
            c, i = "af", i + 1
        elif c in "aeiou":
            c = "a"
        elif c == "q":
            c = "g"
        elif c == "z":
            c = "s"
        elif c == "m":
            c = "n"
        elif name[i:i + 2] == "kn":
            c = "n"
        elif c == "k":
            c = "c"
        elif name[i:i + 3] == "sch":
            c, i = "sss", i + 2
        elif name[i:i + 2] == "ph":
            c, i = "ff", i + 1
        elif c == "h" and (name[i - 1] not in "aeiou" or (i + 1 < len(name) and name[i + 1] not in "aeiou")):
            c = name[i - 1]
        elif c == "w" and name[i - 1] in "aeiou":
            c = name[i - 1]
        if c[-1] != prev[-1]:
            key += c
        prev = c
        i += 1
    if key.endswith("s") and len(key) > 1:
        key = key[:-1]
    if key.endswith("ay"):
        key = key[:-2] + "y"
    if key.endswith("a") and len(key) > 1:
        key = key[:-1]
    return key[:8]


GENERATIONS = {"jr": "jr", "jnr": "jr", "junior": "jr", "sr": "sr", "snr": "sr", "senior": "sr",
               "ii": "ii", "iii": "iii", "iv": "iv"}


def name_keys(given, surname, suffix=""):
    g = fold(given)
    s = fold(surname)
    first = g.split(" ")[0] if g else ""
    nick = sorted(set([first] + NICKNAMES.get(first, []))) if first else []
    gen = GENERATIONS.get(fold(suffix).replace(" ", ""), "")
    return {"given": g, "surname": s, "gp": nysiis(first), "sp": nysiis(s.replace(" ", "")),
            "nick": ",".join(nick), "gen": gen}


def email_key(address):
    address = (address or "").strip().lower()
    if "@" not in address:
        return address
    local, domain = address.split("@", 1)
    if domain in ("gmail.com", "googlemail.com"):
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return local + "@" + domain


def tsv_row(truth, source, index, uid="", given="", surname="", suffix="", birthday="", emails=(),
            phones=(), addresses=(), orgs=(), profiles=(), kind="individual", household="", generation_pair=""):
    """One TSV line: see Tests/KithResolveTests/Bench/PrenormalizedTSV.swift for the layout."""
    k = name_keys(given, surname, suffix)
    clean = lambda v: (v or "").replace("\t", " ").replace("\n", " ").replace(";", ",").replace("|", "/")
    cols = [truth, str(source), str(index), clean(uid), k["given"], k["surname"], k["gp"], k["sp"], k["nick"], k["gen"],
            birthday or "",
            ";".join(clean(e) + "|" + clean(email_key(e)) for e in emails if e),
            ";".join(clean(n) + "|" + clean(t) for n, t in phones if n),
            ";".join("|".join(clean(x) for x in a) for a in addresses),
            ";".join(clean(fold(o)) for o in orgs if o),
            ";".join(clean(p) for p in profiles if p), kind, household, generation_pair]
    return "\t".join(cols)
