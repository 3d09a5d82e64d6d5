"""find_quotes: general attribution rules, each on small sentences written for it."""

from __future__ import annotations

from newsreader.analysis import find_quotes


def spoken(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start:q.end], q.speaker) for q in find_quotes(text)]


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in find_quotes(text)]


def test_qa_asker_is_the_journalist_met_by_the_pronoun_subject():
    text = ("Ola Brenn has run the ferry since 1990. Her last crossing is in May. "
            "She talked with Gazette correspondent Piet Vos on deck.\n\n"
            "Q: Will you miss it?\n\n"
            "A: Every day, I expect.\n\n"
            "Q: What comes next?\n\n"
            "A: A garden, and no timetables.")
    assert speakers(text) == ["Piet Vos", "Ola Brenn", "Piet Vos", "Ola Brenn"]


def test_qa_answerer_is_the_person_named_most_in_the_introduction():
    text = ("Nils Arvo met Tilde Sand in Bergen. Tilde Sand has kept bees for forty years; "
            "Sand says the hives saved her.\n\n"
            "Q: Why bees?\n\n"
            "A: Because they never ask questions.\n\n"
            "Q: And honey?\n\n"
            "A: A happy accident.")
    assert speakers(text) == ["Nils Arvo", "Tilde Sand", "Nils Arvo", "Tilde Sand"]
