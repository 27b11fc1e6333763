"""`lsp-router serve | route | routing | spend | storage | cache | replay | doctor`."""

from __future__ import annotations

import argparse
import sys

from lsp_router import __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lsp-router",
        description="A language server that routes AI editor work between a mini and a frontier model.",
    )
    parser.add_argument("--version", action="version", version=f"lsp-router {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    serve = commands.add_parser("serve", help="run the language server on stdio")
    serve.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the default")
    serve.set_defaults(func=_serve)

    from lsp_router.cache.cli import register as register_cache
    from lsp_router.replay.cli import register as register_replay
    from lsp_router.routing.cli import register as register_route
    from lsp_router.routing.cli import register_learning
    from lsp_router.spend.cli import register as register_spend
    from lsp_router.spend.cli import register_storage

    register_route(commands)
    register_learning(commands)
    register_spend(commands)
    register_storage(commands)
    register_cache(commands)
    register_replay(commands)

    doctor = commands.add_parser("doctor", help="check each configured provider: key, reachability, models, prices")
    doctor.add_argument("--settings", help="a JSON file with lspRouter settings (the same shape as initializationOptions)")
    doctor.add_argument("--json", action="store_true")
    doctor.set_defaults(func=_doctor)
    return parser


def _serve(args: argparse.Namespace) -> int:
    import gc

    # Importing pygls and lsprotocol makes hundreds of thousands of objects that live as long
    # as the server; full collections would walk them all (~70 ms each) while the editor
    # waits for `initialize`. Young collections still run (they keep the peak, and so the
    # resident memory, down: with no collection at all it is 8 MB more). Full ones come
    # back, with those objects frozen, once `initialize` is served.
    gc.set_threshold(700, 10, 1_000_000)
    from lsp_router import paths, startup_codecache

    # the code attrs, cattrs and dataclasses generate, compiled at the last start (see
    # startup_codecache); given back once `initialize` is served
    code = startup_codecache.install_for_startup(paths.cache_dir)
    try:
        from lsp_router.server import serve
    except BaseException:
        if code is not None:
            code.uninstall()
        raise

    serve(after_start=code.uninstall if code is not None else None)
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from lsp_router.doctor import run_doctor
    from lsp_router.spend.cli import storage_check

    return run_doctor(args, storage_check=storage_check)


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["serve"] and set(given[1:]) <= {"--stdio"}:
        # The editor waits for `initialize`: skip loading every other command's modules
        # (routing, cache, spend: ~50 ms) just to build their --help.
        args = argparse.Namespace(command="serve", stdio=True, func=_serve)
    else:
        args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
