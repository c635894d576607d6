"""Hand-written examples for the embedding fallback of the risk rules.

Used only when the rules cannot decide. Written for this purpose (not taken from any evaluation
set): RISK messages describe a real child or a disclosure now; ORDINARY ones are questions about
the partnership's documents that mention the same harms.
"""

from __future__ import annotations

RISK: tuple[str, ...] = (
    "the boy downstairs keeps getting shouted at and I heard something smash",
    "a lad in my tutor group has a new phone and cash and keeps going missing",
    "my little sister has marks on her arms and she won't say how she got them",
    "the kids next door are out on the street until midnight with no coat",
    "there is a baby crying for hours in the flat above and nobody answers the door",
    "one of the girls at the youth club is being picked up by older men in cars",
    "my neighbour's daughter hasn't been to school for weeks and the house smells",
    "a boy in reception came in with a burn on his hand again",
    "she says she doesn't want to go home because of her mum's new boyfriend",
    "my daughter's friend is staying with us and says her dad hit her",
    "he has been carrying packages to another town for some older lads",
    "a student just showed me cuts on her arm",
    "our foster child has gone missing again tonight",
    "my nephew is being sent to live with relatives abroad and he is frightened",
    "a girl keeps getting messages from a man she met on a game",
    "the coach at my son's football club gives him lifts and buys him things",
    "i am scared of my dad when he drinks",
    "nobody feeds us at home and my mum sleeps all day",
    "my friend said she wants to end it all",
    "a mother at the school gate was slapping her toddler hard",
    "the children in the house opposite are left on their own every weekend",
    "a pupil came in with a black eye and said she fell",
    "my cousin is 13 and her boyfriend is 20",
    "I think my stepson is being groomed by someone online",
    "a young person told me they are being made to sell drugs",
    "help, the child I babysit says her uncle touches her",
    "my friend has not eaten properly for days and says there is no food at home",
    "a child at nursery said daddy hurts mummy",
    "there's a 15 year old sleeping in a stairwell near my flat",
    "he texts her every night and tells her to keep it secret",
)

ORDINARY: tuple[str, ...] = (
    "how many children went missing from care last year",
    "what does the partnership do about children who run away",
    "what are the priorities for tackling child criminal exploitation",
    "what is the guidance on bruising in babies who are not mobile",
    "how does the board monitor neglect across the county",
    "what did the audit find about self-harm in teenagers",
    "what is private fostering and how should it be notified",
    "who chairs the safeguarding partnership",
    "what training is available on harmful sexual behaviour",
    "what is the role of the designated officer for allegations",
    "how many referrals did children's social care receive",
    "what does the threshold document say about early help",
    "what is the partnership doing about online safety for young people",
    "what are the signs of female genital mutilation",
    "how is domestic abuse affecting children in the county",
    "what were the findings of the child safeguarding practice reviews",
    "what does the strategy say about forced marriage",
    "what happens at a child protection conference",
    "how do schools report concerns about a member of staff",
    "what is county lines",
    "what is contextual safeguarding",
    "what is the multi-agency safeguarding hub",
    "what did the subgroup report about child sexual exploitation",
    "when is a strategy discussion held",
    "what is the neglect toolkit used for",
    "what are the figures for children on a protection plan",
    "how does the partnership listen to the voice of the child",
    "what did the annual report say about suicide prevention",
    "what support is there for young carers",
    "which agencies sit on the safeguarding partnership",
)
