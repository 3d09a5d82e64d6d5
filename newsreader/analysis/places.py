"""Names of places: countries, regions, states and large cities.

A place named alone is no person: "India" or "Croydon" is never what "he" stands
for, and a country speaks only as its government does ("China accused ..."), like
an institution. Names that are also common given names or surnames (Jordan,
Georgia, Israel, Paris, Washington, Victoria, Chad ...) are left out: there the
text decides. Entries are lower case.
"""

from __future__ import annotations

_ONE_WORD = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chile china colombia
comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea
estonia eswatini ethiopia fiji finland france gabon gambia ghana greece grenada guatemala
guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland italy
jamaica japan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon
lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger
nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe britain england scotland wales gaza crimea
kashmir tibet europe asia africa antarctica
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont virginia wisconsin wyoming
london manchester birmingham liverpool leeds glasgow edinburgh cardiff belfast dublin
croydon brighton bristol oxford moscow kyiv kiev kharkiv odesa mariupol bucha berlin
munich hamburg frankfurt madrid barcelona rome milan naples vienna prague warsaw krakow
kraków budapest bucharest athens istanbul ankara beirut damascus baghdad tehran kabul
islamabad karachi delhi mumbai kolkata beijing shanghai shenzhen tokyo osaka seoul
pyongyang manila jakarta bangkok hanoi taipei melbourne brisbane toronto montreal
vancouver ottawa chicago boston seattle miami atlanta detroit baltimore philadelphia
brooklyn manhattan cairo nairobi lagos johannesburg riyadh dubai doha jerusalem geneva
zurich brussels amsterdam stockholm oslo copenhagen helsinki lisbon minsk tbilisi
""".split()

_SEVERAL_WORDS = """
burkina faso, sri lanka, united states, united kingdom, united arab emirates, saudi arabia,
south africa, south korea, north korea, new zealand, costa rica, el salvador, east timor,
ivory coast, sierra leone, south sudan, czech republic, dominican republic,
papua new guinea, great britain, northern ireland, hong kong, latin america, middle east,
west bank, new hampshire, new jersey, new mexico, new york, north carolina, north dakota,
rhode island, south carolina, south dakota, west virginia, new delhi, los angeles,
san francisco, san diego, new orleans, las vegas, cape town, tel aviv
""".replace("\n", " ").split(",")

PLACES: frozenset[str] = frozenset(_ONE_WORD) | frozenset(" ".join(p.split()) for p in _SEVERAL_WORDS)


def is_place(words) -> bool:
    """Whether capitalised words name a place ("India", "New York", "South Korea")."""
    return " ".join(w.lower() for w in words) in PLACES
