"""The one table from a country to the continent the ICOR counts it in.

Continents as the member table of the seed article groups them: Latin America includes Mexico,
Central America and the Caribbean; Turkey, Cyprus and Russia are in Europe; Egypt is in Africa.
Uninhabited territories (Antarctica, Bouvet Island and the like) are not in the table, so no
picker offers them. Every country of the seed table is checked against it by a test.
"""

from __future__ import annotations

from typing import Final

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from icor.core.collation import country_choices as collated_countries
from icor.registry.models import Continent, Organization

_CODES: Final[dict[Continent, str]] = {
    Continent.AFRICA: (
        "DZ AO BJ BW BF BI CV CM CF TD KM CG CD CI DJ EG GQ ER SZ ET GA GM GH GN GW KE LS LR LY MG "
        "MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW EH RE YT SH"
    ),
    Continent.ASIA: (
        "AF AM AZ BH BD BT BN KH CN GE HK IN ID IR IQ IL JP JO KZ KW KG LA LB MO MY MV MN MM NP KP "
        "OM PK PS PH QA SA SG KR LK SY TW TJ TH TL TM AE UZ VN YE"
    ),
    Continent.EUROPE: (
        "AL AD AT BY BE BA BG HR CY CZ DK EE FI FR DE GR HU IS IE IT LV LI LT LU MT MD MC ME NL MK "
        "NO PL PT RO RU SM RS SK SI ES SE CH TR UA GB VA FO GI IM JE GG AX"
    ),
    Continent.LATIN_AMERICA: (
        "AR BO BR CL CO CR CU DO EC SV GT HT HN JM MX NI PA PY PE PR TT UY VE BS BB BZ DM GD GY KN "
        "LC VC SR GF GP MQ AW CW BQ SX MF BL AI VG VI KY TC MS FK"
    ),
    Continent.NORTH_AMERICA: "US CA GL BM PM",
    Continent.OCEANIA: "AU NZ FJ PG SB VU NC PF WS TO KI TV NR MH FM PW CK NU GU MP AS WF TK NF PN",
}

CONTINENT_OF: Final[dict[str, Continent]] = {
    code: continent for continent, codes in _CODES.items() for code in codes.split()
}


def continent_of(country_code: str) -> Continent | None:
    """The continent of a country (ISO 3166-1 alpha-2), or None for a territory the table leaves out."""
    return CONTINENT_OF.get(str(country_code).upper())


def country_choices(members_first: QuerySet[Organization] | None = None) -> list[tuple[str, object]]:
    """Countries for a picker: those of member organizations first, then every other inhabited one."""
    known = [(code, name) for code, name in collated_countries() if code in CONTINENT_OF]
    organizations = Organization.objects.all() if members_first is None else members_first
    member_codes = {str(code) for code in organizations.values_list("country", flat=True).distinct()}
    first = [(code, name) for code, name in known if code in member_codes]
    rest = [(code, name) for code, name in known if code not in member_codes]
    if not first:
        return list(rest)
    return [
        (str(_("Countries of member organizations")), first),
        (str(_("Other countries")), rest),
    ]
