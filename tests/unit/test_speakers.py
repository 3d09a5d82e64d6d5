"""Speaker keys across articles: surnames, transliterations, titles."""

from newsreader.analysis.speakers import person_key, same_person


def test_transliterations_share_a_key():
    assert person_key("Sergey Lavrov") == person_key("Sergei Lavrov") == person_key("Lavrov")
    assert person_key("Volodymyr Zelenskyy") == person_key("Zelensky")
    assert person_key("Dr. Elena Petrova") == person_key("Petrova")


def test_same_person():
    assert same_person("Sergey Lavrov", "Sergei Lavrov")
    assert same_person("Lavrov", "Sergei Lavrov")
    assert same_person("President Donald Trump", "Donald Trump")
    assert not same_person("Donald Trump", "Melania Trump")
    assert not same_person("Sergei Lavrov", "Dmitry Peskov")
    assert not same_person("", "Peskov")
