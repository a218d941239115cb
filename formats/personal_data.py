"""What the Format Library holds about a member (registered in FormatsConfig.ready)."""

from members.personal_data import PersonalData


def export(user) -> dict:
    return {
        "recorded_outcomes": [
            {
                "event": outcome.event.title,
                "attendance": outcome.attendance,
                "recorded": outcome.created.isoformat(),
            }
            for outcome in user.recorded_outcomes.select_related("event").order_by("created")
        ],
        "published_formats": [
            {"format": format.title, "published": format.created.isoformat()}
            for format in user.published_formats.order_by("created")
        ],
    }


PERSONAL_DATA = PersonalData(
    app="formats", holds=("formats.Outcome.recorded_by", "formats.Format.published_by"), export=export
)
