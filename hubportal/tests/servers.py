"""Real servers on loopback for the tests that play outages and production."""

import socket


def free_port() -> int:
    """A TCP port on loopback that nothing listens on (for a server to start, or to find closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SmtpSink:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for the tests
    of mail delivery; `port` is fixed from the start, so that it can be started late, as a
    mail server coming back."""

    def __init__(self):
        self.port = free_port()
        self.messages = []
        self._controller = None

    def start(self):
        from email import message_from_bytes, policy

        from aiosmtpd.controller import Controller

        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                sink.messages.append(message_from_bytes(envelope.content, policy=policy.default))
                return "250 OK"

        self._controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller:
            self._controller.stop()
