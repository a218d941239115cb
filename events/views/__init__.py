"""The event views: pages (list, detail, forms, registration), moderation, calendars, feeds."""
