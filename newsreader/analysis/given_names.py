"""Common given names whose bearer is, with few exceptions, a woman or a man.

A weak signal, used only where an article's own words (a title, "his", "she")
say nothing: names given to both sexes (Alex, Sam, Jordan, Robin, Dana, Jean,
Andrea, ...) are left out on purpose. Lower case; lookups fold case.
"""

from __future__ import annotations

FEMALE: frozenset[str] = frozenset(
    """abigail ada adele adriana agnes aisha alice alicia alison amanda amelia amira
    amy ana anastasia angela angelica anita ann anna anne annette annie antonia
    april ariana audrey barbara beatrice beatriz belinda bernadette beth bethany
    betty beverley beverly bev bianca brenda bridget brigitte calla camila carla
    carmen carol caroline carolyn catherine cathy cecilia celia charlotte cheryl
    chloe christina christine claire clara claudia colette constance cynthia daisy
    daniela danielle daphne deborah debbie debra delia denise diana diane dolores
    donna doris dorothy edith eileen elaine eleanor elena eleni elisabeth eliza
    elizabeth ella ellen eloise elsa emilia emily emma erica erin esther eva evelyn
    fatima fiona florence frances francesca freya gabriela gabrielle gemma georgia
    geraldine gillian gina giulia gloria grace gretchen gwen hannah harriet hazel
    heather heidi helen helena hilary hilda holly ida ines ingrid irene iris isabel
    isabella ivy jacqueline jane janet janice jasmine jennifer jenny jessica jill
    joan joanna joanne josephine joy joyce judith judy julia julie juliet june
    karen katarina kate katherine kathleen kathryn katie katrin kayla kelly kirsten
    lara laura lauren leah leila lena lily linda lisa liz lois loretta lorraine
    louise lucia lucy lydia lynn mabel madeleine maggie magdalena maria marianne
    marie marilyn marina marion marjorie martha mary matilda maureen maxine megan
    melanie melissa mia michelle mildred miriam molly monica monika nadia nancy
    naomi natalia natalie natasha nicola nicole nina nora norma olga olivia pamela
    patricia paula pauline peggy penelope petra phyllis polly priya rachel rebecca
    regina renata rita roberta rosa rosalind rose rosemary ruth sabrina sally
    samantha sandra sara sarah sharon sheila shirley silvia simone sofia sonia
    sophia sophie stella stephanie susan susanne suzanne sylvia tamara tanya teresa
    theresa tina tracy ursula valentina valerie vanessa vera veronica victoria
    violet virginia vivian wanda wendy yasmin yvonne zoe zofia""".split()
)

MALE: frozenset[str] = frozenset(
    """aaron abdul adam adrian ahmed alan albert alberto aleksandr alexander alexei
    alfred ali andrew andrei angus anthony antonio arnold arthur barry ben benjamin
    bernard bernie bill billy bob boris brad brandon brendan brian bruce bruno
    calvin carl carlos cedric charles chris christopher clarence claude clive colin
    craig curtis dale damian daniel darren david dean dennis derek desmond dev
    dieter dmitri dominic don donald douglas duncan dwight earl eddie edgar edmund
    eduardo edward edwin elijah elliot emil emmanuel enrique eric ernest ethan
    eugene evan fabian felix fernando francis francisco frank franz fred frederick
    gareth gary gavin geoffrey george gerald gerard gianni giovanni giuseppe glen
    glenn gordon graham grant greg gregory gunther gustav hamish hans harold harry
    harvey hassan hector henry herbert howard hugh hugo ian ibrahim igor isaac ivan
    jack jacob jake james jason jeff jeffrey jeremy jerome jim jimmy joe joel john
    johann johannes jonathan jorge jose joseph joshua juan julian justin karl keith
    ken kenneth kevin klaus kurt lance larry lawrence leo leon leonard liam lloyd
    louis luca lucas luigi luis luke malcolm manuel marc marco marcus mario mark
    martin matteo matthew maurice max michael miguel mike mikhail mohammed muhammad
    nathan neil nicholas nick nigel noah norman oliver omar oscar otto owen pablo
    patrick paul pedro peter philip phillip pierre raymond reginald ricardo richard
    rick robert roberto rodney roger roland ronald ross roy rupert russell ryan
    salvatore samuel scott sean sebastian sergei sergey seth simon stanley stefan
    stephen steve steven stuart sven ted terence terry theodore thomas tim timothy
    tobias todd tom tommy tony travis trevor tyler victor vincent vladimir walter
    warren wayne wesley wilhelm william willie wolfgang yusuf yuri zachary""".split()
)


def gender_of(given: str) -> str:
    """'f', 'm' or '?' for a given name."""
    low = given.lower()
    if "-" in low and low not in FEMALE and low not in MALE:
        low = low.rpartition("-")[2]  # Jean-Marc, Anne-Marie: the last part says
    return "f" if low in FEMALE else "m" if low in MALE else "?"


# Given names borne by women and men alike: no sex, but still a sign of a person.
EITHER: frozenset[str] = frozenset(
    """alex ali andrea ashley avery bailey blair cameron carey casey charlie chris
    dakota dana drew eden elliott emerson frankie gene hayden jackie jamie jean jesse
    jordan kai kelly kendall kim kris lee leslie logan morgan nicky noel pat peyton
    quinn reese riley robin rowan ryan sam sasha shawn skyler stevie sydney taylor
    terry toni tracy""".split()
)


def is_given(word: str) -> bool:
    """Whether ``word`` is a common given name of either sex."""
    low = word.lower()
    return low in EITHER or gender_of(low) != "?"
