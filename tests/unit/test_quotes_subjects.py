"""find_quotes: the speaker mention is the whole subject noun phrase before the cue,
on sentences written for it (an owner's office or aide, a quantified group, a name
that is also a modal verb, a pronoun inside a reported clause)."""

from __future__ import annotations

from tests.unit.quoted import said


def test_an_owners_office_after_the_quotation_is_the_speaker():
    text = ("Mayor Ines Varga met the ferry board on Monday.\n\n"
            "“We will not comment on private talks,” Varga’s office said in a statement.")
    assert said(text) == [("We will not comment on private talks,", "Ines Varga’s office", "Varga’s office")]


def test_an_owners_office_before_a_reported_clause_is_the_speaker():
    text = ("Senator Pol Arnesen left early.\n\n"
            "Arnesen’s office said on Tuesday that the talks had been “frank and useful.”")
    assert said(text) == [("frank and useful.", "Pol Arnesen’s office", "Arnesen’s office")]


def test_an_owners_legal_team_speaks_not_the_owner():
    text = "Ana Lindqvist lost the appeal. Lindqvist’s legal team said the ruling was “deeply flawed.”"
    assert said(text) == [("deeply flawed.", "Ana Lindqvist’s legal team", "Lindqvist’s legal team")]


def test_a_party_tag_after_the_subject_does_not_hide_it():
    text = ("After the court struck down the fee, Sen. Ana Ruiz (D-Ore.) blamed the judges' "
            "“contempt for working harbours.”")
    assert said(text) == [("contempt for working harbours.", "Ana Ruiz", "Ana Ruiz")]
