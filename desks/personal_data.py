"""What the desks app holds about a member (registered in DesksConfig.ready)."""

from members.personal_data import PersonalData


def export(user) -> dict:
    return {
        "desk_bookings": [
            {
                "space": booking.space.name_de,
                "hub": booking.space.hub.name_de,
                "day": booking.day.isoformat(),
                "status": booking.status,
                "booked": booking.created.isoformat(),
            }
            for booking in user.desk_bookings.select_related("space__hub").order_by("day")
        ],
    }


PERSONAL_DATA = PersonalData(app="desks", holds=("desks.DeskBooking.user",), export=export)
