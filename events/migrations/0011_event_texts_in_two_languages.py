from django.db import migrations, models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual

from core.search import search_index_operation

OLD_SEARCHED = ("title", "description", "venue", "address")
SEARCHED = ("title_de", "title_en", "description_de", "description_en", "venue", "address")
MARKDOWN_HELP = "Markdown: paragraphs, lists, links. Up to 10,000 characters."


def text_fields(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="title_de",
            field=models.CharField(blank=True, max_length=200, verbose_name="title (German)"),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="description_de",
            field=models.TextField(
                blank=True, help_text=MARKDOWN_HELP, max_length=10000, verbose_name="description (German)"
            ),
        ),
        migrations.AddField(
            model_name=model_name,
            name="title_en",
            field=models.CharField(blank=True, max_length=200, verbose_name="title (English)"),
        ),
        migrations.AddField(
            model_name=model_name,
            name="description_en",
            field=models.TextField(
                blank=True, help_text=MARKDOWN_HELP, max_length=10000, verbose_name="description (English)"
            ),
        ),
    ]


def whole(language):
    title, description = f"title_{language}", f"description_{language}"
    return Q(**{title: "", description: ""}) | (~Q(**{title: ""}) & ~Q(**{description: ""}))


class Migration(migrations.Migration):
    """The existing texts are German; an English version may be added."""

    dependencies = [("events", "0010_posting_suspensions")]

    operations = [
        search_index_operation("events.Event", OLD_SEARCHED, prefix="event", remove=True),
        migrations.RemoveConstraint(model_name="event", name="event_description_length"),
        migrations.RenameField(model_name="event", old_name="title", new_name="title_de"),
        migrations.RenameField(model_name="event", old_name="description", new_name="description_de"),
        migrations.RenameField(model_name="historicalevent", old_name="title", new_name="title_de"),
        migrations.RenameField(model_name="historicalevent", old_name="description", new_name="description_de"),
        *text_fields("event"),
        *text_fields("historicalevent"),
        *(
            migrations.AddConstraint(
                model_name="event",
                constraint=models.CheckConstraint(
                    condition=LessThanOrEqual(Length(f"description_{language}"), 10000),
                    name=f"event_description_{language}_length",
                ),
            )
            for language in ("de", "en")
        ),
        migrations.AddConstraint(
            model_name="event",
            constraint=models.CheckConstraint(condition=~Q(title_de="", title_en=""), name="event_has_a_title"),
        ),
        *(
            migrations.AddConstraint(
                model_name="event",
                constraint=models.CheckConstraint(condition=whole(language), name=f"event_{language}_text_whole"),
            )
            for language in ("de", "en")
        ),
        search_index_operation("events.Event", SEARCHED, prefix="event"),
    ]
