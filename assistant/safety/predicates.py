"""Harm and disclosure predicates: what a message says happened to (or was told by) a child.

A message describes a case when one of these matches together with a specific person
(``lexicon.STRONG_SUBJECTS`` / ``WEAK_SUBJECTS``). Written for ``normalise``d text.
"""

from __future__ import annotations

import re

from assistant.safety.word_classes import ADULT, CHILD, OBJ, rx

PREDICATES: list[tuple[str, re.Pattern[str]]] = [
    (
        "disclosure",
        rx(
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
        rx(
            r"hits",
            r"hitting",
            rf"hit {OBJ}",
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
        rx(
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
        rx(
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
        rx(
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
        rx(
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
        rx(
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
        rx(
            r"(?:scared|afraid|frightened|terrified|worried) (?:to go|of going) (?:back )?home",
            r"(?:doesnt|dont|didnt|does not|do not|wont|refuses to) (?:want to )?go (?:back )?home",
            r"(?:scared|afraid|frightened|terrified) of (?:her|his|my|their|him|them|the)",
            r"too scared",
            r"flinch\w*",
        ),
    ),
    (
        "exploitation",
        rx(
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
        rx(
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
        rx(
            rf"{ADULT} (?:hits|beats|attacks|hurts|threatens|strangles|pushed|punched|hit|kicked"
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
        rx(
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
        rx(
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
        rx(
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
        rx(
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
        rx(
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
