"""What the pages app holds about a member (registered in PagesConfig.ready): only which agency
staff wrote a news item."""

from members.personal_data import PersonalData

PERSONAL_DATA = PersonalData(app="pages", curators=("pages.News.author",))
