"""The key numbers and names of the source appear on the right pages, as a reader sees them.

Each row is one fact from the 2021 presentation (or, marked "later", from the public sources
the page names) and the page it must be on. Matching is on the rendered text of the page,
case-insensitive, with spaces folded, so wording around the fact is free.
"""

from __future__ import annotations

import pytest

from helpers import built_page, visible_text

# (page, text that must appear, where the fact comes from)
FACTS: list[tuple[str, str, str]] = [
    ("index.md", "2030", "slide 1: zero-emission major city by 2030"),
    ("index.md", "utslippsfri", "slide 1"),
    ("index.md", "Europa", "slide 1: services among the best in Europe"),
    ("index.md", "bydel", "slide 1: across departments, agencies and districts"),
    ("hovedmal/kunnskap.md", "erfaring", "Hovedmål slide 1, goal 1"),
    ("hovedmal/pavirkning.md", "overnasjonalt nivå", "Hovedmål slide 1, goal 2"),
    ("hovedmal/innovasjon.md", "konkurransedyktig", "Hovedmål slide 2, goal 1"),
    ("hovedmal/profilering.md", "profilering", "Hovedmål slide 2, goal 2"),
    ("virkemidler/index.md", "endres", "Virkemidler: reviewed and changed as needed"),
    ("virkemidler/index.md", "Samarbeidsbyer", "Virkemidler: instrument 3"),
    ("virkemidler/eu-eos-prosjekter.md", "EØS", "Virkemidler: instrument 2"),
    ("interreg-oks/2014-2020.md", "11 regioner", "ØKS 2014-2020"),
    ("interreg-oks/2014-2020.md", "tre land", "ØKS 2014-2020"),
    ("interreg-oks/2014-2020.md", "50 %", "ØKS 2014-2020: co-financing rate"),
    ("interreg-oks/2014-2020.md", "grenseregional merverdi", "ØKS 2014-2020"),
    ("interreg-oks/2021-2027.md", "140 millioner euro", "ØKS 2021-2027: budget"),
    ("interreg-oks/2021-2027.md", "Støtteprosent?", "ØKS 2021-2027: open question, quoted"),
    ("interreg-oks/2021-2027.md", "Uavklart i 2021", "ØKS 2021-2027: open question marked"),
    ("interreg-oks/nokkelfakta.md", "140 millioner euro", "conclusion: about 140 MEUR"),
    ("interreg-oks/nokkelfakta.md", "11 regioner", "conclusion"),
    ("interreg-oks/nokkelfakta.md", "2. kvartal 2022", "conclusion: first call at the earliest"),
    ("interreg-oks/nokkelfakta.md", "Göteborg", "conclusion: secretariat"),
    ("interreg-oks/nokkelfakta.md", "København", "conclusion: secretariat"),
    ("interreg-oks/nokkelfakta.md", "Malmö", "conclusion: managing authority"),
    ("interreg-oks/nokkelfakta.md", "Viken", "conclusion: Norwegian managing organisation"),
    ("interreg-oks/nokkelfakta.md", "60 %", "later: Danish/Swedish rate settled at 60 %"),
    ("interreg-oks/nokkelfakta.md", "8. juli 2022", "later: programme approved"),
    ("interreg-oks/nokkelfakta.md", "Tillväxtverket", "later: managing authority"),
    ("interreg-oks/nokkelfakta.md", "Oppdatering", "later facts are marked as updates"),
    ("prioriteringer/po1.md", "1.1", "PO1: objectives 1.1 and 1.4"),
    ("prioriteringer/po1.md", "1.4", "PO1"),
    ("prioriteringer/po2.md", "2.2", "PO2: objectives 2.2, 2.4, 2.6"),
    ("prioriteringer/po2.md", "2.4", "PO2"),
    ("prioriteringer/po2.md", "2.6", "PO2"),
    ("prioriteringer/po3.md", "3.2", "PO3: sustainable mobility"),
    ("prioriteringer/po3.md", "TEN-T", "PO3"),
    ("prioriteringer/po4.md", "4.1", "PO4: labour market"),
    ("prioriteringer/po4.md", "PO4", "PO4: the slip 'under PO3' is corrected"),
    ("sarskilte-mal/index.md", "RSO4.1", "Regulation (EU) 2021/1058: the codes, explained once"),
    ("sarskilte-mal/1-1.md", "innovasjon", "PO1 slide: 1.1"),
    ("sarskilte-mal/1-4.md", "smart spesialisering", "PO1 slide: 1.4"),
    ("sarskilte-mal/2-2.md", "fornybar energi", "PO2 slide: 2.2"),
    ("sarskilte-mal/2-4.md", "klimatilpas", "PO2 slide: 2.4"),
    ("sarskilte-mal/2-6.md", "sirkulær", "PO2 slide: 2.6"),
    ("sarskilte-mal/3-2.md", "TEN-T", "PO3 slide"),
    ("sarskilte-mal/3-2.md", "intermodal", "PO3 slide"),
    ("sarskilte-mal/3-2.md", "RSO3.2", "later: Regulation (EU) 2021/1058"),
    ("sarskilte-mal/4-1.md", "PO4", "PO4 slide, slip corrected"),
    ("sarskilte-mal/4-1.md", "RSO4.1", "later: Regulation (EU) 2021/1058"),
    ("mobilitet/dimensjoner.md", "kollektivtrafikk", "three dimensions: 1"),
    ("mobilitet/dimensjoner.md", "IKT", "three dimensions: 2"),
    ("mobilitet/dimensjoner.md", "transportkorridorer", "three dimensions: 3"),
    ("mobilitet/prosjekttyper.md", "transportstrømmer", "project types: analyses"),
    ("mobilitet/prosjekttyper.md", "havner", "project types: cooperation networks"),
    ("mobilitet/prosjekttyper.md", "ladeinfrastruktur", "project types: tests"),
    ("mobilitet/prosjekttyper.md", "ScanMed", "project types: corridor alliances"),
    ("mobilitet/prosjekttyper.md", "logistikkløsninger", "project types: logistics"),
    ("mobilitet/prosjekttyper.md", "skipsfart", "project types: shipping footprint"),
    ("ordliste.md", "TEN-T", "glossary"),
    ("ordliste.md", "ScanMed", "glossary"),
    ("ordliste.md", "ERDF", "glossary"),
    ("ordliste.md", "EFRU", "glossary"),
    ("ordliste.md", "EØS", "glossary"),
    ("ordliste.md", "Støtteprosent", "glossary: the programme's share, at most"),
    ("ordliste.md", "medfinansieringsgrad", "ØKS 2014-2020 slide: the synonym, named once"),
    ("ordliste.md", "Egenfinansiering", "glossary: what the partner pays itself"),
    ("ordliste.md", "ERUF", "later: the Swedish abbreviation, in the glossary only"),
    ("ordliste.md", "2024/1679", "later: the nine European Transport Corridors, stated once"),
    ("ordliste.md", "Grenseregional merverdi", "glossary"),
    ("ordliste.md", "Intermodal", "glossary"),
    ("om/kilder.md", "Internasjonalt arbeid i Oslo kommune", "sources: the presentation"),
    ("om/kilder.md", "2021/1058", "sources: the regulation"),
    ("om/kilder.md", "interreg.no", "sources"),
]


# The same key facts in the English edition.
FACTS_EN: list[tuple[str, str, str]] = [
    ("index.md", "2030", "slide 1"),
    ("interreg-oks/index.md", "Interreg Öresund-Kattegat-Skagerrak", "later: English name"),
    ("interreg-oks/index.md", "ØKS", "later: the Norwegian name is given too"),
    ("interreg-oks/2021-2027.md", "140 million euro", "ØKS 2021-2027: budget"),
    ("interreg-oks/nokkelfakta.md", "11 regions", "conclusion"),
    ("interreg-oks/nokkelfakta.md", "Gothenburg", "conclusion: secretariat"),
    ("interreg-oks/nokkelfakta.md", "Malmö", "conclusion: managing authority"),
    ("interreg-oks/nokkelfakta.md", "Viken", "conclusion"),
    ("interreg-oks/nokkelfakta.md", "8 July 2022", "later: programme approved"),
    ("sarskilte-mal/2-2.md", "renewable energy", "PO2 slide: 2.2"),
    ("sarskilte-mal/3-2.md", "improved access to TEN-T", "later: official RSO3.2 wording"),
    ("sarskilte-mal/4-1.md", "labour market", "PO4 slide"),
    ("sarskilte-mal/4-1.md", "PO4", "PO4 slide, slip corrected"),
    ("mobilitet/prosjekttyper.md", "ScanMed", "project types"),
    ("ordliste.md", "co-financing rate", "glossary: the programme's share, at most"),
    ("ordliste.md", "own contribution", "glossary: what the partner pays itself"),
    ("ordliste.md", "European Transport Corridors", "later: Regulation (EU) 2024/1679"),
]


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize(("page", "fact", "origin"), FACTS, ids=[f"{p}:{f}" for p, f, _ in FACTS])
def test_fact_is_on_its_page(built_site, page: str, fact: str, origin: str) -> None:
    assert built_site.returncode == 0, built_site.log
    text = visible_text(built_page(built_site.site_dir, page).read_text(encoding="utf-8"))
    assert _fold(fact) in _fold(text), f"{fact!r} ({origin}) is not on {page}"


@pytest.mark.parametrize(
    ("page", "fact", "origin"), FACTS_EN, ids=[f"en/{p}:{f}" for p, f, _ in FACTS_EN]
)
def test_english_fact_is_on_its_page(built_site, page: str, fact: str, origin: str) -> None:
    text = visible_text(built_page(built_site.site_dir, f"en/{page}").read_text(encoding="utf-8"))
    assert _fold(fact) in _fold(text), f"{fact!r} ({origin}) is not on en/{page}"


def test_later_facts_are_never_shown_as_the_2021_text(built_site) -> None:
    """The settled 60 % is shown as an update: the page still says it was open in 2021."""
    text = _fold(
        visible_text(
            built_page(built_site.site_dir, "interreg-oks/nokkelfakta.md").read_text(
                encoding="utf-8"
            )
        )
    )
    assert "uavklart" in text and "oppdatering" in text
    assert text.index("uavklart") < text.rindex("60 %")
