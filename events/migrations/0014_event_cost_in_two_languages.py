"""An event's cost as a "free of charge" flag, which every visitor reads in their language, and
the organiser's note in German and English. Notes that only said "free" become the flag; the
others stay in the language of the event (German unless it is held in English)."""

from django.db import migrations, models

# What organisers wrote when taking part cost nothing (PostgreSQL's regular expressions).
FREE = r"^\s*(kostenlos|kostenfrei|gratis|frei|eintritt frei|teilnahme kostenlos|free|free of charge)\s*[.!]?\s*$"


def flag_free_events(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Event.objects.filter(cost_note_de__iregex=FREE).update(free_of_charge=True, cost_note_de="")
    english = Event.objects.filter(language="en").exclude(cost_note_de="")
    english.update(cost_note_en=models.F("cost_note_de"), cost_note_de="")


def notes_in_one_field(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Event.objects.filter(free_of_charge=True, cost_note_de="", cost_note_en="").update(
        cost_note_de="Kostenlos"
    )
    Event.objects.filter(cost_note_de="").exclude(cost_note_en="").update(cost_note_de=models.F("cost_note_en"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0013_calendar_import"),
    ]

    operations = [
        migrations.RenameField(model_name="event", old_name="cost_note", new_name="cost_note_de"),
        migrations.RenameField(model_name="historicalevent", old_name="cost_note", new_name="cost_note_de"),
        migrations.AlterField(
            model_name="event",
            name="cost_note_de",
            field=models.CharField(
                blank=True,
                help_text="E.g. “20 EUR, Studierende frei”. Leave empty if the event is free and that is all.",
                max_length=200,
                verbose_name="cost (German)",
            ),
        ),
        migrations.AlterField(
            model_name="historicalevent",
            name="cost_note_de",
            field=models.CharField(
                blank=True,
                help_text="E.g. “20 EUR, Studierende frei”. Leave empty if the event is free and that is all.",
                max_length=200,
                verbose_name="cost (German)",
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="cost_note_en",
            field=models.CharField(
                blank=True, help_text="E.g. “EUR 20, students free”.", max_length=200, verbose_name="cost (English)"
            ),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="cost_note_en",
            field=models.CharField(
                blank=True, help_text="E.g. “EUR 20, students free”.", max_length=200, verbose_name="cost (English)"
            ),
        ),
        migrations.AddField(
            model_name="event",
            name="free_of_charge",
            field=models.BooleanField(default=False, verbose_name="free of charge"),
        ),
        migrations.AddField(
            model_name="historicalevent",
            name="free_of_charge",
            field=models.BooleanField(default=False, verbose_name="free of charge"),
        ),
        migrations.RunPython(flag_free_events, notes_in_one_field),
    ]
