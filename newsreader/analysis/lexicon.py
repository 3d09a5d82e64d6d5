"""Word lists the quote finder leans on: speech verbs, titles, roles, function words.

Kept apart from the logic so a list can grow without touching a rule. Every entry
is lower case; lookups fold case first.
"""

from __future__ import annotations


def _inflect(base: str) -> set[str]:
    """Regular forms of a verb: base, -s, -ed, -ing (good enough for a lookup set)."""
    forms = {base}
    if base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and base[-2:-1] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    return forms


_REGULAR = """
add acknowledge admit advise affirm agree allege announce answer argue ask assert
boast blast brag caution charge chide cite claim comment complain concede conclude
confide confirm contend continue counter cry declare demand deny describe disagree
disclose echo emphasise emphasize exclaim explain gush hail insist interject
insinuate joke lament laugh maintain mention mock muse mutter murmur note object
observe plead point post predict proclaim promise pronounce propose protest query
question quip reason rebut recall recount reflect reiterate rejoin remark remind
reply report respond retort reveal scoff scream shout sigh snap sneer state stress
suggest summarise summarize tease testify thunder tweet underline underscore urge
vow warn whisper wonder yell caution recommend repeat sum quote
counsel complain huff pledge threaten acknowledge estimate
implore blurt exhort chant liken chime fume vent tout imply rail gripe bemoan concur
scold rant grumble marvel opine surmise assure deadpan rave grouse taunt jeer bellow
holler shriek sob stammer stutter lash
""".split()

_IRREGULAR = """
say says said saying tell tells told telling write writes wrote written writing
speak speaks spoke spoken speaking put puts putting
""".split()

SPEECH_VERBS: frozenset[str] = frozenset(
    set(_IRREGULAR).union(*(_inflect(v) for v in _REGULAR))
    | {"stressed", "snapped", "quipped", "admitted", "admitting", "emailed",
       "texted", "messaged", "blogged", "posted", "conceded", "referred"}
)

# Verbs that take the quote as the thing named ("called it “...”"): attribution holds
# only for a quote that follows in the same clause.
NAMING_VERBS: frozenset[str] = frozenset(
    "call calls called calling dub dubs dubbed dubbing label labels labelled labeled "
    "branded brand brands termed".split()  # ("terms" is a noun more often: "App Store terms")
) | frozenset().union(*(_inflect(v) for v in
                        """praise criticise criticize accuse condemn welcome dismiss slam
                        decry denounce applaud hail blast defend reject""".split()))

# Words that open a descriptive speaker: "the report said", "one resident added".
DETERMINERS: frozenset[str] = frozenset(
    "the a an one another this that these those his her its their our some several many most few both".split()
)

# Determiners that introduce someone new: "a witness said", "another added".
INDEFINITES: frozenset[str] = frozenset("a an one another some several many most few both".split())

# Things that speak in print: "the report says", "the editorial read".
DOCUMENTS: frozenset[str] = frozenset(
    """report reports statement statements editorial editorials letter letters ad ads advert
    advertisement poll polls survey surveys study studies lawsuit suit complaint column
    email emails post release memo memorandum ruling rulings verdict opinion order tweet
    tweets video book article website site message document filing indictment transcript
    petition sign banner note notice caption headline slogan motion bill law plan proposal
    analysis audit review paper guidance policy manifesto platform script narrator voiceover
    announcement warning alert page profile biography""".split()
)

# Verbs after which "to" opens an infinitive ("promised to cut"), not a listener
# ("said to cheers", "wrote to staff").
INFINITIVE_VERBS: frozenset[str] = frozenset().union(*(_inflect(v) for v in
    """promise vow pledge threaten agree refuse decline offer plan want hope continue urge
    ask vote move rise seek try attempt expect intend need claim appear seem""".split()))

# Cues that count only right after a quotation and its speaker ("“...,” the sign read").
TRAILING_VERBS: frozenset[str] = frozenset("read reads wrote chimed shot began begins sings sang".split())

# Words that stop a backwards search for the subject of a verb: a new clause begins.
CLAUSE_BREAKS: frozenset[str] = frozenset(
    "and but or because while whereas although though since when after before if "
    "that which who whom whose where".split()
)

# "it" ("o") stands for an institution: "“...,” it said in a statement."
PRONOUNS: dict[str, str] = {"he": "m", "she": "f", "they": "p", "i": "?", "we": "p", "it": "o"}

# Titles written before a name and kept apart from it.
TITLES: frozenset[str] = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady rev reverend fr father
    sen senator rep representative gov governor gen general lt col colonel capt captain
    sgt sergeant adm admiral maj major cmdr judge justice president vice prime minister
    premier chancellor secretary ambassador mayor king queen prince princess pope
    sheikh emir ayatollah imam rabbi bishop cardinal chief chairman chairwoman ceo
    spokesman spokeswoman spokesperson director commissioner deputy foreign interior
    defence defense finance state national security home trade economy health
    speaker leader minister's coach manager officer inspector superintendent detective
    constable envoy adviser advisor aide analyst expert founder editor host anchor
    correspondent reporter councillor councilor councilman councilwoman dean provost
    attorney prosecutor lawyer economist scientist researcher executive striker
    goalkeeper defender midfielder winger captain forward skipper veteran rookie
    delegate negotiator singer actor actress rapper musician artist writer novelist
    poet comedian designer chef filmmaker producer entrepreneur businessman
    businesswoman billionaire campaigner activist pastor priest mp msp mep mla
    backbencher meteorologist forecaster historian novelist playwright pilot
    fisherman farmer watchman chairperson commodore brigadier marshal lieutenant
    corporal superintendent
    cllr clr supt insp det pc dc ds cpl pte mx msgr hon rt ald alderman
    councilmember congressman congresswoman assemblyman assemblywoman
    guitarist bassist drummer pianist violinist cellist saxophonist trumpeter
    vocalist percussionist keyboardist conductor composer songwriter
    photographer architect engineer surgeon physician nurse paramedic firefighter
    teacher headteacher headmaster headmistress principal librarian curator
    sculptor painter dancer choreographer broadcaster journalist columnist
    presenter commentator pundit referee umpire trainer jockey batsman bowler
    quarterback pitcher sprinter cyclist swimmer goalie
    chemist biologist physicist epidemiologist virologist psychologist
    psychiatrist pharmacist dentist veterinarian vet coroner pathologist
    archaeologist geologist climatologist astronomer ecologist
    solicitor barrister magistrate sheriff trooper deputy warden""".split()
)

# Role nouns an attribution may rest on ("the spokesman said"); a role resolves to a
# person the article named with that role.
ROLES: frozenset[str] = frozenset(
    """spokesman spokeswoman spokesperson minister president premier chancellor secretary
    ambassador mayor governor senator official officials leader chairman chairwoman
    ceo director commissioner analyst expert professor lawyer attorney prosecutor judge
    coach manager officer envoy adviser advisor aide economist scientist researcher
    executive founder chief general commander king queen prince pope source sources
    diplomat diplomats lawmaker lawmakers legislator spokespeople representative
    police witness witnesses resident residents author authors
    ministry department company government agency court party campaign
    organisers organizers doctor doctors nurse teacher student activist activists
    host interviewer candidate owner delegate delegates negotiator negotiators worker workers father mother son daughter wife husband
    sister brother man woman whistleblower backbencher mp msp mep mla meteorologist
    forecaster fan passenger neighbour neighbor survivor victim historian singer actor
    actress rapper artist writer chef operator firm carmaker promoter charity
    organisation organization watchdog regulator union statement boss commission
    council committee embassy institute""".split()
)

# Role nouns that name an institution rather than a person: a name beside one is an
# institution ("the promoter, Brightline Live"), and one that names nobody resolves to
# the institution last mentioned ("the company said in a statement").
ORG_ROLES: frozenset[str] = frozenset(
    """company firm carmaker operator promoter charity organisation organization
    watchdog regulator union ministry department agency government statement group
    airline bank retailer insurer broadcaster network commission council committee
    embassy institute""".split()
)

# Institution nouns for a business, and the head words of names of public bodies,
# unions and charities that "the company" never stands for.
BUSINESS_NOUNS: frozenset[str] = frozenset(
    "company firm carmaker operator airline bank retailer insurer broadcaster network group".split())
PUBLIC_HEADS: frozenset[str] = frozenset(
    """council commission committee ministry department agency government parliament
    court police union alliance federation association fund trust foundation charity
    institute university service authority board office embassy project coalition
    society league party""".split())

ROLE_SYNONYMS: dict[str, str] = {
    "spokeswoman": "spokesman", "spokesperson": "spokesman", "spokespeople": "spokesman",
    "chairwoman": "chairman", "advisor": "adviser", "premier": "minister",
    # abbreviated titles: "Gov. X" is the one "the governor" means later
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "amb": "ambassador", "supt": "superintendent", "insp": "inspector", "det": "detective",
    "sgt": "sergeant", "capt": "captain", "lt": "lieutenant", "col": "colonel",
    "adm": "admiral", "cmdr": "commander", "cllr": "councillor", "councilor": "councillor",
}

# Last words that make a capitalised run an institution rather than a person.
ORG_HEADS: frozenset[str] = frozenset(
    """house kremlin pentagon ministry department office council commission committee
    agency court government parliament congress senate assembly party union bank
    police army navy force forces command service services bureau administration
    university institute foundation association federation corporation company
    group inc corp ltd plc times post news journal press network organisation
    organization alliance nato un eu fund authority board cabinet palace embassy
    downing street hall centre center club league motors holdings airlines airways
    energy systems technologies pharmaceuticals securities capital partners trust
    media studios records industries labs institution foods brands logistics rail
    railways transit shipping airline motors steel mining petroleum oil gas electric
    power telecom telecoms solutions enterprises ventures investors management
    pharma insurance devices electronics robotics semiconductors materials
    instruments networks dynamics therapeutics biosciences sciences healthcare
    entertainment pictures publishing products outfitters apparel aerospace
    automotive chemicals engineering construction properties realty developments
    hotels resorts restaurants markets stores clinic hospital research analytics
    consulting associates bancorp financial project projects campaign coalition
    society trust cooperative co-op collective initiative air express cargo freight
    water utilities mobile wireless software games""".split()
)

# Capitalised words that are never a speaker's name by themselves.
STOPWORDS: frozenset[str] = frozenset(
    """a an the this that these those it its it's there here then but and or so yet
    if when while after before as at by for from in into of on onto over to with
    without under about against between during since until upon via per not no yes
    i we you he she they me us him her them my our your his their mine what which
    who whom whose where why how all any each every some many most more much other
    such one two three four five six seven eight nine ten first last next new also
    however meanwhile still even just only though although because instead indeed
    therefore thus hence moreover furthermore nonetheless nevertheless otherwise likewise
    asked asks said says according today yesterday tomorrow tonight monday tuesday
    wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep
    sept oct nov dec mon tue wed thu fri sat sun mr mrs ms dr is was are were be been
    has have had do does did will would can could should shall might must let our
    q a read more see click share follow subscribe related photo video watch
    gmt utc bst cet cest eet est edt cst cdt mst mdt pst pdt ist jst kst aest aedt nzst
    mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends""".split()
)  # (the last line: time zones, as in a live blog's "21:10 IST")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: frozenset[str] = frozenset(
    """mr mrs ms dr prof sr jr st sen rep gov gen lt col capt sgt adm maj cmdr rev fr
    jan feb mar apr jun jul aug sep sept oct nov dec no vs etc inc corp ltd co
    approx dept est fig mt ft ave blvd hon cllr clr supt insp det cpl pte msgr mx
    prof sgt""".split()
)

# Particles that belong inside a name in lower case.
PARTICLES: frozenset[str] = frozenset(
    "von van der den de del della di da du la le bin ibn al el dos das y ter".split()
)

# Labels that open an interview turn without being a name.
TURN_LABELS: frozenset[str] = frozenset(
    "q a question answer interviewer host moderator reporter presenter".split()
)

# Reporting nouns and phrases: "according to X", "in a statement".
ACCORDING = ("according", "to")
