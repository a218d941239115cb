"""What the partners app holds about a member (registered in PartnersConfig.ready)."""

from members.personal_data import PersonalData


def export(user) -> dict:
    return {
        # The organisations the member linked themselves to, and those they proposed.
        "organisations": [
            {
                "organisation": affiliation.organisation.name,
                "role": affiliation.role,
                "linked": affiliation.created.isoformat(),
            }
            for affiliation in user.affiliations.select_related("organisation").order_by("created")
        ],
        "proposed_organisations": [
            {
                "name": organisation.name,
                "status": organisation.status,
                "proposed": organisation.created.isoformat(),
            }
            for organisation in user.proposed_organisations.order_by("created")
        ],
    }


PERSONAL_DATA = PersonalData(
    app="partners",
    holds=(
        "partners.Affiliation.user",
        "partners.Organisation.proposed_by",
        "partners.HistoricalOrganisation.proposed_by",
    ),
    export=export,
)
